"""Hand-edited YAML: ids read as the text written, merge keys, what YAML 1.1 reads oddly.

PyYAML reads YAML 1.1, where ``1.10`` is the number 1.1, ``007`` is 7 and
``2026-07-06`` a date. An id is a name, so it is read as the text written;
numbers YAML 1.1 reads differently from what they say are in
tests/test_messy_numbers.py (issue 13).
"""

from __future__ import annotations

import pytest

from okr_toolkit.io import OKRFileError, read_okr_data


def text(objective_id: str, *kr_ids: str) -> str:
    krs = "".join(
        f"      - id: {k}\n        statement: Lift x{i} from 1 to 10\n"
        for i, k in enumerate(kr_ids)
    )
    return f"objectives:\n  - id: {objective_id}\n    title: Grow\n    key_results:\n{krs}"


def test_ids_1_1_and_1_10_are_two_ids() -> None:
    okrs = read_okr_data(text("1", "1.1", "1.10", "1.2"))
    assert okrs.okrs["kr_id"].tolist() == ["1.1", "1.10", "1.2"]
    assert okrs.okrs["objective_id"].tolist() == ["1", "1", "1"]


@pytest.mark.parametrize("ident", ["1.10", "007", "1e3", "2026-07-06", "12:30", "0x1F", "1_000"])
def test_an_objective_id_is_the_text_written(ident: str) -> None:
    okrs = read_okr_data(text(ident, "a"))
    assert okrs.objectives["objective_id"].tolist() == [ident]
    assert okrs.okrs["objective_id"].tolist() == [ident]


def test_default_key_result_ids_use_the_objective_id_as_written() -> None:
    okrs = read_okr_data(
        "objectives:\n  - id: 2.10\n    title: Grow\n    key_results:\n"
        "      - statement: Lift x from 1 to 10\n"
    )
    assert okrs.okrs["kr_id"].tolist() == ["2.10.kr1"]


def test_check_ins_find_their_key_result_by_the_id_as_written() -> None:
    okrs = read_okr_data(
        "objectives:\n  - id: o\n    title: Grow\n    key_results:\n"
        "      - id: 1.10\n        statement: Lift x from 1 to 10\n"
        "        checkins:\n          - {date: 2026-07-06, value: 4}\n"
    )
    assert okrs.checkins["kr_id"].tolist() == ["1.10"]
    assert okrs.okrs["current"].tolist() == [4.0]


def test_text_fields_keep_numbers_as_written() -> None:
    okrs = read_okr_data(
        "objectives:\n  - id: o\n    title: 2.50\n    owner: 007\n    key_results:\n"
        "      - {statement: Lift x from 1 to 10, kpi: 1.10}\n"
        "kpis:\n  - {name: 1.10, threshold: 5}\n"
    )
    assert okrs.objectives["objective"].tolist() == ["2.50"]
    assert okrs.objectives["objective_owner"].tolist() == ["007"]
    assert okrs.okrs["kpi"].tolist() == ["1.10"]
    assert okrs.kpis["kpi"].tolist() == ["1.10"]


def test_merge_keys_are_refused_plainly() -> None:
    with pytest.raises(OKRFileError) as caught:
        read_okr_data(
            "objectives:\n  - id: o\n    <<: {title: Grow}\n    key_results:\n"
            "      - statement: Lift x from 1 to 10\n"
        )
    (problem,) = caught.value.problems
    assert "merge keys (<<) are not supported" in problem.message
    assert "!!merge" not in str(problem) and "tag" not in problem.message
    assert "write the fields out" in problem.fix
    assert (problem.line, problem.column) == (3, 5)


def test_a_duplicate_id_is_still_found_as_written() -> None:
    with pytest.raises(OKRFileError) as caught:
        read_okr_data(text("o", "1.10", "1.10"))
    assert "key result id '1.10' is used twice" in str(caught.value)
