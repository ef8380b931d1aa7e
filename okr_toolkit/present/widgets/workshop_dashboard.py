"""WorkshopDashboard: load an OKR file, then score, lint and plan from it.

The dashboard is layout and wiring only. What it shows of a file is computed by a
:class:`~okr_toolkit.workspace.Workspace` (scores, pacing, KPI health, lint
findings, counts), drawn by :mod:`okr_toolkit.present.views` and
:func:`~okr_toolkit.present.report.report_charts` (the same fragments and charts as the
HTML report), and the tabs hold the other apps as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd
import traitlets as t

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io import OKRFile, read_okr_file
from okr_toolkit.present import charts, views
from okr_toolkit.present.widgets._common import labels
from okr_toolkit.present.widgets.kpi_converter import KPIConverter
from okr_toolkit.present.widgets.kr_scorer import KRScorer
from okr_toolkit.present.widgets.migration_planner import MigrationPlanner
from okr_toolkit.present.widgets.scenario_explorer import ScenarioExplorer
from okr_toolkit.workspace import Workspace

__all__ = ["WorkshopDashboard"]


class WorkshopDashboard(w.VBox):
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

    The app is an :class:`ipywidgets.VBox`. The file on screen is its
    :attr:`workspace` trait: loading a file sets it, and setting it (or linking
    it to another app's) shows that workspace.

    Serve it with Voila: ``make dashboard``.

    Parameters
    ----------
    example
        Bundled example to start with (a name in :attr:`EXAMPLES` that ships
        with the toolkit), or ``None`` to start empty.
    settings
        Grade bands and the other conventions files are read with.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    example : ipywidgets.Dropdown
    upload : ipywidgets.FileUpload
    status : ipywidgets.HTML
        What was loaded, or why a file could not be.
    tabs : ipywidgets.Tab
    summary, scores_view, scores_chart_view, pacing_view : ipywidgets.HTML
    kpi_view, kpi_chart_view, lint_view : ipywidgets.HTML
        The views of the file in the first four tabs.
    kr_pick : ipywidgets.Dropdown
        Which key result of the file the "Score a KR" sliders start from.
    scorer, converter, planner, explorer
        The :class:`KRScorer`, :class:`KPIConverter`, :class:`MigrationPlanner`
        and :class:`ScenarioExplorer` in the tabs.
    export_format, export_button, export_link
        The "Report & export" tab.
    source : OKRFile or None
        The file on screen (``workspace.okr_file``).
    scores, pacing, kpi_table, findings : pandas.DataFrame or None
        The workspace's :attr:`~Workspace.scores`, :attr:`~Workspace.pacing`,
        :attr:`~Workspace.kpi_health` and :attr:`~Workspace.findings`.

    Traits
    ------
    workspace : Workspace or None
        The file on screen and every analysis of it.
    source_name : str or None
        Its name: the example's, or the uploaded file's.
    error : str or None
        The last load's error, ``None`` when it worked.
    message : str
        What the last load did, or why it failed (plain text).
    chart : altair.Chart or None
        The scores chart (KRs with a check-in), also shown as SVG.
    download : (str, bytes) or None
        The last export prepared (:meth:`prepare_download`).

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
    #: The counts (of :attr:`Workspace.counts`) the status line shows.
    STATUS_COUNTS: ClassVar[tuple[str, ...]] = (
        "objectives",
        "key results",
        "scored",
        "KPIs",
        "lint errors",
        "lint warnings",
    )
    _SEED_PICK = "the seed example: activation 42% -> 65%"
    _EXPORTS: ClassVar[dict[str, str]] = {
        "html": "text/html",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "yaml": "application/x-yaml",
    }

    workspace = t.Instance(Workspace, allow_none=True, help="The file on screen.")
    source_name = t.Unicode(None, allow_none=True, help="The name of the file on screen.")
    error = t.Unicode(None, allow_none=True, help="Why the last file could not be read.")
    message = t.Unicode("", help="What the last load did, or why it failed.")
    chart = t.Any(None, allow_none=True, help="The scores chart (Altair).")
    download = t.Any(None, allow_none=True, help="(file name, bytes) of the last export.")

    def __init__(
        self,
        example: str | None = "sample_okrs.yaml",
        *,
        settings: Settings = DEFAULT_SETTINGS,
        **kwargs: Any,
    ) -> None:
        self.settings = settings
        self.examples = self._available_examples()
        # The name the next workspace is shown under (an upload's own name, not its
        # temporary copy's); a workspace set from outside is shown under its file's name.
        self._arriving: str | None = None

        style = labels("70px")
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
        self.export_format = w.Dropdown(
            options=[("HTML report", "html"), ("Excel workbook", "xlsx"), ("YAML file", "yaml")],
            value="html",
            description="export",
            style=style,
            layout=w.Layout(width="300px"),
        )
        self.export_button = w.Button(description="Prepare download", icon="download")
        self.export_link = w.HTML()

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
        super().__init__(
            [header, w.HBox([self.example, self.upload]), self.status, self.tabs], **kwargs
        )
        self.add_class("okr-view")

        self.example.observe(self._on_example, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.kr_pick.observe(self._on_pick, names="value")
        self.export_button.on_click(lambda _button: self.prepare_download())
        self._set_picks()
        if example is not None:
            self.example.value = example

    # -- what the workspace holds --------------------------------------------------------

    @property
    def source(self) -> OKRFile | None:
        """The file on screen."""
        return None if self.workspace is None else self.workspace.okr_file

    @property
    def scores(self) -> pd.DataFrame | None:
        """The scorecard of the file on screen (:attr:`Workspace.scores`)."""
        return None if self.workspace is None else self.workspace.scores

    @property
    def pacing(self) -> pd.DataFrame | None:
        """The pacing of the file on screen (:attr:`Workspace.pacing`)."""
        return None if self.workspace is None else self.workspace.pacing

    @property
    def kpi_table(self) -> pd.DataFrame | None:
        """The KPI health of the file on screen (:attr:`Workspace.kpi_health`)."""
        return None if self.workspace is None else self.workspace.kpi_health

    @property
    def findings(self) -> pd.DataFrame | None:
        """The lint findings of the file on screen (:attr:`Workspace.findings`)."""
        return None if self.workspace is None else self.workspace.findings

    # -- loading -------------------------------------------------------------------------

    def _available_examples(self) -> list[str]:
        from okr_toolkit.datasets import data_path

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
        from okr_toolkit.datasets import data_path

        if name not in self.examples:
            self._fail(name, f"no bundled example {name!r}; choose one of {self.examples}")
            return
        path = data_path(name)
        self._load(name, lambda: read_okr_file(path))
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

        The bytes are read in memory (:func:`~okr_toolkit.io.read_okr_data`) in the
        format the file's suffix names, and every message, note and report calls the
        file by its own name; nothing is written to disk.
        """
        from okr_toolkit.io import read_okr_data

        shown = Path(str(name).replace("\\", "/")).name or "upload"
        suffix = Path(shown).suffix.lower()
        if suffix not in self.SUFFIXES:
            self._fail(
                shown,
                f"{shown}: unknown file type {suffix or '(none)'!r}; upload a "
                f"{', '.join(self.SUFFIXES)} file",
            )
            return
        fmt = suffix.lstrip(".")
        self._load(shown, lambda: read_okr_data(content, format=fmt, name=shown))
        self._set_example(None)

    def _load(self, name: str, read: Callable[[], OKRFile]) -> None:
        try:
            # Every analysis now, so that a file that reads but cannot be analysed fails here.
            workspace = Workspace(read(), settings=self.settings).analyse()
        except OKRDataError as err:
            self._fail(name, str(err))
            return
        self._arriving = name
        try:
            self.workspace = workspace
        finally:
            self._arriving = None

    def _fail(self, name: str, text: str) -> None:
        kept = self.source_name
        with self.hold_trait_notifications():
            self.status.value = views.unreadable_view(name, text, still_showing=kept)
            self.error = text
            self.message = f"Cannot read {name}.\n{text}" + (
                f"\nStill showing {kept}." if kept else ""
            )

    def _set_example(self, name: str | None) -> None:
        self.example.unobserve(self._on_example, names="value")
        self.example.value = name
        self.example.observe(self._on_example, names="value")

    # -- showing the workspace -----------------------------------------------------------

    @t.observe("workspace")
    def _show(self, change: Any) -> None:
        ws: Workspace | None = change["new"]
        name = self._arriving or (None if ws is None else ws.name)
        drawn: dict[str, Any] = {}
        if ws is not None:
            from okr_toolkit.present.report import report_charts

            drawn = report_charts(ws)
        with self.hold_trait_notifications():
            self.source_name, self.error, self.download = name, None, None
            self.chart = drawn.get("kr_scores")
            self.export_link.value = ""
            if ws is None:
                self.message = ""
                for view in self._views():
                    view.value = ""
            else:
                counts = [(label, ws.counts[label]) for label in self.STATUS_COUNTS]
                self.message = f"Loaded {name}: " + ", ".join(f"{n} {k}" for k, n in counts)
                # What the reader converted is said above every tab, as the CLI says it.
                self.status.value = views.loaded_view(str(name), counts) + views.notes_view(
                    ws.notes
                )
                for note in ws.notes.to_dict("records"):
                    who = f"{note['kr_id']}: " if note["kr_id"] else ""
                    self.message += f"\nnote: {note['where']}: {who}{note['note']}"
                self.summary.value = views.scores_summary(ws.scores, settings=ws.settings)
                self.scores_view.value = views.scores_view(ws.scores, ws.empty_objectives)
                self.scores_chart_view.value = self._svg(drawn.get("kr_scores"))
                self.pacing_view.value = views.pacing_view(ws.pacing)
                self.kpi_view.value = views.kpis_view(ws.kpi_health)
                # The report's KPI health chart: each KPI's distance from its threshold.
                self.kpi_chart_view.value = self._svg(drawn.get("kpi_health"))
                self.lint_view.value = views.lint_view(ws.findings, ws.lines)
            self._set_picks()

    def _views(self) -> list[w.HTML]:
        return [
            self.status,
            self.summary,
            self.scores_view,
            self.scores_chart_view,
            self.pacing_view,
            self.kpi_view,
            self.kpi_chart_view,
            self.lint_view,
        ]

    @staticmethod
    def _svg(chart: Any) -> str:
        return "" if chart is None else charts.to_svg(chart)

    # -- "Report & export" ----------------------------------------------------------------

    def prepare_download(self) -> None:
        """Build the chosen export of the file on screen and offer it as a download link.

        The link carries the file itself (a ``data:`` URL), so nothing is served
        or fetched; :attr:`download` holds ``(file name, bytes)`` for tests.
        """
        import tempfile

        from okr_toolkit.io import write_okr_file
        from okr_toolkit.present.report import build_report

        if self.workspace is None:
            self.export_link.value = views.note_view("Load a file first.")
            return
        fmt = self.export_format.value
        stem = Path(str(self.source_name)).stem or "okrs"
        if fmt == "html":
            name, data = f"{stem}_report.html", build_report(self.workspace).encode("utf-8")
        else:
            with tempfile.TemporaryDirectory(prefix="okr-export-") as folder:
                path = write_okr_file(self.workspace.okr_file, Path(folder) / f"{stem}.{fmt}")
                name, data = path.name, path.read_bytes()
        self.export_link.value = views.download_view(name, data, self._EXPORTS[fmt])
        self.download = (name, data)

    # -- "Score a KR" from the file ----------------------------------------------------------

    def _set_picks(self) -> None:
        options: list[tuple[str, str]] = [(self._SEED_PICK, "")]
        if self.workspace is not None:
            options += [
                (f"{r['kr_id']}: {r['statement']}", r["kr_id"])
                for _, r in self.workspace.moving_krs.iterrows()
            ]
        was = self.kr_pick.value
        self.kr_pick.unobserve(self._on_pick, names="value")
        self.kr_pick.options = options
        self.kr_pick.value = ""
        self.kr_pick.observe(self._on_pick, names="value")
        if was:  # a KR of the previous file was on the sliders
            self.scorer.reset()

    def _on_pick(self, change: Any) -> None:
        kr_id = change["new"]
        if not kr_id or self.workspace is None:
            self.scorer.reset()
            return
        r = self.workspace.moving_krs.set_index("kr_id").loc[kr_id]
        # No check-in yet (current is NaN): the scorer starts half way.
        self.scorer.load(
            float(r["baseline"]), float(r["target"]), float(r["current"]), name=str(kr_id)
        )
