"""Broken OKR files: every problem is reported at its exact place, and no file is touched.

Each YAML and CSV case is a real file in ``tests/bad_files/`` (a valid minimal
file with one defect, or a few with several), named after what is broken; CSV
side files sit beside their main file as ``NAME.kpis.csv`` / ``NAME.checkins.csv``.
Excel workbooks, huge files and nesting bombs are generated at test time.

Each case lists *every* problem the reader must report, in order: the file,
line (YAML) or row (tables, header = row 1), column (a number in YAML, a name in
tables), sheet, a fragment of the message and, for names, the did-you-mean
suggestion. After reading, every input file must be byte-for-byte unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import openpyxl
import pytest

from okr_toolkit import OKRDataError
from okr_toolkit.io import MAX_FILE_BYTES, OKRFileError, read_okr_file, write_okr_file

BAD = Path(__file__).parent / "bad_files"


class P(NamedTuple):
    """One expected problem."""

    line: int | None
    column: int | str | None
    message: str  # a fragment of the message
    file: str | None = None  # a side file; the case's own file when None
    fix: str | None = None  # a fragment of the fix, e.g. the did-you-mean
    sheet: str | None = None


class C(NamedTuple):
    """A bad file in tests/bad_files and every problem it must report."""

    name: str
    problems: tuple[P, ...]


def case(name: str, *problems: P) -> C:
    return C(name, problems)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in folder.iterdir() if f.is_file()}


def check(path: Path, expected: tuple[P, ...] | list[P], folder: Path | None = None) -> None:
    """Read ``path``; it must fail with exactly ``expected`` and leave every file unchanged."""
    folder = folder or path.parent
    before = snapshot(folder)
    with pytest.raises(OKRFileError) as caught:
        read_okr_file(path)
    assert isinstance(caught.value, OKRDataError)
    got = caught.value.problems
    want = [(p.file or path.name, p.sheet, p.line, p.column) for p in expected]
    assert [(Path(g.file).name, g.sheet, g.line, g.column) for g in got] == want, str(caught.value)
    for g, p in zip(got, expected, strict=True):
        assert p.message in g.message, str(g)
        assert g.fix, f"no fix offered: {g}"
        if p.fix is not None:
            assert p.fix in g.fix, str(g)
        elif "did you mean" in g.fix:
            raise AssertionError(f"unexpected suggestion: {g}")
        assert str(g).startswith(g.location + ": "), str(g)
        assert Path(g.file).name in g.location
    first_line = str(caught.value).splitlines()[0]
    assert first_line == (str(got[0]) if len(got) == 1 else f"{got[0].file}: {len(got)} problems")
    assert snapshot(folder) == before, "an input file was modified"


# --------------------------------------------------------------------------- files on disk

FILE_CASES = [
    case(
        "csv_bad_direction.csv",
        P(
            2,
            "direction",
            "direction 'up' is not one of increase, decrease, stay_above, stay_below, milestone",
        ),
    ),
    case("csv_baseline_bool.csv", P(2, "baseline", "baseline 'true' is not a number")),
    case("csv_blank_header_name.csv", P(1, "#9", "column 9 has no name")),
    case(
        "csv_checkins_bad_date.csv",
        P(3, "date", "date '2026-13-01' is not a date", file="csv_checkins_bad_date.checkins.csv"),
    ),
    case(
        "csv_checkins_confidence_11.csv",
        P(
            3,
            "confidence",
            "confidence 11 is outside 0-10",
            file="csv_checkins_confidence_11.checkins.csv",
        ),
    ),
    case(
        "csv_checkins_duplicate_date.csv",
        P(
            4,
            "date",
            "two check-ins on 2026-07-06 (first at row 2)",
            file="csv_checkins_duplicate_date.checkins.csv",
        ),
    ),
    case(
        "csv_checkins_empty_kr_id.csv",
        P(3, "kr_id", "row 3: kr_id is empty", file="csv_checkins_empty_kr_id.checkins.csv"),
    ),
    case(
        "csv_checkins_missing_value.csv",
        P(
            3,
            "value",
            "check-in of 'growth.kr2' is missing 'value'",
            file="csv_checkins_missing_value.checkins.csv",
        ),
    ),
    case(
        "csv_checkins_not_utf8.csv",
        P(2, None, "the file is not UTF-8 text", file="csv_checkins_not_utf8.checkins.csv"),
    ),
    case(
        "csv_checkins_unknown_column.csv",
        P(
            1,
            "notes",
            "unknown column 'notes' in the check-ins",
            file="csv_checkins_unknown_column.checkins.csv",
            fix="did you mean 'note'?",
        ),
    ),
    case(
        "csv_checkins_unknown_kr.csv",
        P(
            3,
            "kr_id",
            "key result 'growth.kr3' is not in this file",
            file="csv_checkins_unknown_kr.checkins.csv",
            fix="did you mean 'growth.kr2'?",
        ),
    ),
    case(
        "csv_checkins_us_date.csv",
        P(3, "date", "date '07/06/2026' is not a date", file="csv_checkins_us_date.checkins.csv"),
    ),
    case(
        "csv_direction_contradicts_target.csv",
        P(3, "direction", "direction increase but the target 3 is below the baseline 5"),
    ),
    case("csv_duplicate_header.csv", P(1, "target", "column 'target' appears twice in the header")),
    case(
        "csv_duplicate_kr_id.csv",
        P(3, "kr_id", "key result id 'growth.kr1' is used twice (first at row 2)"),
    ),
    case(
        "csv_duplicate_kr_id_across_objectives.csv",
        P(3, "kr_id", "key result id 'growth.kr1' is used twice (first at row 2)"),
    ),
    case("csv_empty.csv", P(None, None, "the file is empty")),
    case("csv_empty_objective_id.csv", P(3, "objective_id", "row 3: objective_id is empty")),
    case("csv_empty_statement.csv", P(3, "statement", "key result is missing 'statement'")),
    case("csv_extra_cells.csv", P(3, None, "row 3 has 12 cells but the header has 11 columns")),
    case("csv_header_only.csv", P(None, None, "the file has no objectives")),
    case(
        "csv_kpis_bad_better.csv",
        P(
            2,
            "better",
            "better 'more' is not one of higher, lower",
            file="csv_kpis_bad_better.kpis.csv",
        ),
    ),
    case(
        "csv_kpis_bad_threshold.csv",
        P(
            2,
            "threshold",
            "threshold 'fifty' is not a number",
            file="csv_kpis_bad_threshold.kpis.csv",
        ),
    ),
    case(
        "csv_kpis_duplicate_name.csv",
        P(
            3,
            "kpi",
            "KPI 'activation_rate' is listed twice (first at row 2)",
            file="csv_kpis_duplicate_name.kpis.csv",
        ),
    ),
    case(
        "csv_kpis_empty_file.csv",
        P(None, None, "the file is empty", file="csv_kpis_empty_file.kpis.csv"),
    ),
    case(
        "csv_kpis_missing_threshold_column.csv",
        P(
            1,
            None,
            "no 'threshold' column in the KPIs",
            file="csv_kpis_missing_threshold_column.kpis.csv",
        ),
    ),
    case(
        "csv_missing_objective_id_column.csv", P(1, None, "no 'objective_id' column in an OKR CSV")
    ),
    case(
        "csv_missing_objective_title.csv",
        P(2, "objective", "objective 'growth' is missing 'title'"),
    ),
    case(
        "csv_missing_required_columns.csv",
        P(1, None, "no 'objective_id' column in an OKR CSV"),
        P(1, None, "no 'statement' column in an OKR CSV"),
    ),
    case("csv_missing_statement_column.csv", P(1, None, "no 'statement' column in an OKR CSV")),
    case("csv_negative_weight.csv", P(3, "weight", "weight -2 is negative")),
    case("csv_not_utf8.csv", P(2, None, "the file is not UTF-8 text")),
    case(
        "csv_nul_bytes.csv", P(None, None, "the file holds binary data (NUL bytes), not CSV text")
    ),
    case(
        "csv_objective_title_contradicts.csv",
        P(3, "objective", "objective 'Grow faster' differs from 'Grow the product' on row 2"),
    ),
    case(
        "csv_parent_cycle.csv",
        P(2, "parent_id", "parent links form a cycle: growth -> retention -> growth"),
    ),
    case("csv_self_parent.csv", P(2, "parent_id", "objective 'growth' is its own parent")),
    case(
        "csv_several_problems.csv",
        P(
            2,
            "direction",
            "direction 'up' is not one of increase, decrease, stay_above, stay_below, milestone",
        ),
        P(2, "target", "target 42 equals baseline 42; a key result must move its metric"),
        P(3, "weight", "weight -1 is negative"),
        P(
            2,
            "threshold",
            "threshold 'fifty' is not a number",
            file="csv_several_problems.kpis.csv",
        ),
        P(3, "date", "date '07/06/2026' is not a date", file="csv_several_problems.checkins.csv"),
    ),
    case(
        "csv_target_equals_baseline.csv",
        P(2, "target", "target 42 equals baseline 42; a key result must move its metric"),
    ),
    case("csv_target_inf.csv", P(2, "target", "target 'inf' is not a finite number")),
    case("csv_target_nan.csv", P(2, "target", "target 'nan' is not a finite number")),
    case("csv_target_percent.csv", P(2, "target", "target '65%' is not a number")),
    case("csv_target_text.csv", P(2, "target", "target 'sixty-five' is not a number")),
    case("csv_unclosed_quote.csv", P(3, None, "not a readable CSV (unexpected end of data)")),
    case(
        "csv_unknown_column.csv",
        P(1, "tagret", "unknown column 'tagret' in an OKR CSV", fix="did you mean 'target'?"),
    ),
    case(
        "csv_unknown_column_no_suggestion.csv",
        P(1, "xyzzy", "unknown column 'xyzzy' in an OKR CSV"),
    ),
    case(
        "csv_unknown_kpi_reference.csv",
        P(
            2,
            "kpi",
            "KPI 'activation_rate' is not listed under kpis",
            fix="did you mean 'activation'?",
        ),
    ),
    case(
        "csv_unknown_parent.csv",
        P(
            4,
            "parent_id",
            "parent 'growht' is not an objective in this file",
            fix="did you mean 'growth'?",
        ),
    ),
    case("csv_unknown_unit.csv", P(2, "unit", "unknown unit 'percent'")),
    case("csv_unquoted_comma.csv", P(3, None, "row 3 has 13 cells but the header has 11 columns")),
    case("csv_weight_text.csv", P(3, "weight", "weight 'heavy' is not a number")),
    case(
        "yaml_alias.yaml",
        P(11, 17, "not valid YAML: anchors and aliases (*name) are not supported"),
    ),
    case(
        "yaml_bad_better.yaml",
        P(21, 13, "better 'higer' is not one of higher, lower", fix="did you mean 'higher'?"),
    ),
    case(
        "yaml_bad_direction.yaml",
        P(
            13,
            20,
            "direction 'increse' is not one of increase, decrease, stay_above, stay_below, "
            "milestone",
            fix="did you mean 'increase'?",
        ),
    ),
    case("yaml_bad_indentation.yaml", P(5, 11, "not valid YAML: mapping values are not allowed")),
    case("yaml_bad_level.yaml", P(6, 12, "level 'division' is not one of company, team, person")),
    case("yaml_baseline_bool.yaml", P(10, 19, "baseline must be a number, got True")),
    case("yaml_checkin_value_text.yaml", P(16, 20, "value 'n/a' is text, not a number")),
    case(
        "yaml_checkins_scalar.yaml",
        P(14, 19, "checkins must be a list (items starting with '- '), got the value 'weekly'"),
    ),
    case("yaml_checkins_under_objective.yaml", P(6, 5, "unknown field 'checkins' in an objective")),
    case("yaml_colon_in_value.yaml", P(5, 18, "not valid YAML: mapping values are not allowed")),
    case("yaml_comments_only.yaml", P(None, None, "the file has no content, only comments")),
    case("yaml_committed_text.yaml", P(6, 16, "committed must be true or false, got 'maybe'")),
    case("yaml_confidence_above_10.yaml", P(17, 25, "confidence 11 is outside 0-10")),
    case("yaml_confidence_negative.yaml", P(17, 25, "confidence -1 is outside 0-10")),
    case("yaml_confidence_text.yaml", P(17, 25, "confidence 'high' is text, not a number")),
    case(
        "yaml_custom_tag.yaml",
        P(11, 17, "not valid YAML: the tag !pct is not allowed (OKR files hold plain values only)"),
    ),
    case("yaml_date_month_13.yaml", P(15, 19, "date '2026-13-01' is not a date")),
    case("yaml_date_us_format.yaml", P(15, 19, "date '07/06/2026' is not a date")),
    case("yaml_date_words.yaml", P(15, 19, "date 'next monday' is not a date")),
    case(
        "yaml_direction_contradicts_target.yaml",
        P(13, 20, "direction decrease but the target 65 is above the baseline 42"),
    ),
    case(
        "yaml_duplicate_checkin_date.yaml",
        P(18, 19, "two check-ins on 2026-07-06 (first at line 15)"),
    ),
    case(
        "yaml_duplicate_default_kr_id.yaml",
        P(18, 9, "key result id 'growth.kr2' is used twice (first at line 7)"),
    ),
    case("yaml_duplicate_key.yaml", P(12, 9, "field 'target' is given twice (first on line 11)")),
    case(
        "yaml_duplicate_kpi_name.yaml",
        P(21, 11, "KPI 'activation_rate' is listed twice (first at line 19)"),
    ),
    case(
        "yaml_duplicate_kr_id_across_objectives.yaml",
        P(21, 13, "key result id 'growth.kr1' is used twice (first at line 7)"),
    ),
    case(
        "yaml_duplicate_kr_id_same_objective.yaml",
        P(18, 13, "key result id 'growth.kr1' is used twice (first at line 7)"),
    ),
    case(
        "yaml_duplicate_objective_id.yaml",
        P(18, 9, "objective id 'growth' is used twice (first at line 4)"),
    ),
    case("yaml_duplicate_top_key.yaml", P(3, 1, "field 'cycle' is given twice (first on line 2)")),
    case("yaml_empty.yaml", P(None, None, "the file is empty")),
    case("yaml_empty_objectives_list.yaml", P(2, 13, "the objectives list is empty")),
    case("yaml_empty_title.yaml", P(4, 5, "objective 'growth' is missing 'title'")),
    case("yaml_field_name_not_text.yaml", P(6, 7, "a field name must be plain text")),
    case("yaml_id_bool.yaml", P(4, 9, "id must be text, got True")),
    case(
        "yaml_key_results_mapping.yaml",
        P(7, 9, "key_results must be a list (items starting with '- '), got a mapping"),
    ),
    case(
        "yaml_kpis_scalar.yaml",
        P(
            18,
            7,
            "kpis must be a list (items starting with '- '), got the value 'activation_rate'",
        ),
    ),
    case(
        "yaml_kr_is_text.yaml",
        P(7, 9, "expected a key result as 'field: value' lines, got the value 'Lift activation'"),
    ),
    case(
        "yaml_merge_key.yaml",
        P(
            10,
            9,
            "not valid YAML: merge keys (<<) are not supported",
        ),
    ),
    case("yaml_missing_checkin_date.yaml", P(15, 13, "check-in of 'growth.kr1' is missing 'date'")),
    case(
        "yaml_missing_checkin_value.yaml", P(15, 13, "check-in of 'growth.kr1' is missing 'value'")
    ),
    case(
        "yaml_missing_kpi_name.yaml",
        P(9, 14, "KPI 'activation_rate' is not listed under kpis"),
        P(19, 5, "KPI is missing 'name'"),
    ),
    case(
        "yaml_missing_kpi_threshold.yaml", P(19, 5, "KPI 'activation_rate' is missing 'threshold'")
    ),
    case("yaml_missing_kr_statement.yaml", P(7, 9, "key result is missing 'statement'")),
    case("yaml_missing_objective_id.yaml", P(4, 5, "objective is missing 'id'")),
    case("yaml_missing_title.yaml", P(4, 5, "objective 'growth' is missing 'title'")),
    case(
        "yaml_multi_document.yaml",
        P(21, 1, "not valid YAML: the file holds more than one YAML document (a second '---')"),
    ),
    case("yaml_negative_weight.yaml", P(12, 17, "weight -1 is negative")),
    case("yaml_no_objectives_key.yaml", P(1, 1, "the file has no 'objectives' list")),
    case("yaml_not_utf8.yaml", P(5, None, "the file is not UTF-8 text")),
    case("yaml_nul_bytes.yaml", P(5, 16, "the character '\\x00' is not allowed in a YAML file")),
    case(
        "yaml_objective_empty_item.yaml",
        P(18, 4, "expected an objective as 'field: value' lines, got nothing"),
    ),
    case(
        "yaml_objective_is_text.yaml",
        P(3, 5, "expected an objective as 'field: value' lines, got the value 'growth'"),
    ),
    case(
        "yaml_objectives_mapping.yaml",
        P(3, 3, "the file: objectives must be a list (items starting with '- '), got a mapping"),
    ),
    case(
        "yaml_parent_cycle_2.yaml",
        P(6, 13, "parent links form a cycle: growth -> retention -> growth"),
    ),
    case(
        "yaml_parent_cycle_3.yaml",
        P(6, 13, "parent links form a cycle: growth -> support -> retention -> growth"),
    ),
    case(
        "yaml_pay_linked_text.yaml", P(3, 13, "pay_linked must be true or false, got 'sometimes'")
    ),
    case(
        "yaml_python_tag.yaml",
        P(
            5,
            12,
            "the tag !!python/object/apply:os.system is not allowed",
        ),
    ),
    case("yaml_self_parent.yaml", P(6, 13, "objective 'growth' is its own parent")),
    case(
        "yaml_several_structural_problems.yaml",
        P(5, 5, "unknown field 'titel' in an objective", fix="did you mean 'title'?"),
        P(11, 9, "unknown field 'tagret' in a key result", fix="did you mean 'target'?"),
        P(21, 5, "field 'threshold' is given twice (first on line 20)"),
    ),
    case(
        "yaml_several_value_problems.yaml",
        P(11, 17, "target 42 equals baseline 42; a key result must move its metric"),
        P(12, 15, "unknown unit 'dayz'", fix="did you mean 'days'?"),
        P(17, 25, "confidence 12 is outside 0-10"),
        P(18, 9, "objective id 'growth' is used twice (first at line 4)"),
    ),
    case(
        "yaml_statement_mapping.yaml", P(8, 20, "statement must be a single value, got a mapping")
    ),
    case(
        "yaml_tab_indent.yaml",
        # libyaml says "found a tab character", PyYAML's Python scanner "found character '\\t'"
        P(5, 1, "not valid YAML: found "),
    ),
    case(
        "yaml_target_equals_baseline.yaml",
        P(11, 17, "target 42 equals baseline 42; a key result must move its metric"),
    ),
    case("yaml_target_inf.yaml", P(11, 17, "target inf is not a finite number")),
    case("yaml_target_list.yaml", P(11, 17, "target must be a single value, got a list")),
    case("yaml_target_nan.yaml", P(11, 17, "target nan is not a finite number")),
    case("yaml_target_percent.yaml", P(11, 17, "target '65%' is text, not a number")),
    case("yaml_target_quoted_number.yaml", P(11, 17, "target '65' is text, not a number")),
    case("yaml_target_text.yaml", P(11, 17, "target 'sixty-five' is text, not a number")),
    case("yaml_title_bool.yaml", P(5, 12, "title must be text, got False")),
    case("yaml_title_list.yaml", P(6, 7, "title must be a single value, got a list")),
    case(
        "yaml_top_is_list.yaml",
        P(1, 1, "expected the top of the file as 'field: value' lines, got a list"),
    ),
    case(
        "yaml_top_is_text.yaml",
        P(
            1,
            1,
            "expected the top of the file as 'field: value' lines, got the value 'just some words'",
        ),
    ),
    case(
        "yaml_unclosed_bracket.yaml",
        P(
            19,
            5,
            "(while parsing a flow mapping that starts on line 18 column 13)",
        ),
    ),
    case(
        "yaml_unclosed_quote.yaml",
        P(12, 16, "that cannot start any token"),
    ),
    case(
        "yaml_unknown_checkin_field.yaml",
        P(17, 13, "unknown field 'confidance' in a check-in", fix="did you mean 'confidence'?"),
    ),
    case("yaml_unknown_field_no_suggestion.yaml", P(6, 5, "unknown field 'xyzzy' in an objective")),
    case(
        "yaml_unknown_field_titel.yaml",
        P(5, 5, "unknown field 'titel' in an objective", fix="did you mean 'title'?"),
    ),
    case(
        "yaml_unknown_kpi_field.yaml",
        P(21, 5, "unknown field 'treshold' in a KPI", fix="did you mean 'threshold'?"),
    ),
    case(
        "yaml_unknown_kpi_reference.yaml",
        P(
            9,
            14,
            "KPI 'activaton_rate' is not listed under kpis",
            fix="did you mean 'activation_rate'?",
        ),
    ),
    case("yaml_unknown_kpi_unit.yaml", P(21, 11, "unknown unit 'percent'")),
    case(
        "yaml_unknown_kr_field_tagret.yaml",
        P(11, 9, "unknown field 'tagret' in a key result", fix="did you mean 'target'?"),
    ),
    case(
        "yaml_unknown_parent.yaml",
        P(20, 13, "parent 'growht' is not an objective in this file", fix="did you mean 'growth'?"),
    ),
    case(
        "yaml_unknown_top_field_compnay.yaml",
        P(3, 1, "unknown field 'compnay' in the top of the file", fix="did you mean 'company'?"),
    ),
    case("yaml_unknown_unit.yaml", P(12, 15, "unknown unit 'usres'", fix="did you mean 'users'?")),
    case("yaml_unknown_unit_no_suggestion.yaml", P(12, 15, "unknown unit 'furlongs'")),
    case("yaml_version_2.yaml", P(1, 10, "format version 2 is not supported")),
    case("yaml_version_text.yaml", P(1, 10, "format version 'one' is not supported")),
    case("yaml_weight_yes.yaml", P(12, 17, "weight must be a number, got True")),
    case("yaml_whitespace_only.yaml", P(None, None, "the file is empty")),
]


@pytest.mark.parametrize("bad", FILE_CASES, ids=[c.name for c in FILE_CASES])
def test_bad_file(bad: C) -> None:
    check(BAD / bad.name, bad.problems)


def test_every_file_in_bad_files_is_a_case() -> None:
    used = {c.name for c in FILE_CASES} | {c for c in VALID_FILES}
    stems = {c.removesuffix(".csv") for c in used if c.endswith(".csv")}
    for f in BAD.iterdir():
        side = f.name.removesuffix(".kpis.csv").removesuffix(".checkins.csv")
        assert f.name in used or side in stems, f"{f.name} is not used by any case"


# --------------------------------------------------------------------------- valid edge cases

VALID_FILES = [
    "valid_yaml_minimal.yaml",
    "valid_yaml_bom.yaml",
    "valid_yaml_crlf.yaml",
    "valid_yaml_empty_kpis_list.yaml",
    "valid_yaml_unicode_titles.yaml",
    "valid_yaml_formula_text_quoted.yaml",
    "valid_yaml_quoted_date_and_number_id.yaml",
    "valid_csv_minimal.csv",
    "valid_csv_bom.csv",
    "valid_csv_crlf.csv",
    "valid_csv_formula_text_quoted.csv",
    "valid_csv_blank_rows_and_thousands.csv",
    "valid_csv_with_side_files.csv",
]


@pytest.mark.parametrize("name", VALID_FILES)
def test_valid_edge_case_reads(name: str) -> None:
    before = snapshot(BAD)
    got = read_okr_file(BAD / name)
    assert snapshot(BAD) == before
    minimal = read_okr_file(
        BAD / ("valid_yaml_minimal.yaml" if "yaml" in name else "valid_csv_minimal.csv")
    )
    first = got.okrs.iloc[0]
    if "bom" in name or "crlf" in name:
        drop = ["line"]
        assert got.okrs.drop(columns=drop).equals(minimal.okrs.drop(columns=drop))
        assert got.okrs["line"].tolist() == minimal.okrs["line"].tolist()
    if "empty_kpis" in name:
        assert got.kpis is not None and len(got.kpis) == 0
    if "unicode" in name:
        assert first["objective"] == "Wachstum für Ünternehmen — 成长 🚀"
    if "formula" in name:
        assert first["objective"] == "=SUM(A1:A9)"
    if "quoted_date" in name:
        assert first["objective_id"] == "2026"
        assert got.checkins["date"].iloc[0] == dt.datetime(2026, 7, 6)
    if "thousands" in name:
        assert (first["baseline"], first["target"]) == (1000.0, 1500.0)
        assert len(got.okrs) == 2
    if "side_files" in name:
        assert got.kpis["kpi"].tolist() == ["activation_rate"]
        assert len(got.checkins) == 2
        assert got.okrs["current"].tolist() == [43.0, 4.8]


# --------------------------------------------------------------------------- generated files


def test_file_just_over_the_size_limit_is_refused_unread(tmp_path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk, and is never parsed
    start = time.perf_counter()
    check(path, [P(None, None, "the limit is 20 MB", fix="split it")])
    assert time.perf_counter() - start < 1


def test_billion_laughs_is_refused_quickly(tmp_path) -> None:
    path = tmp_path / "laughs.yaml"
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append("objectives: *j")
    path.write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    check(path, [P(2, 8, "anchors and aliases (*name) are not supported", sheet=None)])
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("objectives: " + "[" * 1000 + "]" * 1000 + "\n", 1, 62),
        ("objectives:\n" + "".join("  " * i + "- \n" for i in range(1, 1000)), 51, 101),
        ("".join(" " * i + "a:\n" for i in range(1000)), 50, 50),
        ("objectives: " + "{a: " * 1000 + "}" * 1000 + "\n", 1, 206),
    ],
    ids=["flow-lists", "block-lists", "mappings", "flow-mappings"],
)
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, text, line, column) -> None:
    # The place is where level 51 opens, as the project's own composer counts it,
    # whichever libyaml (if any) PyYAML bundles: libyaml 0.2.6 refuses 1000 flow
    # levels itself, at a column of its own, and the reader re-locates that.
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    start = time.perf_counter()
    check(path, [P(line, column, "nested more than 50 levels deep")])
    assert time.perf_counter() - start < 2


class _StrictLibyaml:
    """Stands in for a libyaml that refuses nesting early, at a column of its own."""

    def __init__(self, stream: str) -> None:
        import yaml

        mark = yaml.Mark("<unicode string>", 0, 0, 7, stream, 0)
        raise yaml.scanner.ScannerError(
            "while increasing flow level", mark, "exceeded maximum nesting depth", mark
        )


@pytest.mark.parametrize("libyaml", ["strict", "absent"])
def test_deep_nesting_is_located_whatever_libyaml_does(tmp_path, monkeypatch, libyaml) -> None:
    import yaml

    from okr_toolkit.io import yaml_reader as okr_io

    bases = (_StrictLibyaml,) if libyaml == "strict" else (yaml.SafeLoader,)
    monkeypatch.setattr(okr_io, "_yaml_bases", lambda: bases)
    okr_io._checking_loader.cache_clear()
    try:
        path = tmp_path / "deep.yaml"
        path.write_text("objectives: " + "[" * 1000 + "]" * 1000 + "\n")
        check(path, [P(1, 62, "nested more than 50 levels deep")])
        with pytest.raises(OKRFileError, match="split the file, or nest less deeply"):
            read_okr_file(path)
    finally:
        okr_io._checking_loader.cache_clear()


@pytest.mark.parametrize(
    ("name", "message", "fix"),
    [
        ("okrs.txt", "unknown file type '.txt'", "use .yaml, .yml, .csv or .xlsx"),
        ("okrs.xls", "unknown file type '.xls'", "save it as .xlsx"),
        ("okrs", "unknown file type '(none)'", "use .yaml"),
        ("okrs.json", "unknown file type '.json'", "use .yaml"),
    ],
)
def test_wrong_suffix(tmp_path, name, message, fix) -> None:
    path = tmp_path / name
    path.write_bytes((BAD / "valid_yaml_minimal.yaml").read_bytes())
    check(path, [P(None, None, message, fix=fix)])


def test_missing_file(tmp_path) -> None:
    check(tmp_path / "nowhere.yaml", [P(None, None, "no such file", fix="check the path")])


def test_directory_named_like_a_file(tmp_path) -> None:
    (tmp_path / "okrs.yaml").mkdir()
    check(tmp_path / "okrs.yaml", [P(None, None, "is a directory", fix="give the path")])


def test_uppercase_suffix_and_yml_read(tmp_path) -> None:
    for name in ("OKRS.YAML", "okrs.yml"):
        (tmp_path / name).write_bytes((BAD / "valid_yaml_minimal.yaml").read_bytes())
        assert len(read_okr_file(tmp_path / name).okrs) == 1


# --------------------------------------------------------------------------- Excel

OBJ = [
    ["objective_id", "objective", "level", "parent_id"],
    ["growth", "Grow the product", "company", None],
]
KRS = [
    ["objective_id", "kr_id", "statement", "kpi", "baseline", "target", "unit", "direction"],
    ["growth", "growth.kr1", "Lift activation", "activation_rate", 42, 65, "%", "increase"],
]
KPIS = [["kpi", "threshold", "value", "better"], ["activation_rate", 50, 42, "higher"]]
CHECKINS = [
    ["kr_id", "date", "value", "confidence"],
    ["growth.kr1", dt.datetime(2026, 7, 6), 43, 5],
]


def workbook(path: Path, **sheets: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def changed(rows: list[list[Any]], row: int = 1, **cells: Any) -> list[list[Any]]:
    """A copy of a sheet's rows with cells of one data row (1 = first under the header) changed."""
    out = [list(r) for r in rows]
    for column, value in cells.items():
        out[row][out[0].index(column)] = value
    return out


def header(rows: list[list[Any]], old: str, new: str | None) -> list[list[Any]]:
    out = [list(r) for r in rows]
    out[0][out[0].index(old)] = new
    return out


GOOD = {"objectives": OBJ, "key_results": KRS, "kpis": KPIS, "checkins": CHECKINS}
KR_P = "key_results"

EXCEL_CASES: dict[str, tuple[dict[str, list[list[Any]]], list[P]]] = {
    "missing_key_results_sheet": (
        {"objectives": OBJ},
        [
            P(
                None,
                None,
                "no sheet named 'key_results' (it has 'objectives')",
                fix="name the sheets",
            )
        ],
    ),
    "missing_both_sheets": (
        {"Sheet1": KRS},
        [P(None, None, "no sheet named 'objectives' or 'key_results' (it has 'Sheet1')")],
    ),
    "wrong_column_name": (
        {**GOOD, "key_results": header(KRS, "target", "tagret")},
        [
            P(
                1,
                "tagret",
                "unknown column 'tagret' in the key results",
                fix="did you mean 'target'?",
                sheet=KR_P,
            )
        ],
    ),
    "objectives_wrong_column_name": (
        {**GOOD, "objectives": header(OBJ, "objective", "titel")},
        [
            P(1, "titel", "unknown column 'titel' in the objectives", sheet="objectives"),
            P(1, None, "no 'objective' column in the objectives", sheet="objectives"),
        ],
    ),
    "missing_statement_column": (
        {**GOOD, "key_results": [r[:2] + r[3:] for r in KRS]},
        [P(1, None, "no 'statement' column in the key results", sheet=KR_P)],
    ),
    "target_text_cell": (
        {**GOOD, "key_results": changed(KRS, target="sixty-five")},
        [P(2, "target", "target 'sixty-five' is not a number", sheet=KR_P)],
    ),
    "target_percent_text": (
        {**GOOD, "key_results": changed(KRS, target="65%")},
        [P(2, "target", "target '65%' is not a number", sheet=KR_P)],
    ),
    "baseline_boolean_cell": (
        {**GOOD, "key_results": changed(KRS, baseline=True)},
        [P(2, "baseline", "baseline must be a number, got True", sheet=KR_P)],
    ),
    "statement_number_cell_is_fine_but_target_date": (
        {**GOOD, "key_results": changed(KRS, target=dt.datetime(2026, 7, 6))},
        [P(2, "target", "target must be a number, got 2026-07-06", sheet=KR_P)],
    ),
    "formula_cell_without_value": (
        {**GOOD, "key_results": changed(KRS, target="=60+5")},
        [P(2, "target", "formula '=60+5' but no calculated value", sheet=KR_P)],
    ),
    "target_equals_baseline": (
        {**GOOD, "key_results": changed(KRS, target=42)},
        [P(2, "target", "target 42 equals baseline 42", sheet=KR_P)],
    ),
    "bad_direction": (
        {**GOOD, "key_results": changed(KRS, direction="increse")},
        [
            P(
                2,
                "direction",
                "direction 'increse' is not one of",
                fix="did you mean 'increase'?",
                sheet=KR_P,
            )
        ],
    ),
    "bad_level": (
        {**GOOD, "objectives": changed(OBJ, level="division")},
        [P(2, "level", "level 'division' is not one of company, team, person", sheet="objectives")],
    ),
    "missing_objective_title": (
        {**GOOD, "objectives": changed(OBJ, objective=None)},
        [P(2, "objective", "objective 'growth' is missing 'title'", sheet="objectives")],
    ),
    "duplicate_objective_id": (
        {**GOOD, "objectives": [*OBJ, ["growth", "Again", None, None]]},
        [
            P(
                3,
                "objective_id",
                "objective id 'growth' is used twice (first at row 2)",
                sheet="objectives",
            )
        ],
    ),
    "objective_not_on_objectives_sheet": (
        {**GOOD, "key_results": changed(KRS, objective_id="growht")},
        [P(2, "objective_id", "objective_id 'growht' is not on the objectives sheet", sheet=KR_P)],
    ),
    "self_parent": (
        {**GOOD, "objectives": changed(OBJ, parent_id="growth")},
        [P(2, "parent_id", "objective 'growth' is its own parent", sheet="objectives")],
    ),
    "duplicate_kr_id": (
        {
            **GOOD,
            "key_results": [
                *KRS,
                ["growth", "growth.kr1", "Double signups", None, 1, 2, None, None],
            ],
        },
        [P(3, "kr_id", "key result id 'growth.kr1' is used twice (first at row 2)", sheet=KR_P)],
    ),
    "kpis_missing_threshold_column": (
        {**GOOD, "kpis": [r[:1] + r[2:] for r in KPIS]},
        [P(1, None, "no 'threshold' column in the KPIs", sheet="kpis")],
    ),
    "kpi_threshold_text": (
        {**GOOD, "kpis": changed(KPIS, threshold="fifty")},
        [P(2, "threshold", "threshold 'fifty' is not a number", sheet="kpis")],
    ),
    "unknown_kpi_reference": (
        {**GOOD, "key_results": changed(KRS, kpi="activaton_rate")},
        [
            P(
                2,
                "kpi",
                "KPI 'activaton_rate' is not listed under kpis",
                fix="did you mean 'activation_rate'?",
                sheet=KR_P,
            )
        ],
    ),
    "checkin_us_date_text": (
        {**GOOD, "checkins": changed(CHECKINS, date="07/06/2026")},
        [P(2, "date", "date '07/06/2026' is not a date", sheet="checkins")],
    ),
    "checkin_confidence_11": (
        {**GOOD, "checkins": changed(CHECKINS, confidence=11)},
        [P(2, "confidence", "confidence 11 is outside 0-10", sheet="checkins")],
    ),
    "checkin_missing_value": (
        {**GOOD, "checkins": changed(CHECKINS, value=None)},
        [P(2, "value", "check-in of 'growth.kr1' is missing 'value'", sheet="checkins")],
    ),
    "problems_on_every_sheet_in_order": (
        {
            "checkins": changed(CHECKINS, confidence=-1),
            "kpis": changed(KPIS, better="more"),
            "key_results": changed(KRS, unit="percent"),
            "objectives": changed(OBJ, level="division"),
        },
        [
            P(2, "level", "level 'division'", sheet="objectives"),
            P(2, "unit", "unknown unit 'percent'", sheet=KR_P),
            P(2, "better", "better 'more'", sheet="kpis"),
            P(2, "confidence", "confidence -1 is outside 0-10", sheet="checkins"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(EXCEL_CASES))
def test_bad_workbook(tmp_path, name) -> None:
    sheets, expected = EXCEL_CASES[name]
    path = workbook(tmp_path / f"xlsx_{name}.xlsx", **sheets)
    check(path, expected)


def test_good_workbook_reads(tmp_path) -> None:
    committed = [[*OBJ[0], "committed"], [*OBJ[1], True]]  # documented objectives column
    path = workbook(tmp_path / "okrs.xlsx", **{**GOOD, "objectives": committed})
    got = read_okr_file(path)
    assert got.okrs["target"].tolist() == [65.0]
    assert got.okrs["committed"].tolist() == [True]
    assert got.checkins["date"].tolist() == [dt.datetime(2026, 7, 6)]


def test_written_workbook_reads_back(tmp_path) -> None:
    source = read_okr_file(BAD / "valid_yaml_formula_text_quoted.yaml")
    out = write_okr_file(source, tmp_path / "okrs.xlsx")
    assert read_okr_file(out).okrs["objective"].tolist() == ["=SUM(A1:A9)"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"objective_id,statement\ngrowth,Lift activation\n",
            "not a readable Excel workbook (BadZipFile)",
        ),
        (b"\x00" * 64, "not a readable Excel workbook"),
        (None, "not a readable Excel workbook"),
    ],
    ids=["csv-renamed", "binary-junk", "zip-not-a-workbook"],
)
def test_not_a_workbook(tmp_path, content, message) -> None:
    path = tmp_path / "okrs.xlsx"
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    else:
        path.write_bytes(content)
    check(path, [P(None, None, message, fix="save it from your spreadsheet as .xlsx")])


def test_empty_workbook_file(tmp_path) -> None:
    (tmp_path / "okrs.xlsx").write_bytes(b"")
    check(tmp_path / "okrs.xlsx", [P(None, None, "the file is empty")])


def test_the_suite_left_no_stray_files() -> None:
    assert not [f for f in os.listdir(BAD) if f.startswith(".")]
