"""Excel number formats: the text a cell shows for the value it stores.

A KPI sheet stores a weight of 15% as ``0.15`` with the format ``0%``, a date as a serial
number with ``yyyy"年"m"月"d"日"``, an amount as ``1234.5`` with ``#,##0.00``; a person reads
"15%", "2024年3月1日", "1,234.50", and that is the text a role record must carry. openpyxl
and xlrd give the stored value and the format code but do not render it, and no maintained
Python library does (openpyxl's documentation says so; python-calamine drops formats), so this
module renders the subset of ECMA-376 §18.8.31 number formats that documents use:

- sections ``positive;negative;zero;text`` chosen by sign (conditions such as ``[>100]``
  fall back to General);
- digit placeholders ``0 # ?``, decimal point, thousands separator, trailing-comma scaling,
  ``%`` (scales by 100), scientific ``E+00``;
- literals: ``"text"``, ``\\x``, ``_x`` (a space), ``*x`` (fill: dropped), ``[$¥-804]`` (the
  currency symbol), colours and locale tags dropped;
- dates and times: ``y m d h s``, ``AM/PM``, ``上午/下午``, ``aaaa`` (星期一), elapsed ``[h]``;
- General: integers without ``.0``; other numbers to 15 significant digits (Excel's own
  precision), so binary noise such as ``0.30000000000000004`` reads ``0.3``.

Anything else (fractions, ``[DBNum1]`` Chinese numerals, digit runs split by literals) falls
back to General: the stored value, never an invented one.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Builtin number formats of a zh-CN Excel/WPS (ECMA-376 Part 1 §18.8.30, zh-cn table): the
# file stores only the id, and openpyxl reports these ids as "General".
ZH_CN_BUILTIN_FORMATS: dict[int, str] = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}
# Builtin 14 and 22 are "the system's short date": a Chinese Windows shows 2024/3/1.
LOCALE_SHORT_DATES = {"mm-dd-yy": "yyyy/m/d", "m/d/yy h:mm": "yyyy/m/d h:mm", "m/d/yyyy": "yyyy/m/d"}
WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")

Value = str | bool | int | float | dt.datetime | dt.date | dt.time | dt.timedelta | None

_DATE_CODE = re.compile(r"[ymdhsYMDHS]|上午/下午|AM/PM|A/P|aaa", re.IGNORECASE)
_DIGITS = set("0#?")


def display_text(value: Value, fmt: str | None) -> str:
    """The text Excel shows for ``value`` stored under the number format ``fmt``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _text(value, fmt)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = LOCALE_SHORT_DATES.get((fmt or "").lower(), fmt)
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return _date_value(value, fmt)
    try:
        return _number(float(value), fmt or "General")
    except (ValueError, OverflowError, InvalidOperation, IndexError):
        return general(value)


def general(value: float | int) -> str:
    """Excel's General format: integers as integers, other numbers to 15 significant digits."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return "#NUM!"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.15g}"
    if "e" in text and 1e-10 <= abs(value) < 1e15:
        text = format(Decimal(text), "f")
    return text.upper()


def is_date_format(fmt: str | None) -> bool:
    """Whether a numeric format shows a date or time (for readers that get serial numbers)."""
    if not fmt:
        return False
    section = _split_sections(fmt)[0]
    codes = "".join(text for kind, text in _tokens(section) if kind == "code")
    return bool(_DATE_CODE.search(codes)) and not any(c in codes for c in "0#?")


# --- sections and tokens ----------------------------------------------------------------------

def _split_sections(fmt: str) -> list[str]:
    sections, current, i = [], [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) if end < 0 else end + 1
            current.append(fmt[i:end])
            i = end
            continue
        if ch == "\\" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 2
            continue
        if ch == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]]:
    """``(kind, text)`` pairs: ``lit`` (shown as is), ``code`` (placeholders), ``cond``
    (a ``[>100]`` condition), ``elapsed`` (``[h]``), ``dbnum`` (Chinese numerals)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[i + 1:end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch == "[":
            end = section.find("]", i)
            end = len(section) if end < 0 else end
            out.append(_bracket(section[i + 1:end]))
            i = end + 1
        elif section[i:i + 7].lower() == "general":
            out.append(("code", "General"))
            i += 7
        elif section.startswith("上午/下午", i):
            out.append(("code", "上午/下午"))
            i += 5
        elif ch in "0#?.,%Ee+-/:@yYmMdDhHsSaAP" or ch in "bBgGe":
            out.append(("code", ch))
            i += 1
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _bracket(inner: str) -> tuple[str, str]:
    if inner.startswith("$"):
        symbol = inner[1:].split("-", 1)[0]
        return ("lit", symbol)
    if re.fullmatch(r"[<>=]+-?[\d.]+", inner):
        return ("cond", inner)
    if re.fullmatch(r"h+|m+|s+", inner, re.IGNORECASE):
        return ("elapsed", inner.lower())
    if inner.lower().startswith("dbnum"):
        return ("dbnum", inner)
    return ("lit", "")  # [Red], [Color10], [$-804] locale tags: not shown


# --- text and numbers ---------------------------------------------------------------------

def _text(value: str, fmt: str | None) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not fmt or "@" not in fmt:
        return value
    sections = _split_sections(fmt)
    section = sections[3] if len(sections) >= 4 else next((s for s in sections if "@" in s), "@")
    shown = "".join(value if text == "@" else text for kind, text in _tokens(section)
                    if kind == "lit" or text == "@")
    return shown.strip(" ") if shown != value else value


def _choose_section(value: float, fmt: str) -> tuple[list[tuple[str, str]], float, bool]:
    """The section's tokens, the value it formats, and whether a minus sign must be added."""
    sections = _split_sections(fmt)
    if len(sections) >= 4:
        sections = sections[:3]
    if len(sections) == 1:
        return _tokens(sections[0]), abs(value), value < 0
    if len(sections) == 2:
        return _tokens(sections[0] if value >= 0 else sections[1]), abs(value), False
    index = 0 if value > 0 else 1 if value < 0 else 2
    return _tokens(sections[index]), abs(value), False


def _number(value: float, fmt: str) -> str:
    if fmt.lower() in ("general", "@", ""):
        return general(value)
    tokens, magnitude, minus = _choose_section(value, fmt)
    if not tokens:
        return ""
    kinds = {kind for kind, _ in tokens}
    if "cond" in kinds or "dbnum" in kinds:
        return general(value)
    codes = "".join(text for kind, text in tokens if kind == "code")
    if codes.lower() == "general":
        body = general(magnitude)
    elif _DATE_CODE.search(codes) and not any(c in codes for c in "0#?"):
        return _date_value(_serial_to_datetime(value), fmt)
    else:
        placed = _placeholders(tokens, magnitude)
        if placed is None:
            return general(value)
        body = placed
    return ("-" if minus and body.strip("0., ") else "") + body.strip()


def _placeholders(tokens: list[tuple[str, str]], magnitude: float) -> str | None:
    """Fill the one run of digit placeholders; literals before and after stay in place."""
    field_at = [i for i, (kind, text) in enumerate(tokens) if kind == "code" and text in "0#?.,Ee+-"]
    digit_at = [i for i in field_at if tokens[i][1] in _DIGITS]
    if not digit_at:
        return "".join(text for kind, text in tokens if kind == "lit" or text == "%")
    first, last = digit_at[0], digit_at[-1]
    # a decimal point or E+ right after the last digit may carry more placeholders
    while last + 1 < len(tokens) and tokens[last + 1][0] == "code" and tokens[last + 1][1] in "0#?.,Ee+-":
        last += 1
    field = "".join(text for _, text in tokens[first:last + 1])
    if any(kind != "code" for kind, _ in tokens[first:last + 1]) or "/" in field:
        return None
    percent = sum(1 for kind, text in tokens if kind == "code" and text == "%")
    rendered = _render_field(field, magnitude * 100 ** percent)
    before = "".join(_literal(t) for t in tokens[:first])
    after = "".join(_literal(t) for t in tokens[last + 1:])
    return before + rendered + after


def _literal(token: tuple[str, str]) -> str:
    kind, text = token
    if kind == "lit" or text in "%-+:/":
        return text
    return ""


def _render_field(field: str, value: float) -> str:
    mantissa, exp_sign, exp_digits = field, "", ""
    match = re.search(r"[Ee]([+-])(0+)", field)
    if match:
        mantissa, exp_sign, exp_digits = field[:match.start()], match.group(1), match.group(2)
    scale_commas = len(mantissa) - len(mantissa.rstrip(","))  # "#,##0," shows thousands
    mantissa = mantissa.rstrip(",")
    int_pattern, _, frac_pattern = mantissa.partition(".")
    value /= 1000 ** scale_commas
    grouping = "," in int_pattern
    decimals = sum(1 for c in frac_pattern if c in _DIGITS)
    zero_decimals = frac_pattern.count("0")
    zero_int, space_int = int_pattern.count("0"), int_pattern.count("?")
    exponent = 0
    if exp_digits and value:
        exponent = Decimal(repr(value)).adjusted() - max(0, sum(1 for c in int_pattern if c in _DIGITS) - 1)
        value = float(Decimal(repr(value)).scaleb(-exponent))
    rounded = Decimal(f"{value:.15g}").quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    int_text, _, frac_text = f"{rounded:f}".partition(".")
    if int_text == "0" and zero_int == 0:
        int_text = ""
    int_text = int_text.rjust(zero_int, "0")
    if grouping and len(int_text) > 3:
        int_text = f"{int(int_text):,}"
    int_text = int_text.rjust(zero_int + space_int, " ")  # "?" pads with spaces
    frac_text = frac_text[:decimals]
    while len(frac_text) > zero_decimals and frac_text.endswith("0"):
        frac_text = frac_text[:-1]
    text = int_text + ("." + frac_text if "." in mantissa else "")
    if exp_digits:
        sign = "-" if exponent < 0 else ("+" if exp_sign == "+" else "")
        text += "E" + sign + str(abs(exponent)).rjust(len(exp_digits), "0")
    return text


# --- dates and times ----------------------------------------------------------------------

EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _serial_to_datetime(serial: float) -> dt.datetime:
    return EXCEL_EPOCH + dt.timedelta(days=serial)


def _date_value(value: dt.datetime | dt.date | dt.time | dt.timedelta, fmt: str | None) -> str:
    if isinstance(value, dt.timedelta):
        return _elapsed(value, fmt)
    tokens = _tokens(_split_sections(fmt)[0]) if fmt else []
    codes = "".join(text for kind, text in tokens if kind == "code")
    if not _DATE_CODE.search(codes):
        return _iso(value)
    if isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(1899, 12, 31), value)
    elif not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return _render_date(tokens, value)


def _iso(value: dt.datetime | dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if value.time() != dt.time() else value.strftime("%Y-%m-%d")
    return value.isoformat()


DATE_TOKEN = re.compile(r"上午/下午|AM/PM|A/P|y+|m+|d+|h+|s+|a{3,4}|\.0+|e|.", re.IGNORECASE | re.DOTALL)


def _render_date(tokens: list[tuple[str, str]], value: dt.datetime) -> str:
    # Re-join consecutive code characters so "yyyy" and "mm" are seen whole.
    parts: list[tuple[str, str]] = []
    for kind, text in tokens:
        if kind == "code" and parts and parts[-1][0] == "code":
            parts[-1] = ("code", parts[-1][1] + text)
        else:
            parts.append((kind, text))
    units: list[tuple[str, str]] = []
    for kind, text in parts:
        if kind != "code":
            units.append(("lit", text))
            continue
        units.extend(("code", m.group(0)) for m in DATE_TOKEN.finditer(text))
    twelve_hour = any(text.upper() in ("AM/PM", "A/P") or text == "上午/下午" for kind, text in units if kind == "code")
    out: list[str] = []
    for i, (kind, text) in enumerate(units):
        out.append(text if kind == "lit" else _date_unit(text, i, units, value, twelve_hour))
    return "".join(out)


def _is_minute(i: int, units: list[tuple[str, str]]) -> bool:
    """``m``/``mm`` means minutes right after an hour or right before seconds."""
    for j in range(i - 1, -1, -1):
        kind, text = units[j]
        if kind == "code" and text[0].lower() in "ymdhs":
            return text[0].lower() == "h"
    for j in range(i + 1, len(units)):
        kind, text = units[j]
        if kind == "code" and text[0].lower() in "ymdhs":
            return text[0].lower() == "s"
    return False


def _date_unit(code: str, i: int, units: list[tuple[str, str]], v: dt.datetime, twelve_hour: bool) -> str:
    low = code.lower()
    head = low[0]
    if head in ("y", "e"):
        return f"{v.year:04d}" if len(low) > 2 or head == "e" else f"{v.year % 100:02d}"
    if head == "m":
        return _month_or_minute(low, i, units, v)
    if head == "d":
        return f"{v.day:0{len(low)}d}" if len(low) <= 2 else _weekday_en(low, v)
    if head == "a" and low.startswith("aaa"):
        return ("星期" if len(low) == 4 else "") + WEEKDAYS_ZH[v.weekday()]
    if head == "h":
        hour = v.hour % 12 or 12 if twelve_hour else v.hour
        return f"{hour:0{min(len(low), 2)}d}"
    if head == "s":
        return f"{v.second:0{min(len(low), 2)}d}"
    return _time_marker(low, v) or code


def _month_or_minute(low: str, i: int, units: list[tuple[str, str]], v: dt.datetime) -> str:
    if len(low) <= 2 and _is_minute(i, units):
        return f"{v.minute:0{len(low)}d}"
    if len(low) <= 2:
        return f"{v.month:0{len(low)}d}"
    name = MONTHS_EN[v.month - 1]
    return name[0] if len(low) == 5 else name[:3] if len(low) == 3 else name


def _weekday_en(low: str, v: dt.datetime) -> str:
    name = WEEKDAYS_EN[v.weekday()]
    return name[:3] if len(low) == 3 else name


def _time_marker(low: str, v: dt.datetime) -> str | None:
    morning = v.hour < 12
    markers = {"上午/下午": ("上午", "下午"), "am/pm": ("AM", "PM"), "a/p": ("A", "P")}
    if low in markers:
        return markers[low][0 if morning else 1]
    if low.startswith(".0"):
        return "." + f"{v.microsecond:06d}"[:len(low) - 1]
    return None


def _elapsed(value: dt.timedelta, fmt: str | None) -> str:
    total = int(value.total_seconds())
    sign, total = ("-", -total) if total < 0 else ("", total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if fmt and "s" in fmt.lower():
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{hours}:{minutes:02d}"
