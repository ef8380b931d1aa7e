"""Step 0 of a reading: the statement cleaned, then split into words.

Every later step works on the cleaned line ``s``, its lower-case ``low`` and the
words of ``low`` with their spans. Text is never shifted: where something is set
aside (a deadline), it is blanked with spaces so every index stays in place.
Imports nothing from the rest of the package.
"""

from __future__ import annotations

import re
import unicodedata

#: Only this many characters of a statement are read; a key result is one sentence.
MAX_CHARS = 500

#: One word of the lower-cased line: (word, start, end), punctuation trimmed.
Word = tuple[str, int, int]

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
    r"|(?i:(?:key[\s-]*results?|kr|okr|kpi|o)[\s-]*#?\s*[0-9]{1,2}(?:\.[0-9]{1,2})?\s*[:.)\-]?\s*)"
    r"|(?i:(?:(?:sdg\s+)?(?:target|goal|objective|aim|priority|outcome|measure|indicator|step"
    r"|milestone|metric|initiative)|sdg)[\s-]*#?\s*[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}[a-z]?\s*[:.)\-]\s*)"
    r"|[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?(?:\s*[:)\-]\s+|\s+(?=[A-Z][a-z]))"
    r"|(?i:(?:key\s*results?|kr|kpi|okr|goal|target|metric|measure)\s*[:\-]\s*)"
    r"|[^\w\s$€£¥₹<>~+\-.(\"'#]+"
    r")+"
)
# First two letters of a label that _PREFIX removes ("KR1:", "Key result", "Goal:"...).
_PREFIX_STARTS = frozenset(
    "kr ke ok kp go ta me o1 o2 o3 o4 o5 o6 o7 o8 o9 a) b) c) d) sd ob ai pr ou in st mi".split()
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
HAS_ALNUM = re.compile(r"[^\W_]")


def clean_text(text: str, notes: list[str]) -> tuple[str, bool]:
    """The statement as the reader reads it, and whether it was labelled "KPI".

    Only the first :data:`MAX_CHARS` characters are kept (with a note); arrows,
    dashes, quotes and odd spaces are made plain; runs of spaces become one; a
    leading label, bullet or number ("KR1:", "- ", "2.") is set aside; trailing
    punctuation is dropped.

    Parameters
    ----------
    text : str
        The statement as given.
    notes : list of str
        The reading's notes; a note is appended when the text is cut.

    Returns
    -------
    tuple of (str, bool)
        The cleaned line, and True when the label set aside says "KPI".

    Examples
    --------
    >>> clean_text("KR1:  Grow ARR \u2192 $3M.", [])
    ('Grow ARR -> $3M', False)
    >>> clean_text("KPI: churn below 2%", [])
    ('churn below 2%', True)
    """
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


_PUNCT = ".,;:!?()[]{}\"'*/|"


def split_words(low: str) -> list[Word]:
    """Words of ``low`` (single-spaced) with their spans, punctuation trimmed.

    Examples
    --------
    >>> split_words("cut churn (to 2%).")
    [('cut', 0, 3), ('churn', 4, 9), ('to', 11, 13), ('2%', 14, 16)]
    """
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


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span of ``text`` by spaces, keeping every index in place.

    Examples
    --------
    >>> blank_spans("reach 50 by q3 2026", [(9, 19)])
    'reach 50           '
    """
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


def words_outside(words: list[Word], spans: list[tuple[int, int]]) -> list[Word]:
    """The words that start outside every span.

    Examples
    --------
    >>> words_outside(split_words("reach 50 by q3"), [(9, 14)])
    [('reach', 0, 5), ('50', 6, 8)]
    """
    if len(spans) == 1:
        (a, b) = spans[0]
        return [x for x in words if not a <= x[1] < b]
    return [x for x in words if not any(a <= x[1] < b for a, b in spans)]


def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    """True when any of ``cues`` occurs in ``text``: a cheap test before a regex.

    Examples
    --------
    >>> has_cue("keep churn low while growing", (" while ", ";"))
    True
    """
    for cue in cues:
        if cue in text:
            return True
    return False
