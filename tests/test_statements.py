"""Tests of reading OKR statements (okr_toolkit.statements).

Tables of parser forms and classifier rules first, each case with where it comes
from; then accuracy on the labelled corpus (datasets/statements.csv) and on the
holdout set written after the rules were frozen (tests/statements_holdout.csv);
then robustness: bad types, odd strings, and a hypothesis fuzz.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okr_toolkit as okr
from okr_toolkit.datasets import load_statements
from okr_toolkit.statements import (
    FRAME_COLUMNS,
    LABELS,
    MAX_CHARS,
    Classification,
    ParsedStatement,
    classify_statement,
    classify_statements,
    parse_statement,
)
from okr_toolkit.vocab import DIRECTIONS

HOLDOUT = Path(__file__).resolve().parent / "statements_holdout.csv"
FIELDS = ("baseline", "target", "unit", "direction", "relative_change", "deadline")

# Accuracy floors: what the reader reached, rounded down a few points. The corpus was
# used to build the rules (1.00 on label and on every field below); the holdout was
# written after the rules were frozen and scored once (label 0.93; baseline 1.00,
# target 0.99, unit 0.93, direction 0.93), with no tuning to it afterwards.
CORPUS_LABEL_FLOOR = 0.97
CORPUS_FIELD_FLOOR = 0.97
HOLDOUT_LABEL_FLOOR = 0.88
HOLDOUT_FIELD_FLOOR = 0.88


def _same(got: Any, want: Any) -> bool:
    """Equal, both missing, or equal floats up to rounding."""
    got_missing = got is None or (isinstance(got, float) and math.isnan(got))
    want_missing = want is None or (isinstance(want, float) and math.isnan(want))
    if got_missing or want_missing:
        return got_missing and want_missing
    if isinstance(want, float):
        return math.isclose(float(got), want, rel_tol=1e-6, abs_tol=1e-9)
    return str(got) == str(want)


def _load_holdout() -> pd.DataFrame:
    dtypes = {c: "float64" for c in ("baseline", "target", "relative_change")}
    return pd.read_csv(
        HOLDOUT, dtype={**dtypes, "statement": str}, keep_default_na=False, na_values=[""]
    )


# --- the parser, one form at a time ----------------------------------------------------

# statement, baseline, target, unit, direction, relative_change, deadline
PARSER_FORMS = [
    # "from X to Y"
    # KPI vs OKR — the difference that matters
    ("Increase NPS from 32 to 48", 32, 48, "score", "increase", None, None),
    # OKR vs KPI vs MBO
    ("Cut sales cycle from 45 to 30 days", 45, 30, "days", "decrease", None, None),
    # arrows
    ("Activation rate: 35% -> 50%", 35, 50, "%", "increase", None, None),
    ("reduce churn 3% → 2%", 3, 2, "%", "decrease", None, None),
    ("ARR: $2M → $3M", 2_000_000, 3_000_000, "$", "increase", None, None),
    ("Visitor-to-lead conversion → 8% (from 5%)", 5, 8, "%", "increase", None, None),
    # "by 30%"
    ("Increase website click-through rate by 30%.", None, None, None, "increase", 0.30, None),
    ("Reduce paid CAC by 15%", None, None, None, "decrease", -0.15, None),
    # "to 1 million"
    (
        "Increase the number of followers on the Instagram page to 1 million.",
        None,
        1e6,
        "count",
        "increase",
        None,
        None,
    ),  # OKR vs KPI vs MBO
    # "80%+", "at least", "<", "above", "below"
    ("Achieve 80%+ post-discovery satisfaction", None, 80, "%", "stay_above", None, None),
    ("Maintain a win rate of at least 25%", None, 25, "%", "stay_above", None, None),
    ("Churn < 15%", None, 15, "%", "stay_below", None, None),
    ("Keep gross revenue retention above 90%", None, 90, "%", "stay_above", None, None),
    ("Cart abandonment below 60%", None, 60, "%", "stay_below", None, None),
    ("Net revenue retention ≥ 110%", None, 110, "%", "stay_above", None, None),
    ("NPS > 50", None, 50, "score", "stay_above", None, None),
    ("Keep DSO ≤ 45 days", None, 45, "days", "stay_below", None, None),
    ("Reduce churn to under 2%", None, 2, "%", "decrease", None, None),
    # currency and suffixes
    (
        "Grow ARR from $2M to $3M this quarter",
        2e6,
        3e6,
        "$",
        "increase",
        None,
        "end of this quarter",
    ),  # KPI vs OKR — the difference that matters
    ("Increase revenue per customer from €1.5k to €3k", 1500, 3000, "€", "increase", None, None),
    ("Secure £2.5M in Series A funding", None, 2.5e6, "£", "increase", None, None),
    ("Raise average order value to 10,000", None, 10_000, "count", "increase", None, None),
    ("grow enterprise arr to $1.5B", None, 1.5e9, "$", "increase", None, None),
    ("Increase quarterly revenue to 2.4 million dollars", None, 2.4e6, "$", "increase", None, None),
    (
        "Raise average sale price from ¥12,000 to ¥15,000",
        12_000,
        15_000,
        "¥",
        "increase",
        None,
        None,
    ),
    ("Increase monthly donations to ₹5 lakh", None, 500_000, "₹", "increase", None, None),
    ("Reach a million users", None, 1e6, "count", "increase", None, None),
    ("Get to fifty enterprise logos", None, 50, "count", "increase", None, None),
    # durations with mixed units: both in the smaller unit
    (
        "Reduce median first response time from 6h to 45 min.",
        360,
        45,
        "minutes",
        "decrease",
        None,
        None,
    ),  # KPI vs OKR — the difference that matters
    ("Reduce onboarding from 2 weeks to 5 days", 14, 5, "days", "decrease", None, None),
    (
        "Cut average resolution time from 1.5 days to 8 hours",
        36,
        8,
        "hours",
        "decrease",
        None,
        None,
    ),
    (
        "Cut dashboard refresh latency from 2 h to 15 min",
        120,
        15,
        "minutes",
        "decrease",
        None,
        None,
    ),
    (
        "Reduce p95 API latency from 800ms to 300ms",
        800,
        300,
        "milliseconds",
        "decrease",
        None,
        None,
    ),
    ("Cut it from 2h to 45m", 120, 45, "minutes", "decrease", None, None),  # m is minutes here
    # relative changes in words
    ("Double organic sign-ups", None, None, None, "increase", 1.0, None),
    ("Triple the number of integrations used per account", None, None, None, "increase", 2.0, None),
    ("Cut refund requests in half", None, None, None, "decrease", -0.5, None),
    ("Halve time to hire", None, None, None, "decrease", -0.5, None),
    ("Grow revenue 3x", None, None, None, "increase", 2.0, None),
    ("Achieve a 20% increase in monthly active users", None, None, None, "increase", 0.2, None),
    ("See a 15% reduction in cost per acquisition", None, None, None, "decrease", -0.15, None),
    ("Improve response time by 30%", None, None, None, "decrease", -0.3, None),  # better low
    ("Revenue up 20% YoY", None, None, None, "increase", 0.2, None),
    # ranges
    ("Increase win rate to 25-30%", None, 30, "%", "increase", None, None),
    ("Maintain cost per lead between $40 and $80", None, 80, "$", "stay_below", None, None),
    # ratios, ranks, scores
    ("Achieve 3x pipeline coverage", None, 3, "ratio", "increase", None, None),
    ("LTV:CAC ratio above 3:1", None, 3, "ratio", "stay_above", None, None),
    (
        "Enter the top 10 firms in the southern district pink pajamas market",
        None,
        10,
        "rank",
        "stay_below",
        None,
        None,
    ),  # Enhance KPIs with OKRs
    ("Keep CSAT at 4.5/5 or higher", None, 4.5, "score", "stay_above", None, None),
    ("Improve NPS from -5 to +20", -5, 20, "score", "increase", None, None),
    # numbers that name something are not read as targets
    ("Lift week-1 activation from 42% to 65%", 42, 65, "%", "increase", None, None),
    ("Implement a new AI chatbot for 24/7 support.", None, None, None, "milestone", None, None),
    ("Conduct 1:1s with every direct report each week", None, None, None, "milestone", None, None),
    ("Lower escalations to tier 2 by 30%", None, None, None, "decrease", -0.3, None),
    (
        "Land 3 Fortune 500 logos by end of year",
        None,
        3,
        "count",
        "increase",
        None,
        "end of this year",
    ),
    (
        "Zero critical vulnerabilities in production by Q2",
        None,
        0,
        "count",
        "decrease",
        None,
        "end of Q2",
    ),
]


@pytest.mark.parametrize(
    ("text", "baseline", "target", "unit", "direction", "relative", "deadline"),
    PARSER_FORMS,
    ids=[case[0][:48] for case in PARSER_FORMS],
)
def test_parser_forms(
    text: str,
    baseline: float | None,
    target: float | None,
    unit: str | None,
    direction: str | None,
    relative: float | None,
    deadline: str | None,
) -> None:
    p = parse_statement(text)
    assert _same(p.baseline, None if baseline is None else float(baseline)), p
    assert _same(p.target, None if target is None else float(target)), p
    assert p.unit == unit, p
    assert p.direction == direction, p
    assert _same(p.relative_change, relative), p
    assert p.deadline == deadline, p
    assert p.parsed is any(x is not None for x in (p.baseline, p.target, p.relative_change)) or (
        p.absolute_change is not None
    )


@pytest.mark.parametrize(
    ("text", "absolute", "unit", "direction"),
    [
        ("Increase NPS by 10 points", 10, "points", "increase"),
        ("Grow NPS by 10 points this quarter", 10, "points", "increase"),
        ("Increase conversion by 5 percentage points", 5, "points", "increase"),
        ("Increase conversion by 5 pp", 5, "points", "increase"),
        ("Improve gross margin by 150 bps", 1.5, "points", "increase"),  # 100 bps = 1 point
        ("Cut onboarding time by 3 days", -3, "days", "decrease"),
        ("Reduce CAC by $50", -50, "$", "decrease"),
        ("Increase student enrollment by 500 students", 500, "count", "increase"),
    ],
)
def test_changes_in_units_are_absolute_never_relative(
    text: str, absolute: float, unit: str, direction: str
) -> None:
    p = parse_statement(text)
    assert p.absolute_change == pytest.approx(absolute)
    assert p.relative_change is None
    assert p.baseline is None and p.target is None
    assert (p.unit, p.direction, p.parsed) == (unit, direction, True)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        # KPI vs OKR — the difference that matters
        ("Increase NPS from 32 to 45 by end of Q3", "end of Q3"),
        ("Grow NPS to 45 in Q3", "end of Q3"),
        ("Q3: grow NPS to 45", "end of Q3"),
        ("Grow NPS to 45 by the end of Q3 2026", "end of Q3 2026"),
        ("Grow NPS to 45 by Q3'26", "end of Q3 2026"),
        ("Grow NPS to 45 this quarter", "end of this quarter"),
        ("Increase uptime to 99.99% next quarter", "end of next quarter"),  # OKR vs KPI vs MBO
        ("Grow NPS to 45 by end of 2026", "end of 2026"),
        ("Grow NPS to 45 by 2027", "end of 2027"),
        ("Grow NPS to 45 in FY26", "end of FY2026"),
        ("Grow NPS to 45 by Q2 FY2027", "end of Q2 FY2027"),
        ("Grow NPS to 45 by end of H1", "end of H1"),
        ("Grow NPS to 45 in H2 2026", "end of H2 2026"),
        ("Grow NPS to 45 by year-end", "end of this year"),
        ("Grow NPS to 45 by EOY", "end of this year"),
        ("Grow NPS to 45 by the end of the month", "end of this month"),
        ("Grow NPS to 45 by June", "end of June"),
        ("Grow NPS to 45 by June 30, 2026", "2026-06-30"),
        ("Grow NPS to 45 by 30 June 2026", "2026-06-30"),
        ("Grow NPS to 45 by 2026-09-30", "2026-09-30"),
        ("Grow NPS to 45 in the next 90 days", "within 90 days"),
        ("Grow NPS to 45 within 6 months", "within 6 months"),
        ("Reach break-even by mid-2026", "mid 2026"),
        ("By end of Q2, reduce onboarding drop-off from 40% to 25%", "end of Q2"),
        ("Grow NPS to 45", None),
        ("Resolve 80% of tickets within 24 hours", None),  # a service level, not a deadline
        ("We may grow NPS to 45", None),  # "may" is not May
    ],
)
def test_deadlines_are_normalised(text: str, deadline: str | None) -> None:
    p = parse_statement(text)
    assert p.deadline == deadline
    if "NPS to 45" in text:
        assert p.target == 45  # the date's numbers never become the target


@pytest.mark.parametrize("verb", ["Reduce", "Cut", "Lower", "Decrease", "Shrink", "Slash", "Trim"])
def test_decreasing_verbs(verb: str) -> None:
    p = parse_statement(f"{verb} onboarding time to 3 days")
    assert (p.target, p.unit, p.direction) == (3.0, "days", "decrease")
    p = parse_statement(f"{verb} support tickets by 20%")
    assert (p.relative_change, p.direction) == (-0.2, "decrease")


@pytest.mark.parametrize("verb", ["Increase", "Grow", "Raise", "Lift", "Boost", "Improve"])
def test_increasing_verbs(verb: str) -> None:
    p = parse_statement(f"{verb} weekly active users by 20%")
    assert (p.relative_change, p.direction) == (0.2, "increase")


def test_the_numbers_decide_the_direction_over_the_verb() -> None:
    p = parse_statement("Improve average response time from 5 hours to 2 hours")
    assert p.direction == "decrease"  # improving a time means lowering it
    p = parse_statement("Reduce churn from 2% to 5%")
    assert p.direction == "increase"
    assert any("disagrees" in note for note in p.notes)


def test_ambiguous_text_says_so_in_notes() -> None:
    p = parse_statement("Increase NPS 32 48")
    assert (p.baseline, p.target) == (32.0, 48.0)
    assert any("two numbers without 'from' or 'to'" in note for note in p.notes)
    p = parse_statement("Expand our market share in Europe by 20%")  # Do OKRs replace KPIs?
    assert p.relative_change == pytest.approx(0.2)
    assert any("percentage points" in note for note in p.notes)
    p = parse_statement("Cut support costs in half while keeping CSAT above 90%")
    assert p.relative_change == -0.5 and p.target is None
    assert any("second goal" in note for note in p.notes)


def test_metric_names() -> None:
    assert parse_statement("Lift week-1 activation from 42% to 65%").metric == "week_1_activation"
    assert parse_statement("Raise MQL-to-SQL from 18% to 32%").metric == "mql_to_sql"
    assert parse_statement("Cut sales cycle from 45 to 30 days").metric == "sales_cycle"
    assert (
        parse_statement("Reduce median first response time from 6h to 45 min.").metric
        == "first_response_time"
    )
    assert parse_statement("Grow ARR from $2M to $3M this quarter").metric == "arr"
    assert parse_statement("Reduce time to first value from 3 days to 1 day").metric == (
        "time_to_first_value"
    )
    assert parse_statement("Net revenue retention ≥ 110%").metric == "net_revenue_retention"
    assert parse_statement("Capture 15% market share").metric == "market_share"
    assert parse_statement("Uptime must stay above 99.9%").metric == "uptime"
    assert parse_statement("Be the best place to work").parsed is False


# --- the classifier ---------------------------------------------------------------------

CLASSIFIER_RULES = [
    # key results: an outcome metric moves, with a number
    ("Increase NPS from 32 to 48", "key_result"),  # KPI vs OKR — the difference that matters
    ("Increase blog traffic by 40%", "key_result"),
    # OKR vs. KPI: Differences And Importance
    ("Get 20% of customers to participate in the community", "key_result"),
    ("Sign 10 new enterprise customers", "key_result"),
    ("Acquire 50 new customers", "key_result"),
    ("Net revenue retention ≥ 110%", "key_result"),
    ("ARR of $3M", "key_result"),
    ("Reduce churn to under 2%", "key_result"),
    ("90% of customers use feature X", "key_result"),
    ("Achieve $50M revenue", "key_result"),  # Enhance KPIs with OKRs
    # OKR vs KPI vs MBO: a KPI as a stretch
    ("Increase uptime to 99.99% next quarter", "key_result"),
    ("Reach 1M monthly active users", "key_result"),
    ("Get NPS to 50", "key_result"),
    ("Add 500 paying customers", "key_result"),
    ("Deliver $1M in cost savings", "key_result"),
    ("Test coverage from 55% to 80%", "key_result"),  # "test" names the metric here
    # A share within a time, with no change or date, is a service standard held
    # (datasets/statements_guide.md): a KPI; it is not work done either.
    ("95% of orders shipped within 24 hours", "kpi"),
    # activities: tasks and deliverables, even with a number
    ("launch a new support portal", "activity"),  # KPI vs OKR — the difference that matters
    # OKR vs. KPI: Differences And Importance
    ("Conduct 50 customer satisfaction surveys every month", "activity"),
    ("Open 12 new retail locations", "activity"),  # Enhance KPIs with OKRs
    ("Launch 10 podcasts", "activity"),
    ("Hire 5 engineers", "activity"),
    ("Publish 12 blog posts", "activity"),
    # OKR vs. KPI: Differences And Importance
    ("Reach out to 30 industry experts/ influencers in Q1", "activity"),
    ("Hold 4 webinars this quarter", "activity"),
    ("Add 3 new payment methods", "activity"),
    ("Make 200 outbound calls per rep per week", "activity"),
    ("Set up a customer advisory board", "activity"),
    ("Roll out SSO to all enterprise accounts", "activity"),
    ("Migrate all services to Kubernetes", "activity"),
    ("12 blog posts published", "activity"),
    ("New pricing page live by Q2", "activity"),
    ("Achieve SOC 2 Type II certification", "activity"),  # a one-off milestone
    ("Expand into 4 new countries", "activity"),
    # KPIs: a threshold to hold
    ("Maintain NPS above 40", "kpi"),  # KPI vs OKR — the difference that matters
    ("Maintain 99% uptime", "kpi"),  # OKR vs KPI vs MBO
    ("Keep uptime at 99%", "kpi"),
    ("Keep churn under 2%", "kpi"),
    ("Hold churn below 2%", "kpi"),
    ("Uptime at 99.9%", "kpi"),
    ("No more than 2% churn at all times", "kpi"),
    ("Stay above 40 NPS", "kpi"),
    ("Sustain a 95% SLA compliance rate", "kpi"),
    ("Customer churn rate is 5%", "kpi"),  # KPI list of OKR vs. KPI: Differences And Importance
    ("Achieve 99.9% uptime every month", "kpi"),
    ("Never let inventory accuracy drop below 98%", "kpi"),
    # KPI vs OKR — the difference that matters
    ("weekly active users growing 10% week over week", "kpi"),
    # unmeasurable: no number, no target
    ("Improve customer satisfaction", "unmeasurable"),
    ("Be the best place to work", "unmeasurable"),
    ("Increase community engagement", "unmeasurable"),  # OKR vs. KPI: Differences And Importance
    ("Maintain high quality", "unmeasurable"),
    ("", "unmeasurable"),
]


@pytest.mark.parametrize(
    ("text", "label"), CLASSIFIER_RULES, ids=[c[0][:40] for c in CLASSIFIER_RULES]
)
def test_classifier_rules(text: str, label: str) -> None:
    result = classify_statement(text)
    assert result.label == label, result.reason
    assert result.reason.endswith(".") and "\n" not in result.reason


def test_reasons_quote_the_deciding_words() -> None:
    assert '"launch"' in classify_statement("Launch 10 podcasts").reason
    assert '"maintain"' in classify_statement("Maintain NPS above 40").reason
    assert '"increase"' in classify_statement("Increase NPS from 32 to 48").reason
    assert '"32 ... 48"' in classify_statement("Increase NPS from 32 to 48").reason
    assert '"at all times"' in classify_statement("No more than 2% churn at all times").reason
    assert "no number" in classify_statement("Improve customer satisfaction").reason


def test_classification_carries_the_parse() -> None:
    result = classify_statement("Grow ARR from $2M to $3M this quarter")
    assert isinstance(result, Classification)
    assert isinstance(result.parsed, ParsedStatement)
    assert result.parsed == parse_statement("Grow ARR from $2M to $3M this quarter")
    flat = result.to_dict()
    assert flat["label"] == "key_result" and flat["baseline"] == 2e6 and flat["unit"] == "$"
    assert isinstance(flat["notes"], list)


# --- the corpus and the holdout ---------------------------------------------------------


def _accuracy(frame: pd.DataFrame) -> tuple[float, dict[str, float]]:
    read = classify_statements(frame["statement"])
    label = float((read["label"].astype(str) == frame["label"].astype(str)).mean())
    fields = {}
    for column in FIELDS:
        got = read[column].astype(object).where(read[column].notna(), None)
        want = frame[column].astype(object).where(frame[column].notna(), None)
        fields[column] = float(np.mean([_same(g, w) for g, w in zip(got, want, strict=True)]))
    return label, fields


def test_corpus_accuracy() -> None:
    label, fields = _accuracy(load_statements())
    assert label >= CORPUS_LABEL_FLOOR
    for column, value in fields.items():
        assert value >= CORPUS_FIELD_FLOOR, column


def test_holdout_accuracy() -> None:
    label, fields = _accuracy(_load_holdout())
    assert label >= HOLDOUT_LABEL_FLOOR
    for column in ("baseline", "target", "unit", "direction"):
        assert fields[column] >= HOLDOUT_FIELD_FLOOR, column


@pytest.mark.parametrize(
    "row",
    load_statements().query("source != 'handwritten'").to_dict("records"),
    ids=lambda row: row["statement"][:40],
)
def test_every_seed_statement(row: dict[str, Any]) -> None:
    result = classify_statement(row["statement"])
    assert result.label == row["label"], result.reason
    for column in FIELDS:
        assert _same(getattr(result.parsed, column), row[column]), column


def test_corpus_and_holdout_are_valid_and_apart() -> None:
    corpus, holdout = load_statements(), _load_holdout()
    assert len(corpus) >= 150 and len(holdout) >= 60
    assert list(holdout.columns) == list(corpus.columns)
    assert set(corpus["label"]) == set(LABELS) and set(holdout["label"]) == set(LABELS)
    assert set(holdout["direction"].dropna()) <= set(DIRECTIONS)
    assert not set(corpus["statement"]) & set(holdout["statement"])
    assert corpus["statement"].is_unique and holdout["statement"].is_unique
    assert list(corpus["label"].cat.categories) == list(LABELS)
    assert list(corpus["direction"].cat.categories) == list(DIRECTIONS)


def test_metric_names_mostly_agree_with_the_corpus() -> None:
    corpus = load_statements().dropna(subset=["metric"])
    read = classify_statements(corpus["statement"])
    overlap = [
        bool(set(str(g).split("_")) & set(w.split("_")))
        for g, w in zip(read["metric"], corpus["metric"], strict=True)
    ]
    assert np.mean(overlap) >= 0.9  # share a word; exact names differ by taste


# --- the frame --------------------------------------------------------------------------


def test_classify_statements_frame() -> None:
    texts = pd.Series(["Hire 5 engineers", "Maintain NPS above 40"], index=["a", "b"])
    frame = classify_statements(texts)
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert frame.columns[:10].tolist() == [
        "text",
        "label",
        "reason",
        "metric",
        "baseline",
        "target",
        "unit",
        "direction",
        "relative_change",
        "deadline",
    ]
    assert frame.index.tolist() == ["a", "b"]  # a Series keeps its index
    assert frame["label"].tolist() == ["activity", "kpi"]
    assert list(frame["label"].cat.categories) == list(LABELS)
    assert list(frame["direction"].cat.categories) == list(DIRECTIONS)
    for column in ("baseline", "target", "relative_change", "absolute_change"):
        assert frame[column].dtype == np.float64
    assert frame["parsed"].dtype == np.bool_
    assert texts.tolist() == ["Hire 5 engineers", "Maintain NPS above 40"]  # input unchanged
    empty = classify_statements([])
    assert list(empty.columns) == list(FRAME_COLUMNS) and len(empty) == 0


def test_public_names_are_exported() -> None:
    # The two readers are top-level names; the rest is in okr_toolkit.statements.
    for name in ("parse_statement", "classify_statement"):
        assert name in okr.__all__
    for name in ("LABELS", "Classification", "ParsedStatement", "classify_statements"):
        assert name in okr.statements.__all__
    assert okr.statements.classify_statements is classify_statements
    assert okr.statements.LABELS == ("key_result", "activity", "kpi", "unmeasurable")


# --- bad input and odd strings ----------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 42, 3.5, b"Increase NPS", ["Increase NPS"], np.nan])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        parse_statement(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        classify_statement(bad)  # type: ignore[arg-type]


def test_classify_statements_rejects_a_single_string_and_missing_values() -> None:
    with pytest.raises(TypeError, match="not a single string"):
        classify_statements("Increase NPS from 32 to 48")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        classify_statements(pd.Series(["Hire 5 engineers", np.nan]))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\t\n",
        "🚀🚀🚀",
        "✅",
        "\x00\x01\x02 increase \x7f",
        "Increase NPS from 32 to 48 " * 500,
        "9" * 5000,
        "$" * 100,
        "from to by of at ->",
        "1e308% 1e308% " * 10,
        "Increase ＮＰＳ from ３２ to ４８",  # full-width letters and digits
        "KR1:",
        "- • * [ ] 1.",
        "Reduce churn from 3% to 2% by Q5",
    ],
)
def test_any_string_gets_a_result(text: str) -> None:
    result = classify_statement(text)
    assert result.label in LABELS
    p = result.parsed
    assert p.text == text
    assert p.direction is None or p.direction in DIRECTIONS
    for value in (p.baseline, p.target, p.relative_change, p.absolute_change):
        assert value is None or math.isfinite(value)


def test_empty_and_overlong_text_say_so() -> None:
    assert classify_statement("").label == "unmeasurable"
    assert "empty" in classify_statement("   ").reason
    p = parse_statement("Increase NPS from 32 to 48. " + "x" * (2 * MAX_CHARS))
    assert (p.baseline, p.target) == (32.0, 48.0)
    assert any(str(MAX_CHARS) in note for note in p.notes)
    assert parse_statement("Increase ＮＰＳ from ３２ to ４８").target == 48.0


_PIECES = st.sampled_from(
    [
        "from", "to", "by", "of", "at least", "under", "->", "→", "≥", "<", "+", "-", "%",
        "$", "€", "2M", "1.5k", "10,000", "45", "0", "Q3", "2026", "end of", "week-1", "24/7",
        "1:1", "zero", "fifty", "half", "double", "3x", "reduce", "maintain", "launch",
        "hold", "increase", "churn", "NPS", "days", "6h", "min", "between", "and", "while",
        ";", "(", ")", "9" * 40, "1e308",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=2000),
        st.lists(_PIECES, max_size=30).map(" ".join),
        st.lists(_PIECES, max_size=30).map("".join),
    )
)
def test_fuzz_never_raises_and_stays_valid(text: str) -> None:
    result = classify_statement(text)
    p = parse_statement(text)
    assert result.label in LABELS
    assert result.parsed == p
    assert p.direction is None or p.direction in DIRECTIONS
    assert isinstance(p.notes, tuple) and all(isinstance(n, str) for n in p.notes)
    for value in (p.baseline, p.target, p.relative_change, p.absolute_change):
        assert value is None or (isinstance(value, float) and math.isfinite(value))
    assert p.parsed == any(
        v is not None for v in (p.baseline, p.target, p.relative_change, p.absolute_change)
    )
