"""KPIs from real tables, from tables flattened into text, and from KPI lines.

A flattened table keeps its cells in order but loses the grid: ``服务费用率0.5%0.5%0.5%0.5%15%``
is a name, four period targets and a weight. The header words (月度 季度 半年 年度, 权重) tell
how many targets a row has; the last percentage after them is the weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...schemas.role import KPI, PeriodTargets, Span, TextTarget
from ..lexicon import Lexicon, alternation
from ..piece import Kind, Loc, Piece
from ..rules import rule
from ..tables import KpiGrid, names_total
from .values import clean_item, clean_value

PERCENT = re.compile(r"^(\d{1,3}(?:\.\d{1,4})?)\s?%$")
PERIOD_ORDER = ("month", "quarter", "half_year", "year")


@dataclass
class KpiResult:
    kpis: list[KPI] = field(default_factory=list)
    title: str | None = None
    title_span: Span | None = None
    used: set[int] = field(default_factory=set)


@cache
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    k = lexicon.data.kpis
    units = alternation(k.units)
    score = re.escape(k.score_unit or "(?!)")
    return {
        "title": re.compile(rf"^(.{{2,40}}?(?:{alternation(k.table_titles)}))"),
        "score_band": re.compile(rf"\(\d{{1,3}}-\d{{1,3}}{score}\)"),
        "value": re.compile(rf"\d{{1,9}}(?:\.\d{{1,4}})?\s?(?:[^\W\d_]/[\u4e00-\u9fff]|{units})?"),
        "name": re.compile(r"[^\d%]{1,200}"),
        # "客户满意度（权重30%）：不低于95%": the name, the weight in brackets, the target after a colon
        "weighted_line": re.compile(rf"(?P<name>[^:：（()）%]{{2,30}}?)\s?(?:[（(](?:{alternation(k.weight_headers)})?"
                                    rf"\s?[:：]?\s?(?P<weight>\d{{1,3}}(?:\.\d{{1,2}})?)\s?%[)）])?\s?[:：]\s?(?P<target>[^:：]{{1,40}})?"),
        "line": re.compile(rf"^(?P<name>.{{1,60}}?)\s{{0,3}}(?P<target>(?:{alternation(k.comparators)})?\s?"
                           rf"\d{{1,9}}(?:\.\d{{1,4}})?\s?(?:{units})?(?:/\S{{1,6}})?(?:{alternation(k.bounds)})?)$"),
    }


def _weight(text: str) -> float | None:
    m = PERCENT.match(text.strip())
    if not m:
        return None
    value = float(m.group(1))
    return value if 0 < value <= 100 else None


def kpis_from_grid(grid: KpiGrid, lexicon: Lexicon) -> list[KPI]:
    out: list[KPI] = []
    columns = grid.columns
    name_col = next(c for c, role in columns.items() if role == "name")
    for row in grid.rows:
        if name_col >= len(row):
            continue
        name = clean_item(row[name_col][0])
        if not name or name in lexicon.data.kpis.header_words or any(_total_row(text, lexicon) for text, _loc in row):
            continue
        weight = _cell_weight(row, columns)
        if weight is None:
            weight = _shifted_weight(row, columns, name_col)
        out.append(KPI(name=name, targets=_grid_targets(row, columns, lexicon), weight_pct=weight,
                       span=row[name_col][1].span()))
    return out


def _grid_targets(row: list[tuple[str, Loc]], columns: dict[int, str],
                  lexicon: Lexicon) -> PeriodTargets | TextTarget | None:
    period_cols = {c: role for c, role in columns.items() if role in PERIOD_ORDER}
    target_col = next((c for c, role in columns.items() if role == "target"), None)
    if period_cols:
        values = {role: clean_value(row[c][0], lexicon) if c < len(row) else None for c, role in period_cols.items()}
        return PeriodTargets(**values) if any(values.values()) else None  # type: ignore[arg-type]
    if target_col is not None and target_col < len(row) and clean_value(row[target_col][0], lexicon):
        return TextTarget(text=clean_value(row[target_col][0], lexicon) or "")
    return None


def _cell_weight(row: list[tuple[str, Loc]], columns: dict[int, str]) -> float | None:
    weight_col = next((c for c, role in columns.items() if role == "weight"), None)
    return _weight(row[weight_col][0]) if weight_col is not None and weight_col < len(row) else None


@rule
def _shifted_weight(row: list[tuple[str, Loc]], columns: dict[int, str], name_col: int) -> float | None:
    """Flattened grids shift columns: when the weight column is empty, the weight is the last
    percentage past the targets."""
    period_cols = [c for c, role in columns.items() if role in PERIOD_ORDER]
    target_col = next((c for c, role in columns.items() if role == "target"), None)
    last_target = max(period_cols, default=target_col if target_col is not None else name_col)
    for text, _loc in reversed(row[last_target + 1:]):
        if text.strip():
            return _weight(text)
    return None


@rule
def _total_row(name: str, lexicon: Lexicon) -> bool:
    """A 合计/总计 row sums the others; it is not a KPI."""
    return names_total(name, lexicon)


def _strip_headers(text: str, lexicon: Lexicon) -> tuple[str, int]:
    """Remove a flattened header; return the rest and how many period columns it named."""
    k = lexicon.data.kpis
    periods = sum(1 for p in k.period_header_words if p in text[:200])
    text = _patterns(lexicon)["score_band"].sub("", text)
    for word in sorted(k.header_words, key=len, reverse=True):
        text = text.replace(word, "\x00", 1) if word in text[:300] else text
    return text, periods


def kpis_from_run(text: str, loc: Loc, lexicon: Lexicon) -> list[KPI]:
    """A table flattened onto one line: name, targets and weight cells glued together."""
    body, periods = _strip_headers(text, lexicon)
    p = _patterns(lexicon)
    out: list[KPI] = []
    pos = 0
    while pos < len(body):
        m = p["name"].match(body, pos)
        if not m:
            pos += 1
            continue
        name = m.group().replace("\x00", "").strip(" ,，、;；")
        pos = m.end()
        values: list[str] = []
        while pos < len(body):
            v = p["value"].match(body, pos)
            if not v or not v.group().strip():
                break
            values.append(v.group().strip())
            pos = v.end()
        if not name or len(name) > 30:
            continue
        start = loc.start + text.find(name) if name in text else loc.start
        out.append(_kpi_from_values(name, values, periods, loc._replace(start=start, end=start + len(name))))
    return out


def _kpi_from_values(name: str, values: list[str], periods: int, loc: Loc) -> KPI:
    weight = None
    targets: PeriodTargets | TextTarget | None = None
    if values and len(values) >= 2 and values[-1].endswith("%") and (
        (periods and len(values) >= periods) or len(set(values)) > 1
    ):
        weight = _weight(values[-1])
        values = values[:-1] if weight is not None else values
    elif len(values) == 1 and periods:
        weight = _weight(values[0])
        values = [] if weight is not None else values
    if periods == 4 and len(values) == 4:
        targets = PeriodTargets(**dict(zip(PERIOD_ORDER, values, strict=True)))
    elif values:
        targets = TextTarget(text="/".join(values))
    return KPI(name=name, targets=targets, weight_pct=weight, span=loc.span())


def kpi_from_line(text: str, loc: Loc, lexicon: Lexicon) -> KPI | None:
    """``二次销售的完成率>80%`` → name + target; a bare indicator name → name only."""
    value = clean_item(text)
    if not value or len(value) > 60 or _not_an_indicator(text.strip(), value, lexicon):
        return None
    if _total_row(re.split(r"[:：\s]", value, maxsplit=1)[0], lexicon) or _not_a_name(value) \
            or _group_of_indicators(value, lexicon):
        return None  # "合计：100%" sums the weights above it
    parts = weighted_kpi_line(value, lexicon)
    if parts is not None:
        name, weight, target = parts
        return KPI(name=name, weight_pct=weight, targets=TextTarget(text=target) if target else None, span=loc.span())
    m = _patterns(lexicon)["line"].match(value)
    if m and not m.group("name").strip().isdigit():  # "100%" is a figure, not indicator "1" at "00%"
        return KPI(name=clean_item(m.group("name")), targets=TextTarget(text=m.group("target").strip()), span=loc.span())
    if re.search(r"[。!?]", value) or len(value) > 24 or _total_row(value, lexicon):
        return None
    return KPI(name=value, span=loc.span())


@rule
def _not_an_indicator(text: str, value: str, lexicon: Lexicon) -> bool:
    """Lines among the indicators that are not one: how they are assessed (``数据来源：财务部月度报表``,
    ``评分标准：…``), a scale of grades (``优秀：90分以上；良好：80-89分``: two named bands), a sentence
    about the results (``考核结果分为优秀、良好、合格、不合格四个等级。``)."""
    name = re.split(r"[:：]", value, maxsplit=1)[0].strip()
    if name != value and name.endswith(tuple(lexicon.data.kpis.procedure_endings)):
        return True
    if len(re.findall(r"[:：]", value)) >= 2 or re.search(r"[;；]\S", value):
        return True
    return text.endswith("。") and len(value) > MAX_BARE_NAME and bool(re.search(r"[、，,]", value)) \
        and ":" not in value and "：" not in value


@rule
def _not_a_name(value: str) -> bool:
    """Lines among the indicators that name none: a group's heading (``定量指标：`` over its items)
    and a gloss in brackets left after the section's heading (``关键业绩指标（KPI）``)."""
    return value.endswith((":", "：")) or bool(BRACKETED.fullmatch(value))


@rule
def _group_of_indicators(value: str, lexicon: Lexicon) -> bool:
    """``（一）定量指标`` over ``1. 办公费用预算控制率 30%``: a bare name that ends with the word for
    indicators heads a group of them (定量指标, 定性指标, 财务指标); it is none itself (it was a KPI,
    and the weights of the others were read as targets)."""
    return value.endswith(tuple(lexicon.data.kpis.group_words)) and len(value) <= MAX_GROUP_NAME


MAX_GROUP_NAME = 8


BRACKETED = re.compile(r"[（(][^（()）]{1,30}[)）]")


@rule
def inline_indicator_names(piece: Piece, lexicon: Lexicon) -> list[tuple[str, float | None]] | None:
    """Indicators listed on the heading's own line (``关键绩效指标：资金收付差错率、日记账登记及时率、
    银行对账及时率。``, ``KPI：库存准确率（40%）、发货及时率（40%）…``): each name between 、 is an
    indicator, with the weight in brackets after it, when each ends as a measure does (率, 度, 数,
    量). (A line of its own with 、 may be a sentence about the grades, and work listed after
    绩效考核 in a flattened cell names no measure.)"""
    if piece.kind != Kind.TEXT or piece.line_start:
        return None
    parts = [INLINE_WEIGHT.fullmatch(n.strip()) for n in piece.text.strip().rstrip("。；;.").split("、")]
    endings = tuple(lexicon.data.duties.metric_endings)
    if len(parts) < 2 or any(m is None or len(m.group(1)) > MAX_BARE_NAME or not m.group(1).endswith(endings)
                             for m in parts):
        return None
    return [(m.group(1), float(m.group(2)) if m.group(2) else None) for m in parts if m]


INLINE_WEIGHT = re.compile(r"([^，,:：;；。（()）]+?)\s?(?:[（(](\d{1,3}(?:\.\d{1,2})?)\s?%[)）])?")


MAX_BARE_NAME = 16  # "准时参与培训、会议。" is an indicator; a longer listing sentence is about them


@rule
def weighted_kpi_line(value: str, lexicon: Lexicon) -> tuple[str, float | None, str] | None:
    """A KPI written as a line names the indicator, its weight in brackets and its target after
    a colon (``客户满意度（权重30%）：不低于95%``, ``投诉处理及时率：24小时内处理完毕``): name, weight
    and target, each as written."""
    m = _patterns(lexicon)["weighted_line"].fullmatch(value)
    if m is None or (m.group("weight") is None and not m.group("target")):
        return None
    weight = float(m.group("weight")) if m.group("weight") else None
    if weight is not None and not 0 < weight <= 100:
        return None
    return m.group("name").strip(), weight, (m.group("target") or "").strip()


def extract_kpis(pieces: list[Piece], lexicon: Lexicon) -> KpiResult:
    result = KpiResult()
    p = _patterns(lexicon)
    for piece in pieces:
        if piece.kind == Kind.TABLE and isinstance(piece.table, KpiGrid):
            result.kpis.extend(kpis_from_grid(piece.table, lexicon))
            result.used.add(id(piece))
            continue
        if piece.kind not in (Kind.TEXT, Kind.ITEM):
            continue
        text = piece.text.strip()
        m = p["title"].match(text)
        if m and result.title is None:
            _table_title(result, piece, m, lexicon)
            continue
        if _flattened_kpi_header(text, lexicon):
            result.kpis.extend(kpis_from_run(text, piece.loc, lexicon))
            result.used.add(id(piece))
            continue
        names = inline_indicator_names(piece, lexicon)
        if names is not None:
            at = 0
            for name, weight in names:
                start = piece.text.find(name, at)
                at = start + len(name)
                result.kpis.append(KPI(name=name, weight_pct=weight if weight and weight <= 100 else None,
                                       span=piece.loc.narrow(start, at).span()))
            result.used.add(id(piece))
            continue
        kpi = kpi_from_line(text, piece.loc, lexicon)
        if kpi is not None:
            result.kpis.append(kpi)
            result.used.add(id(piece))
    if _percentages_are_weights(result.kpis):
        result.kpis = [k.model_copy(update={"weight_pct": _weight(k.targets.text), "targets": None})  # type: ignore[union-attr]
                       for k in result.kpis]
    return result


def _table_title(result: KpiResult, piece: Piece, m: re.Match[str], lexicon: Lexicon) -> None:
    text = piece.text.strip()
    result.title = m.group(1)
    result.title_span = piece.loc._replace(end=piece.loc.start + len(m.group(1))).span()
    rest = text[m.end():]
    result.used.add(id(piece))
    if rest.strip():
        result.kpis.extend(kpis_from_run(rest, piece.loc._replace(start=piece.loc.start + m.end()), lexicon))


@rule
def _flattened_kpi_header(text: str, lexicon: Lexicon) -> bool:
    """A long line holding three or more KPI header words (``关键业绩指标 月度 季度 … 权重``) is a
    KPI table flattened onto one line: its cells follow the header."""
    return sum(1 for w in lexicon.data.kpis.header_words if w in text) >= 3 and len(text) > 40


@rule
def _percentages_are_weights(kpis: list[KPI]) -> bool:
    """KPI lines ``营业额达成率　30%`` whose bare percentages add up to 100 are weights, not targets."""
    bare = [k for k in kpis if isinstance(k.targets, TextTarget) and PERCENT.match(k.targets.text)
            and k.weight_pct is None]
    if len(bare) < 2 or len(bare) != len(kpis):
        return False
    total = sum(float(m.group(1)) for k in bare
                if isinstance(k.targets, TextTarget) and (m := PERCENT.match(k.targets.text)))
    return abs(total - 100) <= 0.5


def weights_warning(kpis: list[KPI]) -> str | None:
    weights = [k.weight_pct for k in kpis if k.weight_pct is not None]
    if not weights:
        return None
    total = sum(weights)
    if abs(total - 100) > 0.5:
        return f"KPI weights sum to {total:g}, not 100"
    return None
