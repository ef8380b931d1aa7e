"""The package imports lightly, and its public names all resolve."""

from __future__ import annotations

import subprocess
import sys

import okr_toolkit

#: What `import okr_toolkit` must not load: the presentation layer's libraries, and
#: the datasets and the file templates (read on first use).
LAZY = ("altair", "ipywidgets", "jinja2", "okr_toolkit.datasets", "okr_toolkit.present")
CHECK = f"import okr_toolkit, sys; print([m for m in {LAZY!r} if m in sys.modules])"


def test_import_does_not_load_charts_widgets_or_datasets():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_the_top_level_is_curated():
    # The two dozen names most work starts from, and the sub-packages of the layers.
    names = [n for n in okr_toolkit.__all__ if not n.startswith("__")]
    packages = {"core", "datasets", "io", "linter", "planning", "present", "scenarios"}
    assert len([n for n in names if n not in packages | {"statements"}]) <= 25
    assert packages <= set(names)


def test_every_public_name_resolves():
    missing = [name for name in okr_toolkit.__all__ if getattr(okr_toolkit, name, None) is None]
    assert missing == []


def test_public_names_are_unique():
    assert len(okr_toolkit.__all__) == len(set(okr_toolkit.__all__))
    assert "score" in okr_toolkit.__all__ and "OKRDataError" in okr_toolkit.__all__


def test_unknown_attribute_is_an_attribute_error():
    try:
        okr_toolkit.no_such_thing  # noqa: B018
    except AttributeError as err:
        assert "no_such_thing" in str(err)
    else:
        raise AssertionError("okr_toolkit.no_such_thing should not exist")


def test_okr_data_error_is_a_value_error():
    assert issubclass(okr_toolkit.OKRDataError, ValueError)
