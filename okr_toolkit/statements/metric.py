"""The metric: the words that name what is measured, as a snake_case name."""

from __future__ import annotations

from .verbs import FINITE_VERBS

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


def _snake(words: list[str]) -> str | None:
    """snake_case name from the words of a metric phrase."""
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


def _phrase(
    words: list[tuple[str, int, int]], low: str, start: int, stop: int, numbers: set[int]
) -> list[str]:
    """Words between ``start`` and ``stop`` that name the metric, up to a boundary.

    ``numbers`` holds where the measuring numbers start; other digits (week-1,
    Fortune 500, SOC 2) are part of the name.
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
