"""The OKR linter: every rule, the seeds' own examples, and the `okr lint` command."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit import datasets
from okr_toolkit.cli import main
from okr_toolkit.linter import RULES, lint, lint_statement

GOOD = {
    "objective_id": "activation",
    "objective": "Make the first week so valuable customers can't imagine going back",
    "kr_id": "activation.kr1",
    "statement": "Lift week-1 activation from 42% to 65%",
    "kpi": "activation_rate",
}


def okrs(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{**GOOD, **row} for row in rows])


def codes(findings: pd.DataFrame) -> list[str]:
    return findings["code"].tolist()


def test_a_good_okr_is_clean():
    assert lint(okrs({})).empty


def test_findings_have_the_documented_columns_and_order():
    findings = lint(okrs({"statement": "Improve onboarding"}, {"kr_id": "b", "kpi": None}))
    assert list(findings.columns) == [
        "code",
        "rule",
        "severity",
        "objective_id",
        "kr_id",
        "where",
        "message",
        "fix",
    ]
    assert findings["severity"].is_monotonic_increasing  # errors first
    assert set(findings["code"]) <= set(RULES)


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ({"statement": "Improve customer satisfaction"}, "OKR201"),
        ({"statement": "Launch a new support portal"}, "OKR202"),
        ({"statement": "Conduct 50 customer satisfaction surveys every month"}, "OKR202"),
        ({"statement": "Maintain NPS above 40"}, "OKR102"),
        ({"statement": "Keep uptime at 99%"}, "OKR102"),
        ({"cycle": "annual"}, "OKR106"),
        ({"statement": "Lift week-1 activation from 42% to 65% by year-end"}, "OKR106"),
        ({"pay_linked": True}, "OKR107"),
        ({"statement": "Lift activation from 42% to 65%, paid out as a bonus"}, "OKR107"),
        ({"kpi": None}, "OKR108"),
        ({"kpi_threshold": 65.0}, "OKR103"),
        ({"kpi_threshold": 70.0}, "OKR205"),
        ({"objective": "Achieve $50M revenue"}, "OKR203"),
        ({"objective": "Improve Customer Satisfaction Index in Q4 by 30%"}, "OKR203"),
        (
            {
                "objective": "Make every single customer who signs up in the first week feel "
                "that they cannot imagine working without us again"
            },
            "OKR204",
        ),
    ],
)
def test_each_rule_fires(row, code):
    assert code in codes(lint(okrs(row)))


def test_guardrail_marked_on_purpose_is_not_flagged():
    row = {"statement": "Maintain 25% profit margin", "guardrail": True}
    assert "OKR102" not in codes(lint(okrs(row)))


def test_decreasing_kr_target_against_threshold():
    base = {"statement": "Cut sales cycle from 45 to 30 days", "kpi": "time_to_close"}
    assert "OKR205" in codes(lint(okrs({**base, "kpi_threshold": 25.0})))  # 30 days > 25
    assert lint(okrs({**base, "kpi_threshold": 40.0})).empty


def test_kpi_table_supplies_thresholds():
    kpis = pd.DataFrame({"kpi": ["activation_rate"], "threshold": [70.0], "value": [42.0]})
    assert "OKR205" in codes(lint(okrs({}), kpis))


def test_too_many_key_results_and_objectives():
    many = okrs(*({"kr_id": f"kr{i}"} for i in range(4)))
    assert codes(lint(many)) == ["OKR111"]
    objectives = okrs(*({"objective_id": f"o{i}", "kr_id": f"kr{i}"} for i in range(6)))
    assert "OKR110" in codes(lint(objectives))
    relaxed = replace(okr.core.DEFAULT_SETTINGS, max_objectives=6, max_key_results=4)
    assert lint(many, settings=relaxed).empty
    assert lint(objectives, settings=relaxed).empty


def test_settings_is_keyword_only():
    with pytest.raises(TypeError, match="positional"):
        lint(okrs({}), None, okr.core.DEFAULT_SETTINGS)


def test_portfolio_okrs_without_kpis():
    assert "OKR105" in codes(lint(okrs({"kpi": None}, {"kr_id": "b", "kpi": None})))


def test_portfolio_kpis_without_okrs_and_every_kpi_converted():
    kpis = pd.DataFrame(
        {
            "kpi": ["uptime", "nps", "churn"],
            "threshold": [99.0, 40.0, 2.0],
            "value": [99.5, 45.0, 1.5],
            "better": ["higher", "higher", "lower"],
        }
    )
    stuck = lint(okrs({"kpi": None}), kpis)
    assert "OKR104" in codes(stuck)
    assert "healthy-looking" in stuck.set_index("code").loc["OKR104", "message"]
    every = okrs(*({"kr_id": f"kr{i}", "kpi": k} for i, k in enumerate(["uptime", "nps", "churn"])))
    assert "OKR109" in codes(lint(every, kpis))


def test_kpi_written_as_stretch():
    kpis = pd.DataFrame(
        {
            "kpi": ["uptime", "uptime_stretch"],
            "threshold": [99.0, 99.99],
            "statement": ["Maintain 99% uptime", "Increase uptime to 99.99% next quarter"],
        }
    )
    found = lint(okrs({}), kpis)
    stretch = found[found["code"] == "OKR101"]
    assert stretch["where"].tolist() == ["KPI 'uptime_stretch'"]


# --- the seeds' own examples --------------------------------------------------------------


def seed(example_id: str) -> pd.DataFrame:
    return datasets.load_okr_examples().query("example_id == @example_id")


def test_seed_001_community_activities_are_flagged():
    found = lint(seed("community"))
    flagged = set(found.loc[found["code"] == "OKR202", "kr_id"])
    # create a community, reach out to 30 experts, launch 10 podcasts
    assert {"community.kr1", "community.kr2", "community.kr4"} <= flagged
    assert "community.kr3" not in flagged  # 20% of customers participating is an outcome


def test_seed_001_customer_satisfaction_activities_are_flagged():
    found = lint(seed("csat_index"))
    flagged = set(found.loc[found["code"] == "OKR202", "kr_id"])
    assert {"csat_index.kr1", "csat_index.kr2"} <= flagged  # surveys and interviews
    assert "OKR203" in codes(found)  # "Improve Customer Satisfaction Index in Q4 by 30%"


def test_seed_004_profit_margin_is_a_health_metric_explained_as_a_guardrail():
    found = lint(seed("market_leader")).set_index("kr_id")
    row = found.loc["market_leader.kr2"]
    assert row["code"] == "OKR102"
    assert "guardrail" in row["message"] and "on purpose" in row["message"]


def test_seed_000_worked_examples_have_no_errors():
    for example in ["activation", "mql_to_sql"]:
        found = lint(seed(example))
        assert not (found["severity"] == "error").any(), found


def test_input_is_not_modified():
    frame = seed("market_leader")
    before = frame.copy(deep=True)
    lint(frame)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize(
    ("frame", "match"),
    [
        (pd.DataFrame({"statement": ["x"]}), "missing column"),
        (okrs({"statement": ""}), "statement is empty"),
        ("not a frame", "DataFrame"),
    ],
)
def test_bad_input(frame, match):
    with pytest.raises(okr.OKRDataError, match=match):
        lint(frame)


def test_lint_statement_for_students():
    assert codes(lint_statement("Launch a new support portal")) == ["OKR202"]
    assert "OKR205" in codes(lint_statement("Raise MQL-to-SQL from 18% to 22%", kpi_threshold=25))


# --- the command ---------------------------------------------------------------------------


def test_cli_lint_sample_text(capsys):
    path = str(datasets.data_path("sample_okrs.yaml"))
    assert main(["lint", path]) == 1  # the sample has errors on purpose
    out = capsys.readouterr().out
    assert "OKR106" in out and "OKR201" in out and "fix:" in out
    # compiler-style positions: the line of the key result in the YAML file
    assert "sample_okrs.yaml:33: key result 'support.kr1': error OKR106" in out
    assert out.strip().splitlines()[-1].endswith("2 errors, 6 warnings, 0 infos")


def test_cli_lint_json(capsys):
    path = str(datasets.data_path("sample_okrs.yaml"))
    assert main(["lint", path, "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    by_kr = {r["kr_id"]: r for r in records if r["kr_id"]}
    assert by_kr["market_leader.kr2"]["code"] == "OKR102"
    assert isinstance(by_kr["market_leader.kr2"]["line"], int)


def test_cli_lint_clean_file_exits_0(tmp_path, capsys):
    path = tmp_path / "good.yaml"
    path.write_text(
        "objectives:\n  - id: a\n    title: Make onboarding delightful\n    key_results:\n"
        "      - statement: Lift week-1 activation from 42% to 65%\n        kpi: activation_rate\n"
    )
    assert main(["lint", str(path)]) == 0
    assert "no findings" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.yaml", None, "no such file"),
        ("bad.yaml", "objectives: [\n", "not valid YAML"),
        ("empty.yaml", "", "the file is empty"),
        (
            "nokr.yaml",
            "objectives:\n  - id: a\n    title: T\n    key_results:\n      - id: x\n",
            "line 5",
        ),
        ("x.txt", "hello", "unknown file type"),
        ("cols.csv", "a,b\n1,2\n", "row 1: no 'statement' column"),
        ("obj.yaml", "!!python/object/apply:os.system ['echo hi']\n", "is not allowed"),
    ],
)
def test_cli_lint_unreadable_exits_2_with_a_reason(tmp_path, capsys, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert reason in err and err.startswith("okr: ")
    assert "Traceback" not in err
    if content is not None:
        assert path.read_text() == content  # never modified


def _objectives(n: int, **columns: object) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "objective_id": [f"o{i}" for i in range(n)],
            "objective": [f"Delight customer segment number {i}" for i in range(n)],
            "kr_id": [f"o{i}.kr1" for i in range(n)],
            "statement": ["Lift week-1 activation from 42% to 65%"] * n,
            **columns,
        }
    )


def test_too_many_objectives_is_counted_per_team_when_the_file_says_who_owns_them():
    teams = ["Sales"] * 3 + ["Growth"] * 6 + ["Support"] * 2
    found = lint(_objectives(11, team=teams))
    rows = found[found["code"] == "OKR110"]
    assert rows["where"].tolist() == ["team 'Growth'"]
    assert rows["message"].str.startswith("6 objectives").all()
    # Without owners, the file is one set of objectives, as before.
    whole = lint(_objectives(11))
    assert whole.loc[whole["code"] == "OKR110", "where"].tolist() == ["portfolio"]


def test_too_many_objectives_names_the_level_too():
    found = lint(_objectives(6, team=["Growth"] * 6, level=["person"] * 6))
    assert found.loc[found["code"] == "OKR110", "where"].tolist() == [
        "team 'Growth' (person level)"
    ]
    split = lint(_objectives(6, team=["Growth"] * 6, level=["team"] * 3 + ["person"] * 3))
    assert "OKR110" not in set(split["code"])


def test_too_many_objectives_says_nothing_of_a_level_the_file_leaves_blank():
    teams = ["Sales"] * 4 + ["Growth"] * 6
    levels = [None] * 4 + ["team"] * 6
    found = lint(_objectives(10, team=teams, level=levels), settings=okr.Settings(max_objectives=3))
    # In the order the teams first appear, on every pandas version; no "nan level".
    assert found.loc[found["code"] == "OKR110", "where"].tolist() == [
        "team 'Sales'",
        "team 'Growth' (team level)",
    ]
