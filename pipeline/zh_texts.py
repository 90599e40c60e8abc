"""The Chinese words HR reads in spreadsheets and the review site, kept as data in ``zh_texts.toml``.

Codes (warnings, errors, skip and review reasons) stay stable English identifiers in the JSON
contract; people read them through this table. A code missing from the table is shown as the
code itself, so a new warning is never hidden, only untranslated.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict


class ZhTexts(BaseModel):
    model_config = ConfigDict(frozen=True)

    columns: dict[str, str]
    sheets: dict[str, str]
    labels: dict[str, str]
    values: dict[str, str]
    statuses: dict[str, str]
    codes: dict[str, str]
    markdown: dict[str, str]

    def column(self, key: str, sheet: str | None = None) -> str:
        """Chinese header of a field path; ``sheet`` picks a sheet-specific wording first
        (``duties.category`` is 职责类别 where the role's ``category`` is 岗位类别)."""
        if sheet and f"{sheet}.{key}" in self.columns:
            return self.columns[f"{sheet}.{key}"]
        return self.columns.get(key, key)

    def code(self, code: str) -> str:
        return self.codes.get(code, code)

    def status(self, status: str) -> str:
        return self.statuses.get(status, status)

    def value(self, value: Any) -> Any:
        """A contract code value in words (``True`` → 是, ``month`` → 月); other values unchanged."""
        if isinstance(value, bool):
            return self.values["true" if value else "false"]
        if isinstance(value, str):
            return self.values.get(value, value)
        return value


@cache
def zh_texts() -> ZhTexts:
    raw = tomllib.loads(resources.files(__package__).joinpath("zh_texts.toml").read_text(encoding="utf-8"))
    return ZhTexts.model_validate(raw)
