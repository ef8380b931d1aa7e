"""A self-contained HTML report of an OKR file: scores, KPI health, lint findings.

The report is one HTML document with inline CSS and charts as inline SVG. It
has no ``<script>`` and loads nothing from the network (no CDN, fonts or
images by URL), so it opens offline and can be mailed as an attachment.
Every piece of text from the OKR file is escaped.

Numbers are never invented: a key result is scored only when it has a
``current`` value (a check-in) and a baseline and target, given in the file or
read from its statement; the others are listed as "no check-in yet" or with
the reason they cannot be scored.

Examples
--------
>>> import okr_toolkit.datasets as ds
>>> page = build_report(ds.data_path("sample_okrs.yaml"), on="2026-09-30")
>>> page.startswith("<!DOCTYPE html>"), "<script" in page, "no check-in yet" in page
(True, False, True)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import html
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np
import pandas as pd

from ._atomic import write_atomic
from .exceptions import OKRDataError
from .io import OKRFile, read_okr_file
from .scorecard import scorecard
from .settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    pass

__all__ = [
    "build_report",
    "kpi_table",
    "pacing_table",
    "report_charts",
    "write_report",
]

DateLike = str | _dt.date | _dt.datetime | pd.Timestamp

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222;line-height:1.45}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;white-space:nowrap;padding:0 .45rem;border-radius:.6rem;
font-size:.85rem;color:#fff}
.green,.healthy,.ahead{background:#2e8b57}.yellow,.at_risk{background:#b7791f}
.red,.breached,.behind{background:#d1495b}.on_track{background:#4a7ab5}
.error{background:#d1495b}.warning{background:#b7791f}
.info{background:#4a6fa5}.muted{color:#666}
.chart{overflow-x:auto;margin:.5rem 0 1rem}
ul.summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
"""

# Classes a badge may carry: only these fixed words ever reach an attribute.
_BADGES = frozenset(
    {"green", "yellow", "red", "healthy", "at_risk", "breached", "error", "warning", "info"}
    | {"ahead", "on_track", "behind"}
)


# --- small HTML helpers ---------------------------------------------------------------


def _e(value: Any) -> str:
    """Escaped text of a cell; missing values show as an empty cell."""
    if value is None or (not isinstance(value, str) and _isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _isna(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _num(value: Any) -> str:
    """A number as plain text: integers without ``.0``, large numbers in full, others to 4
    significant digits (12,995,058 and 51.66, never 1.3e+07)."""
    if _isna(value):
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return _e(value)
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if 1e4 <= abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{x:,.4g}"


def _badge(word: str) -> str:
    cls = word if word in _BADGES else ""
    return f'<span class="badge {cls}">{_e(word.replace("_", " "))}</span>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table whose cells are already-escaped HTML fragments."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def _td(fragment: str, num: bool = False) -> str:
    return f'<td class="num">{fragment}</td>' if num else f"<td>{fragment}</td>"


# --- the pieces of the report ----------------------------------------------------------


def _float(value: Any) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return float("nan")
    return x


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series([np.nan] * len(frame), index=frame.index, dtype=object)


def kpi_table(kpis: pd.DataFrame | None, *, settings: Settings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """Each KPI's latest value read against its threshold: ``kpi, value, threshold, better,
    status`` (``"no value yet"`` where the file gives no value).

    Examples
    --------
    >>> import pandas as pd
    >>> kpi_table(pd.DataFrame({"kpi": ["activation_rate", "ttfv"], "threshold": [50, 4],
    ...                         "value": [42, 3.5], "better": ["higher", "lower"]}))
                   kpi  value  threshold  better    status
    0  activation_rate   42.0       50.0  higher  breached
    1             ttfv    3.5        4.0   lower   healthy
    """
    from .kpis import kpi_status

    columns = ["kpi", "value", "threshold", "better", "status"]
    if kpis is None or len(kpis) == 0:
        return pd.DataFrame(columns=columns)
    rows = []
    for _, k in kpis.iterrows():
        value = _float(k.get("value"))
        threshold = _float(k.get("threshold"))
        better = k.get("better")
        better = "higher" if _isna(better) else str(better)
        if np.isnan(value):
            status = "no value yet"
        else:
            try:
                status = str(kpi_status(value, threshold, better=better, settings=settings))
            except (OKRDataError, ValueError) as err:
                status = "no status: " + str(err).splitlines()[0]
        rows.append(
            {
                "kpi": k["kpi"],
                "value": value,
                "threshold": threshold,
                "better": better,
                "status": status,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _svg(chart: Any) -> str:
    from .charts import to_svg

    svg = to_svg(chart)
    # Belt and braces: a chart is drawing only, never script.
    if "<script" in svg.lower():  # pragma: no cover - vl-convert escapes text
        raise OKRDataError("a chart rendered with a <script> element; report not written")
    return f'<div class="chart">{svg}</div>\n'


def pacing_table(
    okr_file: OKRFile,
    *,
    on: DateLike | None = None,
    scores: pd.DataFrame | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Where each checked-in key result should be by now, where it is, and where it is heading.

    For every key result with dated check-ins, a baseline, a target and a
    quarterly cycle: the straight-line progress expected on ``on`` (default:
    the file's latest check-in date, so the clock is never read), the score of
    its latest value, the pace (behind / on track / ahead) and a least-squares
    forecast of the value and score at the end of the quarter.

    Parameters
    ----------
    okr_file
        An :class:`~okr_toolkit.io.OKRFile` with check-ins.
    on
        The date to pace against.
    scores
        :func:`~okr_toolkit.scorecard` of the file's key results, when the caller
        has it already (it is computed otherwise).
    settings
        ``pacing_tolerance`` says how far from the straight line is behind or
        ahead; the grade bands apply when ``scores`` is computed here.

    Returns
    -------
    pandas.DataFrame
        ``kr_id, statement, cycle, as_of, expected, score, pace,
        forecast_value, forecast_score, n_checkins``; empty when nothing can be
        paced.

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> table = pacing_table(ds.load_acme_okrs())
    >>> table["as_of"].iloc[0], round(float(table["expected"].iloc[0]), 2), len(table)
    ('2026-08-17', 0.52, 33)
    >>> table["pace"].value_counts().sort_index().to_dict()
    {'ahead': 1, 'behind': 15, 'on_track': 17}
    """
    from .pacing import expected_progress, forecast, pace, quarter_bounds

    columns = [
        "kr_id",
        "statement",
        "cycle",
        "as_of",
        "expected",
        "score",
        "pace",
        "forecast_value",
        "forecast_score",
        "n_checkins",
    ]
    checkins = okr_file.checkins
    if checkins is None or len(checkins) == 0:
        return pd.DataFrame(columns=columns)
    as_of = pd.Timestamp(_as_date(on) if on is not None else checkins["date"].max())
    if scores is None:
        scores = scorecard(okr_file.okrs, settings=settings)
    scores = scores.set_index("kr_id")
    cycles = okr_file.okrs.set_index("kr_id")["cycle"] if "cycle" in okr_file.okrs else None
    rows = []
    for kr_id, group in checkins.groupby("kr_id", sort=False):
        if kr_id not in scores.index:
            continue
        kr = scores.loc[kr_id]
        cycle = None if cycles is None else cycles.get(kr_id)
        if _isna(kr["score"]) or cycle is None or _isna(cycle):
            continue
        try:
            start, end = quarter_bounds(str(cycle))
        except (OKRDataError, ValueError):
            continue  # an annual or unnamed cycle has no quarter to pace against
        krs = pd.DataFrame(
            {"kr_id": [kr_id], "baseline": [kr["baseline"]], "target": [kr["target"]]}
        )
        seen = group[group["date"] <= as_of]
        fc = forecast(seen, krs, end, start=start).iloc[0] if len(seen) else None
        expected = float(expected_progress(as_of, start, end))
        rows.append(
            {
                "kr_id": kr_id,
                "statement": kr["statement"],
                "cycle": str(cycle),
                "as_of": as_of.date().isoformat(),
                "expected": expected,
                "score": float(kr["score"]),
                "pace": str(pace(float(kr["score"]), expected, settings)),
                "forecast_value": np.nan if fc is None else float(fc["forecast_value"]),
                "forecast_score": np.nan if fc is None else float(fc["forecast_score"]),
                "n_checkins": len(seen),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _section_pacing(table: pd.DataFrame) -> str:
    parts = ["<h2>Pacing: where each key result is heading</h2>\n"]
    if len(table) == 0:
        parts.append(
            '<p class="muted">No dated check-ins on a quarterly key result yet, so there is '
            "nothing to pace: add <code>checkins:</code> to the key results.</p>\n"
        )
        return "".join(parts)
    as_of = table["as_of"].iloc[0]
    parts.append(
        f"<p>As of <time>{_e(as_of)}</time> a straight line from baseline to target would "
        f"have covered <strong>{table['expected'].iloc[0]:.2f}</strong> of the way. The "
        "forecast fits a line through each key result's check-ins and reads it at the end "
        "of the quarter.</p>\n"
    )
    rows = [
        [
            _td(_e(r["kr_id"])),
            _td(_e(r["statement"])),
            _td(f"{r['score']:.2f}", num=True),
            _td(f"{r['expected']:.2f}", num=True),
            _td(_badge(str(r["pace"]))),
            _td(_num(r["forecast_value"]), num=True),
            _td("" if _isna(r["forecast_score"]) else f"{r['forecast_score']:.2f}", num=True),
        ]
        for _, r in table.iterrows()
    ]
    parts.append(
        _table(
            [
                "key result",
                "statement",
                "score now",
                "expected",
                "pace",
                "forecast",
                "forecast score",
            ],
            rows,
        )
    )
    return "".join(parts)


def _section_scores(scores: pd.DataFrame, settings: Settings) -> str:
    parts = ["<h2>Key results: scores and grades</h2>\n"]
    rows = []
    for _, r in scores.iterrows():
        if r["grade"]:
            verdict = f"{r['score']:.2f} {_badge(r['grade'])}"
        else:
            verdict = f'<span class="muted">{_e(r["status"])}</span>'
        rows.append(
            [
                _td(_e(r["objective"])),
                _td(_e(r["kr_id"])),
                _td(_e(r["statement"])),
                _td(_num(r["baseline"]), num=True),
                _td(_num(r["target"]), num=True),
                _td(_num(r["current"]), num=True),
                _td(verdict),
            ]
        )
    parts.append(
        _table(
            ["objective", "key result", "statement", "baseline", "target", "current", "score"],
            rows,
        )
    )
    scored = scores[scores["grade"] != ""]
    if len(scored):
        from .charts import kr_progress

        shown = scored[["kr_id", "score", "grade"]].astype({"grade": str})
        parts.append(_svg(kr_progress(shown, settings=settings)))
    else:
        parts.append(
            '<p class="muted">No key result has a check-in yet, so there is no chart.</p>\n'
        )
    return "".join(parts)


_kpi_table = kpi_table


def _kpi_chart(table: pd.DataFrame) -> str:
    """Bars of each KPI's distance from its threshold, as inline SVG (or ``""``)."""
    chart = _kpi_health_chart(table)
    return "" if chart is None else _svg(chart)


def _kpi_health_chart(table: pd.DataFrame) -> Any:
    """The KPI health chart, or ``None`` when no KPI has a status to draw."""
    from .charts import kpi_health

    try:
        return kpi_health(table)
    except OKRDataError:
        return None


def _section_kpis(table: pd.DataFrame) -> str:
    parts = ["<h2>KPI health</h2>\n"]
    if len(table) == 0:
        parts.append('<p class="muted">The file lists no KPIs.</p>\n')
        return "".join(parts)
    rows = []
    for _, k in table.iterrows():
        status = k["status"]
        cell = _badge(status) if status in _BADGES else f'<span class="muted">{_e(status)}</span>'
        rows.append(
            [
                _td(_e(k["kpi"])),
                _td(_num(k["value"]), num=True),
                _td(_num(k["threshold"]), num=True),
                _td(_e(k["better"])),
                _td(cell),
            ]
        )
    parts.append(_table(["KPI", "value", "threshold", "better", "status"], rows))
    parts.append(_kpi_chart(table))
    return "".join(parts)


def _section_lint(findings: pd.DataFrame, lines: dict[Any, Any]) -> str:
    from .lint import SEVERITIES

    parts = ["<h2>Lint findings</h2>\n"]
    if len(findings) == 0:
        parts.append("<p>No findings: none of the documented mistakes was found.</p>\n")
        return "".join(parts)
    severity = findings["severity"].astype(str)
    for level in SEVERITIES:
        group = findings[severity == level]
        if len(group) == 0:
            continue
        parts.append(f"<h3>{_badge(level)} {len(group)} {_e(level)}(s)</h3>\n")
        rows = []
        for _, f in group.iterrows():
            line = lines.get(f["kr_id"])
            rows.append(
                [
                    _td(_e(f["code"])),
                    _td(_e(f["rule"])),
                    _td(_e(f["where"])),
                    _td(_num(line), num=True),
                    _td(_e(f["message"])),
                    _td(_e(f["fix"])),
                ]
            )
        parts.append(_table(["code", "rule", "where", "line", "finding", "fix"], rows))
    return "".join(parts)


def _section_plan(plan: pd.DataFrame) -> str:
    from .charts import migration_gantt

    parts = ["<h2>Migration plan</h2>\n"]
    columns = [
        c
        for c in ("team", "quarter", "framework", "cadence", "okr_pay_decoupled", "review")
        if c in plan.columns
    ]
    columns += [c for c in ("milestone",) if c in plan.columns]
    rows = [[_td(_e(r[c])) for c in columns] for _, r in plan.iterrows()]
    parts.append(_table([c.replace("_", " ") for c in columns], rows))
    parts.append(_svg(migration_gantt(plan)))
    return "".join(parts)


@overload
def _as_date(on: DateLike) -> str: ...
@overload
def _as_date(on: None) -> None: ...
def _as_date(on: DateLike | None) -> str | None:
    if on is None:
        return None
    try:
        stamp = pd.Timestamp(on)
    except (TypeError, ValueError) as err:
        raise ValueError(f"`on` must be a date such as '2026-09-30', got {on!r}") from err
    if pd.isna(stamp):
        raise ValueError(f"`on` must be a date such as '2026-09-30', got {on!r}")
    return stamp.date().isoformat()


def build_report(
    okr_file: OKRFile | str | Path,
    *,
    title: str | None = None,
    plan: pd.DataFrame | None = None,
    on: DateLike | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> str:
    """One self-contained HTML document about an OKR file.

    Sections: a header (title, source file name, the date ``on`` if given),
    summary counts, each key result's score and grade with a progress chart,
    KPI health, lint findings grouped by severity with their fixes, and the
    migration plan with its Gantt chart when ``plan`` is given.

    Parameters
    ----------
    okr_file
        An :class:`~okr_toolkit.io.OKRFile` or the path of a YAML/CSV file
        (read with :func:`~okr_toolkit.io.read_okr_file`).
    title
        The report's title; default ``"OKR report: <file name>"``.
    plan
        Optional migration plan from :func:`okr_toolkit.plan_migration`.
    on
        The report's date (``"2026-09-30"``, a ``date`` or a Timestamp). The
        clock is never read: without ``on`` the report carries no date.
    settings
        The conventions every section uses: grade bands, KPI tolerance,
        pacing tolerance and the linter's limits.

    Returns
    -------
    str
        The HTML document: inline CSS, inline SVG charts, no ``<script>`` and
        no external URL; all text from the file is escaped.

    Raises
    ------
    OKRDataError
        When the file cannot be read as OKRs.

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> page = build_report(ds.data_path("sample_okrs.yaml"), title="Q3 <draft>")
    >>> "<title>Q3 &lt;draft&gt;</title>" in page, "activation.kr1" in page
    (True, True)
    >>> "Migration plan" in page
    False
    """
    from .lint import lint

    source = okr_file if isinstance(okr_file, OKRFile) else read_okr_file(okr_file)
    okrs, kpis = source.okrs, source.kpis
    name = Path(source.path).name
    heading = title if title is not None else f"OKR report: {name}"
    date = _as_date(on)
    scores = scorecard(okrs, settings=settings)
    kpi_table = _kpi_table(kpis, settings=settings)
    findings = lint(okrs, kpis, settings=settings)
    lines: dict[Any, Any] = {}
    if "line" in okrs.columns:
        lines = okrs.dropna(subset=["line"]).set_index("kr_id")["line"].to_dict()

    n_scored = int((scores["grade"] != "").sum())
    n_waiting = int((scores["status"] == "no check-in yet").sum())
    severity = findings["severity"].astype(str)
    summary: list[tuple[str, int | str]] = [
        ("objectives", okrs["objective_id"].nunique()),
        ("key results", len(okrs)),
        ("scored", n_scored),
        ("no check-in yet", n_waiting),
        ("KPIs", len(kpi_table)),
        ("KPIs breached", int((kpi_table["status"] == "breached").sum())),
        ("lint errors", int((severity == "error").sum())),
        ("lint warnings", int((severity == "warning").sum())),
        ("lint notes", int((severity == "info").sum())),
    ]
    if n_scored:
        summary.insert(
            3, ("mean score", f"{scores.loc[scores['grade'] != '', 'score'].mean():.2f}")
        )
    meta = f"Source: <code>{_e(name)}</code>"
    if date is not None:
        meta += f" &middot; as of <time>{_e(date)}</time>"
    body = [
        f"<header>\n<h1>{_e(heading)}</h1>\n<p class='meta'>{meta}</p>\n</header>\n",
        "<h2>Summary</h2>\n<ul class='summary'>\n",
        "".join(f"<li><strong>{_e(v)}</strong> {_e(k)}</li>\n" for k, v in summary),
        "</ul>\n",
        _section_scores(scores, settings),
        _section_pacing(pacing_table(source, on=on, scores=scores, settings=settings)),
        _section_kpis(kpi_table),
        _section_lint(findings, lines),
    ]
    if plan is not None:
        body.append(_section_plan(plan))
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{_e(heading)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "".join(body)
        + "</body>\n</html>\n"
    )


def report_charts(
    okr_file: OKRFile | str | Path,
    *,
    plan: pd.DataFrame | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> dict[str, Any]:
    """The charts of :func:`build_report`, by name, as Altair charts (to save for slides).

    Names: ``"kr_scores"`` (when a key result has a check-in), ``"kpi_health"``
    (when a KPI has a value) and ``"migration_plan"`` (when ``plan`` is given).
    Save them with :func:`okr_toolkit.charts.save_chart`.

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> sorted(report_charts(ds.data_path("sample_okrs.yaml")))
    ['kpi_health']
    """
    from .charts import kr_progress, migration_gantt

    source = okr_file if isinstance(okr_file, OKRFile) else read_okr_file(okr_file)
    charts: dict[str, Any] = {}
    scores = scorecard(source.okrs, settings=settings)
    scored = scores[scores["grade"] != ""]
    if len(scored):
        charts["kr_scores"] = kr_progress(
            scored[["kr_id", "score", "grade"]].astype({"grade": str}), settings=settings
        )
    kpi_chart = _kpi_health_chart(_kpi_table(source.kpis, settings=settings))
    if kpi_chart is not None:
        charts["kpi_health"] = kpi_chart
    if plan is not None:
        charts["migration_plan"] = migration_gantt(plan)
    return charts


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return False


def write_report(okr_file: OKRFile | str | Path, out_path: str | Path, **kw: Any) -> Path:
    """Write :func:`build_report` to ``out_path`` atomically.

    The report is built first, written to a temporary file in the same folder
    and moved over ``out_path`` with :func:`os.replace`, so readers see the old
    file or the whole new one, and an error never leaves a partial file.

    Parameters
    ----------
    okr_file
        An :class:`~okr_toolkit.io.OKRFile` or the path of a YAML/CSV file.
    out_path
        Where to write the HTML; never the input file.
    **kw
        Passed to :func:`build_report` (``title``, ``plan``, ``on``).

    Returns
    -------
    pathlib.Path
        ``out_path``.

    Raises
    ------
    OKRDataError
        When ``out_path`` is the input file, or the input cannot be read.
    OSError
        When the folder cannot be written; nothing is left behind.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import okr_toolkit.datasets as ds
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_report(ds.data_path("sample_okrs.yaml"), Path(folder) / "q3.html")
    ...     page = out.read_text(encoding="utf-8")
    ...     files = [p.name for p in Path(folder).iterdir()]
    >>> page.startswith("<!DOCTYPE html>"), files
    (True, ['q3.html'])
    """
    out = Path(out_path)
    source_path = Path(okr_file.path if isinstance(okr_file, OKRFile) else okr_file)
    if _same_file(out, source_path):
        raise OKRDataError(
            f"{out}: is the input file; refusing to overwrite it, choose another output path "
            "such as report.html"
        )
    page = build_report(okr_file, **kw)
    return write_atomic(out, page.encode("utf-8"))
