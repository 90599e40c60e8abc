"""OCR of scans and photos (the ``ocr`` extra), on fixtures built by ``tests/fixtures/scan_fixtures.py``.

- a scanned copy of each sample PDF (image-only, 200 dpi, turned ~1°) gives the sample's
  expected role fields with F1 ≥ 0.90 (``tests/field_scoring.py``, the shared scorer's rules);
- a phone photo of a one-page form gives its title, duties and qualifications;
- a PDF mixing a typed and a scanned page reads both, page by page;
- hostile images fail with a code, in bounds.

Without the extra only the tests of the install hint run.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
import zlib
from functools import cache
from pathlib import Path

import pytest
from jdx.extractors import ocr
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.options import ReadOptions
from jdx.extractors.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
sys.path.insert(0, str(ROOT / "tests"))
from field_scoring import field_scores  # noqa: E402

SAMPLE_PDFS = sorted((ROOT / "samples" / "documents").glob("*.pdf"))
FORM = ROOT / "tests" / "fixtures" / "pdf" / "quality_engineer.pdf"
LIMITS = Limits()

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@cache
def scanned(sample: Path) -> bytes:
    from scan_fixtures import scanned_pdf

    return scanned_pdf(sample.read_bytes())


_recognised: dict[str, list] = {}


@pytest.fixture(autouse=True)
def recognise_each_image_once(monkeypatch):
    """OCR is seconds a page: the same page pixels (the mixed PDF reuses a scanned page, the
    document and its conversion read the same file) are recognised once per session."""
    if not ocr.available():
        return
    original = ocr.recognise

    def memo(gray):
        key = hashlib.sha256(gray.tobytes()).hexdigest() + str(gray.shape)
        if key not in _recognised:
            _recognised[key] = original(gray)
        return _recognised[key]

    monkeypatch.setattr(ocr, "recognise", memo)


def convert(data: bytes, name: str) -> dict:
    from jdx.pipeline.convert import convert_bytes

    return json.loads(convert_bytes(data, name).model_dump_json())


# --- without OCR --------------------------------------------------------------------------


def test_scan_without_the_extra_names_the_install_command(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(DocumentError) as info:
        read_pdf((ROOT / "tests" / "fixtures" / "pdf" / "scanned.pdf").read_bytes(), LIMITS)
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "pip install 'jdx[ocr]'" in info.value.message


def test_image_without_the_extra_names_the_install_command(monkeypatch):
    from jdx.extractors import read_document

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(DocumentError) as info:
        read_document(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "pip install 'jdx[ocr]'" in info.value.message


def test_ocr_turned_off_keeps_no_text_layer():
    with pytest.raises(DocumentError) as info:
        read_pdf((ROOT / "tests" / "fixtures" / "pdf" / "scanned.pdf").read_bytes(), LIMITS, ReadOptions(ocr=False))
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "turned off" in info.value.message


# --- scanned samples ----------------------------------------------------------------------


@needs_ocr
def test_low_resolution_scan_reads_with_a_warning_naming_its_pages():
    doc = read_pdf((ROOT / "tests" / "fixtures" / "pdf" / "scanned.pdf").read_bytes(), LIMITS)
    assert doc.ocr
    assert [squash(b.text) for b in doc.blocks][:2] == ["仓库管理员岗位说明书", "岗位职责"]
    assert squash(doc.blocks[2].text).startswith("1.负责仓库物料的收发、保管和盘点工作")
    assert [w.code for w in doc.warnings] == ["ocr_pages"]


@needs_ocr
def test_undecodable_font_with_nothing_legible_says_ocr_was_tried():
    with pytest.raises(DocumentError) as info:
        read_pdf((ROOT / "tests" / "fixtures" / "pdf" / "cid_font.pdf").read_bytes(), LIMITS)
    assert info.value.code is ErrorCode.NO_TEXT_LAYER
    assert "cid" in info.value.message and "OCR found no text" in info.value.message


@needs_ocr
@pytest.mark.parametrize("sample", SAMPLE_PDFS, ids=lambda p: p.name)
def test_scanned_sample_gives_its_expected_fields(sample: Path):
    data = scanned(sample)
    doc = read_pdf(data, LIMITS)
    assert doc.ocr and doc.pages == 2
    assert all(b.confidence is not None and 0.5 < b.confidence <= 1.0 for b in doc.blocks)
    expected = json.loads((ROOT / "samples" / "gold" / f"{sample.name}.gold.json").read_text(encoding="utf-8"))
    actual = convert(data, sample.name)
    assert actual["status"] == "ok"
    tally = field_scores(expected["roles"], actual["roles"])
    assert tally.f1() >= 0.90, tally.misses


@needs_ocr
def test_scanned_kpi_table_keeps_its_grid():
    sample = next(p for p in SAMPLE_PDFS if "销售区域经理" in p.name)
    doc = read_pdf(scanned(sample), LIMITS)
    [table] = [b.table for b in doc.blocks if b.table is not None]
    rows = [[squash(c.text) for c in row] for row in table.rows()]
    assert rows[0] == ["指标", "权重", "月度", "季度", "年度"]
    assert [r[0] for r in rows[1:]] == ["销售额完成率", "回款率", "市场费用率", "新增经销商数量", "重点门店铺货率", "团队人员流失率"]
    assert rows[1][1:] == ["35%", "≥95%", "≥100%", "≥100%"]
    # The running header and page footers are furniture, as in the text PDF.
    assert [squash(f.text) for f in doc.furniture if f.page == 2] == ["广东美嘉日化股份有限公司岗位说明书", "第2页共2页"]


# --- a phone photo of a form --------------------------------------------------------------


@needs_ocr
def test_phone_photo_of_a_form_gives_title_duties_and_qualifications():
    from scan_fixtures import phone_photo

    data = phone_photo(FORM.read_bytes())
    result = convert(data, "岗位说明书照片.jpg")
    assert result["status"] in ("ok", "partial"), result.get("error")
    [role] = result["roles"]
    assert role["title"] == "质量工程师"
    assert role["source"]["format"] == "image"
    duties = [squash(d["text"]) for d in role["duties"]]
    assert len(duties) == 8
    assert duties[0].startswith("负责建立、实施并持续改进公司质量管理体系")
    assert duties[-1].startswith("完成上级领导交办的其他工作")
    qualifications = role["qualifications"]
    assert qualifications["education"]["level"] == "本科"
    assert qualifications["experience"]["years_min"] == 3


# --- mixed PDF ----------------------------------------------------------------------------


@needs_ocr
def test_mixed_pdf_is_read_page_by_page():
    import pypdfium2 as pdfium

    text_pdf = pdfium.PdfDocument(FORM.read_bytes())
    scan = pdfium.PdfDocument(scanned(next(p for p in SAMPLE_PDFS if "销售区域经理" in p.name)))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(text_pdf, [0])
    mixed.import_pages(scan, [1])
    out = io.BytesIO()
    mixed.save(out)
    doc = read_pdf(out.getvalue(), LIMITS)
    assert doc.ocr
    typed = [b for b in doc.blocks if b.page == 1]
    scanned_blocks = [b for b in doc.blocks if b.page == 2]
    assert typed and all(b.confidence is None for b in typed)
    assert scanned_blocks and all(b.confidence is not None for b in scanned_blocks)
    assert "五、任职资格" in [squash(b.text) for b in scanned_blocks]


# --- hostile images -----------------------------------------------------------------------


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A grey PNG written by hand: any declared size, with rows compressed once."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    raw = rows if rows is not None else (b"\x00" + b"\xff" * width) * height
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def decompression_bomb() -> bytes:
    """50,000 × 50,000 white pixels (2.5 GB decoded) in a few MB of PNG; built by streaming."""
    width = height = 50_000
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * width
    body = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    return png(width, height, rows=b"")[:33] + len(body).to_bytes(4, "big") + b"IDAT" + body + bytes(4)


def jpeg_bytes(width: int = 400, height: int = 300) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (width, height), 255).save(out, "JPEG")
    return out.getvalue()


@needs_ocr
@pytest.mark.parametrize(
    ("name", "build", "code"),
    [
        ("decompression bomb", decompression_bomb, ErrorCode.TOO_LARGE),
        ("20,000-pixel side", lambda: png(20_000, 64), ErrorCode.TOO_LARGE),
        ("truncated PNG", lambda: png(600, 400)[:60], ErrorCode.CORRUPT_FILE),
        ("truncated JPEG", lambda: jpeg_bytes()[:200], ErrorCode.CORRUPT_FILE),
        ("random bytes under PNG magic", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, ErrorCode.CORRUPT_FILE),
        ("random bytes under JPEG magic", lambda: b"\xff\xd8\xff\xe0" + bytes(range(256)) * 16, ErrorCode.CORRUPT_FILE),
        ("random bytes under TIFF magic", lambda: b"II*\x00" + bytes(range(256)) * 16, ErrorCode.CORRUPT_FILE),
        ("blank page", lambda: png(600, 800), ErrorCode.NO_TEXT_LAYER),
    ],
)
def test_hostile_images_fail_with_a_code(name: str, build, code: ErrorCode):
    from jdx.extractors import read_document

    with pytest.raises(DocumentError) as info:
        read_document(build())
    assert info.value.code is code, (name, info.value.message)
