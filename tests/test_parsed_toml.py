"""The kept parse of a TOML file is what tomllib gives for that text, and only for that text."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from jdx.pipeline import parsed_toml
from jdx.pipeline.lexicon import bundled_data

LEXICON = Path(parsed_toml.__file__).with_name("lexicon.toml").read_text(encoding="utf-8")


@pytest.fixture()
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("JDX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def test_the_kept_parse_is_tomllibs(cache: Path) -> None:
    first = parsed_toml.loads(LEXICON, "lexicon.toml")
    assert list(cache.iterdir())  # kept
    second = parsed_toml.loads(LEXICON, "lexicon.toml")  # from the kept file
    assert first == second == tomllib.loads(LEXICON)
    assert list(second) == list(tomllib.loads(LEXICON))  # tables in the file's order
    assert bundled_data() == tomllib.loads(LEXICON)


def test_a_changed_text_is_parsed_again(cache: Path) -> None:
    parsed_toml.loads('a = ["一"]\n', "x.toml")
    assert parsed_toml.loads('a = ["二"]\n', "x.toml") == {"a": ["二"]}
    assert parsed_toml.loads('a = ["二"]\n', "x.toml") == {"a": ["二"]}


def test_what_marshal_cannot_keep_is_parsed_every_time(cache: Path) -> None:
    text = "day = 2024-05-01\n"
    assert parsed_toml.loads(text, "dates.toml") == tomllib.loads(text)
    assert not [p for p in cache.iterdir() if p.name.startswith("dates")]


def test_nothing_is_kept_under_dont_write_bytecode(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert parsed_toml.loads(LEXICON, "lexicon.toml") == tomllib.loads(LEXICON)
    assert not list(cache.iterdir())
