"""The tidy frames of an OKR file, from the checked rows of :mod:`okr_toolkit.io.build`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from okr_toolkit.io.model import Document, FileProblem, OKRFile
from okr_toolkit.vocab import (
    CHECKIN_COLUMNS,
    KPI_COLUMNS,
    KR_COLUMNS,
    OBJECTIVE_COLUMNS,
    OKR_COLUMNS,
)

__all__ = ["frames"]

_NUMBER_COLUMNS = {"baseline", "target", "current", "weight", "threshold", "value", "confidence"}
_BOOL_COLUMNS = {"guardrail", "committed", "pay_linked"}


def frames(
    doc: Document,
    top: dict[str, Any],
    objectives: list[dict[str, Any]],
    kr_rows: list[dict[str, Any]],
    kpi_rows: list[dict[str, Any]] | None,
    checkin_rows: list[dict[str, Any]],
    warnings: tuple[FileProblem, ...] = (),
) -> OKRFile:
    obj_frame = _table(
        [
            {
                "objective_id": o["id"],
                "objective": o["title"],
                "objective_owner": o["owner"],
                "team": o["team"],
                "level": o["level"],
                "parent_id": o["parent"],
                "cycle": o["cycle"] if o["cycle"] is not None else top["cycle"],
                "line": o["_rec"].line,
            }
            for o in objectives
        ],
        columns=[*OBJECTIVE_COLUMNS, "line"],
    )
    checkins = _table(
        [{k: r[k] for k in CHECKIN_COLUMNS} | {"line": r["_rec"].line} for r in checkin_rows],
        [*CHECKIN_COLUMNS, "line"],
    )
    checkins["date"] = pd.to_datetime(checkins["date"]).astype("datetime64[ns]")
    checkins = checkins.sort_values(["kr_id", "date"], kind="stable").reset_index(drop=True)
    latest = checkins.groupby("kr_id", sort=False)["value"].last() if len(checkins) else {}
    rows = []
    for r in kr_rows:
        obj = r["_obj"] or {}
        committed = r["committed"] if r["committed"] is not None else obj.get("committed")
        pay = r["pay_linked"] if r["pay_linked"] is not None else top["pay_linked"]
        current = r["current"]
        if current is None and r["kr_id"] in latest:
            current = float(latest[r["kr_id"]])
        cycle = obj.get("cycle") if obj.get("cycle") is not None else top["cycle"]
        rows.append(
            {
                "objective_id": r["objective_id"],
                "objective": obj.get("title"),
                "objective_owner": obj.get("owner"),
                "team": obj.get("team"),
                "level": obj.get("level"),
                "parent_id": obj.get("parent"),
                "cycle": cycle,
                **{k: r[k] for k in KR_COLUMNS if k not in ("committed", "pay_linked", "current")},
                "current": current,
                "weight": 1.0 if r["weight"] is None else r["weight"],
                "committed": committed,
                "pay_linked": pay,
                "line": r["_rec"].line,
            }
        )
    okrs = _table(rows, [*OKR_COLUMNS, "line"])
    kpis = None
    if kpi_rows is not None:
        kpis = _table(
            [{k: r[k] for k in KPI_COLUMNS} | {"line": r["_rec"].line} for r in kpi_rows],
            [*KPI_COLUMNS, "line"],
        )
        kpis["better"] = kpis["better"].fillna("higher")
    return OKRFile(doc.path, okrs, kpis, obj_frame, checkins, top["company"], warnings)


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for c in frame.columns:
        if c in _NUMBER_COLUMNS:
            frame[c] = pd.to_numeric(frame[c], errors="raise").astype("float64")
        elif c in _BOOL_COLUMNS:
            frame[c] = frame[c].astype("boolean")
        elif c == "line":
            frame[c] = frame[c].astype("Int64")
        elif c != "date":
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    return frame
