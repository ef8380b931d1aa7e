"""Deadlines: finding them in a line and normalising them ("by end of Q3" -> "end of Q3")."""

from __future__ import annotations

import re

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
    r"|(?P<year>20[0-9]{2})"
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


def _read_deadline(m: re.Match[str], low: str) -> str | None:
    """Normalise one deadline match, or None when the match is not a deadline."""
    g = m.groupdict()
    pre = (g["pre"] or "").strip()
    eow = g["eow"] or g["eow2"]
    edge = "end of" if eow in (None, "end", "close", "last day") else "start of"
    if eow in ("middle", "mid"):
        edge = "mid"
    anchored = bool(pre) or bool(eow)
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
    if g["hn"]:
        return f"{edge} H{g['hn']}" + (f" {g['hy']}" if g["hy"] else "")
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
    mon = g["mon"] or g["dmon"]
    if mon:
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
        if pre not in ("in", "within", "over", "during", "for") and not g["next"]:
            return None
        n = int(g["spn"]) if g["spn"].isdigit() else _SPAN_WORDS[g["spn"]]
        unit = g["spu"].rstrip("s")
        if unit == "day" and n < 30 and not g["next"]:
            return None
        if _NOT_A_SPAN.match(low, m.end()):
            return None
        return f"within {n} {unit}{'s' if n != 1 else ''}"
    return None
