"""Writers for the family documents: text in a chosen encoding, DOCX through python-docx
(real Word numbering, merged cells, soft line breaks), and PDF through the hand-written
serialiser in ``tests/fixtures/pdf_objects.py``.

Everything here is deterministic, so ``make_documents.py`` rebuilds the committed files
byte for byte: DOCX core properties and ZIP member dates are fixed, and the PDF has no
dates or /ID at all.

The PDF font is a Type0 font with Identity-H encoding whose CIDs are the Unicode code points
and a ToUnicode CMap that maps them back, so every extractor reads the text exactly. No font
program is embedded (viewers substitute a CJK face); widths are 1 em for CJK and ½ em for
ASCII, which is what layout analysis needs to find words and lines.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "samples"))
import make_samples as samples  # noqa: E402  (the samples' reproducible DOCX packaging)
from pdf_objects import pdf_bytes  # noqa: E402  (the project's hand-written PDF serialiser)

FIXED_DATE = dt.datetime(2024, 4, 1, 9, 30, 0)
ZIP_DATE = (2024, 4, 1, 9, 30, 0)
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
CENTER = WD_ALIGN_PARAGRAPH.CENTER


# ---------------------------------------------------------------------------------------
# the set of documents a build script makes
# ---------------------------------------------------------------------------------------


class DocumentSet:
    """Documents registered by file name, in order, and built into a folder (``make_documents.py``
    of the dev set and of the holdout)."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.builders: dict[str, Callable[[Path], None]] = {}

    def document(self, name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
        """Decorator: the function writes the document ``name`` to the path it is given."""
        def register(build: Callable[[Path], None]) -> Callable[[Path], None]:
            self.builders[name] = build
            return build

        return register

    def text_document(self, name: str, text: str, **kwargs) -> None:
        """A text document: ``text`` written by :func:`write_text` with ``kwargs``."""
        self.builders[name] = lambda path: write_text(path, text, **kwargs)

    def build_all(self, out_dir: Path | None = None) -> list[Path]:
        out_dir = out_dir or self.out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, build in self.builders.items():
            path = out_dir / name
            build(path)
            paths.append(path)
        return paths

    def main(self) -> int:
        for path in self.build_all():
            print(f"{path.name}: {path.stat().st_size:,} bytes")
        return 0


# ---------------------------------------------------------------------------------------
# text
# ---------------------------------------------------------------------------------------


def write_text(path: Path, text: str, *, encoding: str = "utf-8", newline: str = "\n", bom: bool = False) -> None:
    """Write ``text`` (with ``\\n`` line ends) in ``encoding``; every character must exist in it."""
    data = text.replace("\n", newline).encode(encoding)  # strict on purpose
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------


def _east_asia(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)


def new_docx(title: str, author: str = "人力资源部"):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.4)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    _east_asia(normal.element.get_or_add_rPr(), BODY_FONT)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.revision = 2
    props.created = props.modified = props.last_printed = FIXED_DATE
    return doc


def run(paragraph, text: str, *, bold: bool = False, size: float | None = None, font: str = BODY_FONT):
    r = paragraph.add_run(text)
    _east_asia(r._r.get_or_add_rPr(), font)
    if bold:
        r.bold = True
    if size is not None:
        r.font.size = Pt(size)
    return r


def para(container, text: str = "", *, bold: bool = False, size: float | None = None, font: str = BODY_FONT,
         align=None, style: str | None = None):
    """One paragraph; ``text`` may hold ``\\n`` for soft line breaks (Shift+Enter)."""
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    for i, line in enumerate(text.split("\n")):
        if i:
            p.add_run().add_break(WD_BREAK.LINE)
        if line:
            run(p, line, bold=bold, size=size, font=font)
    if align is not None:
        p.alignment = align
    return p


def label_para(container, label: str, value: str = ""):
    """``label`` in bold followed by ``value`` in the same paragraph (``**职位：**值`` in Word)."""
    p = container.add_paragraph()
    run(p, label, bold=True)
    if value:
        run(p, value)
    return p


def cell_lines(cell, lines: str | list[str], *, bold: bool = False, align=None) -> None:
    """Replace a cell's content with one paragraph per line."""
    lines = [lines] if isinstance(lines, str) else lines
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        if line:
            run(p, line, bold=bold)
        if align is not None:
            p.alignment = align


def shade(cell, fill: str = "E7E6E6") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    after = {qn(t) for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")}
    successor = next((c for c in tcpr if c.tag in after), None)
    if successor is not None:
        successor.addprevious(shd)
    else:
        tcpr.append(shd)


def grid_table(doc, cols: int, widths_cm: list[float] | None = None):
    table = doc.add_table(rows=0, cols=cols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    if widths_cm:
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
    return table


def titled_form(title: str, widths_cm: list[float]):
    """A Word form: the document titled ``title``, its title as a centred heading line, and a grid
    table of ``len(widths_cm)`` columns under it. Returns the document and the table."""
    doc = new_docx(title)
    para(doc, title, bold=True, size=16, font=HEADING_FONT, align=CENTER)
    return doc, grid_table(doc, len(widths_cm), widths_cm)


def row_of(table, values: list, *, bold_cols: tuple[int, ...] = ()):
    """Add a row. ``values[i]`` None means "merged into the cell on its left", so a row like
    ``["岗位目的", "text", None, None]`` is a label cell and one value cell spanning three columns.
    A value may be a list of lines (one paragraph each)."""
    cells = table.add_row().cells
    groups: list[list] = []
    for i, value in enumerate(values):
        if value is None:
            groups[-1][1] = i
        else:
            groups.append([i, i, value])
    for first, last, value in groups:
        cell = cells[first] if first == last else cells[first].merge(cells[last])
        cell_lines(cell, value, bold=first in bold_cols)
        if first in bold_cols:
            shade(cell)
    return cells


def section_row(table, title: str) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    cell_lines(merged, title, bold=True, align=CENTER)
    shade(merged, "D9D9D9")


def merge_down(table, col: int, first_row: int, last_row: int, text: str, *, bold: bool = True) -> None:
    """A vertically merged cell (w:vMerge restart/continue) holding ``text``."""
    cell = table.cell(first_row, col).merge(table.cell(last_row, col))
    cell_lines(cell, text, bold=bold, align=CENTER)


def level(ilvl: int, fmt: str, text: str, *, left: int = 420, hanging: int = 420, suffix: str | None = None):
    return samples.numbering_level(ilvl, fmt, text, left, hanging, suffix=suffix)


class Numbering(samples.Numbering):
    """abstractNum / num definitions appended to the document's numbering part; levels are given
    as arguments here."""

    def abstract(self, nsid: str, *levels) -> int:
        return super().abstract(nsid, list(levels))


def numbered(paragraph, num_id: int, ilvl: int = 0):
    samples.set_numbering(paragraph, num_id, ilvl)
    return paragraph


def save_docx(doc, path: Path) -> None:
    """Save with this family's fixed ZIP member dates so reruns give identical bytes."""
    samples.save_docx(doc, path, ZIP_DATE)


# ---------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN_X, TOP_Y, BOTTOM_Y = 72, 770, 80


def text_width(text: str, size: float) -> float:
    return sum(size * (0.5 if ord(ch) < 0x2E80 else 1.0) for ch in text)


NO_LINE_START = set("，。；：、）」』】！？”’》,.;:)")


def wrap(text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (the first line is ``indent`` narrower),
    character by character the way Word breaks Chinese text, never inside a Latin word."""
    lines, current = [], ""
    limit = width - indent
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < len(text) and text[j].isascii() and text[j].isalnum():
                j += 1
        piece = text[i:j]
        # Word's kinsoku rule: closing punctuation never starts a line, it hangs at the end.
        if current and text_width(current + piece, size) > limit and piece not in NO_LINE_START:
            lines.append(current.rstrip())
            current, limit = piece.lstrip(), width
        else:
            current += piece
        i = j
    if current:
        lines.append(current)
    return lines


class PdfLayout:
    """Lays out paragraphs top to bottom on A4 pages with an optional running header and a
    ``第 N 页`` footer, wrapping long paragraphs; ``bytes()`` serialises the result."""

    def __init__(self, header: str | None = None, footer: str | None = "第 {page} 页 共 {pages} 页") -> None:
        self.header, self.footer = header, footer
        self.pages: list[list[tuple[float, float, float, str]]] = [[]]
        self.y = TOP_Y

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = TOP_Y

    def paragraph(self, text: str, *, size: float = 10.5, indent: float = 0.0, center: bool = False,
                  space_before: float = 0.0, leading: float = 1.55) -> None:
        width = PAGE_W - 2 * MARGIN_X
        self.y -= space_before
        for n, line in enumerate(wrap(text, size, width, indent)):
            if self.y < BOTTOM_Y:
                self._new_page()
            x = MARGIN_X + (indent if n == 0 else 0)
            if center:
                x = (PAGE_W - text_width(line, size)) / 2
            self.pages[-1].append((x, self.y, size, line))
            self.y -= size * leading

    def page_break(self) -> None:
        self._new_page()

    def _content(self, number: int) -> bytes:
        items = list(self.pages[number - 1])
        if self.header:
            items.append((MARGIN_X, 800, 9, self.header))
        if self.footer:
            foot = self.footer.format(page=number, pages=len(self.pages))
            items.append(((PAGE_W - text_width(foot, 9)) / 2, 45, 9, foot))
        ops = [b"BT /F1 %g Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET" % (size, x, y, _hex(text))
               for x, y, size, text in items]
        return b"\n".join(ops)

    def bytes(self) -> bytes:
        texts = [t for page in self.pages for *_, t in page] + [self.header or "", self.footer or "", "0123456789"]
        n = len(self.pages)
        # 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 ToUnicode, then page/content pairs
        kids = b" ".join(b"%d 0 R" % (7 + 2 * i) for i in range(n))
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor 5 0 R /DW 1000 /W [32 [" + b" ".join([b"500"] * 95) + b"]] /CIDToGIDMap /Identity >>",
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [-8 -145 1000 859] "
            b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>",
            _stream(_to_unicode(texts)),
        ]
        for number in range(1, n + 1):
            objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                           b"/Resources << /Font << /F1 3 0 R >> >> >>" % (PAGE_W, PAGE_H, 8 + 2 * (number - 1)))
            objects.append(_stream(self._content(number)))
        return pdf_bytes(objects)


def _hex(text: str) -> bytes:
    return "".join(f"{ord(ch):04X}" for ch in text).encode("ascii")


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def _to_unicode(texts: list[str]) -> bytes:
    """A ToUnicode CMap mapping each used 256-code block onto itself (CID = code point)."""
    blocks = sorted({ord(ch) >> 8 for text in texts for ch in text})
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(blocks), 100):
        chunk = blocks[start:start + 100]
        lines.append(f"{len(chunk)} beginbfrange")
        lines += [f"<{b:02X}00> <{b:02X}FF> <{b:02X}00>" for b in chunk]
        lines.append("endbfrange")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
