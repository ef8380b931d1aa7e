"""Quarters, straight-line pace and forecasts (okr_toolkit.core.pacing)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import OKRDataError, Settings
from okr_toolkit.core import PACES, expected_progress, linear_forecast, pace, pacing, quarter_bounds

Q3_2026 = (pd.Timestamp("2026-07-01"), pd.Timestamp("2026-09-30"))

# (how the quarter is written, expected first and last day)
QUARTER_CASES = [
    ("2026Q3", Q3_2026),
    ("2026-Q3", Q3_2026),
    ("2026 Q3", Q3_2026),
    ("2026q3", Q3_2026),
    ("Q3 2026", Q3_2026),
    ("Q3-2026", Q3_2026),
    ("q3 2026", Q3_2026),
    ("  2026Q3  ", Q3_2026),
    ("2026-08-17", Q3_2026),  # any date inside the quarter
    ("2026-07-01", Q3_2026),
    ("2026-09-30", Q3_2026),
    (pd.Period("2026Q3", freq="Q"), Q3_2026),
    (pd.Period("2026-08", freq="M"), Q3_2026),  # a month inside the quarter
    (dt.date(2026, 8, 17), Q3_2026),
    (dt.datetime(2026, 9, 30, 23, 59), Q3_2026),
    (pd.Timestamp("2026-07-15 12:00"), Q3_2026),
    ("2026Q1", (pd.Timestamp("2026-01-01"), pd.Timestamp("2026-03-31"))),
    ("2026Q2", (pd.Timestamp("2026-04-01"), pd.Timestamp("2026-06-30"))),
    ("2026Q4", (pd.Timestamp("2026-10-01"), pd.Timestamp("2026-12-31"))),
    ("Q1 2024", (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-03-31"))),  # leap year
]


@pytest.mark.parametrize(("quarter", "expected"), QUARTER_CASES)
def test_quarter_bounds_formats(quarter, expected):
    start, end = quarter_bounds(quarter)
    assert (start, end) == expected
    assert start == start.normalize() and end == end.normalize()  # whole days


# (on, start, end, expected share of the cycle elapsed at the end of day `on`)
PROGRESS_CASES = [
    ("2026-08-17", "2026-07-01", "2026-09-30", 48 / 92),  # 31 July days + 17 of 92
    ("2026-07-01", "2026-07-01", "2026-09-30", 1 / 92),  # the first day counts whole
    ("2026-09-30", "2026-07-01", "2026-09-30", 1.0),  # the end day is included
    ("2026-06-30", "2026-07-01", "2026-09-30", 0.0),  # before the cycle: clipped to 0
    ("2026-03-01", "2026-07-01", "2026-09-30", 0.0),
    ("2026-10-15", "2026-07-01", "2026-09-30", 1.0),  # after the cycle: clipped to 1
    ("2024-02-29", "2024-01-01", "2024-03-31", 60 / 91),  # leap year Q1 has 91 days
    ("2026-05-05", "2026-05-05", "2026-05-05", 1.0),  # a one-day cycle
    (pd.Timestamp("2026-08-17 18:00"), dt.date(2026, 7, 1), "2026-09-30", 48 / 92),
]


@pytest.mark.parametrize(("on", "start", "end", "expected"), PROGRESS_CASES)
def test_expected_progress(on, start, end, expected):
    got = expected_progress(on, start, end)
    assert isinstance(got, float)
    assert got == pytest.approx(expected)


def test_expected_progress_with_quarter_bounds():
    assert expected_progress("2026-08-17", *quarter_bounds("2026Q3")) == pytest.approx(48 / 92)


def test_expected_progress_vectorised():
    days = pd.Series(["2026-07-01", "2026-08-17", "2026-12-01"], index=["a", "b", "c"])
    got = expected_progress(days, "2026-07-01", "2026-09-30")
    assert isinstance(got, pd.Series)
    assert got.index.tolist() == ["a", "b", "c"]
    np.testing.assert_allclose(got.to_numpy(), [1 / 92, 48 / 92, 1.0])
    arr = expected_progress(["2026-07-01", "2026-09-30"], "2026-07-01", "2026-09-30")
    assert isinstance(arr, np.ndarray)
    np.testing.assert_allclose(arr, [1 / 92, 1.0])


# (score, expected progress, pace): behind/ahead when more than 0.1 off the line
PACE_CASES = [
    (0.3, 0.52, "behind"),
    (0.5, 0.52, "on_track"),
    (0.8, 0.52, "ahead"),
    (0.42, 0.52, "on_track"),  # exactly 0.1 behind is still on track
    (0.41, 0.52, "behind"),
    (0.62, 0.52, "on_track"),  # exactly 0.1 ahead is still on track
    (0.63, 0.52, "ahead"),
    (0.0, 0.0, "on_track"),  # first day, nothing moved yet
    (1.0, 1.0, "on_track"),
]


@pytest.mark.parametrize(("score", "expected", "label"), PACE_CASES)
def test_pace(score, expected, label):
    assert pace(score, expected) == label


def test_pace_series_and_tolerance():
    s = pd.Series([0.3, 0.5, 0.8], index=["x", "y", "z"])
    out = pace(s, 0.52)
    assert out.tolist() == ["behind", "on_track", "ahead"]
    assert out.index.tolist() == ["x", "y", "z"]
    assert out.cat.categories.tolist() == list(PACES)
    assert pace(0.5, 0.52, settings=Settings(pacing_tolerance=0.0)) == "behind"
    assert pace(np.array([0.1, 0.9]), 0.5).tolist() == ["behind", "ahead"]


def test_pacing_table():
    krs = pd.DataFrame({"kr_id": ["a", "b", "c"], "score": [0.25, 0.55, 0.9]})
    out = pacing(krs, "2026-08-17", "2026-07-01", "2026-09-30")
    np.testing.assert_allclose(out["expected"].to_numpy(), [48 / 92] * 3)
    np.testing.assert_allclose(out["gap"].to_numpy(), np.array([0.25, 0.55, 0.9]) - 48 / 92)
    assert out["pace"].tolist() == ["behind", "on_track", "ahead"]
    assert out.columns.tolist() == ["kr_id", "score", "expected", "gap", "pace"]


def test_pacing_empty():
    out = pacing(pd.DataFrame({"kr_id": [], "score": []}), "2026-08-17", "2026-07-01", "2026-09-30")
    assert len(out) == 0
    assert {"expected", "gap", "pace"} <= set(out.columns)


# --- forecast -------------------------------------------------------------------------------


def _activation():
    krs = pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]})
    checkins = pd.DataFrame(
        {
            "kr_id": ["activation"] * 3,
            "date": ["2026-07-06", "2026-07-13", "2026-07-20"],
            "value": [43.0, 44.0, 45.0],
        }
    )
    return checkins, krs


def test_linear_forecast_exact_line():
    checkins, krs = _activation()
    fc = linear_forecast(krs, checkins, end="2026-09-30")
    row = fc.iloc[0]
    # one point a week on a straight line: slope 1/week; Jul 6 -> Sep 30 is 86 days
    assert row["slope_per_week"] == pytest.approx(1.0)
    assert row["forecast_value"] == pytest.approx(43 + 86 / 7)
    assert row["forecast_score"] == pytest.approx((43 + 86 / 7 - 42) / 23)
    assert row["n_checkins"] == 3
    assert row["last_date"] == pd.Timestamp("2026-07-20")
    assert row["last_value"] == 45.0
    assert row["current_score"] == pytest.approx(3 / 23)


def test_linear_forecast_start_counts_the_baseline():
    krs = pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]})
    checkins = pd.DataFrame({"kr_id": ["activation"], "date": ["2026-07-15"], "value": [44.0]})
    fc = linear_forecast(krs, checkins, end="2026-09-30", start="2026-07-01")
    row = fc.iloc[0]
    # (Jul 1, 42) and (Jul 15, 44): 1 per week; Jul 1 -> Sep 30 is 91 days -> 42 + 13
    assert row["slope_per_week"] == pytest.approx(1.0)
    assert row["forecast_value"] == pytest.approx(55.0)
    assert row["n_checkins"] == 1  # the baseline is not a real check-in
    assert row["last_value"] == 44.0


def test_linear_forecast_decreasing_kr_with_direction():
    # OKR vs KPI vs MBO: sales cycle 45 -> 30 days, half a day shorter per week
    krs = pd.DataFrame(
        {"kr_id": ["cycle"], "baseline": [45.0], "target": [30.0], "direction": ["decrease"]}
    )
    checkins = pd.DataFrame(
        {
            "kr_id": ["cycle"] * 3,
            "date": pd.to_datetime(["2026-07-01", "2026-07-15", "2026-07-29"]),
            "value": [45.0, 44.0, 43.0],
        }
    )
    row = linear_forecast(krs, checkins, end="2026-09-30").iloc[0]
    assert row["slope_per_week"] == pytest.approx(-0.5)
    assert row["forecast_value"] == pytest.approx(45 - 91 / 14)  # 38.5
    assert row["forecast_score"] == pytest.approx(6.5 / 15)
    assert row["current_score"] == pytest.approx(2 / 15)


def test_linear_forecast_least_squares_through_noise():
    krs = pd.DataFrame({"kr_id": ["k"], "baseline": [0.0], "target": [100.0]})
    # days 0, 7, 14 with values 0, 10, 14: slope = 1 per day by least squares
    checkins = pd.DataFrame(
        {
            "kr_id": ["k"] * 3,
            "date": ["2026-07-01", "2026-07-08", "2026-07-15"],
            "value": [0, 10, 14],
        }
    )
    row = linear_forecast(krs, checkins, end="2026-07-22").iloc[0]
    # mean day 7, mean value 8; slope = sum((d-7)(v-8)) / sum((d-7)^2) = (56+42)/98 = 1
    assert row["slope_per_week"] == pytest.approx(7.0)
    assert row["forecast_value"] == pytest.approx(8 + 14)


def test_linear_forecast_many_krs_in_krs_order_and_index():
    krs = pd.DataFrame(
        {"kr_id": ["b", "a"], "baseline": [0.0, 10.0], "target": [10.0, 0.0]}, index=[5, 9]
    )
    checkins = pd.DataFrame(
        {
            "kr_id": ["a", "b", "a", "b", "x"],
            "date": ["2026-07-01", "2026-07-01", "2026-07-11", "2026-07-11", "2026-07-01"],
            "value": [10.0, 0.0, 9.0, 2.0, 99.0],
        }
    )
    fc = linear_forecast(krs, checkins, end="2026-07-21")
    assert fc.index.tolist() == [5, 9]
    assert fc["kr_id"].tolist() == ["b", "a"]
    np.testing.assert_allclose(fc["forecast_value"].to_numpy(), [4.0, 8.0])
    np.testing.assert_allclose(fc["forecast_score"].to_numpy(), [0.4, 0.2])


def test_linear_forecast_same_day_checkins_take_the_later_row_as_last():
    krs = pd.DataFrame({"kr_id": ["k"], "baseline": [0.0], "target": [10.0]})
    checkins = pd.DataFrame(
        {"kr_id": ["k"] * 3, "date": ["2026-07-01", "2026-07-08", "2026-07-08"], "value": [1, 2, 3]}
    )
    assert linear_forecast(krs, checkins, end="2026-07-15")["last_value"].tolist() == [3.0]


@pytest.mark.parametrize(
    ("dates", "start"),
    [
        (["2026-07-06"], None),  # one check-in and no start
        (["2026-07-06", "2026-07-06"], None),  # two check-ins on one date
        ([], "2026-07-01"),  # only the baseline point
    ],
)
def test_linear_forecast_needs_two_dates(dates, start):
    krs = pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]})
    checkins = pd.DataFrame(
        {"kr_id": ["activation"] * len(dates), "date": dates, "value": [43.0] * len(dates)}
    )
    fc = linear_forecast(krs, checkins, end="2026-09-30", start=start).iloc[0]
    assert np.isnan(fc["forecast_value"]) and np.isnan(fc["forecast_score"])
    assert fc["status"].startswith("no forecast: check-ins on at least two different dates")


def test_one_kr_that_cannot_be_forecast_does_not_sink_the_table():
    # Issue 13: a milestone KR with 0/1 check-ins failed the whole forecast.
    krs = pd.DataFrame(
        {
            "kr_id": ["activation", "portal", "nps"],
            "baseline": [42.0, np.nan, 28.0],
            "target": [65.0, np.nan, 45.0],
            "direction": ["increase", "milestone", "increase"],
        }
    )
    checkins = pd.DataFrame(
        {
            "kr_id": ["activation", "activation", "portal", "nps"],
            "date": ["2026-07-06", "2026-07-13", "2026-07-13", "2026-07-13"],
            "value": [43.0, 44.0, 1.0, 30.0],
        }
    )
    fc = linear_forecast(krs, checkins, end="2026-09-30").set_index("kr_id")
    assert fc.at["activation", "status"] == "" and fc.at["activation", "forecast_value"] > 44
    assert fc.at["portal", "status"].startswith("no forecast: a milestone is done or not done")
    assert fc.at["portal", "current_score"] == 1.0
    assert fc.at["nps", "status"].startswith("no forecast: check-ins on at least two")


@pytest.mark.parametrize("date", ["2025-08-10", "2026-10-05"])
def test_check_ins_outside_the_cycle_are_refused(date):
    # Issue 13: last year's (or a typo'd) check-in became the current value.
    krs = pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]})
    checkins = pd.DataFrame(
        {
            "kr_id": ["activation"] * 3,
            "date": ["2026-07-06", "2026-07-13", date],
            "value": [43.0, 44.0, 60.0],
        }
    )
    with pytest.raises(OKRDataError, match=rf"row 2 \('activation'\): {date} is outside the cycle"):
        linear_forecast(krs, checkins, end="2026-09-30", start="2026-07-01")


def test_linear_forecast_empty():
    fc = linear_forecast(
        pd.DataFrame({"kr_id": [], "baseline": [], "target": []}),
        pd.DataFrame({"kr_id": [], "date": [], "value": []}),
        end="2026-09-30",
    )
    assert len(fc) == 0
    assert "forecast_score" in fc.columns


@pytest.mark.parametrize("value", [2026, 2026.0, True])
def test_a_year_as_a_number_is_not_a_date_in_1970(value):
    # Issue 13: quarter_bounds(2026) returned 1970-01-01..1970-03-31.
    with pytest.raises(OKRDataError, match=r"is a number, not a date.*'2026Q1'"):
        quarter_bounds(value)


@pytest.mark.parametrize("text", ["03/04/2026", "4.3.2026", "13/04/2026", "04-03-26"])
def test_dates_with_day_and_month_as_numbers_are_refused(text):
    with pytest.raises(OKRDataError, match=r"is not written YYYY-MM-DD: .*as YYYY-MM-DD"):
        expected_progress(text, "2026-01-01", "2026-06-30")
    with pytest.raises(OKRDataError, match=r"row 1: on .*not written YYYY-MM-DD"):
        expected_progress(pd.Series(["2026-03-01", text]), "2026-01-01", "2026-06-30")


def test_timezone_aware_dates_keep_their_own_calendar_day_everywhere():
    # One rule: the wall-clock date where the time was written, not the UTC date.
    late = "2026-09-30T23:30:00-05:00"  # 1 October in UTC
    early = pd.Timestamp("2026-07-01T00:30:00", tz="Europe/Berlin")  # 30 June in UTC
    assert expected_progress(late, "2026-07-01", "2026-09-30") == 1.0
    assert quarter_bounds(late)[0] == pd.Timestamp("2026-07-01")
    assert quarter_bounds(early)[0] == pd.Timestamp("2026-07-01")
    mixed = pd.Series(["2026-07-01T00:30:00+02:00", "2026-09-30T23:30:00-05:00"])
    got = expected_progress(mixed, "2026-07-01", "2026-09-30")
    assert got.tolist() == [pytest.approx(1 / 92), 1.0]
