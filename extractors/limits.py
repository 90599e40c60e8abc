"""Resource limits for reading untrusted files (zip bombs, huge texts, endless PDFs).

The work bounds below are part of the reader contract: every reader keeps within them while
it reads (so memory stays bounded), and :func:`jdx.extractors.bounds.enforce_bounds` checks
every Document a reader returns. Past a bound the file fails with ``too_large``, or, where a
partial read is still useful (the first 100,000 cells of a giant table, the first blocks of an
endless log), it is cut there with a ``truncated`` warning, which makes the result partial.
The defaults sit far above anything in the corpus (largest table 1,818 grid cells, most
blocks 3,455, deepest HTML 15 elements, nested tables 3 deep).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Limits(BaseModel):
    model_config = ConfigDict(frozen=True)

    max_file_bytes: int = 200 * 1024 * 1024
    # A 岗位说明书 compilation of hundreds of roles is a few MB of text; tens of MB is a dump
    # or a log that would only stall the extraction.
    max_text_chars: int = 8_000_000
    max_pdf_pages: int = 300
    # One PDF page: a dense A4 page of small print holds ~10,000 characters and a few
    # thousand drawing objects; far beyond that a page is a generated flood whose text layout
    # would take minutes and gigabytes. Such a page is skipped with a warning (a form-feed
    # page of text past it is cut with ``truncated``).
    max_page_chars: int = 200_000
    max_page_objects: int = 200_000
    # Images for OCR (scans, photos): a 48-megapixel phone photo passes; a decompression bomb
    # declaring a gigapixel canvas in a few hundred bytes does not. OCR reads at most 2,000
    # pixels on a side, so past 16,384 on a side the glyphs shrink beyond reading.
    max_image_pixels: int = 60_000_000
    max_image_side: int = 16_384
    # Sum of the uncompressed sizes of a DOCX's members, and the ratio to the zip's size.
    max_unzipped_bytes: int = 400 * 1024 * 1024
    max_compression_ratio: float = 200.0
    # Grid slots (rows × columns after empty edges are dropped) of one worksheet's table. A
    # roster of a few thousand roles fits; a sheet used to 16,384 columns or a million rows
    # is cut here with a ``sheet_truncated`` warning instead of filling memory.
    max_sheet_cells: int = 100_000
    # Legacy .xls/.et workbooks are read whole by xlrd (about 400 bytes of memory per cell):
    # larger files are refused as ``too_large`` before parsing.
    max_xls_bytes: int = 40 * 1024 * 1024
    # Grid slots of one table after row and column spans are expanded (n_rows × n_cols):
    # what ``Table.grid()`` and the table stages downstream pay for (about 0.1 ms and 3 KB a
    # cell in extraction), and the same over all the tables of a document. Rows past the
    # bound are cut with ``truncated``.
    max_table_cells: int = 50_000
    max_document_table_cells: int = 200_000
    # Blocks in one document body (extraction spends about 0.3 ms a block). Cut with ``truncated``.
    max_blocks: int = 50_000
    # Tables inside table cells, elements inside elements, brackets inside brackets: deeper
    # content is read flat where the reader can (HTML), refused as ``too_large`` where not.
    max_nesting_depth: int = 64
    # /Pages nodes above a page in a PDF page tree (a loop is refused, never followed).
    max_page_tree_depth: int = 32


DEFAULT_LIMITS = Limits()
