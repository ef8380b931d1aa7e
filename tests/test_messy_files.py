"""Files as they arrive: bounded reads, encodings, separators, stray rows and cells.

Reading never hangs and never runs out of memory (a stray cell at XFD1048576,
/dev/zero, a named pipe, a folder, a huge file), and each messy file gets a
message that names the place and the real fix (issue 13). The reads that could
hang or exhaust memory on a broken reader run in a child process with a time
and memory limit, so that a regression fails the test instead of the machine.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import openpyxl
import pytest

import okr_toolkit
from okr_toolkit import OKRDataError
from okr_toolkit.io import (
    MAX_FILE_BYTES,
    OKRFileError,
    read_okr_data,
    read_okr_file,
)

ROOT = Path(okr_toolkit.__file__).resolve().parents[1]
GOOD_CSV = "objective_id,objective,kr_id,statement,baseline,target\no,Grow,o.kr1,Lift x,1,10\n"
GOOD_YAML = (
    "objectives:\n  - id: o\n    title: Zürich\n    key_results:\n"
    "      - statement: Lift x from 1 to 10\n"
)
posix_only = pytest.mark.skipif(os.name != "posix", reason="pipes and devices are POSIX")


def read_in_child(path: Path, timeout: float = 60, memory_mb: int = 1500, pre: str = "") -> str:
    """What reading ``path`` gives in a child process (time- and memory-limited)."""
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        import okr_toolkit.io as oio
        {pre}
        try:
            oio.read_okr_file(sys.argv[1])
            print("READ")
        except oio.OKRFileError as err:
            print("OKRFileError:", err)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return f"TIMEOUT after {timeout} s"
    return (done.stdout + done.stderr).strip()


def problems_of(call) -> tuple:
    with pytest.raises(OKRFileError) as caught:
        call()
    return caught.value.problems


# ---------------------------------------------------------------- bounded reads


def two_sheets() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.active.title = "objectives"
    book["objectives"].append(["objective_id", "objective"])
    book["objectives"].append(["o", "Grow"])
    krs = book.create_sheet("key_results")
    krs.append(["objective_id", "kr_id", "statement"])
    krs.append(["o", "o.kr1", "Lift x from 1 to 10"])
    return book


@posix_only
def test_a_small_workbook_with_a_stray_cell_at_the_far_corner(tmp_path: Path) -> None:
    book = two_sheets()
    book["key_results"]["XFD1048576"] = "stray"
    path = tmp_path / "q3.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    out = read_in_child(path, timeout=60, memory_mb=1500)
    assert out.startswith("OKRFileError:"), out
    assert "sheet 'key_results' row 1048576 column 'XFD'" in out
    assert "cell XFD1048576 holds 'stray'" in out and "delete it" in out


@posix_only
def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "okrs.yaml"
    link.symlink_to("/dev/zero")
    out = read_in_child(link, timeout=20)
    assert out.startswith("OKRFileError:"), out
    assert "is not a regular file but a device" in out


@posix_only
def test_a_named_pipe_nobody_writes_to_is_given_up(tmp_path: Path) -> None:
    fifo = tmp_path / "okrs.yaml"
    os.mkfifo(fifo)
    out = read_in_child(fifo, timeout=30, pre="oio.raw.PIPE_WAIT = 1.0")
    assert out.startswith("OKRFileError:"), out
    assert "named pipe that nothing wrote to in 1 seconds" in out


@posix_only
def test_a_pipe_with_a_writer_is_read(tmp_path: Path, monkeypatch) -> None:
    import okr_toolkit.io.raw as raw

    monkeypatch.setattr(raw, "PIPE_WAIT", 10.0)
    fifo = tmp_path / "okrs.yaml"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as pipe:  # blocks until the reader opens it
            pipe.write(GOOD_YAML.encode("utf-8"))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    okrs = read_okr_file(fifo)
    writer.join(5)
    assert okrs.objectives["objective"].tolist() == ["Zürich"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "okrs.yaml"
    folder.mkdir()
    (problem,) = problems_of(lambda: read_okr_file(folder))
    assert "is a directory" in problem.message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * MAX_FILE_BYTES)  # sparse: no disk used, nothing to read
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert "the file is 1000.0 MB; the limit is 20 MB" in problem.message


def test_a_workbook_that_unpacks_to_too_much_is_refused(tmp_path: Path, monkeypatch) -> None:
    import okr_toolkit.io.excel_reader as excel

    monkeypatch.setattr(excel, "MAX_UNPACKED_BYTES", 2_000, raising=False)
    path = tmp_path / "q3.xlsx"
    two_sheets().save(path)
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert "the workbook unpacks to" in problem.message


def test_a_dangling_link_says_so(tmp_path: Path) -> None:
    link = tmp_path / "okrs.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    (problem,) = problems_of(lambda: read_okr_file(link))
    assert "link to a file that does not exist" in problem.message


# ---------------------------------------------------------------- separators and encodings


@pytest.mark.parametrize(("sep", "word"), [(";", "semicolons"), ("\t", "tabs")])
def test_semicolon_and_tab_separated_files_are_read_and_said(tmp_path, sep, word) -> None:
    path = tmp_path / "okrs.csv"
    path.write_text(GOOD_CSV.replace(",", sep), encoding="utf-8")
    okrs = read_okr_file(path)
    assert okrs.okrs[["baseline", "target"]].iloc[0].tolist() == [1.0, 10.0]
    assert [w.message for w in okrs.warnings] == [
        f"the columns are separated by {word}, not commas"
    ]


def test_latin_1_bytes_are_refused_at_their_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_bytes(GOOD_CSV.replace("Grow", "Zürich").encode("latin-1"))
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert problem.line == 2
    assert "byte 0xFC at column 4" in problem.message and "'ü'" in problem.message
    assert "save it as UTF-8" in problem.fix


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path = tmp_path / "okrs.yaml"
    path.write_bytes(bom + GOOD_YAML.encode(codec))
    assert read_okr_file(path).objectives["objective"].tolist() == ["Zürich"]


def test_utf_16_without_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_bytes(GOOD_CSV.encode("utf-16-le"))
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert "UTF-16 text without a byte-order mark" in problem.message


# ---------------------------------------------------------------- table shapes


def test_a_title_row_above_the_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_text("Q3 OKRs — Growth,,,,,\n,,,,,\n" + GOOD_CSV, encoding="utf-8")
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert problem.line == 1
    assert "the column names are on row 3" in problem.message and "Q3 OKRs" in problem.message
    assert "delete rows 1 to 2" in problem.fix


def test_a_title_row_in_a_workbook_is_named(tmp_path: Path) -> None:
    book = two_sheets()
    book["key_results"].insert_rows(1)
    book["key_results"]["A1"] = "Key results, Q3"
    path = tmp_path / "q3.xlsx"
    book.save(path)
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert (problem.sheet, problem.line) == ("key_results", 1)
    assert "the column names are on row 2" in problem.message and "delete row 1" in problem.fix


def test_merged_cells_are_refused_with_their_range(tmp_path: Path) -> None:
    book = two_sheets()
    krs = book["key_results"]
    krs.append(["o", "o.kr2", "Lift y from 1 to 10"])
    krs.merge_cells("A2:A3")
    path = tmp_path / "q3.xlsx"
    book.save(path)
    problems = problems_of(lambda: read_okr_file(path))
    merged = [p for p in problems if "merged" in p.message]
    assert len(merged) == 1
    assert (merged[0].sheet, merged[0].line, merged[0].column) == (
        "key_results",
        2,
        "objective_id",
    )
    assert "cells A2:A3 are merged" in merged[0].message and "unmerge" in merged[0].fix


def test_ragged_rows_read_the_same_whatever_their_trailing_empty_cells(tmp_path: Path) -> None:
    rows = [
        "objective_id,objective,kr_id,statement,baseline,target,,",
        "o,Grow,o.kr1,Lift x from 1 to 10,1,10,,",
        "o,Grow,o.kr2,Lift y from 1 to 10,1,10",
        "o,Grow,o.kr3,Lift z from 1 to 10,1,10,,,,,",
        "o,Grow,o.kr4,Lift w from 1 to 10,1",
    ]
    path = tmp_path / "okrs.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    okrs = read_okr_file(path)
    assert okrs.okrs["kr_id"].tolist() == ["o.kr1", "o.kr2", "o.kr3", "o.kr4"]
    assert okrs.okrs["target"].isna().tolist() == [False, False, False, True]
    path.write_text("\n".join([*rows, "o,Grow,o.kr5,Lift v,1,10,,,x"]) + "\n", encoding="utf-8")
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert problem.line == 6 and "9 cells but the header has 8 columns" in problem.message


def test_a_stray_value_far_to_the_right_of_a_csv_is_located(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_text(GOOD_CSV.rstrip("\n") + "," * 500 + "oops\n", encoding="utf-8")
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert problem.line == 2 and "column 506 ('oops')" in problem.message


def test_a_quote_never_closed_is_located_where_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    body = GOOD_CSV + 'o,Grow,o.kr2,"Lift y from 1 to 10,1,10\n' + "o,Grow,o.kr3,z,1,2\n" * 20_000
    path.write_text(body, encoding="utf-8")
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert problem.line == 3
    assert "never closed" in problem.message


# ---------------------------------------------------------------- what to pass


@pytest.mark.parametrize(
    ("given", "error", "says"),
    [
        (None, TypeError, "needs a path, got NoneType"),
        (42, TypeError, "needs a path, got int"),
        (b"objectives: []", TypeError, "read_okr_data(data, format=...)"),
        (io.StringIO(GOOD_YAML), TypeError, "read_okr_data(stream.read(), format=...)"),
        (GOOD_YAML, OKRDataError, "read_okr_data(text, format='yaml')"),
    ],
)
def test_read_okr_file_says_what_to_pass(given, error, says) -> None:
    with pytest.raises(error) as caught:
        read_okr_file(given)
    assert says in str(caught.value)


def test_read_okr_data_says_what_to_pass() -> None:
    with pytest.raises(TypeError, match=r"stream.read\(\)"):
        read_okr_data(io.StringIO(GOOD_YAML))
    with pytest.raises(TypeError, match=r"read_okr_file\(path\)"):
        read_okr_data(Path("okrs.yaml"))


# ---------------------------------------------------------------- floods and advice


def test_an_error_flood_is_summarised_after_the_first_twenty(tmp_path: Path) -> None:
    rows = [f"o,Grow,o.kr{i},Lift x,abc,10" for i in range(30_000)]
    path = tmp_path / "okrs.csv"
    path.write_text(GOOD_CSV.splitlines()[0] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(OKRFileError) as caught:
        read_okr_file(path)
    err = caught.value
    assert err.total == 30_000 and len(err.problems) == 21
    assert [p.line for p in err.problems[:20]] == list(range(2, 22))
    last = err.problems[-1]
    assert last.message.startswith("and 29,980 more problems like them (rows 22 to 30,001)")
    assert "29,980 in column 'baseline'" in last.message
    assert len(str(err).splitlines()) == 22
    assert str(err).startswith(f"{path}: 30,000 problems")
    with pytest.raises(OKRFileError) as from_memory:
        read_okr_data(path.read_bytes(), format="csv", name="<stdin>")
    assert from_memory.value.total == 30_000


def test_advice_names_only_options_the_okr_command_has() -> None:
    from okr_toolkit.cli import build_parser

    parser = build_parser()
    options = set()
    for action in parser._actions:
        options.update(action.option_strings)
        for sub in getattr(action, "choices", None) or {}:
            sub_parser = action.choices[sub]
            for sub_action in getattr(sub_parser, "_actions", []):
                options.update(sub_action.option_strings)
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "okr_toolkit" / "io").glob("*.py")
    )
    strings = re.findall(r'"[^"\n]*"', source)
    named = {m for s in strings for m in re.findall(r"(?<![\w-])--[a-z][a-z-]+", s)}
    assert named <= options, sorted(named - options)
    commands = {m for s in strings for m in re.findall(r"\bokr ([a-z][a-z-]+)", s)}
    assert commands <= set(parser._subparsers._group_actions[0].choices), commands


def test_a_workbook_or_a_zip_where_text_belongs_is_named(tmp_path: Path) -> None:
    book = tmp_path / "q3.xlsx"
    two_sheets().save(book)
    (problem,) = problems_of(lambda: read_okr_data(book.read_bytes(), format="csv", name="q.csv"))
    assert "zip archive (an Excel workbook?), not CSV text" in problem.message
    import gzip

    (problem,) = problems_of(lambda: read_okr_data(gzip.compress(GOOD_YAML.encode())))
    assert "compressed (gzip)" in problem.message


def test_a_date_serial_in_a_workbook_gets_its_day_as_the_fix(tmp_path: Path) -> None:
    book = two_sheets()
    checkins = book.create_sheet("checkins")
    checkins.append(["kr_id", "date", "value"])
    checkins.append(["o.kr1", 46209, 2])  # 2026-07-06, in a cell not formatted as a date
    path = tmp_path / "q3.xlsx"
    book.save(path)
    (problem,) = problems_of(lambda: read_okr_file(path))
    assert (problem.sheet, problem.line, problem.column) == ("checkins", 2, "date")
    assert "as a spreadsheet date is 2026-07-06" in problem.fix
