"""Tests of the shipped datasets and their loaders (okr_toolkit.datasets)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import datasets
from okr_toolkit.datasets import (
    KINDS,
    load_acme_kpi_history,
    load_acme_kpis,
    load_acme_mbo_targets,
    load_acme_objectives,
    load_checkins,
    load_framework_comparison,
    load_kpi_benchmarks,
    load_kpi_examples,
    load_kpi_history,
    load_okr_examples,
    load_okr_vs_kpi,
    load_published_statements,
    load_sources,
    load_statements,
)
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import DIRECTIONS

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "make_datasets.py"
SYNTHETIC = (
    "kpi_history.csv",
    "checkins.csv",
    "acme_kpis.csv",
    "acme_kpi_history.csv",
    "acme_objectives.csv",
    "acme_okrs.yaml",
    "acme_mbo_targets.csv",
)

# Column kinds: "str" text, "float" float64, "int" int64, "bool", "date" datetime64,
# "cat" categorical.
S, F, INT, B, D, C = "str", "float", "int", "bool", "date", "cat"

# loader, shape, {column: kind} in file order, columns that may hold NaN
CASES = [
    (
        load_framework_comparison,
        (10, 5),
        {"aspect": S, "okr": S, "kpi": S, "mbo": S, "source": S},
        set(),
    ),
    (load_okr_vs_kpi, (9, 4), {"aspect": S, "kpi": S, "okr": S, "source": S}, set()),
    (
        load_kpi_benchmarks,
        (9, 9),
        {
            "function": S,
            "kpi": S,
            "label": S,
            "low": F,
            "high": F,
            "unit": C,
            "better": C,
            "open_ended": B,
            "source": S,
        },
        set(),
    ),
    (
        load_kpi_examples,
        (45, 7),
        {
            "function": S,
            "kpi": S,
            "label": S,
            "example_value": F,
            "unit": C,
            "period": C,
            "source": S,
        },
        {"example_value", "period"},
    ),
    (
        load_okr_examples,
        (31, 14),
        {
            "example_id": S,
            "source": S,
            "objective": S,
            "kr_id": S,
            "statement": S,
            "metric": S,
            "baseline": F,
            "target": F,
            "relative_change": F,
            "unit": C,
            "direction": C,
            "kind": C,
            "linked_kpi": S,
            "kpi_threshold": F,
        },
        {"objective", "baseline", "target", "relative_change", "unit", "linked_kpi"}
        | {"kpi_threshold"},
    ),
    (
        load_kpi_history,
        (65, 6),
        {"kpi": S, "week": D, "value": F, "threshold": F, "unit": C, "better": C},
        set(),
    ),
    (load_checkins, (21, 4), {"kr_id": S, "date": D, "value": F, "confidence": INT}, set()),
    (
        load_acme_kpis,
        (21, 8),
        {
            "kpi": S,
            "label": S,
            "team": S,
            "owner": S,
            "unit": C,
            "better": C,
            "threshold": F,
            "description": S,
        },
        set(),
    ),
    (
        load_acme_kpi_history,
        (1092, 6),
        {"kpi": S, "week": D, "value": F, "threshold": F, "unit": C, "better": C},
        set(),
    ),
    (
        load_acme_objectives,
        (21, 7),
        {
            "objective_id": S,
            "objective": S,
            "owner": S,
            "team": S,
            "level": C,
            "parent_id": S,
            "origin": C,
        },
        {"parent_id"},
    ),
    (
        load_acme_mbo_targets,
        (17, 12),
        {
            "employee": S,
            "team": S,
            "objective": S,
            "metric": S,
            "unit": S,
            "better": C,
            "baseline": F,
            "target": F,
            "achieved": F,
            "weight": F,
            "bonus_pct": F,
            "purpose": S,
        },
        set(),
    ),
    (
        load_statements,
        (339, 10),
        {
            "statement": S,
            "label": C,
            "metric": S,
            "baseline": F,
            "target": F,
            "unit": S,
            "direction": C,
            "relative_change": F,
            "deadline": S,
            "source": S,
        },
        {"metric", "baseline", "target", "unit", "direction", "relative_change", "deadline"},
    ),
    (
        load_published_statements,
        (1855, 13),
        {
            "statement": S,
            "label": C,
            "metric": S,
            "baseline": F,
            "target": F,
            "unit": S,
            "direction": C,
            "relative_change": F,
            "deadline": S,
            "source_title": S,
            "source_url": S,
            "domain": S,
            "reason": S,
        },
        {"metric", "baseline", "target", "unit", "direction", "relative_change", "deadline"},
    ),
    (
        load_sources,
        (5, 4),
        {"source": S, "title": S, "site": S, "contributes": S},
        {"site"},
    ),
]

KIND_CHECKS: dict[str, Callable[[pd.Series], bool]] = {
    S: lambda s: pd.api.types.is_string_dtype(s.dtype),
    F: lambda s: s.dtype == np.float64,
    INT: lambda s: s.dtype == np.int64,
    B: lambda s: s.dtype == np.bool_,
    D: lambda s: pd.api.types.is_datetime64_dtype(s.dtype),
    C: lambda s: isinstance(s.dtype, pd.CategoricalDtype),
}


@pytest.mark.parametrize(
    ("loader", "shape", "columns", "nullable"), CASES, ids=[c[0].__name__ for c in CASES]
)
def test_loader_columns_dtypes_and_missing_values(
    loader: Callable[[], pd.DataFrame],
    shape: tuple[int, int],
    columns: dict[str, str],
    nullable: set[str],
) -> None:
    frame = loader()
    assert frame.shape == shape
    assert list(frame.columns) == list(columns)
    for column, kind in columns.items():
        assert KIND_CHECKS[kind](frame[column]), f"{column}: {frame[column].dtype} is not {kind}"
    required = [c for c in columns if c not in nullable]
    assert not frame[required].isna().any().any(), frame[required].isna().sum()
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    assert loader.__doc__ is not None and f"Size: {shape}" in loader.__doc__


# Loaders of files that are not tables: they return an OKRFile (tests/test_acme.py).
NOT_TABLES = {"load_acme_okrs"}


def test_every_loader_is_exported_and_tested() -> None:
    loaders = {name for name in datasets.__all__ if name.startswith("load_")}
    assert loaders - NOT_TABLES == {case[0].__name__ for case in CASES}


def test_every_shipped_csv_has_a_loader_and_a_readme_section() -> None:
    files = {p.name for p in (REPO / "datasets").glob("*.csv")}
    assert files == {f"{case[0].__name__.removeprefix('load_')}.csv" for case in CASES}
    readme = (REPO / "datasets" / "README.md").read_text(encoding="utf-8")
    for name in files:
        assert f"## `{name}`" in readme


# --- seed figures -------------------------------------------------------------------


def _matches(value: float, expected: float | None) -> bool:
    """``value`` equals ``expected``, or is NaN when nothing is expected."""
    return bool(np.isnan(value)) if expected is None else value == expected


@pytest.mark.parametrize(
    ("kr_id", "baseline", "target", "unit", "direction", "threshold"),
    [
        # OKR vs KPI vs MBO: 42% -> 65%, threshold 50%
        ("activation.kr1", 42, 65, "%", "increase", 50),
        ("activation.kr2", 5, 2, "days", "decrease", None),  # OKR vs KPI vs MBO: 5 -> 2 days
        # OKR vs KPI vs MBO: week-1 NPS 28 -> 45
        ("activation.kr3", 28, 45, "score", "increase", None),
        # OKR vs KPI vs MBO: 18% -> 32%, target 25%
        ("mql_to_sql.kr1", 18, 32, "%", "increase", 25),
        ("mql_to_sql.kr2", 45, 30, "days", "decrease", None),  # OKR vs KPI vs MBO: sales cycle
        # OKR vs KPI vs MBO: 80%+ satisfaction
        ("mql_to_sql.kr3", None, 80, "%", "stay_above", None),
        ("satisfaction_leader.kr1", 30, 50, "%", "increase", None),  # OKR vs KPI vs MBO: 30% -> 50%
        # Do OKRs replace KPIs?: 5 h -> 2 h
        ("support_channels.kr1", 5, 2, "hours", "decrease", None),
        # Do OKRs replace KPIs?: CSAT 80% -> 90%
        ("support_channels.kr2", 80, 90, "%", "increase", None),
        ("eu_expansion.kr2", 15, 25, "%", "increase", None),  # Do OKRs replace KPIs?: 15% -> 25%
        # KPI vs OKR — the difference that matters: 6 h -> 45 min
        ("support_human.kr1", 360, 45, "minutes", "decrease", None),
        # KPI vs OKR — the difference that matters: CSAT
        ("support_human.kr2", 3.8, 4.5, "score", "increase", None),
        # KPI vs OKR — the difference that matters: $2M -> $3M
        ("arr_growth.kr1", 2_000_000, 3_000_000, "$", "increase", None),
        # KPI vs OKR — the difference that matters
        ("nps_growth.kr1", 32, 48, "score", "increase", None),
        # KPI vs OKR — the difference that matters: by end of Q3
        ("nps_q3.kr1", 32, 45, "score", "increase", None),
        # Enhance KPIs with OKRs
        ("market_leader.kr1", None, 50_000_000, "$", "increase", 50_000_000),
        # Enhance KPIs with OKRs: maintain 25%
        ("market_leader.kr2", None, 25, "%", "stay_above", 25),
    ],
)
def test_okr_examples_hold_the_seed_figures(
    kr_id: str,
    baseline: float | None,
    target: float,
    unit: str,
    direction: str,
    threshold: float | None,
) -> None:
    row = load_okr_examples().set_index("kr_id").loc[kr_id]
    assert _matches(row["baseline"], baseline)
    assert row["target"] == target
    assert row["unit"] == unit
    assert row["direction"] == direction
    assert _matches(row["kpi_threshold"], threshold)


@pytest.mark.parametrize(
    ("kr_id", "relative_change"),
    [
        ("brand_awareness.kr1", 0.30),  # OKR vs KPI vs MBO: click-through rate "by 30%"
        ("eu_expansion.kr1", 0.50),  # Do OKRs replace KPIs?: inbound leads "by 50%"
    ],
)
def test_relative_key_results(kr_id: str, relative_change: float) -> None:
    row = load_okr_examples().set_index("kr_id").loc[kr_id]
    assert row["relative_change"] == pytest.approx(relative_change)
    assert np.isnan(row["baseline"]) and np.isnan(row["target"])


def test_okr_examples_structure() -> None:
    frame = load_okr_examples()
    assert frame["kr_id"].is_unique
    assert (frame["kr_id"].str.split(".").str[0] == frame["example_id"]).all()
    assert list(frame["direction"].cat.categories) == list(DIRECTIONS)
    assert list(frame["kind"].cat.categories) == list(KINDS)
    # one objective per example
    assert (frame.groupby("example_id")["objective"].nunique(dropna=False) == 1).all()
    # the sales objective of "OKR vs. KPI: Differences And Importance" has no key results
    # there, so it is not here
    assert not frame["objective"].str.contains("B2B", na=False).any()
    kinds = frame.set_index("kr_id")["kind"]
    for activity in ("community.kr1", "csat_index.kr1", "support_channels.kr3", "eu_expansion.kr3"):
        assert kinds[activity] == "activity"
    assert kinds["market_leader.kr4"] == "activity"
    assert kinds["market_leader.kr2"] == "kpi"


def test_directions_are_consistent_with_baseline_and_target() -> None:
    frame = load_okr_examples()
    both = frame.dropna(subset=["baseline", "target"])
    up, down = both["direction"] == "increase", both["direction"] == "decrease"
    assert (both.loc[up, "target"] > both.loc[up, "baseline"]).all()
    assert (both.loc[down, "target"] < both.loc[down, "baseline"]).all()
    assert set(both["direction"]) <= {"increase", "decrease"}
    assert (frame.loc[frame["relative_change"].notna(), "direction"] == "increase").all()
    assert (frame["relative_change"].dropna() > 0).all()
    milestone = frame["direction"] == "milestone"
    assert frame.loc[milestone, ["baseline", "target", "unit"]].isna().all().all()
    # everything else has a unit and some goal: a target or a relative change
    rest = frame.loc[~milestone]
    assert rest["unit"].notna().all()
    assert (rest["target"].notna() | rest["relative_change"].notna()).all()


def test_kpi_benchmarks_hold_the_seed_ranges() -> None:
    frame = load_kpi_benchmarks().set_index("kpi")
    # OKR vs KPI vs MBO: NRR 100-115%, deal size $5K-25K, time to close 30-60 days, CSAT 90-95%+
    assert frame.loc["net_revenue_retention", ["low", "high"]].tolist() == [100, 115]
    assert frame.loc["average_deal_size_mid_market", ["low", "high"]].tolist() == [5000, 25000]
    assert frame.loc["time_to_close", ["low", "high", "unit"]].tolist() == [30, 60, "days"]
    assert frame["open_ended"].sum() == 1 and frame.loc["csat_score", "open_ended"]
    assert (frame["low"] < frame["high"]).all()
    assert set(frame.index[frame["better"] == "lower"]) == {
        "cost_per_lead",
        "time_to_close",
        "time_to_first_value",
    }


def test_kpi_examples_cover_every_seed_list() -> None:
    frame = load_kpi_examples()
    listed = frame[frame["source"] == "OKR vs. KPI: Differences And Importance, text"]
    assert listed["function"].value_counts().to_dict() == {
        "Sales": 6,
        "Marketing": 5,
        "Customer Success": 5,
        "Product": 4,
    }
    assert listed["example_value"].notna().all()  # the article gives a value for each
    saas = frame["source"] == "KPI vs OKR — the difference that matters, text"
    assert frame.loc[saas, "example_value"].isna().all()
    assert not frame.duplicated(["function", "kpi", "period", "source"]).any()


def test_framework_comparison_rows() -> None:
    frame = load_framework_comparison()
    assert frame["aspect"].tolist() == [
        "purpose",
        "cycle",
        "success_threshold",
        "direction",
        "mid_cycle_changes",
        "ambition",
        "question",
        "pay_link",
        "analogy",
        "focus",
    ]
    assert (frame["source"].iloc[:6] == "OKR vs KPI vs MBO, table").all()
    assert frame["source"].iloc[6:].str.startswith("OKR vs KPI vs MBO, text").all()
    assert frame.set_index("aspect").at["cycle", "mbo"] == "Annual"


def test_sources_are_the_articles_docs_sources_md_lists() -> None:
    frame = load_sources()
    assert frame["source"].is_unique and frame["title"].is_unique
    # a short title is the full title or its beginning, so it is recognisable
    doc = (REPO / "docs" / "sources.md").read_text(encoding="utf-8")
    for row in frame.itertuples():
        assert row.title.startswith(row.source)
        assert f"| {row.source} | {row.title} |" in doc
        assert f"## {row.source}\n" in doc


@pytest.mark.parametrize(
    "loader",
    [case[0] for case in CASES if "source" in case[2] and case[0] is not load_sources],
    ids=lambda f: f.__name__,
)
def test_every_source_value_names_an_article(loader: Callable[[], pd.DataFrame]) -> None:
    # "<short title>[, <where>]", several joined by "; ", or "handwritten"
    articles = set(load_sources()["source"])
    for value in loader()["source"].unique():
        if value == "handwritten":
            continue
        for part in value.split("; "):
            assert part.split(", ")[0] in articles, f"{value!r} names no article of sources.csv"


# --- synthetic data -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kpi", "weeks", "threshold", "centre"),
    [
        ("activation_rate", 26, 50.0, 42.0),  # OKR vs KPI vs MBO: six months at 42% vs 50%
        ("mql_to_sql_rate", 39, 25.0, 18.0),  # OKR vs KPI vs MBO: nine months at 18% vs 25%
    ],
)
def test_kpi_history_is_stalled_below_threshold(
    kpi: str, weeks: int, threshold: float, centre: float
) -> None:
    frame = load_kpi_history(kpi)
    assert len(frame) == weeks
    assert (frame["kpi"] == kpi).all()
    assert (frame["threshold"] == threshold).all()
    assert (frame["value"] < frame["threshold"]).all()
    assert frame["value"].between(centre - 3, centre + 3).all()
    assert abs(frame["value"].mean() - centre) < 1.5
    assert (frame["value"].round(1) == frame["value"]).all()
    assert (frame["week"].diff().dropna() == pd.Timedelta(weeks=1)).all()
    assert (frame["week"].dt.day_of_week == 0).all()  # Mondays
    assert frame["week"].iloc[-1] == pd.Timestamp("2026-06-22")


def test_kpi_history_unknown_kpi_names_the_available_ones() -> None:
    with pytest.raises(OKRDataError, match="'nope'") as info:
        load_kpi_history("nope")
    assert "activation_rate" in str(info.value) and "mql_to_sql_rate" in str(info.value)


def test_checkins_follow_the_activation_okr() -> None:
    frame = load_checkins()
    examples = load_okr_examples().set_index("kr_id")
    assert set(frame["kr_id"]) == {"activation.kr1", "activation.kr2", "activation.kr3"}
    assert set(frame["kr_id"]) <= set(examples.index)
    mondays = pd.date_range("2026-07-06", "2026-08-17", freq="7D")
    for _, group in frame.groupby("kr_id"):
        assert group["date"].tolist() == list(mondays)
    assert frame["confidence"].between(0, 10).all()
    last = frame.groupby("kr_id")["value"].last()
    assert 45 < last["activation.kr1"] < 52  # climbing from 42, still short of 65
    assert 3 < last["activation.kr2"] < 5  # falling from 5 towards 3
    assert last["activation.kr3"] > 28  # NPS above its baseline


def test_generator_is_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in SYNTHETIC:
        assert (tmp_path / name).read_bytes() == (REPO / "datasets" / name).read_bytes(), name


# --- loader behaviour -----------------------------------------------------------------


@pytest.mark.parametrize("loader", [case[0] for case in CASES], ids=lambda f: f.__name__)
def test_returned_frame_is_independent_of_the_next_load(
    loader: Callable[[], pd.DataFrame],
) -> None:
    first = loader()
    expected = loader()
    first.iloc[0, 0] = "changed"  # every first column is text
    first["added"] = 1
    pd.testing.assert_frame_equal(loader(), expected)


def test_loader_rejects_an_unknown_category(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (REPO / "datasets" / "okr_examples.csv").read_text(encoding="utf-8")
    bad = text.replace(",decrease,key_result,time_to_first_value,", ",down,key_result,ttfv,", 1)
    (tmp_path / "okr_examples.csv").write_text(bad, encoding="utf-8")
    monkeypatch.setattr(datasets.files, "data_dir", lambda: tmp_path)
    with pytest.raises(OKRDataError, match=r"row 3, column 'direction': 'down'"):
        load_okr_examples()


def test_loader_rejects_unexpected_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "checkins.csv").write_text("kr_id,date,value\na.kr1,2026-07-06,1.0\n")
    monkeypatch.setattr(datasets.files, "data_dir", lambda: tmp_path)
    with pytest.raises(OKRDataError, match=r"checkins\.csv: columns"):
        load_checkins()


def test_data_dir_falls_back_to_the_repository_in_a_checkout() -> None:
    # An editable install has no okr_toolkit/_datasets, so the loader reads datasets/.
    assert Path(str(datasets.files.data_dir())).resolve() == REPO / "datasets"


def test_data_dir_prefers_the_copy_inside_an_installed_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A wheel carries the files as okr_toolkit/_datasets (pyproject force-include).
    packaged = tmp_path / "_datasets"
    packaged.mkdir()
    for source in (REPO / "datasets").glob("*.csv"):
        (packaged / source.name).write_bytes(source.read_bytes())
    (packaged / "checkins.csv").write_text("kr_id,date,value,confidence\nx.kr1,2026-07-06,1.5,3\n")
    monkeypatch.setattr(datasets.files.resources, "files", lambda package: tmp_path)
    assert Path(str(datasets.files.data_dir())) == packaged
    assert load_checkins()["kr_id"].tolist() == ["x.kr1"]


def test_the_published_corpus_is_broad_sourced_and_consistent() -> None:
    frame = load_published_statements()
    assert len(frame) >= 1500 and frame["source_url"].nunique() >= 300
    assert frame["label"].notna().all() and frame["reason"].notna().all()
    assert not frame["statement"].str.lower().duplicated().any()
    # No source dominates: at most ten rows each.
    assert frame["source_url"].value_counts().max() <= 10
    # Nothing in both corpora: the project's own lines are apart from the published ones.
    own = set(load_statements()["statement"].str.lower())
    assert own.isdisjoint(frame["statement"].str.lower())
