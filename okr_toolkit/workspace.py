"""A workspace: one OKR file and one set of settings, and every analysis of them.

Every front end (the ``okr`` command, the HTML report, the workshop dashboard,
the notebooks) asks a :class:`Workspace` for what it shows, so a key result is
scored, paced and linted the same way and with the same settings wherever it is
looked at. Each analysis is computed on first use and kept.

Examples
--------
>>> from dataclasses import replace
>>> import okr_toolkit.datasets as ds
>>> from okr_toolkit.core import DEFAULT_SETTINGS
>>> ws = Workspace.open(ds.data_path("acme_okrs.yaml"))
>>> len(ws.scores), ws.scores["grade"].value_counts().to_dict()
(33, {'yellow': 19, 'red': 13, 'green': 1})
>>> strict = ws.with_settings(replace(DEFAULT_SETTINGS, yellow_from=0.5, green_from=0.9))
>>> strict.scores["grade"].value_counts().to_dict()
{'red': 23, 'yellow': 10}
>>> ws.pacing["pace"].value_counts().sort_index().to_dict()
{'ahead': 1, 'behind': 15, 'on_track': 17}
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np
import pandas as pd

from okr_toolkit.core.scorecard import NO_CHECKIN, scorecard
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io import OKRFile, read_okr_file

__all__ = ["DateLike", "Workspace", "kpi_table", "pacing_table"]

DateLike = str | _dt.date | _dt.datetime | pd.Timestamp


@dataclasses.dataclass(frozen=True, eq=False)
class Workspace:
    """An OKR file read once, with the settings every analysis of it uses.

    Parameters
    ----------
    okr_file
        The file's contents (:func:`okr_toolkit.read_okr_file`), or an
        :class:`~okr_toolkit.io.OKRFile` built in Python.
    settings
        Grade bands, KPI and pacing tolerances, the linter's limits.

    Attributes
    ----------
    scores
        :func:`okr_toolkit.core.scorecard`: each KR's numbers, score, grade and status.
    pacing
        :func:`pacing_table` as of the latest check-in.
    kpi_health
        :func:`kpi_table`: each KPI against its line.
    findings
        :func:`okr_toolkit.linter.lint` of the objectives, key results and KPIs.
    lines
        Where each key result starts in the file (``kr_id -> line``).
    counts
        The numbers a summary starts with: objectives, key results, scored, ...
    moving_krs
        The key results that move a metric from a baseline to another target.
    notes
        What was converted while the file was read and scored, each at its place.
    """

    okr_file: OKRFile
    settings: Settings = dataclasses.field(default=DEFAULT_SETTINGS, kw_only=True)

    @classmethod
    def open(cls, path: str | Path, *, settings: Settings = DEFAULT_SETTINGS) -> Workspace:
        """Read an OKR file (YAML, CSV or Excel) into a workspace; every problem at once."""
        return cls(read_okr_file(path), settings=settings)

    def with_settings(self, settings: Settings) -> Workspace:
        """The same file under other settings (nothing is read again)."""
        return Workspace(self.okr_file, settings=settings)

    @property
    def okrs(self) -> pd.DataFrame:
        """The OKR table: one row per key result (:data:`okr_toolkit.vocab.OKR_COLUMNS`)."""
        return self.okr_file.okrs

    @property
    def name(self) -> str:
        """The file's name, without its folder."""
        return Path(self.okr_file.path).name

    @functools.cached_property
    def scores(self) -> pd.DataFrame:
        return scorecard(self.okrs, settings=self.settings)

    @functools.cached_property
    def pacing(self) -> pd.DataFrame:
        return self.pacing_on(None)

    def pacing_on(self, on: Any) -> pd.DataFrame:
        """Pacing as of the date ``on`` (``None``: the latest check-in)."""
        return pacing_table(self.okr_file, on=on, scores=self.scores, settings=self.settings)

    @functools.cached_property
    def kpi_health(self) -> pd.DataFrame:
        return kpi_table(self.okr_file.kpis, settings=self.settings)

    @functools.cached_property
    def findings(self) -> pd.DataFrame:
        from okr_toolkit.linter import lint

        return lint(self.okrs, self.okr_file.kpis, settings=self.settings)

    @functools.cached_property
    def lines(self) -> dict[Any, Any]:
        """Where each key result starts in its file (``kr_id -> line``), when the file says."""
        if "line" not in self.okrs.columns:
            return {}
        return self.okrs.dropna(subset=["line"]).set_index("kr_id")["line"].to_dict()

    @functools.cached_property
    def conversions(self) -> pd.DataFrame:
        """A stretch key result proposed for each breached KPI of the file
        (:func:`okr_toolkit.kpi_to_kr`, default strategy: the threshold is cleared at a
        score of 0.5), with what it means (:func:`okr_toolkit.planning.explain`).

        Columns: ``kpi``, ``baseline`` (the KPI's value), ``threshold``, ``target``,
        ``direction``, ``unit``, ``threshold_score``, ``explanation`` and ``linked_krs``
        (the file's key results that name the KPI). Healthy KPIs and KPIs with no value
        are not converted: a KPI that holds its line stays a health check.

        Examples
        --------
        >>> import okr_toolkit.datasets as ds
        >>> ws = Workspace.open(ds.data_path("sample_okrs.yaml"))
        >>> ws.conversions[["kpi", "baseline", "threshold", "target", "linked_krs"]].head(2)
                           kpi  baseline  threshold  target        linked_krs
        0      activation_rate      42.0       50.0    58.0  [activation.kr1]
        1  time_to_first_value       5.0        4.0     3.0  [activation.kr2]
        """
        from okr_toolkit.planning.convert import explain, kpi_to_kr

        columns = ["kpi", "baseline", "threshold", "target", "direction", "unit",
                   "threshold_score", "explanation", "linked_krs"]  # fmt: skip
        okrs = self.okrs
        links = (
            okrs.dropna(subset=["kpi"]).groupby("kpi")["kr_id"].agg(list).to_dict()
            if "kpi" in okrs.columns
            else {}
        )
        kpis = self.okr_file.kpis
        units = (
            dict(zip(kpis["kpi"], kpis["unit"], strict=True))
            if kpis is not None and {"kpi", "unit"} <= set(kpis.columns)
            else {}
        )
        rows = []
        for k in self.kpi_health.itertuples(index=False):
            if str(k.status) != "breached":
                continue
            unit = units.get(k.kpi)
            unit = "" if _isna(unit) else str(unit)
            better: Literal["higher", "lower"] = "lower" if str(k.better) == "lower" else "higher"
            proposal = kpi_to_kr(
                str(k.kpi), _float(k.value), _float(k.threshold), better=better,
                unit=unit, settings=self.settings,
            )  # fmt: skip
            rows.append(
                [proposal.kpi, proposal.baseline, proposal.threshold, proposal.target,
                 proposal.direction, unit, proposal.threshold_score,
                 explain(proposal, settings=self.settings), links.get(proposal.kpi, [])]
            )  # fmt: skip
        return pd.DataFrame(rows, columns=columns)

    @functools.cached_property
    def empty_objectives(self) -> pd.DataFrame:
        """The file's objectives that have no key result yet (``objective_id``, ``objective``),
        so a report can list them instead of leaving them out.

        Examples
        --------
        >>> import okr_toolkit.datasets as ds
        >>> len(Workspace.open(ds.data_path("sample_okrs.yaml")).empty_objectives)
        0
        """
        objectives = self.okr_file.objectives
        if objectives is None or len(objectives) == 0:
            return pd.DataFrame({"objective_id": [], "objective": []}, dtype=object)
        empty = objectives[~objectives["objective_id"].isin(self.okrs["objective_id"])]
        title = empty["objective"] if "objective" in empty.columns else empty["objective_id"]
        return pd.DataFrame(
            {"objective_id": empty["objective_id"].to_numpy(), "objective": title.to_numpy()}
        )

    @functools.cached_property
    def notes(self) -> pd.DataFrame:
        """What the toolkit converted, and says so, while it read and scored the file.

        One row per conversion: the reader's (a percentage cell read as per cent, a
        semicolon-separated file, confidences put on 0-10; :attr:`OKRFile.warnings
        <okr_toolkit.io.OKRFile>`) and the scorecard's (a statement's minutes converted
        to the key result's hours; the ``note`` column of :attr:`scores`). Columns:
        ``where`` (the file, and its line or row when known), ``kr_id`` (empty for a note
        about the whole file) and ``note``. Empty for a file read exactly as written, so
        a report or dashboard that shows no notes has converted nothing.

        Examples
        --------
        >>> import pandas as pd
        >>> from okr_toolkit.io import OKRFile
        >>> krs = pd.DataFrame({"objective_id": ["support"], "kr_id": ["support.kr1"],
        ...     "statement": ["Reduce median first response time from 6h to 45 min"],
        ...     "current": [2.3], "unit": ["hours"]})
        >>> ws = Workspace(OKRFile("okrs.yaml", krs))
        >>> print(ws.notes.iloc[0]["note"])
        baseline and target read from the statement in minutes, converted to the key result's hours
        >>> import okr_toolkit.datasets as ds
        >>> len(Workspace.open(ds.data_path("sample_okrs.yaml")).notes)
        0
        """
        from okr_toolkit.io.model import FileProblem

        path = str(self.okr_file.path)
        rows: list[tuple[str, str, str]] = [
            (w.location, "", w.message + (f"; {w.fix}" if w.fix else ""))
            for w in self.okr_file.warnings
        ]
        if "note" in self.scores.columns:
            noted = self.scores[self.scores["note"].fillna("").astype(str) != ""]
            for kr_id, note in zip(noted["kr_id"], noted["note"], strict=True):
                line: Any = self.lines.get(kr_id)
                where = FileProblem(path, "", line=None if _isna(line) else int(line))
                rows.append((where.location, str(kr_id), str(note)))
        return pd.DataFrame(rows, columns=["where", "kr_id", "note"], dtype=object)

    @functools.cached_property
    def counts(self) -> dict[str, int]:
        """How many objectives, key results (scored, waiting for a check-in), KPIs (breached)
        and lint findings of each severity the file has, by label.

        Examples
        --------
        >>> import okr_toolkit.datasets as ds
        >>> Workspace.open(ds.data_path("sample_okrs.yaml")).counts
        {'objectives': 3, 'key results': 7, 'scored': 0, 'no check-in yet': 7, 'KPIs': 4,
         'KPIs breached': 3, 'lint errors': 2, 'lint warnings': 6, 'lint notes': 0}
        """
        scores, health = self.scores, self.kpi_health
        severity = self.findings["severity"].astype(str)
        return {
            "objectives": int(self.okrs["objective_id"].nunique()) + len(self.empty_objectives),
            "key results": len(self.okrs),
            "scored": int((scores["grade"] != "").sum()),
            "no check-in yet": int((scores["status"] == NO_CHECKIN).sum()),
            "KPIs": len(health),
            "KPIs breached": int((health["status"] == "breached").sum()),
            "lint errors": int((severity == "error").sum()),
            "lint warnings": int((severity == "warning").sum()),
            "lint notes": int((severity == "info").sum()),
        }

    @functools.cached_property
    def moving_krs(self) -> pd.DataFrame:
        """The rows of :attr:`scores` with a baseline and a different target (in the file or
        read from the statement), with or without a check-in: the key results a slider can
        move from one to the other.

        Examples
        --------
        >>> import okr_toolkit.datasets as ds
        >>> Workspace.open(ds.data_path("sample_okrs.yaml")).moving_krs["kr_id"].tolist()
        ['activation.kr1', 'activation.kr2']
        """
        usable = self.scores.dropna(subset=["baseline", "target"])
        return usable[usable["baseline"] != usable["target"]]

    def analyse(self) -> Workspace:
        """Compute every analysis now and return the workspace, so that a file that reads but
        cannot be analysed fails here (:class:`~okr_toolkit.OKRDataError`), not later."""
        names = (
            "scores",
            "pacing",
            "kpi_health",
            "findings",
            "lines",
            "empty_objectives",
            "notes",
            "counts",
        )
        for name in names:
            getattr(self, name)
        return self


def _isna(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _float(value: Any) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return float("nan")
    return x


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
    from okr_toolkit.core.kpis import kpi_status

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
        :func:`~okr_toolkit.core.scorecard` of the file's key results, when the caller
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
    from okr_toolkit.core.pacing import expected_progress, linear_forecast, pace, quarter_bounds

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
        fc = linear_forecast(krs, seen, end, start=start).iloc[0] if len(seen) else None
        expected = float(expected_progress(as_of, start, end))
        rows.append(
            {
                "kr_id": kr_id,
                "statement": kr["statement"],
                "cycle": str(cycle),
                "as_of": as_of.date().isoformat(),
                "expected": expected,
                "score": float(kr["score"]),
                "pace": str(pace(float(kr["score"]), expected, settings=settings)),
                "forecast_value": np.nan if fc is None else float(fc["forecast_value"]),
                "forecast_score": np.nan if fc is None else float(fc["forecast_score"]),
                "n_checkins": len(seen),
            }
        )
    return pd.DataFrame(rows, columns=columns)


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
