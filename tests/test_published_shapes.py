# ruff: noqa: E501 (one case per line reads best)
"""Shapes of published goals the reader must read right (issue 14's number classes).

Each case is our own sentence in a shape seen in public sources: years that are
reference points, covenant ratios, list labels, changes named by a noun, values
"rising to" a target, time limits beside a share, denied subjects and covenant
prohibitions. What is checked is the reading, field by field.
"""

from __future__ import annotations

import math

import pytest

from okr_toolkit.statements import classify_statement, parse_statement

# (statement, field -> expected value)
CASES = [
    # Years are points in time, never values.
    ("Cut landfill waste 30% from 2015 levels by 2030", {"relative_change": -0.3, "target": None, "baseline": None, "deadline": "end of 2030"}),
    ("A 2035 pledge of a 60% cut in emissions against 1990", {"relative_change": -0.6, "target": None}),
    ("2028: reduce water use 15% from 2020 levels", {"relative_change": -0.15, "deadline": "end of 2028", "baseline": None}),
    ("In 2024-25, volunteers raised more than $80,000", {"target": 80000.0, "baseline": None}),
    ("Halve rail delays between 2019 and 2029", {"relative_change": -0.5, "target": None}),
    ("Reach 2000 members by 2027", {"target": 2000.0, "deadline": "end of 2027"}),
    ("Reach 500 customers (2000 in total)", {"target": 500.0}),
    # Covenant ratios: "X to 1.0" is one ratio, and "not permit ... to be" turns the comparator.
    ("Interest cover shall be not less than 3.50 to 1.00", {"target": 3.5, "unit": "ratio", "direction": "stay_above", "baseline": None}),
    ("Total leverage may not exceed 2.25 to 1.0 at any time", {"target": 2.25, "unit": "ratio", "direction": "stay_below"}),
    ("a debt ratio that is not greater than 1.75 to 1.00", {"target": 1.75, "direction": "stay_below"}),
    ("The Borrower will not permit the Coverage Ratio to be less than 1.40 to 1", {"target": 1.4, "direction": "stay_above"}),
    ("Borrower shall not permit the Net Leverage Ratio to be 4.00 to 1.00 or more", {"target": 4.0, "direction": "stay_below"}),
    ("Cut open defects from 3 to 1", {"baseline": 3.0, "target": 1.0, "direction": "decrease"}),
    # List labels are not numbers.
    ("Target 2: A 20% relative reduction in sugar intake", {"relative_change": -0.2, "target": None, "direction": "decrease"}),
    ("SDG target 6.1: by 2030, halve the share of homes without safe water", {"relative_change": -0.5, "target": None}),
    ("3.2 By 2030, cut preventable infant deaths by 25%", {"relative_change": -0.25, "target": None}),
    ("Key-result-2: Grow weekly orders by 12%", {"relative_change": 0.12}),
    # A change named by a noun after one or two words.
    ("Deliver a 35% energy saving across the estate", {"relative_change": -0.35, "direction": "decrease"}),
    ("Aim for a 10% revenue increase in EMEA", {"relative_change": 0.1, "direction": "increase"}),
    # "X rising to Y" is a baseline and a target.
    ("Graduate employment: 71% rising to 76%", {"baseline": 71.0, "target": 76.0, "direction": "increase"}),
    ("Board seats held by women: 4 growing steadily to 9", {"baseline": 4.0, "target": 9.0}),
    # A time limit beside the one share is what the share counts.
    ("Urgent calls answered within 30 seconds in 85 per cent of cases", {"target": 85.0, "unit": "%"}),
    ("Repairs completed inside 7 working days, 92 per cent", {"target": 92.0, "unit": "%"}),
    ("Service availability should be 99.9% in a 30 day window", {"target": 99.9}),
    # A denied subject turns "more than" into a ceiling.
    ("No caller should wait more than 3 minutes", {"target": 3.0, "direction": "stay_below"}),
    ("By 2030, no region should have more than 20 deaths per 100,000 people", {"direction": "stay_below"}),
    ("No more than 2% of parcels arrive damaged", {"target": 2.0, "direction": "stay_below"}),
    # A frame before the goal does not hide its verb.
    ("At all times during the facility, the company shall maintain liquidity of $4,000,000", {"target": 4_000_000.0, "direction": "stay_above"}),
    ("Resolution target 8 business hours", {"target": 8.0, "unit": "hours"}),
    ("Lose 6 kilos before the marathon", {"direction": "decrease"}),
    # Shares and multiples in words.
    ("Reach a third of rural clinics", {"target": 33.3, "unit": "%"}),
    ("Two-thirds of managers finish the course", {"target": 66.7, "unit": "%"}),
    ("Nine out of ten parcels arrive on time", {"target": 90.0, "unit": "%"}),
    ("By 2028, three in four homes recycle food waste", {"target": 75.0, "deadline": "end of 2028"}),
    ("At least half of new hires come from referrals", {"target": 50.0, "direction": "stay_above"}),
    ("Ship the app in the second half of the year", {"target": None}),
    ("Book twice as many demos as last quarter", {"relative_change": 1.0, "direction": "increase"}),
    ("Sign three times as many partners as in 2025", {"relative_change": 2.0}),
    ("Weekly orders doubled", {"relative_change": 1.0, "direction": "increase"}),
    ("Queue times halved by Q3", {"relative_change": -0.5, "direction": "decrease"}),
    # A thing to be gone is a target of 0.
    ("By 2035 we will end rough sleeping in the city", {"target": 0.0, "direction": "decrease"}),
    ("Eliminate unplanned overtime in the warehouse", {"target": 0.0, "direction": "decrease"}),
    ("Be debt-free by 2029", {"target": 0.0, "deadline": "end of 2029"}),
    ("End the quarter with 40 paying customers", {"target": 40.0}),
    # A number said in words and then in digits, as contracts do, is read once with its unit.
    ("The tenant must report within fourteen (14) days of each month end", {"target": 14.0, "unit": "days", "direction": "stay_below"}),
    ("Hold cash of not less than ten percent (10%) of the facility", {"target": 10.0, "unit": "%", "direction": "stay_above"}),
    ("keep at least Two Million Dollars ($2,000,000) on deposit", {"target": 2000000.0, "unit": "$", "direction": "stay_above"}),
    ("Cure any default within ninety-five (95) days of notice", {"target": 95.0, "unit": "days"}),
    # Words between a comparator and its number: "within an average of", "up to".
    ("Decide appeals within an average of 40 working days", {"target": 40.0, "direction": "stay_below"}),
    ("Answer letters within a maximum of 10 days", {"target": 10.0, "direction": "stay_below"}),
    ("Settle claims within a median of 6 days", {"target": 6.0, "direction": "stay_below"}),
    ("Return deposits within a total of 14 days", {"target": 14.0, "direction": "stay_below"}),
    ("Process refunds within the mean of 3 days", {"target": 3.0, "direction": "stay_below"}),
    ("Refunds: acknowledged at once, and up to 8 days for the money to arrive", {"target": 8.0, "direction": "stay_below"}),
    ("Lift weekly sign-ups up to 900", {"target": 900.0, "direction": "increase"}),
    # The metric's own name says floor or ceiling.
    ("Minimum capital ratio: 8%", {"target": 8.0, "direction": "stay_above"}),
    ("The liquidity floor is set at 110%", {"target": 110.0, "direction": "stay_above"}),
    ("Maximum queue length: 12 callers", {"target": 12.0, "direction": "stay_below"}),
    ("Raise the minimum order value to $30", {"target": 30.0, "direction": "increase"}),
    # Bad things counted are better low, unless the line counts them dealt with.
    ("Hospital-acquired infections: annual target 40", {"target": 40.0, "direction": "stay_below"}),
    ("Missed collections reported per month: target 15", {"target": 15.0, "direction": "stay_below"}),
    ("Share of late invoices paid the same week: target 95%", {"target": 95.0, "direction": "stay_above"}),
    # An alert rule states the breach; the line to hold is the other side of it.
    ("Page the on-call engineer if error rate > 2%", {"target": 2.0, "direction": "stay_below"}),
    ("Queue depth > 500 for 10 consecutive minutes", {"target": 500.0, "direction": "stay_below"}),
    ("Success rate < 99.5% for 5 minutes", {"target": 99.5, "direction": "stay_above"}),
    ("Keep success rate above 99.5% for 12 months", {"target": 99.5, "direction": "stay_above"}),
    # A leading condition says when the goal applies; the goal follows it.
    # A clock-like duration is minutes (or hours) and sixtieths; a clock with no unit is a time of day.
    ("Bring average handling time from 6:45 minutes to 5:15 minutes", {"baseline": 6.75, "target": 5.25, "unit": "minutes", "direction": "decrease"}),
    ("Trim queue waits from 12:30 to 8:20 minutes", {"baseline": 12.5, "target": 8.333, "unit": "minutes"}),
    ("Mean time to restore under 1:30 hours", {"target": 1.5, "unit": "hours", "direction": "stay_below"}),
    ("Median chat reply in 2:15hs", {"target": 2.25, "unit": "hours"}),
    ("Open all branches by 8:30 each weekday", {"target": None, "baseline": None}),
    ("Hot meals served until 10:30am every day", {"target": None, "baseline": None}),
    ("While utilisation stays above 60%, the cover ratio shall be at least 1.5", {"target": 1.5, "direction": "stay_above"}),
    ("If revenue falls below $2M, hold burn under $150k a month", {"target": 150000.0, "direction": "stay_below"}),
]  # fmt: skip


def _same(got: object, want: object) -> bool:
    if want is None:
        return got is None
    if isinstance(want, float):
        return isinstance(got, float) and math.isclose(got, want, rel_tol=1e-3)
    return got == want


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_published_shapes_read_right(text: str, want: dict[str, object]) -> None:
    p = parse_statement(text)
    wrong = {f: getattr(p, f) for f, v in want.items() if not _same(getattr(p, f), v)}
    assert not wrong, f"{text!r}: {wrong} (wanted {want})"


def test_a_year_set_aside_is_said() -> None:
    p = parse_statement("Cut landfill waste 30% from 2015 levels by 2030")
    assert "2015 read as a year, not a value" in p.notes


def test_a_target_of_zero_read_from_words_is_said() -> None:
    assert "read 'Eliminate' as a target of 0" in parse_statement("Eliminate paper invoices").notes


def test_a_clock_duration_is_said() -> None:
    p = parse_statement("Mean time to restore under 1:30 hours")
    assert "number read: '1:30' as 1.5 hours (the part after ':' is sixtieths)" in p.notes


def test_a_covenant_is_a_kpi() -> None:
    assert classify_statement("Interest cover shall be not less than 3.50 to 1.00").label == "kpi"


def test_a_leading_condition_is_said() -> None:
    p = parse_statement("While utilisation stays above 60%, the cover ratio shall be at least 1.5")
    assert "read '60%' as a condition on when the goal applies" in p.notes
