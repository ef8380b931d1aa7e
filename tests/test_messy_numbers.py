"""Numbers as clients write them: a locale's commas and dots, percentage cells, YAML 1.1.

Each case is read from a file (CSV, an Excel workbook or YAML) and must give the
number written, or an :class:`OKRFileError` located at its row/line and column
whose fix says what to write: never a different number (issue 13).
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from okr_toolkit.io import OKRFileError, read_okr_data, read_okr_file

HEADER = "objective_id,objective,kr_id,statement,unit,baseline,target\n"


def csv_text(baseline: str, target: str = "100", unit: str = "", sep: str = ",") -> str:
    row = ["o", "Grow", "o.kr1", "Lift x from 1 to 100", unit, baseline, target]
    quoted = [f'"{v}"' if sep in v or '"' in v else v for v in row]
    return HEADER.replace(",", sep) + sep.join(quoted) + "\n"


def read_csv(text: str, name: str = "okrs.csv"):
    return read_okr_data(text, format="csv", name=name)


def only_problem(call) -> object:
    with pytest.raises(OKRFileError) as caught:
        call()
    assert len(caught.value.problems) == 1, str(caught.value)
    return caught.value.problems[0]


# ---------------------------------------------------------------- locale numbers in CSV


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("42,5", "write 42.5"),
        ("0,8", "write 0.8"),
        ("65,5", "write 65.5"),
        ("1,5000", "write 1.5000"),
        ("1.000,5", "write 1000.5"),
        ("1 000,5", "write 1000.5"),
        ("-0,25", "write -0.25"),
    ],
)
def test_a_decimal_comma_is_refused_with_the_number_to_write(text: str, fix: str) -> None:
    problem = only_problem(lambda: read_csv(csv_text(text)))
    assert (problem.line, problem.column) == (2, "baseline")
    assert "decimal comma" in problem.message and repr(text) in problem.message
    assert fix in problem.fix


@pytest.mark.parametrize("text", ["6,50,00", "1,0000,000", "12,34,5", "1,000,5", "1.2.3,4,5"])
def test_commas_in_odd_places_are_refused(text: str) -> None:
    problem = only_problem(lambda: read_csv(csv_text(text)))
    assert (problem.line, problem.column) == (2, "baseline")
    assert "not a number" in problem.message


def test_dot_grouped_thousands_are_refused_naming_both_readings() -> None:
    problem = only_problem(lambda: read_csv(csv_text("1.000.000")))
    assert (problem.line, problem.column) == (2, "baseline")
    assert "1000000" in problem.message and "decimal point" in problem.message
    assert "write 1000000" in problem.fix


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", 1000.0),
        ("12,500,000", 12_500_000.0),
        ("1,000.5", 1000.5),
        ("6,50,000", 650_000.0),
        ("1 000", 1000.0),
        ("1'000", 1000.0),
        ("42.5", 42.5),
        ("  42 ", 42.0),
        ("1e6", 1_000_000.0),
        ("+7", 7.0),
        ("\u22125", -5.0),
    ],
)
def test_numbers_with_one_meaning_are_read(text: str, value: float) -> None:
    assert read_csv(csv_text(text, "2000000000")).okrs["baseline"].iloc[0] == value


def test_one_dot_and_three_digits_needs_a_decimal_point_elsewhere_in_the_file() -> None:
    # 1.500 is 1.5 in English and 1500 on the continent: read only when another
    # number of the file shows that a dot is a decimal point.
    problem = only_problem(lambda: read_csv(csv_text("1.500", "2000")))
    assert "ambiguous" in problem.message and problem.fix == "write 1.5 or 1500"
    assert read_csv(csv_text("1.500", "2000.5")).okrs["baseline"].iloc[0] == 1.5


def test_a_file_with_decimal_commas_makes_thousands_ambiguous() -> None:
    text = HEADER + "o,Grow,o.kr1,Lift x,,42,5\n".replace("42,5", '"42,5"')
    text += 'o,Grow,o.kr2,Lift y,,"1,500",2000\no,Grow,o.kr3,Lift z,,1.500,3\n'
    with pytest.raises(OKRFileError) as caught:
        read_csv(text)
    got = {(p.line, p.column): p for p in caught.value.problems}
    assert "decimal comma" in got[(2, "baseline")].message
    for row, fix in ((3, "write 1500 or 1.5"), (4, "write 1.5 or 1500")):
        problem = got[(row, "baseline")]
        assert "ambiguous" in problem.message and "1500" in problem.message
        assert "'42,5'" in problem.message and "row 2" in problem.message  # why
        assert problem.fix == fix


def test_a_semicolon_separated_file_is_read_and_its_commas_are_decimal() -> None:
    okrs = read_csv(csv_text("42", "65", sep=";"))
    assert okrs.okrs["baseline"].iloc[0] == 42.0
    assert any("semicolons" in w.message for w in okrs.warnings)
    problem = only_problem(lambda: read_csv(csv_text("1,500", "65", sep=";")))
    assert "ambiguous" in problem.message and "semicolons" in problem.message


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("42%", "write 42 "),
        ("$2,000,000", "write 2000000 "),
        ("€3.5", "write 3.5 "),
        ("2M", "write 2000000 if M means million"),
        ("(5)", "write -5"),
    ],
)
def test_signs_around_a_number_are_refused_with_the_plain_number(text: str, fix: str) -> None:
    problem = only_problem(lambda: read_csv(csv_text(text)))
    assert (problem.line, problem.column) == (2, "baseline")
    assert fix in problem.fix


# ---------------------------------------------------------------- Excel


def workbook(krs: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    """A workbook with one objective and the key-result rows ``krs`` (header first)."""
    book = openpyxl.Workbook()
    objectives = book.active
    objectives.title = "objectives"
    objectives.append(["objective_id", "objective", "cycle"])
    objectives.append(["o", "Grow", "2026Q3"])
    sheet = book.create_sheet("key_results")
    for row in krs:
        sheet.append(row)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


KR_HEADER = ["objective_id", "kr_id", "statement", "unit", "baseline", "target"]


def test_an_excel_text_cell_with_a_decimal_comma_is_refused() -> None:
    raw = workbook([KR_HEADER, ["o", "o.kr1", "Lift x from 1 to 100", None, "65,5", 100]])
    problem = only_problem(lambda: read_okr_data(raw, format="xlsx", name="q3.xlsx"))
    assert (problem.sheet, problem.line, problem.column) == ("key_results", 2, "baseline")
    assert "write 65.5" in problem.fix


def test_percentage_cells_are_read_as_per_cent_when_the_unit_is_per_cent() -> None:
    raw = workbook(
        [KR_HEADER, ["o", "o.kr1", "Lift activation from 42% to 65%", "%", 0.42, 0.65]],
        {"E2": "0%", "F2": "0.0%"},
    )
    okrs = read_okr_data(raw, format="xlsx", name="q3.xlsx")
    assert okrs.okrs[["baseline", "target"]].iloc[0].tolist() == [42.0, 65.0]
    said = [w for w in okrs.warnings if w.column == "baseline"]
    assert said and "42%" in said[0].message and said[0].line == 2
    assert said[0].sheet == "key_results"


def test_a_percentage_cell_without_a_unit_is_refused_at_its_cell() -> None:
    raw = workbook(
        [KR_HEADER, ["o", "o.kr1", "Lift activation from 42% to 65%", None, 0.42, 65]],
        {"E2": "0%"},
    )
    problem = only_problem(lambda: read_okr_data(raw, format="xlsx", name="q3.xlsx"))
    assert (problem.sheet, problem.line, problem.column) == ("key_results", 2, "baseline")
    assert "percentage" in problem.message and "unit %" in problem.fix


def test_a_literal_percent_sign_in_a_format_is_not_a_percentage() -> None:
    raw = workbook(
        [KR_HEADER, ["o", "o.kr1", "Lift activation from 42% to 65%", "%", 42, 65]],
        {"E2": '0"%"', "F2": "0\\%"},
    )
    okrs = read_okr_data(raw, format="xlsx", name="q3.xlsx")
    assert okrs.okrs[["baseline", "target"]].iloc[0].tolist() == [42.0, 65.0]
    assert okrs.warnings == ()


def test_percentage_check_ins_and_kpis_follow_their_unit(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(
            workbook(
                [
                    [*KR_HEADER, "kpi"],
                    ["o", "o.kr1", "Lift activation from 42% to 65%", "%", 42, 65, "act"],
                ]
            )
        )
    )
    kpis = book.create_sheet("kpis")
    kpis.append(["kpi", "threshold", "unit"])
    kpis.append(["act", 0.5, "%"])
    kpis["B2"].number_format = "0%"
    checkins = book.create_sheet("checkins")
    checkins.append(["kr_id", "date", "value", "confidence"])
    checkins.append(["o.kr1", "2026-07-06", 0.471, 7])
    checkins["C2"].number_format = "0.0%"
    path = tmp_path / "q3.xlsx"
    book.save(path)
    okrs = read_okr_file(path)
    assert okrs.kpis["threshold"].iloc[0] == 50.0
    assert okrs.checkins["value"].iloc[0] == 47.1
    assert okrs.okrs["current"].iloc[0] == 47.1
    assert {(w.sheet, w.column) for w in okrs.warnings} == {
        ("kpis", "threshold"),
        ("checkins", "value"),
    }


# ---------------------------------------------------------------- YAML


def yaml_kr(line: str) -> str:
    return (
        "objectives:\n  - id: o\n    title: Grow\n    key_results:\n"
        "      - statement: Lift x from 1 to 100\n" + f"        {line}\n"
    )


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("baseline: 42,5", "write 42.5"),
        ('baseline: "42,5"', "remove the quotes and write 42.5"),
        ("baseline: 1,500", "write 1500"),
        ("baseline: 65%", "write 65 "),
    ],
)
def test_yaml_text_where_a_number_belongs_gets_the_right_fix(line: str, fix: str) -> None:
    problem = only_problem(lambda: read_okr_data(yaml_kr(line)))
    assert (problem.line, problem.column) == (6, 19)
    assert fix in problem.fix
    if '"' not in line:
        assert "quotes" not in problem.fix  # there are none to remove


def test_yaml_exponents_are_numbers_as_written() -> None:
    for text, value in (("1e6", 1e6), ("2.5E3", 2500.0), ("-1e-2", -0.01)):
        okrs = read_okr_data(yaml_kr(f"baseline: {text}"))
        assert okrs.okrs["baseline"].iloc[0] == value, text
    problem = only_problem(lambda: read_okr_data(yaml_kr('baseline: "1e6"')))
    assert "remove the quotes" in problem.fix  # quoted, so this fix is right


@pytest.mark.parametrize(
    ("text", "message", "fix"),
    [
        ("010", "octal number 8", "write 10"),
        ("-007", "leading zero", "write -7"),
        ("09", "leading zero", "write 9"),
        ("2:00", "base-60 number 120", "as hours is 2, as minutes 120"),
        ("1:30", "base-60", "as hours is 1.5"),
        ("0x10", "not a decimal number", "write it in decimal: 16"),
    ],
)
def test_yaml_1_1_surprises_in_numbers_are_refused(text: str, message: str, fix: str) -> None:
    problem = only_problem(lambda: read_okr_data(yaml_kr(f"target: {text}")))
    assert (problem.line, problem.column) == (6, 17)
    assert message in problem.message and fix in problem.fix


def test_yaml_numbers_that_read_as_written_still_do() -> None:
    for text, value in (("1_000", 1000.0), ("0", 0.0), ("0.5", 0.5), ("+3", 3.0), ("10", 10.0)):
        okrs = read_okr_data(yaml_kr(f"baseline: {text}").replace("100", "100000"))
        assert okrs.okrs["baseline"].iloc[0] == value, text
