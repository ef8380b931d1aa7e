"""What the reader returns: ParsedStatement, Classification and their field names."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

#: The kinds of statement :func:`classify_statement` tells apart.
LABELS: tuple[str, ...] = ("key_result", "activity", "kpi", "unmeasurable")

#: The measurement fields a statement is read into, in display order.
READING_FIELDS: tuple[str, ...] = (
    "metric",
    "baseline",
    "target",
    "unit",
    "direction",
    "relative_change",
    "deadline",
)
_FIELDS = ("text", *READING_FIELDS, "parsed", "notes", "absolute_change")
#: Columns of :func:`classify_statements`, in order.
FRAME_COLUMNS: tuple[str, ...] = (
    "text",
    "label",
    "reason",
    *READING_FIELDS,
    "absolute_change",
    "parsed",
    "notes",
)


@dataclass(frozen=True)
class ParsedStatement:
    """What :func:`parse_statement` read from one statement.

    Attributes
    ----------
    text : str
        The statement as given.
    metric : str or None
        snake_case name of what is measured, e.g. ``"week_1_activation"``.
    baseline, target : float or None
        Start and goal, in ``unit``.
    unit : str or None
        ``"%"``, ``"$"``, ``"€"``, ``"£"``, ``"minutes"``, ``"hours"``,
        ``"days"``, ``"count"``, ``"score"``, ``"points"``, ``"ratio"``,
        ``"rank"``...; None when no number was read or only a relative change.
    direction : str or None
        One of :data:`okr_toolkit.vocab.DIRECTIONS`, None when unknown.
    relative_change : float or None
        Signed fraction: 0.30 for "increase by 30%", -0.5 for "halve".
    deadline : str or None
        Normalised deadline, e.g. ``"end of Q3"``.
    parsed : bool
        True when at least one number got a role (baseline, target or change).
    notes : tuple of str
        What was ambiguous or could not be read, in plain words.
    absolute_change : float or None
        Signed change in ``unit`` ("by 20 points" is 20.0, "cut by 2 days" is
        -2.0); kept apart from ``relative_change``.
    """

    text: str
    metric: str | None
    baseline: float | None
    target: float | None
    unit: str | None
    direction: str | None
    relative_change: float | None
    deadline: str | None
    parsed: bool
    notes: tuple[str, ...] = ()
    absolute_change: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict (``notes`` as a list).

        Examples
        --------
        >>> from okr_toolkit.statements import parse_statement
        >>> d = parse_statement("Grow ARR from $2M to $3M this quarter").to_dict()
        >>> d["metric"], d["baseline"], d["target"], d["unit"], d["deadline"]
        ('arr', 2000000.0, 3000000.0, '$', 'end of this quarter')
        """
        out = {name: getattr(self, name) for name in _FIELDS}
        out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True)
class Classification:
    """What :func:`classify_statement` decided about one statement.

    Attributes
    ----------
    label : str
        One of :data:`LABELS`.
    reason : str
        One sentence saying why, quoting the deciding words.
    parsed : ParsedStatement
        The parse the decision used.
    """

    label: str
    reason: str
    parsed: ParsedStatement

    def to_dict(self) -> dict[str, Any]:
        """Return label, reason and every parsed field in one flat dict.

        Examples
        --------
        >>> from okr_toolkit.statements import classify_statement
        >>> d = classify_statement("Hire 5 engineers").to_dict()
        >>> d["label"], d["target"], d["direction"]
        ('activity', 5.0, 'increase')
        """
        return {"label": self.label, "reason": self.reason, **self.parsed.to_dict()}


def _replace_text(parsed: ParsedStatement, text: str, note: str) -> ParsedStatement:
    return replace(parsed, text=text, notes=(note, *parsed.notes))


def _new_parsed(**fields: Any) -> ParsedStatement:
    """``ParsedStatement(**fields)`` for the hot path; give every field, in order.

    A frozen dataclass sets each field through ``object.__setattr__``, about
    five times slower than filling ``__dict__``, which gives the same object.
    """
    parsed = object.__new__(ParsedStatement)
    parsed.__dict__.update(fields)
    return parsed


def _empty(text: str, notes: list[str]) -> ParsedStatement:
    return ParsedStatement(
        text=text,
        metric=None,
        baseline=None,
        target=None,
        unit=None,
        direction=None,
        relative_change=None,
        deadline=None,
        parsed=False,
        notes=tuple(notes),
        absolute_change=None,
    )
