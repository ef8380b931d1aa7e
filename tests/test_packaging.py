"""The package is described honestly: one version, its licence, its Pythons, its links.

What a built wheel and sdist hold, and that they work outside the repository, is
checked by ``make test-dist`` (scripts/check_dist.py), which CI runs.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import okr_toolkit

ROOT = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_one_version_everywhere() -> None:
    assert "version" in pyproject()["project"]["dynamic"]
    assert importlib.metadata.version("okr-toolkit") == okr_toolkit.__version__
    shown = subprocess.run(
        [sys.executable, "-m", "okr_toolkit.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    assert shown.stdout.split() == ["okr-toolkit", okr_toolkit.__version__]


def test_the_changelog_has_this_version_or_an_unreleased_section() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    version = okr_toolkit.__version__
    heading = "## [Unreleased]" if ".dev" in version else f"## [{version}]"
    assert heading in changelog


def test_the_licence_is_the_mit_text_the_metadata_claims() -> None:
    project = pyproject()["project"]
    assert project["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_the_package_says_it_is_typed() -> None:
    assert (ROOT / "okr_toolkit" / "py.typed").is_file()
    assert "Typing :: Typed" in pyproject()["project"]["classifiers"]


def test_a_classifier_for_each_python_from_the_floor_to_the_newest_tested() -> None:
    project = pyproject()["project"]
    floor = re.fullmatch(r">=3\.(\d+)", project["requires-python"])
    assert floor, project["requires-python"]
    makefile = (ROOT / "Makefile").read_text()
    tested = re.search(r"^PYTHONS \?= (.+)$", makefile, re.M)
    assert tested
    newest = max(int(v.split(".")[1]) for v in tested.group(1).split())
    want = {f"Programming Language :: Python :: 3.{m}" for m in range(int(floor[1]), newest + 1)}
    got = {c for c in project["classifiers"] if re.fullmatch(r".*Python :: 3\.\d+", c)}
    assert got == want
    assert f"3.{floor[1]}" in tested.group(1).split()


def test_development_tools_are_groups_not_extras() -> None:
    data = pyproject()
    extras = data["project"].get("optional-dependencies", {})
    assert "dev" not in extras
    user_facing = {re.split(r"[<>=\[ ]", r)[0].lower() for deps in extras.values() for r in deps}
    assert user_facing <= {"jupyterlab", "voila", "ipykernel"}
    groups = data["dependency-groups"]
    for tool in ("pytest", "hypothesis", "nbval", "ruff", "mypy", "playwright"):
        assert any(isinstance(r, str) and r.startswith(tool) for g in groups.values() for r in g)


def test_package_index_readme_links_point_at_the_repository() -> None:
    # The substitution hatch-fancy-pypi-readme applies when the wheel is built.
    hooks = pyproject()["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    (sub,) = hooks["substitutions"]
    readme = (ROOT / "README.md").read_text()
    relative = re.findall(r"\]\((?!https?://|#)([^)]+)\)", readme)
    assert relative, "the README has repository links to rewrite"
    for target in relative:
        assert (ROOT / target.split("#")[0]).exists(), f"README links to missing {target}"
    published = re.sub(sub["pattern"], sub["replacement"], readme)
    links = re.findall(r"\]\(([^)]+)\)", published)
    assert all(link.startswith(("https://", "#")) for link in links), links
    home = pyproject()["project"]["urls"]["Homepage"]
    assert all(link.startswith(home) for link in links if link.startswith("https://github.com"))
