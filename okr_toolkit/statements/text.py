"""Cleaning a statement and splitting it into words, with every index kept in place."""

from __future__ import annotations

import re
import unicodedata

#: Only this many characters of a statement are read; a key result is one sentence.
MAX_CHARS = 500

_TRANSLATE = {
    0x2192: "->",
    0x27F6: "->",
    0x279C: "->",
    0x2794: "->",
    0x21D2: "->",
    0x27A1: "->",
    0x2B95: "->",
    0x279D: "->",
    0x27A4: "->",
    0x2265: ">=",
    0x2264: "<=",
    0x2A7E: ">=",
    0x2A7D: "<=",
    0x2013: "-",
    0x2014: "-",
    0x2212: "-",
    0x2011: "-",
    0x2010: "-",
    0x2012: "-",
    0x2015: "-",
    0x2018: "'",
    0x2019: "'",
    0x201C: '"',
    0x201D: '"',
    0x00D7: "x",
    0x2248: "~",
    0x00B1: "",
    0x200B: "",
    0x200C: "",
    0x200D: "",
    0xFE0F: "",
    0xFEFF: "",
}
for _code in (*range(32), 127, 0x85, 0xA0, 0x2028, 0x2029, 0x202F, 0x2009, 0x2007, 0x3000):
    _TRANSLATE[_code] = " "

_PREFIX = re.compile(
    r"(?:"
    r"[\s*\u2022\u25aa\u25ab\u25e6\u00b7\u2023\u2043\u25cf\u25cb\u25a0\u25a1|]+"
    r"|-+\s+|-{2,}|->\s*|=>\s*"
    r"|\[\s*[xX\u2713 ]?\s*\]\s*"
    r"|\(?[0-9]{1,2}[.)]\s+"
    r"|\(?[a-hA-H]\)\s+"
    r"|(?i:(?:key\s*results?|kr|okr|kpi|o)\s*#?\s*[0-9]{1,2}(?:\.[0-9]{1,2})?\s*[:.)\-]?\s*)"
    r"|(?i:(?:key\s*results?|kr|kpi|okr|goal|target|metric|measure)\s*[:\-]\s*)"
    r"|[^\w\s$€£¥₹<>~+\-.(\"'#]+"
    r")+"
)
# First two letters of a label that _PREFIX removes ("KR1:", "Key result", "Goal:"...).
_PREFIX_STARTS = frozenset("kr ke ok kp go ta me o1 o2 o3 o4 o5 o6 o7 o8 o9 a) b) c) d)".split())
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HAS_ALNUM = re.compile(r"[^\W_]")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span of ``text`` by spaces, keeping every index in place."""
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        if a < last:
            a = last
        if b <= a:
            continue
        parts.append(text[last:a])
        parts.append(" " * (b - a))
        last = b
    parts.append(text[last:])
    return "".join(parts)


def _outside(
    words: list[tuple[str, int, int]], spans: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The words that start outside every span."""
    if len(spans) == 1:
        (a, b) = spans[0]
        return [x for x in words if not a <= x[1] < b]
    return [x for x in words if not any(a <= x[1] < b for a, b in spans)]


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    for cue in cues:
        if cue in text:
            return True
    return False


_PUNCT = ".,;:!?()[]{}\"'*/|"


def _words(low: str) -> list[tuple[str, int, int]]:
    """Words of ``low`` (single-spaced) with their spans, punctuation trimmed."""
    out = []
    pos = 0
    for chunk in low.split(" "):
        n = len(chunk)
        word = chunk.strip(_PUNCT)
        if word:
            if len(word) == n:
                out.append((word, pos, pos + n))
            else:  # leading punctuation is never in the word, so find() lands after it
                start = pos + chunk.find(word)
                out.append((word, start, start + len(word)))
        pos += n + 1
    return out


def _clean(text: str, notes: list[str]) -> tuple[str, bool]:
    s = text
    if len(s) > MAX_CHARS:
        s = s[:MAX_CHARS]
        notes.append(f"text longer than {MAX_CHARS} characters; only the first {MAX_CHARS} read")
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE)
    elif _CONTROL.search(s) is not None:
        s = s.translate(_TRANSLATE)
    s = " ".join(s.split())
    kpi_prefix = False
    m = None
    if s and (not s[0].isalpha() or s[:2].lower() in _PREFIX_STARTS):
        m = _PREFIX.match(s)
    if m is not None and m.end() > 0:
        kpi_prefix = "kpi" in m.group().lower()
        s = s[m.end() :]
    return s.rstrip(" .;,!"), kpi_prefix
