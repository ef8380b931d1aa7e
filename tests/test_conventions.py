"""The public API keeps one set of signature conventions (design notes, section 2).

Walks every public function, class constructor and public method of every
sub-package (their ``__all__``) and checks:

* ``settings`` is keyword-only: the data comes first, options by name;
* a parameter that names a column of a table ends in ``_col`` (``score_col="score"``,
  ``group_col=`` for grouping), never a bare ``by``, ``kr``, ``date``, ``value`` ...;
* ``read_*`` is kept for file input: only :mod:`okr_toolkit.io` and
  :mod:`okr_toolkit.datasets` define public names starting with ``read_``;
* a function over key results and their check-ins takes the KR table first.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from okr_toolkit import vocab

MODULES = (
    "okr_toolkit",
    "okr_toolkit.core",
    "okr_toolkit.planning",
    "okr_toolkit.linter",
    "okr_toolkit.scenarios",
    "okr_toolkit.io",
    "okr_toolkit.workspace",
    "okr_toolkit.datasets",
    "okr_toolkit.statements",
    "okr_toolkit.present.report",
    "okr_toolkit.present.charts",
    "okr_toolkit.present.views",
    "okr_toolkit.present.widgets",
)

#: Parameter names that would be a column name without the ``_col`` ending.
BARE_COLUMN_NAMES = frozenset(
    {
        "by",
        "column",
        "columns",
        "confidence",
        "date",
        "id",
        "kr",
        "label",
        "origin",
        "outcome",
        "parent",
        "period",
        "stalled",
        "team",
        "value",
        "weight",
    }
)

#: Columns of the toolkit's tables: a string default naming one of them marks a
#: column-name parameter.
KNOWN_COLUMNS = frozenset(
    {
        *vocab.OKR_COLUMNS,
        *vocab.KPI_COLUMNS,
        *vocab.CHECKIN_COLUMNS,
        "better",
        "grade",
        "kpi",
        "origin",
        "score",
        "stalled",
        "statement",
        "team",
        "threshold",
        "value",
        "week",
        "weight",
    }
)

#: Parameters with a bare name that hold a value, not a column name.
NOT_COLUMNS = {
    ("okr_toolkit.planning.convert.kpi_to_kr", "label"): "the new KR's label text",
    ("okr_toolkit.core.kpis.kpi_status", "value"): "the KPI's values",
    ("okr_toolkit.core.model.KPI.status", "value"): "the KPI's value",
    ("okr_toolkit.present.views.report_page", "date"): "the date the report is as of",
}

#: Where ``settings`` is the data itself, not an option.
SETTINGS_ARE_THE_DATA = {"okr_toolkit.workspace.Workspace.with_settings"}


def _public_callables() -> Iterator[tuple[str, Callable[..., Any], bool]]:
    """(qualified name, function, whether it builds a record whose fields are attributes)."""
    seen: set[int] = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                targets = [(f"{obj.__module__}.{obj.__qualname__}", obj, False)]
            elif inspect.isclass(obj) and obj.__module__.startswith("okr_toolkit"):
                record = dataclasses.is_dataclass(obj)
                targets = [
                    (
                        f"{obj.__module__}.{obj.__qualname__}.{attr}",
                        member,
                        record and attr == "__init__",
                    )
                    for attr, member in vars(obj).items()
                    if inspect.isfunction(member) and (attr == "__init__" or attr[0] != "_")
                ]
            else:
                continue
            for qualname, func, record in targets:
                if id(func) not in seen:
                    seen.add(id(func))
                    yield qualname, func, record


PUBLIC = sorted(_public_callables(), key=lambda item: item[0])
IDS = [q for q, _, _ in PUBLIC]
#: A dataclass's fields are its attributes (``KeyResult.weight``), not column names.
FUNCTIONS = [(q, f) for q, f, record in PUBLIC if not record]


def test_the_walk_finds_the_api():
    names = set(IDS)
    assert "okr_toolkit.core.grades.grade" in names
    assert "okr_toolkit.present.charts.scores.kr_progress" in names
    assert len(PUBLIC) > 100


@pytest.mark.parametrize(("qualname", "func"), [(q, f) for q, f, _ in PUBLIC], ids=IDS)
def test_settings_is_keyword_only(qualname, func):
    param = inspect.signature(func).parameters.get("settings")
    if param is not None and qualname not in SETTINGS_ARE_THE_DATA:
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, (
            f"{qualname}: settings must be keyword-only (put it after `*`)"
        )


@pytest.mark.parametrize(("qualname", "func"), FUNCTIONS, ids=[q for q, _ in FUNCTIONS])
def test_column_parameters_end_in_col(qualname, func):
    for name, param in inspect.signature(func).parameters.items():
        if (qualname, name) in NOT_COLUMNS:
            continue
        assert name not in BARE_COLUMN_NAMES, (
            f"{qualname}: parameter {name!r} looks like a column name; call it {name}_col "
            "(or group_col= for grouping)"
        )
        if isinstance(param.default, str) and param.default in KNOWN_COLUMNS:
            assert name.endswith("_col"), (
                f"{qualname}: parameter {name!r} defaults to the column {param.default!r}; "
                f"a column-name parameter ends in _col"
            )


def test_not_columns_are_still_there():
    # An exception that no longer matches a parameter hides nothing and should go.
    names = {q: set(inspect.signature(f).parameters) for q, f, _ in PUBLIC}
    for qualname, param in NOT_COLUMNS:
        assert param in names[qualname], (qualname, param)


def test_read_is_for_files():
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if not name.startswith("read_"):
                continue
            home = getattr(getattr(module, name), "__module__", module_name)
            assert home.startswith(("okr_toolkit.io", "okr_toolkit.datasets")), (
                f"{module_name}.{name}: read_* is reserved for file input "
                "(okr_toolkit.io, okr_toolkit.datasets); interpret_* or a noun says the rest"
            )


@pytest.mark.parametrize(
    "func",
    ["okr_toolkit.core.linear_forecast", "okr_toolkit.scenarios.forecast_okrs"],
)
def test_key_results_come_before_their_checkins(func):
    module, name = func.rsplit(".", 1)
    params = list(inspect.signature(getattr(importlib.import_module(module), name)).parameters)
    assert params[:2] == ["krs", "checkins"]
