"""Resource limits for reading untrusted files (zip bombs, huge texts, endless PDFs)."""

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
    # would take minutes and gigabytes. Such a page is skipped with a warning.
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


DEFAULT_LIMITS = Limits()
