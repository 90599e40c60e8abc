"""Every warning, error and skip code the code base can emit has Chinese words for HR."""

from __future__ import annotations

import re
from pathlib import Path

from jdx.extractors.errors import ErrorCode
from jdx.pipeline.zh_texts import zh_texts

ROOT = Path(__file__).resolve().parent.parent
# code="no_title" (Warning/ReadIssue/ErrorInfo) and issues["image_skipped"] counters.
CODE_LITERAL = re.compile(r"""code="([a-z_]+)"|issues\["([a-z_]+)"\]""")


def emitted_codes() -> set[str]:
    codes = {c.value for c in ErrorCode}
    for folder in ("pipeline", "extractors"):
        for path in (ROOT / folder).rglob("*.py"):
            for m in CODE_LITERAL.finditer(path.read_text(encoding="utf-8")):
                codes.add(m.group(1) or m.group(2))
    return codes


def test_every_emitted_code_has_chinese_words() -> None:
    codes = emitted_codes()
    assert {"no_title", "empty_file", "encoding_detected", "image_skipped", "duplicate"} <= codes  # the scan works
    missing = sorted(c for c in codes if c not in zh_texts().codes)
    assert not missing, f"add these codes to pipeline/zh_texts.toml [codes]: {missing}"


def test_statuses_have_chinese_words() -> None:
    assert [zh_texts().status(s) for s in ("ok", "partial", "failed", "skipped")] == ["成功", "部分成功", "失败", "跳过"]
