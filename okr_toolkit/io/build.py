"""From a read document to an OKR file: every check, every problem at once.

:func:`build` checks the :class:`~okr_toolkit.io.model.Document` a reader made
and returns the tidy frames of an :class:`~okr_toolkit.io.model.OKRFile`
(:mod:`okr_toolkit.io.frames`), or raises
:class:`~okr_toolkit.io.model.OKRFileError` listing every problem found, each
at its line or row and column, with a fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from okr_toolkit._dates import cycle_bounds
from okr_toolkit.io.coerce import Coerce, blank, nearest, show
from okr_toolkit.io.fields import (
    CHECKIN_FIELDS,
    FORMAT_VERSION,
    KPI_FIELDS,
    KR_FIELDS,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
)
from okr_toolkit.io.frames import frames
from okr_toolkit.io.model import Cell, Document, OKRFile, Problems, Record
from okr_toolkit.io.numbers import read_number, scaled

__all__ = ["build"]


def _missing(rec: Record, column: str) -> Record | Cell:
    """Where a missing field is reported: the mapping (YAML) or the row's column (tables)."""
    if isinstance(rec.column, int) or rec.line is None:
        return rec
    return Cell(None, rec.line, column, rec.sheet, file=rec.file)


def _label(rec: Record, kr: bool = True) -> str:
    statement = rec.fields.get("statement")
    if (
        kr
        and statement is not None
        and isinstance(statement.value, str)
        and statement.value.strip()
    ):
        text = statement.value.strip()
        return f"key result {text if len(text) <= 40 else text[:37] + '...'!r}"
    return "key result"


def _typed(
    rec: Record, schema: dict[str, str], coerce: Coerce, what: str, skip: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        name: coerce.value(rec.fields.get(name), kind, name, what)
        for name, kind in schema.items()
        if kind != "list" and name not in skip
    }


#: One checked objective, key result, KPI or check-in: its typed fields, plus
#: ``_rec`` (the record it came from) and, for a key result, ``_obj`` (its objective).
Row = dict[str, Any]


def build(doc: Document) -> OKRFile:
    """Check a read document and return its frames, or raise every problem at once.

    The steps follow what refers to what: the top of the file; the objectives
    and their parent links; the KPIs; the key results, which name an objective
    and a KPI; the check-ins, which name a key result. Each step reports its
    problems and goes on; all of them are raised together at the end, in file
    order.
    """
    p = Problems(doc.path)
    p.notes.extend(doc.notes)
    coerce = Coerce(p, *_number_style(doc))
    top = _top(doc, coerce, p)
    objectives = _objectives(doc, coerce, p)
    _check_parents(objectives, p)
    _check_cycles(objectives, p)
    kpis = _kpis(doc, coerce, p)
    krs = _key_results(doc, objectives, kpis, coerce, p)
    checkins = _checkins(doc, top, krs, coerce, p)
    p.raise_if_any()
    return frames(doc, top, objectives, krs, kpis, checkins, tuple(p.notes))


def _number_style(doc: Document) -> tuple[str | None, str | None]:
    """What the file's numbers written as text show of its separators, for the ambiguous ones.

    First, why a comma may be a decimal comma here: the file's separator
    (semicolons), or the first number written the continental way (``42,5``,
    ``1.000.000``); then ``1,500`` is ambiguous. Second, why a dot may group
    thousands: no number written as text has a decimal point (``42.5``); then
    ``1.500`` is ambiguous. Numbers a spreadsheet stores as numbers, and YAML
    numbers (typed by YAML's own rules), show nothing either way.
    """
    continental = doc.decimal_comma
    point = False
    for records, schema in (
        (doc.krs, KR_FIELDS),
        (doc.kpis or [], KPI_FIELDS),
        (doc.checkins, CHECKIN_FIELDS),
    ):
        for rec in records:
            for name, cell in rec.fields.items():
                if schema.get(name) != "number":
                    continue
                text = cell.value if cell.text else None  # a table's text
                if not isinstance(text, str):
                    continue
                reading = read_number(text)
                if reading.continental and continental is None:
                    continental = f"writes {text.strip()!r} {_place(cell)}"
                point = point or reading.point
    dots = None if point else "has no number with a decimal point to show how it writes them"
    return continental, dots


def _place(cell: Cell) -> str:
    """Where a cell is, in words for a message: ``on row 7`` or ``in okrs.kpis.csv row 3``."""
    where = "on" if cell.file is None and cell.sheet is None else "in"
    parts = [p for p in (cell.file, f"sheet {cell.sheet!r}" if cell.sheet else None) if p]
    row = f"row {cell.line}" if cell.text or cell.sheet else f"line {cell.line}"
    return " ".join([where, *parts, row])


def _top(doc: Document, coerce: Coerce, p: Problems) -> dict[str, Any]:
    """The file's own fields (company, cycle, pay_linked), and a check of its version."""
    top = {
        k: coerce.value(doc.top.get(k), kind, k, "file")
        for k, kind in TOP_FIELDS.items()
        if kind not in ("list", "version")
    }
    version = doc.top.get("version")
    if version is not None and version.value != FORMAT_VERSION:
        p.at(
            version,
            f"format version {show(version.value)} is not supported",
            f"this toolkit reads version {FORMAT_VERSION}",
        )
    return top


def _objectives(doc: Document, coerce: Coerce, p: Problems) -> list[Row]:
    """Each objective with its id and title, each id used once; at least one objective."""
    objectives: list[Row] = []
    seen: dict[str, Record] = {}
    for rec in doc.objectives:
        ident = coerce.value(rec.fields.get("id"), "id", "id", "objective")
        label = f"objective {ident!r}" if ident else "objective"
        row = _typed(rec, OBJECTIVE_FIELDS, coerce, label, skip=("id",))
        if not ident:
            if _absent(rec, "id"):
                p.at(
                    _missing(rec, "objective_id"),
                    "objective is missing 'id'",
                    "give it a short unique id, e.g. growth",
                )
        else:
            _once(
                p, seen, ident, rec, rec.fields["id"],
                f"objective id {ident!r} is used twice", "give each objective its own id",
            )  # fmt: skip
        if not row["title"] and _absent(rec, "title"):
            p.at(
                _missing(rec, "objective"),
                f"{label} is missing 'title'",
                "add title: the objective in words",
            )
        row["id"] = ident
        row["_rec"] = rec
        objectives.append(row)
    if not doc.objectives:
        p.at(
            None,
            "the file has no objectives",
            "add at least one objective (okr new writes a starter)",
        )
    return objectives


def _check_parents(objectives: list[Row], p: Problems) -> None:
    """Each parent is another objective of the file (loops: :func:`_check_cycles`)."""
    ids = {o["id"] for o in objectives if o["id"]}
    for o in objectives:
        parent = o["parent"]
        if parent and parent not in ids:
            p.at(
                o["_rec"].fields["parent"],
                f"objective {o['id']!r}: parent {parent!r} is not an objective in this file",
                f"{nearest(parent, ids)}use the id of another objective, or leave parent out",
            )
        elif parent and parent == o["id"]:
            p.at(
                o["_rec"].fields["parent"],
                f"objective {o['id']!r} is its own parent",
                "remove parent",
            )


def _kpis(doc: Document, coerce: Coerce, p: Problems) -> list[Row] | None:
    """Each KPI with its name and threshold, each listed once; None when the file has none."""
    if doc.kpis is None:
        return None
    kpis: list[Row] = []
    seen: dict[str, Record] = {}
    for rec in doc.kpis:
        name = coerce.value(rec.fields.get("name"), "id", "name", "KPI")
        label = f"KPI {name!r}" if name else "KPI"
        row = _typed(rec, KPI_FIELDS, coerce, label, skip=("name",))
        _percent_cells(row, rec, ("threshold", "value"), row["unit"], label, "KPI", p)
        if not name:
            if _absent(rec, "name"):
                p.at(
                    _missing(rec, "kpi"),
                    "KPI is missing 'name'",
                    "add name: the KPI's id, e.g. activation_rate",
                )
        else:
            _once(
                p, seen, name, rec, rec.fields["name"],
                f"KPI {name!r} is listed twice", "list each KPI once",
            )  # fmt: skip
        if row["threshold"] is None and _absent(rec, "threshold"):
            p.at(
                _missing(rec, "threshold"),
                f"{label} is missing 'threshold'",
                "add threshold: the healthy line",
            )
        row["kpi"] = name
        row["_rec"] = rec
        kpis.append(row)
    return kpis


def _key_results(
    doc: Document,
    objectives: list[Row],
    kpis: list[Row] | None,
    coerce: Coerce,
    p: Problems,
) -> list[Row]:
    """Each key result, with its id (given, or ``<objective>.kr<n>``) and its objective."""
    by_obj = {o["id"]: o for o in objectives if o["id"]}
    kpi_names = None if kpis is None else {k["kpi"] for k in kpis if k["kpi"]}
    rows: list[Row] = []
    seen: dict[str, Record] = {}
    for rec in doc.krs:
        label = _label(rec)
        row = _typed(rec, KR_FIELDS, coerce, label, skip=("id",))
        _percent_cells(
            row, rec, ("baseline", "target", "current"), row["unit"], label, "key result", p
        )
        _percent_weight(row, rec, label, p)
        if not row["statement"] and _absent(rec, "statement"):
            p.at(
                _missing(rec, "statement"),
                "key result is missing 'statement'",
                "add statement: the key result as a sentence",
            )
        obj_id = rec.owner
        ident = coerce.value(rec.fields.get("id"), "id", "id", label)
        if not ident and obj_id:
            ident = f"{obj_id}.kr{rec.index + 1}"
        if ident:
            _once(
                p, seen, ident, rec, rec.fields.get("id") or rec,
                f"key result id {ident!r} is used twice", "give each key result its own id",
            )  # fmt: skip
        if obj_id is not None and obj_id not in by_obj and rec.owner_cell is not None:
            p.at(
                rec.owner_cell,
                f"{label}: objective {obj_id!r} is not an objective in this file",
                f"{nearest(obj_id, by_obj)}use the id of an objective",
            )
        _check_key_result(row, rec, label, kpi_names, p)
        row["kr_id"] = ident
        row["objective_id"] = obj_id
        row["_obj"] = by_obj.get(obj_id or "")
        row["_rec"] = rec
        rows.append(row)
    return rows


def _check_key_result(
    row: Row, rec: Record, label: str, kpi_names: set[str] | None, p: Problems
) -> None:
    """A key result's values agree: it moves its metric, the way its direction says; its
    weight is not negative; its KPI is listed (when the file lists KPIs)."""
    baseline, target, direction = row["baseline"], row["target"], row["direction"]
    linear = direction in (None, "increase", "decrease")
    if linear and baseline is not None and target is not None and baseline == target:
        p.at(
            rec.fields["target"],
            f"{label}: target {_num(target)} equals baseline "
            f"{_num(baseline)}; a key result must move its metric",
            "set a target different from the baseline",
        )
    if row["weight"] is not None and row["weight"] < 0:
        p.at(
            rec.fields["weight"],
            f"{label}: weight {_num(row['weight'])} is negative",
            "use a weight of 0 or more",
        )
    if row["kpi"] and kpi_names is not None and row["kpi"] not in kpi_names:
        p.at(
            rec.fields["kpi"],
            f"{label}: KPI {row['kpi']!r} is not listed under kpis",
            f"{nearest(row['kpi'], kpi_names)}add it to kpis, or fix the name",
        )
    if direction in ("increase", "decrease") and None not in (baseline, target):
        moves_up = target > baseline
        if moves_up != (direction == "increase") and baseline != target:
            p.at(
                rec.fields["direction"],
                f"{label}: direction {direction} but the target "
                f"{_num(target)} is {'above' if moves_up else 'below'} the baseline "
                f"{_num(baseline)}",
                "swap baseline and target, or fix the direction",
            )


def _checkins(
    doc: Document, top: dict[str, Any], krs: list[Row], coerce: Coerce, p: Problems
) -> list[Row]:
    """Each check-in with its date and value, of a key result of the file, one per date,
    dated within its key result's cycle; confidences on one scale for the whole file."""
    kr_ids = dict.fromkeys(r["kr_id"] for r in krs if r["kr_id"])
    by_id = {r["kr_id"]: r for r in krs if r["kr_id"]}
    rows: list[Row] = []
    seen: dict[tuple[str, dt.date], Record] = {}
    for rec in doc.checkins:
        kr_id = rec.owner
        label = f"check-in of {kr_id!r}" if kr_id else "check-in"
        row = _typed(rec, CHECKIN_FIELDS, coerce, label)
        kr = by_id.get(kr_id or "")
        if kr is not None:
            _percent_cells(row, rec, ("value",), kr["unit"], label, "key result", p)
        conf = rec.fields.get("confidence")
        if conf is not None and conf.percent and row["confidence"] is not None:
            shown = scaled(row["confidence"], 2)
            p.at(
                conf,
                f"{label}: confidence is a cell formatted as a percentage (it shows "
                f"{_num(shown)}%)",
                f"rate confidence from 0 (no chance) to 10 (certain): write {_num(shown / 10)} "
                "in a cell formatted as a number",
            )
            row["confidence"] = None
        for need, fix in (
            ("date", "add date: YYYY-MM-DD"),
            ("value", "add value: the metric's reading"),
        ):
            if row[need] is None and _absent(rec, need):
                p.at(_missing(rec, need), f"{label} is missing '{need}'", fix)
        if kr_id is not None and kr_id not in kr_ids and rec.owner_cell is not None:
            p.at(
                rec.owner_cell,
                f"{label}: key result {kr_id!r} is not in this file",
                f"{nearest(kr_id, kr_ids)}use the kr_id of a key result",
            )
        if row["confidence"] is not None and not 0 <= row["confidence"] <= 10:
            p.at(
                rec.fields["confidence"],
                f"{label}: confidence {_num(row['confidence'])} is outside 0-10",
                "rate confidence from 0 (no chance) to 10 (certain)",
            )
        if kr is not None and row["date"] is not None:
            _check_cycle(row["date"], _cycle_of(kr, top), rec.fields["date"], label, p)
        if kr_id and row["date"] is not None:
            _once(
                p, seen, (kr_id, row["date"]), rec, rec.fields["date"],
                f"{label}: two check-ins on {row['date']}", "keep one check-in per date",
            )  # fmt: skip
        row["kr_id"] = kr_id
        row["_rec"] = rec
        rows.append(row)
    _confidence_scale(rows, p)
    return rows


def _cycle_of(kr: Row, top: dict[str, Any]) -> Any:
    obj = kr["_obj"] or {}
    return obj.get("cycle") if obj.get("cycle") is not None else top["cycle"]


def _check_cycle(day: dt.date, cycle: Any, cell: Cell, label: str, p: Problems) -> None:
    """A check-in dated outside its key result's cycle (a year typo, last quarter's data)
    would become the current value: refused, with the cycle's dates."""
    bounds = cycle_bounds(cycle)
    if bounds is None:
        return
    start, end = bounds
    if start <= day <= end:
        return
    hint = ""
    try:
        meant = day.replace(year=start.year)
    except ValueError:  # 29 February
        meant = None
    if meant is not None and start <= meant <= end:
        hint = f"did you mean {meant.isoformat()}? "
    p.at(
        cell,
        f"{label}: date {day.isoformat()} is outside the cycle {cycle} "
        f"({start.isoformat()} to {end.isoformat()})",
        f"{hint}date each check-in within its key result's cycle, or move check-ins of "
        "another cycle to that cycle's file",
    )


def _confidence_scale(rows: list[Row], p: Problems) -> None:
    """One scale for every confidence of the file, decided on all of them, never per value.

    The format's scale is 0-10. Confidences that all lie in 0-1 with some in between
    (0.7, 0.85) are probabilities: put on 0-10 (times 10), and said. Fractions below 1
    beside values above 1 mix the two scales: refused. Confidences that are all 0 or 1
    are read on 0-10, as the format says, and said, since they could be probabilities.
    """
    rated = [r for r in rows if r["confidence"] is not None and 0 <= r["confidence"] <= 10]
    if not rated:
        return
    fractions = [r for r in rated if 0 < r["confidence"] < 1]
    above = [r for r in rated if r["confidence"] > 1]
    first = min(rated, key=_file_order)
    if fractions and above:
        low = min(fractions, key=_file_order)
        high = min(above, key=_file_order)
        p.at(
            low["_rec"].fields["confidence"],
            f"check-in of {low['kr_id']!r}: confidence {_num(low['confidence'])} reads as a "
            f"0-1 probability, but {_where_cell(high['_rec'].fields['confidence'])} rates "
            f"{_num(high['confidence'])} on 0-10: the file mixes two scales",
            "put every confidence on one scale, 0 (no chance) to 10 (certain): "
            f"{_num(low['confidence'])} as a probability is {_num(scaled(low['confidence'], 1))}",
        )
    elif fractions:
        example = min(fractions, key=_file_order)["confidence"]
        for r in rated:
            r["confidence"] = scaled(r["confidence"], 1)
        p.note(
            first["_rec"].fields["confidence"],
            f"every confidence in the file lies between 0 and 1 ({len(rated)} of them, such as "
            f"{_num(example)}): they are read as probabilities",
            "put on the format's 0-10 scale (each times 10); write them 0-10 to keep the "
            "file as read",
        )
    elif not above and any(r["confidence"] == 1 for r in rated):
        p.note(
            first["_rec"].fields["confidence"],
            f"every confidence in the file is 0 or 1 ({len(rated)} of them): read on the "
            "format's 0-10 scale, where 1 is a 1-in-10 chance",
            "if they are probabilities, write 10 for 1",
        )


def _file_order(row: Row) -> tuple[str, int]:
    rec = row["_rec"]
    return (rec.file or "", rec.line or 0)


def _where_cell(cell: Cell) -> str:
    if cell.file is None and cell.sheet is None and not cell.text:
        return f"line {cell.line}"
    return _place(cell).removeprefix("on ").removeprefix("in ")


_PERCENT_UNITS = ("%", "pp")


def _percent_cells(
    row: Row, rec: Record, names: tuple[str, ...], unit: Any, label: str, what: str, p: Problems
) -> None:
    """Spreadsheet cells formatted as a percentage hold 0.42 and show 42%: read as 42
    where the unit is per cent (and said), as they are for a ratio, refused otherwise."""
    for name in names:
        cell = rec.fields.get(name)
        if cell is None or not cell.percent or row[name] is None:
            continue
        held = row[name]
        shown = scaled(held, 2)
        if unit in _PERCENT_UNITS:
            row[name] = shown
            p.note(
                cell,
                f"{label}: {name} is a cell formatted as a percentage: it holds {_num(held)} "
                f"and shows {_num(shown)}%",
                f"read as {_num(shown)} (the {what}'s unit is {unit})",
            )
        elif unit == "ratio":
            continue
        elif unit is None:
            p.at(
                cell,
                f"{label}: {name} is a cell formatted as a percentage (it shows "
                f"{_num(shown)}%, it holds {_num(held)}), and the {what} has no unit",
                f"give it the unit % to read it as {_num(shown)} (or ratio for {_num(held)}), "
                "or type the number in a cell formatted as a number",
            )
            row[name] = None
        else:
            p.at(
                cell,
                f"{label}: {name} is a cell formatted as a percentage (it shows "
                f"{_num(shown)}%), but the {what}'s unit is {unit}",
                "format the cell as a number, or fix the unit",
            )
            row[name] = None


def _percent_weight(row: Row, rec: Record, label: str, p: Problems) -> None:
    """A weight formatted as a percentage (60%) is read as shown (60), and said."""
    cell = rec.fields.get("weight")
    if cell is None or not cell.percent or row["weight"] is None:
        return
    held = row["weight"]
    row["weight"] = scaled(held, 2)
    p.note(
        cell,
        f"{label}: weight is a cell formatted as a percentage: it holds {_num(held)} and "
        f"shows {_num(row['weight'])}%",
        f"read as {_num(row['weight'])}, as shown",
    )


def _absent(rec: Record, name: str) -> bool:
    """The field is left out or blank (a value that is there but unreadable is reported
    by the type check instead)."""
    cell = rec.fields.get(name)
    return cell is None or blank(cell.value)


def _once(
    p: Problems,
    seen: dict[Any, Record],
    key: Any,
    rec: Record,
    where: Cell | Record,
    message: str,
    fix: str,
) -> None:
    """Remember ``key``; if it was seen before, report ``message`` and where it first was."""
    if key in seen:
        p.at(where, f"{message} (first at {_where(seen[key])})", fix)
    else:
        seen[key] = rec


def _num(x: float) -> str:
    return f"{x:g}"


def _where(rec: Record) -> str:
    if rec.line is None:
        return "another place"
    return f"line {rec.line}" if isinstance(rec.column, int) else f"row {rec.line}"


def _check_cycles(objectives: list[Row], p: Problems) -> None:
    """Report each loop of parent links once, at the first objective of the loop in the file."""
    parent = {o["id"]: o["parent"] for o in objectives if o["id"]}
    recs = {o["id"]: o["_rec"] for o in objectives if o["id"]}
    reported: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node is None or node not in path:
            continue
        loop = path[path.index(node) :]
        if len(loop) < 2 or reported.intersection(loop):
            continue  # a self-parent is reported on its own
        reported.update(loop)
        first = min(loop, key=lambda x: recs[x].line or 0)
        order = loop[loop.index(first) :] + loop[: loop.index(first)]
        p.at(
            recs[first].fields["parent"],
            "parent links form a cycle: " + " -> ".join([*order, order[0]]),
            "an objective cannot support itself through others; remove one parent link",
        )
