"""The published JSON Schema of the OKR file, built from the format's field tables.

The schema ships as ``okr_toolkit/okr_file.schema.json`` (where editors' YAML
language servers are pointed by ``okr new``); a test checks that the file is
what :func:`json_schema` builds. Regenerate it with ``_dump_schema()``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from okr_toolkit.io.fields import (
    CHECKIN_FIELDS,
    ENUMS,
    FORMAT_VERSION,
    KPI_FIELDS,
    KR_FIELDS,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
)
from okr_toolkit.vocab import KNOWN_UNITS

__all__ = ["json_schema", "schema_path"]


def schema_path() -> Path:
    """Where the published JSON Schema of the OKR file format is."""
    return Path(str(resources.files("okr_toolkit") / "okr_file.schema.json"))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the YAML/JSON OKR file, built from the format's field lists.

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["required"], sorted(schema["properties"])[:3]
    (['objectives'], ['company', 'cycle', 'kpis'])
    """

    def prop(kind: str, name: str) -> dict[str, Any]:
        if kind == "number":
            out: dict[str, Any] = {"type": "number"}
            if name == "weight":
                out["minimum"] = 0
            if name == "confidence":
                out.update(minimum=0, maximum=10)
            return out
        if kind == "bool":
            return {"type": "boolean"}
        if kind == "date":
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if kind == "unit":
            return {"enum": list(KNOWN_UNITS)}
        if kind.startswith("enum:"):
            return {"enum": list(ENUMS[kind[5:]])}
        if kind == "version":
            return {"const": FORMAT_VERSION}
        if kind == "id":
            return {"type": ["string", "integer"], "minLength": 1}
        return {"type": "string"}

    def obj(
        fields: dict[str, str], required: list[str], nested: dict[str, Any], title: str
    ) -> dict[str, Any]:
        props = {n: nested[n] if n in nested else prop(k, n) for n, k in fields.items()}
        return {
            "type": "object",
            "title": title,
            "additionalProperties": False,
            "required": required,
            "properties": props,
        }

    checkin = obj(CHECKIN_FIELDS, ["date", "value"], {}, "Check-in")
    kr = obj(
        KR_FIELDS, ["statement"], {"checkins": {"type": "array", "items": checkin}}, "Key result"
    )
    objective = obj(
        OBJECTIVE_FIELDS,
        ["id", "title"],
        {
            "key_results": {"type": "array", "items": kr},
            "parent": {"type": ["string", "integer", "null"]},
        },
        "Objective",
    )
    kpi = obj(KPI_FIELDS, ["name", "threshold"], {}, "KPI")
    top = obj(
        TOP_FIELDS,
        ["objectives"],
        {
            "objectives": {"type": "array", "minItems": 1, "items": objective},
            "kpis": {"type": "array", "items": kpi},
        },
        "OKR file (okr-toolkit format version 1)",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "okr_file.schema.json",
        "description": (
            "Objectives, key results, check-ins and KPIs for one cycle; "
            "`okr file-format` describes every field"
        ),
        **top,
    }


def _dump_schema() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
