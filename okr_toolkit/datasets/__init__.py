"""Small datasets for learning and testing: the source articles' tables and synthetic data.

Each ``load_*`` function reads one CSV file from the package's ``datasets`` folder
with an explicit dtype map and returns a fresh :class:`pandas.DataFrame`, so the
caller may change it freely. The files and how they were made are described in
``datasets/README.md``.
"""

from __future__ import annotations

from okr_toolkit.datasets.acme import (
    load_acme_kpi_history,
    load_acme_kpis,
    load_acme_mbo_targets,
    load_acme_objectives,
    load_acme_okrs,
)
from okr_toolkit.datasets.articles import (
    load_framework_comparison,
    load_kpi_benchmarks,
    load_kpi_examples,
    load_okr_examples,
    load_okr_vs_kpi,
    load_sources,
)
from okr_toolkit.datasets.files import data_path
from okr_toolkit.datasets.layouts import KINDS, UNITS
from okr_toolkit.datasets.published import load_published_statements
from okr_toolkit.datasets.synthetic import load_checkins, load_kpi_history, load_statements
from okr_toolkit.statements import LABELS

__all__ = [
    "KINDS",
    "LABELS",
    "UNITS",
    "data_path",
    "load_acme_kpi_history",
    "load_acme_kpis",
    "load_acme_mbo_targets",
    "load_acme_objectives",
    "load_acme_okrs",
    "load_checkins",
    "load_framework_comparison",
    "load_kpi_benchmarks",
    "load_kpi_examples",
    "load_kpi_history",
    "load_okr_examples",
    "load_okr_vs_kpi",
    "load_published_statements",
    "load_sources",
    "load_statements",
]
