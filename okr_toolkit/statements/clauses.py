"""Step 5 of a reading: two goals in one line.

"Cut costs in half while keeping CSAT above 90%", "...; reduce churn to 4%",
"... and reduce CAC by 10%": the first goal is read and the numbers of the
second are set aside with a note. When the first part has no number ("Raise
retention; reduce churn to 4%"), the second part is read instead.
Imports :mod:`.text`, :mod:`.verbs` and :mod:`.numbers`.
"""

from __future__ import annotations

from typing import NamedTuple

from .numbers import FRACTION, Token
from .text import Word, has_cue
from .verbs import BE, VERBS, Verb

_CLAUSE_CUES = (";", " while ", " whilst ", " but ", " whereas ", " without ", " plus ", " and ")
_CLAUSE_WORDS = frozenset(("while", "whilst", "but", "whereas", "without", "plus"))
# Words that join the second part, dropped before it is read on its own.
_JOINS = ("while", "whilst", "but", "whereas", "and", "plus")


def clause_break(words: list[Word], masked: str, after: int) -> int | None:
    """Where a second clause starts after position ``after``, if one does.

    A semicolon, "while", "whilst", "but", "whereas", "without", "plus", or
    "and" followed by a verb other than "be" starts one.

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> low = "grow arr to $3m and reduce cac by 10%"
    >>> clause_break(split_words(low), low, 0)
    16
    >>> low = "grow arr and nrr to 110%"
    >>> clause_break(split_words(low), low, 0) is None
    True
    """
    semicolon = masked.find(";", after)
    for i, (word, ws, _) in enumerate(words):
        if ws < after:
            continue
        if semicolon != -1 and ws > semicolon:
            return semicolon
        if word in _CLAUSE_WORDS:
            if i == 0 or (i == 1 and words[0][0] == "only"):
                continue  # "Only while X, ...": a condition opening the line, not a join
            return ws
        if word == "and" and i + 1 < len(words):
            hit = VERBS.get(words[i + 1][0])
            if hit is not None and hit[1] != BE:
                return ws
    return semicolon if semicolon != -1 else None


class Clauses(NamedTuple):
    """What :func:`split_clauses` decided."""

    #: The numbers of the goal that is read.
    tokens: list[Token]
    #: The second part, to read instead of the whole line; None to read the line.
    second: str | None = None
    #: The note to put first on the reading of ``second``.
    note: str | None = None


def split_clauses(
    tokens: list[Token],
    words: list[Word],
    low: str,
    masked: str,
    original: str,
    verb: Verb,
    notes: list[str],
    *,
    may_read_second: bool,
) -> Clauses:
    """Keep one goal of a line that holds two.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their context.
    words : list of Word
        The words outside the deadlines.
    low : str
        The lower-cased line ("in one quarter" is a fraction here, even where
        it was read as a deadline).
    masked : str
        ``low`` with the deadlines blanked out.
    original : str
        The cleaned line (same indices).
    verb : Verb
        The governing verb (its end and base).
    notes : list of str
        The reading's notes; a note is appended when numbers are set aside.
    may_read_second : bool
        False when the line is itself a second part (it is read only once).

    Returns
    -------
    Clauses

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import read_context
    >>> from okr_toolkit.statements.text import split_words
    >>> from okr_toolkit.statements.verbs import find_verb
    >>> def split(text, notes):
    ...     low = text.lower()
    ...     words = split_words(low)
    ...     tokens = read_numbers(low, text, [w for w, _, _ in words])
    ...     read_context(tokens, low, text)
    ...     verb = find_verb(words, [w for w, _, _ in words], low, text, tokens)
    ...     return split_clauses(tokens, words, low, low, text, verb, notes, may_read_second=True)
    >>> notes = []
    >>> [t.raw for t in split("Grow ARR to $3M and reduce CAC by 10%", notes).tokens], notes
    (['$3M'], ["the line holds a second goal; set aside '10%'"])
    >>> split("Raise retention; reduce churn to 4%", []).second
    'reduce churn to 4%'
    """
    if not tokens or not has_cue(masked, _CLAUSE_CUES):
        return Clauses(tokens)
    verb_end = verb.end
    cut = clause_break(words, masked, min(tokens[0].end, max(verb_end, 1)))
    if cut is None or not any(t.start > cut for t in tokens):
        return Clauses(tokens)
    if not any(verb_end <= ws < cut for _, ws, _ in words):
        return Clauses(tokens)
    first_has_goal = tokens[0].start < cut or FRACTION.search(low, 0, cut) is not None
    if first_has_goal or verb.base in ("double", "triple", "quadruple", "halve"):
        dropped = ", ".join(f"'{t.raw}'" for t in tokens if t.start > cut)
        notes.append(f"the line holds a second goal; set aside {dropped}")
        return Clauses([t for t in tokens if t.start < cut])
    if not may_read_second:
        return Clauses(tokens)
    rest = original[cut:].lstrip(" ;,")
    for word in _JOINS:
        if rest.lower().startswith(word + " "):
            rest = rest[len(word) + 1 :]
            break
    first = original[:cut].strip(" ;,")
    return Clauses(tokens, rest, f"the first part ('{first}') has no number; read the second")
