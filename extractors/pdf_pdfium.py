"""What one PDF page holds, read through PDFium: characters, rule segments, images.

PDFium (through pypdfium2's bindings) parses a page once, in C; each character comes with its
Unicode value, its loose box (advance width × font ascent/descent, the box a typesetter
lines text up by), its font size and its matrix, and every painted path with its segments.
That is all the layout needs, at a fraction of pdfminer's cost. Everything here is plain data
once it leaves the module; no PDFium handle outlives :func:`read_page`.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_layout import BULLET_GLYPH, Char, fold_radicals, is_private_use
from .pdf_rules import Segment

# A matrix whose shear is below this share of its scale is upright (rotated text, such as a
# watermark or a vertical stamp, is not part of the running text).
UPRIGHT_SHEAR = 0.01


@dataclass(slots=True)
class PageContent:
    """One page as plain data, coordinates top-down from the media box's top edge."""

    number: int
    left: float
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    n_chars: int = 0  # visible characters, decodable or not
    n_undecodable: int = 0
    n_objects: int = 0
    has_images: bool = False
    # The finest resolution an image on the page is drawn at (dots per inch), 0 if none.
    image_dpi: float = 0.0


class PageTooLarge(Exception):
    """More characters or objects on one page than the limits allow; the page is skipped."""


def page_geometry(page: pdfium.PdfPage, number: int) -> PageContent:
    left, bottom, right, top = page.get_mediabox()
    return PageContent(number=number, left=float(left), width=float(right - left), height=float(top - bottom))


def read_page(page: pdfium.PdfPage, number: int, max_chars: int, max_objects: int) -> PageContent:
    """Characters, segments and image presence of ``page``; raises :class:`PageTooLarge`."""
    content = page_geometry(page, number)
    _, _, _, media_top = page.get_mediabox()
    content.n_objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    if content.n_objects > max_objects:
        raise PageTooLarge(f"{content.n_objects:,} objects")
    _read_objects(page, content, float(media_top))
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count > max_chars:
            raise PageTooLarge(f"{count:,} characters")
        _read_chars(textpage, count, content, float(media_top))
    finally:
        textpage.close()
    return content


# --- characters ---------------------------------------------------------------------------


def _read_chars(textpage: pdfium.PdfTextPage, count: int, content: PageContent, media_top: float) -> None:
    """Visible characters into ``content.chars``; undecodable ones are counted and dropped,
    except private-use glyphs, which symbol fonts use for bullets."""
    raw = textpage.raw
    get_unicode = pdfium_c.FPDFText_GetUnicode
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    get_matrix = pdfium_c.FPDFText_GetMatrix
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    box_ref, matrix_ref = ctypes.byref(box), ctypes.byref(matrix)
    chars = content.chars
    for i in range(count):
        code = get_unicode(raw, i)
        if code == _LINE_END_HYPHEN:
            code = 0x2D  # PDFium marks a hyphen that ends a line; it is on the page as "-"
        elif code <= 0x20 or code in _SPACES:
            continue  # spaces, line breaks PDFium generated, control characters
        text = chr(code) if code <= 0x10FFFF else "\ufffd"
        content.n_chars += 1
        if map_error(raw, i) or text == "\ufffd" or 0x7F <= code < 0xA0:
            content.n_undecodable += 1
            continue
        if is_private_use(text):
            content.n_undecodable += 1
            text = BULLET_GLYPH
        if not get_box(raw, i, box_ref) or not get_matrix(raw, i, matrix_ref):
            continue
        if not _upright(matrix):
            continue
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        size = get_size(raw, i) * scale
        x0, x1 = box.left, box.right
        top, bottom = media_top - box.top, media_top - box.bottom
        if not (size > 0 and math.isfinite(size + x0 + x1 + top + bottom)):
            continue
        chars.append(Char(fold_radicals(text), x0, x1, top, bottom, size))


_LINE_END_HYPHEN = 0x02
_SPACES = frozenset((0xA0, 0x3000, 0xFEFF, *range(0x2000, 0x200C), 0x2028, 0x2029, 0x202F, 0x205F))


def _upright(m: pdfium_c.FS_MATRIX) -> bool:
    scale = max(abs(m.a), abs(m.d), 1e-9)
    return m.a > 0 and m.d > 0 and abs(m.b) <= UPRIGHT_SHEAR * scale and abs(m.c) <= UPRIGHT_SHEAR * scale


# --- objects: paths and images ------------------------------------------------------------

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_WANTED = frozenset((pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM))
# Form XObjects nest; deeper than this is a loop or an attack, and holds no table.
MAX_FORM_DEPTH = 8


def _read_objects(page: pdfium.PdfPage, content: PageContent, media_top: float) -> None:
    for obj, kind, ctm in _objects(page.raw, content.n_objects, _IDENTITY, 0, top_level=True):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.has_images = True
            content.image_dpi = max(content.image_dpi, _image_dpi(obj, page))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and _painted(obj):
            content.segments.extend(_path_segments(obj, ctm, media_top))


def _objects(
    container, count: int, outer: _Matrix, depth: int, top_level: bool = False
) -> Iterator[tuple[object, int, _Matrix]]:
    """Page objects with the matrix from the object's space to page space; form XObjects
    are entered (their content is drawn through the form's matrix)."""
    get = pdfium_c.FPDFPage_GetObject if top_level else pdfium_c.FPDFFormObj_GetObject
    for i in range(count):
        obj = get(container, i)
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in _WANTED:
            continue  # text objects: their characters come from the text page
        own = _compose(_matrix(obj), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < MAX_FORM_DEPTH:
                inner = pdfium_c.FPDFFormObj_CountObjects(obj)
                yield from _objects(obj, max(inner, 0), own, depth + 1)
            continue
        yield obj, kind, own


def _image_dpi(obj, page: pdfium.PdfPage) -> float:
    metadata = pdfium_c.FPDF_IMAGEOBJ_METADATA()
    if not pdfium_c.FPDFImageObj_GetImageMetadata(obj, page.raw, ctypes.byref(metadata)):
        return 0.0
    dpi = min(metadata.horizontal_dpi, metadata.vertical_dpi)
    return float(dpi) if math.isfinite(dpi) and dpi > 0 else 0.0


def _matrix(obj) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` then ``outer`` (row-vector convention of PDF matrices)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # noqa: N806 - matrix entries
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _painted(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(fill.value or stroke.value)


def _path_segments(obj, m: _Matrix, media_top: float) -> list[Segment]:
    """Straight pieces of a path in page coordinates; curves are no rules and are skipped."""
    segments: list[Segment] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = _apply(m, x.value, y.value, media_top)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
            segments.append(_segment(current, point))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and current != start:
            segments.append(_segment(current, start))
            current = start
    return segments


def _apply(m: _Matrix, x: float, y: float, media_top: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (round(a * x + c * y + e, 3), round(media_top - (b * x + d * y + f), 3))


def _segment(p: tuple[float, float], q: tuple[float, float]) -> Segment:
    return Segment(p[0], p[1], q[0], q[1])
