"""The field diff stored with each new version of a role.

A diff lists every field path whose value differs between two versions, with both values:
``[{"field": "qualifications.education.text", "before": "大专", "after": "本科"}, …]``. Objects
are walked into (dotted paths); lists are compared whole, since an inserted duty shifts every
index after it and a per-index diff would claim they all changed.

Left out, because they change with any edit of the file and say nothing about the role: where
values were read (every ``span`` and the ``evidence`` map), the per-bytes ``id`` and
``source.sha256``.
"""

from __future__ import annotations

from typing import Any

IGNORED_TOP = frozenset({"id", "evidence"})
IGNORED_SOURCE = frozenset({"sha256"})
_MISSING = object()


def _without_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [_without_spans(v) for v in value]
    return value


def _walk(before: Any, after: Any, path: str, out: list[dict]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in dict.fromkeys([*before, *after]):
            _walk(before.get(key, _MISSING), after.get(key, _MISSING), f"{path}.{key}" if path else key, out)
        return
    if before != after:
        out.append({"field": path,
                    "before": None if before is _MISSING else before,
                    "after": None if after is _MISSING else after})


def role_diff(before: dict, after: dict) -> list[dict]:
    """Changed field paths between two role records (dicts of the Role JSON)."""
    out: list[dict] = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key, _MISSING), after.get(key, _MISSING)
        if key in IGNORED_TOP or old == new:  # most fields are equal: settle them without a walk
            continue
        if key == "source" and isinstance(old, dict) and isinstance(new, dict):
            old = {k: v for k, v in old.items() if k not in IGNORED_SOURCE}
            new = {k: v for k, v in new.items() if k not in IGNORED_SOURCE}
        _walk(_without_spans(old), _without_spans(new), key, out)
    return out
