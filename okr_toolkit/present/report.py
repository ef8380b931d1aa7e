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
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from okr_toolkit._atomic import write_atomic
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io import OKRFile, read_okr_file
from okr_toolkit.present import views
from okr_toolkit.workspace import DateLike, Workspace, _as_date

if TYPE_CHECKING:
    pass

__all__ = [
    "build_report",
    "check_report_path",
    "report_charts",
    "write_report",
]


# --- the pieces of the report ----------------------------------------------------------


def _svg(chart: Any) -> str:
    from okr_toolkit.present.charts import to_svg

    svg = to_svg(chart)
    # Belt and braces: a chart is drawing only, never script.
    if "<script" in svg.lower():  # pragma: no cover - vl-convert escapes text
        raise OKRDataError("a chart rendered with a <script> element; report not written")
    return svg


def _kpi_health_chart(table: pd.DataFrame) -> Any:
    """The KPI health chart, or ``None`` when no KPI has a status to draw."""
    from okr_toolkit.present.charts import kpi_health_chart

    try:
        return kpi_health_chart(table)
    except OKRDataError:
        return None


def build_report(
    okr_file: Workspace | OKRFile | str | Path,
    *,
    title: str | None = None,
    plan: pd.DataFrame | None = None,
    on: DateLike | None = None,
    settings: Settings | None = None,
) -> str:
    """One self-contained HTML document about an OKR file.

    Sections: a header (title, source file name, the date ``on`` if given),
    summary counts, what was converted while the file was read and scored (only when
    something was: :attr:`~okr_toolkit.Workspace.notes`), each key result's score and
    grade with a progress chart, KPI health, lint findings grouped by severity with their
    fixes, and the migration plan with its Gantt chart when ``plan`` is given.

    Parameters
    ----------
    okr_file
        A :class:`~okr_toolkit.Workspace`, an :class:`~okr_toolkit.io.OKRFile`
        or the path of a YAML, CSV or Excel file (read with
        :func:`~okr_toolkit.io.read_okr_file`).
    title
        The report's title; default ``"OKR report: <file name>"``.
    plan
        Optional migration plan from :func:`okr_toolkit.plan_migration`.
    on
        The report's date (``"2026-09-30"``, a ``date`` or a Timestamp). The
        clock is never read: without ``on`` the report carries no date.
    settings
        The conventions every section uses: grade bands, KPI tolerance,
        pacing tolerance and the linter's limits. Default: the workspace's
        own, or :data:`~okr_toolkit.core.DEFAULT_SETTINGS`.

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
    ws = _workspace(okr_file, settings)
    scores, health, findings = ws.scores, ws.kpi_health, ws.findings
    name = ws.name
    heading = title if title is not None else f"OKR report: {name}"
    date = _as_date(on)

    summary: list[tuple[str, int | str]] = list(ws.counts.items())
    if ws.counts["scored"]:
        summary.insert(
            3, ("mean score", f"{scores.loc[scores['grade'] != '', 'score'].mean():.2f}")
        )
    notes = ws.notes
    if len(notes):
        summary.append(("notes on reading", len(notes)))
    drawn = {name: _svg(chart) for name, chart in report_charts(ws, plan=plan).items()}
    sections = []
    if len(notes):
        sections.append(("How the file was read", views.notes_view(notes), ""))
    sections += [
        (
            "Key results: scores and grades",
            views.scores_summary(scores, settings=ws.settings)
            + views.scores_view(scores, ws.empty_objectives),
            drawn.get("kr_scores", ""),
        ),
        (
            "Pacing: where each key result is heading",
            views.pacing_view(ws.pacing if on is None else ws.pacing_on(on)),
            "",
        ),
        ("KPI health", views.kpis_view(health), drawn.get("kpi_health", "")),
        ("Lint findings", views.lint_view(findings, ws.lines), ""),
    ]
    if plan is not None:
        sections.append(("Migration plan", views.plan_view(plan), drawn["migration_plan"]))
    return views.report_page(
        heading=heading, source=name, date=date, summary=summary, sections=sections
    )


#: Up to this many scored key results, the report draws one bar each; beyond, a histogram.
MAX_BARS = 60


def report_charts(
    okr_file: Workspace | OKRFile | str | Path,
    *,
    plan: pd.DataFrame | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """The charts of :func:`build_report`, by name, as Altair charts (to save for slides).

    Names: ``"kr_scores"`` (when a key result has a check-in: a bar per KR, or
    for more than :data:`MAX_BARS` KRs a histogram of their scores by grade),
    ``"kpi_health"`` (when a KPI has a value) and ``"migration_plan"`` (when
    ``plan`` is given).
    Save them with :func:`okr_toolkit.present.charts.save_chart`.

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> sorted(report_charts(ds.data_path("sample_okrs.yaml")))
    ['kpi_health']
    """
    from okr_toolkit.present.charts import kr_progress, migration_gantt, score_histogram

    ws = _workspace(okr_file, settings)
    charts: dict[str, Any] = {}
    scored = ws.scores[ws.scores["grade"] != ""]
    if len(scored) > MAX_BARS:
        charts["kr_scores"] = score_histogram(
            scored[["score", "grade"]].astype({"grade": str}), settings=ws.settings
        )
    elif len(scored):
        charts["kr_scores"] = kr_progress(
            scored[["kr_id", "score", "grade"]].astype({"grade": str}), settings=ws.settings
        )
    kpi_chart = _kpi_health_chart(ws.kpi_health)
    if kpi_chart is not None:
        charts["kpi_health"] = kpi_chart
    if plan is not None:
        charts["migration_plan"] = migration_gantt(plan)
    return charts


def _workspace(source: Workspace | OKRFile | str | Path, settings: Settings | None) -> Workspace:
    """The workspace a report is made from, under ``settings`` when they are given."""
    if isinstance(source, Workspace):
        return source if settings is None else source.with_settings(settings)
    okr_file = source if isinstance(source, OKRFile) else read_okr_file(source)
    return Workspace(okr_file, settings=DEFAULT_SETTINGS if settings is None else settings)


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return False


# Names of OKR data files: a report written under one would later be read as data.
_DATA_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx", ".xls", ".json")


def _looks_like_html(path: Path) -> bool:
    """Whether the existing file at ``path`` is an HTML page (a report written before)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return head.startswith((b"<!doctype html", b"<html"))


def check_report_path(
    out_path: str | Path, source_path: str | Path | None, *, overwrite: bool = False
) -> Path:
    """Refuse a report path that would destroy something, before anything is built.

    The input file is never overwritten; an existing file that is not an HTML
    page (an OKR file given as ``-o q2.yaml`` by mistake, a spreadsheet), or a
    name made for OKR data (``.yaml``, ``.csv``, ``.xlsx``), only with
    ``overwrite=True``. An earlier report (HTML) is replaced.

    Examples
    --------
    >>> check_report_path("report.html", "okrs.yaml").name
    'report.html'
    """
    out = Path(out_path)
    if source_path is not None and _same_file(out, Path(source_path)):
        raise OKRDataError(
            f"{out}: is the input file; refusing to overwrite it, choose another output path "
            "such as report.html"
        )
    if out.is_dir():
        raise OKRDataError(f"{out}: is a folder; give a file name such as {out / 'report.html'}")
    if out.suffix.lower() in _DATA_SUFFIXES and not overwrite:
        raise OKRDataError(
            f"{out}: a report is an HTML page, and a {out.suffix} name is for OKR data; "
            f"name it {out.with_suffix('.html').name}, or pass overwrite=True to use this name"
        )
    if out.exists() and not overwrite and not _looks_like_html(out):
        raise OKRDataError(
            f"{out}: exists and is not an HTML report; refusing to overwrite it. Choose "
            "another name such as report.html, or pass overwrite=True to replace it"
        )
    return out


def write_report(
    okr_file: OKRFile | str | Path, out_path: str | Path, *, overwrite: bool = False, **kw: Any
) -> Path:
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
    overwrite
        Replace an existing file that is not an HTML page (see
        :func:`check_report_path`); an earlier report is always replaced.
    **kw
        Passed to :func:`build_report` (``title``, ``plan``, ``on``).

    Returns
    -------
    pathlib.Path
        ``out_path``.

    Raises
    ------
    OKRDataError
        When ``out_path`` is the input file, a folder or an existing file that is not
        HTML, or the input cannot be read.
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
    source_path = okr_file.path if isinstance(okr_file, OKRFile) else okr_file
    out = check_report_path(out_path, source_path, overwrite=overwrite)
    page = build_report(okr_file, **kw)
    return write_atomic(out, page.encode("utf-8"))
