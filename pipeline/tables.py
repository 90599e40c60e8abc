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
from functools import lru_cache

from ..schemas.document import Block, Cell
from ..schemas.role import Span
from .lexicon import Lexicon
from .numbering import parse_label

# Column headers of list-like tables, by the role the column plays.
COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "label": ("序号", "职责序号", "编号", "序", "No", "NO", "项目序号"),
    "category": ("职责名称", "职责类别", "职责模块", "职责分类", "工作模块", "类别", "职责项目", "工作项目", "职责",
                 "主要职责", "职责表述", "任务类别", "模块"),
    "text": ("主要内容", "职责内容", "工作内容", "职责描述", "工作任务", "任务名称", "具体内容", "工作职责",
             "岗位职责", "职责细分", "工作要求", "内容", "描述", "主要工作内容", "职责说明", "具体工作", "任务"),
    "frequency": ("工作时间", "工作频次", "频次", "频率", "时间要求", "完成时间", "工作频率"),
    "metrics": ("衡量指标", "业绩标准", "考核标准", "工作标准", "衡量标准", "绩效标准", "考核指标", "评价标准"),
    "importance": ("重要性", "重要程度", "时间比例", "占用时间", "时间占比"),
}
KPI_NAME = ("关键业绩指标", "考核指标", "关键绩效指标", "绩效指标", "指标名称", "KPI指标", "考核项目", "考核内容",
            "指标", "KPI", "考核项")
KPI_WEIGHT = ("权重", "权重(%)", "比重", "权重%", "分值权重")
KPI_TARGET = ("目标值", "目标", "要求目标", "考核标准", "评分标准", "标准", "指标要求", "目标要求", "衡量标准")
PERIODS = {"月度": "month", "月": "month", "季度": "quarter", "季": "quarter", "半年": "half_year",
           "半年度": "half_year", "年度": "year", "年": "year", "全年": "year"}


@dataclass
class KpiGrid:
    """A KPI table as rows of (text, span) cells with the role of each column."""

    columns: dict[int, str]                    # col -> name | weight | target | month | quarter | half_year | year
    rows: list[list[tuple[str, Span]]]          # per data row, one entry per grid column
    title: str | None = None


@lru_cache(maxsize=1024)
def _norm(text: str) -> str:
    # Cached: a merged cell's text is the same string in every row it covers, and a column
    # merged over thousands of rows must not be normalised again per row.
    return re.sub(r"\s+", "", text).rstrip(":：")


def column_role(text: str) -> str | None:
    t = _norm(text)
    for role, names in COLUMN_ROLES.items():
        if t in names:
            return role
    return None


def table_pieces(block: Block, lexicon: Lexicon, scan_text: Callable) -> list:
    from .pieces import Kind, Piece  # circular: pieces imports this module

    table = block.table
    assert table is not None
    grid = table.grid()
    pieces: list[Piece] = []

    def span(cell: Cell, start: int = 0, end: int | None = None) -> Span:
        return Span(block=block.index, page=block.page, start=start,
                    end=len(cell.text) if end is None else end, row=cell.row, col=cell.col)

    list_columns: dict[int, str] | None = None
    r = 0
    while r < table.n_rows:
        row_cells = _unique_row(grid, r)
        texts = [c.text.strip() for c in row_cells]
        non_empty = [c for c in row_cells if c.text.strip()]
        if not non_empty:
            r += 1
            continue

        kpi = _kpi_header(grid, r, table.n_rows)
        if kpi is not None:
            columns, first_data = kpi
            data_rows, r = _kpi_rows(grid, first_data, columns, span, lexicon)
            pieces.append(Piece(Kind.TABLE, "", span(non_empty[0]), table=KpiGrid(columns=columns, rows=data_rows),
                                source="table"))
            list_columns = None
            continue

        header = _list_header(row_cells)
        if header is not None:
            list_columns = header
            # A 序号 | 职责名称 | 工作内容 header heads a duty table.
            pieces.append(Piece(Kind.HEADING, "", span(non_empty[0]), key="duties", name=_norm(non_empty[0].text),
                                source="table"))
            r += 1
            continue

        section_row = len(non_empty) == 1 and (len(row_cells) == 1 or _spans_row(non_empty[0], table.n_cols)
                                               or len(texts) - texts.count("") == 1)
        if list_columns is not None and not section_row and _fits_list(grid, r, list_columns):
            pieces.append(_list_item(grid, r, list_columns, span, lexicon))
            r += 1
            continue
        list_columns = None

        if section_row:
            cell = non_empty[0]
            pieces.extend(_alone(scan_text(cell.text, span(cell), lexicon)))
            r += 1
            continue

        consumed_below = _vertical_form(grid, r, row_cells, lexicon, span, pieces)
        if consumed_below:
            r += 2
            continue
        _horizontal_form(row_cells, r, lexicon, span, scan_text, pieces)
        r += 1
    return pieces


def _not_titles(pieces: list) -> list:
    """Inside a form row a "第十七条 配送员" names a position (a revision record, an org chart
    cell); it does not open a role the way a heading row does."""
    from .pieces import Kind

    for piece in pieces:
        if piece.kind == Kind.TITLE:
            piece.kind = Kind.TEXT
            piece.text = piece.name or piece.text
    return pieces


def _alone(pieces: list) -> list:
    """A cell that holds one piece stands alone, like a line of its own (a label cell's value
    may then be the next cell)."""
    if len(pieces) == 1:
        pieces[0].alone = True
    return pieces


def _unique_row(grid: list[list[Cell | None]], r: int) -> list[Cell]:
    out: list[Cell] = []
    seen: set[int] = set()
    for cell in grid[r]:
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            out.append(cell)
    return out


def _spans_row(cell: Cell, n_cols: int) -> bool:
    return cell.colspan >= max(2, n_cols - 1)


def _label_key(text: str, lexicon: Lexicon) -> tuple[bool, str | None]:
    t = _norm(text)
    if t in lexicon.labels:
        return True, lexicon.labels[t]
    if t in lexicon.meta_labels:
        return True, None
    return False, None


def _horizontal_form(cells: list[Cell], r: int, lexicon: Lexicon, span, scan_text, pieces: list) -> None:
    """Label | value pairs and free text cells of row ``r``.

    A vertically merged cell shows in every row it covers but is read once, in the row where
    it starts: reading it again per row repeats its pieces and, for a column merged over
    thousands of rows (each row's hidden text joined into it), costs rows × text.
    """
    from .pieces import Kind, Piece

    i = 0
    while i < len(cells):
        cell = cells[i]
        is_label, key = _label_key(cell.text, lexicon)
        if is_label and cell.text.strip():
            value_cell = cells[i + 1] if i + 1 < len(cells) else None
            if value_cell is not None and not _label_key(value_cell.text, lexicon)[0]:
                if cell.row < r and value_cell.row < r:  # both merged from above: read there
                    i += 2
                    continue
                value = value_cell.text.strip()
                vs = value_cell.text.find(value) if value else 0
                pieces.append(Piece(Kind.LABEL, value, span(value_cell, vs, vs + len(value)), key=key,
                                    name=_norm(cell.text), source="table"))
                i += 2
                continue
            pieces.append(Piece(Kind.LABEL, "", span(cell), key=key, name=_norm(cell.text), source="table"))
            i += 1
            continue
        if cell.row == r and cell.text.strip():
            pieces.extend(_not_titles(scan_text(cell.text, span(cell), lexicon)))
        i += 1


def _vertical_form(grid, r: int, cells: list[Cell], lexicon: Lexicon, span, pieces: list) -> bool:
    """A row of labels over a row of values (学历 | 专业 | 经验 / 本科 | 化工 | 3年)."""
    from .pieces import Kind, Piece

    non_empty = [c for c in cells if c.text.strip()]
    if len(non_empty) < 2 or len(non_empty) != len(cells) or not all(_label_key(c.text, lexicon)[0] for c in cells):
        return False  # "直接上级 | (blank) | 日期 | (blank)" is a horizontal form with empty values
    if r + 1 >= len(grid):
        return False
    below = _unique_row(grid, r + 1)
    if len([c for c in below if c.text.strip()]) < 2 or any(_label_key(c.text, lexicon)[0] for c in below if c.text.strip()):
        return False
    for cell in non_empty:
        value_cell = grid[r + 1][cell.col]
        _, key = _label_key(cell.text, lexicon)
        if value_cell is None or value_cell.row != r + 1:
            pieces.append(Piece(Kind.LABEL, "", span(cell), key=key, name=_norm(cell.text), source="table"))
            continue
        value = value_cell.text.strip()
        pieces.append(Piece(Kind.LABEL, value, span(value_cell, 0, len(value_cell.text)), key=key,
                            name=_norm(cell.text), source="table"))
    return True


# --- list tables ---------------------------------------------------------------------------

def _list_header(cells: list[Cell]) -> dict[int, str] | None:
    roles: dict[int, str] = {}
    for cell in cells:
        role = column_role(cell.text)
        if role is None:
            if cell.text.strip():
                return None
            continue
        roles[cell.col] = role
    if "text" not in roles.values() or len(roles) < 2:
        # "职责 | 工作内容" also counts; a lone "主要内容" header does not make a list table.
        return None
    return roles


def _fits_list(grid, r: int, columns: dict[int, str]) -> bool:
    text_cols = [c for c, role in columns.items() if role == "text"]
    for c in text_cols:
        cell = grid[r][c] if c < len(grid[r]) else None
        if cell is not None and cell.row == r and cell.col == c and cell.text.strip():
            return True
    return False


def _list_item(grid, r: int, columns: dict[int, str], span, lexicon: Lexicon):
    from .pieces import Kind, Piece

    values: dict[str, tuple[str, Cell]] = {}
    for c, role in columns.items():
        cell = grid[r][c] if c < len(grid[r]) else None
        if cell is None or not cell.text.strip():
            continue
        if role == "text" and cell.row != r:
            continue
        values.setdefault(role, (cell.text.strip(), cell))
    text, text_cell = values["text"]
    marker = parse_label(values["label"][0]) if "label" in values else None
    category = values.get("category", (None, None))[0]
    frequency = values.get("frequency", (None, None))[0]
    metrics = [values["metrics"][0]] if "metrics" in values else []
    start = text_cell.text.find(text)
    return Piece(Kind.ITEM, text, span(text_cell, start, start + len(text)), marker=marker,
                 category=_norm_category(category), frequency=frequency, metrics=metrics, source="table")


def _norm_category(text: str | None) -> str | None:
    if not text:
        return None
    # "职责一\n协助管理" → the name, not the ordinal.
    parts = [p.strip() for p in re.split(r"[\n]", text) if p.strip()]
    parts = [p for p in parts if not re.fullmatch(r"职责[一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+[、.]?", p)]
    return parts[-1] if parts else None


# --- KPI tables ----------------------------------------------------------------------------

def _kpi_header(grid, r: int, n_rows: int) -> tuple[dict[int, str], int] | None:
    cells = _unique_row(grid, r)
    columns: dict[int, str] = {}
    has_name = has_measure = False
    for cell in cells:
        t = _norm(cell.text)
        if not t:
            continue
        if t in KPI_NAME and not has_name:
            columns[cell.col] = "name"
            has_name = True
        elif t in KPI_WEIGHT or t.startswith("权重"):
            columns[cell.col] = "weight"
            has_measure = True
        elif t in KPI_TARGET:
            columns[cell.col] = "target"
            has_measure = True
        elif t in PERIODS:
            columns[cell.col] = PERIODS[t]
            has_measure = True
    if not (has_name and has_measure):
        return None
    first_data = r + 1
    # Periods on a second header row under a merged "要求目标".
    if first_data < n_rows:
        sub = {c.col: PERIODS[_norm(c.text)] for c in _unique_row(grid, first_data) if _norm(c.text) in PERIODS}
        if len(sub) >= 2:
            for col, period in sub.items():
                columns[col] = period
            first_data += 1
    return columns, first_data


def _kpi_rows(grid, start: int, columns: dict[int, str], span, lexicon: Lexicon):
    rows: list[list[tuple[str, Span]]] = []
    r = start
    name_col = next(c for c, role in columns.items() if role == "name")
    while r < len(grid):
        cells = _unique_row(grid, r)
        non_empty = [c for c in cells if c.text.strip()]
        if not non_empty:
            r += 1
            continue
        # A section row or a new header ends the KPI table.
        if len(non_empty) == 1 and non_empty[0].col != name_col and len(cells) == 1:
            break
        if _kpi_header(grid, r, len(grid)) is not None or _list_header(cells) is not None:
            break
        row: list[tuple[str, Span]] = []
        for c in range(len(grid[r])):
            cell = grid[r][c]
            if cell is None:
                row.append(("", Span(block=0, start=0, end=0)))
            else:
                row.append((cell.text.strip() if cell.row == r or c == name_col else "", span(cell)))
        rows.append(row)
        r += 1
    return rows, r
