"""Step 3 of a reading: the governing verb, and the vocabulary of verbs by kind.

Every verb the rules know belongs to one kind: ``ACT`` (a task: launch, hire),
``KPI`` (hold: maintain, keep), ``UP`` and ``DOWN`` (a change: increase, cut),
``POLAR`` (a change that does not say which way: improve), ``REACH`` (an
outcome: achieve, sign), ``BE`` (be, become), ``OBJ`` (depends on its object:
add, hold; see :mod:`.objects`) and ``MAKE`` (make, do). :func:`find_verb`
finds the verb that governs the line. Imports only :mod:`.text` (and the
:class:`~.numbers.Token` type).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .text import Word

if TYPE_CHECKING:
    from .numbers import Token

#: The kinds of verb (see the module docstring).
ACT, KPI, UP, DOWN, POLAR, REACH, BE, OBJ, MAKE = (
    "act",
    "kpi",
    "up",
    "down",
    "polar",
    "reach",
    "be",
    "obj",
    "make",
)

_VERB_BASES: dict[str, str] = {
    UP: (
        "increase grow raise lift boost expand scale climb double triple quadruple uplift "
        "maximise maximize elevate amplify multiply widen broaden extend bump push rise "
        "step_up ramp_up scale_up level_up up save"
    ),
    DOWN: (
        "reduce cut lower decrease shrink drop minimise minimize halve slash trim shorten "
        "compress curb lessen eliminate eradicate decline bring_down cut_down pay_down "
        "burn_down zero_out get_rid speed_up drive_down knock_down down lose end"
    ),
    POLAR: "improve optimise optimize enhance strengthen accelerate better move shift",
    REACH: (
        "achieve reach hit attain get exceed surpass beat cross break secure sign close land "
        "win acquire attract convert retain renew activate engage enroll enrol register sell "
        "book earn capture gain obtain generate drive realise realize bring receive score "
        "rank have see sign_up bring_in get_to return resolve respond answer serve handle process "
        "help"
    ),
    BE: "be become",
    KPI: (
        "maintain keep sustain remain stay ensure preserve protect defend uphold continue "
        "guarantee limit cap contain"
    ),
    OBJ: "hold add deliver build create recruit onboard enter",
    MAKE: "make do",
    ACT: (
        "launch ship implement conduct run organise organize publish write hire open interview "
        "attend host migrate deploy complete design redesign develop introduce release "
        "document train send post produce record draft define establish automate integrate "
        "refactor rewrite upgrade install configure test prototype pilot audit review analyse "
        "analyze research survey call contact email visit meet present speak sponsor exhibit "
        "partner finalise finalize fix update translate localise localize map plan prepare "
        "schedule replace adopt select choose evaluate assess identify investigate explore "
        "start begin participate join apply submit file certify pass coach mentor teach "
        "educate brainstorm facilitate curate compile gather collect distribute print film "
        "edit code instrument track measure monitor set outline craft shoot negotiate pitch "
        "upskill refresh revamp overhaul rebuild restructure reorganise reorganize simplify "
        "streamline deprecate validate verify execute perform decommission sunset retire "
        "remove formalise formalize standardise standardize consolidate digitise digitize "
        "enable equip provide offer demo fill set_up roll_out reach_out kick_off stand_up spin_up "
        "clean_up phase_out put_in sign_off wrap_up"
    ),
}

# Irregular forms, mapped to their base.
_IRREGULAR = {
    "grew": "grow",
    "grown": "grow",
    "held": "hold",
    "built": "build",
    "kept": "keep",
    "won": "win",
    "sent": "send",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "sold": "sell",
    "made": "make",
    "did": "do",
    "done": "do",
    "met": "meet",
    "became": "become",
    "spoke": "speak",
    "spoken": "speak",
    "paid": "pay",
    "got": "get",
    "gotten": "get",
    "rose": "rise",
    "risen": "rise",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "shot": "shoot",
    "stood": "stand",
    "broke": "break",
    "broken": "break",
    "saw": "see",
    "seen": "see",
    "had": "have",
    "has": "have",
    "was": "be",
    "is": "be",
    "are": "be",
    "been": "be",
}
_VOWELS = frozenset("aeiou")


def _forms(base: str) -> list[str]:
    """Inflected forms of a regular verb (a few wrong ones are harmless)."""
    out = [base, base + "s", base + "es", base + "ed", base + "d", base + "ing"]
    if base.endswith("e"):
        out.append(base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        out += [base[:-1] + "ies", base[:-1] + "ied"]
    if (
        len(base) >= 3
        and base[-1] not in _VOWELS
        and base[-1] not in "wxy"
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
    ):
        out += [base + base[-1] + "ed", base + base[-1] + "ing"]
    return out


def _build_verbs() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], set[str]]:
    single: dict[str, tuple[str, str]] = {}
    double: dict[str, tuple[str, str]] = {}
    participles: set[str] = set()
    for kind, words in _VERB_BASES.items():
        for word in words.split():
            if "_" in word:
                head, tail = word.split("_")
                for form in _forms(head):
                    double.setdefault(f"{form} {tail}", (word.replace("_", " "), kind))
                continue
            for form in _forms(word):
                single.setdefault(form, (word, kind))
                if form.endswith("ed"):
                    participles.add(form)
    kinds = {base: kind for kind, words in _VERB_BASES.items() for base in words.split()}
    for form, base in _IRREGULAR.items():
        single.setdefault(form, (base, kinds.get(base, ACT)))
        if form not in ("was", "is", "are", "has", "had"):
            participles.add(form)
    # Words that are verbs in the lists but nearly always nouns or adjectives here.
    for word in ("up", "down", "better", "set", "post", "posts", "run", "record", "return", "met"):
        participles.discard(word)
    return single, double, participles


#: Every form of a one-word verb -> (base, kind); two-word verbs ('roll out') in _VERBS2.
VERBS, _VERBS2, PARTICIPLES = _build_verbs()

# Words set aside before the first verb: subjects, modals, fillers and adverbs.
_LEAD_SKIP = frozenset(
    "to we i you they our my the team goal aim objective let's let us also and then first "
    "finally successfully significantly dramatically substantially further measurably "
    "materially drastically sharply steadily quickly rapidly fully jointly proactively "
    "systematically meaningfully notably radically at least over this quarter q never don't "
    "not".split()
)
_MODALS = frozenset("will shall must should can could would we'll i'll they'll".split())
#: Words after "end" that make it a point in time, not a verb that ends something.
_NOT_ENDED = frozenset(
    "of the this that our each every with on in at up to date result results user users "
    "product state".split()
)
#: Words that open a frame before the goal ("At all times, ...", "During the loan, ...").
_FRAMES = frozenset("at during throughout for from in on after as beginning commencing".split())
_TO_LEADS = frozenset(
    "aim aims want wants need needs plan plans going is are strive try commit intend seek "
    "hope expect able".split()
)

_METRIC_HEADS = frozenset(
    "rate rates time times coverage frequency cadence velocity duration speed failure "
    "failures adoption quality throughput volume count cost costs score latency stability "
    "reliability completion conversion satisfaction retention nps csat share margin ratio "
    "efficiency accuracy utilization utilisation backlog budget lead-time errors pass-rate "
    "acceptance success-rate size".split()
)
_STOP_DETERMINERS = frozenset("a an the our new all every each one two three".split())
_RATE_HEADS = frozenset(("rate", "rates", "time", "times", "ratio"))
# Modals and finite forms that end a metric named first: "Churn should ...", "NPS improves".
FINITE_VERBS = frozenset(
    ["should", "must", "will", "would", "can", "could", "shall", "may", "might"]
    + [
        form
        for form, (_, kind) in VERBS.items()
        if kind in (UP, DOWN, POLAR, KPI) and form.endswith(("s", "ed", "ing"))
    ]
)


class Verb(NamedTuple):
    """What :func:`find_verb` read: the verb that governs the line, if any."""

    #: The verb as written ("Reduce", "roll out"); None when the line starts with its metric.
    text: str | None
    #: Its base form ("reduce", "roll out").
    base: str | None
    #: Its kind: ACT, KPI, UP, DOWN, POLAR, REACH, BE, OBJ or MAKE.
    kind: str | None
    #: Up to seven words after it.
    words_after: tuple[str, ...]
    #: Where the metric's words may begin: after the verb, or at the first word kept.
    end: int
    #: Where a subject before a modal begins ("Uptime must stay ..."), or -1.
    subject_start: int


def find_verb(
    words: list[Word], word_list: list[str], low: str, original: str, tokens: list[Token]
) -> Verb:
    """The governing verb: the first word after labels, subjects, modals and adverbs.

    "We will", "Our goal is to", "Team to", "successfully" are set aside; a verb
    after the first number does not govern. A task or outcome verb that heads a
    metric ("Test coverage from 60% to 80%", "Win rate 20% -> 30%") is no verb.

    Parameters
    ----------
    words : list of Word
        The words outside the deadlines.
    word_list : list of str
        The same words without their spans.
    low : str
        The lower-cased line.
    original : str
        The cleaned line (same indices), for the verb as written.
    tokens : list of Token
        The numbers.

    Returns
    -------
    Verb

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> def verb(text):
    ...     words = split_words(text.lower())
    ...     v = find_verb(words, [w for w, _, _ in words], text.lower(), text, [])
    ...     return v.text, v.base, v.kind
    >>> verb("We will successfully roll out SSO")
    ('roll out', 'roll out', 'act')
    >>> verb("Our aim is to grow ARR")
    ('grow', 'grow', 'up')
    >>> verb("Churn below 2%")
    (None, None, None)
    """
    first_number = tokens[0].start if tokens else len(low)
    k = _first_word(words, word_list, low, first_number)
    if k < len(words) and words[k][1] < first_number:
        w, ws, we = words[k]
        hit = None
        if k + 1 < len(words):
            hit = _VERBS2.get(f"{w} {words[k + 1][0]}")
            if hit is not None:
                we = words[k + 1][2]
        if hit is None:
            hit = VERBS.get(w)
        if hit is not None and hit[0] == "end" and k + 1 < len(words):
            if words[k + 1][0] in _NOT_ENDED:
                hit = None  # "end of year", "end the quarter with 40 customers"
        if w == "up" and k + 1 < len(words) and words[k + 1][0] == "to":
            hit = None  # "up to 12 days": a ceiling, not the verb "up"
        if hit is not None and (hit[1] != BE or w in ("be", "become")):
            base, kind = hit
            following = [x[0] for x in words[k + 1 : k + 5] if x[1] < first_number + 1]
            if not (tokens and _heads_a_metric(base, kind, following)):
                subject_start = -1
                if k > 0 and words[k - 1][0] in _MODALS:
                    subject_start = words[0][1]  # "Uptime must stay above 99.9%"
                after = tuple(word_list[k + 1 : k + 8])
                return Verb(original[ws:we], base, kind, after, we, subject_start)
    # No verb: the metric's words start after "Never let", "We", "The"...
    return Verb(None, None, None, (), words[k][1] if k < len(words) else 0, -1)


def _first_word(words: list[Word], word_list: list[str], low: str, first_number: int) -> int:
    """Index of the first word after modals ("will", "to" after "aim"...) and fillers."""
    k = 0
    if word_list and word_list[0] in _FRAMES:
        # "At all times during the loan, the borrower shall ...": the frame is set aside.
        comma = low.find(", ", 0, first_number)
        if comma > 0:
            k = next((i for i, x in enumerate(words) if x[1] > comma), 0)
    lead_words = word_list[k : k + 6]
    if "to" in lead_words or "'ll" in low or not _MODALS.isdisjoint(lead_words):
        for i, w in enumerate(lead_words):
            if w in _MODALS or w.endswith("'ll"):
                k += i + 1
                break
            if w == "to" and i > 0 and lead_words[i - 1] in _TO_LEADS:
                k += i + 1
                break
    while k < len(words) and words[k][0] in _LEAD_SKIP and words[k][1] < first_number:
        k += 1
    return k


def _heads_a_metric(base: str, kind: str, following: list[str]) -> bool:
    """True when the verb is the first word of a metric: "win rate", "test coverage"."""
    if kind not in (ACT, OBJ, REACH, MAKE) or base == "hold":
        return False
    if kind == REACH:
        return bool(following[:1]) and following[0] in _RATE_HEADS  # "win rate", "close rate"
    for word in following[:3]:
        if word in _STOP_DETERMINERS:
            return False
        if word in _METRIC_HEADS:
            return True
    return False
