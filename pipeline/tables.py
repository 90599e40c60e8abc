"""Tables → pieces: form rows (label cell → value cell to its right or below), section rows
(one cell across the table), list tables (序号 | 职责名称 | 工作内容 | 工作频次, with a
vertically merged category column) and KPI tables (考核指标 | 权重 | 目标值 / 月度 季度 …).

Merged cells come from the reader once, with their spans; the grid view gives every slot
its covering cell, so a category merged over four duty rows is read for each of them
without repeating its text as content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..schemas.document import Block, Cell
from .fields.pay import parse_salary
from .fields.qualifications import parse_education, years_in_text
from .lexicon import Lexicon, alternation
from .piece import Kind, Loc, Piece
from .position_lines import headcount_pattern
from .rules import rule
from .scan import Scanner
from .tag_line import PLACE
from .titles import is_organization, is_position_name, split_title


@dataclass
class KpiGrid:
    """A KPI table as rows of (text, span) cells with the role of each column."""

    columns: dict[int, str]                    # col -> name | weight | target | month | quarter | half_year | year
    rows: list[list[tuple[str, Loc]]]           # per data row, one entry per grid column
    title: str | None = None


SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1024)
def _norm(text: str) -> str:
    # Cached: a merged cell's text is the same string in every row it covers, and a column
    # merged over thousands of rows must not be normalised again per row.
    return SPACES.sub("", text).rstrip(":：")


def _norms(cells: list[Cell]) -> list[str]:
    """The normalised text of each cell of a row, found once per row: the KPI, list, roster,
    blank-form and form checks each read every cell of the rows they are asked about."""
    return [_norm(cell.text) for cell in cells]



def table_pieces(block: Block, lexicon: Lexicon, scan_text: Scanner) -> list[Piece]:
    table = block.table
    assert table is not None
    grid = table.grid()
    pieces: list[Piece] = []

    index, page = block.index, block.page

    def span(cell: Cell, start: int = 0, end: int | None = None) -> Loc:
        return Loc(index, page, start, len(cell.text) if end is None else end, cell.row, cell.col)

    list_columns: dict[int, str] | None = None
    pieces.extend(_blank_form_start(grid, span))
    r = 0
    n_rows = table.n_rows  # read once: an attribute of a pydantic model costs ~5x a local's
    while r < n_rows:
        row_cells = _unique_row(grid, r)
        non_empty = [c for c in row_cells if c.text.strip()]
        if not non_empty:
            r += 1
            continue
        norms = _norms(row_cells)

        kpi = _kpi_header(grid, r, n_rows, lexicon, row_cells, norms)
        if kpi is not None:
            columns, first_data = kpi
            data_rows, r = _kpi_rows(grid, first_data, columns, span, lexicon)
            pieces.append(Piece(Kind.TABLE, "", span(non_empty[0]), table=KpiGrid(columns=columns, rows=data_rows),
                                source="table"))
            list_columns = None
            continue

        header = _list_header(row_cells, lexicon, norms)
        if header is not None:
            list_columns = header
            # A 序号 | 职责名称 | 工作内容 header heads a duty table.
            pieces.append(Piece(Kind.HEADING, "", span(non_empty[0]), key="duties", name=_norm(non_empty[0].text),
                                source="table"))
            r += 1
            continue

        section_row = len(non_empty) == 1  # a heading or free text alone in its row
        if list_columns is not None and not section_row and _fits_list(grid, r, list_columns) \
                and not _form_row_after_list(non_empty, lexicon):
            pieces.append(_list_item(grid, r, list_columns, span, lexicon))
            r += 1
            continue

        if section_row:
            cell = non_empty[0]
            pieces.extend(_cell_lines(cell, lexicon, span, scan_text))
            if list_columns is not None and (not _list_continues(grid, r + 1, list_columns) or _form_row_after_list(
                    [c for c in _unique_row(grid, r + 1) if c.text.strip()], lexicon)):
                list_columns = None  # (the rules are asked inside a duty table only)
            r += 1
            continue
        list_columns = None

        rest = _roster_or_dump(grid, r, row_cells, norms, lexicon, span, scan_text)
        if rest:
            pieces.extend(rest)
            # a roster that ended at a section row (岗位职责 across the table): the form goes on
            r = max(r, *(p.loc.row for p in rest if p.loc.row is not None)) + 1
            list_columns = None
            continue

        if _may_be_cards(non_empty) and _position_cards(non_empty, lexicon):
            for cell in non_empty:
                pieces.extend(_cell_lines(cell, lexicon, span, scan_text))
            r += 1
            continue
        consumed_below = _vertical_form(grid, r, row_cells, norms, lexicon, span, pieces)
        if consumed_below:
            r += 2
            continue
        _horizontal_form(row_cells, norms, r, lexicon, span, scan_text, pieces)
        r += 1
    return pieces


def _roster_or_dump(grid: list[list[Cell | None]], r: int, row_cells: list[Cell], norms: list[str],
                    lexicon: Lexicon, span, scan_text: Scanner) -> list[Piece]:
    """The rest of the table read as rows of roles: a roster under its header row ``r``, or,
    from the first row, a posting dump without one; empty when it is neither."""
    roster = _roster_header(row_cells, norms, lexicon)
    if roster is None:
        return _dump_rows(grid, lexicon, span, scan_text) if r == 0 else []
    if r + 1 >= len(grid):
        return []
    headers = {c.col: text for c, text in zip(row_cells, norms, strict=True)}
    return _roster_rows(grid, r + 1, roster, lexicon, span, scan_text, headers)


def _blank_form_start(grid: list[list[Cell | None]], span) -> list[Piece]:
    """A table whose first row is a blank form's starts with a marker piece: a form to fill in
    is not a role's text (segmentation ends the role there)."""
    for r in range(len(grid)):
        row = _unique_row(grid, r)
        filled = [c for c in row if c.text.strip()]
        if filled:
            blank = _blank_form_row(row, _norms(row))
            return [Piece(Kind.HEADING, "", span(filled[0], 0, 0), source="blank_form")] if blank else []
    return []


def _not_titles(pieces: list[Piece]) -> list[Piece]:
    """Inside a form row a "第十七条 配送员" names a position (a revision record, an org chart
    cell); it does not open a role the way a heading row does."""
    return [p.changed(kind=Kind.TEXT, text=p.name or p.text) if p.kind == Kind.TITLE else p for p in pieces]


def _alone(pieces: list[Piece]) -> list[Piece]:
    """A cell that holds one piece stands alone, like a line of its own (a label cell's value
    may then be the next cell)."""
    return [pieces[0].changed(alone=True)] if len(pieces) == 1 else pieces


def _unique_row(grid: list[list[Cell | None]], r: int) -> list[Cell]:
    """The cells of row ``r``, each once (a merged cell fills several slots), in slot order."""
    return list({id(cell): cell for cell in grid[r] if cell is not None}.values())


def _spans_row(cell: Cell, n_cols: int) -> bool:
    return cell.colspan >= max(2, n_cols - 1)


def _label_key(t: str, lexicon: Lexicon) -> tuple[bool, str | None]:
    """Whether a cell's normalised text ``t`` is a label, and the field it names."""
    if t in lexicon.labels:
        return True, lexicon.labels[t]
    if t in lexicon.meta_labels:
        return True, None
    return False, None


@rule
def _position_cards(cells: list[Cell], lexicon: Lexicon) -> bool:
    """A leaflet laid out as a grid of boxes, one position to a cell (``仓库管理员 2名`` / ``要求：…``
    / ``待遇：…``): every filled cell of the row opens with a line naming a position and goes on
    with lines of its sections. Each cell is read line by line, as a posting of its own."""
    return bool(cells) and all(_position_card(cell.text, lexicon) for cell in cells)


MAX_CARD = 600  # characters: a box on a poster is short (a merged column's cell may hold every row)


def _may_be_cards(cells: list[Cell]) -> bool:
    """Whether every cell holds more than one line, as a position's card does (asked before the
    rule: a form's rows, ~2,000 per compilation, hold one line a cell)."""
    return all("\n" in cell.text for cell in cells)


def _position_card(text: str, lexicon: Lexicon) -> bool:
    if len(text) > MAX_CARD:
        return False
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or len(lines[0]) > 24 or lexicon.label_re.match(lines[0]):
        return False
    return is_position_name(split_title(lines[0], lexicon).title, lexicon) and any(
        lexicon.heading_re.match(line) or lexicon.label_re.match(line) for line in lines[1:])


def _horizontal_form(cells: list[Cell], norms: list[str], r: int, lexicon: Lexicon, span, scan_text,
                     pieces: list) -> None:
    """Label | value pairs and free text cells of row ``r``.

    A vertically merged cell shows in every row it covers but is read once, in the row where
    it starts: reading it again per row repeats its pieces and, for a column merged over
    thousands of rows (each row's hidden text joined into it), costs rows × text.
    """
    i = 0
    while i < len(cells):
        cell = cells[i]
        is_label, key = _label_key(norms[i], lexicon)
        if is_label and cell.text.strip():
            value_cell = cells[i + 1] if i + 1 < len(cells) else None
            if value_cell is not None and not _label_key(norms[i + 1], lexicon)[0]:
                if cell.row < r and value_cell.row < r:  # both merged from above: read there
                    i += 2
                    continue
                value = value_cell.text.strip()
                vs = value_cell.text.find(value) if value else 0
                pieces.append(Piece(Kind.LABEL, value, span(value_cell, vs, vs + len(value)), key=key,
                                    name=norms[i], source="table"))
                i += 2
                continue
            pieces.append(Piece(Kind.LABEL, "", span(cell), key=key, name=norms[i], source="table"))
            i += 1
            continue
        if cell.row == r and cell.text.strip() and not _row_number(cells, i):
            pieces.extend(_not_titles(scan_text(cell.text, span(cell), lexicon)))
        i += 1


ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")


@rule
def _row_number(cells: list[Cell], i: int) -> bool:
    """A form's section lists its items one row each, numbered in a cell of their own
    (``1 | 负责日常账务处理``): the number cell numbers the row's text, as ``1、`` would in the text;
    it is no content of its own."""
    return i == 0 and len(cells) > 1 and bool(ROW_NUMBER.fullmatch(cells[0].text.strip())) \
        and bool(cells[1].text.strip()) and not ROW_NUMBER.fullmatch(cells[1].text.strip())


def _vertical_form(grid, r: int, cells: list[Cell], norms: list[str], lexicon: Lexicon, span, pieces: list) -> bool:
    """A row of labels over a row of values (学历 | 专业 | 经验 / 本科 | 化工 | 3年)."""
    non_empty = [c for c in cells if c.text.strip()]
    if len(non_empty) < 2 or len(non_empty) != len(cells) or not all(_label_key(t, lexicon)[0] for t in norms):
        return False  # "直接上级 | (blank) | 日期 | (blank)" is a horizontal form with empty values
    if r + 1 >= len(grid):
        return False
    below = _unique_row(grid, r + 1)
    if len([c for c in below if c.text.strip()]) < 2 \
            or any(_label_key(_norm(c.text), lexicon)[0] for c in below if c.text.strip()):
        return False
    for cell in non_empty:
        value_cell = grid[r + 1][cell.col]
        _, key = _label_key(_norm(cell.text), lexicon)
        if value_cell is None or value_cell.row != r + 1:
            pieces.append(Piece(Kind.LABEL, "", span(cell), key=key, name=_norm(cell.text), source="table"))
            continue
        value = value_cell.text.strip()
        pieces.append(Piece(Kind.LABEL, value, span(value_cell, 0, len(value_cell.text)), key=key,
                            name=_norm(cell.text), source="table"))
    return True


# --- rosters: one role per row ------------------------------------------------------------------

def _roster_header(cells: list[Cell], norms: list[str], lexicon: Lexicon) -> dict[int, tuple[str, str]] | None:
    """col -> ("label" | "section" | "serial" | "other", key) when the header cells name fields,
    one of them the position's name (a column the lexicon does not know, ``招聘范围``, is kept
    as ``other`` when most columns are known)."""
    if not any(_column_label(text, lexicon) == "title" for text in norms):
        return None  # no column names the position: most rows of a form (~2,000 per compilation)
    if _blank_form_row(cells, norms):  # asked of the rows that name the position only
        return None
    columns: dict[int, tuple[str, str]] = {}
    for cell, text in zip(cells, norms, strict=True):
        if not text:
            continue
        label = _column_label(text, lexicon)
        section = lexicon.section_key(text)
        if label is not None:
            columns[cell.col] = ("label", label)
        elif section is not None:
            columns[cell.col] = ("section", section)
        elif lexicon.column_roles.get(text) == "label":
            columns[cell.col] = ("serial", "")
        elif len(text) <= 8:
            columns[cell.col] = ("other", text)
        else:
            return None
    known = sum(1 for kind, _ in columns.values() if kind != "other")
    if ("label", "title") not in columns.values() or len(columns) < 3 or known * 2 < len(columns) + 1:
        return None
    return columns


def _column_label(text: str, lexicon: Lexicon) -> str | None:
    """The field a header cell's normalised text labels, if it is a label."""
    return lexicon.label_key(text) if text and (text in lexicon.labels or text.lower() in lexicon.labels) else None


@rule
def _blank_form_row(cells: list[Cell], norms: list[str]) -> bool:
    """A row of labels each followed by an empty box (``姓名 | ␣ | 部门 | ␣ | 应聘职位 | ␣``) is a
    form waiting to be filled in — an application or probation form after the roles — not the
    header of a roster whose rows are positions."""
    labelled = [i for i, text in enumerate(norms) if text]
    boxed = sum(1 for i in labelled if i + 1 < len(cells) and not norms[i + 1])
    return len(labelled) >= 2 and boxed * 2 >= len(labelled)


HEADERLESS_MIN_ROWS = 5
HEADERLESS_SAMPLE = 200
POSTING_TEXT = 40  # characters: a posting's description, not a field value


@rule
def _headerless_roster(grid: list[list[Cell | None]], lexicon: Lexicon) -> dict[int, tuple[str, str]] | None:
    """Scraped posting dumps (one posting per row: url | 职位 | 公司 | 福利 | 薪资 | 职位描述 | 地点 …)
    have no header row, but each column's contents say what it holds. When one column holds
    position names and another a posting's long text in most rows, every row is a role: the
    columns of company names, pay and perk lists fill those fields, the text is the posting."""
    if len(grid) < HEADERLESS_MIN_ROWS or len(grid[0]) < 3:
        return _small_roster(grid, lexicon)
    kinds = _column_kinds(grid, lexicon)
    if "title" not in kinds.values() or "text" not in kinds.values():
        return _small_roster(grid, lexicon)
    return _typed_columns(kinds, len(grid[0]), lexicon)


@rule
def _small_roster(grid: list[list[Cell | None]], lexicon: Lexicon) -> dict[int, tuple[str, str]] | None:
    """A short table of openings pasted without its header row (``前端开发工程师 | 2人 | 本科及以上，
    2年以上经验 | 深圳``): when one column names a position in every row and another gives every
    row's count or its requirements, every row is a role."""
    if len(grid) < 2 or len(grid[0]) < 3:
        return None
    kinds = _column_kinds(grid, lexicon, min_rows=len(grid))
    if "title" not in kinds.values() or not {"headcount", "requirements"} & set(kinds.values()):
        return None
    untyped = [c for c in range(len(grid[0])) if c not in kinds]
    if len(untyped) == 1 and _place_column(_column_texts(grid, untyped[0]), lexicon):
        kinds[untyped[0]] = "location"
    return _typed_columns(kinds, len(grid[0]), lexicon)


def _place_column(texts: list[str], lexicon: Lexicon) -> bool:
    """The one column of a typed roster that nothing else names, its every cell a short name
    (``成都``, ``上海-浦东``) and none a position: where the job is — the tag line's reading
    (:func:`~.tag_line.tag_line`) applied to a column."""
    return bool(texts) and all(t and PLACE.fullmatch(t) and not is_position_name(t, lexicon) for t in texts)


def _column_texts(grid: list[list[Cell | None]], c: int) -> list[str]:
    return [cell.text.strip() for row in grid[:HEADERLESS_SAMPLE] if c < len(row) and (cell := row[c]) is not None
            and cell.col == c]


def _column_kinds(grid: list[list[Cell | None]], lexicon: Lexicon, min_rows: int = HEADERLESS_MIN_ROWS) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for c in range(len(grid[0])):
        kind = _column_content(_column_texts(grid, c), lexicon, min(min_rows, HEADERLESS_MIN_ROWS))
        if kind is not None:
            kinds[c] = kind
    return kinds


# What a column typed by its content gives: the field of a label, or a section.
TYPED_COLUMNS = {"text": ("section", "duties"), "requirements": ("section", "qualifications"),
                 "organization": ("label", "organization"), "compensation": ("label", "compensation"),
                 "headcount": ("label", "headcount"), "location": ("label", "location")}


def _typed_columns(kinds: dict[int, str], width: int, lexicon: Lexicon) -> dict[int, tuple[str, str]]:
    title = next(c for c, k in kinds.items() if k == "title")
    columns = {title: ("label", "title")}
    taken = {"title"}
    for c in range(width):
        kind = kinds.get(c)
        if c == title:
            continue
        if kind in TYPED_COLUMNS and kind not in taken:
            columns[c] = TYPED_COLUMNS[kind]
        else:  # keeps its text under the column's place (other_sections), never loose lines
            columns[c] = ("other", lexicon.data.tables.unnamed_column.format(n=c + 1))
            continue
        taken.add(kind or "")  # the leftmost column of a kind holds it (民营公司 is a company's type)
    return columns


def _dump_rows(grid: list[list[Cell | None]], lexicon: Lexicon, span, scan_text: Scanner) -> list[Piece]:
    typed = _headerless_roster(grid, lexicon)
    if typed is None:
        return []
    return [_dump_row_piece(p) for p in _roster_rows(grid, 0, typed, lexicon, span, scan_text, {})]


def _dump_row_piece(piece: Piece) -> Piece:
    """A dump's cells are its postings' fields: only the position column names a role, so a
    title or a ``职位：`` label inside a description names none."""
    if piece.title_style == "roster":
        return piece
    if piece.kind == Kind.LABEL and piece.key == "title":
        return piece.changed(key=None, alone=False)
    return _not_titles([piece])[0].changed(alone=False)


def _column_content(texts: list[str], lexicon: Lexicon, min_rows: int = HEADERLESS_MIN_ROWS) -> str | None:
    """What most cells of a column hold: title | organization | compensation | headcount |
    requirements | text."""
    filled = [t for t in texts if t]
    if len(filled) < min_rows or len(filled) * 2 < len(texts):
        return None
    units = tuple(lexicon.data.postings.salary_units) + tuple(lexicon.data.postings.negotiable)

    def most(test: Callable[[str], object]) -> bool:
        return sum(1 for t in filled if test(t)) * 5 >= len(filled) * 3

    if most(lambda t: is_position_name(t, lexicon, max_len=30)):
        return "title"
    if most(lambda t: is_organization(t, lexicon)):
        return "organization"
    if most(lambda t: len(t) <= 30 and (getattr(parse_salary(t, lexicon), "unit", None) is not None
                                        or any(u in t for u in units))):
        return "compensation"
    if most(lambda t: _headcount_re(lexicon).fullmatch(t)):
        return "headcount"
    if most(lambda t: len(t) < POSTING_TEXT and _requirement_cell(t, lexicon)):
        return "requirements"
    if most(lambda t: len(t) >= POSTING_TEXT):
        return "text"
    return None


@lru_cache(maxsize=4)
def _headcount_re(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(headcount_pattern(lexicon))


def _requirement_cell(text: str, lexicon: Lexicon) -> bool:
    """A cell that asks for a degree or years of experience (``本科及以上，2年以上经验``)."""
    return parse_education(text, lexicon) is not None or years_in_text(text, lexicon) is not None


def _roster_cells(row: list, r: int, opens: bool, title_col: int, columns: dict[int, tuple[str, str]],
                  headers: dict[int, str], lexicon: Lexicon, span, scan_text: Scanner) -> list[Piece]:
    """The pieces of roster row ``r`` besides its position cell."""
    pieces: list[Piece] = []
    for c, cell in enumerate(row):
        if c == title_col or cell is None or not cell.text.strip():
            continue
        kind, key = columns.get(c, ("", ""))
        if opens and kind == "label":
            pieces.append(Piece(Kind.LABEL, cell.text.strip(), span(cell), key=key, name=key, source="table"))
        elif opens and kind in ("section", "other"):
            # a column the lexicon does not know keeps its text under its header (other_sections)
            pieces.append(Piece(Kind.HEADING, "", span(cell, 0, 0), key="other" if kind == "other" else key,
                                name=headers.get(c) or key, source="table"))
            pieces.extend(_cell_lines(cell, lexicon, span, scan_text))
        elif kind != "serial" and cell.row == r and cell.col == c:
            # no header over it, or a row that opens no role (the position cell merged from
            # above, or blank): its own text, once, goes with the role above
            pieces.extend(_cell_lines(cell, lexicon, span, scan_text))
    return pieces


@rule
def _names_a_field(text: str, lexicon: Lexicon) -> bool:
    """A form's label cell may name a field with alternatives (``部门/分支机构``, ``专业、学历资格``):
    it is a label when one of them is."""
    return text in lexicon.labels or any(part in lexicon.labels for part in re.split(r"[/／、]", text) if part)


@rule
def _roster_rows(grid, start: int, columns: dict[int, tuple[str, str]], lexicon: Lexicon, span,
                 scan_text: Scanner, headers: dict[int, str]) -> list[Piece]:
    """A table whose header names fields and the position (岗位名称 | 所属部门 | 岗位职责 | 任职要求,
    序号 | 岗位 | 人数 | 任职要求 | 薪资待遇) lists one role per row: each row opens a role, each
    cell fills its column's field (a merged cell fills every row it covers). Nothing of the table
    is dropped: a cell without a header, or in a row that opens no role, keeps its text as lines."""
    title_col = next(c for c, (kind, key) in columns.items() if (kind, key) == ("label", "title"))
    pieces: list[Piece] = []
    first = grid[start][title_col] if title_col < len(grid[start]) else None
    if first is None or not first.text.strip() or _names_a_field(_norm(first.text), lexicon):
        return []  # a form: its second row starts with another label, not a position
    for r in range(start, len(grid)):
        if r > start and _section_row_ends_roster(grid[r], lexicon):
            break
        title_cell = grid[r][title_col] if title_col < len(grid[r]) else None
        opens = title_cell is not None and title_cell.row == r and bool(title_cell.text.strip())
        if title_cell is not None and opens:
            name = title_cell.text.strip()
            pieces.append(Piece(Kind.TITLE, name, span(title_cell), name=name, title_style="roster", source="table"))
        pieces.extend(_roster_cells(grid[r], r, opens, title_col, columns, headers, lexicon, span, scan_text))
    return pieces


@rule
def _section_row_ends_roster(row: list[Cell | None], lexicon: Lexicon) -> bool:
    """A form whose head fields run across the page (岗位名称 | 所属部门 | 直接上级 over one row of
    values) reads like a roster, but goes on with a section row — one cell across the table that
    names a section (岗位职责, 任职资格) — and that section's rows: the roster ends there, and the
    rows below are the form's (they are no roles of their own)."""
    cells = {id(c): c for c in row if c is not None}
    if len(cells) != 1 or None in row:
        return False
    text = _norm(next(iter(cells.values())).text)
    return lexicon.section_key(text) is not None or _names_a_field(text, lexicon)


def _cell_lines(cell: Cell, lexicon: Lexicon, span, scan_text: Scanner) -> list[Piece]:
    """Each line of a multi-line cell scanned on its own, as the line it is."""
    out: list[Piece] = []
    offset = 0
    for line in cell.text.split("\n"):
        if line.strip():
            base = span(cell, offset, offset + len(line))
            out.extend(_alone(scan_text(line, base, lexicon)))
        offset += len(line) + 1
    return out


# --- list tables ---------------------------------------------------------------------------

def _list_header(cells: list[Cell], lexicon: Lexicon, norms: list[str]) -> dict[int, str] | None:
    roles: dict[int, str] = {}
    column_roles = lexicon.column_roles
    for cell, text in zip(cells, norms, strict=True):
        role = column_roles.get(text)
        if role is None:
            if cell.text.strip():
                return None
            continue
        roles[cell.col] = role
    if "text" not in roles.values():
        roles = _duties_in_name_column(roles) or roles
    if "text" not in roles.values() or len(roles) < 2:
        # "职责 | 工作内容" also counts; a lone "主要内容" header does not make a list table.
        return None
    return roles


DESCRIBING_COLUMNS = frozenset({"metrics", "frequency", "importance"})


@rule
def _duties_in_name_column(roles: dict[int, str]) -> dict[int, str] | None:
    """``职责 | 工作标准 | 考核方式``: a duty table with no column of duty text writes each duty in
    its name column, the others say how it is measured or how often: that column is the duties'."""
    names = [c for c, role in roles.items() if role == "category"]
    if len(names) != 1 or not DESCRIBING_COLUMNS & set(roles.values()):
        return None
    return {c: "text" if c == names[0] else role for c, role in roles.items()}


@rule
def _list_continues(grid, r: int, columns: dict[int, str] | None) -> bool:
    """A duty table's columns hold across a section row (``安全生产责任`` between two runs of
    ``序号 | 职责内容`` rows): the rows after it are items of the same columns."""
    return columns is not None and r < len(grid) and _fits_list(grid, r, columns)


@rule
def _form_row_after_list(cells: list[Cell], lexicon: Lexicon) -> bool:
    """A row that opens with a field's label after a duty table's rows (``学历 | 本科及以上 | 专业 |
    人力资源管理``) is the form going on, not an item of the table: read as one, only its second
    cell was kept and the other pairs were lost. So is a row that opens with another section's
    name over its own labels (``任职资格 | 学历 | 本科及以上``)."""
    if not cells:
        return False
    first = _norm(cells[0].text)
    if first in lexicon.labels:
        return True
    section = lexicon.section_key(first)
    return section is not None and section != "duties" and len(cells) > 1 and _norm(cells[1].text) in lexicon.labels


def _fits_list(grid, r: int, columns: dict[int, str]) -> bool:
    text_cols = [c for c, role in columns.items() if role == "text"]
    for c in text_cols:
        cell = grid[r][c] if c < len(grid[r]) else None
        if cell is not None and cell.row == r and cell.col == c and cell.text.strip():
            return True
    return False


def _list_item(grid, r: int, columns: dict[int, str], span, lexicon: Lexicon) -> Piece:
    values: dict[str, tuple[str, Cell]] = {}
    metrics: tuple[str, ...] = ()  # every measuring column's (工作标准 | 考核方式): none is dropped
    for c, role in columns.items():
        cell = grid[r][c] if c < len(grid[r]) else None
        if cell is None or not cell.text.strip():
            continue
        if role == "text" and cell.row != r:
            continue
        if role == "metrics":
            metrics += (cell.text.strip(),)
        values.setdefault(role, (cell.text.strip(), cell))
    text, text_cell = values["text"]
    marker = lexicon.numbering.parse(values["label"][0]) if "label" in values else None
    category = values.get("category", (None, None))[0]
    frequency = values.get("frequency", (None, None))[0]
    start = text_cell.text.find(text)
    return Piece(Kind.ITEM, text, span(text_cell, start, start + len(text)), marker=marker,
                 category=_norm_category(category, lexicon), frequency=frequency, metrics=metrics, source="table")


def _norm_category(text: str | None, lexicon: Lexicon) -> str | None:
    if not text:
        return None
    # "职责一\n协助管理" → the name, not the ordinal.
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    parts = [p for p in parts if not is_duty_marker(p, lexicon) and not _bare_ordinal(p, lexicon)]
    return parts[-1] if parts else None


def is_duty_marker(text: str, lexicon: Lexicon) -> bool:
    """"职责一", "职责3": the group marker of a duty table."""
    return bool(_duty_marker_re(lexicon).fullmatch(text.strip()))


def duty_marker_line(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    """``职责一：接听客户来电…``: a duty marker and a colon opening a line (group 1 the marker)."""
    return _compiled(lexicon, "duty_marker_line", lambda: re.compile(
        rf"({_duty_marker_re(lexicon).pattern})\s?[:：]\s?(?=\S)")).match(text)


def _duty_marker_re(lexicon: Lexicon) -> re.Pattern[str]:
    return _compiled(lexicon, "duty_marker", lambda: re.compile(
        rf"(?:{alternation(lexicon.data.tables.duty_markers)})(?:{lexicon.numbering.cn_class}|\d){{1,3}}"))


def _bare_ordinal(text: str, lexicon: Lexicon) -> bool:
    return bool(re.fullmatch(rf"(?:{lexicon.numbering.cn_class}|\d){{1,3}}[、.]?", text))


_CACHE: dict[tuple[int, str], re.Pattern[str]] = {}


def _compiled(lexicon: Lexicon, name: str, build: Callable[[], re.Pattern[str]]) -> re.Pattern[str]:
    key = (id(lexicon), name)
    if key not in _CACHE:
        _CACHE[key] = build()
    return _CACHE[key]


# --- KPI tables ----------------------------------------------------------------------------

def _kpi_column(text: str, lexicon: Lexicon) -> str | None:
    k = lexicon.data.kpis
    if text in k.name_headers:
        return "name"
    if text in k.weight_headers or text.startswith(tuple(k.weight_headers[:1])):
        return "weight"
    if text in k.target_headers:
        return "target"
    return k.periods.get(text) or _period_target(text, lexicon)


@rule
def _period_target(text: str, lexicon: Lexicon) -> str | None:
    """``月度目标`` / ``年度目标值``: a period's target column, named by the period and a target word."""
    k = lexicon.data.kpis
    for suffix in k.target_headers:
        if text.endswith(suffix) and text[: -len(suffix)] in k.periods:
            return k.periods[text[: -len(suffix)]]
    return None


@cache
def _kpi_name_headers(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.data.kpis.name_headers)


def _kpi_header(grid, r: int, n_rows: int, lexicon: Lexicon, cells: list[Cell],
                norms: list[str]) -> tuple[dict[int, str], int] | None:
    """The columns of a KPI header at row ``r``, whose unique cells and their normalised texts
    the caller has at hand, and the first data row."""
    if _kpi_name_headers(lexicon).isdisjoint(norms):
        return None  # no 指标名称 column: not a KPI header (most rows; asked of every row)
    columns: dict[int, str] = {}
    names: list[int] = []
    for cell, text in zip(cells, norms, strict=True):
        role = _kpi_column(text, lexicon)
        if role == "name":
            names.append(cell.col)
        elif role is not None:
            columns[cell.col] = role
    if not names or not columns:
        return None
    chosen = _indicator_column(grid, r + 1, names) if len(names) > 1 else None
    columns[names[0] if chosen is None else chosen] = "name"
    first_data = r + 1
    periods = lexicon.data.kpis.periods
    # Periods on a second header row under a merged "要求目标".
    if first_data < n_rows:
        sub = {c.col: periods[_norm(c.text)] for c in _unique_row(grid, first_data) if _norm(c.text) in periods}
        if len(sub) >= 2:
            for col, period in sub.items():
                columns[col] = period
            first_data += 1
    return columns, first_data


@rule
def _indicator_column(grid, first: int, names: list[int]) -> int:
    """``考核项目 | 考核内容 | 权重 | 评分标准`` over ``业绩指标 | 销售额完成率 | 40% | …``: of two columns a
    header names as the indicator, one groups the rows (its values repeat: 业绩指标, 业绩指标, 能力指标)
    and the other names each indicator: the one with the most distinct values, the later on a tie."""
    def distinct(col: int) -> int:
        values = {grid[r][col].text.strip() for r in range(first, min(len(grid), first + KPI_LOOKAHEAD))
                  if col < len(grid[r]) and grid[r][col] is not None and grid[r][col].text.strip()}
        return len(values)
    return max(reversed(names), key=distinct)


KPI_LOOKAHEAD = 20


def _ends_indicators(grid, r: int, cells: list[Cell], norms: list[str], non_empty: list[Cell], lexicon: Lexicon) -> bool:
    """A blank form's row, a new header or a form's own field after the indicators ends them."""
    return _blank_form_row(cells, norms) or _kpi_header(grid, r, len(grid), lexicon, cells, norms) is not None \
        or _list_header(cells, lexicon, norms) is not None or _form_row_after_indicators(non_empty[0].text, lexicon)


def names_total(text: str, lexicon: Lexicon) -> bool:
    """Whether a cell or a KPI name is a total's word (合计, 总计 …): a row that sums the others."""
    return _norm(text) in total_words(lexicon)


@cache
def total_words(lexicon: Lexicon) -> frozenset[str]:
    """The total rows' words (合计, 总计 …) as a table's cells are compared, spaces and colon taken out."""
    return frozenset(_norm(w) for w in lexicon.data.kpis.total_rows)


@rule
def _form_row_after_indicators(first: str, lexicon: Lexicon) -> bool:
    """A form's own fields after its table of indicators (``任职者姓名 | 张三 | 任职者签字 | …``,
    ``直接上级签字``): a row led by a label of the form ends the indicators."""
    text = first.strip().rstrip(":：")
    return text in lexicon.meta_labels or text in lexicon.labels


def _kpi_rows(grid, start: int, columns: dict[int, str], span, lexicon: Lexicon):
    rows: list[list[tuple[str, Loc]]] = []
    r = start
    name_col = next(c for c, role in columns.items() if role == "name")
    while r < len(grid):
        cells = _unique_row(grid, r)
        non_empty = [c for c in cells if c.text.strip()]
        if not non_empty:
            r += 1
            continue
        # A section row (签字确认 across the table), a new header or a blank form's row ends the KPI table.
        if len(non_empty) == 1 and (non_empty[0].col != name_col and len(cells) == 1
                                    or _spans_row(non_empty[0], len(grid[r]))):
            break
        norms = _norms(cells)
        # "合计 | | 100% |": the weights' total is one of the table's rows, whatever its first cell
        if total_words(lexicon).isdisjoint(norms) and _ends_indicators(grid, r, cells, norms, non_empty, lexicon):
            break
        row: list[tuple[str, Loc]] = []
        for c in range(len(grid[r])):
            cell = grid[r][c]
            if cell is None:
                row.append(("", Loc(block=0, page=None, start=0, end=0)))
            else:
                row.append((cell.text.strip() if cell.row == r or c == name_col else "", span(cell)))
        rows.append(row)
        r += 1
    return rows, r
