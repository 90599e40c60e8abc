"""PDF reader: each page's text layer through PDFium, or its image through OCR, laid out into blocks.

PDFium opens the file (with ``ReadOptions.password`` when one is given; a permissions-only
password needs none) and reads every page once (:mod:`.pdf_pdfium`): characters with boxes
and font sizes, and the straight segments of painted paths, from which ruled tables are
found (:mod:`.pdf_rules`). :mod:`.pdf_layout` turns that into lines, tables, paragraphs,
furniture and blocks. A page without a text layer (a scan), or whose fonts cannot be
decoded, is rendered and read by OCR when the ``ocr`` extra is installed (:mod:`.ocr`), page
by page, so a PDF mixing typed and scanned pages reads whole.

Bounds: the page count (``max_pdf_pages``), characters and objects per page
(``max_page_chars``, ``max_page_objects``: such a page is skipped with a warning) and the
text of the whole document (``max_text_chars``). A damaged page is skipped with a warning; a
file PDFium cannot open is ``corrupt_file``, one that needs a password ``encrypted``.
"""

from __future__ import annotations

import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..schemas.document import Document, ReadIssue
from .errors import DocumentError, ErrorCode, exception_summary
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .pdf_layout import BULLET_GLYPH, UNDECODABLE_SHARE, Box, Page, assemble, layout_page
from .pdf_pdfium import PageContent, PageTooLarge, page_geometry, read_page
from .pdf_rules import table_cells

logger = logging.getLogger(__name__)


def read_pdf(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read a PDF into blocks. Raises :class:`DocumentError` for input it cannot read."""
    document = _open(data, options.password)
    try:
        pages = _read_pages(document, limits, options)
    finally:
        document.close()
    warnings: list[ReadIssue] = []
    if b"%%EOF" not in data[-2048:]:
        warnings.append(
            ReadIssue(
                code="truncated",
                message="the PDF seems cut short (no %%EOF marker); some content may be missing",
            )
        )
    return assemble(pages, len(pages), "pdf", warnings, _ocr_hint(options))


def _open(data: bytes, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, password) from None


def _open_error(exc: pdfium.PdfiumError, password: str | None) -> DocumentError:
    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        if password:
            return DocumentError(ErrorCode.ENCRYPTED, "the PDF is password-protected and the password given does not open it")
        return DocumentError(
            ErrorCode.ENCRYPTED, "the PDF is password-protected; a password is needed to open it (--password)"
        )
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return DocumentError(ErrorCode.ENCRYPTED, "the PDF is encrypted with a security handler that cannot be read")
    return DocumentError(ErrorCode.CORRUPT_FILE, "not a readable PDF: PDFium cannot parse it")


def _too_many_pages(count: int, limits: Limits) -> DocumentError:
    return DocumentError(
        ErrorCode.TOO_LARGE, f"the PDF has {count:,} pages, above the limit of {limits.max_pdf_pages:,}"
    )


def _read_pages(document: pdfium.PdfDocument, limits: Limits, options: ReadOptions) -> list[Page]:
    count = len(document)
    if count > limits.max_pdf_pages:
        raise _too_many_pages(count, limits)
    if count <= 0:
        raise DocumentError(ErrorCode.CORRUPT_FILE, "the PDF has no pages")
    ocr = _ocr_reader(options)
    pages: list[Page] = []
    total_chars = 0
    for number in range(1, count + 1):
        page = _read_page(document, number, limits, ocr)
        total_chars += page.n_chars
        if total_chars > limits.max_text_chars:
            raise DocumentError(
                ErrorCode.TOO_LARGE, f"more than {limits.max_text_chars:,} characters of text by page {number}"
            )
        pages.append(page)
    return pages


def _read_page(document: pdfium.PdfDocument, number: int, limits: Limits, ocr) -> Page:
    """One page laid out; a page that fails to parse or is too large is marked, not fatal."""
    try:
        pdf_page = document[number - 1]
    except pdfium.PdfiumError:
        logger.warning("page %d could not be loaded and was skipped", number)
        return Page(number=number, width=0.0, top=0.0, height=0.0, failed=True)
    try:
        content = read_page(pdf_page, number, limits.max_page_chars, limits.max_page_objects)
        if ocr is not None and _needs_ocr(content):
            page = ocr.read_pdf_page(pdf_page, content)
            if page.elements:
                return page
            # Nothing legible in the image either: the page stays what its text layer says
            # (image-only, undecodable), and the messages say OCR was tried.
            page = laid_out(content, [])
            page.ocr_found_nothing = True
            return page
        cells = table_cells(content.segments) if content.segments else []
    except PageTooLarge as exc:
        logger.warning("page %d holds %s, beyond the per-page limit; skipped", number, exc)
        geometry = page_geometry(pdf_page, number)
        return Page(number=number, width=geometry.width, top=0.0, height=geometry.height, too_large=True)
    except MemoryError:
        raise
    except Exception as exc:  # a damaged content stream spoils this page, not the document
        logger.warning("page %d could not be parsed (%s); skipped", number, exception_summary(exc))
        logger.debug("page %d parse failure", number, exc_info=True)
        return Page(number=number, width=0.0, top=0.0, height=0.0, failed=True)
    finally:
        pdf_page.close()
    return laid_out(content, cells)


def laid_out(content: PageContent, cells: list[list[Box]], ocr: bool = False) -> Page:
    """A page's content through the layout, with the counters the warnings need."""
    page = Page(
        number=content.number,
        width=content.width,
        top=0.0,
        height=content.height,
        left=content.left,
        n_chars=content.n_chars,
        n_undecodable=content.n_undecodable,
        has_images=content.has_images,
        ocr=ocr,
    )
    page.n_dropped = content.n_undecodable - sum(c.text == BULLET_GLYPH for c in content.chars)
    if page.undecodable:
        return page
    page.elements = layout_page(content.chars, cells, page)
    return page


def _needs_ocr(content: PageContent) -> bool:
    """A scanned page (images, no characters) or one whose fonts cannot be decoded."""
    if content.n_chars == 0:
        return content.has_images
    return content.n_undecodable > UNDECODABLE_SHARE * content.n_chars


# --- OCR hand-off -------------------------------------------------------------------------


def _ocr_reader(options: ReadOptions):
    if not options.ocr:
        return None
    from . import ocr

    return ocr.PdfPageOcr() if ocr.available() else None


def _ocr_hint(options: ReadOptions) -> str:
    if not options.ocr:
        return "OCR is turned off for this run"
    from . import ocr

    return "" if ocr.available() else ocr.INSTALL_HINT
