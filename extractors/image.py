"""Image reader: a scan or a phone photo of a job description (PNG, JPEG, TIFF) through OCR.

Needs the ``ocr`` extra; without it (or with ``ReadOptions.ocr=False``) the file fails as
``no_text_layer`` with the one command that adds OCR. The image is checked before it is
decoded: its pixel count against ``Limits.max_image_pixels`` (a decompression bomb declares
a huge canvas in a few bytes), its frames (a TIFF may hold many pages) against
``max_pdf_pages``; a file Pillow cannot decode is ``corrupt_file``. A JPEG's EXIF orientation
is applied, as a phone camera saves its pictures sideways and records the turn.

A picture that fills the frame is a scan and is only levelled; one showing a sheet on a
darker background is a photo, whose sheet is mapped onto a rectangle first.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from struct import error as struct_error

from ..schemas.document import Document
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .pdf_layout import assemble

logger = logging.getLogger(__name__)


def read_image(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    from . import ocr

    if not options.ocr:
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, "the file is an image and OCR is turned off for this run")
    if not ocr.available():
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, f"the file is an image, it holds no text layer; {ocr.INSTALL_HINT}")
    pages = [
        ocr.page_from_image(pixels, number, photo=True)
        for number, pixels in enumerate(_decoded_frames(data, limits), start=1)
    ]
    return assemble(pages, len(pages), "image", [], "")


def _decoded_frames(data: bytes, limits: Limits):
    """The image's frames as grey NumPy arrays, one at a time, each checked before decoding."""
    image = _quietly(_open, data)
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pdf_pages:
        raise DocumentError(
            ErrorCode.TOO_LARGE, f"the image holds {frames:,} pages, above the limit of {limits.max_pdf_pages:,}"
        )
    for index in range(frames):
        yield _quietly(_decode_frame, image, index, limits)


def _quietly(function, *args):
    """Pillow's decoding, its warnings silenced (damage is judged by its exceptions; its
    decompression-bomb warning stands below our own pixel limit) and its errors typed."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return function(*args)
        except Image.DecompressionBombError as exc:
            raise DocumentError(ErrorCode.TOO_LARGE, f"the image is too large to decode: {exc}") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, struct_error) as exc:
            raise DocumentError(ErrorCode.CORRUPT_FILE, f"the image cannot be decoded: {_describe(exc)}") from None


def _open(data: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(data))


def _decode_frame(image, index: int, limits: Limits):
    import numpy as np
    from PIL import ImageOps

    image.seek(index)
    _check_size(image.size, limits)
    # A phone saves its pictures as the sensor lies and records the turn in EXIF.
    frame = ImageOps.exif_transpose(image) if index == 0 else image
    return np.asarray(frame.convert("L"))


def _check_size(size: tuple[int, int], limits: Limits) -> None:
    width, height = size
    if width * height > limits.max_image_pixels or max(width, height) > limits.max_image_side:
        raise DocumentError(
            ErrorCode.TOO_LARGE,
            f"the image is {width:,}×{height:,} pixels, above the limit of {limits.max_image_pixels:,} pixels "
            f"or {limits.max_image_side:,} on a side",
        )
    if width < 16 or height < 16:
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, f"the image is only {width}×{height} pixels; it holds no text")


def _describe(exc: BaseException) -> str:
    # Pillow names the stream object it read from ("<_io.BytesIO object at 0x7f…>"): an
    # address that would differ on every run of the same file.
    text = re.sub(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>", "", str(exc)).strip()
    return (text or type(exc).__name__)[:200]

