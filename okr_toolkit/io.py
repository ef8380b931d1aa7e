"""Reading OKR files: YAML (objectives with their key results, and KPIs) or CSV.

The YAML layout (a starter is in ``datasets/sample_okrs.yaml``)::

    cycle: 2026Q3              # optional, for every objective
    pay_linked: false          # optional: are OKR scores tied to pay?
    objectives:
      - id: activation
        title: Make the first week so valuable customers can't imagine going back
        key_results:
          - id: activation.kr1
            statement: Lift week-1 activation from 42% to 65%
            kpi: activation_rate          # optional: the KPI it moves
            baseline: 42                  # optional: read from the statement if absent
            target: 65
            guardrail: false              # optional: a health line kept on purpose
    kpis:                      # optional
      - name: activation_rate
        threshold: 50
        value: 42
        better: higher

A CSV file holds one row per key result with the columns ``objective_id``,
``objective``, ``kr_id``, ``statement`` and any of the optional ones.

YAML is read with ``yaml.safe_load`` semantics only (no object construction),
files are never written to, and a problem is reported with the file, the line
(for YAML) or row (for CSV), and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .exceptions import OKRDataError

__all__ = ["OKRFile", "read_okr_file"]

_KR_FIELDS = (
    "baseline",
    "target",
    "current",
    "direction",
    "unit",
    "kpi",
    "guardrail",
    "committed",
    "pay_linked",
    "cycle",
    "kpi_threshold",
)
_KPI_FIELDS = ("value", "better", "unit", "statement")


@dataclass(frozen=True)
class OKRFile:
    """What an OKR file holds: one row per key result, and the KPIs if any."""

    path: str
    okrs: pd.DataFrame
    kpis: pd.DataFrame | None


def _line_map(text: str) -> dict[tuple[Any, ...], int]:
    """Line number (1-based) of every mapping and list item in a YAML document."""
    import yaml

    lines: dict[tuple[Any, ...], int] = {}

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, ())
    return lines


def _read_yaml(path: Path, text: str) -> OKRFile:
    import yaml

    try:
        data = yaml.safe_load(text)
        lines = _line_map(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise OKRDataError(f"{path}{where}: not valid YAML ({problem})") from err

    def at(*keys: Any) -> str:
        for n in range(len(keys), -1, -1):
            if keys[:n] in lines:
                return f"{path} line {lines[keys[:n]]}"
        return str(path)

    if not isinstance(data, dict) or not isinstance(data.get("objectives"), list):
        raise OKRDataError(
            f"{at()}: expected a mapping with an 'objectives' list; start from "
            "datasets/sample_okrs.yaml"
        )
    defaults = {k: data[k] for k in ("cycle", "pay_linked") if k in data}
    rows: list[dict[str, Any]] = []
    for i, objective in enumerate(data["objectives"]):
        if not isinstance(objective, dict):
            raise OKRDataError(f"{at('objectives', i)}: each objective must be a mapping")
        for key in ("id", "title"):
            if not objective.get(key):
                raise OKRDataError(f"{at('objectives', i)}: objective is missing '{key}'")
        krs = objective.get("key_results") or []
        if not isinstance(krs, list):
            raise OKRDataError(f"{at('objectives', i, 'key_results')}: key_results must be a list")
        for j, kr in enumerate(krs):
            where = at("objectives", i, "key_results", j)
            if not isinstance(kr, dict) or not str(kr.get("statement") or "").strip():
                raise OKRDataError(
                    f"{where}: each key result needs a 'statement', the KR as a sentence"
                )
            row = {
                "objective_id": str(objective["id"]),
                "objective": str(objective["title"]),
                "kr_id": str(kr.get("id") or f"{objective['id']}.kr{j + 1}"),
                "statement": str(kr["statement"]),
                "line": lines.get(("objectives", i, "key_results", j)),
            }
            merged = {**defaults, **{k: objective[k] for k in defaults if k in objective}, **kr}
            row.update({k: merged[k] for k in _KR_FIELDS if k in merged})
            rows.append(row)
    okrs = pd.DataFrame(
        rows,
        columns=[
            "objective_id",
            "objective",
            "kr_id",
            "statement",
            "line",
            *sorted({k for r in rows for k in r} & set(_KR_FIELDS)),
        ],
    )
    kpis = None
    if data.get("kpis") is not None:
        if not isinstance(data["kpis"], list):
            raise OKRDataError(f"{at('kpis')}: kpis must be a list")
        kpi_rows = []
        for i, kpi in enumerate(data["kpis"]):
            if not isinstance(kpi, dict) or not kpi.get("name") or "threshold" not in kpi:
                raise OKRDataError(f"{at('kpis', i)}: each KPI needs a 'name' and a 'threshold'")
            row = {"kpi": str(kpi["name"]), "threshold": kpi["threshold"]}
            row.update({k: kpi[k] for k in _KPI_FIELDS if k in kpi})
            kpi_rows.append(row)
        kpis = pd.DataFrame(kpi_rows)
        kpis["better"] = kpis["better"].fillna("higher") if "better" in kpis else "higher"
        bad = pd.to_numeric(kpis["threshold"], errors="coerce").isna()
        if bad.any():
            i = int(bad.to_numpy().argmax())
            raise OKRDataError(
                f"{at('kpis', i, 'threshold')}: threshold {kpis['threshold'].iloc[i]!r} is not "
                "a number"
            )
    return OKRFile(str(path), okrs, kpis)


def _read_csv(path: Path) -> OKRFile:
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise OKRDataError(f"{path}: not a readable CSV ({reason})") from err
    missing = [c for c in ("objective_id", "statement") if c not in frame.columns]
    if missing:
        raise OKRDataError(
            f"{path}: missing column(s) {', '.join(missing)}; a CSV of OKRs has one row per key "
            "result with objective_id, objective, kr_id and statement"
        )
    # Row numbers as a spreadsheet shows them: the header is row 1.
    return OKRFile(str(path), frame.assign(line=range(2, len(frame) + 2)), None)


def read_okr_file(path: str | Path) -> OKRFile:
    """Read OKRs from a ``.yaml``/``.yml`` or ``.csv`` file.

    Raises
    ------
    OKRDataError
        When the file is missing, unreadable or not laid out as documented;
        the message names the file and line (or row).

    Examples
    --------
    >>> from pathlib import Path
    >>> import okr_toolkit.datasets as ds
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> len(sample.okrs), len(sample.kpis)
    (7, 4)
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError as err:
        raise OKRDataError(f"{p}: no such file") from err
    except IsADirectoryError as err:
        raise OKRDataError(f"{p}: is a directory, not a file") from err
    except OSError as err:
        raise OKRDataError(f"{p}: cannot be read ({err.strerror})") from err
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise OKRDataError(f"{p}: not UTF-8 text; save it as UTF-8") from err
        return _read_yaml(p, text)
    if suffix == ".csv":
        return _read_csv(p)
    raise OKRDataError(f"{p}: unknown file type {suffix or '(none)'!r}; use .yaml, .yml or .csv")
