"""Hostile and damaged PDFs (issue 10) and passwords: each reproducer is built here.

- a page tree that points back to itself ends at once with ``corrupt_file``;
- damaged files log no traceback at the default level, and ``jdx convert`` prints none;
- a page of a million characters, or of more objects than the bound, is skipped in bounded
  memory (``too_large`` when it is the only page);
- ``ReadOptions.password`` opens a user-password PDF; without it, or with a wrong one, the
  file stays ``encrypted``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from jdx.extractors.errors import DocumentError, ErrorCode
from jdx.extractors.limits import Limits
from jdx.extractors.options import ReadOptions
from jdx.extractors.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from pdf_objects import pdf_bytes  # noqa: E402

LIMITS = Limits()
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def one_page(content: bytes) -> bytes:
    return pdf_bytes(
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            HELVETICA,
        ]
    )


def read_within(data: bytes, seconds: float, **kwargs) -> BaseException | object:
    """Read in a thread and fail the test, rather than hang it, when reading does not end."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(read_pdf(data, kwargs.get("limits", LIMITS), kwargs.get("options", ReadOptions())))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"reading did not end within {seconds} s")
    return outcome[0]


# --- page trees that loop -----------------------------------------------------------------


@pytest.mark.parametrize(
    "objects",
    [
        # 2 -> 3 -> 2: the page tree node's kid is a node whose kid is the first node.
        [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"],
        # A node that is its own kid.
        [CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"],
        # A page whose /Count claims more pages than the tree holds, and loops.
        [CATALOG, b"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1000000 >>"],
    ],
    ids=["two-node-cycle", "self-kid", "huge-count-cycle"],
)
def test_page_tree_cycle_ends_quickly_with_a_code(objects: list[bytes]):
    data = pdf_bytes(objects)
    assert len(data) < 400
    outcome = read_within(data, 10)
    assert isinstance(outcome, DocumentError)
    assert outcome.code in (ErrorCode.CORRUPT_FILE, ErrorCode.TOO_LARGE)


# --- damaged files: no traceback ----------------------------------------------------------


def damaged_variants() -> list[bytes]:
    good = (FIXTURES / "quality_engineer.pdf").read_bytes()
    text = one_page(b"BT /F1 12 Tf 72 700 Td (Warehouse Keeper) Tj ET")
    return [
        good[: len(good) // 2],
        good[:2000],
        good.replace(b"/Contents", b"/Contents 999 0 R /X", 1),
        good.replace(b"stream", b"strXam"),
        text.replace(b"/Type /Page ", b"/Type /Pages "),
        text.replace(b"BT /F1 12 Tf", b"BT /F9 12 Tf q q q Q ] >> << ("),
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        text.replace(b"/Kids [3 0 R]", b"/Kids [3 0 R 7 0 R 8 0 R]").replace(b"/Count 1", b"/Count 3"),
    ]


def test_damaged_pdfs_log_no_traceback_at_the_default_level(caplog):
    caplog.set_level(logging.INFO)
    for data in damaged_variants():
        try:
            read_pdf(data, LIMITS)
        except DocumentError:
            pass
    assert not [r for r in caplog.records if r.exc_info], "a warning carried a traceback"


def test_convert_prints_no_traceback_for_damaged_pdfs(tmp_path: Path):
    paths = []
    for i, data in enumerate(damaged_variants()):
        path = tmp_path / f"damaged_{i}.pdf"
        path.write_bytes(data)
        paths.append(str(path))
    script = textwrap.dedent(
        """
        import sys
        from jdx.pipeline.cli import main
        sys.argv = ["jdx", "convert", *sys.argv[1:], "-o", sys.argv[1] + ".json"]
        main()
        """
    )
    for path in paths:
        run = subprocess.run([sys.executable, "-c", script, path], capture_output=True, text=True, timeout=120)
        assert "Traceback" not in run.stderr, run.stderr


# --- per-page bounds ----------------------------------------------------------------------


def million_character_page() -> bytes:
    line = b"(" + b"A" * 100 + b") Tj T*"
    return one_page(b"BT /F1 1 Tf 1.2 TL 10 830 Td\n" + b"\n".join([line] * 10_000) + b"\nET")


def test_page_of_a_million_characters_is_refused_in_bounded_memory():
    script = textwrap.dedent(
        """
        import resource, sys
        sys.path.insert(0, sys.argv[1])
        from test_pdf_hostile import million_character_page
        from jdx.extractors.errors import DocumentError
        from jdx.extractors.limits import Limits
        from jdx.extractors.pdf import read_pdf
        data = million_character_page()
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            read_pdf(data, Limits())
            print("read")
        except DocumentError as exc:
            print(exc.code.value)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True, text=True, timeout=120
    )
    code, grown_mb = run.stdout.split()
    assert code == "too_large", run.stderr
    # PDFium's text page for a million characters is about 130 MB; the layout never sees them.
    assert int(grown_mb) < 400


def test_oversized_page_is_skipped_with_a_warning_and_the_rest_is_read():
    flood = b"\n".join(b"%d 0 0 1 1 re f" % (i % 500) for i in range(3000))
    objects = [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 700 Td (Warehouse Keeper) Tj ET"),
        HELVETICA,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>",
        stream(flood),
    ]
    doc = read_pdf(pdf_bytes(objects), Limits(max_page_objects=2000))
    assert [b.text for b in doc.blocks] == ["Warehouse Keeper"]
    assert [w.code for w in doc.warnings] == ["oversized_pages"]
    assert "pages 2 " in doc.warnings[0].message


def test_characters_per_page_bound_applies():
    with pytest.raises(DocumentError) as info:
        read_pdf(one_page(b"BT /F1 12 Tf 72 700 Td (Warehouse Keeper) Tj ET"), Limits(max_page_chars=10))
    assert info.value.code is ErrorCode.TOO_LARGE


# --- passwords ----------------------------------------------------------------------------


def test_password_opens_a_user_password_pdf():
    doc = read_pdf((FIXTURES / "encrypted_open_password.pdf").read_bytes(), LIMITS, ReadOptions(password="secret"))
    texts = [b.text.replace(" ", "") for b in doc.blocks]
    assert texts[:2] == ["仓库管理员岗位说明书", "岗位职责"]
    assert texts[2].startswith("1.负责仓库物料的收发")


@pytest.mark.parametrize("password", [None, "wrong"])
def test_without_the_right_password_the_pdf_stays_encrypted(password: str | None):
    with pytest.raises(DocumentError) as info:
        read_pdf((FIXTURES / "encrypted_open_password.pdf").read_bytes(), LIMITS, ReadOptions(password=password))
    assert info.value.code is ErrorCode.ENCRYPTED
    assert ("does not open it" in info.value.message) == (password is not None)


# --- fake bold ------------------------------------------------------------------------------


def test_fake_bold_overprint_reads_once():
    """Word processors fake bold for fonts without a bold face by drawing each run twice,
    shifted by a fraction of a point; the copy is not text."""
    run = b"BT /F1 12 Tf %s 700 Td (Recruitment: warehouse keeper) Tj ET"
    doc = read_pdf(one_page(b"\n".join([run % b"72", run % b"72.35", run % b"72.7"])), LIMITS)
    assert [b.text for b in doc.blocks] == ["Recruitment: warehouse keeper"]
