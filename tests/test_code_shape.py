"""The shape the code keeps: no function too branchy to read (radon cyclomatic complexity),
the builder's handlers small, and the package typed (mypy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

radon = pytest.importorskip("radon.complexity")

LIMIT = 25
HANDLER_LIMIT = 15


def _blocks(folder: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        for block in radon.cc_visit(path.read_text(encoding="utf-8")):
            yield path.relative_to(ROOT).as_posix(), block


@pytest.mark.parametrize("folder", ["pipeline", "extractors", "schemas", "jdx"])
def test_no_function_is_too_complex(folder: str) -> None:
    over = [f"{path}:{b.lineno} {b.fullname} ({b.complexity})" for path, b in _blocks(folder) if b.complexity > LIMIT]
    assert over == [], f"split these (cyclomatic complexity > {LIMIT})"


def test_builder_handlers_stay_small() -> None:
    from jdx.pipeline import builder

    handlers = {h.__name__ for h in [*builder.LABELS.values(), *builder.SECTIONS.values(), *builder.COLLECTORS]}
    source = (ROOT / "pipeline" / "builder.py").read_text(encoding="utf-8")
    over = [f"{b.name} ({b.complexity})" for b in radon.cc_visit(source)
            if b.name in handlers and b.complexity > HANDLER_LIMIT]
    assert over == []


def _typed_tree(tmp: Path) -> Path:
    """The package as it is installed (``jdx.pipeline`` …), built from links to the source folders:
    the repository maps ``pipeline/`` to ``jdx.pipeline``, which mypy cannot follow by itself."""
    package = tmp / "jdx"
    package.mkdir(parents=True)
    for name in ("__init__.py", "py.typed"):
        (package / name).symlink_to(ROOT / "jdx" / name)
    for folder in ("pipeline", "extractors", "schemas"):
        (package / folder).symlink_to(ROOT / folder, target_is_directory=True)
    return tmp


def test_mypy_passes_strict_on_schemas_and_the_builder(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--ignore-missing-imports",
           "--cache-dir", str(tmp_path / "cache"), "-p", "jdx.schemas", "-p", "jdx.pipeline.builder"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=_typed_tree(tmp_path / "src"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]


def test_mypy_passes_on_the_whole_package(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    cmd = [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent",
           "--cache-dir", str(tmp_path / "cache"), "-p", "jdx"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=_typed_tree(tmp_path / "src"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]
