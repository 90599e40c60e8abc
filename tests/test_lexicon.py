"""The vocabulary as data: validated, changeable by a user file, and complete — every field
path and section key has a handler, and no vocabulary hides in pipeline code."""

from __future__ import annotations

import io
import re
import tokenize
import typing
from pathlib import Path

import pytest
from conftest import ROOT
from jdx.pipeline.builder import LABELS, SECTIONS, STRUCTURAL
from jdx.pipeline.cli import app
from jdx.pipeline.convert import convert_bytes
from jdx.pipeline.lexicon import (
    FieldPath,
    LexiconData,
    LexiconError,
    SectionKey,
    bundled_data,
    load_lexicon,
    merge_user_data,
    validate,
)
from typer.testing import CliRunner

runner = CliRunner()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_field_path_has_a_label_handler() -> None:
    assert set(typing.get_args(FieldPath)) - set(LABELS) == set()


def test_every_section_key_has_a_handler_or_is_structural() -> None:
    collected = {"duties", "kpis", "department_info", "career"}  # read by collectors / segmentation
    missing = set(typing.get_args(SectionKey)) - set(SECTIONS) - set(STRUCTURAL) - collected
    assert missing == set()


@pytest.mark.parametrize(("text", "key"), [
    ("[labels]\ntitel = [\"岗位\"]\n", "labels.titel"),
    ("[qualifications]\nlanguagez = [\"英语\"]\n", "qualifications.languagez"),
    ("[remove.labels]\ntitle_x = [\"职位\"]\n", "title_x"),
])
def test_unknown_key_is_an_error_naming_key_and_file(tmp_path: Path, text: str, key: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        load_lexicon.__wrapped__(str(path))
    assert key in str(err.value) and str(path) in str(err.value)
    result = runner.invoke(app, ["convert", "--lexicon", str(path), str(ROOT / "samples/documents/行政助理岗位说明书.txt")])
    assert result.exit_code == 2
    assert key in result.output and "Traceback" not in result.output


def test_a_user_file_adds_and_removes_labels(tmp_path: Path) -> None:
    text = "岗位称谓：调度员\n职位：司机\n岗位职责：\n1、负责车辆调度。\n"
    plain = convert_bytes(text.encode(), "a.txt").roles[0]
    assert plain.title != "调度员"  # 岗位称谓 is no label of the bundled lexicon
    user = write(tmp_path, '[labels]\ntitle = ["岗位称谓"]\n[remove.labels]\ntitle = ["职位"]\n')
    lexicon = load_lexicon.__wrapped__(str(user))
    assert lexicon.label_key("岗位称谓") == "title" and lexicon.label_key("职位") is None
    role = convert_bytes(text.encode(), "a.txt", lexicon=lexicon).roles[0]
    assert role.title == "调度员"


def test_the_bundled_file_is_valid_and_loads_as_validated() -> None:
    """The bundled vocabulary is constructed without validation at run time; it must be
    exactly what validation gives (and validation must accept it: no unknown key)."""
    validated = validate(bundled_data(), "lexicon.toml (bundled)")
    loaded = load_lexicon(None).data
    assert loaded == validated
    for name in LexiconData.model_fields:
        assert type(getattr(loaded, name)) is type(getattr(validated, name)), name
        assert getattr(loaded, name) == getattr(validated, name), name


def test_replace_swaps_a_list_wholesale() -> None:
    data = merge_user_data(bundled_data(), {"replace": {"titles": {"decorations": ["范文"]}}})
    assert data["titles"]["decorations"] == ["范文"]


def test_jdx_lexicon_prints_the_merged_vocabulary_as_toml(tmp_path: Path) -> None:
    import tomllib

    user = write(tmp_path, '[labels]\ntitle = ["岗位称谓"]\n')
    result = runner.invoke(app, ["lexicon", "--lexicon", str(user)])
    assert result.exit_code == 0
    data = tomllib.loads(result.output)
    assert "岗位称谓" in data["labels"]["title"] and "岗位名称" in data["labels"]["title"]


# --- no vocabulary in code -----------------------------------------------------------------------

IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Strings that are not vocabulary: the CLI's help line, the contract's education enum (a type),
# the warm-up text a batch worker converts once to load the NLP.
ALLOWED = {"pipeline/cli.py", "pipeline/lexicon.py", "pipeline/batch.py", "pipeline/zh_texts.py"}


def _string_literals(path: Path) -> list[tuple[int, str]]:
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    out = []
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.STRING or not IDEOGRAPH.search(tok.string):
            continue
        before = [t for t in tokens[:i] if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                                           tokenize.DEDENT, tokenize.COMMENT)]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        docstring = (not before or before[-1].string == ":") and after is not None and \
            after.type in (tokenize.NEWLINE, tokenize.NL)
        if not docstring:
            out.append((tok.start[0], tok.string[:60]))
    return out


def test_no_chinese_words_in_pipeline_code() -> None:
    found = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED or "/catalog/" in rel or "/server/" in rel or "/review_site/" in rel:
            continue
        literals = _string_literals(path)
        if literals:
            found[rel] = literals
    assert found == {}, "move these words into pipeline/lexicon.toml"
