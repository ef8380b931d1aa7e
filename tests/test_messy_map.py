"""The map of issue 13's symptoms to their tests (docs/messy-input-tests.md) stays true.

The page has one table per section of the issue; each row is a symptom, what the toolkit
does now, and the pytest node ids (in backticks) of the tests that pin the fix. These
tests check that every node id names a test function that exists, that a ``[...]``
part is only given to a parametrised test, and that every row names at least one test.

The test files are parsed, not imported, so this stays fast and runs none of their
import-time code. The case inside ``[...]`` is not checked here: run the id with pytest
(``pytest 'tests/x.py::test_y[case]'``) to see that it is one.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "messy-input-tests.md"
SECTIONS = ("Silently wrong", "Lost work or hangs", "Unclear messages", "Done means")
NODE_ID = re.compile(r"tests/[\w/]+\.py::\w+(?:::\w+)?(?:\[.+\])?")


def table_rows() -> list[tuple[str, str, list[str]]]:
    """Each table row of the page as (section, symptom, backticked texts of its tests cell)."""
    rows, section = [], ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif line.startswith("|") and not line.startswith("| ---") and section:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            assert len(cells) == 3, f"{section}: a row needs 3 cells: {line}"
            if cells[0] != "Symptom":  # the header row
                rows.append((section, cells[0], re.findall(r"`([^`]+)`", cells[2])))
    return rows


ROWS = table_rows()
NODE_IDS = sorted({node for _, _, nodes in ROWS for node in nodes})


@functools.cache
def functions_of(path: str) -> dict[str, bool]:
    """The test functions of a test file (``Class::method`` for methods), each with
    whether it is parametrised with ``pytest.mark.parametrize``."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=path)

    def parametrised(node: ast.FunctionDef) -> bool:
        return any("parametrize" in ast.unparse(d) for d in node.decorator_list)

    found: dict[str, bool] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            found[node.name] = parametrised(node)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and method.name.startswith("test"):
                    found[f"{node.name}::{method.name}"] = parametrised(method)
    return found


def test_the_page_has_a_table_for_each_section_of_the_issue() -> None:
    assert [s for s in dict.fromkeys(section for section, _, _ in ROWS)] == list(SECTIONS)
    assert len(ROWS) > 50


def test_every_symptom_has_a_test() -> None:
    untested = [f"{section}: {symptom}" for section, symptom, nodes in ROWS if not nodes]
    assert not untested


@pytest.mark.parametrize("node", NODE_IDS)
def test_every_test_named_in_the_map_exists(node: str) -> None:
    assert NODE_ID.fullmatch(node), f"not a pytest node id: {node}"
    path, _, name = node.partition("::")
    assert (ROOT / path).is_file(), f"no file {path}"
    function, bracket, _ = name.partition("[")
    known = functions_of(path)
    assert function in known, f"{path} has no test {function}"
    if bracket:
        assert known[function], f"{function} is not parametrised, so it has no [case]"
