"""The rule registry, rule selection, and each rule on a minimal input and its fixed version."""

from __future__ import annotations

import importlib
import re
from dataclasses import replace

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit.linter import (
    FINDING_COLUMNS,
    RULES,
    SEVERITIES,
    Findings,
    LintTables,
    Rule,
    lint,
    select_rules,
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
# The tests reach into the registry (how a rule registers) and the prepared tables
# (which read the statements on first use).
registry = importlib.import_module("okr_toolkit.linter.registry")
tables_module = importlib.import_module("okr_toolkit.linter.tables")

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
    # each source is an article's short title (docs/sources.md), maybe with a place in it
    articles = set(okr.datasets.load_sources()["source"])
    assert all(part.split(", ")[0] in articles for part in rule.source.split("; "))
    assert rule.fix.strip() and rule.summary.endswith(".")
    assert callable(rule.check)


def table_rows(doc: str | None) -> list[tuple[str, str, str]]:
    """The (code, name, severity) rows of a docstring's rule table."""
    return re.findall(r"^(OKR\d{3})\s+(\S+)\s+(error|warning|info)\s", doc or "", re.M)


def test_the_package_table_lists_every_rule():
    rows = table_rows(okr.linter.__doc__)
    assert rows == [(r.code, r.name, r.severity) for r in RULES.values()]


def test_each_family_lists_the_rules_it_registers():
    families: dict[str, list[Rule]] = {}
    for rule in RULES.values():
        families.setdefault(rule.check.__module__, []).append(rule)
    assert sorted(name.rsplit(".", 1)[1] for name in families) == [
        "kpi_rules",
        "mbo_rules",
        "portfolio_rules",
        "writing_rules",
    ]
    for name, rules in families.items():
        rows = table_rows(importlib.import_module(name).__doc__)
        assert rows == [(r.code, r.name, r.severity) for r in rules], name


def test_a_code_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="OKR101 is registered twice"):
        registry.register("OKR101", "again", "info", source="OKR vs KPI vs MBO", fix="x")(
            lambda t: []
        )
    assert RULES["OKR101"].name == "kpi-written-as-stretch"


def test_a_registry_keeps_code_order_whatever_order_rules_register_in():
    def check(t):
        """A mistake.

        Said at length here.
        """
        return []

    scratch: dict[str, Rule] = {}
    for code in ("OKR205", "OKR101", "OKR110"):
        registry.register(code, "a-rule", "info", source="s", fix="f", registry=scratch)(check)
    assert list(scratch) == ["OKR101", "OKR110", "OKR205"]
    assert {rule.summary for rule in scratch.values()} == {"A mistake."}
    assert len(RULES) == 16  # the package's registry is untouched


def test_a_rule_with_no_docstring_has_no_summary_and_is_refused():
    def undocumented(t):
        return []

    with pytest.raises(ValueError, match="summary is empty"):
        registry.register("OKR901", "a-rule", "info", source="s", fix="f", registry={})(
            undocumented
        )


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


# --- selecting rules ------------------------------------------------------------------------


def codes(findings: pd.DataFrame) -> list[str]:
    return findings["code"].tolist()


def selected(select=None, ignore=None) -> list[str]:
    return [rule.code for rule in select_rules(select, ignore)]


def test_every_rule_runs_by_default_errors_first():
    run = select_rules()
    assert {rule.code for rule in run} == set(RULES)
    assert run == sorted(run, key=lambda r: (SEVERITIES.index(r.severity), r.code))


def test_select_by_code_and_by_prefix():
    assert selected(["OKR108"]) == ["OKR108"]
    assert selected("OKR108") == ["OKR108"]  # one string is one entry
    assert selected(["OKR2"]) == ["OKR201", "OKR205", "OKR202", "OKR203", "OKR204"]
    assert selected(["OKR10"]) == [f"OKR10{i}" for i in (6, 7, 1, 2, 3, 4, 5, 9, 8)]
    assert set(selected(["OKR"])) == set(RULES)
    assert selected(["OKR201", "OKR2"]) == selected(["OKR2"])  # overlaps are fine
    assert selected([]) == []


def test_ignore_and_the_more_specific_entry_wins():
    assert "OKR108" not in selected(ignore=["OKR108"])
    assert selected(["OKR1"], ["OKR108"]) == [c for c in selected(["OKR1"]) if c != "OKR108"]
    assert selected(["OKR108"], ["OKR1"]) == ["OKR108"]  # select is more specific
    assert selected(["OKR1"], ["OKR1"]) == []  # a tie: ignore wins
    assert selected(ignore=["OKR"]) == []


@pytest.mark.parametrize(
    ("select", "ignore", "option", "named"),
    [
        (["OKR999"], None, "select", "'OKR999'"),
        (["OKR3", "OKR1", "okr108"], None, "select", "'OKR3', 'okr108'"),
        (None, ["E501"], "ignore", "'E501'"),
        ([""], None, "select", "''"),
        ([108], None, "select", "108"),
        ("OKR1080", None, "select", "'OKR1080'"),
    ],
)
def test_unknown_codes_are_named(select, ignore, option, named):
    message = f"unknown rule codes? in {option}: {named};"
    with pytest.raises(ValueError, match=message) as error:
        lint(okrs(), select=select, ignore=ignore)
    assert "OKR101-OKR111 and OKR201-OKR205" in str(error.value)


def test_lint_runs_only_the_selected_rules():
    draft = okrs(
        {"statement": "Launch a new support portal", "cycle": "annual"},
        {"kr_id": "b", "statement": "Improve customer satisfaction", "kpi": None},
    )
    every = lint(draft)
    assert codes(every) == ["OKR106", "OKR201", "OKR202"]
    assert codes(lint(draft, select=["OKR2"])) == ["OKR201", "OKR202"]
    assert codes(lint(draft, ignore=["OKR201"])) == ["OKR106", "OKR202"]
    some = lint(draft, select=["OKR106", "OKR202"])
    pd.testing.assert_frame_equal(
        some, every[every["code"].isin(["OKR106", "OKR202"])].reset_index(drop=True)
    )


def test_nothing_selected_still_checks_the_input_and_returns_the_columns():
    empty = lint(okrs(), select=[])
    assert list(empty.columns) == FINDING_COLUMNS and empty.empty
    assert empty["severity"].dtype == lint(okrs())["severity"].dtype
    with pytest.raises(okr.OKRDataError, match="statement is empty"):
        lint(okrs({"statement": ""}), select=[])


def test_a_rule_that_is_not_run_costs_nothing(monkeypatch):
    """Selecting rules that read no statement skips the statement reader."""

    def refuse(texts):
        raise AssertionError("classify_statements was called")

    monkeypatch.setattr(tables_module, "classify_statements", refuse)
    assert codes(lint(okrs({"cycle": "annual"}), select=["OKR106", "OKR107", "OKR110"])) == [
        "OKR106"
    ]


# --- each rule: fires on the mistake, quiet on its fix --------------------------------------


@pytest.mark.parametrize("code", list(CASES))
def test_each_rule_fires_on_its_mistake_and_not_on_the_fix(code):
    (bad, bad_kpis), (fixed, fixed_kpis) = CASES[code]
    rule = RULES[code]
    found = lint(bad, bad_kpis, select=[code])
    assert codes(found) == [code]
    assert found.loc[0, ["rule", "severity", "fix"]].tolist() == [
        rule.name,
        rule.severity,
        rule.fix,
    ]
    assert code in codes(lint(bad, bad_kpis))  # and with every rule on
    assert lint(fixed, fixed_kpis, select=[code]).empty
    assert code not in codes(lint(fixed, fixed_kpis))


@pytest.mark.parametrize("code", list(CASES))
def test_each_check_reads_the_prepared_tables(code):
    (bad, bad_kpis), (fixed, fixed_kpis) = CASES[code]
    check = RULES[code].check
    assert sum(len(f) for f in check(LintTables(bad, bad_kpis))) == 1
    assert sum(len(f) for f in check(LintTables(fixed, fixed_kpis))) == 0


def test_the_focus_limits_come_from_the_settings():
    relaxed = replace(okr.core.DEFAULT_SETTINGS, max_objectives=6, max_key_results=4)
    assert lint(objectives(6), settings=relaxed, select="OKR110").empty
    assert lint(key_results(4), settings=relaxed, select="OKR111").empty
    strict = replace(okr.core.DEFAULT_SETTINGS, max_objectives=1, max_key_results=1)
    assert codes(lint(key_results(2), settings=strict, select="OKR11")) == ["OKR111"]
    assert codes(lint(objectives(2), settings=strict, select="OKR11")) == ["OKR110"]


# --- the helpers of the longer checks --------------------------------------------------------

portfolio_rules = importlib.import_module("okr_toolkit.linter.portfolio_rules")


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ((), "portfolio"),
        (("Sales",), "team 'Sales'"),
        (("Sales", "team"), "team 'Sales' (team level)"),
        (("Sales", None), "team 'Sales'"),
        ((None, "team"), "portfolio"),  # objectives with no team are counted together
    ],
)
def test_a_set_of_objectives_is_placed_by_its_team_and_level(key, where):
    assert portfolio_rules._set_place(key) == where


def test_sets_of_objectives_are_counted_in_the_order_they_first_appear():
    objectives = pd.DataFrame(
        {"team": ["B", "A", "B", None, None], "level": ["team", "team", "team", "team", None]}
    )
    assert portfolio_rules._objective_sets(objectives) == [
        (("B", "team"), 2),
        (("A", "team"), 1),
        ((None, "team"), 1),
        ((None, None), 1),
    ]
    assert portfolio_rules._objective_sets(objectives.assign(team=None)) == [((), 5)]
    assert portfolio_rules._objective_sets(objectives.drop(columns="team")) == [((), 5)]


@pytest.mark.parametrize(
    ("kpis", "healthy"),
    [
        (pd.DataFrame({"kpi": ["nps"], "threshold": [30]}), False),  # no values: no claim
        (pd.DataFrame({"kpi": ["nps"], "threshold": [30], "value": [35]}), True),
        (pd.DataFrame({"kpi": ["nps"], "threshold": [30], "value": [25]}), False),
        (
            pd.DataFrame({"kpi": ["churn"], "threshold": [5], "value": [4], "better": ["lower"]}),
            True,
        ),
    ],
)
def test_kpis_look_healthy_when_none_breaches_its_threshold(kpis, healthy):
    assert portfolio_rules._all_healthy(kpis) is healthy


@pytest.mark.parametrize(
    ("statement", "code", "fires"),
    [
        # Issue 13: metrics named with "annual" or a pay word are not an annual cycle or a
        # pay link; the CLI exited 1 on them.
        ("Grow annual recurring revenue from $2M to $3M this quarter", "OKR106", False),
        ("Double annual contract value from $20k to $40k", "OKR106", False),
        ("Increase yearly active users from 10k to 12k", "OKR106", False),
        ("Lift 12-month retention from 80% to 85%", "OKR106", False),
        ("Grow NPS from 32 to 45 by Q2 FY2027", "OKR106", False),
        ("Grow ARR from $2M to $3M by year-end", "OKR106", True),
        ("Hit the annual target of 500 new logos", "OKR106", True),
        ("Grow revenue from $10M to $12M in FY26", "OKR106", True),
        ("Land 3 Fortune 500 logos by end of year", "OKR106", True),
        ("Cut sales-commission payout errors from 5% to 1%", "OKR107", False),
        ("Reduce bonus processing time from 10 days to 2", "OKR107", False),
        ("Raise trial-to-paid conversion from 14% to 20%", "OKR107", False),
        ("Lift NPS from 32 to 45, with the team bonus tied to it", "OKR107", True),
        ("Hit 100% of quota from 80% to earn the full commission", "OKR107", True),
        ("Lift activation from 42% to 65%; the score counts towards the bonus", "OKR107", True),
    ],
)
def test_annual_and_pay_words_are_read_in_context(statement, code, fires):
    findings = lint(
        pd.DataFrame({"objective_id": ["o"], "kr_id": ["o.kr1"], "statement": [statement]})
    )
    assert (code in set(findings["code"])) is fires
