"""The layer rule: imports in okr_toolkit only run down its layers.

The rule is the import-linter contract in ``pyproject.toml``; this test runs it and
checks that every module of the package sits in some layer, so a new module cannot
slip past the rule by being left out of it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # import-linter brings tomli on Python 3.10
    tomllib = pytest.importorskip("tomli")

import okr_toolkit

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
pytestmark = pytest.mark.skipif(not PYPROJECT.exists(), reason="needs the project's pyproject.toml")


def _layers() -> list[list[str]]:
    contract = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in contract["contracts"] if c["type"] == "layers"]
    return [re.split(r"\s*[|:]\s*", layer.strip()) for layer in layers]


def test_every_module_of_the_package_is_in_a_layer() -> None:
    placed = {name for layer in _layers() for name in layer}
    package = Path(okr_toolkit.__file__).parent
    top = {
        f"okr_toolkit.{p.stem if p.is_file() else p.name}"
        for p in package.iterdir()
        if (p.suffix == ".py" and p.stem not in {"__init__", "__main__"})
        or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert sorted(top - placed) == []
    assert sorted(placed - top) == []


def test_imports_only_run_down_the_layers(capsys: pytest.CaptureFixture[str]) -> None:
    importlinter_cli = pytest.importorskip("importlinter.cli")
    code = importlinter_cli.lint_imports(config_filename=str(PYPROJECT))
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 kept, 0 broken" in out
