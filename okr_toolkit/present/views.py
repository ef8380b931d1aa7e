"""HTML views of an OKR set, rendered once for the report and the dashboard.

Each view turns one table (the :func:`~okr_toolkit.core.scorecard`, the pacing and
KPI tables, the lint findings, a migration plan) into an HTML fragment with
Jinja2 templates (``okr_toolkit/_views/*.html.j2``) that escape every value, so
text from a client's file can never become markup. The report
(:mod:`okr_toolkit.present.report`) puts the fragments on a page under headings; the
dashboard (:class:`okr_toolkit.present.widgets.WorkshopDashboard`) puts each in a tab.
Both use one stylesheet (:func:`stylesheet`), scoped to the ``okr-view`` class.

Examples
--------
>>> import pandas as pd
>>> from okr_toolkit import scorecard
>>> krs = pd.DataFrame({"objective_id": ["a"], "kr_id": ["a.kr1"],
...                     "statement": ["Lift activation from 42% to <65%>"], "current": [58.1]})
>>> page = scores_view(scorecard(krs))
>>> "&lt;65%&gt;" in page, '0.70 <span class="badge green">green</span>' in page
(True, True)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import pandas as pd

from okr_toolkit.core.grades import grade
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "BADGES",
    "download_view",
    "kpis_view",
    "lint_view",
    "loaded_view",
    "note_view",
    "notes_view",
    "pacing_view",
    "plan_view",
    "problem_view",
    "report_page",
    "scores_summary",
    "scores_view",
    "stylesheet",
    "unreadable_view",
]

#: Words shown as a coloured badge. Only these fixed words ever reach a class attribute.
BADGES = frozenset(
    {"green", "yellow", "red", "healthy", "at_risk", "breached", "error", "warning", "info"}
    | {"ahead", "on_track", "behind"}
)
_PACES = ("behind", "on_track", "ahead")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str:
    """A cell's text; a missing value is an empty cell."""
    return "" if _missing(value) else str(value)


def _num(value: Any) -> str:
    """A number as plain text: integers without ``.0``, large numbers in full, others to 4
    significant digits (12,995,058 and 51.66, never 1.3e+07).

    >>> _num(12995058.0), _num(51.6612), _num(65.0), _num(None)
    ('12,995,058', '51.66', '65', '')
    """
    if _missing(value):
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if 1e4 <= abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{x:,.4g}"


def _score(value: Any) -> str:
    """A score to two decimals; a missing one is an empty cell."""
    if _missing(value):
        return ""
    x = float(value)
    return "" if math.isnan(x) else f"{x:.2f}"


def _words(value: Any) -> str:
    return _text(value).replace("_", " ")


_SINGULAR = {"objectives": "objective", "results": "result", "KPIs": "KPI", "errors": "error",
             "warnings": "warning", "notes": "note", "conversions": "conversion"}  # fmt: skip


def _label(label: Any, n: Any) -> str:
    """A count's label in the number ``n`` asks for: "1 key result", "2 key results".

    >>> _label("key results", 1), _label("KPIs breached", 1), _label("lint notes", 3)
    ('key result', 'KPI breached', 'lint notes')
    """
    text = _text(label)
    if isinstance(n, bool) or not isinstance(n, int) or n != 1:
        return text
    return " ".join(_SINGULAR.get(word, word) for word in text.split(" "))


@functools.cache
def _environment() -> Any:
    import jinja2
    from markupsafe import Markup, escape

    def badge(word: Any) -> Markup:
        text = _text(word)
        cls = f"badge {text}" if text in BADGES else "badge"
        return Markup('<span class="{}">{}</span>').format(cls, escape(_words(text)))

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("okr_toolkit.present", "_views"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(text=_text, num=_num, score=_score, words=_words, badge=badge, label=_label)
    env.globals["badges"] = BADGES
    return env


def _render(name: str, **context: Any) -> str:
    return str(_environment().get_template(name).render(**context))


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def stylesheet() -> str:
    """The CSS of every view, scoped to elements inside ``class="okr-view"``."""
    return (resources.files("okr_toolkit.present") / "_views" / "style.css").read_text(
        encoding="utf-8"
    )


def scores_summary(scores: pd.DataFrame, *, settings: Settings = DEFAULT_SETTINGS) -> str:
    """How many key results are scored, and their mean score with its grade.

    Parameters
    ----------
    scores
        :func:`okr_toolkit.core.scorecard` of a set of key results.
    settings
        The grade bands of the mean score's badge (each KR brings its own grade).
    """
    scored = scores[scores["grade"].astype(str) != ""]
    mean = float(scored["score"].mean()) if len(scored) else math.nan
    mean_grade = grade(min(max(mean, 0.0), 1.0), settings=settings) if len(scored) else ""
    return _render(
        "scores_summary.html.j2",
        n_scored=len(scored),
        n_krs=len(scores),
        mean=mean,
        mean_grade=mean_grade,
    )


def scores_view(scores: pd.DataFrame, empty_objectives: pd.DataFrame | None = None) -> str:
    """The scorecard as a table: each key result's numbers, and its score and grade or
    why it has none (:func:`okr_toolkit.core.scorecard`); then each objective with no key
    result (:attr:`okr_toolkit.Workspace.empty_objectives`), so none goes missing."""
    rows = _records(scores.assign(grade=scores["grade"].astype(str)))
    if empty_objectives is not None:
        rows += [
            {"objective": o["objective"], "kr_id": "", "statement": "", "baseline": None,
             "target": None, "current": None, "grade": "",
             "status": "no key results yet: add two to four measurable ones"}
            for o in _records(empty_objectives)
        ]  # fmt: skip
    return _render("scores.html.j2", rows=rows)


def pacing_view(table: pd.DataFrame) -> str:
    """Pace and end-of-quarter forecast per KR (:func:`okr_toolkit.workspace.pacing_table`)."""
    if len(table) == 0:
        return _render("pacing.html.j2", rows=[], as_of="", expected=None, counts=[])
    counts = table["pace"].astype(str).value_counts()
    return _render(
        "pacing.html.j2",
        rows=_records(table),
        as_of=table["as_of"].iloc[0],
        expected=table["expected"].iloc[0],
        counts=[(p, int(counts.get(p, 0))) for p in _PACES],
    )


def kpis_view(table: pd.DataFrame) -> str:
    """Each KPI against its threshold (:func:`okr_toolkit.workspace.kpi_table`)."""
    rows = _records(table.assign(status=table["status"].astype(str))) if len(table) else []
    return _render("kpis.html.j2", rows=rows)


def lint_view(findings: pd.DataFrame, lines: Mapping[Any, Any] | None = None) -> str:
    """The lint findings grouped by severity, each with its line in the file and its fix.

    Parameters
    ----------
    findings
        :func:`okr_toolkit.linter.lint` output.
    lines
        ``kr_id -> line`` (:attr:`okr_toolkit.workspace.Workspace.lines`), to show where
        each finding is.
    """
    from okr_toolkit.linter import SEVERITIES

    lines = lines or {}
    severity = findings["severity"].astype(str)
    groups = []
    for level in SEVERITIES:
        group = findings[severity == level]
        if len(group):
            rows = _records(group)
            for row in rows:
                row["line"] = lines.get(row["kr_id"])
            groups.append((level, rows))
    return _render("lint.html.j2", groups=groups)


def plan_view(plan: pd.DataFrame) -> str:
    """A migration plan (:func:`okr_toolkit.plan_migration`) as a table."""
    wanted = ("team", "quarter", "framework", "cadence", "okr_pay_decoupled", "review", "milestone")
    columns = [c for c in wanted if c in plan.columns]
    return _render("plan.html.j2", columns=columns, rows=_records(plan))


def problem_view(title: str, message: str) -> str:
    """An error message as a heading and a list, one item per problem line.

    >>> print(problem_view("Cannot read x.yaml.", "2 problems:\\n  - a <b>\\n  - c"))
    <div class="problem"><p><strong>Cannot read x.yaml.</strong> 2 problems:</p><ul><li>a
    &lt;b&gt;</li><li>c</li></ul></div>
    """
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    first, rest = (lines[0], lines[1:]) if lines else ("unknown problem", [])
    return _render(
        "problem.html.j2",
        title=title,
        first=first,
        rest=[line.lstrip("-• ").strip() for line in rest],
    )


def note_view(text: str) -> str:
    """A quiet line of text.

    >>> print(note_view("Load a <file> first."))
    <p class="muted">Load a &lt;file&gt; first.</p>
    """
    return _render("note.html.j2", text=text)


def notes_view(notes: pd.DataFrame) -> str:
    """What was converted while the file was read and scored
    (:attr:`okr_toolkit.Workspace.notes`), as a table; ``""`` when nothing was.

    >>> notes = pd.DataFrame({"where": ["q3.csv"], "kr_id": [""],
    ...                       "note": ["the columns are separated by semicolons, not commas"]})
    >>> page = notes_view(notes)
    >>> "Read with 1 conversion." in page, "<td>q3.csv</td>" in page
    (True, True)
    >>> notes_view(notes.iloc[:0])
    ''
    """
    if len(notes) == 0:
        return ""
    return _render("notes.html.j2", rows=_records(notes))


def loaded_view(name: str, counts: Iterable[tuple[str, Any]]) -> str:
    """What was loaded: the file's name and its counts (``(label, number)`` pairs).

    >>> print(loaded_view("q3 <draft>.yaml", [("objectives", 2), ("key results", 5)]))
    <p>Loaded <b>q3 &lt;draft&gt;.yaml</b>: <b>2</b> objectives, <b>5</b> key results</p>
    """
    return _render("loaded.html.j2", file=name, counts=list(counts))


def unreadable_view(name: str, message: str, *, still_showing: str | None = None) -> str:
    """Why the file ``name`` could not be read (every problem of ``message`` listed), and
    which file is still on screen."""
    page = problem_view(f"Cannot read {name}.", message)
    if still_showing:
        page += note_view(f"Still showing {still_showing}.")
    return page


def download_view(name: str, data: bytes, mime: str) -> str:
    """A link that downloads ``data`` as the file ``name``: the bytes travel in the link
    itself (a ``data:`` URL), so nothing is served or fetched.

    >>> link = download_view("q3 'x'.yaml", b"objectives: []", "application/x-yaml")
    >>> link.split(" href=")[0]
    "<p><a class='download' download='q3 &#39;x&#39;.yaml'"
    >>> "href='data:application/x-yaml;base64,b2JqZWN0aXZlczogW10='>Download q3 &#39;x" in link
    True
    """
    import base64

    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return _render("download.html.j2", file=name, href=href, kib=f"{len(data) / 1024:,.0f}")


def report_page(
    *,
    heading: str,
    source: str,
    date: str | None,
    summary: list[tuple[str, Any]],
    sections: list[tuple[str, str, str]],
) -> str:
    """A whole report page: a header, the summary counts, then each section.

    ``sections`` holds ``(title, view, chart)``: a view from this module and a
    chart as inline SVG (or ``""``), both already HTML; every other value is text
    and is escaped.
    """
    from markupsafe import Markup

    css = (resources.files("okr_toolkit.present") / "_views" / "page.css").read_text(
        encoding="utf-8"
    )
    return _render(
        "report.html.j2",
        heading=heading,
        source=source,
        date=date,
        summary=summary,
        sections=[(t, Markup(body), Markup(chart)) for t, body, chart in sections],
        css=Markup(css + stylesheet()),
    )
