"""okr-toolkit: score, compare and teach OKR, KPI and MBO.

The top level holds the names most work starts from; everything else lives in
the sub-package of its layer, each importing only from the layers below it:

==========================  ===================================================
``okr_toolkit.present``     charts, HTML views, the report, the widgets
``okr_toolkit.cli``         the ``okr`` command
``okr_toolkit.workspace``   one OKR file and its settings, analysed once
``okr_toolkit.linter``      the linter's rules
``okr_toolkit.planning``    KPI to KR conversion, framework choice, migration
``okr_toolkit.scenarios``   Monte Carlo forecasts and target calibration
``okr_toolkit.core``        settings, grades, scoring, roll-ups, pacing, KPIs, MBO
``okr_toolkit.datasets``    the bundled example data
``okr_toolkit.io``          OKR files in YAML, CSV and Excel
``okr_toolkit.statements``  reading goal statements
==========================  ===================================================

``import okr_toolkit`` needs only numpy and pandas; Altair and ipywidgets load
with ``okr_toolkit.present.charts`` and ``okr_toolkit.present.widgets``.

Examples
--------
>>> import okr_toolkit as okr
>>> round(okr.score(58.1, baseline=42, target=65), 2), okr.grade(0.7)
(0.7, 'green')
>>> okr.core.pace(0.3, 0.52)
'behind'
"""

from __future__ import annotations

import importlib
from typing import Any

from okr_toolkit import core, io, linter, planning, scenarios, statements
from okr_toolkit.core import (
    KPI,
    KeyResult,
    Objective,
    Settings,
    grade,
    kpi_status,
    payout,
    rollup,
    score,
    scorecard,
)
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io import FileProblem, OKRFile, OKRFileError, read_okr_file, write_okr_file
from okr_toolkit.linter import lint
from okr_toolkit.planning import kpi_to_kr, plan_migration, recommend_framework
from okr_toolkit.scenarios import forecast_okrs
from okr_toolkit.statements import classify_statement, parse_statement
from okr_toolkit.workspace import Workspace

__version__ = "0.2.0.dev0"

__all__ = [
    "KPI",
    "FileProblem",
    "KeyResult",
    "OKRDataError",
    "OKRFile",
    "OKRFileError",
    "Objective",
    "Settings",
    "Workspace",
    "__version__",
    "classify_statement",
    "core",
    "datasets",
    "forecast_okrs",
    "grade",
    "io",
    "kpi_status",
    "kpi_to_kr",
    "lint",
    "linter",
    "parse_statement",
    "payout",
    "plan_migration",
    "planning",
    "present",
    "read_okr_file",
    "recommend_framework",
    "rollup",
    "scenarios",
    "score",
    "scorecard",
    "statements",
    "write_okr_file",
]

# Imported on first attribute access, so that `import okr_toolkit` stays at numpy +
# pandas: the datasets read files, and the presentation layer brings Altair and
# ipywidgets.
_LAZY = ("datasets", "present", "exercises", "cli")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'okr_toolkit' has no attribute {name!r}")
