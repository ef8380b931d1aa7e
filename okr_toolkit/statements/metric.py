"""Step 8 of a reading: the metric, named from the words that say what is measured.

The metric is the phrase between the verb and the first number ("Cut *sales
cycle* from 45 to 30 days"), or after the numbers when there is none there
("Reach 80% *of tickets resolved*"), up to a boundary word ("by", "while",
"from"...), as a snake_case name: ``sales_cycle``. Other digits are part of the
name (``week_1_activation``). Imports :mod:`.text`, :mod:`.verbs` and the
:class:`~.numbers.Token` type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import Word
from .verbs import FINITE_VERBS, Verb

if TYPE_CHECKING:
    from .numbers import Token
    from .values import Picked

# Words that end the metric phrase.
BOUNDARY = frozenset(
    "by within while whilst via through across so for in with and when after before during "
    "without among amongst versus vs compared including excluding at from is are was were "
    "every each which that who whose where than or ensuring so-that thanks due up down live".split()
)
_DROP = frozenset(
    "a an the our my your their its his her this that these those all overall median mean "
    "average avg total to never let don't not".split()
)
# "the number of followers" names the followers.
_COUNT_WORDS = frozenset("number amount count level percentage proportion volume".split())


def snake_name(words: list[str]) -> str | None:
    """snake_case name from the words of a metric phrase.

    Articles and "median", "average"... are dropped, "number of" names what is
    counted, "to" survives inside a name, and at most six words are kept.

    Examples
    --------
    >>> snake_name(["the", "median", "first", "response", "time"])
    'first_response_time'
    >>> snake_name(["number", "of", "paying", "customers"]), snake_name(["time", "to", "value"])
    ('paying_customers', 'time_to_value')
    >>> snake_name(["the"]) is None
    True
    """
    out: list[str] = []
    n = len(words)
    for w in words:
        # "to" survives only inside names such as "time to first value".
        if w in _DROP and not (w == "to" and 0 < len(out) < 4 and n > 2):
            continue
        if w == "of" and out and out[-1] in _COUNT_WORDS:
            out.pop()
            continue
        out.append(w)
    while out and out[-1] in _EDGE_WORDS:
        out.pop()
    while len(out) > 1 and out[0] in _EDGE_WORDS:
        out.pop(0)
    parts: list[str] = []
    for word in out:
        word = word.replace("'s", "").replace("%", " pct ").replace("&", " and ")
        parts.extend(word.replace("-", " ").replace(":", " ").replace("/", " ").split())
    if not parts:
        return None
    name = "_".join(parts[:6])
    return name[:60].strip("_") or None


_EDGE_WORDS = frozenset(("to", "and", "of", "on", "in", "per", "for", "by", "with", "at"))


def metric_phrase(
    words: list[Word], low: str, start: int, stop: int, numbers: set[int]
) -> list[str]:
    """Words between ``start`` and ``stop`` that name the metric, up to a boundary.

    ``numbers`` holds where the measuring numbers start; other digits (week-1,
    Fortune 500, SOC 2) are part of the name.

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> low = "cut week-1 churn for smb accounts from 5% to 3%"
    >>> metric_phrase(split_words(low), low, 4, len(low), {38, 44})
    ['week-1', 'churn']
    """
    out: list[str] = []
    for word, ws, we in words:
        if ws < start:
            continue
        if ws >= stop:
            break
        if out and (word in BOUNDARY or word == "-" or low[ws - 1] == "(" or word in FINITE_VERBS):
            break
        if not out and (word in BOUNDARY or word in _DROP or word == "-"):
            continue
        if (word[:1].isdigit() and ws in numbers) or word[:1] in "$€£¥₹<>=#~+":
            if out:
                break
            continue
        out.append(word)
        if len(out) >= 8 or low[we : we + 1] in (",", ";", ")"):
            break
    return out


def name_metric(
    words: list[Word], low: str, masked: str, tokens: list[Token], verb: Verb, picked: Picked
) -> str | None:
    """The metric's snake_case name, or None when no words name it.

    Read between the verb and the words that give the first number its role;
    else from the subject before a modal ("Uptime must stay above 99.9%"); else
    after the number that matters most (the target, baseline or change): after
    "of" for a share, after "increase" or "or less" when those follow it.

    Parameters
    ----------
    words : list of Word
        The words outside the deadlines.
    low : str
        The lower-cased line.
    masked : str
        ``low`` with the deadlines blanked out.
    tokens : list of Token
        The numbers of the goal, with their roles.
    verb : Verb
        Where the verb ends and where a subject starts.
    picked : Picked
        The baseline, target and change.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> parse_statement("Reduce median first response time from 6h to 45 min").metric
    'first_response_time'
    >>> [parse_statement(text).metric for text in (
    ...     "Uptime must stay above 99.9%",
    ...     "Reach 80% of tickets resolved in 24h",
    ...     "See a 20% increase in MAU",
    ... )]
    ['uptime', 'tickets_resolved', 'mau']
    """
    number_starts = set()
    first_lead = len(low)
    for t in tokens:
        number_starts.add(t.start)
        if t.sign:
            number_starts.add(t.start + 1)
        if t.role != "ignored" and t.lead < first_lead:
            first_lead = t.lead
    phrase = metric_phrase(words, low, verb.end, first_lead, number_starts)
    if not phrase and verb.subject_start >= 0:
        phrase = metric_phrase(words, low, verb.subject_start, first_lead, number_starts)
    metric = snake_name(phrase)
    if metric is not None:
        return metric
    anchor = picked.target or picked.base or picked.change or (tokens[0] if tokens else None)
    if anchor is None:
        return None
    start = anchor.end
    if anchor.share:
        start = masked.find("of", anchor.end) + 2
    elif anchor.after_end:
        start = anchor.after_end  # "a 20% increase in MAU", "4 hours or less median..."
    return snake_name(metric_phrase(words, low, start, len(low), number_starts))
