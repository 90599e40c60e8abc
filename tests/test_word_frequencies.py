"""jieba's dictionary read from disk a word at a time must segment exactly as jieba's own
in-memory dictionary does (issue 13: the whole dictionary cost a second of every cold start)."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest
from jdx.pipeline import word_frequencies
from jdx.pipeline.word_frequencies import WordFrequencies, add_user_words, build, open_for

# A dictionary of our own in jieba's format (word, frequency, optional tag); 岗位 is listed
# twice, as real dictionaries sometimes do, and the later line must win.
SMALL_DICT = """岗位 100 n
岗位职责 50 n
职责 80 n
负责 300 v
公司 500 n
招聘 200 v
岗位 120 n
"""

SENTENCES = [
    "负责公司招聘",
    "岗位职责：负责招聘与培训",
    "熟悉劳动法规，具备良好的沟通能力，责任心强",
    "保证数据准确",
    "HRBP 负责 2 个事业部",
]


def test_on_disk_view_answers_as_the_dict(tmp_path: Path) -> None:
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    build(source, tmp_path / "words.sqlite")
    view = WordFrequencies(tmp_path / "words.sqlite")
    with source.open("rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)
    assert freq["岗位"] == 120 and freq["岗"] == 0 and total == 1350  # the later line wins; every line counts
    assert view.total == total
    for word in [*freq, "没有", "岗位职", "x"]:
        assert (word in view) == (word in freq)
        assert view.get(word) == freq.get(word)
    with pytest.raises(KeyError):
        view["没有"]
    view["新词"] = 7  # jieba's add_word writes here
    assert view["新词"] == 7 and "新词" in view


def test_segmentation_is_jiebas_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full jieba dictionary, in memory and on disk, with the same user word added."""
    monkeypatch.setenv("JDX_CACHE_DIR", str(tmp_path))
    jieba.setLogLevel(logging.WARNING)
    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    lazy = jieba.Tokenizer()
    frequencies = open_for(source)
    assert frequencies is not None and frequencies.path.parent == tmp_path
    lazy.FREQ, lazy.total, lazy.initialized = frequencies, frequencies.total, True
    whole = jieba.Tokenizer()
    for tokenizer in (lazy, whole):
        tokenizer.add_word("沟通能力", freq=200_000)
    for sentence in SENTENCES:
        assert list(lazy.cut(sentence)) == list(whole.cut(sentence)), sentence
    assert "沟通能力" in list(lazy.cut(SENTENCES[2]))


def test_unwritable_cache_falls_back_to_jiebas_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("JDX_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    assert open_for(source) is None
    assert word_frequencies.cache_folder() == blocker / "cache"


# User words as the lexicon has them: one a prefix of another (沟通 / 沟通能力), one whose
# prefix is a dictionary word (岗位说明), one the dictionary already has (职责), one new
# word whose prefixes the dictionary lacks (赋能型), and a word given twice.
USER_WORDS = ["沟通", "沟通能力", "岗位说明", "职责", "赋能型", "沟通"]


def test_bulk_user_words_answer_as_add_word(tmp_path: Path) -> None:
    """add_words leaves the view answering every key as jieba's dict after add_word, and
    returns what add_word adds to the total."""
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    build(source, tmp_path / "words.sqlite")
    view = WordFrequencies(tmp_path / "words.sqlite")
    assert view.get("赋") is None  # asked before the words come: a remembered miss must turn 0
    whole = jieba.Tokenizer()
    with source.open("rb") as f:
        whole.FREQ, whole.total = jieba.Tokenizer.gen_pfdict(f)
    whole.initialized = True
    for word in USER_WORDS:
        whole.add_word(word, freq=200_000)
    added = view.add_words(USER_WORDS, 200_000)
    assert view.total + added == whole.total
    keys = {w[:i] for w in [*whole.FREQ, "没有", "赋能", "沟"] for i in range(1, len(w) + 1)}
    for key in sorted(keys):
        assert (key in view) == (key in whole.FREQ), key
        assert view.get(key) == whole.FREQ.get(key), key
    assert view["岗位说"] == 0 and view["岗位"] == 120 and view["沟通能力"] == 200_000
    with pytest.raises(ValueError):
        view.add_words(["删"], 0)  # jieba force-splits a word of frequency 0; not done in bulk


def test_bulk_user_words_segment_as_jieba(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full dictionary: jieba with add_word one word at a time, and the on-disk view with
    add_user_words in bulk, cut every sentence the same way."""
    monkeypatch.setenv("JDX_CACHE_DIR", str(tmp_path))
    jieba.setLogLevel(logging.WARNING)
    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    lazy = jieba.Tokenizer()
    frequencies = open_for(source)
    assert frequencies is not None
    lazy.FREQ, lazy.total, lazy.initialized = frequencies, frequencies.total, True
    whole = jieba.Tokenizer()
    words = [*USER_WORDS, "劳动法规", "责任心强", "事业部", "HRBP"]
    for word in words:
        whole.add_word(word, freq=200_000)
    add_user_words(lazy, words, 200_000)
    assert lazy.total == whole.total
    for sentence in [*SENTENCES, "岗位说明书：赋能型沟通能力", "赋能型组织的岗位说明"]:
        assert list(lazy.cut(sentence)) == list(whole.cut(sentence)), sentence
        assert list(lazy.cut(sentence, HMM=False)) == list(whole.cut(sentence, HMM=False)), sentence
    plain = jieba.Tokenizer()  # without the file: add_user_words falls back to add_word
    plain.FREQ, plain.total, plain.initialized = dict(frequencies_of(source)), 0, True
    add_user_words(plain, ["赋能型"], 200_000)
    assert plain.FREQ["赋能型"] == 200_000 and plain.FREQ["赋能"] == whole.FREQ["赋能"]


def frequencies_of(source: Path) -> dict[str, int]:
    with source.open("rb") as f:
        return jieba.Tokenizer.gen_pfdict(f)[0]


def test_only_the_most_recently_used_dictionary_files_stay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file is built per dictionary path and date: every new environment or jieba install
    builds another ~9 MB one. Building one keeps it and the KEEP_FILES - 1 used last."""
    import os

    monkeypatch.setenv("JDX_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    old = []
    for i in range(5):  # files of earlier environments, the first used last of them
        path = tmp_path / "cache" / f"jieba-words-old{i}.sqlite"
        path.write_bytes(b"")
        os.utime(path, (1_000_000 - i * 1000, 1_000_000 - i * 1000))
        old.append(path)
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    frequencies = open_for(source)
    assert frequencies is not None and frequencies.get("岗位") == 120
    kept = sorted(p.name for p in (tmp_path / "cache").glob("jieba-words-*.sqlite"))
    assert kept == sorted([frequencies.path.name, old[0].name, old[1].name])
    # Opening an existing file marks it used: it outlives files used before it.
    os.utime(frequencies.path, (1, 1))
    assert open_for(source) is not None and frequencies.path.stat().st_mtime > 1_000_000
    assert sorted(word_frequencies.prune(tmp_path / "cache", keep=1)) == sorted(old[:2])
    assert [p.name for p in (tmp_path / "cache").glob("jieba-words-*.sqlite")] == [frequencies.path.name]


def test_a_read_only_cache_file_still_serves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Marking a file used may fail (a read-only cache folder); the file is read all the same."""
    import os

    monkeypatch.setenv("JDX_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    assert open_for(source) is not None

    def refused(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "utime", refused)
    frequencies = open_for(source)
    assert frequencies is not None and frequencies.get("岗位") == 120
