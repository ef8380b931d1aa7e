"""Score an OKR table as it comes from a file: every KR scored, or told why not.

:func:`okr_toolkit.core.score_krs` is strict: it refuses a table with any KR it
cannot score. A client's file is rarely complete (a KR with no check-in yet, a
baseline only in the sentence), so :func:`scorecard` is the lenient door every
front end uses: it fills a missing baseline, target or direction from the KR's
statement, scores what can be scored with the given settings, and gives every
other KR a ``status`` that says why it has no score.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns
from okr_toolkit.core.changes import implied_targets
from okr_toolkit.core.grades import grade
from okr_toolkit.core.scoring import Method, score
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.core.units import statement_units
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import DIRECTIONS

__all__ = ["SCORECARD_COLUMNS", "scorecard"]

#: Columns of :func:`scorecard`, in order.
SCORECARD_COLUMNS: tuple[str, ...] = (
    "objective_id",
    "objective",
    "kr_id",
    "statement",
    "baseline",
    "target",
    "current",
    "direction",
    "score",
    "grade",
    "status",
    "note",
)
#: Directions that need no baseline: a line to hold, or done / not done.
_NO_BASELINE = ("stay_above", "stay_below", "milestone")
NO_CHECKIN = "no check-in yet"


def _numbers(frame: pd.DataFrame, name: str) -> tuple[pd.Series, pd.Series]:
    """The column as floats (NaN where absent or unreadable), and the raw values."""
    if name not in frame.columns:
        empty = pd.Series(np.nan, index=frame.index, dtype="float64")
        return empty, empty.astype(object)
    raw = frame[name]
    values = raw
    if raw.dtype == object or raw.dtype.kind in "bc":
        # True and 1+0j are not numbers of a key result (True would score as 1.0).
        odd = raw.astype(object).map(_not_a_number)
        if odd.any():
            values = raw.astype(object).where(~odd, None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    return numbers, raw.astype(object)


def _not_a_number(value: object) -> bool:
    """A bool or a complex number, which pandas would otherwise read as a float."""
    return isinstance(value, bool | np.bool_ | complex | np.complexfloating)


def _blank(values: pd.Series) -> pd.Series:
    return values.isna() | (values.astype(str).str.strip() == "")


def scorecard(
    okrs: pd.DataFrame,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    method: Method = "clamped",
) -> pd.DataFrame:
    """One row per key result: the numbers used, and a score or the reason there is none.

    A key result is scored when it has a ``current`` value and what its
    direction needs: a baseline and a target to move between, a target line
    to stay above or below, or nothing more for a milestone. A baseline,
    target or ``stay_above``/``stay_below``/``milestone`` direction missing
    from the table is read from the KR's ``statement``. The others get a
    ``status``: ``"no check-in yet"``, or ``"not scored: <why>"``.

    Numbers read from a statement are put in the unit of the KR's own values
    (:mod:`okr_toolkit.core.units`): a statement in minutes for a KR measured in
    hours is converted, and ``note`` says so; a statement that mixes durations
    for a KR that names no unit is not scored, since the unit of ``current``
    cannot be told.

    Parameters
    ----------
    okrs
        The OKR table (:data:`okr_toolkit.vocab.OKR_COLUMNS`), e.g.
        :attr:`okr_toolkit.OKRFile.okrs` or :func:`okr_toolkit.core.objectives_to_frame`.
        Needs ``kr_id`` and ``statement``; every other column is optional. Not modified.
    settings
        The grade bands (``yellow_from``, ``green_from``) of the ``grade`` column.
    method
        The scoring convention, one of :data:`okr_toolkit.core.METHODS`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SCORECARD_COLUMNS`, in the order of ``okrs``, with its index.

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({"objective_id": ["a", "a", "a"],
    ...                     "kr_id": ["a.kr1", "a.kr2", "a.kr3"],
    ...                     "statement": ["Lift activation from 42% to 65%",
    ...                                   "Cut churn from 5% to 3%",
    ...                                   "Achieve 80%+ satisfaction"],
    ...                     "current": [58.1, None, 84]})
    >>> scorecard(krs)[["kr_id", "direction", "score", "grade", "status"]]
       kr_id   direction  score  grade           status
    0  a.kr1    increase    0.7  green
    1  a.kr2    decrease    NaN         no check-in yet
    2  a.kr3  stay_above    1.0  green

    Stricter bands grade the same score differently:

    >>> from dataclasses import replace
    >>> from okr_toolkit.core import DEFAULT_SETTINGS
    >>> strict = replace(DEFAULT_SETTINGS, green_from=0.9)
    >>> scorecard(krs, settings=strict).loc[0, "grade"]
    'yellow'
    """
    from okr_toolkit.statements import classify_statements

    require_columns(okrs, ["kr_id", "statement"], "the key results")
    index = okrs.index
    statements = okrs["statement"].astype(object).where(okrs["statement"].notna(), "")
    reads = classify_statements(statements.astype(str))
    reads.index = index

    baseline, _ = _numbers(okrs, "baseline")
    target, _ = _numbers(okrs, "target")
    current, raw_current = _numbers(okrs, "current")
    # The statement's numbers, in the unit of the KR's own values (or why they cannot be).
    read_base, read_target = reads["baseline"].astype("float64"), reads["target"].astype("float64")
    from_statement = (baseline.isna() & read_base.notna()) | (target.isna() & read_target.notna())
    factor, unit_why, note = statement_units(
        reads["unit"],
        reads["notes"],
        okrs["unit"] if "unit" in okrs.columns else None,
        from_statement.to_numpy(),
    )
    baseline = baseline.fillna(read_base * factor)
    target = target.fillna(read_target * factor)
    # "Grow weekly active teams by 20%": the target is the change from the baseline.
    implied, unit_clash = implied_targets(
        baseline,
        reads["relative_change"],
        reads["absolute_change"],
        change_unit=reads["unit"],
        kr_unit=okrs["unit"] if "unit" in okrs.columns else None,
    )
    target = target.fillna(implied)

    given = okrs["direction"] if "direction" in okrs.columns else pd.Series(None, index=index)
    given = given.astype(object)
    given_blank = _blank(given)
    read = reads["direction"].astype(object)
    direction = given.where(~given_blank, read.where(read.isin(_NO_BASELINE)))
    direction = direction.map(lambda d: d.strip() if isinstance(d, str) else d)
    # Otherwise the numbers say which way: down to a lower target is a decrease.
    inferred = pd.Series(np.where(target < baseline, "decrease", "increase"), index=index)
    direction = direction.where(direction.notna(), inferred).astype(object)

    # Why a KR is not scored, decided in order; "" for those that get a score.
    status = np.full(len(index), "", dtype=object)
    missing = current.isna().to_numpy()
    unreadable = missing & ~_blank(raw_current).to_numpy()
    status[unreadable] = [
        f"not scored: current {v!r} is not a number" for v in raw_current[unreadable]
    ]
    unclear = (status == "") & (unit_why != "")
    status[unclear] = [f"not scored: {why}" for why in unit_why[unclear]]
    status[(status == "") & missing] = NO_CHECKIN
    no_target = (direction != "milestone").to_numpy() & target.isna().to_numpy()
    clash = (status == "") & no_target & (unit_clash != "").to_numpy()
    status[clash] = [f"not scored: no target: {why}" for why in unit_clash[clash]]
    status[(status == "") & no_target] = "not scored: no target in the file or the statement"
    no_baseline = ~direction.isin(_NO_BASELINE).to_numpy() & baseline.isna().to_numpy()
    status[(status == "") & no_baseline] = "not scored: no baseline in the file or the statement"

    scores = np.full(len(index), np.nan)
    todo = status == ""
    if todo.any():
        scores[todo], status[todo] = _score_rows(
            current[todo], baseline[todo], target[todo], direction[todo],
            okrs["kr_id"][todo], method,
        )  # fmt: skip
    grades = np.full(len(index), "", dtype=object)
    scored = ~np.isnan(scores)
    if scored.any():
        clipped = np.clip(scores[scored], 0.0, 1.0)  # uncapped scores grade as clipped
        grades[scored] = np.asarray(grade(clipped, settings=settings), dtype=object)

    objective = okrs["objective"] if "objective" in okrs.columns else pd.Series(None, index=index)
    objective_id = (
        okrs["objective_id"] if "objective_id" in okrs.columns else pd.Series(None, index=index)
    )
    return pd.DataFrame(
        {
            "objective_id": objective_id,
            "objective": objective.where(objective.notna(), objective_id),
            "kr_id": okrs["kr_id"],
            "statement": okrs["statement"],
            "baseline": baseline,
            "target": target,
            "current": current,
            "direction": pd.Categorical(direction, categories=list(DIRECTIONS)),
            "score": scores,
            "grade": grades,
            "status": status,
            "note": note,
        },
        index=index,
        columns=list(SCORECARD_COLUMNS),
    )


def _score_rows(
    current: pd.Series,
    baseline: pd.Series,
    target: pd.Series,
    direction: pd.Series,
    labels: pd.Series,
    method: Method,
) -> tuple[np.ndarray, np.ndarray]:
    """Scores of KRs that have their numbers, in one call; one call per KR only to
    say why, when some cannot be scored (a direction the numbers contradict)."""
    args: dict[str, Any] = {"method": method}
    try:
        out = score(
            current.to_numpy(),
            baseline.to_numpy(),
            target.to_numpy(),
            direction.to_numpy(),
            labels=labels.to_numpy(),
            **args,
        )
        return np.asarray(out, dtype="float64"), np.full(len(current), "", dtype=object)
    except (OKRDataError, ValueError):
        pass
    values, problems = np.full(len(current), np.nan), np.full(len(current), "", dtype=object)
    for i, (c, b, t, d, label) in enumerate(
        zip(current, baseline, target, direction, labels, strict=True)
    ):
        try:
            values[i] = float(score(c, b, t, d, labels=[label], **args))
        except (OKRDataError, ValueError) as err:
            problems[i] = "not scored: " + str(err).splitlines()[0]
    return values, problems
