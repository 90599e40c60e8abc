"""OCR of page images (scanned PDF pages, photos, image files) into the reader's page content.

The engine is RapidOCR on ONNX Runtime with the PP-OCRv4 Chinese detection and recognition
models its wheel ships, so nothing is downloaded at run time; it comes with the optional
``ocr`` extra (``pip install 'jdx[ocr]'``) and is loaded once per process, on first use.

A page image is flattened (photo) and levelled (scan) first (:mod:`.page_image`); the engine
then gives text lines with boxes and a confidence each. Every line becomes characters laid
out across its box, with the line's confidence, and the image's ruled lines become rule
segments, so the page goes through exactly the layout a text PDF goes through
(:mod:`.pdf_layout`): reading order, paragraphs, ruled tables as table blocks with spans,
furniture — a scanned form still reads as a form.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from dataclasses import dataclass

from .pdf_layout import Char, Page, is_cjk
from .pdf_pdfium import PageContent
from .pdf_rules import table_cells

logger = logging.getLogger(__name__)

INSTALL_HINT = "install the OCR extra to read it: pip install 'jdx[ocr]'"
# Page images are rendered at this resolution: 10.5 pt text is then ~29 px high, which the
# recognizer (48 px input) reads without upscaling blur.
RENDER_DPI = 200
# ...but no finer than the page's scan, and no coarser than this.
MIN_RENDER_DPI = 100
# An image larger than this (pixels on its longer side) is scaled down before OCR, as the
# engine would do itself (its detector's limit); body text of an A4 page stays ~25 px high.
MAX_OCR_SIDE = 2000
# A detected box's height over the font size of its text (the detector pads each line).
BOX_TO_FONT = 1.1
# A line this many ems long measures its font size by its width.
EM_FROM_WIDTH_MIN = 4.0
# Measured sizes this close to the page's usual size are that size.
SIZE_SNAP = 0.15
# Lines per recognizer run (see _get_engine).
REC_BATCH = 1
# Glyphs the recognizer confuses in running text: 丶 (a radical, never written in prose) is
# its reading of the enumeration comma 、.
_LOOKALIKES = str.maketrans({"丶": "、"})


def available() -> bool:
    """Whether the ``ocr`` extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr_onnxruntime", "cv2", "numpy"))


_engine = None
_engine_lock = threading.Lock()


def _get_engine():
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR
            from rapidocr_onnxruntime.utils import infer_engine

            _without_spinning(infer_engine.OrtInferSession)
            # No orientation classifier: pages are levelled before recognition, and the
            # classifier's 180° guesses on short CJK lines do more harm than good.
            _engine = RapidOCR(use_cls=False)
            # One line per recognizer run: a batch is padded to its widest line, and lines of
            # a page differ in width; measured, batches of 6 cost 1.6x the CPU of single lines.
            _engine.text_rec.rec_batch_num = REC_BATCH
            logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        return _engine


def _without_spinning(session_class) -> None:
    """ONNX Runtime's worker threads spin while they wait for work; with batch workers or
    other programs sharing the cores, the spinning takes the time the model needs."""
    original = session_class._init_sess_opts
    if getattr(original, "_jdx_no_spin", False):
        return

    def init_sess_opts(config):
        options = original(config)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return options

    # Marks the patched method so a second call leaves it alone; mypy does not model attributes set on functions.
    init_sess_opts._jdx_no_spin = True  # type: ignore[attr-defined]
    session_class._init_sess_opts = staticmethod(init_sess_opts)


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised text line: its axis-parallel box in image pixels, text and confidence."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float


def recognise(gray) -> list[OcrLine]:
    """Text lines of a level grey image."""
    import cv2
    import numpy as np

    result, _ = _get_engine()(cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB), use_cls=False)
    lines: list[OcrLine] = []
    for quad, text, score in result or []:
        points = np.asarray(quad, dtype=np.float64)
        text = str(text).translate(_LOOKALIKES).strip()
        if not text:
            continue
        lines.append(
            OcrLine(
                float(points[:, 0].min()),
                float(points[:, 1].min()),
                float(points[:, 0].max()),
                float(points[:, 1].max()),
                text,
                float(score),
            )
        )
    return lines


def line_size(line: OcrLine, points_per_pixel: float) -> float:
    """Font size of a recognised line, in points. Ideographs are set one em apart, so a line
    with several of them measures its em by its width; a short line falls back on its box
    height, which the detector pads."""
    weight = sum(_advance(ch) for ch in line.text)
    if weight >= EM_FROM_WIDTH_MIN:
        return (line.x1 - line.x0) * points_per_pixel / weight
    return (line.bottom - line.top) * points_per_pixel / BOX_TO_FONT


def snap_sizes(sizes: list[float]) -> list[float]:
    """Sizes within ``SIZE_SNAP`` of the page's usual size become that size.

    Measured sizes jitter by a pixel or two from line to line, and the layout reads a size
    change as a paragraph boundary; a page's body text is set in one size.
    """
    if not sizes:
        return sizes
    usual = sorted(sizes)[len(sizes) // 2]
    return [usual if abs(size - usual) <= SIZE_SNAP * usual else size for size in sizes]


def _advance(ch: str) -> float:
    return 1.0 if is_cjk(ch) else 0.5


def line_chars(line: OcrLine, points_per_pixel: float, size: float) -> list[Char]:
    """A recognised line as characters spread over its box: ideographs a full em wide, other
    characters half an em, spaces advancing without a character."""
    weights = [_advance(ch) for ch in line.text]
    x0, x1 = line.x0 * points_per_pixel, line.x1 * points_per_pixel
    top, bottom = line.top * points_per_pixel, line.bottom * points_per_pixel
    step = (x1 - x0) / (sum(weights) or 1.0)
    chars: list[Char] = []
    x = x0
    for ch, weight in zip(line.text, weights, strict=True):
        width = weight * step
        if not ch.isspace():
            chars.append(Char(ch, x, x + width, top, bottom, size, round(line.confidence, 4)))
        x += width
    return chars


def page_from_image(image, number: int, points_per_pixel: float | None = None, photo: bool = False):
    """OCR one page image (NumPy, grey or RGB) into a laid-out :class:`~.pdf_layout.Page`.

    ``points_per_pixel`` is known for a rendered PDF page; for an image file the page is taken
    to be A4-wide, which puts font sizes and tolerances on the scale the layout expects.
    """
    import cv2

    from . import page_image
    from .pdf import laid_out

    gray = page_image.to_gray(image)
    if photo:
        gray = page_image.flatten_photo(gray)
    longest = max(gray.shape[:2])
    if longest > MAX_OCR_SIDE:
        factor = MAX_OCR_SIDE / longest
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        if points_per_pixel is not None:
            points_per_pixel /= factor
    gray, angle = page_image.deskew(gray)
    if angle:
        logger.debug("page %d levelled by %.2f degrees", number, angle)
    if points_per_pixel is None:
        points_per_pixel = 595.0 / gray.shape[1]
    content = PageContent(
        number=number, left=0.0, width=gray.shape[1] * points_per_pixel, height=gray.shape[0] * points_per_pixel
    )
    lines = recognise(gray)
    sizes = snap_sizes([line_size(line, points_per_pixel) for line in lines])
    for line, size in zip(lines, sizes, strict=True):
        content.chars.extend(line_chars(line, points_per_pixel, size))
    content.n_chars = len(content.chars)
    content.has_images = True
    content.segments = page_image.rule_segments(gray, points_per_pixel)
    cells = table_cells(content.segments) if content.segments else []
    return laid_out(content, cells, ocr=True)


class PdfPageOcr:
    """OCR for the pages of a PDF that have no usable text layer."""

    def read_pdf_page(self, pdf_page, content: PageContent) -> Page:
        import numpy as np

        # Not finer than the scan itself (upsampling adds pixels, not detail, and OCR time
        # grows with the pixels), nor coarser than text needs; a huge page (a poster, a
        # drawing) is rendered smaller rather than into gigabytes.
        dpi = RENDER_DPI if content.image_dpi <= 0 else min(RENDER_DPI, max(MIN_RENDER_DPI, content.image_dpi))
        scale = min(dpi / 72, MAX_OCR_SIDE / max(content.width, content.height, 1.0))
        bitmap = pdf_page.render(scale=scale, grayscale=True)
        try:
            pixels = np.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()
        if pixels.ndim == 3:
            pixels = pixels[:, :, 0]
        return page_from_image(pixels, content.number, points_per_pixel=1 / scale)
