"""The public entry points: parse_statement, classify_statement, classify_statements.

Each reads through the pipeline in :mod:`okr_toolkit.statements.reading` and the
labels in :mod:`okr_toolkit.statements.classify`; the most recent readings are
kept in a cache, which is safe because every result is immutable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..vocab import DIRECTIONS
from .classify import _label, _quote_numbers
from .model import decide, features, is_locked, load_model, reading_cues
from .reading import _read
from .results import FRAME_COLUMNS, LABELS, Classification, ParsedStatement
from .text import MAX_CHARS

if TYPE_CHECKING:
    import pandas as pd


#: How many recently read statements are kept (results are immutable, so sharing is safe).
CACHE_SIZE = 4096


def _classify_uncached(text: str) -> tuple[ParsedStatement, str, str]:
    """Parse and label one statement: (parsed, label, reason).

    The rules label the reading; the label model (:mod:`.model`) may replace a label
    it is confident is wrong. A KPI holds a line, so its direction is a floor or a
    ceiling (``stay_above`` / ``stay_below``), never a change.
    """
    r = _read(text)
    rule = _label(r)
    p = r.parsed
    model = load_model()
    if model is None or is_locked(r, rule[0]):
        label, reason = rule  # no words outweigh a change from a baseline to a target
    else:
        label, reason = decide(
            model,
            features(text, reading_cues(r, rule[0])),
            rule,
            has_number=p.parsed,
            numbers=_quote_numbers(r),
            metric=p.metric or "the metric",
        )
    # A line to hold is a target value; a growth rate held ("10% week over week") keeps
    # the direction of its change.
    held = _HELD.get(p.direction or "") if label == "kpi" and p.target is not None else None
    if held is not None and p.relative_change is None and p.absolute_change is None:
        p = dataclasses.replace(p, direction=held)
    return p, label, reason


#: The line a KPI holds, for a reading that says which way its metric should move.
_HELD = {"increase": "stay_above", "decrease": "stay_below"}


# Linters and widgets re-read the same lines; results are immutable, so keep the
# most recent ones (short lines only, so the cache stays small).
_classify_cached = lru_cache(maxsize=CACHE_SIZE)(_classify_uncached)


def _classify(text: str) -> tuple[ParsedStatement, str, str]:
    if len(text) > MAX_CHARS:
        return _classify_uncached(text)
    return _classify_cached(text)


def _check(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"`{name}` must be a str (one statement), got {type(text).__name__}: {text!r:.60}"
        )
    return text


def parse_statement(text: str) -> ParsedStatement:
    """Read the metric, baseline, target, unit, direction and deadline of a statement.

    Parameters
    ----------
    text : str
        One key result, KPI or task as people write it. Any string is accepted;
        what cannot be read is said in ``notes``.

    Returns
    -------
    ParsedStatement
        ``parsed`` is False when no number got a role.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> p = parse_statement("KR2: Cut sales cycle from 45 to 30 days by end of Q3")
    >>> p.metric, p.baseline, p.target, p.unit, p.direction, p.deadline
    ('sales_cycle', 45.0, 30.0, 'days', 'decrease', 'end of Q3')
    >>> p = parse_statement("Increase website click-through rate by 30%.")
    >>> p.relative_change, p.direction, p.target
    (0.3, 'increase', None)
    >>> parse_statement("Achieve 80%+ post-discovery satisfaction").direction
    'stay_above'
    >>> p = parse_statement("Increase NPS by 10 points")
    >>> p.absolute_change, p.unit, p.relative_change
    (10.0, 'points', None)
    >>> parse_statement("Be the best place to work").parsed
    False
    """
    return _classify(_check(text))[0]


def classify_statement(text: str) -> Classification:
    """Say whether a statement is a key result, an activity, a KPI or unmeasurable.

    Parameters
    ----------
    text : str
        One statement. Any string is accepted.

    Returns
    -------
    Classification
        ``label`` (one of :data:`LABELS`), a one-sentence ``reason`` quoting the
        deciding words, and the ``parsed`` statement.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> classify_statement("Increase NPS from 32 to 48").label
    'key_result'
    >>> classify_statement("Launch a new support portal").label
    'activity'
    >>> classify_statement("Keep uptime at 99.9%").label
    'kpi'
    >>> c = classify_statement("Improve customer satisfaction")
    >>> c.label
    'unmeasurable'
    >>> print(c.reason)
    "improve" gives a direction but no number or target, so progress cannot be scored.
    """
    parsed, label, reason = _classify(_check(text))
    return Classification(label=label, reason=reason, parsed=parsed)


def classify_statements(texts: Iterable[str]) -> pd.DataFrame:
    """Classify and parse many statements into one tidy frame, one row each.

    Parameters
    ----------
    texts : iterable of str
        Statements, e.g. a list or a :class:`pandas.Series` (its index is kept).

    Returns
    -------
    pandas.DataFrame
        Columns ``text, label, reason, metric, baseline, target, unit, direction,
        relative_change, deadline, absolute_change, parsed, notes`` (the reading's
        notes joined by "; ", empty when there are none); ``label`` and
        ``direction`` are categoricals over :data:`LABELS` and
        :data:`~okr_toolkit.vocab.DIRECTIONS`.

    Raises
    ------
    TypeError
        If ``texts`` is a single str, or holds anything but str (missing values
        included: fill or drop them first).

    Examples
    --------
    >>> frame = classify_statements(["Hire 5 engineers", "Grow ARR from $2M to $3M"])
    >>> frame[["label", "metric", "baseline", "target", "unit"]]
            label         metric   baseline     target unit
    0    activity      engineers        NaN        5.0  count
    1  key_result            arr  2000000.0  3000000.0    $
    """
    import pandas as pd

    if isinstance(texts, (str, bytes)):
        raise TypeError("`texts` must be a collection of statements, not a single string")
    index = texts.index if isinstance(texts, pd.Series) else None
    rows: list[tuple[Any, ...]] = []
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(
                f"`texts[{position}]` must be a str, got {type(text).__name__} ({text!r:.40}); "
                "drop or fill missing statements first, e.g. series.fillna('')"
            )
        p, label, reason = _classify(text)
        rows.append(
            (
                text,
                label,
                reason,
                p.metric,
                p.baseline,
                p.target,
                p.unit,
                p.direction,
                p.relative_change,
                p.deadline,
                p.absolute_change,
                p.parsed,
                "; ".join(p.notes),
            )
        )
    # Not DataFrame.from_records: with no rows and an empty index, pandas 2.2-2.3 raise.
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS), index=index)
    for column in ("baseline", "target", "relative_change", "absolute_change"):
        frame[column] = frame[column].astype("float64")
    frame["parsed"] = frame["parsed"].astype(bool)
    frame["label"] = pd.Categorical(frame["label"], categories=list(LABELS))
    frame["direction"] = pd.Categorical(frame["direction"], categories=list(DIRECTIONS))
    return frame
