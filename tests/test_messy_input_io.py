"""Properties of the file readers over messy input: the exact number, or a located error.

Numbers are written in every form a locale writes them (``1,000.5``,
``1.000,5``, ``1 000,5``, ``42,5``, ``0,8``, ``1e6``, ``1'000.5``,
``12,34,567``, percentages, currencies) into CSV files (separated by commas,
semicolons or tabs; UTF-8, UTF-8 with a BOM or UTF-16), Excel text cells and
YAML scalars. Reading must give the number meant, or an
:class:`~okr_toolkit.io.OKRFileError` whose problem sits at that cell: never
a different number. Random cells and random bytes must give an OKR file or an
OKRFileError, never another exception.

Two forms are left out by design, and documented: ``1,234`` alone in a file
that shows no decimal comma anywhere is read as 1234 (a comma grouping
thousands), so a continental 1.234 written that way is not generated; and a
plain YAML ``1.000`` is the YAML number 1.0, so a continental 1000 written
that way in YAML is not generated either.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from okr_toolkit.io import OKRFile, OKRFileError, read_okr_data
from okr_toolkit.io.numbers import DOT3

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NBSP = "\u00a0"
ENGLISH = ("plain", "exponent", "us", "swiss", "si_point", "indian")
CONTINENTAL = ("comma", "continental", "si_comma")
FIELDS = ("baseline", "target", "current")


@st.composite
def decimals(draw) -> Decimal:
    """A number as a person writes it: up to 9 digits before the point, 3 after."""
    whole = draw(st.integers(0, 999_999_999))
    places = draw(st.integers(0, 3))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    sign = draw(st.sampled_from(["", "-"]))
    text = f"{sign}{whole}" + (f".{fraction:0{places}d}" if places else "")
    return Decimal(text)


def _group(digits: str, sep: str, indian: bool = False) -> str:
    if indian and len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        return sep.join([*pairs, tail])
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    return sep.join(groups)


def render(value: Decimal, form: str) -> str:
    """``value`` written in ``form``."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    if form == "plain":
        return format(value, "f")
    if form == "exponent":
        return f"{value:e}".replace("+", "")
    point, thousands = {
        "us": (".", ","),
        "swiss": (".", "'"),
        "si_point": (".", NBSP),
        "indian": (".", ","),
        "comma": (",", ""),
        "continental": (",", "."),
        "si_comma": (",", " "),
    }[form]
    grouped = _group(whole, thousands, form == "indian") if thousands else whole
    return sign + grouped + (point + fraction if fraction else "")


def _documented_ambiguity(text: str, form: str) -> bool:
    """``1,234`` meant as the continental 1.234: read as 1234 by the documented rule."""
    return form in CONTINENTAL and re.fullmatch(r"-?[1-9]\d{0,2},\d{3}", text) is not None


@st.composite
def locale_cells(draw) -> tuple[str, list[tuple[Decimal, str]]]:
    """A locale, and the baseline, target and current of a key result written in it."""
    family = draw(st.sampled_from([ENGLISH, CONTINENTAL]))
    cells = []
    for _ in FIELDS:
        value = draw(decimals())
        form = draw(st.sampled_from(family))
        text = render(value, form)
        assume(not _documented_ambiguity(text, form))
        cells.append((value, text))
    return ("english" if family is ENGLISH else "continental"), cells


def _csv(cells: list[str], sep: str) -> str:
    header = ["objective_id", "objective", "kr_id", "statement", *FIELDS]
    row = ["o", "Grow", "o.kr1", "Lift x", *cells]

    def quote(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if sep in v or '"' in v or "\n" in v else v

    return sep.join(header) + "\n" + sep.join(quote(v) for v in row) + "\n"


def _excel(cells: list[object]) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "objectives"
    book["objectives"].append(["objective_id", "objective"])
    book["objectives"].append(["o", "Grow"])
    krs = book.create_sheet("key_results")
    krs.append(["objective_id", "kr_id", "statement", *FIELDS])
    krs.append(["o", "o.kr1", "Lift x", *cells])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _yaml(cells: list[str]) -> str:
    fields = "".join(f"        {f}: {c}\n" for f, c in zip(FIELDS, cells, strict=True))
    return (
        "objectives:\n  - id: o\n    title: Grow\n    key_results:\n"
        "      - id: o.kr1\n        statement: Lift x\n" + fields
    )


def check(read, values: list[Decimal], where) -> None:
    """Each field is the value meant, or the error names that very cell; nothing else."""
    try:
        okrs = read()
    except OKRFileError as err:
        places = {(p.line, p.column) for p in err.problems}
        assert places <= {where(f) for f in FIELDS}, str(err)
        assert all(p.fix for p in err.problems), str(err)
        return
    row = okrs.okrs.iloc[0]
    for field, value in zip(FIELDS, values, strict=True):
        assert row[field] == float(value), (field, value, row[field])


@SETTINGS
@given(
    cells=locale_cells(),
    sep=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_csv_numbers_in_every_locale_form(cells, sep, encoding) -> None:
    _, pairs = cells
    values, texts = zip(*pairs, strict=True)
    data = _csv(list(texts), sep).encode(encoding)
    check(
        lambda: read_okr_data(data, format="csv", name="okrs.csv"),
        list(values),
        lambda f: (2, f),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=locale_cells(), as_number=st.lists(st.booleans(), min_size=3, max_size=3))
def test_excel_cells_in_every_locale_form(cells, as_number) -> None:
    _, pairs = cells
    values = [v for v, _ in pairs]
    written: list[object] = [
        float(v) if number else text for (v, text), number in zip(pairs, as_number, strict=True)
    ]
    raw = _excel(written)
    check(
        lambda: read_okr_data(raw, format="xlsx", name="q3.xlsx"),
        values,
        lambda f: (2, f),
    )


@SETTINGS
@given(cells=locale_cells(), quoted=st.booleans())
def test_yaml_numbers_in_every_locale_form(cells, quoted) -> None:
    locale, pairs = cells
    values = [v for v, _ in pairs]
    texts = [f'"{t}"' if quoted else t for _, t in pairs]
    # A YAML number is typed by YAML: 1.000 is one (documented), whatever a locale meant.
    assume(quoted or locale == "english" or not any(DOT3.fullmatch(t) for t in texts))
    column = {f: 11 + len(f) for f in FIELDS}  # "        baseline: " -> column 19
    check(
        lambda: read_okr_data(_yaml(texts)),
        values,
        lambda f: (7 + FIELDS.index(f), column[f]),
    )


@SETTINGS
@given(
    value=decimals().filter(lambda d: d >= 0),
    form=st.sampled_from(["percent", "currency_us", "currency_eu", "suffix", "brackets"]),
)
def test_numbers_with_a_sign_or_a_suffix_are_refused_at_their_cell(value, form) -> None:
    text = {
        "percent": f"{value}%",
        "currency_us": "$" + render(value, "us"),
        "currency_eu": render(value, "continental") + " €",
        "suffix": f"{value}M",
        "brackets": f"({value})",
    }[form]
    data = _csv([text, "1", "2"], ",")
    with pytest.raises(OKRFileError) as caught:
        read_okr_data(data, format="csv", name="okrs.csv")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, "baseline")


_NUMBERISH = st.text(alphabet="0123456789,. -+e%$€'\u00a0", min_size=1, max_size=12)


@SETTINGS
@given(text=_NUMBERISH, sep=st.sampled_from([",", ";"]))
def test_random_number_like_text_is_its_number_or_a_located_error(text, sep) -> None:
    assume(text.strip())
    data = _csv([text, "1", "2"], sep)
    try:
        okrs = read_okr_data(data, format="csv", name="okrs.csv")
    except OKRFileError as err:
        assert all(
            (p.line, p.column) == (2, "baseline") or "equals baseline" in p.message
            for p in err.problems
        ), str(err)
        return
    read = okrs.okrs["baseline"].iloc[0]
    # Whatever was read is the text without its grouping marks: never another number.
    assert read == float(re.sub(r"[,' \u00a0]", "", text.strip())), (text, read)


_CELL = st.one_of(
    # No NUL: Python 3.10's csv writer cannot write one (the toolkit's writer refuses it).
    st.text(max_size=15).map(lambda s: s.replace("\x00", "")),
    _NUMBERISH,
    st.sampled_from(["", " ", "=1+1", "'=x", "TRUE", "n/a", "2026-07-06", "07/06/2026", "\r"]),
)


@SETTINGS
@given(
    header=st.lists(
        st.sampled_from(["objective_id", "objective", "kr_id", "statement", "baseline", "x", ""]),
        min_size=1,
        max_size=8,
    ),
    rows=st.lists(st.lists(_CELL, max_size=9), max_size=5),
    sep=st.sampled_from([",", ";", "\t"]),
)
def test_random_tables_give_an_okr_file_or_an_okr_file_error(header, rows, sep) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        result = read_okr_data(buffer.getvalue(), format="csv", name="okrs.csv")
    except OKRFileError as err:
        assert err.problems and all(p.file == "okrs.csv" for p in err.problems)
        return
    assert isinstance(result, OKRFile)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["yaml", "csv", "xlsx"]))
def test_random_bytes_give_an_okr_file_or_an_okr_file_error(data, fmt) -> None:
    try:
        read_okr_data(data, format=fmt, name=f"in.{fmt}")
    except OKRFileError:
        pass
