"""Step 6 of a reading: the role of each number, from the words around it.

:func:`read_context` (run with step 2) reads the words before a number
(:func:`before_role`: "from", "to", "at least", "by", an arrow, a verb...) and
after it (:func:`after_cue`: "-> 65%", "-30%", "or more", "of", "today", "increase");
:func:`assign_roles` turns them into a role: baseline, target (a threshold
when above/below), change, range, rank. Roles that take two numbers are in
:mod:`.pairs`. Imports :mod:`.numbers` and :mod:`.verbs`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .numbers import Token
from .verbs import DOWN, REACH, UP, VERBS

# Words just before a number, and the role they give it (longest phrase wins).
_BEFORE_PHRASES: dict[str, str] = {}
for _role, _phrases in {
    "above": (
        "at least|no less than|not less than|minimum|minimum of|min|over|above|more than|"
        "greater than|higher than|exceed|exceeds|exceeding|in excess of|north of|upwards of|"
        "beyond|surpass|surpassing|better than|no fewer than|not fewer than|a minimum of|"
        "no lower than|not lower than|not below|not under|not fall below|not drop below"
    ),
    "below": (
        "at most|no more than|not more than|maximum|maximum of|max|under|below|less than|"
        "fewer than|lower than|within|sub|south of|not exceed|not to exceed|"
        "never exceed|never exceeds|does not exceed|capped at|cap of|beneath|a maximum of|"
        "no higher than|not above|not greater than|no greater than|not higher than|not over|"
        "not exceeding|not to be more than|not rise above|inside|inside of|in under|"
        "in less than|in no more than|up to|within a maximum of|within a minimum of"
    ),
    "rank": "top|number",
    "base": (
        "from|up from|down from|from a baseline of|from the current|from today's|from current|"
        "from a|baseline|baseline of|baseline is|baseline at|currently|currently at|"
        "currently is|today|today at|now|now at|vs|vs.|versus|compared to|compared with|was|"
        "starting at|starting from|start|started at|current|from around|from about|from roughly"
    ),
    "up": "up|up by|higher by",
    "down": "down|down by|lower by",
    "by": (
        "by|by an additional|by a further|by another|an additional|an extra|a further|another|"
        "by around|by about|by roughly|by at least"
    ),
    "to": (
        "to|reach|reaches|reaching|hit|hits|hitting|target|target of|target is|goal|goal of|"
        "goal is|into|achieve|achieving|to around|to about|to roughly|around|about|roughly|"
        "approximately|approx|approx.|of about|of around|become|becomes"
    ),
    "of": "of",
    "at": "at|stays at|stay at|remains at|remain at|held at|hold at|kept at|keep at",
    # "never drop below 98%" keeps a floor; "never rise above 2%" keeps a ceiling.
    "floor": "drop below|drops below|fall below|falls below|dip below|dips below|go below|"
    "slip below|sink below|drop under|fall under|dip under",
    "ceiling": "rise above|rises above|go above|goes above|creep above|creeps above|go over|"
    "goes over",
    "is": "is|are|equals|equal to|stands at|sits at|=",
    "between": "between",
}.items():
    for _wording in _phrases.split("|"):
        _BEFORE_PHRASES[_wording] = {"floor": "above", "ceiling": "below"}.get(_role, _role)
# "at or above" / "at or below" are thresholds, not levels.
_BEFORE_PHRASES["at or above"] = "above"
_BEFORE_PHRASES["at or below"] = "below"
_BEFORE_PHRASES["or above"] = "above"
_BEFORE_PHRASES["and"] = "and"
_BEFORE_PHRASES["a"] = _BEFORE_PHRASES["an"] = "article"

_AFTER = re.compile(
    r"\s*(?:"
    r"(?P<pair>->|=>|to\s*(?=[-+~$€£¥₹0-9.])|(?:rising|growing|moving|climbing|increasing|going"
    r"|improving|falling|dropping|declining|decreasing|shrinking|stepping\s+(?:up|down))"
    r"(?:\s+(?:in|by|over|steadily|gradually|yearly|annual|equal|steps?|stages?)){0,3}"
    r"\s+to\s*(?=[-+~$€£¥₹0-9.]))"
    r"|(?P<range>-\s*(?=[$€£¥₹0-9.]))"
    r"|(?P<share>of\b)"
    r"|(?P<more>or\s+(?:more|higher|above|greater|better|over|up)\b|and\s+(?:above|up|over|"
    r"higher)\b|plus\b)"
    r"|(?P<less>or\s+(?:less|lower|fewer|below|under|better)\b)"
    r"|(?P<base>\(?(?:today|currently|now|at\s+present|at\s+the\s+moment|baseline|last\s+"
    r"(?:quarter|year|month|cycle|week)|in\s+q[1-4])\b)"
    r"|(?P<inc>(?:(?:yoy|qoq|mom|wow|year[-\s]over[-\s]year|quarter[-\s]over[-\s]quarter"
    r"|month[-\s]over[-\s]month|week[-\s]over[-\s]week)\s+)?(?:increase|growth|rise|uplift"
    r"|improvement|lift|boost|gain|jump|more|higher)\b)"
    r"|(?P<dec>(?:(?:yoy|qoq|mom|wow)\s+)?(?:reduction|decrease|decline|drop|cut|fall|fewer|less"
    r"|lower|savings?|faster|shorter)\b)"
    r")"
)

_AFTER_NOUN = re.compile(
    r"\s*(?:(?!(?:of|in|on|to|for|by|and|or|from|than|with|per|a|an|the|is|are|was|will)\b)"
    r"[a-z][a-z-]*\s+){1,2}"
    r"(?:(?P<inc>increase|growth|rise|uplift|improvement|gain)"
    r"|(?P<dec>reduction|decrease|decline|drop|cut|fall|savings?))\b"
)


def before_role(masked: str, start: int) -> tuple[str | None, int]:
    """Role given by the words just before ``start``, and where those words begin.

    The longest known phrase wins ("no more than" before "than"); a symbol
    (``>=``, ``->``, ``#``, ``:``) or a verb ("verb:up", "verb:reach") also gives
    a role; "~" and "(" are looked through.

    Examples
    --------
    >>> before_role("keep churn no more than 2%", 23)
    ('below', 11)
    >>> before_role("nps >= ~40", 8), before_role("nps: 40", 5), before_role("grows 20%", 6)
    (('above', 4), ('is', 3), ('verb:up', 0))
    """
    window_start = max(0, start - 40)
    window = masked[window_start:start].rstrip()
    if not window:
        return None, start
    end = window_start + len(window)
    last = window[-1]
    if last in _SYMBOL_CHARS:
        for symbol, role in _SYMBOLS:
            if window.endswith(symbol):
                if role is None:
                    return before_role(masked, end - len(symbol))
                return role, end - len(symbol)
        if last == ":":
            head = window[:-1].rsplit(None, 1)
            word = head[-1] if head else ""
            role = _BEFORE_PHRASES.get(word)
            if role == "base":
                return "base", end - 1 - len(word)
            return "is" if role is None or role == "is" else role, end - 1
    words = window.rsplit(None, 4)
    if len(words) == 5:
        del words[0]
    if words:
        words = [w.strip("(\"'") for w in words]
        if len(words) >= 3 and words[-1] == "of" and words[-2] in _LOOKED_THROUGH:
            if words[-3] in ("a", "an", "the"):
                # "within an average of 55 days": the words before the average give the role.
                article = re.search(rf"\b{words[-3]}\s+{words[-2]}\s+of\W*$", window)
                if article is not None:
                    return before_role(masked, window_start + article.start())
    lengths = _PHRASE_LENGTHS.get(words[-1]) if words else None
    if lengths is not None:
        # Longest phrase first: "no more than" before "than".
        for n in lengths:
            if n > len(words):
                continue
            phrase = " ".join(words[-n:])
            role = _BEFORE_PHRASES.get(phrase)
            if role is not None:
                return role, end - len(phrase)
    if words:
        hit = VERBS.get(words[-1].strip("\"'"))
        if hit is not None:
            return "verb:" + hit[1], end - len(words[-1])
    return None, start


_SYMBOLS = (
    (">=", "above"),
    ("<=", "below"),
    ("->", "to"),
    ("=>", "to"),
    (">", "above"),
    ("<", "below"),
    ("#", "rank"),
    ("=", "is"),
    ("~", None),
    ("(", None),
)
_SYMBOL_CHARS = frozenset("<>=-#~(:")
# Words between a comparator and its number that do not change the role.
_LOOKED_THROUGH = frozenset(("average", "mean", "median", "total"))
# Last word of a phrase -> the word counts of the phrases ending with it, longest first.
_by_last: dict[str, set[int]] = {}
for _key in _BEFORE_PHRASES:
    _split = _key.split()
    _by_last.setdefault(_split[-1], set()).add(len(_split))
_PHRASE_LENGTHS = {last: tuple(sorted(ns, reverse=True)) for last, ns in _by_last.items()}


def after_cue(masked: str, tok: Token) -> None:
    """Read what follows a number onto it: a pair, a range, a share, "or more"...

    Sets ``above`` ("or more", "and up", "plus"), ``below`` ("or less"),
    ``share`` ("% of"), or ``after``: "pair" ("->", "to 65"), "range" ("-30"),
    "base" ("today", "last quarter"), "inc"/"dec" ("increase", "reduction");
    ``after_end`` is where those words end.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> text = "42% -> 65% of users"
    >>> a, b = read_numbers(text, text, text.split())
    >>> after_cue(text, a), after_cue(text, b)
    (None, None)
    >>> (a.after, a.share), (b.after, b.share)
    (('pair', False), (None, True))
    """
    a = _AFTER.match(masked, tok.end)
    if a is None:
        # "an 80% ghg reduction", "a 40% time saving": one or two words before the change.
        a = _AFTER_NOUN.match(masked, tok.end)
        if a is None:
            return
    kind = a.lastgroup
    if kind == "more":
        tok.above = True
        tok.after_end = a.end()
    elif kind == "less":
        tok.below = True
        tok.after_end = a.end()
    elif kind == "share":
        if tok.unit == "%":
            tok.share = True
    else:
        tok.after = kind
        tok.after_end = a.end()


class NumberContext(NamedTuple):
    """What :func:`read_context` found about the numbers as a whole."""

    #: A number is a share: "95% of orders".
    has_share: bool
    #: A number is money or a percentage.
    money_or_pct: bool
    #: A number is a rank: "top 10", "#1".
    has_rank: bool


def read_context(tokens: list[Token], masked: str, original: str) -> NumberContext:
    """Read the words around each number onto it: what comes before and after.

    Sets each token's ``raw`` (as written), ``before`` and ``lead`` (the role the
    words before it give and where they begin, from :func:`before_role`) and
    what follows it (:func:`after_cue`).

    Parameters
    ----------
    tokens : list of Token
        From :func:`~.numbers.read_numbers`; annotated in place.
    masked : str
        The lower-cased line with the deadlines blanked out.
    original : str
        The cleaned line (same indices).

    Returns
    -------
    NumberContext

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> text = "Raise NPS from 32 to 48 for 60% of accounts"
    >>> low = text.lower()
    >>> tokens = read_numbers(low, text, low.split())
    >>> read_context(tokens, low, text)
    NumberContext(has_share=True, money_or_pct=True, has_rank=False)
    >>> [(t.raw, t.before, t.after) for t in tokens]
    [('32', 'base', 'pair'), ('48', 'to', None), ('60%', None, None)]
    """
    has_share = money_or_pct = has_rank = False
    for t in tokens:
        t.raw = original[t.start : t.end].strip()
        role, lead = before_role(masked, t.start)
        after_cue(masked, t)
        if role in _FLIPPED or t.above or t.below:
            if "permit" in masked:
                role = _permitted(masked, lead, role, t)
            if "no " in masked and _NO_SUBJECT.search(masked, 0, lead) is not None:
                role = _turned(role, t)  # "no patient should wait more than 18 weeks"
            if _is_alert(masked, lead, t.end):
                role = _turned(role, t)  # "alert when error rate > 1%": the breach, not the line
        t.before, t.lead = role, lead
        if role == "to" and masked.startswith(("target", "goal"), lead):
            t.named = True
        if t.share:
            has_share = True
        if t.cur or t.unit == "%":
            money_or_pct = True
        if role == "rank":
            has_rank = True
    return NumberContext(has_share, money_or_pct, has_rank)


_FLIPPED = {"above": "below", "below": "above"}
# A covenant forbids the other side: "shall not permit the ratio to be less than 2.0".
_PERMIT = re.compile(r"\bpermit\b[^.;:]*\bto(?:\s+be)?\s*$")


# A subject denied: "no ticket should stay open for more than 2 hours".
_NO_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*)no\s+(?!(?:more|less|fewer|later|longer|greater|higher|lower|than)\b)[a-z]"
)


# An alert rule states the breach: "page if p99 > 500ms", "Warning: availability < 99.9%",
# "latency > 250ms for 15 consecutive minutes".
_ALERT_BEFORE = re.compile(
    r"\b(?:alerts?|pages?|notify|notifies|fires?|triggers?|raise an alert|open an incident)"
    r"\s+(?:[a-z-]+\s+){0,3}?(?:when|if|whenever)\b"
)
_BREACH_FOR = re.compile(
    r"\s*(?:[a-z]+\s+)?for\s+(?:[0-9]+\s+)?(?:consecutive\s+)?(?:seconds?|minutes?|mins?|hours?)\b"
)


def _is_alert(masked: str, lead: int, end: int) -> bool:
    """Whether a comparator states when an alert fires rather than the line to hold."""
    if _ALERT_BEFORE.search(masked, 0, lead) is not None:
        return True
    return _BREACH_FOR.match(masked, end) is not None


def _permitted(masked: str, lead: int, role: str | None, t: Token) -> str | None:
    """The role of a number a covenant forbids to be passed: its comparator turned round."""
    if _PERMIT.search(masked, max(0, lead - 160), lead) is None:
        return role
    return _turned(role, t)


def _turned(role: str | None, t: Token) -> str | None:
    """A comparator turned round: a floor forbidden is a ceiling kept."""
    if t.above or t.below:  # "to be 3.25 to 1.00 or more"
        t.above, t.below = t.below, t.above
        return role
    return _FLIPPED.get(role or "", role)


class RoleCues(NamedTuple):
    """What the roles say about the line as a whole (:func:`assign_roles`)."""

    #: A target is stated with "at" ("uptime at 99.9%"): a level, if nothing changes.
    at_level: bool
    #: A target is stated with "is" ("churn rate is 5%"): a level, if nothing changes.
    copula: bool


def assign_roles(tokens: list[Token], verb_kind: str | None) -> RoleCues:
    """Give each number its role from the words around it.

    ``from``/``currently``/``baseline`` mark the baseline; ``to``, an arrow,
    ``of``, ``at``, ``is`` and an outcome verb the target; a comparator, a
    trailing ``+`` or "or more" a threshold target (``above``/``below``);
    ``by``/``up``/``down``, a sign or "a 20% increase" a change; ``top``/``#``
    a rank; ``between`` the start of a range. Pairs and ranges are settled
    afterwards (:mod:`.pairs`); a number no word explains keeps no role.

    Parameters
    ----------
    tokens : list of Token
        The numbers of the goal, with their context; annotated in place
        (``role``, and ``sign``, ``above``, ``below``, ``unit`` where the role
        implies them).
    verb_kind : str or None
        The governing verb's kind: "revenue grows 20%" is a change only when
        the line has no governing verb.

    Returns
    -------
    RoleCues

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> def roles(text, verb_kind=None):
    ...     low = text.lower()
    ...     tokens = read_numbers(low, text, low.split())
    ...     read_context(tokens, low, text)
    ...     cues = assign_roles(tokens, verb_kind)
    ...     return [(t.raw, t.role, t.above, t.below) for t in tokens], cues
    >>> roles("grow nps from 32 to 48")[0]
    [('32', 'base', False, False), ('48', 'target', False, False)]
    >>> roles("keep csat at least 90% and churn under 2%")[0]
    [('90%', 'target', True, False), ('2%', 'target', False, True)]
    >>> roles("uptime at 99.9%")
    ([('99.9%', 'target', False, False)], RoleCues(at_level=True, copula=False))
    """
    at_level = copula = False
    last = len(tokens) - 1
    for i, t in enumerate(tokens):
        level = _give_role(t, i < last, verb_kind)
        if level == "at":
            at_level = True
        elif level == "is":
            copula = True
    return RoleCues(at_level, copula)


def _give_role(t: Token, has_next: bool, verb_kind: str | None) -> str | None:
    """Set one token's role; return "at" or "is" when a target is stated as a level."""
    before = t.before
    if t.share and before != "base":
        t.role = "target"
        if before in ("above", "below"):
            t.above, t.below = before == "above", before == "below"
    elif before in ("above", "below"):
        t.role = "target"
        t.above, t.below = before == "above", before == "below"
    elif before == "rank":
        t.role = "target"
        t.unit = "rank"
        t.below = True
    elif before == "base":
        t.role = "base"
    elif before in ("by", "up", "down"):
        t.role = "change"
        if before == "up":
            t.sign = 1
        elif before == "down":
            t.sign = -1
    elif t.after in ("inc", "dec") and before in (None, "article", "verb:" + REACH, "of"):
        t.role = "change"  # "a 20% increase in MAU", "see a 15% reduction"
        t.sign = 1 if t.after == "inc" else -1
    elif before in ("to", "of", "at", "is", "article") or before == "verb:" + REACH:
        t.role = "target"
        return before
    elif before == "between" and has_next:
        t.role = "range"
    elif t.sign:
        t.role = "change"
    elif before in ("verb:" + UP, "verb:" + DOWN) and verb_kind is None:
        t.role = "change"  # "revenue grows 20%", "churn drops 2 points"
        t.sign = 1 if before == "verb:" + UP else -1
    elif t.after in ("inc", "dec"):
        t.role = "change"
        t.sign = 1 if t.after == "inc" else -1
    elif t.above or t.below:
        t.role = "target"
    return None
