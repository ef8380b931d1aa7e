"""OKR files in and out: the three formats round-trip, the schema matches the reader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okr_toolkit as okr
from okr_toolkit import datasets as ds
from okr_toolkit.io import (
    CHECKIN_FIELDS,
    KPI_FIELDS,
    KR_FIELDS,
    MAX_FILE_BYTES,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
    OKRFileError,
    json_schema,
    read_okr_file,
    schema_path,
    side_files,
    write_okr_file,
)
from okr_toolkit.vocab import KNOWN_UNITS

REPO = Path(__file__).resolve().parents[1]
SAMPLE = ds.data_path("sample_okrs.yaml")
FORMATS = (".yaml", ".csv", ".xlsx")

RICH = """\
version: 1
company: Acme Analytics — Zürich
cycle: 2026Q3
pay_linked: false
objectives:
  - id: company
    title: Become the analytics tool teams can't work without
    owner: Dana Whitfield
    team: Company
    level: company
    key_results:
      - id: company.kr1
        statement: Grow net revenue retention from 104% to 112%
        kpi: nrr
        baseline: 104
        target: 112
        unit: "%"
        direction: increase
        weight: 2
        owner: Dana Whitfield
        committed: true
        checkins:
          - {date: 2026-07-06, value: 104.5, confidence: 6, note: "=HYPERLINK(\\"x\\")"}
          - {date: 2026-07-13, value: 105.25, confidence: 6}
  - id: growth
    title: "=SUM(A1:A9) looks like a formula but is a title"
    team: Growth
    level: team
    parent: company
    cycle: 2026Q3
    key_results:
      - statement: "+5 points of activation, from 42% to 65%"
        kpi: activation_rate
        baseline: 42
        target: 65
        current: 47.5
        unit: "%"
        guardrail: false
        checkins:
          - {date: 2026-07-06, value: 42.7, confidence: 5}
      - id: growth.kr2
        statement: "-2 days: cut time-to-first-value from 5 days to 3 days"
        kpi: time_to_first_value
        baseline: 5
        target: 3
        unit: days
        direction: decrease
        pay_linked: true
  - id: priya
    title: "@channel: ship the onboarding checklist"
    owner: Priya Raman
    level: person
    parent: growth
    key_results:
      - id: priya.kr1
        statement: Launch the onboarding checklist by 2026-08-15
        direction: milestone
kpis:
  - {name: nrr, threshold: 105, value: 104, unit: "%", owner: Finance}
  - {name: activation_rate, threshold: 50, value: 42, better: higher, unit: "%"}
  - name: time_to_first_value
    threshold: 4
    value: 5
    better: lower
    unit: days
    description: "Days from sign-up to the first dashboard shared, tab:\\there"
"""


@pytest.fixture
def rich(tmp_path: Path) -> okr.OKRFile:
    path = tmp_path / "rich.yaml"
    path.write_text(RICH, encoding="utf-8")
    return read_okr_file(path)


def _same(a: okr.OKRFile, b: okr.OKRFile, *, exact: bool = True) -> None:
    for name in ("okrs", "kpis", "objectives", "checkins"):
        left, right = getattr(a, name), getattr(b, name)
        if left is None or right is None:
            assert left is None and right is None, name
            continue
        pd.testing.assert_frame_equal(
            left.drop(columns="line"),
            right.drop(columns="line"),
            obj=name,
            check_exact=exact,
            rtol=1e-14,
        )


def test_rich_file_reads_as_documented(rich: okr.OKRFile) -> None:
    okrs = rich.okrs.set_index("kr_id")
    assert list(okrs.index) == ["company.kr1", "growth.kr1", "growth.kr2", "priya.kr1"]
    # current: the latest check-in unless the file gives one.
    assert okrs.loc["company.kr1", "current"] == 105.25
    assert okrs.loc["growth.kr1", "current"] == 47.5
    assert pd.isna(okrs.loc["priya.kr1", "current"])
    # Defaults: the file's cycle and pay_linked, the KR's own where given.
    assert okrs["cycle"].tolist() == ["2026Q3"] * 4
    assert okrs["pay_linked"].tolist() == [False, False, True, False]
    assert okrs.loc["growth.kr1", "parent_id"] == "company"
    assert rich.objectives["parent_id"].tolist() == [None, "company", "growth"]
    assert rich.company == "Acme Analytics — Zürich"
    assert rich.checkins["date"].dtype == "datetime64[ns]"
    assert rich.kpis.loc[0, "better"] == "higher"  # the default
    assert okrs.loc["company.kr1", "line"] == 12


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", ["sample", "rich"])
def test_round_trip_each_format(tmp_path, rich, fmt, source) -> None:
    original = rich if source == "rich" else read_okr_file(SAMPLE)
    out = write_okr_file(original, tmp_path / f"copy{fmt}")
    back = read_okr_file(out)
    _same(original, back)
    assert back.path == str(out)


def test_round_trip_through_every_format_in_turn(tmp_path, rich) -> None:
    current = rich
    for i, fmt in enumerate((".csv", ".xlsx", ".yml", ".xlsx", ".csv", ".yaml")):
        current = read_okr_file(write_okr_file(current, tmp_path / f"step{i}{fmt}"))
    _same(rich, current)


def test_csv_keeps_kpis_and_checkins_in_side_files(tmp_path, rich) -> None:
    out = write_okr_file(rich, tmp_path / "okrs.csv")
    kpis, checkins = side_files(out)
    assert kpis.name == "okrs.kpis.csv" and checkins.name == "okrs.checkins.csv"
    assert pd.read_csv(kpis)["kpi"].tolist() == ["nrr", "activation_rate", "time_to_first_value"]
    assert len(pd.read_csv(checkins)) == 3
    rows = pd.read_csv(out, dtype=str)
    assert len(rows) == 4  # one row per key result


def test_excel_has_one_sheet_per_table(tmp_path, rich) -> None:
    out = write_okr_file(rich, tmp_path / "okrs.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["objectives", "key_results", "kpis", "checkins"]
    assert [c.value for c in book["key_results"][1]][:3] == ["objective_id", "kr_id", "statement"]


@pytest.mark.parametrize("fmt", [".csv", ".xlsx"])
def test_formula_text_is_neutralised_in_tables(tmp_path, rich, fmt) -> None:
    out = write_okr_file(rich, tmp_path / f"okrs{fmt}")
    if fmt == ".xlsx":
        book = openpyxl.load_workbook(out)
        cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert all(c.data_type != "f" for c in cells), "no cell may be a formula"
    else:
        texts = []
        for path in (out, *side_files(out)):
            texts += [
                v for v in pd.read_csv(path, dtype=str).to_numpy().ravel() if isinstance(v, str)
            ]
    risky = [t for t in texts if t[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert risky == []
    assert "'=SUM(A1:A9) looks like a formula but is a title" in texts
    assert "'+5 points of activation, from 42% to 65%" in texts
    assert "'@channel: ship the onboarding checklist" in texts
    assert '\'=HYPERLINK("x")' in texts
    # ... and the reader gives the text back as it was written.
    back = read_okr_file(out)
    assert back.objectives.loc[1, "objective"].startswith("=SUM(A1:A9)")


def test_numbers_stay_numbers_in_excel(tmp_path, rich) -> None:
    out = write_okr_file(rich, tmp_path / "okrs.xlsx")
    ws = openpyxl.load_workbook(out)["key_results"]
    header = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    assert row[header.index("baseline")] == 104 and row[header.index("target")] == 112
    assert row[header.index("committed")] is True


def test_writing_never_replaces_the_source_or_an_existing_file(tmp_path, rich) -> None:
    source = tmp_path / "rich.yaml"
    before = source.read_bytes()
    with pytest.raises(okr.OKRDataError, match="refusing to write over a file"):
        write_okr_file(rich, source, overwrite=True)
    assert source.read_bytes() == before
    other = tmp_path / "other.yaml"
    other.write_text("keep me")
    with pytest.raises(okr.OKRDataError, match="already exists"):
        write_okr_file(rich, other)
    assert other.read_text() == "keep me"
    write_okr_file(rich, other, overwrite=True)
    _same(rich, read_okr_file(other))


def test_a_failed_write_leaves_no_file_behind(tmp_path, rich, monkeypatch) -> None:
    import okr_toolkit._atomic as atomic

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_okr_file(rich, tmp_path / "okrs.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rich.yaml"]


def test_overwriting_a_csv_removes_stale_side_files(tmp_path, rich) -> None:
    out = write_okr_file(rich, tmp_path / "okrs.csv")
    bare = okr.OKRFile(rich.path, rich.okrs.assign(current=None), None, rich.objectives, None)
    write_okr_file(bare, out, overwrite=True)
    assert not any(p.exists() for p in side_files(out))
    assert read_okr_file(out).kpis is None


def test_unknown_suffix_to_write(tmp_path, rich) -> None:
    with pytest.raises(okr.OKRDataError, match=r"use \.yaml, \.csv or \.xlsx"):
        write_okr_file(rich, tmp_path / "okrs.json")


def test_every_problem_is_reported_at_once(tmp_path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n"
        "  - id: sales\n"
        "    title: Shorten the sales cycle\n"
        "    key_results:\n"
        "      - statement: Cut sales cycle\n"
        "        baseline: 45\n"
        "        target: 45\n"
        "        unit: dayz\n"
        "      - statment: Close 30 deals\n"
        "  - id: sales\n"
        "    titel: Again\n",
        encoding="utf-8",
    )
    with pytest.raises(OKRFileError) as caught:
        read_okr_file(path)
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == [(9, 9), (11, 5)], "structure first"
    assert "did you mean 'statement'?" in problems[0].fix
    assert "did you mean 'title'?" in problems[1].fix
    path.write_text(
        path.read_text().replace("statment", "statement").replace("titel", "title"),
        encoding="utf-8",
    )
    with pytest.raises(OKRFileError) as caught:
        read_okr_file(path)
    text = str(caught.value)
    assert text.splitlines()[0] == f"{path}: 3 problems"
    assert (
        f"{path} line 8 column 15: key result 'Cut sales cycle': unknown unit 'dayz'; "
        "did you mean 'days'?"
    ) in text
    assert (
        f"{path} line 7 column 17: key result 'Cut sales cycle': target 45 equals baseline 45; "
        "a key result must move its metric; set a target different from the baseline"
    ) in text
    assert f"{path} line 10 column 9: objective id 'sales' is used twice (first at line 2)" in text


def test_yaml_is_never_executed(tmp_path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "okrs.yaml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(OKRFileError, match=r"tag !!python/object/apply:os\.system is not allowed"):
        read_okr_file(path)
    assert not marker.exists()


def test_huge_files_are_refused_before_parsing(tmp_path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(OKRFileError, match="the limit is 20 MB"):
        read_okr_file(path)


# ---------------------------------------------------------------- the schema


def test_published_schema_is_the_generated_one() -> None:
    published = json.loads(schema_path().read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate it from okr_toolkit.io.schema._dump_schema()"
    assert (REPO / "okr_toolkit" / "okr_file.schema.json").samefile(schema_path())


def _validator():
    import jsonschema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_json(path: Path) -> object:
    # JSON Schema sees YAML dates as text, as an editor's YAML language server does.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("name", ["sample_okrs.yaml", "acme_okrs.yaml"])
def test_shipped_files_match_the_schema(name) -> None:
    path = ds.data_path(name)
    if not Path(path).exists():
        pytest.skip(f"{name} is not in this checkout")
    errors = list(_validator().iter_errors(_as_json(Path(path))))
    assert errors == []


def test_schema_and_reader_agree_on_bad_files(tmp_path, rich) -> None:
    validator = _validator()
    bad = yaml.safe_load(RICH)
    bad["objectives"][0]["key_results"][0]["unit"] = "dayz"
    bad["objectives"][0]["titel"] = "typo"
    assert len(list(validator.iter_errors(json.loads(json.dumps(bad, default=str))))) == 2
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(OKRFileError):
        read_okr_file(path)
    written = write_okr_file(rich, tmp_path / "again.yaml")
    assert list(validator.iter_errors(_as_json(written))) == []


def test_the_format_document_names_every_field() -> None:
    doc = (REPO / "docs" / "okr-file-format.md").read_text(encoding="utf-8")
    for fields in (TOP_FIELDS, OBJECTIVE_FIELDS, KR_FIELDS, KPI_FIELDS, CHECKIN_FIELDS):
        for name in fields:
            assert re.search(rf"\b{name}:", doc), name
    for unit in KNOWN_UNITS:
        assert f"`{unit}`" in doc, unit


# ---------------------------------------------------------------- properties

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s.strip() != "")
_ident = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
_number = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def okr_documents(draw) -> dict:
    obj_ids = draw(st.lists(_ident, min_size=1, max_size=4, unique=True))
    kpi_names = draw(st.lists(_ident, max_size=3, unique=True))
    objectives = []
    for i, obj_id in enumerate(obj_ids):
        obj: dict = {"id": obj_id, "title": draw(_text)}
        if i and draw(st.booleans()):
            obj["parent"] = obj_ids[draw(st.integers(0, i - 1))]
        if draw(st.booleans()):
            obj["owner"] = draw(_text)
        krs = []
        for j in range(draw(st.integers(0, 3))):
            kr: dict = {"id": f"{obj_id}.k{j}", "statement": draw(_text)}
            base, gain = draw(_number), draw(st.floats(1, 1e6).map(lambda x: round(x, 2)))
            if draw(st.booleans()):
                kr.update(baseline=base, target=base + gain, direction="increase")
            if kpi_names and draw(st.booleans()):
                kr["kpi"] = draw(st.sampled_from(kpi_names))
            if draw(st.booleans()):
                kr["unit"] = draw(st.sampled_from(KNOWN_UNITS))
            if draw(st.booleans()):
                kr["guardrail"] = draw(st.booleans())
            days = draw(st.lists(st.integers(0, 90), max_size=3, unique=True))
            if days:
                kr["checkins"] = [
                    {
                        "date": pd.Timestamp("2026-07-06").date() + pd.Timedelta(days=d),
                        "value": draw(_number),
                        "confidence": draw(st.integers(0, 10)),
                    }
                    for d in days
                ]
            krs.append(kr)
        obj["key_results"] = krs
        objectives.append(obj)
    doc: dict = {"version": 1, "cycle": draw(_text), "objectives": objectives}
    if kpi_names:
        doc["kpis"] = [{"name": n, "threshold": draw(_number)} for n in kpi_names]
    return doc


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=okr_documents(), fmt=st.sampled_from(FORMATS))
def test_any_valid_file_round_trips(tmp_path_factory, doc, fmt) -> None:
    folder = tmp_path_factory.mktemp("rt")
    source = folder / "source.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = read_okr_file(source)
    back = read_okr_file(write_okr_file(original, folder / f"copy{fmt}"))
    # Excel keeps 15 significant digits, so 285640.38800000004 comes back as 285640.388.
    _same(original, back, exact=fmt != ".xlsx")
    assert len(back.okrs) == sum(len(o["key_results"]) for o in doc["objectives"])


def test_written_yaml_reads_like_the_documented_files(tmp_path, rich) -> None:
    text = write_okr_file(rich, tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert text.startswith("# OKR file, format version 1")
    assert "\nobjectives:\n  - id: company\n    title: " in text  # list items indented
    assert "\n    key_results:\n      - id: company.kr1\n" in text
    assert "\n        checkins:\n          - date: 2026-07-06\n" in text


# ---------------------------------------------------------------- from memory (stdin, uploads)

BAD_FILES = REPO / "tests" / "bad_files"


def _problems(err: OKRFileError, name: str, as_name: str) -> list[str]:
    return [str(p).replace(name, as_name) for p in err.problems]


@pytest.mark.parametrize("name", ["sample_okrs.yaml", "acme_okrs.yaml"])
def test_data_in_memory_reads_like_the_file(name: str) -> None:
    from okr_toolkit.io import read_okr_data

    path = ds.data_path(name)
    from_file = read_okr_file(path)
    for data in (path.read_bytes(), path.read_text(encoding="utf-8")):
        from_data = read_okr_data(data, format="yaml", name="<stdin>")
        assert from_data.path == "<stdin>"
        _same(from_file, from_data)
        assert from_data.okrs["line"].tolist() == from_file.okrs["line"].tolist()


def test_excel_and_csv_bytes_read_like_their_files(tmp_path, rich) -> None:
    from okr_toolkit.io import read_okr_data

    xlsx = write_okr_file(rich, tmp_path / "okrs.xlsx")
    _same(read_okr_file(xlsx), read_okr_data(xlsx.read_bytes(), format="xlsx", name="upload.xlsx"))
    bare = okr.OKRFile(rich.path, rich.okrs, None, rich.objectives, None)
    csv_path = write_okr_file(bare, tmp_path / "okrs.csv")
    from_data = read_okr_data(csv_path.read_text(encoding="utf-8"), format="csv", name="<stdin>")
    _same(read_okr_file(csv_path), from_data)
    assert from_data.kpis is None and len(from_data.checkins) == 0  # no side files in memory


def _without_side_files(path: Path) -> bool:
    return not any(side.exists() for side in side_files(path))


@pytest.mark.parametrize(
    "path",
    sorted(BAD_FILES.glob("yaml_*.yaml"))
    + [p for p in sorted(BAD_FILES.glob("csv_*.csv")) if p.name.count(".") == 1]
    + [p for p in sorted(BAD_FILES.glob("valid_*")) if p.name.count(".") == 1],
    ids=lambda p: p.name,
)
def test_every_bad_file_reports_the_same_problems_from_memory(path: Path) -> None:
    """The same problems, at the same lines, rows and columns, named after the input."""
    from okr_toolkit.io import read_okr_data

    if not _without_side_files(path):
        pytest.skip("its KPIs or check-ins are in side files, which memory does not have")
    fmt = "yaml" if path.suffix in (".yaml", ".yml") else "csv"
    try:
        from_file = read_okr_file(path)
    except OKRFileError as err:
        expected = [
            p.replace("the file is empty", "the input is empty")
            for p in _problems(err, str(path), "<stdin>")
        ]
    else:
        _same(from_file, read_okr_data(path.read_bytes(), format=fmt, name="<stdin>"))
        return
    with pytest.raises(OKRFileError) as info:
        read_okr_data(path.read_bytes(), format=fmt, name="<stdin>")
    assert [str(p) for p in info.value.problems] == expected
    assert all(p.file == "<stdin>" for p in info.value.problems)


def test_the_format_can_be_given_for_a_file_without_a_suffix(tmp_path) -> None:
    path = tmp_path / "okrs"  # as /dev/fd/63 from <(...) in a shell
    path.write_bytes(ds.data_path("sample_okrs.yaml").read_bytes())
    with pytest.raises(OKRFileError, match="unknown file type"):
        read_okr_file(path)
    _same(read_okr_file(path, format="yaml"), read_okr_file(ds.data_path("sample_okrs.yaml")))
    with pytest.raises(ValueError, match="`format` must be one of yaml, csv, xlsx"):
        read_okr_file(path, format="json")


def test_data_in_memory_is_checked_for_size_and_content() -> None:
    from okr_toolkit.io import read_okr_data

    with pytest.raises(OKRFileError, match="<stdin>: the input is empty"):
        read_okr_data(b"  \n", name="<stdin>")
    with pytest.raises(OKRFileError, match="more than 20 MB"):
        read_okr_data(b"#" * (MAX_FILE_BYTES + 1), name="<stdin>")
    with pytest.raises(OKRFileError, match=r"<stdin> line 2: the file is not UTF-8"):
        read_okr_data(b"objectives:\n\xff\xfe\n", name="<stdin>")
    with pytest.raises(TypeError, match="Excel workbook is bytes"):
        read_okr_data("x", format="xlsx")
    with pytest.raises(OKRFileError, match="not a readable Excel workbook"):
        read_okr_data(b"not a zip", format="xlsx", name="<stdin>")
    with pytest.raises(OKRFileError, match="aliases"):
        read_okr_data("a: &x 1\nb: *x\n", name="<stdin>")


def test_a_zero_to_ten_file_with_some_ones_gets_no_probability_warning():
    # Confidences 1 beside 4, 7, 9 are plainly on 0-10: nothing to say (the shipped
    # Acme file printed a warning on every command).
    import okr_toolkit as okr

    acme = okr.read_okr_file(okr.datasets.data_path("acme_okrs.yaml"))
    assert acme.warnings == ()
