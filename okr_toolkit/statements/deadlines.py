"""Step 1 of a reading: deadlines, found first and normalised.

Deadlines are read before numbers because their digits (Q3, 2026, 30 June, 90
days) are dates, not targets: :func:`find_deadlines` blanks them out of the line
it hands on. :func:`read_deadline` turns one match into the normal form ("by
end of Q3" -> "end of Q3", "by June 30, 2026" -> "2026-06-30"). Imports only
:mod:`.text`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .text import Word, blank_spans, words_outside

_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}

_MON = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DEADLINE = re.compile(
    r"(?<![\w-])(?P<pre>(?:by|before|until|till|through|thru|in|during|within|for|on|over|at"
    r"|no later than|ahead of)\s+)?"
    r"(?P<eo>(?:the\s+)?(?P<eow>end|close|start|beginning|middle|mid|last day)\s+of\s+"
    r"(?:the\s+)?|(?P<eow2>mid|end|start)-)?"
    r"(?:"
    r"q(?P<qn>[1-4])(?:\s*(?P<qfy>fy|cy)\s*'?(?P<qfyy>20[0-9]{2}|[0-9]{2})"
    r"|\s*'(?P<qy2>[0-9]{2})|[\s/-]*(?P<qy>20[0-9]{2}))?"
    r"|(?P<fy>fy|cy)\s*'?(?P<fyy>20[0-9]{2}|[0-9]{2})(?:\s*q(?P<fyq>[1-4]))?"
    r"|h(?P<hn>[12])(?:\s*'?(?P<hy>20[0-9]{2}))?"
    r"|(?P<relw>this|next|the|current|coming|following)\s+(?P<relu>fiscal year|financial year"
    r"|quarter|year|month|half|half-year|sprint|okr cycle|cycle|week|period)"
    r"|(?P<yeu>year|quarter|month|sprint)[-\s]?end"
    r"|eo(?P<eox>[yqm])"
    r"|(?P<iso>20[0-9]{2}-[01][0-9]-[0-3][0-9])"
    r"|(?P<mon>" + _MON + r")\.?(?:\s+(?P<mday>[0-3]?[0-9])(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<my>20[0-9]{2}))?"
    r"|(?P<dday>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<dmon>" + _MON + r")\.?"
    r"(?:,?\s+(?P<dy>20[0-9]{2}))?"
    r"|(?P<bare>year|quarter|month|sprint|cycle|half)"
    r"|(?P<year>20[0-9]{2})(?![/-][0-9])"
    r"|(?:the\s+)?(?P<next>next\s+)?(?P<spn>[0-9]{1,3}|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|eighteen)\s+(?P<spu>days?|weeks?|months?|quarters?|years?)"
    r")(?![\w-])"
)
# Words where a deadline can start ("by", "end", "q3", "this", "june"...), and what may
# follow a number in one ("30 june", "90 days").
_DL_LEADS = frozenset(
    "by before until till through thru in during within for on over at no ahead the end close "
    "start beginning middle mid last".split()
)
_MONTH_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december".split()
)
_DL_AFTER_DIGITS = _MONTH_WORDS | frozenset(
    "day days week weeks month months quarter quarters year years st nd rd th".split()
)
_DL_WORDS = (
    _DL_LEADS
    | _MONTH_WORDS
    | frozenset(
        "this next current coming following year quarter month sprint half cycle year-end "
        "quarter-end month-end sprint-end yearend eoy eoq eom one two three four five six "
        "seven eight nine ten twelve eighteen".split()
    )
)
_DL_HYPHENED = ("mid-", "end-", "start-")
_DL_PREFIXES = frozenset(
    ["q1", "q2", "q3", "q4", "fy", "cy", "h1", "h2"]
    + [str(d) for d in range(10)]
    + [f"{a}{b}" for a in range(10) for b in range(10)]
)
_DL_FIRST2 = frozenset(
    [w[:2] for w in _DL_WORDS] + [h[:2] for h in _DL_HYPHENED] + list(_DL_PREFIXES)
)
_SPAN_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "eighteen": 18,
}
_NOT_A_SPAN = re.compile(r"\s*(?:of|after|from|post|since|per|following|before)\b")


def _year(two_or_four: str) -> str:
    return two_or_four if len(two_or_four) == 4 else "20" + two_or_four


def read_deadline(m: re.Match[str], low: str) -> str | None:
    """Normalise one deadline match, or None when the match is not a deadline.

    Parameters
    ----------
    m : re.Match
        A match of the deadline pattern in ``low``.
    low : str
        The lower-cased line (what follows a match can undo it: "2026%").

    Returns
    -------
    str or None
        The deadline in normal form, or None for words that only look like one
        ("the year", a bare "may", "2 days").

    Examples
    --------
    >>> def read(text):
    ...     return read_deadline(_DEADLINE.match(text), text)
    >>> read("by end of q3"), read("q3 2026"), read("fy26"), read("by june 30, 2026")
    ('end of Q3', 'end of Q3 2026', 'end of FY2026', '2026-06-30')
    >>> read("in the next 90 days"), read("this quarter"), read("may") is None
    ('within 90 days', 'end of this quarter', True)
    """
    g = m.groupdict()
    pre = (g["pre"] or "").strip()
    eow = g["eow"] or g["eow2"]
    edge = "end of" if eow in (None, "end", "close", "last day") else "start of"
    if eow in ("middle", "mid"):
        edge = "mid"
    anchored = bool(pre) or bool(eow)
    if g["qn"] or g["fy"] or g["hn"]:
        return _period(g, edge)
    if g["relw"]:
        if g["relw"] == "the" and not anchored:
            return None
        when = "next" if g["relw"] in ("next", "coming", "following") else "this"
        unit = {
            "financial year": "fiscal year",
            "half-year": "half",
            "okr cycle": "cycle",
        }.get(g["relu"], g["relu"])
        return f"{edge} {when} {unit}"
    if g["yeu"]:
        return f"end of this {g['yeu']}"
    if g["eox"]:
        return "end of this " + {"y": "year", "q": "quarter", "m": "month"}[g["eox"]]
    if g["iso"]:
        return g["iso"]
    if g["mon"] or g["dmon"]:
        return _month(g, edge, anchored)
    if g["bare"]:
        if not eow:
            return None
        return f"{edge} this {g['bare']}"
    if g["year"]:
        if not anchored or pre in ("at", "on"):
            return None
        nxt = low[m.end() : m.end() + 1]
        if nxt in ("%", "$"):
            return None
        return f"{edge} {g['year']}"
    if g["spn"]:
        return _span(g, pre, low, m.end())
    return None


def _period(g: dict[str, Any], edge: str) -> str:
    """A quarter, fiscal year or half: "Q3 2026", "FY2026", "Q1 FY2027", "H2"."""
    if g["qn"]:
        label = f"Q{g['qn']}"
        if g["qfy"]:
            label += f" FY{_year(g['qfyy'])}"
        elif g["qy2"] or g["qy"]:
            label += f" {_year(g['qy2'] or g['qy'])}"
        return f"{edge} {label}"
    if g["fy"]:
        label = f"FY{_year(g['fyy'])}"
        if g["fyq"]:
            label = f"Q{g['fyq']} {label}"
        return f"{edge} {label}"
    return f"{edge} H{g['hn']}" + (f" {g['hy']}" if g["hy"] else "")


def _month(g: dict[str, Any], edge: str, anchored: bool) -> str | None:
    """A month, with or without a day and a year: "end of June", "2026-06-30"."""
    mon = g["mon"] or g["dmon"]
    if not anchored and not (g["my"] or g["dy"]):
        return None
    if mon == "may" and not anchored:
        return None
    name = _MONTHS[mon[:3]]
    day = g["mday"] or g["dday"]
    year = g["my"] or g["dy"]
    if day and not 1 <= int(day) <= 31:
        return None
    if day and year:
        number = list(_MONTHS).index(mon[:3]) + 1
        return f"{year}-{number:02d}-{int(day):02d}"
    if day:
        return f"{name} {int(day)}"
    return f"{edge} {name}" + (f" {year}" if year else "")


def _span(g: dict[str, Any], pre: str, low: str, end: int) -> str | None:
    """A span of time from now: "in the next 90 days" -> "within 90 days"."""
    spn, spu = g["spn"], g["spu"]
    if pre not in ("in", "within", "over", "during", "for") and not g["next"]:
        return None
    n = int(spn) if spn.isdigit() else _SPAN_WORDS[spn]
    unit = spu.rstrip("s")
    if unit == "day" and n < 30 and not g["next"]:
        return None
    if _NOT_A_SPAN.match(low, end):
        return None
    return f"within {n} {unit}{'s' if n != 1 else ''}"


class Deadlines(NamedTuple):
    """What :func:`find_deadlines` hands on."""

    #: The first deadline, normalised; None when the line has none.
    deadline: str | None
    #: The lower-cased line with every deadline blanked out.
    masked: str
    #: The words outside the deadlines.
    words: list[Word]


def find_deadlines(low: str, all_words: list[Word], notes: list[str]) -> Deadlines:
    """Find every deadline in ``low``, keep the first and blank them all out.

    Only words that can start a deadline are tried ("by", "end", "q3", "this",
    "june", a year, a number followed by "days"...), so most lines cost a few
    set lookups.

    Parameters
    ----------
    low : str
        The lower-cased, cleaned line.
    all_words : list of Word
        ``split_words(low)``.
    notes : list of str
        The reading's notes; a note is appended when the line names two dates.

    Returns
    -------
    Deadlines

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> low = "reach 50 customers by end of q3"
    >>> found = find_deadlines(low, split_words(low), [])
    >>> found.deadline, found.masked.rstrip(), [w for w, _, _ in found.words]
    ('end of Q3', 'reach 50 customers', ['reach', '50', 'customers'])
    """
    spans: list[tuple[int, int]] = []
    deadlines: list[str] = []
    last_end = -1
    n_words = len(all_words)
    for i, (w, ws, _) in enumerate(all_words):
        if w[:2] not in _DL_FIRST2 or ws < last_end:
            continue
        if not (w in _DL_WORDS or w[:2] in _DL_PREFIXES or w.startswith(_DL_HYPHENED)):
            continue
        nxt = all_words[i + 1][0] if i + 1 < n_words else ""
        if w in _DL_LEADS:
            if not (
                nxt in _DL_WORDS
                or nxt[:2] in _DL_PREFIXES
                or nxt[:1].isdigit()
                or nxt.startswith(_DL_HYPHENED)
            ):
                continue
        elif w[:1].isdigit() and not (
            (len(w) == 4 and w[:2] == "20") or nxt in _DL_AFTER_DIGITS or w[4:5] == "-"
        ):
            continue
        m = _DEADLINE.match(low, ws)
        if m is None or m.end() == ws:
            continue
        found = read_deadline(m, low)
        if found is not None:
            spans.append((m.start(), m.end()))
            deadlines.append(found)
            last_end = m.end()
    n_spans = len(spans)
    spans += _reference_years(low, all_words, spans, notes)
    if len(spans) > n_spans:
        spans.sort()
        head, _, head_end = all_words[0]
        if not deadlines and head[:4].isdigit() and low[head_end : head_end + 1] == ":":
            deadlines.append(f"end of {head[:4]}")  # "2030: cut emissions 40%"
    masked = blank_spans(low, spans)
    if not spans:
        return Deadlines(None, masked, all_words)
    if len(set(deadlines)) > 1:
        notes.append(f"more than one date ({', '.join(deadlines)}); read the first")
    return Deadlines(deadlines[0] if deadlines else None, masked, words_outside(all_words, spans))


_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?:[-/](?:[0-9]{2}|(?:19|20)[0-9]{2}))?")
# Words before a year that make it a point in time ("relative to 2010", "since 2019").
_YEAR_BEFORE = frozenset(
    "in since from to against than until till through thru for of before after during between "
    "and vs versus fiscal fy year cohort fall spring autumn winter summer calendar the a its "
    "their our".split()
)
# Words after a year that make it a point in time ("2010 levels", "a 2005 baseline").
_YEAR_AFTER = frozenset(
    "levels level baseline baselines onwards onward target targets agenda ndc exit plan "
    "strategy cohort figure figures value values average budget census school academic "
    "fiscal financial season edition".split()
)
# Words joining two years: "between 2011 and 2020", "2015 to 2019".
_YEAR_JOINS = frozenset("and to or through until".split())


def _reference_years(
    low: str, all_words: list[Word], spans: list[tuple[int, int]], notes: list[str]
) -> list[tuple[int, int]]:
    """Years that are points of reference, not values: "from 2010 levels", "in 2023-24",
    "the 2030 agenda", "between 2011 and 2020". A year-shaped number counting something
    ("2000 customers") is left alone."""
    found: list[tuple[int, int]] = []
    for i, (w, ws, we) in enumerate(all_words):
        if w[:2] not in ("19", "20") or len(w) < 4 or _YEAR.fullmatch(w) is None:
            continue
        if any(a <= ws < b for a, b in spans):
            continue
        before = all_words[i - 1][0] if i else ""
        after = all_words[i + 1][0] if i + 1 < len(all_words) else ""
        if after in _YEAR_JOINS and i + 2 < len(all_words):
            if _YEAR.fullmatch(all_words[i + 2][0]) is not None:
                after = "levels"  # the first year of a span is a year too
        elif before in _YEAR_JOINS and i > 1 and _YEAR.fullmatch(all_words[i - 2][0]):
            before = "in"
        if not (
            len(w) > 4
            or i == 0
            or after in _YEAR_AFTER
            or (before in _YEAR_BEFORE and not after.endswith("s"))
            or low[ws - 2 : ws] == ", "  # "June 30, 1999"
            or (low[ws - 1 : ws] == "(" and low[we : we + 1] == ")")  # "to 10.5% (2019)"
        ):
            continue
        found.append((ws, we))
        notes.append(f"{w} read as a year, not a value")
    return found
