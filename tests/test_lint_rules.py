"""The rule registry and each rule on a minimal input and its fixed version."""

from __future__ import annotations

import importlib
import re
from dataclasses import replace

import pandas as pd
import pytest

from okr_toolkit.lint import (
    RULES,
    SEVERITIES,
    Findings,
    LintTables,
    Rule,
    lint,
)

GOOD = {
    "objective_id": "activation",
    "objective": "Make the first week so valuable customers can't imagine going back",
    "kr_id": "activation.kr1",
    "statement": "Lift week-1 activation from 42% to 65%",
    "kpi": "activation_rate",
}


def okrs(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{**GOOD, **row} for row in rows or ({},)])


def kpis(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(rows)


def objectives(n: int) -> pd.DataFrame:
    return okrs(*({"objective_id": f"o{i}", "kr_id": f"o{i}.kr1"} for i in range(n)))


def key_results(n: int) -> pd.DataFrame:
    return okrs(*({"kr_id": f"kr{i}"} for i in range(n)))


THREE_KPIS = kpis(
    {"kpi": "activation_rate", "threshold": 40.0},
    {"kpi": "nps", "threshold": 30.0},
    {"kpi": "uptime", "threshold": 99.0},
)
# `okr_toolkit.lint` is the function; the module is only reachable by its full name.
lint_module = importlib.import_module("okr_toolkit.lint")

LONG = (
    "Make every single customer who signs up in the first week feel that they cannot "
    "imagine working without us again"
)

#: code -> (the mistake, its fixed version); each a (okrs, kpis) pair.
CASES: dict[str, tuple[tuple[pd.DataFrame, pd.DataFrame | None], ...]] = {
    "OKR101": (
        (
            okrs(),
            kpis(
                {
                    "kpi": "uptime",
                    "threshold": 99.0,
                    "statement": "Increase uptime to 99.99% next quarter",
                }
            ),
        ),
        (okrs(), kpis({"kpi": "uptime", "threshold": 99.0, "statement": "Maintain 99% uptime"})),
    ),
    "OKR102": (
        (okrs({"statement": "Maintain NPS above 40"}), None),
        (okrs({"statement": "Maintain NPS above 40", "guardrail": True}), None),
    ),
    "OKR103": (
        (okrs({"kpi_threshold": 65.0}), None),
        (okrs({"kpi_threshold": 60.0}), None),
    ),
    "OKR104": (
        (okrs({"kpi": None}), kpis({"kpi": "activation_rate", "threshold": 40.0})),
        (okrs(), kpis({"kpi": "activation_rate", "threshold": 40.0})),
    ),
    "OKR105": ((okrs({"kpi": None}), None), (okrs(), None)),
    "OKR106": ((okrs({"cycle": "annual"}), None), (okrs({"cycle": "2026Q3"}), None)),
    "OKR107": ((okrs({"pay_linked": True}), None), (okrs({"pay_linked": False}), None)),
    "OKR108": ((okrs({"kpi": None}), None), (okrs(), None)),
    "OKR109": (
        (
            okrs(
                {"kr_id": "kr1"},
                {"kr_id": "kr2", "statement": "Raise NPS from 40 to 50", "kpi": "nps"},
                {"kr_id": "kr3", "statement": "Keep uptime at 99.9%", "kpi": "uptime"},
            ),
            THREE_KPIS,
        ),
        (okrs(), THREE_KPIS),
    ),
    "OKR110": ((objectives(6), None), (objectives(5), None)),
    "OKR111": ((key_results(4), None), (key_results(3), None)),
    "OKR201": (
        (okrs({"statement": "Improve customer satisfaction"}), None),
        (okrs({"statement": "Raise CSAT from 3.8 to 4.5"}), None),
    ),
    "OKR202": (
        (okrs({"statement": "Launch a new support portal"}), None),
        (okrs({"statement": "Raise self-serve resolution from 20% to 35%"}), None),
    ),
    "OKR203": (
        (okrs({"objective": "Achieve $50M revenue"}), None),
        (okrs({"objective": "Become the market leader"}), None),
    ),
    "OKR204": ((okrs({"objective": LONG}), None), (okrs(), None)),
    "OKR205": (
        (okrs({"kpi_threshold": 70.0}), None),
        (okrs({"kpi_threshold": 60.0}), None),
    ),
}


# --- the registry ---------------------------------------------------------------------------


def test_every_rule_has_a_case_below():
    assert set(CASES) == set(RULES)


def test_the_registry_is_keyed_by_code_in_code_order():
    assert list(RULES) == sorted(RULES)
    assert all(code == rule.code for code, rule in RULES.items())
    assert len(RULES) == 16
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_is_complete(rule: Rule):
    assert re.fullmatch(r"OKR[12]\d\d", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.severity in SEVERITIES
    assert rule.source.startswith("seed ")
    assert rule.fix.strip() and rule.summary.endswith(".")
    assert callable(rule.check)


def test_the_module_table_lists_every_rule():
    rows = re.findall(
        r"^(OKR\d{3})\s+(\S+)\s+(error|warning|info)\s", lint_module.__doc__ or "", re.M
    )
    assert rows == [(r.code, r.name, r.severity) for r in RULES.values()]


def test_a_code_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="OKR101 is registered twice"):
        lint_module._rule("OKR101", "again", "info", source="seed 000", fix="x")(lambda t: [])
    assert RULES["OKR101"].name == "kpi-written-as-stretch"


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"code": "E501"}, "not OKR and three digits"),
        ({"name": "Kr Without KPI"}, "not kebab-case"),
        ({"severity": "fatal"}, "not one of error, warning, info"),
        ({"fix": " "}, "fix is empty"),
        ({"check": "not a function"}, "check is not callable"),
    ],
)
def test_a_rule_says_what_is_wrong_with_it(change, match):
    with pytest.raises(ValueError, match=match):
        replace(RULES["OKR108"], **change)


def test_a_findings_batch_has_columns_of_one_length():
    with pytest.raises(ValueError, match="same length"):
        Findings(["portfolio"], [], [None], [None])


# --- each rule: fires on the mistake, quiet on its fix --------------------------------------


@pytest.mark.parametrize("code", list(CASES))
def test_each_rule_fires_on_its_mistake_and_not_on_the_fix(code):
    (bad, bad_kpis), (fixed, fixed_kpis) = CASES[code]
    rule = RULES[code]
    found = lint(bad, bad_kpis).query("code == @code").reset_index(drop=True)
    assert len(found) == 1
    assert found.loc[0, ["rule", "severity", "fix"]].tolist() == [
        rule.name,
        rule.severity,
        rule.fix,
    ]
    assert code not in lint(fixed, fixed_kpis)["code"].tolist()


@pytest.mark.parametrize("code", list(CASES))
def test_each_check_reads_the_prepared_tables(code):
    (bad, bad_kpis), (fixed, fixed_kpis) = CASES[code]
    check = RULES[code].check
    assert sum(len(f) for f in check(LintTables(bad, bad_kpis))) == 1
    assert sum(len(f) for f in check(LintTables(fixed, fixed_kpis))) == 0
