"""The starter OKR file that `okr new` writes: documented fields only, readable, lint-clean."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from okr_toolkit.io import read_okr_file, starter_yaml
from okr_toolkit.linter import lint

# The fields of the OKR file format, version 1 (docs/okr-file-format.md).
TOP = {"version", "company", "cycle", "pay_linked", "objectives", "kpis"}
OBJECTIVE = {"id", "title", "owner", "team", "level", "parent", "cycle", "committed"}
OBJECTIVE |= {"key_results"}
KEY_RESULT = {
    "id",
    "statement",
    "kpi",
    "baseline",
    "target",
    "current",
    "unit",
    "direction",
    "weight",
    "owner",
    "guardrail",
    "committed",
    "checkins",
}
CHECKIN = {"date", "value", "confidence", "note"}
KPI = {"name", "threshold", "value", "better", "unit", "owner"}

TODAY = dt.date(2026, 8, 14)  # in 2026Q3


@pytest.fixture
def starter(tmp_path):
    path = tmp_path / "okrs.yaml"
    path.write_text(starter_yaml("Acme Analytics", today=TODAY), encoding="utf-8")
    return path


def test_starter_has_the_documented_structure():
    data = yaml.safe_load(starter_yaml("Acme Analytics", today=TODAY))
    assert set(data) <= TOP
    assert data["version"] == 1 and data["company"] == "Acme Analytics"
    assert data["cycle"] == "2026Q3" and data["pay_linked"] is False
    [objective] = data["objectives"]
    assert set(objective) <= OBJECTIVE and {"id", "title"} <= set(objective)
    krs = objective["key_results"]
    assert 2 <= len(krs) <= 3
    for kr in krs:
        assert set(kr) <= KEY_RESULT and kr["statement"]
        assert kr["target"] != kr["baseline"]
    checkins = [c for kr in krs for c in kr.get("checkins", [])]
    assert checkins and all(set(c) <= CHECKIN for c in checkins)
    assert all(isinstance(c["date"], dt.date) for c in checkins)
    [kpi] = data["kpis"]
    assert set(kpi) <= KPI and {"name", "threshold"} <= set(kpi)
    # every KPI a key result names is listed under kpis
    assert {kr["kpi"] for kr in krs if "kpi" in kr} <= {kpi["name"]}


def test_every_field_line_is_commented_or_self_explaining():
    text = starter_yaml(today=TODAY)
    assert text.startswith("# OKR file, format version 1")
    assert "`okr file-format` describes the" in text  # a command pip users have too
    # each documented field appears with a comment on its first use
    for field in ("version", "cycle", "pay_linked", "statement", "baseline", "threshold"):
        line = next(x for x in text.splitlines() if x.strip().startswith(f"{field}:"))
        assert "#" in line, line


@pytest.mark.parametrize(
    ("today", "cycle", "checkin"),
    [
        # the first check-in is the Monday of the cycle's second week
        (dt.date(2026, 8, 14), "2026Q3", dt.date(2026, 7, 13)),  # Jul 1 is a Wednesday
        (dt.date(2026, 12, 31), "2026Q4", dt.date(2026, 10, 12)),  # Oct 1 is a Thursday
        (dt.date(2027, 1, 1), "2027Q1", dt.date(2027, 1, 11)),  # Jan 1 2027 is a Friday
        (dt.date(2029, 1, 1), "2029Q1", dt.date(2029, 1, 8)),  # Jan 1 2029 is a Monday
    ],
)
def test_default_cycle_is_the_quarter_of_today(today, cycle, checkin):
    data = yaml.safe_load(starter_yaml(today=today))
    assert data["cycle"] == cycle
    kr = data["objectives"][0]["key_results"][0]
    assert kr["checkins"][0]["date"] == checkin


def test_explicit_cycle_wins_over_today():
    data = yaml.safe_load(starter_yaml(cycle="2027Q2", today=TODAY))
    assert data["cycle"] == "2027Q2"


def test_same_inputs_same_text():
    assert starter_yaml("Acme", today=TODAY) == starter_yaml("Acme", today=TODAY)


def test_company_left_out_is_a_comment():
    text = starter_yaml(today=TODAY)
    assert "company" not in yaml.safe_load(text)
    assert "# company:" in text


@pytest.mark.parametrize(
    "company",
    ['Acme: "Analytics" #1', "O'Brien & Söhne", "back\\slash", "tab\there", "emoji 😀", "a\nb"],
)
def test_any_company_name_reads_back_exactly(company):
    assert yaml.safe_load(starter_yaml(company, today=TODAY))["company"] == company


@pytest.mark.parametrize("cycle", ["2026", "Q3 2026", "2026Q5", "annual", ""])
def test_bad_cycle_is_a_clear_error(cycle):
    with pytest.raises(ValueError, match=r"YYYYQn such as '2026Q3'"):
        starter_yaml(cycle=cycle)


def test_blank_company_is_an_error():
    with pytest.raises(ValueError, match="blank"):
        starter_yaml("  ")


def test_the_reader_reads_the_starter(starter):
    source = read_okr_file(starter)
    assert source.okrs["objective_id"].unique().tolist() == ["activation"]
    assert len(source.okrs) == 3
    assert source.kpis["kpi"].tolist() == ["activation_rate"]


def test_the_starter_lints_without_errors(starter):
    source = read_okr_file(starter)
    findings = lint(source.okrs, source.kpis)
    errors = findings[findings["severity"].astype(str) == "error"]
    assert errors.empty, errors[["code", "message"]].to_string()
    warnings = findings[findings["severity"].astype(str) == "warning"]
    assert warnings.empty, warnings[["code", "message"]].to_string()
