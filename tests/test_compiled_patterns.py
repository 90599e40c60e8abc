"""The store of compiled regular expressions: what a later process gets from it is the very
program ``re.compile`` builds, and a store it cannot trust is ignored."""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import pytest
from jdx.pipeline import compiled_patterns

# The shapes jdx compiles: a CJK range, a class above U+00FF, named groups, a lexicon
# alternation ignoring case, lookbehind, a bytes pattern (the sniffer's).
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"[\u4e00-\u9fff]{2,10}(?:次数|度|数|率|量)", 0),
    (r"[,，。;；]", 0),
    (r"(?P<article>第[零〇一二两三四五六七八九十百千]{1,4}[条章节项款])|(?P<paren>[(（]\d{1,3}[)）])", 0),
    (r"Responsibilities|岗位职责|任职要求|What\ you'll\ do", re.IGNORECASE),
    (r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])|^ +| +$", re.MULTILINE),
    (rb"<(?:html|body|div|p)\b", re.IGNORECASE),
]
TEXTS = ["岗位职责：负责招聘次数", "第十二条 工作 内容，完成率", "WHAT YOU'LL DO （3）", "中 文 字", "x"]


@pytest.fixture()
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_patterns, "_stored", set())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    re.purge()


def _compile_all() -> None:
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)


def test_a_seeded_pattern_is_the_program_re_compile_builds(fresh: None, tmp_path: Path) -> None:
    store = tmp_path / "patterns.marshal"
    _compile_all()
    assert compiled_patterns.save(store) >= len(PATTERNS)
    re.purge()
    assert compiled_patterns.seed(store) >= len(PATTERNS)
    from re import _compiler  # type: ignore[attr-defined]

    for pattern, flags in PATTERNS:
        seeded = re._cache[type(pattern), pattern, flags]  # type: ignore[attr-defined]
        assert re.compile(pattern, flags) is seeded  # every re call now finds it
        built = _compiler.compile(pattern, flags)
        assert seeded == built  # Pattern equality compares flags, pattern and compiled code
        assert (seeded.groups, seeded.groupindex, seeded.flags) == (built.groups, built.groupindex, built.flags)
        for text in TEXTS:
            subject = text.encode() if isinstance(pattern, bytes) else text
            assert [m.span() for m in seeded.finditer(subject)] == [m.span() for m in built.finditer(subject)]


def test_a_store_from_another_interpreter_or_damaged_is_ignored(fresh: None, tmp_path: Path) -> None:
    store = tmp_path / "patterns.marshal"
    _compile_all()
    compiled_patterns.save(store)
    stamp, entries = marshal.loads(store.read_bytes())
    store.write_bytes(marshal.dumps((stamp[:1] + ("2.7.18",) + stamp[2:], entries)))
    assert compiled_patterns.seed(store) == 0
    store.write_bytes(b"\x00not marshal")
    assert compiled_patterns.seed(store) == 0
    bad = [(p, f, ff, [0xFFFF] * len(code), g, gi, ig) for p, f, ff, code, g, gi, ig in entries]
    store.write_bytes(marshal.dumps((stamp, bad)))
    re.purge()
    assert compiled_patterns.seed(store) == 0  # the engine rejects the code
    assert re.compile(*PATTERNS[0]).search("岗位职责次数")


def test_nothing_is_written_under_dont_write_bytecode(fresh: None, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _compile_all()
    assert compiled_patterns.save(tmp_path / "patterns.marshal") == 0
    assert not (tmp_path / "patterns.marshal").exists()


def test_a_few_unseen_patterns_do_not_rewrite_the_store(fresh: None, tmp_path: Path) -> None:
    store = tmp_path / "patterns.marshal"
    _compile_all()
    compiled_patterns.save(store)
    before = store.read_bytes()
    re.compile(r"[一二三]+号")  # one new pattern, as a library's hash-ordered one
    assert compiled_patterns.save(store) == 0
    assert store.read_bytes() == before


def test_one_new_lexicon_alternation_is_stored(fresh: None, tmp_path: Path) -> None:
    """A changed lexicon's combined heading pattern (long, CJK) is new alone, and costs
    milliseconds in every cold run: it is stored though fewer than MIN_NEW are new; a short
    ASCII pattern alone (a library's) still is not."""
    store = tmp_path / "patterns.marshal"
    _compile_all()
    compiled_patterns.save(store)
    re.compile("|".join(f"岗位{i}职责" for i in range(400)))
    assert compiled_patterns.save(store) == 1
    re.compile(r"(?:ab|cd|ef)+x")
    assert compiled_patterns.save(store) == 0


def test_old_lexicon_alternations_leave_the_store_within_its_budget(fresh: None, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Each edit of the lexicon stores new alternations and the old are never asked for again;
    every start loads the whole store (a development store had grown to six times its working
    set, 8 of a cold start's 10 ms of seeding). Past MAX_OPCODES the oldest entries go."""
    store = tmp_path / "patterns.marshal"
    edits = ["|".join(f"岗位{i}职责{edit}" for i in range(400)) for edit in range(4)]
    sizes = []
    for alternation in edits:
        re.compile(alternation)
        assert compiled_patterns.save(store) >= 1
        sizes.append(next(len(e[3]) for e in compiled_patterns._read(store) if e[0] == alternation))
    monkeypatch.setattr(compiled_patterns, "MAX_OPCODES", sizes[-1] + sizes[-2])
    _compile_all()  # a run that stores more drops the oldest alternations, keeps the newest
    compiled_patterns.save(store)
    kept = [entry[0] for entry in compiled_patterns._read(store)]
    assert edits[0] not in kept and edits[1] not in kept and edits[2] not in kept
    assert edits[3] in kept and all(pattern in kept for pattern, _ in PATTERNS)


def test_the_budget_keeps_the_newest_entries() -> None:
    entries = [(f"p{i}", 0, 0, [0] * size, 0, {}, ()) for i, size in enumerate([50, 10, 20, 30])]
    assert [e[0] for e in compiled_patterns.newest_within_budget(entries, max_opcodes=59)] == ["p2", "p3"]
    assert [e[0] for e in compiled_patterns.newest_within_budget(entries, max_entries=3)] == ["p1", "p2", "p3"]
    assert compiled_patterns.newest_within_budget(entries, max_opcodes=10**6) == entries
