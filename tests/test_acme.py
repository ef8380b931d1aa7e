"""The Acme Analytics case study: its generated files hang together (datasets/acme_*)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml

import okr_toolkit as okr
from okr_toolkit.core.rollup import bottom_up_share
from okr_toolkit.datasets import (
    load_acme_kpi_history,
    load_acme_kpis,
    load_acme_mbo_targets,
    load_acme_objectives,
    load_acme_okrs,
)

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "make_datasets.py"
YAML_FILE = REPO / "datasets" / "acme_okrs.yaml"
ACME_FILES = (
    "acme_kpis.csv",
    "acme_kpi_history.csv",
    "acme_objectives.csv",
    "acme_okrs.yaml",
    "acme_mbo_targets.csv",
)
STALLED = {"mql_to_sql_rate": 39, "activation_rate": 26, "first_response_time": 20}
QUARTER_MONDAYS = list(pd.date_range("2026-07-06", "2026-08-17", freq="7D"))


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    """The YAML file as plain data, independent of the toolkit's reader."""
    return yaml.safe_load(YAML_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def krs(raw: dict[str, Any]) -> pd.DataFrame:
    rows = [
        {"objective_id": o["id"], "parent": o["parent"], **kr}
        for o in raw["objectives"]
        for kr in o["key_results"]
    ]
    return pd.DataFrame(rows)


# --- the generator ------------------------------------------------------------------


def test_generator_is_deterministic_and_other_seeds_differ(tmp_path: Path) -> None:
    for folder, seed in (("again", "7"), ("other", "8")):
        subprocess.run(
            [sys.executable, str(SCRIPT), "--out", str(tmp_path / folder), "--seed", seed],
            check=True,
            capture_output=True,
        )
    for name in ACME_FILES:
        shipped = (REPO / "datasets" / name).read_bytes()
        assert (tmp_path / "again" / name).read_bytes() == shipped, name
    # The catalogue and the tree are written, not drawn; the numbers are drawn.
    for name in ("acme_kpi_history.csv", "acme_okrs.yaml", "acme_mbo_targets.csv"):
        assert (tmp_path / "other" / name).read_bytes() != (REPO / "datasets" / name).read_bytes()


# --- the company ----------------------------------------------------------------------


def test_company_size_follows_the_seeds() -> None:
    kpis = load_acme_kpis()
    low, high = (
        okr.core.DEFAULT_SETTINGS.kpi_count_range
    )  # OKR vs. KPI: Differences And Importance: 12-25 KPIs for a company
    assert low <= len(kpis) <= high
    assert kpis["kpi"].is_unique
    assert 8 <= kpis["team"].nunique() <= 10
    assert (kpis["better"] == "lower").sum() >= 1
    assert set(kpis["team"]) == set(load_acme_objectives()["team"])


def test_seed_kpis_tie_to_the_earlier_notebooks() -> None:
    kpis = load_acme_kpis().set_index("kpi")
    assert kpis.loc["activation_rate", "threshold"] == 50  # OKR vs KPI vs MBO
    assert kpis.loc["mql_to_sql_rate", "threshold"] == 25  # OKR vs KPI vs MBO
    history = load_acme_kpi_history()
    seed = okr.datasets.load_kpi_history()
    for kpi, group in seed.groupby("kpi"):
        acme = history[history["kpi"] == kpi].set_index("week")["value"]
        assert acme.loc[group["week"]].tolist() == group["value"].tolist(), kpi


def test_history_is_weekly_and_complete() -> None:
    history = load_acme_kpi_history()
    assert set(history["kpi"]) == set(load_acme_kpis()["kpi"])
    for _, group in history.groupby("kpi"):
        assert len(group) == 52
        assert (group["week"].diff().dropna() == pd.Timedelta(weeks=1)).all()
        assert group["week"].iloc[-1] == pd.Timestamp("2026-06-22")
    meta = load_acme_kpis().set_index("kpi")
    per_kpi = history.drop_duplicates("kpi").set_index("kpi")
    for column in ("threshold", "unit", "better"):
        assert (
            per_kpi[column].astype(object) == meta.loc[per_kpi.index, column].astype(object)
        ).all()


def test_the_library_finds_exactly_the_stalled_kpis() -> None:
    history = load_acme_kpi_history()
    summary = okr.core.stall_summary(history)
    assert summary.loc[summary["stalled"], "run"].to_dict() == STALLED
    # the healthy and declining KPIs never missed twice in a row
    flagged = okr.core.detect_stalls(history)
    assert set(flagged.loc[flagged["stalled"], "kpi"]) == set(STALLED)
    candidates = okr.planning.find_candidates(history)
    assert candidates.index.tolist() == list(STALLED)  # longest stall first
    # the suggested baselines are the levels the KPIs are stuck at
    # (OKR vs KPI vs MBO; KPI vs OKR — the difference that matters)
    assert candidates["baseline"].to_dict() == {
        "mql_to_sql_rate": 18.0,
        "activation_rate": 42.0,
        "first_response_time": 6.0,
    }


def test_some_kpis_are_healthy_and_some_drift_towards_their_threshold() -> None:
    history = load_acme_kpi_history()
    last = history.groupby("kpi").tail(1).set_index("kpi")
    status = okr.kpi_status(last["value"], last["threshold"], better=last["better"])
    assert (status == "healthy").sum() >= 8
    sign = np.where(last["better"] == "lower", -1, 1)
    weeks = np.arange(52)
    slope = history.groupby("kpi")["value"].apply(lambda v: np.polyfit(weeks, v, 1)[0])
    worsening = (slope.reindex(last.index) * sign) < 0
    drifting = {"net_revenue_retention", "cost_per_lead", "dashboard_load_p95", "logo_churn_rate"}
    assert drifting <= set(last.index[worsening & (status != "breached")])
    assert (status[list(drifting)] != "breached").all()


# --- the OKR file ----------------------------------------------------------------------


def test_every_key_result_names_a_listed_kpi(raw: dict[str, Any], krs: pd.DataFrame) -> None:
    listed = {k["name"] for k in raw["kpis"]}
    assert listed == set(load_acme_kpis()["kpi"])  # the whole catalogue, not only KR KPIs
    named = set(krs["kpi"].dropna())
    assert named <= listed
    assert (
        named < listed
    )  # not every KPI became a key result (KPI vs OKR — the difference that matters, mistake 8)


def test_kpi_entries_match_the_catalogue(raw: dict[str, Any]) -> None:
    catalogue = load_acme_kpis().set_index("kpi")
    for entry in raw["kpis"]:
        row = catalogue.loc[entry["name"]]
        assert entry["threshold"] == row["threshold"]
        assert entry["better"] == row["better"] and entry["unit"] == row["unit"]


def test_parent_links_form_a_company_team_person_tree(raw: dict[str, Any]) -> None:
    objectives = {o["id"]: o for o in raw["objectives"]}
    parent_level = {"company": None, "team": "company", "person": "team"}
    for o in raw["objectives"]:
        if o["parent"] is None:
            assert o["level"] == "company"
        else:
            assert objectives[o["parent"]]["level"] == parent_level[o["level"]], o["id"]
        if o["level"] == "person":
            assert objectives[o["parent"]]["team"] == o["team"], o["id"]
    levels = pd.Series([o["level"] for o in raw["objectives"]]).value_counts()
    assert 2 <= levels["company"] <= 3
    teams = {o["team"] for o in raw["objectives"] if o["level"] == "team"}
    assert teams == set(load_acme_kpis()["team"]) - {"Company"}  # every team has one
    assert levels["person"] >= 3
    # the library agrees: three levels, no cycle
    tree = load_acme_objectives()
    scored = okr.core.rollup_tree(
        tree, pd.DataFrame({"objective_id": tree["objective_id"], "score": 0.5})
    )
    assert scored.set_index("objective_id")["depth"].max() == 2


def test_objectives_csv_is_the_same_tree_as_the_yaml(raw: dict[str, Any]) -> None:
    tree = load_acme_objectives()
    keys = {"objective_id": "id", "objective": "title", "owner": "owner", "team": "team"}
    keys |= {"level": "level", "parent_id": "parent"}
    from_yaml = [{mine: o[theirs] for mine, theirs in keys.items()} for o in raw["objectives"]]
    from_csv = [
        {k: (None if k == "parent_id" and pd.isna(v) else str(v)) for k, v in row.items()}
        for row in tree.drop(columns="origin").to_dict("records")
    ]
    assert from_csv == from_yaml


def test_about_sixty_percent_of_aligned_objectives_are_bottom_up() -> None:
    tree = load_acme_objectives()
    share = bottom_up_share(tree)
    target = okr.core.DEFAULT_SETTINGS.bottom_up_share  # OKR vs KPI vs MBO: 60/40
    assert abs(share - target) <= 0.05
    assert share == pytest.approx(11 / 18)
    assert (tree.loc[tree["level"] == "company", "origin"] == "top_down").all()


def test_cascaded_objectives_share_a_kpi_with_their_parent(krs: pd.DataFrame) -> None:
    tree = load_acme_objectives().set_index("objective_id")
    kpis_of = krs.dropna(subset=["kpi"]).groupby("objective_id")["kpi"].agg(set)
    cascaded = tree.index[(tree["origin"] == "top_down") & tree["parent_id"].notna()]
    assert len(cascaded) == 7
    for objective in cascaded:
        parent = tree.loc[objective, "parent_id"]
        assert kpis_of[objective] & kpis_of[parent], objective


def test_checkins_are_weekly_and_current_is_the_latest(krs: pd.DataFrame) -> None:
    assert len(krs) == 33 and krs["id"].is_unique
    for kr in krs.itertuples():
        dates = [pd.Timestamp(c["date"]) for c in kr.checkins]
        assert dates == QUARTER_MONDAYS, kr.id
        assert all(0 <= c["confidence"] <= 10 for c in kr.checkins)
        assert kr.current == kr.checkins[-1]["value"]
        assert kr.target != kr.baseline
        up = kr.direction == "increase"
        assert (kr.target > kr.baseline) == up, kr.id


def test_baselines_are_the_kpis_levels_at_the_quarter_start(krs: pd.DataFrame) -> None:
    history = load_acme_kpi_history()
    last_weeks = history[history["week"] >= "2026-05-04"].groupby("kpi")["value"].median()
    tracked = krs[krs["id"].isin(SAME_METRIC)]
    for kr in tracked.itertuples():
        assert kr.baseline == pytest.approx(last_weeks[kr.kpi], rel=0.08), kr.id


# key results whose check-ins are their KPI's own readings (not a segment of it)
SAME_METRIC = [
    "co_activation.kr1",
    "co_activation.kr2",
    "co_pipeline.kr1",
    "co_pipeline.kr2",
    "co_retention.kr1",
    "co_retention.kr2",
    "growth_first_week.kr1",
    "cs_response.kr1",
    "engineering_speed.kr1",
    "cs_churn.kr1",
]


def test_mid_quarter_some_krs_are_on_pace_and_some_behind() -> None:
    acme = load_acme_okrs()
    scored = okr.core.score_krs(acme.okrs)
    start, end = okr.core.quarter_bounds("2026Q3")
    paced = okr.core.pacing(scored, "2026-08-17", start, end)
    counts = paced["pace"].value_counts()
    assert counts["behind"] >= 8 and counts["on_track"] >= 8
    assert paced.set_index("kr_id").loc["co_retention.kr1", "pace"] == "behind"


def test_the_linter_finds_the_two_drafting_mistakes() -> None:
    acme = load_acme_okrs()
    findings = okr.lint(acme.okrs, acme.kpis)
    by_kr = findings.dropna(subset=["kr_id"]).set_index("kr_id")["code"]
    assert by_kr.get("growth_experiments.kr1") == "OKR202"  # an activity
    assert by_kr.get("marketing_quality.kr1") == "OKR103"  # target at the KPI threshold
    assert not (findings["severity"] == "error").any()
    assert "OKR109" not in set(findings["code"])  # not every KPI was converted


def test_reader_sees_the_whole_file(krs: pd.DataFrame) -> None:
    acme = load_acme_okrs()
    assert acme.okrs["kr_id"].tolist() == krs["id"].tolist()
    assert acme.okrs["objective_id"].nunique() == 21
    assert acme.kpis["kpi"].tolist() == load_acme_kpis()["kpi"].tolist()


# --- last year's MBO --------------------------------------------------------------------


def test_mbo_targets_are_conservative_except_the_stale_ones() -> None:
    mbo = load_acme_mbo_targets()
    assert (mbo.groupby("employee")["weight"].sum().round(9) == 1).all()
    moving = mbo[mbo["baseline"] != mbo["target"]]
    achieved = okr.core.achievement(moving["achieved"], moving["target"], better=moving["better"])
    met = achieved >= 0.95
    assert met.mean() >= 0.6  # pay-linked targets are mostly met (OKR vs KPI vs MBO)
    stale = moving.loc[achieved < 0.85, "metric"].tolist()
    assert stale == ["event_leads", "hires"]
    assert set(mbo["team"]) == set(load_acme_kpis()["team"])
