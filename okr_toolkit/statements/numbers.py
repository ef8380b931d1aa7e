"""Step 2 of a reading: the numbers, each with its currency, multiplier and unit.

A :class:`Token` is one number as written ("$2M", "45 min", "-15%", "fifty"),
with its value, currency, multiplier and unit; later steps annotate it with the
words around it and its role. Numbers that name something rather than measure
it (week-1, 30-day, 24/7, 1:1, SOC 2, 9am, 1st) are never made into tokens.
Imports only :mod:`.units`.
"""

from __future__ import annotations

import re

from .units import SECONDS, UNIT_WORDS

# Number words (read only when a line has no digits).
_SMALL_NUMBERS = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: float(10 * (i + 2))
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety dozen hundred thousand million billion".split()
)
_NUMBER_WORDS |= {
    f"{tens}-{ones}"
    for tens in "twenty thirty forty fifty sixty seventy eighty ninety".split()
    for ones in "one two three four five six seven eight nine".split()
}
_WORD_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_CURRENCIES = {
    "$": "$",
    "€": "€",
    "£": "£",
    "¥": "¥",
    "₹": "₹",
    "usd": "$",
    "us$": "$",
    "dollar": "$",
    "dollars": "$",
    "eur": "€",
    "euro": "€",
    "euros": "€",
    "gbp": "£",
    "pound": "£",
    "pounds": "£",
    "inr": "₹",
    "rs": "₹",
    "rs.": "₹",
    "jpy": "¥",
}
# Seconds per unit, to convert mixed durations.
# Numbers that name something rather than measure it: what follows them, and words before.
_MASK_AFTER = (
    r"(?:-(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|stars?|points?|steps?"
    r"|person|pages?|seats?|users?|clicks?|tiers?|levels?|digits?|figures?)(?![\w])"
    r"|\s(?:day|week|month)\s(?:retention|active|activation|churn|trial|cohort|rolling|average"
    r"|return|streak|conversion|repeat|payback|period|window|span|basis)"
    r"|(?P<seven>\s?/\s?7(?![0-9])|x7(?![\w]))|(?P<one>:1s?(?![0-9])|-on-1)"
    r"|\s?(?:am|pm)(?![\w])"
    r"|(?:st|nd|rd|th)(?![\w]))"
)
_MASK_WORDS = frozenset(
    "week wk day month year quarter sprint cohort wave phase tier level stage version gen "
    "generation iso soc wcag ios android python windows web sev severity priority type series "
    "grade class chapter module lesson pillar step per every fortune s&p inc postgres postgresql "
    "node java react angular php ruby rails kotlin swift macos ubuntu debian gpt llama office "
    "covid wave round".split()
)
_SUFFIX = re.compile(
    r"(?:\s?(?P<mult>k|thousand|mm|mn|mln|m|million|bn|b|billion|lakhs?|crores?)(?![a-z0-9]))?"
    r"(?:\s?(?P<unit>%|percent(?:age)?\s+points?|percentage\s+points?|per\s?cent|percent|pct"
    r"|pp|p\.p\.|basis\s+points?|bps|points?|pts|ms|msecs?|milliseconds?|seconds?|secs?|s"
    r"|minutes?|mins?|hours?|hrs?|h|(?:business|working|calendar)\s+(?:days?|hours?)|days?|d"
    r"|weeks?|wks?|w"
    r"|months?|mos?|years?|yrs?"
    r"|quarters?|stars?|usd|eur|gbp|inr|dollars?|euros?|pounds?|€|\$|£|x)(?![a-z0-9])"
    r"|(?P<scale>\s?(?:/|out\s+of)\s?[0-9]{1,3}(?:\.[0-9])?(?![0-9]))"
    r"|(?P<ratio>\s?:\s?1(?![0-9])|\s+to\s+1\.0{1,3}(?![0-9]))"
    r"|(?P<ratio_to>\s+to\s+1(?![0-9.,]|\s*(?:%|(?:ms|s|secs?|seconds?|minutes?|mins?|hours?"
    r"|hrs?|days?|weeks?|months?|years?|k|m|bn|million|billion|x|points?|pp)\b))))?"
    r"(?P<plus>\s?\+)?"
    r"(?P<per>\s?(?:/|per\s|a\s|an\s|each\s)\s?(?:day|week|wk|month|mo|quarter|year|yr|hour|hr"
    r"|user|customer|lead|rep|employee|seat|sprint|person|visit|order|session)s?(?![a-z]))?"
)
# One pass for a whole quantity: currency, number, then either a "names something"
# tail (-day, 24/7, 1:1, 9am, 1st) or multiplier, unit, "+" and "per week".
_QTY = re.compile(
    r"(?=[$€£¥₹0-9.])(?:(?P<cur>[$€£¥₹])\s?)?(?<![\w.,])"
    r"(?P<num>[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?(?![.,]?[0-9])"
    r"|[0-9]{1,3}\.[0-9]{3},[0-9]{1,2}(?![.,]?[0-9])"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?"
    r"|[0-9]{1,3},[0-9]{1,2}(?![.,]?[0-9])"
    r"|[0-9]{1,15}(?:\.[0-9]{1,8})?"
    r"|\.[0-9]{1,8})(?![0-9])"
    r"(?:(?P<mask>" + _MASK_AFTER + r")|" + _SUFFIX.pattern + r")"
)
_QTY_START = re.compile(r"[$€£¥₹0-9.]")
_CUR_CODES = frozenset(("usd", "us$", "eur", "gbp", "inr", "rs.", "jpy", " rs"))
_CUR_BEFORE = re.compile(r"(?:(?P<sym>[$€£¥₹])|\b(?P<code>usd|us\$|eur|gbp|inr|rs\.?|jpy))\s?$")
_WORD_NUM = re.compile(
    r"(?<![\w-])(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?P<ones>one|two|three|four|five|six|seven|eight|nine)(?![\w-]))?"
    r"|(?P<small>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?P<dozen>a\s+dozen|dozen)|(?P<a>a|an))"
    r"(?:\s+(?P<mw>hundred|thousand|million|billion))?(?![\w-])"
)
FRACTION = re.compile(r"\b(?:by|in)\s+(?:a\s+|one\s+)?(half|third|quarter|fifth|tenth)\b")
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}


class Token:
    """One number in the statement, with what was read around it.

    Class attributes are the defaults, so making one sets only four fields. The
    reading annotates a token step by step: :func:`read_numbers` sets the value,
    currency, multiplier, unit and sign; :func:`~.roles.read_context` the words
    around it (``raw``, ``before``, ``lead``, ``after``, ``above``, ``below``,
    ``share``); the role steps its ``role``; :func:`~.values.scale_values` turns
    ``value`` into the value in its unit (multiplier and sign applied).

    Examples
    --------
    >>> tok = read_numbers("grow arr to $3m", "Grow ARR to $3M", ["grow", "arr", "to", "$3m"])[0]
    >>> tok.value, tok.cur, tok.mult, tok.mult_raw, (tok.start, tok.end)
    (3.0, '$', 1000000.0, 'M', (12, 15))
    """

    unit: str | None = None  # "%", "days", "points", "score", "ratio", "x"...
    cur: str | None = None  # "$", "€", "£", "¥", "₹"
    mult = 1.0  # k, M, bn...
    mult_raw = ""  # the multiplier as written ("M", "m", "k")
    sign = 0  # +1 / -1 for a written "+" / "-", or "up" / "down"
    before: str | None = None  # the role the words before give it ("base", "to", "above"...)
    after: str | None = None  # what follows it ("pair", "range", "base", "inc", "dec")
    above = False  # a floor: "at least", "80%+", "or more"
    below = False  # a ceiling: "at most", "under", "or less"
    share = False  # "X% of <people>"
    named = False  # the line calls it the target: "target 78%", "goal: 2%"
    role: str | None = None  # "base", "target", "change", "range", "range_end", "condition"...
    raw = ""  # the number as written, e.g. "$2M"
    convention: str | None = None  # how its digits were read, when worth a note
    after_end = 0  # where the words after it that were read end

    def __init__(self, start: int, end: int, value: float) -> None:
        self.start = start  # first character, including currency and sign
        self.end = end  # after the suffix
        self.lead = start  # where the words that give it a role begin
        self.value = value


_WORD_ALTERNATION = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# A number written in words and then in digits, as contracts do: "thirty (30) days",
# "six percent (6%)", "Fifteen Million Dollars ($15,000,000)".
_WRITTEN_TWICE = re.compile(
    rf"(?<![\w-])(?:{_WORD_ALTERNATION})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_ALTERNATION}))*"
    r"(?:\s+(?:percent|per\s+cent|dollars|pounds|euros))?"
    r"\s+\((?P<digits>[$€£]?\s?[0-9][0-9,.]*\s?%?)\)",
    re.IGNORECASE,
)


def drop_words_written_twice(line: str) -> str:
    """The line with a number said in words and then in digits kept once, as digits.

    Examples
    --------
    >>> drop_words_written_twice("Deliver it within thirty (30) days of the request")
    'Deliver it within 30 days of the request'
    >>> drop_words_written_twice("keep at least Fifteen Million Dollars ($15,000,000) in cash")
    'keep at least $15,000,000 in cash'
    >>> drop_words_written_twice("not less than six percent (6%) of the loan")
    'not less than 6% of the loan'
    """
    if "(" not in line:
        return line
    return _WRITTEN_TWICE.sub(lambda m: m.group("digits"), line)


def read_numbers(masked: str, original: str, word_list: list[str]) -> list[Token]:
    """Every measuring number in the line, in order.

    Digits are read first; number words ("fifty", "a dozen", "a million") only
    when the line has no digits, except "zero", which is always a number. A
    lower-case "m" without a currency is minutes when another number in the
    line is a duration ("from 2h to 45m"), otherwise million.

    Parameters
    ----------
    masked : str
        The lower-cased line with the deadlines blanked out.
    original : str
        The cleaned line (same indices), to keep the multiplier as written.
    word_list : list of str
        The words of ``masked`` outside the deadlines.

    Returns
    -------
    list of Token

    Examples
    --------
    >>> def values(text):
    ...     low = text.lower()
    ...     return [(t.value * t.mult, t.unit) for t in read_numbers(low, text, low.split())]
    >>> values("Cut first response from 2h to 45m")
    [(2.0, 'hours'), (45.0, 'minutes')]
    >>> values("Grow week-1 activation to 10,000 users, 24/7")
    [(10000.0, None)]
    >>> values("Sign fifty new customers")
    [(50.0, None)]

    Thousands grouped with dots (1.000.000, 1.250,50) or the Indian way
    (6,50,000 is six lakh):

    >>> values("Grow users from 1.000.000 to 1.250.000")
    [(1000000.0, None), (1250000.0, None)]
    >>> values("Raise MRR from ₹6,50,000 to ₹1,20,00,000")
    [(650000.0, None), (12000000.0, None)]
    """
    tokens = _number_tokens(masked, original)
    if not _NUMBER_WORDS.isdisjoint(word_list):
        if not tokens:
            tokens = _word_tokens(masked, original)
        elif "zero" in masked:  # "zero" is never anything but a number
            zeros = [t for t in _word_tokens(masked, original) if t.value == 0.0]
            tokens = sorted(tokens + zeros, key=lambda t: t.start)
    if " of " in masked or " in " in masked or " times " in masked or "twice " in masked:
        extra = _share_and_times_tokens(masked)
        if extra:
            spans = [(t.start, t.end) for t in extra]
            kept = [t for t in tokens if not any(a <= t.start < b for a, b in spans)]
            tokens = sorted(kept + extra, key=lambda t: t.start)
    has_duration = has_m = False
    for t in tokens:
        if t.mult_raw == "m" and t.cur is None:
            has_m = True
        if t.unit in SECONDS:
            has_duration = True
    if has_m and has_duration:
        for t in tokens:
            if t.mult_raw == "m" and t.cur is None:  # "from 2h to 45m": minutes, not millions
                t.mult, t.mult_raw, t.unit = 1.0, "", "minutes"
    return tokens


def _number_tokens(masked: str, original: str) -> list[Token]:
    """Every measuring number in ``masked``, with currency, suffix and unit."""
    tokens: list[Token] = []
    # A quantity starts at a digit, a point or a currency sign: skip to the first one.
    first = _QTY_START.search(masked)
    if first is None:
        return tokens
    pos = first.start()
    while (m := _QTY.search(masked, pos)) is not None:
        pos = m.end() if m.end() > pos else pos + 1
        (cur, digits, mask, mult, unit, scale, ratio, plus, seven, one, ratio_to) = m.group(
            "cur", "num", "mask", "mult", "unit", "scale", "ratio", "plus", "seven", "one",
            "ratio_to",
        )  # fmt: skip
        start, end = m.start("num"), m.end("num")
        tok_end = m.end()
        duration = None  # (sixtieths, unit) of a clock-like duration: "5:20 minutes"
        if masked.startswith(":", end) and digits.isdigit() and (c := _CLOCK.match(masked, end)):
            clock_unit = c.group("unit") or _later_clock_unit(masked, c.end())
            if clock_unit is not None:
                duration = c.group("sixtieths"), "hours" if clock_unit == "hs" else clock_unit
                tok_end = pos = c.end()
            elif _TIME_OF_DAY.search(masked, 0, start) or _AM_PM.match(masked, c.end()):
                pos = c.end()
                continue  # "at 9:30", "9:30 am": a time of day, not a value
            # else "3:45" with no unit: read as before (a ratio's first part)
        if ratio_to is not None:
            if "." in digits and not masked[:start].rstrip().endswith(("from", "between")):
                ratio = ratio_to  # "2.25 to 1": a covenant ratio
            else:
                tok_end = pos = end  # "from 3 to 1": two numbers
        if mask is not None:
            if seven and digits != "24":
                scale = seven  # "4/7": a scale, not 24/7
            elif one and digits != "1":
                ratio = one  # "3:1": a ratio, not 1:1
            else:
                continue  # 30-day, 24/7, 1:1, 9am, 1st
        if start > 0:
            before = masked[start - 1]
            if before == " ":
                j = masked.rfind(" ", 0, start - 1)
                if masked[j + 1 : start - 1] in _MASK_WORDS:
                    continue  # day 30, tier 1, per 1,000, every 2 weeks, SOC 2
            elif before == "-" and start > 1 and masked[start - 2].isalpha():
                j = masked.rfind(" ", 0, start - 1)
                word = masked[j + 1 : start - 1].rsplit("-", 1)[-1]
                if word not in ("top", "sub", "under", "over", "up", "down"):
                    continue  # week-1, covid-19, gpt-4
            elif before in "/:" and masked[start - 2 : start - 1].isdigit():
                continue  # the 7 of 24/7, the second 1 of 1:1
        value, convention = _digits_value(digits)
        if duration is not None:
            sixtieths, unit = duration
            value += int(sixtieths) / 60.0
            mult = None
            convention = (
                f"{NUMBER_NOTE} '{digits}:{sixtieths}' as {value:.4g} "
                f"{UNIT_WORDS[unit]} (the part after ':' is sixtieths)"
            )
        tok = Token(m.start(), tok_end, value)
        tok.convention = convention
        if cur is not None:
            tok.cur = _CURRENCIES[cur]
        elif masked[max(0, start - 4) : start].rstrip()[-3:] in _CUR_CODES:
            code = _CUR_BEFORE.search(masked, max(0, start - 5), start)
            if code is not None:
                tok.cur = _CURRENCIES[code.group("sym") or code.group("code")]
                tok.start = code.start()
        _take_sign(tok, masked)
        if mult:
            tok.mult_raw = original[m.start("mult") : m.end("mult")]
            tok.mult = _MULTIPLIERS[mult]
        if unit:
            _set_unit(tok, unit)
        elif scale:
            tok.unit = "score"
        elif ratio:
            tok.unit = "ratio"
        if plus:
            tok.above = True
        if tok.end == end and masked[end : end + 1].isalpha():
            continue  # glued to letters: 2FA, 5G, 3D
        tokens.append(tok)
    return tokens


# A duration written like a clock: "5:20 minutes", "2:30 hours", "from 10:15 to 7:30 min".
_CLOCK_UNIT = r"(?P<unit>minutes?|mins?|hours?|hrs?|hs|h|seconds?|secs?)(?![a-z])"
_CLOCK = re.compile(r":(?P<sixtieths>[0-5][0-9])(?![0-9:.,])(?:\s?" + _CLOCK_UNIT + ")?")
_TIME_OF_DAY = re.compile(r"\b(?:at|by|before|after|until|till|from|opens?|closes?)\s+$")
_AM_PM = re.compile(r"\s?(?:[ap]\.?m\b\.?|o'clock)")
_LATER_CLOCK = re.compile(r"[0-9]:[0-5][0-9](?![0-9:.,])\s?" + _CLOCK_UNIT)


def _later_clock_unit(masked: str, after: int) -> str | None:
    """The unit of a later clock-like duration in the line ("from 10:15 to 7:30 minutes")."""
    later = _LATER_CLOCK.search(masked, after)
    return later.group("unit") if later is not None else None


#: How the reader's notes start when a number was read in a convention worth saying.
NUMBER_NOTE = "number read:"


def _digits_value(digits: str) -> tuple[float, str | None]:
    """The value of a number's digits as written, and a note when the way it was read is
    worth saying (a decimal comma; three decimals that could be a thousands group).

    >>> _digits_value("1,250,000"), _digits_value("6,50,000"), _digits_value("1.000.000")
    ((1250000.0, None), (650000.0, None), (1000000.0, None))
    >>> _digits_value("1,5")
    (1.5, "number read: '1,5' as 1.5 (a decimal comma)")
    >>> print(_digits_value("1.250,50")[1])
    number read: '1.250,50' as 1250.5 (dots group the thousands, a comma marks the decimals)
    >>> print(_digits_value("1.500")[1])
    number read: '1.500' as 1.5 (a decimal point: if it means 1500, write 1500)
    >>> _digits_value("0.800"), _digits_value("42.5")
    ((0.8, None), (42.5, None))
    """
    if digits.count(".") > 1 or ("." in digits.split(",", 1)[0] and "," in digits):
        # 1.000.000 or 1.250,50: dots group the thousands, a comma marks the decimals.
        value = float(digits.replace(".", "").replace(",", "."))
        if "," not in digits:
            return value, None  # two dots can only be groups
        why = "dots group the thousands, a comma marks the decimals"
        return value, f"{NUMBER_NOTE} {digits!r} as {value:g} ({why})"
    if "," in digits and len(digits.rsplit(",", 1)[-1]) < 3 and "." not in digits:
        value = float(digits.replace(",", "."))  # 1,5 or 1,5M: a decimal comma
        return value, f"{NUMBER_NOTE} {digits!r} as {value:g} (a decimal comma)"
    value = float(digits.replace(",", ""))
    whole, _, decimals = digits.partition(".")
    if len(decimals) == 3 and whole[:1] not in ("", "0") and "," not in whole:
        # 1.500 is 1.5 with a decimal point, 1500 where dots group thousands.
        grouped = int(whole + decimals)
        return value, (
            f"{NUMBER_NOTE} {digits!r} as {value:g} (a decimal point: "
            f"if it means {grouped}, write {grouped})"
        )
    return value, None


def _set_unit(tok: Token, unit: str) -> None:
    unit = " ".join(unit.split())
    if unit in _CURRENCIES:
        tok.cur = _CURRENCIES[unit]
    elif unit == "bps" or "basis" in unit:
        tok.unit = "points"
        tok.value /= 100.0
    elif unit in ("pp", "p.p.", "pts") or "point" in unit:
        tok.unit = "points"
    elif unit.endswith(("day", "days")):
        tok.unit = "days"
    elif unit.endswith(("hour", "hours")) and " " in unit:
        tok.unit = "hours"  # business hours, working hours
    else:
        tok.unit = UNIT_WORDS.get(unit, "%" if "cent" in unit else unit)


def _word_tokens(masked: str, original: str) -> list[Token]:
    """Numbers written as words ("fifty", "a million"), for lines with no digits."""
    tokens: list[Token] = []
    for m in _WORD_NUM.finditer(masked):
        g = m.groupdict()
        if g["tens"]:
            value = _TENS[g["tens"]] + (_SMALL_NUMBERS[g["ones"]] if g["ones"] else 0.0)
        elif g["small"]:
            if g["small"] == "one" and not g["mw"] and masked.startswith(" of", m.end()):
                continue
            value = _SMALL_NUMBERS[g["small"]]
        elif g["dozen"]:
            value = 12.0
        else:  # "a" / "an": only with a multiplier word ("a million")
            if not g["mw"]:
                continue
            value = 1.0
        if g["mw"]:
            value *= _WORD_MULTIPLIERS[g["mw"]]
        tokens.append(_finish_token(masked, original, m.start(), m.end(), value))
    return tokens


_SHARE_WORDS = re.compile(
    r"(?<![\w-])(?:(?P<fn>a|one|two|three|four)[\s-])?(?P<fd>half|thirds?|quarters?|fifths?|tenths?)"
    r"\s+of\b"
    r"|(?<![\w-])(?P<nn>one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+of|in)\s+"
    r"(?:every\s+)?(?P<nd>two|three|four|five|ten|twenty|hundred)(?![\w-])"
)
_COUNTS = {"a": 1, **{w: int(v) for w, v in _SMALL_NUMBERS.items()}, "twenty": 20, "hundred": 100}
# Where "half of" is a part of time, not a share: "the second half of the year".
_NOT_A_SHARE = ("the", "first", "second", "this", "next", "last", "back", "front")
_TIMES = re.compile(
    r"(?<![\w.-])(?:(?P<k>two|three|four|five|six|ten|[0-9]+(?:\.[0-9]+)?)\s+times|(?P<k2>twice))\s+"
    r"(?=as\s+(?:many|much|high|large|fast|often)\b|more\b|higher\b|larger\b|greater\b)"
)


def _share_and_times_tokens(masked: str) -> list[Token]:
    """Shares and multiples written in words: "a third of", "nine out of ten" (as a
    percentage of something), "three times as many" (a multiple, ``x``)."""
    tokens: list[Token] = []
    for m in _SHARE_WORDS.finditer(masked):
        if m.group("fd"):
            share = FRACTIONS[m.group("fd").rstrip("s")] * (_COUNTS[m.group("fn") or "one"])
            if not m.group("fn"):
                before = masked[: m.start()].rstrip().rsplit(" ", 1)[-1]
                if m.group("fd") != "half" or before in _NOT_A_SHARE:
                    continue
            end = m.end() - 2  # the share, without its "of"
        else:
            share = _COUNTS[m.group("nn")] / _COUNTS[m.group("nd")]
            end = m.end()
        if share >= 1.0:
            continue
        tok = Token(m.start(), end, round(100.0 * share, 1))
        tok.unit = "%"
        tok.share = True
        tokens.append(tok)
    for m in _TIMES.finditer(masked):
        k = m.group("k")
        if k is None:  # "twice as many"
            tok = Token(m.start(), m.end("k2"), 2.0)
        else:
            tok = Token(m.start(), m.end("k"), float(_COUNTS.get(k) or k))
        tok.unit = "x"
        tok.after = "inc"
        tokens.append(tok)
    return tokens


def _take_sign(tok: Token, masked: str) -> None:
    """Claim a "+" or "-" written just before the number ("-15%", "(+3 pts)")."""
    if tok.start > 0 and masked[tok.start - 1] in "-+":
        prev = masked[tok.start - 2] if tok.start >= 2 else " "
        if prev in " (/:" or tok.start == 1:
            tok.sign = -1 if masked[tok.start - 1] == "-" else 1
            tok.start -= 1


def _finish_token(masked: str, original: str, start: int, end: int, value: float) -> Token:
    tok = Token(start, end, value)
    cur = _CUR_BEFORE.search(masked, max(0, start - 5), start)
    if cur is not None:
        tok.cur = _CURRENCIES[cur.group("sym") or cur.group("code")]
        tok.start = cur.start()
    _take_sign(tok, masked)
    s = _SUFFIX.match(masked, end)
    if s is not None and s.end() > end:
        mult, unit = s.group("mult"), s.group("unit")
        if mult:
            tok.mult_raw = original[s.start("mult") : s.end("mult")]
            tok.mult = _MULTIPLIERS[mult]
        if unit:
            _set_unit(tok, unit)
        elif s.group("scale"):
            tok.unit = "score"
        elif s.group("ratio"):
            tok.unit = "ratio"
        if s.group("plus"):
            tok.above = True
        tok.end = s.end()
    return tok
