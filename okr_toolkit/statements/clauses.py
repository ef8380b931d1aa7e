"""Two goals in one line: where a second clause starts."""

from __future__ import annotations

from .verbs import BE, VERBS


def _clause_break(words: list[tuple[str, int, int]], masked: str, after: int) -> int | None:
    """Where a second clause starts after position ``after``, if one does."""
    semicolon = masked.find(";", after)
    for i, (word, ws, _) in enumerate(words):
        if ws < after:
            continue
        if semicolon != -1 and ws > semicolon:
            return semicolon
        if word in _CLAUSE_WORDS:
            return ws
        if word == "and" and i + 1 < len(words):
            hit = VERBS.get(words[i + 1][0])
            if hit is not None and hit[1] != BE:
                return ws
    return semicolon if semicolon != -1 else None


_CLAUSE_CUES = (";", " while ", " whilst ", " but ", " whereas ", " without ", " plus ", " and ")
_CLAUSE_WORDS = frozenset(("while", "whilst", "but", "whereas", "without", "plus"))
