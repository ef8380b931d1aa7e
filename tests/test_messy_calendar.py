"""Real calendars in files: check-ins outside the cycle, day-first dates, time zones,
and confidences whose scale is decided for the whole file (issue 13)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from okr_toolkit.io import OKRFileError, read_okr_data


def yaml_checkins(*checkins: str, cycle: str = "2026Q3", obj_cycle: str | None = None) -> str:
    lines = "".join(f"          - {c}\n" for c in checkins)
    own = f"    cycle: {obj_cycle}\n" if obj_cycle else ""
    return (
        f"cycle: {cycle}\nobjectives:\n  - id: o\n    title: Grow\n{own}    key_results:\n"
        "      - statement: Lift x from 1 to 10\n        checkins:\n" + lines
    )


def problems_of(call) -> tuple:
    with pytest.raises(OKRFileError) as caught:
        call()
    return caught.value.problems


# ---------------------------------------------------------------- the cycle


def test_a_check_in_a_year_early_is_refused_naming_the_cycle() -> None:
    (problem,) = problems_of(
        lambda: read_okr_data(
            yaml_checkins("{date: 2026-07-06, value: 2}", "{date: 2025-07-13, value: 9}")
        )
    )
    assert (problem.line, problem.column) == (9, 20)
    assert "outside the cycle 2026Q3 (2026-07-01 to 2026-09-30)" in problem.message
    assert "did you mean 2026-07-13?" in problem.fix


def test_last_quarters_check_ins_do_not_become_the_current_value() -> None:
    (problem,) = problems_of(
        lambda: read_okr_data(
            yaml_checkins("{date: 2026-07-06, value: 2}", "{date: 2026-10-02, value: 9}")
        )
    )
    assert "2026-10-02 is outside the cycle 2026Q3" in problem.message


def test_an_objective_cycle_overrides_the_file_cycle() -> None:
    okrs = read_okr_data(
        yaml_checkins("{date: 2026-10-05, value: 2}", cycle="2026Q3", obj_cycle="2026-Q4")
    )
    assert okrs.okrs["current"].tolist() == [2.0]
    (problem,) = problems_of(
        lambda: read_okr_data(yaml_checkins("{date: 2026-07-06, value: 2}", obj_cycle="Q4 2026"))
    )
    assert "(2026-10-01 to 2026-12-31)" in problem.message


def test_a_cycle_that_is_not_a_quarter_is_not_checked() -> None:
    okrs = read_okr_data(yaml_checkins("{date: 2025-01-05, value: 2}", cycle="annual"))
    assert okrs.okrs["current"].tolist() == [2.0]


def test_csv_check_ins_are_checked_against_the_cycle_column(tmp_path) -> None:
    from okr_toolkit.io import read_okr_file

    main = tmp_path / "okrs.csv"
    main.write_text(
        "objective_id,objective,cycle,kr_id,statement\no,Grow,2026Q3,o.kr1,Lift x from 1 to 10\n"
    )
    (tmp_path / "okrs.checkins.csv").write_text(
        "kr_id,date,value\no.kr1,2026-07-06,3\no.kr1,2062-07-13,4\n"
    )
    (problem,) = problems_of(lambda: read_okr_file(main))
    assert problem.file.endswith("okrs.checkins.csv")
    assert (problem.line, problem.column) == (3, "date")
    assert "outside the cycle 2026Q3" in problem.message


# ---------------------------------------------------------------- date forms


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("03/04/2026", "write 2026-04-03 (3 April) or 2026-03-04 (4 March), as YYYY-MM-DD"),
        ("04.03.2026", "write 2026-03-04 (4 March) or 2026-04-03 (3 April), as YYYY-MM-DD"),
        ("07/26/2026", "write 2026-07-26 (26 July), as YYYY-MM-DD"),
        ("26/07/2026", "write 2026-07-26 (26 July), as YYYY-MM-DD"),
        ("2026/07/06", "write 2026-07-06 (6 July), as YYYY-MM-DD"),
        ("2026-7-6", "write 2026-07-06 (6 July), as YYYY-MM-DD"),
        ("20260706", "write 2026-07-06 (6 July), as YYYY-MM-DD"),
        ("06/07/26", "write the year in full"),
    ],
)
def test_dates_that_are_not_iso_get_each_reading_as_the_fix(written: str, fix: str) -> None:
    (problem,) = problems_of(
        lambda: read_okr_data(yaml_checkins(f'{{date: "{written}", value: 2}}'))
    )
    assert "is not a date" in problem.message
    assert fix in problem.fix


@pytest.mark.parametrize(
    "written",
    [
        "2026-07-06T23:30:00-05:00",
        "2026-07-06 23:30:00+09:00",
        "2026-07-06T23:30Z",
        "2026-07-06T00:15:00+14:00",
        "2026-07-06 10:00",
    ],
)
def test_a_date_with_a_time_is_its_day_as_written_in_every_format(written: str) -> None:
    day = dt.date(2026, 7, 6)
    for value in (written, f'"{written}"'):  # a YAML timestamp, or text
        okrs = read_okr_data(yaml_checkins(f"{{date: {value}, value: 2}}"))
        assert okrs.checkins["date"].dt.date.tolist() == [day], value
    csv = read_okr_data(
        "objective_id,objective,kr_id,statement\no,Grow,o.kr1,Lift x from 1 to 10\n",
        format="csv",
        name="okrs.csv",
    )
    assert csv.okrs["kr_id"].tolist() == ["o.kr1"]
    book = openpyxl.Workbook()
    book.active.title = "objectives"
    book["objectives"].append(["objective_id", "objective"])
    book["objectives"].append(["o", "Grow"])
    krs = book.create_sheet("key_results")
    krs.append(["objective_id", "kr_id", "statement"])
    krs.append(["o", "o.kr1", "Lift x from 1 to 10"])
    checkins = book.create_sheet("checkins")
    checkins.append(["kr_id", "date", "value"])
    checkins.append(["o.kr1", written, 2])
    checkins.append(["o.kr1", dt.datetime(2026, 7, 13, 23, 30), 3])
    buffer = io.BytesIO()
    book.save(buffer)
    excel = read_okr_data(buffer.getvalue(), format="xlsx", name="q3.xlsx")
    assert excel.checkins["date"].dt.date.tolist() == [day, dt.date(2026, 7, 13)]


# ---------------------------------------------------------------- confidence scale


def test_confidences_of_0_and_1_are_read_on_0_to_10_and_said() -> None:
    okrs = read_okr_data(
        yaml_checkins(
            "{date: 2026-07-06, value: 2, confidence: 1}",
            "{date: 2026-07-13, value: 3, confidence: 0}",
            "{date: 2026-07-20, value: 3, confidence: 1}",
        )
    )
    assert okrs.checkins["confidence"].tolist() == [1.0, 0.0, 1.0]
    (said,) = okrs.warnings
    assert "0 or 1" in said.message and said.line == 8
    assert "write 10 for 1" in said.fix


def test_confidences_all_between_0_and_1_are_probabilities_put_on_0_to_10() -> None:
    okrs = read_okr_data(
        yaml_checkins(
            "{date: 2026-07-06, value: 2, confidence: 0.7}",
            "{date: 2026-07-13, value: 3, confidence: 1}",
            "{date: 2026-07-20, value: 3, confidence: 0.35}",
        )
    )
    assert okrs.checkins["confidence"].tolist() == [7.0, 10.0, 3.5]
    (said,) = okrs.warnings
    assert "between 0 and 1" in said.message and "times 10" in said.fix


def test_confidences_on_two_scales_are_refused() -> None:
    (problem,) = problems_of(
        lambda: read_okr_data(
            yaml_checkins(
                "{date: 2026-07-06, value: 2, confidence: 8}",
                "{date: 2026-07-13, value: 3, confidence: 0.7}",
            )
        )
    )
    assert (problem.line, problem.column) == (9, 54)
    assert "mixes two scales" in problem.message and "line 8" in problem.message
    assert "0.7 as a probability is 7" in problem.fix


def test_ordinary_confidences_are_read_as_written_and_nothing_is_said() -> None:
    okrs = read_okr_data(
        yaml_checkins(
            "{date: 2026-07-06, value: 2, confidence: 6}",
            "{date: 2026-07-13, value: 3, confidence: 7.5}",
            "{date: 2026-07-20, value: 3, confidence: 0}",
        )
    )
    assert okrs.checkins["confidence"].tolist() == [6.0, 7.5, 0.0]
    assert okrs.warnings == ()
