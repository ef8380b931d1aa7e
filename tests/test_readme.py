"""The README's ten-line example prints exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _example() -> tuple[str, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Ten lines", 1)[1]
    code, output = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)[:2]
    return code, output


def _normalise(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip().splitlines()]


def test_readme_example_output_is_real():
    code, expected = _example()
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, str(README), "exec"), {})
    assert _normalise(buffer.getvalue()) == _normalise(expected)


def test_readme_lint_outputs_are_real(capsys, monkeypatch):
    from okr_toolkit.cli import main

    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```\n\$ okr lint (\S+)\n(.*?)```", text, flags=re.S)
    assert [path for path, _ in blocks] == [
        "tests/bad_files/yaml_several_value_problems.yaml",
        "datasets/sample_okrs.yaml",
    ]
    monkeypatch.chdir(README.parent)
    for (path, expected), code in zip(blocks, (2, 1), strict=True):
        assert main(["lint", path]) == code
        out = capsys.readouterr()
        assert _normalise(out.out + out.err) == _normalise(expected), path


def test_readme_migration_plan_is_real():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Planning the move from MBO to OKR", 1)[1]
    code, expected = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)[:2]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, str(README), "exec"), {})
    assert _normalise(buffer.getvalue()) == _normalise(expected)


def test_readme_widgets_example_is_real():
    text = README.read_text(encoding="utf-8")
    section = text.split("### The apps are widgets", 1)[1]
    code, expected = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)[:2]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, str(README), "exec"), {})
    assert _normalise(buffer.getvalue()) == _normalise(expected)
