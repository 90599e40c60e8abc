"""The journal's index of the role lines it writes (issue 13): the closing compaction and the
export read a batch's roles.jsonl without parsing every line again — on the corpus that parse
was 17 ms of a 96-file batch's serial end and 77 ms of the full corpus's."""

from __future__ import annotations

import json
from pathlib import Path

from jdx.pipeline import export
from jdx.pipeline.batch import MANIFEST, ROLES, Journal, ManifestEntry
from jdx.pipeline.batch import journal as journal_module
from jdx.pipeline.batch.journal import IndexedRole, compact_indexed, role_key

LOADS = json.loads  # the real one, for the tests that count the calls of a patched json.loads
SHA = {"a.txt": "a" * 64, "b.txt": "b" * 64}


def _role(file: str, index: int, review: bool) -> dict:
    return {"id": f"{SHA[file][:16]}-{index:03d}", "title": f"{file}{index}", "review": {"needed": review},
            "source": {"file": file, "sha256": SHA[file], "role_index": index}}


def _journal_of(tmp_path: Path) -> Journal:
    """b.txt's two roles (the second needing review), then a.txt's one, as workers would finish them."""
    journal = Journal(tmp_path, max_files=1)
    for file, reviews in (("b.txt", [False, True]), ("a.txt", [True])):
        roles = [_role(file, i, review) for i, review in enumerate(reviews)]
        entry = ManifestEntry(path=file, sha256=SHA[file], status="ok", roles=len(roles))
        journal.record([entry], [json.dumps(r, ensure_ascii=False) for r in roles], [role_key(r) for r in roles])
    journal.close()
    return journal


def test_the_journal_indexes_every_line_it_writes_by_offset(tmp_path: Path) -> None:
    journal = _journal_of(tmp_path)
    data = (tmp_path / ROLES).read_bytes()
    assert sorted(journal.index) == [0, *(i + 1 for i, byte in enumerate(data[:-1]) if byte == ord("\n"))]
    for offset, indexed in journal.index.items():
        line = data[offset:offset + indexed.length]
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert IndexedRole(*role_key(json.loads(line)), length=len(line)) == indexed


def test_the_compaction_reads_indexed_lines_without_parsing_them(tmp_path: Path, monkeypatch) -> None:
    journal = _journal_of(tmp_path)
    parsed = []
    monkeypatch.setattr(journal_module.json, "loads", lambda line: parsed.append(line) or LOADS(line))
    entries, index = compact_indexed(tmp_path, known=journal.index)
    assert parsed == []
    assert [e.path for e in entries] == ["a.txt", "b.txt"]  # sorted by path
    lines = (tmp_path / ROLES).read_bytes().splitlines(keepends=True)
    assert [LOADS(line)["title"] for line in lines] == ["a.txt0", "b.txt0", "b.txt1"]
    # The index returned is the rewritten file's: what parsing it finds.
    assert list(index.items()) == list(compact_indexed(tmp_path)[1].items())
    assert [(i.file, i.index, i.review) for i in index.values()] == [("a.txt", 0, True), ("b.txt", 0, False),
                                                                       ("b.txt", 1, True)]


def test_an_index_entry_that_does_not_fit_its_line_is_not_trusted(tmp_path: Path) -> None:
    journal = _journal_of(tmp_path)
    first = journal.index[0]
    wrong = {0: IndexedRole("c.txt", "c" * 64, "c-000", 0, False, first.length + 1), **dict(list(journal.index.items())[1:])}
    entries, index = compact_indexed(tmp_path, known=wrong)
    assert [e.path for e in entries] == ["a.txt", "b.txt"]  # b.txt's first line was read, not taken as c.txt's
    assert len(index) == 3


def test_the_export_orders_by_the_known_review_flags_parsing_each_line_once(tmp_path: Path, monkeypatch) -> None:
    journal = _journal_of(tmp_path)
    _, index = compact_indexed(tmp_path, known=journal.index)
    flags = [i.review for i in index.values()]
    path = tmp_path / ROLES
    assert (tmp_path / MANIFEST).exists()
    read_both_ways = [r["title"] for r in export.roles_needing_review_first(path)]
    parsed = []
    monkeypatch.setattr(export.json, "loads", lambda line: parsed.append(line) or LOADS(line))
    assert [r["title"] for r in export.roles_needing_review_first(path, flags)] == read_both_ways
    assert read_both_ways == ["a.txt0", "b.txt1", "b.txt0"]
    assert len(parsed) == 3  # once each, not twice
    # Flags that do not count the file's lines are not used.
    assert [r["title"] for r in export.roles_needing_review_first(path, [False, False])] == read_both_ways
