"""KPIs from real tables, from tables flattened into text, and from KPI lines.

A flattened table keeps its cells in order but loses the grid: ``服务费用率0.5%0.5%0.5%0.5%15%``
is a name, four period targets and a weight. The header words (月度 季度 半年 年度, 权重) tell
how many targets a row has; the last percentage after them is the weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...schemas.role import KPI, PeriodTargets, Span, TextTarget
from ..pieces import Kind, Piece
from ..tables import KpiGrid
from .values import clean_item, clean_value

TABLE_TITLE = re.compile(r"^(.{2,40}?(?:考核表|指标表|评分表|评价表|考核指标表|考评表|考核标准表))")
HEADER_WORDS = ("关键业绩指标", "关键绩效指标", "考核指标", "指标名称", "要求目标", "目标值", "绩效", "远超目标",
                "超过目标", "达到目标", "未达目标", "权重", "得分", "评分", "备注", "月度", "季度", "半年", "年度")
SCORE_BAND = re.compile(r"\(\d+-\d+分\)")
VALUE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|次/[\u4e00-\u9fff]|次|个|天|小时|元|万元|分|家|人|台|件)?")
NAME = re.compile(r"[^\d%]+")
COMPARATOR = r"(?:[<>≤≥=＜＞]=?|小于|大于|不低于|不高于|不超过|不少于|低于|高于|达到|达|至少|控制在|在|为)"
LINE_KPI = re.compile(rf"^(?P<name>.+?)\s*(?P<target>{COMPARATOR}?\s*\d+(?:\.\d+)?\s*(?:%|‰|次|个|天|小时|元|万元|分|家|人|台|件|项)?(?:/\S+)?(?:以[上下内])?)$")
PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
PERIOD_ORDER = ("month", "quarter", "half_year", "year")


@dataclass
class KpiResult:
    kpis: list[KPI] = field(default_factory=list)
    title: str | None = None
    title_span: Span | None = None
    used: set[int] = field(default_factory=set)


def _weight(text: str) -> float | None:
    m = PERCENT.match(text.strip())
    if not m:
        return None
    value = float(m.group(1))
    return value if 0 < value <= 100 else None


def kpis_from_grid(grid: KpiGrid) -> list[KPI]:
    out: list[KPI] = []
    name_col = next(c for c, role in grid.columns.items() if role == "name")
    period_cols = {c: role for c, role in grid.columns.items() if role in PERIOD_ORDER}
    weight_col = next((c for c, role in grid.columns.items() if role == "weight"), None)
    target_col = next((c for c, role in grid.columns.items() if role == "target"), None)
    for row in grid.rows:
        if name_col >= len(row):
            continue
        name = clean_item(row[name_col][0])
        if not name or name in HEADER_WORDS:
            continue
        targets = None
        if period_cols:
            values = {role: clean_value(row[c][0]) if c < len(row) else None for c, role in period_cols.items()}
            values = {k: (v if v not in ("—", "-") else None) for k, v in values.items()}
            if any(values.values()):
                targets = PeriodTargets(**values)
        elif target_col is not None and target_col < len(row) and clean_value(row[target_col][0]):
            targets = TextTarget(text=clean_value(row[target_col][0]) or "")
        weight = _weight(row[weight_col][0]) if weight_col is not None and weight_col < len(row) else None
        if weight is None:
            # Flattened grids shift columns; the weight is then the last percentage past the targets.
            last_target = max(period_cols, default=target_col or name_col)
            for text, _span in reversed(row[last_target + 1:]):
                if text.strip():
                    weight = _weight(text)
                    break
        out.append(KPI(name=name, targets=targets, weight_pct=weight, span=row[name_col][1]))
    return out


def _strip_headers(text: str) -> tuple[str, int]:
    """Remove a flattened header; return the rest and how many period columns it named."""
    periods = sum(1 for p in ("月度", "季度", "半年", "年度") if p in text[:200])
    text = SCORE_BAND.sub("", text)
    for word in sorted(HEADER_WORDS, key=len, reverse=True):
        text = text.replace(word, "\x00", 1) if word in text[:300] else text
    return text, periods


def kpis_from_run(text: str, span: Span) -> list[KPI]:
    """A table flattened onto one line: name, targets and weight cells glued together."""
    body, periods = _strip_headers(text)
    out: list[KPI] = []
    pos = 0
    while pos < len(body):
        m = NAME.match(body, pos)
        if not m:
            pos += 1
            continue
        name = m.group().replace("\x00", "").strip(" ,，、;；")
        pos = m.end()
        values: list[str] = []
        while pos < len(body):
            v = VALUE.match(body, pos)
            if not v or not v.group().strip():
                break
            values.append(v.group().strip())
            pos = v.end()
        if not name or len(name) > 30:
            continue
        start = span.start + text.find(name) if name in text else span.start
        out.append(_kpi_from_values(name, values, periods, span.model_copy(update={"start": start,
                                                                                  "end": start + len(name)})))
    return out


def _kpi_from_values(name: str, values: list[str], periods: int, span: Span) -> KPI:
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
    return KPI(name=name, targets=targets, weight_pct=weight, span=span)


def kpi_from_line(text: str, span: Span) -> KPI | None:
    """``二次销售的完成率>80%`` → name + target; a bare indicator name → name only."""
    value = clean_item(text)
    if not value or len(value) > 60:
        return None
    m = LINE_KPI.match(value)
    if m:
        name = clean_item(m.group("name"))
        target = m.group("target").strip()
        return KPI(name=name, targets=TextTarget(text=target), span=span)
    if re.search(r"[。!?]", value) or len(value) > 24:
        return None
    return KPI(name=value, span=span)


def extract_kpis(pieces: list[Piece]) -> KpiResult:
    result = KpiResult()
    for piece in pieces:
        if piece.kind == Kind.TABLE and isinstance(piece.table, KpiGrid):
            result.kpis.extend(kpis_from_grid(piece.table))
            result.used.add(id(piece))
            continue
        if piece.kind not in (Kind.TEXT, Kind.ITEM):
            continue
        text = piece.text.strip()
        m = TABLE_TITLE.match(text)
        if m and result.title is None:
            result.title = m.group(1)
            result.title_span = piece.span.model_copy(update={"end": piece.span.start + len(m.group(1))})
            rest = text[m.end():]
            result.used.add(id(piece))
            if rest.strip():
                offset = piece.span.start + m.end()
                result.kpis.extend(kpis_from_run(rest, piece.span.model_copy(update={"start": offset})))
            continue
        if sum(1 for w in HEADER_WORDS if w in text) >= 3 and len(text) > 40:
            result.kpis.extend(kpis_from_run(text, piece.span))
            result.used.add(id(piece))
            continue
        kpi = kpi_from_line(text, piece.span)
        if kpi is not None:
            result.kpis.append(kpi)
            result.used.add(id(piece))
    result.kpis = _percentages_as_weights(result.kpis)
    return result


def _percentages_as_weights(kpis: list[KPI]) -> list[KPI]:
    """KPI lines ``营业额达成率　30%`` whose bare percentages add up to 100 are weights, not targets."""
    bare = [k for k in kpis if isinstance(k.targets, TextTarget) and PERCENT.match(k.targets.text)
            and k.weight_pct is None]
    if len(bare) < 2 or len(bare) != len(kpis):
        return kpis
    total = sum(float(PERCENT.match(k.targets.text).group(1)) for k in bare)  # type: ignore[union-attr]
    if abs(total - 100) > 0.5:
        return kpis
    return [k.model_copy(update={"weight_pct": _weight(k.targets.text), "targets": None}) for k in kpis]


def weights_warning(kpis: list[KPI]) -> str | None:
    weights = [k.weight_pct for k in kpis if k.weight_pct is not None]
    if not weights:
        return None
    total = sum(weights)
    if abs(total - 100) > 0.5:
        return f"KPI weights sum to {total:g}, not 100"
    return None
