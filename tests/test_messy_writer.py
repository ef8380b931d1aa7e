"""Writing OKR files: no live formula in a written table, and never a file the reader
refuses (issue 13). What would be written is checked before anything is written."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from okr_toolkit import OKRDataError
from okr_toolkit.io import OKRFile, okr_file_bytes, read_okr_data, read_okr_file, write_okr_file
from okr_toolkit.io.tables import formula_like

BASE = (
    "objectives:\n  - id: o\n    title: Grow\n    key_results:\n"
    "      - id: o.kr1\n        statement: Lift x from 1 to 10\n"
    "      - id: o.kr2\n        statement: Lift y from 1 to 10\n"
)
TRICKY = [
    '\r=HYPERLINK("http://x")',
    "\n=1+1",
    " =SUM(A1:A3)",
    "\t+5",
    "\x0b@me",
    "'=already quoted",
    "''+twice",
    "- a dash first",
    "=",
    "plain text",
    "a\rb",
    'quote " inside, and a comma',
]


def with_owners(owners: list[str]) -> OKRFile:
    okrs = read_okr_data(BASE)
    frame = pd.concat([okrs.okrs] * (len(owners) // 2 + 1), ignore_index=True).iloc[: len(owners)]
    frame = frame.assign(
        kr_id=[f"o.kr{i + 1}" for i in range(len(owners))],
        owner=owners,
        statement=[f"Lift x{i} from 1 to 10" for i in range(len(owners))],
    )
    return dataclasses.replace(okrs, okrs=frame, path="")


def live_formula(cell: object) -> bool:
    """Whether a spreadsheet could run this cell's text as a formula."""
    return isinstance(cell, str) and formula_like(cell) and not cell.startswith("'")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_written_cell_can_run_as_a_formula_and_all_read_back(tmp_path: Path, fmt) -> None:
    # A workbook cannot hold a vertical tab at all (refused: see below).
    owners = TRICKY if fmt == "csv" else [t.replace("\x0b", " ") for t in TRICKY]
    source = with_owners(owners)
    path = write_okr_file(source, tmp_path / f"out.{fmt}")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert len(rows) == 1 + len(owners)  # a carriage return did not start a row
        cells = [c for r in rows for c in r]
    else:
        book = openpyxl.load_workbook(path)
        cells = [c.value for ws in book.worksheets for r in ws.iter_rows() for c in r]
        assert not any(c.data_type == "f" for ws in book for r in ws.iter_rows() for c in r)
    assert not [c for c in cells if live_formula(c)]
    back = read_okr_file(path)
    if fmt == "xlsx":  # a workbook keeps a carriage return as a line break (XML)
        owners = [o.replace("\r", "\n") for o in owners]
    assert back.okrs["owner"].tolist() == owners


def test_a_carriage_return_is_quoted_in_csv(tmp_path: Path) -> None:
    path = write_okr_file(with_owners(["\r=1+1", "ok"]), tmp_path / "out.csv")
    text = path.read_bytes().decode("utf-8")
    assert '"\'\r=1+1"' in text
    assert text.count("\n") == 3


def test_a_key_result_without_a_statement_is_not_written(tmp_path: Path) -> None:
    source = with_owners(["a", "b"])
    frame = source.okrs.copy()
    frame.loc[1, "statement"] = None
    for suffix in (".yaml", ".csv", ".xlsx"):
        with pytest.raises(OKRDataError) as caught:
            write_okr_file(dataclasses.replace(source, okrs=frame), tmp_path / f"out{suffix}")
        assert "okrs row 1 (kr_id 'o.kr2'): statement is missing" in str(caught.value)
        assert not (tmp_path / f"out{suffix}").exists()


@pytest.mark.parametrize("weight", [-1.0, float("inf")])
def test_a_weight_the_reader_refuses_is_not_written(tmp_path: Path, weight: float) -> None:
    source = with_owners(["a", "b"])
    frame = source.okrs.assign(weight=[1.0, weight])
    with pytest.raises(OKRDataError, match=r"okrs row 1 .*weight"):
        write_okr_file(dataclasses.replace(source, okrs=frame), tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_text_no_file_can_hold_is_named_before_writing(tmp_path: Path, fmt: str) -> None:
    source = with_owners(["a\ud800b", "fine"])
    with pytest.raises(OKRDataError) as caught:
        write_okr_file(source, tmp_path / f"out.{fmt}")
    message = str(caught.value)
    assert "okrs row 0 (kr_id 'o.kr1') column 'owner'" in message
    assert "lone surrogate (U+D800)" in message
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OKRDataError, match="lone surrogate"):
        okr_file_bytes(source, format=fmt)


def test_control_characters_are_refused_for_a_workbook_only(tmp_path: Path) -> None:
    source = with_owners(["bell\x07", "fine"])
    with pytest.raises(OKRDataError, match=r"control character U\+0007, which a workbook"):
        write_okr_file(source, tmp_path / "out.xlsx")
    back = read_okr_file(write_okr_file(source, tmp_path / "out.yaml"))
    assert back.okrs["owner"].tolist() == ["bell\x07", "fine"]


def test_anything_else_the_reader_would_refuse_is_found_by_reading_back(tmp_path: Path) -> None:
    source = with_owners(["a", "b"])
    frame = source.okrs.assign(kr_id=["same", "same"])
    with pytest.raises(OKRDataError) as caught:
        write_okr_file(dataclasses.replace(source, okrs=frame), tmp_path / "out.csv")
    message = str(caught.value)
    assert "would not read back" in message
    assert f"{tmp_path / 'out.csv'} row 3 column 'kr_id'" in message
    assert "key result id 'same' is used twice" in message
    assert list(tmp_path.iterdir()) == []


def test_write_okr_file_says_what_to_pass(tmp_path: Path) -> None:
    frame = pd.DataFrame({"objective_id": ["o"], "statement": ["Lift x"]})
    with pytest.raises(TypeError) as caught:
        write_okr_file(frame, tmp_path / "out.yaml")
    assert "needs an OKRFile" in str(caught.value) and "OKRFile(path=" in str(caught.value)
    with pytest.raises(OKRDataError, match="no column 'kr_id'"):
        write_okr_file(OKRFile(path="", okrs=frame), tmp_path / "out.yaml")
    with pytest.raises(TypeError, match="needs a path"):
        write_okr_file(with_owners(["a", "b"]), None)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_check_leaves_an_existing_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old", encoding="utf-8")
    bad = with_owners(["a\udfffb", "c"])
    with pytest.raises(OKRDataError):
        write_okr_file(bad, target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "old"


def test_a_number_with_three_decimals_is_written_so_it_reads_one_way(tmp_path: Path) -> None:
    # 1.375 alone in a CSV could be 1375 with a dot grouping thousands: written 1.3750.
    source = with_owners(["a", "b"])
    frame = source.okrs.assign(baseline=[1.375, -2.5], target=[9.0, 10.0])
    path = write_okr_file(dataclasses.replace(source, okrs=frame), tmp_path / "out.csv")
    assert ",1.3750,9," in path.read_text(encoding="utf-8")
    assert read_okr_file(path).okrs["baseline"].tolist() == [1.375, -2.5]
