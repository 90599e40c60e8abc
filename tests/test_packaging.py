"""The package as a user installs it: every source package listed, the library face importable."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def _declared() -> tuple[set[str], dict[str, str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    return set(config["packages"]), config["package-dir"]


def test_every_source_package_is_listed_in_pyproject() -> None:
    packages, dirs = _declared()
    found: set[str] = set()
    for prefix, folder in dirs.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([prefix, *rel.parts]) if rel.parts else prefix)
    assert found - packages == set(), "add these to [tool.setuptools] packages"


def test_library_face() -> None:
    import jdx

    assert jdx.__version__ and jdx.__version__ != "0.0.0+unknown"
    result = jdx.convert("岗位名称：出纳\n岗位职责：\n1、负责现金收付\n2、负责银行结算".encode(), name="出纳.txt")
    assert result.status == "ok"
    assert result.roles[0].title == "出纳"
    assert [d.text for d in result.roles[0].duties] == ["负责现金收付", "负责银行结算"]
    assert isinstance(result.roles[0], jdx.Role)
    assert issubclass(jdx.DocumentError, Exception)
    # every public name resolves (they are imported on first access)
    assert all(getattr(jdx, name) is not None for name in jdx.__all__)
