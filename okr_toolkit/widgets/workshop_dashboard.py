"""WorkshopDashboard: load an OKR file, then score, lint and plan from it."""

from __future__ import annotations

import base64
import html
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd

from .. import charts, views
from ..exceptions import OKRDataError
from ..settings import DEFAULT_SETTINGS, Settings
from .kpi_converter import KPIConverter
from .kr_scorer import KRScorer
from .migration_planner import MigrationPlanner
from .scenario_explorer import ScenarioExplorer

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["WorkshopDashboard"]


class WorkshopDashboard:
    """The workshop in one app: load an OKR file, then score, lint and plan from it.

    Choose a bundled example or upload a client's file (``.yaml``, ``.yml``,
    ``.csv`` or ``.xlsx``); the tabs show each key result's score and grade (for
    the KRs with a check-in), KPI health, the lint findings with their fixes, and
    the toolkit's apps: KPI to KR (:class:`KPIConverter`), the MBO to OKR plan
    (:class:`MigrationPlanner`), scenarios (:class:`ScenarioExplorer`) and a
    single KR on sliders (:class:`KRScorer`, which can start from a KR of the
    file). A file that cannot be read is reported in the app, every problem
    listed, and the previous data stays on screen. Everything is drawn locally
    (charts are inline SVG); nothing is fetched from the network.

    Serve it with Voila: ``make dashboard``.

    Parameters
    ----------
    example
        Bundled example to start with (a name in :attr:`EXAMPLES` that ships
        with the toolkit), or ``None`` to start empty.
    settings
        Grade bands and the other conventions.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The app.
    source : OKRFile or None
        The file on screen.
    source_name : str or None
        Its name: the example's, or the uploaded file's.
    scores : pandas.DataFrame or None
        One row per KR: ``baseline``, ``target``, ``current``, ``score``,
        ``grade`` and ``status`` (why a KR is not scored).
    kpi_table : pandas.DataFrame or None
        One row per KPI with its ``status``.
    findings : pandas.DataFrame or None
        The lint findings (:func:`okr_toolkit.lint`).
    chart : altair.Chart or None
        The scores chart (KRs with a check-in), also shown as SVG.
    kr_pick : ipywidgets.Dropdown
        Which key result of the file the "Score a KR" sliders start from.
    scorer, converter, planner, explorer
        The :class:`KRScorer`, :class:`KPIConverter`, :class:`MigrationPlanner`
        and :class:`ScenarioExplorer` in the tabs.
    message : str
        What the last load did, or why it failed (plain text).
    error : str or None
        The last load's error, ``None`` when it worked.

    Examples
    --------
    >>> app = WorkshopDashboard()
    >>> app.source_name, len(app.scores), app.error is None
    ('sample_okrs.yaml', 7, True)
    >>> sorted(app.findings["severity"].astype(str).unique())
    ['error', 'warning']
    >>> app.load_bytes("broken.yaml", b"objectives: 3")
    >>> "broken.yaml" in app.error, app.source_name  # the sample stays on screen
    (True, 'sample_okrs.yaml')
    """

    #: Example files shown in the chooser, when they ship in ``datasets/``.
    EXAMPLES: ClassVar[tuple[str, ...]] = ("sample_okrs.yaml", "acme_okrs.yaml")
    #: File types the upload accepts.
    SUFFIXES: ClassVar[tuple[str, ...]] = (".yaml", ".yml", ".csv", ".xlsx")
    _SEED_PICK = "the seed example: activation 42% -> 65%"
    TABS: ClassVar[tuple[str, ...]] = (
        "Scores",
        "Pacing",
        "KPI health",
        "Lint",
        "KPI -> KR",
        "Migration",
        "Scenarios",
        "Score a KR",
        "Report & export",
    )

    def __init__(
        self, example: str | None = "sample_okrs.yaml", *, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        self.settings = settings
        self.examples = self._available_examples()
        self.workspace: Workspace | None = None
        self.source: Any = None
        self.source_name: str | None = None
        self.scores: pd.DataFrame | None = None
        self.kpi_table: pd.DataFrame | None = None
        self.findings: pd.DataFrame | None = None
        self.chart: Any = None
        self.message = ""
        self.error: str | None = None

        style = {"description_width": "70px"}
        self.example = w.Dropdown(
            options=self.examples,
            value=None,
            description="example",
            style=style,
            layout=w.Layout(width="300px"),
        )
        self.upload = w.FileUpload(
            accept=",".join(self.SUFFIXES),
            multiple=False,
            description="Upload OKR file",
            layout=w.Layout(width="180px"),
        )
        self.status = w.HTML()
        self.summary = w.HTML()
        self.scores_view = w.HTML()
        self.scores_chart_view = w.HTML()
        self.kpi_view = w.HTML()
        self.kpi_chart_view = w.HTML()
        self.lint_view = w.HTML()
        self.pacing_view = w.HTML()
        self.pacing: pd.DataFrame | None = None
        self.export_format = w.Dropdown(
            options=[("HTML report", "html"), ("Excel workbook", "xlsx"), ("YAML file", "yaml")],
            value="html",
            description="export",
            style=style,
            layout=w.Layout(width="300px"),
        )
        self.export_button = w.Button(description="Prepare download", icon="download")
        self.export_link = w.HTML()
        self.export_button.on_click(lambda _button: self.prepare_download())
        self.download: tuple[str, bytes] | None = None

        self.scorer = KRScorer(settings=settings)
        self.kr_pick = w.Dropdown(
            description="key result",
            style=style,
            layout=w.Layout(width="520px"),
        )
        self.converter = KPIConverter(settings=settings)
        self.planner = MigrationPlanner()
        self.explorer = ScenarioExplorer(settings=settings)

        def panel(*children: w.Widget) -> w.VBox:
            return w.VBox(list(children), layout=w.Layout(padding="6px 4px"))

        self.tabs = w.Tab(
            children=[
                panel(self.summary, self.scores_view, self.scores_chart_view),
                panel(self.pacing_view),
                panel(self.kpi_view, self.kpi_chart_view),
                panel(self.lint_view),
                panel(
                    w.HTML(
                        "<p class='muted'>A stalled KPI from the bundled KPI history becomes "
                        "a stretch key result.</p>"
                    ),
                    self.converter,
                ),
                panel(self.planner),
                panel(self.explorer),
                panel(self.kr_pick, self.scorer),
                panel(
                    w.HTML(
                        "<p>Hand over what is on screen: the self-contained HTML report "
                        "(opens with no network), or the OKRs as an Excel workbook or a YAML "
                        "file in the documented format.</p>"
                    ),
                    w.HBox([self.export_format, self.export_button]),
                    self.export_link,
                ),
            ]
        )
        for i, title in enumerate(self.TABS):
            self.tabs.set_title(i, title)
        self.tabs.add_class("okr-dash-tabs")
        header = w.HTML(f"<style>{views.stylesheet()}</style>")
        self.widget = w.VBox([header, w.HBox([self.example, self.upload]), self.status, self.tabs])
        self.widget.add_class("okr-view")

        self.example.observe(self._on_example, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.kr_pick.observe(self._on_pick, names="value")
        self._set_picks()
        if example is not None:
            self.example.value = example

    # -- loading -------------------------------------------------------------------------

    def _available_examples(self) -> list[str]:
        from ..datasets import data_path

        found = []
        for name in self.EXAMPLES:
            try:
                data_path(name)
            except OKRDataError:
                continue
            found.append(name)
        return found

    def _on_example(self, change: Any) -> None:
        if change["new"] is not None:
            self.load_example(change["new"])

    def load_example(self, name: str) -> None:
        """Show bundled example ``name`` (one of :attr:`examples`)."""
        from ..datasets import data_path

        if name not in self.examples:
            self._fail(name, f"no bundled example {name!r}; choose one of {self.examples}")
            return
        self._load(name, data_path(name))
        if self.example.value != name:
            self._set_example(name)

    def _on_upload(self, change: Any) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        self.load_bytes(str(upload["name"]), bytes(upload["content"]))
        # Forget the bytes, so that the same file can be uploaded again.
        self.upload.unobserve(self._on_upload, names="value")
        self.upload.value = ()
        self.upload.observe(self._on_upload, names="value")

    def load_bytes(self, name: str, content: bytes) -> None:
        """Read an uploaded file's bytes as OKRs (what the upload button does).

        The bytes are written to a temporary folder under the file's own name
        (so its suffix picks the reader), read, and the folder removed.
        """
        import re
        import tempfile
        from pathlib import Path

        shown = Path(str(name).replace("\\", "/")).name or "upload"
        suffix = Path(shown).suffix.lower()
        if suffix not in self.SUFFIXES:
            self._fail(
                shown,
                f"{shown}: unknown file type {suffix or '(none)'!r}; upload a "
                f"{', '.join(self.SUFFIXES)} file",
            )
            return
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(shown).stem).strip("._") or "upload"
        with tempfile.TemporaryDirectory(prefix="okr-upload-") as folder:
            path = Path(folder) / f"{safe}{suffix}"
            path.write_bytes(content)
            self._load(shown, path, strip=str(path), as_name=shown)
        self._set_example(None)

    def _load(self, name: str, path: Any, *, strip: str | None = None, as_name: str = "") -> None:
        from ..workspace import Workspace

        try:
            workspace = Workspace.open(path, settings=self.settings)
            # Computed now, so a file that reads but cannot be analysed fails here.
            scores, kpi_table, findings = (
                workspace.scores,
                workspace.kpi_health,
                workspace.findings,
            )
        except OKRDataError as err:
            text = str(err)
            if strip:
                # Name the file as the user knows it, not by its temporary path.
                text = text.replace(strip, as_name or name)
            self._fail(name, text)
            return
        self.workspace = workspace
        self.source, self.source_name = workspace.okr_file, name
        self.scores, self.kpi_table, self.findings = scores, kpi_table, findings
        self.error = None
        self._render()

    def _fail(self, name: str, text: str) -> None:
        self.error = text
        kept = f"Still showing {self.source_name}." if self.source_name else ""
        self.message = f"Cannot read {name}.\n{text}" + (f"\n{kept}" if kept else "")
        self.status.value = views.problem_view(f"Cannot read {name}.", text) + (
            f"<p class='muted'>{html.escape(kept)}</p>" if kept else ""
        )

    def _set_example(self, name: str | None) -> None:
        self.example.unobserve(self._on_example, names="value")
        self.example.value = name
        self.example.observe(self._on_example, names="value")

    # -- rendering -----------------------------------------------------------------------

    def _render(self) -> None:
        scores, kpi_table, findings = self.scores, self.kpi_table, self.findings
        assert scores is not None and kpi_table is not None and findings is not None
        okrs = self.source.okrs
        scored = scores[scores["grade"] != ""]
        severity = findings["severity"].astype(str)
        counts = {
            "objectives": okrs["objective_id"].nunique(),
            "key results": len(okrs),
            "scored": len(scored),
            "KPIs": len(kpi_table),
            "lint errors": int((severity == "error").sum()),
            "lint warnings": int((severity == "warning").sum()),
        }
        self.message = f"Loaded {self.source_name}: " + ", ".join(
            f"{v} {k}" for k, v in counts.items()
        )
        self.status.value = (
            f"<p>Loaded <b>{html.escape(str(self.source_name))}</b>: "
            + ", ".join(f"<b>{v}</b> {html.escape(k)}" for k, v in counts.items())
            + "</p>"
        )
        self._render_scores(scores, scored)
        self._render_pacing()
        self._render_kpis(kpi_table)
        self.download = None
        self.export_link.value = ""
        self._render_lint(findings)
        self._set_picks()

    def _render_scores(self, scores: pd.DataFrame, scored: pd.DataFrame) -> None:
        self.summary.value = views.scores_summary(scores, settings=self.settings)
        self.scores_view.value = views.scores_view(scores)
        if len(scored):
            frame = scored[["kr_id", "score", "grade"]].astype({"grade": str})
            self.chart = charts.kr_progress(frame, settings=self.settings, width=420)
            self.scores_chart_view.value = charts.to_svg(self.chart)
        else:
            self.chart = None
            self.scores_chart_view.value = ""

    def _render_pacing(self) -> None:
        assert self.workspace is not None
        self.pacing = self.workspace.pacing
        self.pacing_view.value = views.pacing_view(self.pacing)

    def prepare_download(self) -> None:
        """Build the chosen export of the file on screen and offer it as a download link.

        The link carries the file itself (a ``data:`` URL), so nothing is served
        or fetched; :attr:`download` holds ``(file name, bytes)`` for tests.
        """
        import tempfile
        from pathlib import Path

        from ..io import write_okr_file
        from ..report import build_report

        if self.source is None:
            self.export_link.value = "<p class='muted'>Load a file first.</p>"
            return
        fmt = self.export_format.value
        stem = Path(str(self.source_name)).stem or "okrs"
        if fmt == "html":
            page = build_report(self.source, settings=self.settings)
            name, data = f"{stem}_report.html", page.encode("utf-8")
            mime = "text/html"
        else:
            with tempfile.TemporaryDirectory(prefix="okr-export-") as folder:
                path = write_okr_file(self.source, Path(folder) / f"{stem}.{fmt}")
                name, data = path.name, path.read_bytes()
            mime = (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                if fmt == "xlsx"
                else "application/x-yaml"
            )
        self.download = (name, data)
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        self.export_link.value = (
            f"<p><a class='download' download='{html.escape(name)}' href='{href}'>Download "
            f"{html.escape(name)}</a> ({len(data) / 1024:,.0f} KiB)</p>"
        )

    def _render_kpis(self, table: pd.DataFrame) -> None:
        self.kpi_view.value = views.kpis_view(table)
        if len(table) == 0:
            self.kpi_chart_view.value = ""
            return
        # The report's KPI health chart: each KPI's distance from its threshold, as SVG.
        try:
            self.kpi_chart_view.value = charts.to_svg(charts.kpi_health(table))
        except OKRDataError:  # no KPI with a value to draw
            self.kpi_chart_view.value = ""

    def _render_lint(self, findings: pd.DataFrame) -> None:
        assert self.workspace is not None
        self.lint_view.value = views.lint_view(findings, self.workspace.lines)

    # -- "Score a KR" from the file ----------------------------------------------------------

    def _set_picks(self) -> None:
        options: list[tuple[str, str]] = [(self._SEED_PICK, "")]
        if self.scores is not None:
            usable = self.scores.dropna(subset=["baseline", "target"])
            usable = usable[usable["baseline"] != usable["target"]]
            options += [
                (f"{r['kr_id']}: {r['statement']}", r["kr_id"]) for _, r in usable.iterrows()
            ]
        was = self.kr_pick.value
        self.kr_pick.unobserve(self._on_pick, names="value")
        self.kr_pick.options = options
        self.kr_pick.value = ""
        self.kr_pick.observe(self._on_pick, names="value")
        if was:  # a KR of the previous file was on the sliders
            self._on_pick({"new": ""})

    def _on_pick(self, change: Any) -> None:
        kr_id = change["new"]
        if not kr_id:
            self.scorer.reset()
            return
        assert self.scores is not None
        r = self.scores.set_index("kr_id").loc[kr_id]
        # No check-in yet (current is NaN): the scorer starts half way.
        self.scorer.load(
            float(r["baseline"]), float(r["target"]), float(r["current"]), name=str(kr_id)
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
