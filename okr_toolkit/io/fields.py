"""The OKR file format, version 1: its fields and the words each choice allows.

The format is documented in ``docs/okr-file-format.md`` and published as a JSON
Schema (``okr_toolkit/okr_file.schema.json``, :mod:`okr_toolkit.io.schema`); a
test keeps the three in step. Each reader (YAML, CSV, Excel) and the checks of
:mod:`okr_toolkit.io.build` share these tables.
"""

from __future__ import annotations

from okr_toolkit.vocab import BETTER, DIRECTIONS, LEVELS

__all__ = [
    "CHECKIN_FIELDS",
    "ENUMS",
    "ENUM_HINTS",
    "FORMAT_VERSION",
    "KPI_FIELDS",
    "KR_FIELDS",
    "OBJECTIVE_FIELDS",
    "TOP_FIELDS",
]

FORMAT_VERSION = 1


# Field name -> kind. Kinds: text, id, number, bool, date, list, unit, and
# "enum:<name>" for a fixed set of words.
TOP_FIELDS: dict[str, str] = {
    "version": "version",
    "company": "text",
    "cycle": "text",
    "pay_linked": "bool",
    "objectives": "list",
    "kpis": "list",
}
OBJECTIVE_FIELDS: dict[str, str] = {
    "id": "id",
    "title": "text",
    "owner": "text",
    "team": "text",
    "level": "enum:level",
    "parent": "id",
    "cycle": "text",
    "committed": "bool",
    "key_results": "list",
}
KR_FIELDS: dict[str, str] = {
    "id": "id",
    "statement": "text",
    "kpi": "id",
    "baseline": "number",
    "target": "number",
    "current": "number",
    "unit": "unit",
    "direction": "enum:direction",
    "weight": "number",
    "owner": "text",
    "guardrail": "bool",
    "committed": "bool",
    "pay_linked": "bool",
    "checkins": "list",
}
KPI_FIELDS: dict[str, str] = {
    "name": "id",
    "threshold": "number",
    "value": "number",
    "better": "enum:better",
    "unit": "unit",
    "owner": "text",
    "team": "text",
    "description": "text",
}
CHECKIN_FIELDS: dict[str, str] = {
    "date": "date",
    "value": "number",
    "confidence": "number",
    "note": "text",
}
ENUMS = {"level": LEVELS, "direction": DIRECTIONS, "better": BETTER}
# Words people use for a choice that has another name here.
ENUM_HINTS = {
    ("direction", "threshold"): "a key result that holds a line is stay_above (at or above "
    "the target, as in '80%+ satisfaction') or stay_below (at or under it); ",
    ("direction", "binary"): "a done-or-not key result is a milestone; ",
}
