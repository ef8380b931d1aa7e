"""Step 4 of a reading: verbs whose kind depends on their object.

"add 500 customers" is an outcome, "add 3 features" a task; "hold churn below
2%" a threshold, "hold 4 webinars" a task. :func:`settle_object_verb` decides
from the noun after the number. Imports :mod:`.text`, :mod:`.verbs`,
:mod:`.metric` (its phrase boundaries) and the :class:`~.numbers.Token` type.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .metric import BOUNDARY
from .text import Word
from .verbs import ACT, BE, KPI, MAKE, OBJ, REACH, Verb

if TYPE_CHECKING:
    from .numbers import Token

# Object words for verbs whose class depends on what they act on.
_EVENT_NOUNS = frozenset(
    "webinar webinars workshop workshops meeting meetings session sessions event events review "
    "reviews retro retros retrospective retrospectives offsite offsites hackathon hackathons "
    "1:1 1:1s town hall halls ama amas training trainings conference conferences summit "
    "summits meetup meetups call calls demo demos interview interviews class classes course "
    "courses roundtable roundtables standup standups all-hands q&a office hours lunch lunches "
    "bootcamp bootcamps clinic clinics seminar seminars panel panels".split()
)
_OUTCOME_NOUNS = frozenset(
    "customer customers client clients user users subscriber subscribers account accounts "
    "logo logos member members follower followers signup signups sign-ups lead leads mql mqls "
    "sql sqls opportunity opportunities deal deals pipeline revenue arr mrr bookings sales "
    "order orders download downloads install installs visitor visitors visit visits reader "
    "readers viewer viewers listener listeners buyer buyers donor donors donations student "
    "students learner learners patient patients registration registrations trial trials "
    "conversions referrals savings profit margin traffic backlinks mentions paying active "
    "retention value".split()
)
_STAFF_NOUNS = frozenset(
    "engineer engineers developer developers designer designers staff employee employees "
    "people person hire hires rep reps representative representatives agent agents manager "
    "managers intern interns salespeople recruiter recruiters analyst analysts scientist "
    "scientists nurse nurses teacher teachers mentor mentors contractor contractors "
    "freelancer freelancers headcount role roles position positions team teammates "
    "volunteers volunteer leaders sdrs sdr aes ae csms csm marketers".split()
)
_PLACE_NOUNS = frozenset(
    "country countries market markets region regions city cities state states location "
    "locations store stores office offices campus campuses site sites branch branches "
    "language languages".split()
)
_EXPAND_PLACES = re.compile(r"\b(?:into|to|in)\s+(?:[0-9]+|[a-z]+)\s+(?:new\s+)?(\w+)")


def head_noun(words: list[Word], tokens: list[Token], start: int) -> str:
    """Last word of the noun phrase after the first number (or after ``start``).

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> head_noun(split_words("add three new enterprise customers in emea"), [], 4)
    'customers'
    """
    begin = tokens[0].end if tokens else start
    head = ""
    for word, ws, _ in words:
        if ws < begin:
            continue
        if word in BOUNDARY or word in _HEAD_STOPS or word[:1].isdigit():
            if head:
                break
            continue
        head = word
    return head


_HEAD_STOPS = frozenset("a an the per of on to into at".split())


def settle_object_verb(
    verb: Verb,
    words: list[Word],
    tokens: list[Token],
    masked: str,
    money_or_pct: bool,
    has_rank: bool,
) -> str | None:
    """The kind of a verb that depends on its object; other verbs keep theirs.

    "hold 4 webinars" is a task, "hold churn below 2%" a threshold; "add 500
    customers" and "add $1M in ARR" are outcomes, "add 3 features" a task;
    "recruit 5 engineers" is a task, "recruit 200 users" an outcome; "enter the
    top 3" is an outcome, "enter 2 markets" a task; "make 50 calls" is work,
    "make $1M in sales" an outcome, "make onboarding better" an aim (BE);
    "expand into 3 new markets" is a task.

    Parameters
    ----------
    verb : Verb
        From :func:`~.verbs.find_verb`.
    words : list of Word
        The words outside the deadlines.
    tokens : list of Token
        The numbers.
    masked : str
        The lower-cased line with the deadlines blanked out.
    money_or_pct, has_rank : bool
        From :func:`~.roles.read_context`.

    Returns
    -------
    str or None
        The verb's kind.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.text import split_words
    >>> from okr_toolkit.statements.verbs import find_verb
    >>> def kind(text):
    ...     low = text.lower()
    ...     words = split_words(low)
    ...     tokens = read_numbers(low, text, [w for w, _, _ in words])
    ...     verb = find_verb(words, [w for w, _, _ in words], low, text, tokens)
    ...     return settle_object_verb(verb, words, tokens, low, False, False)
    >>> kind("Add 500 customers"), kind("Add 3 features"), kind("Hold 4 webinars")
    ('reach', 'act', 'act')
    >>> kind("Hold churn below 2%"), kind("Reduce churn to 2%")
    ('kpi', 'down')
    """
    kind = verb.kind
    after_words = set(verb.words_after)
    if kind == OBJ:
        base = verb.base
        if base == "hold":
            return ACT if after_words & _EVENT_NOUNS else KPI
        if base in ("recruit", "onboard"):
            head = head_noun(words, tokens, verb.end)
            if head in _STAFF_NOUNS or not after_words.isdisjoint(_STAFF_NOUNS):
                return ACT
            return REACH if head in _OUTCOME_NOUNS else ACT
        if base == "enter":
            return REACH if has_rank else ACT
        # add, deliver, build, create: "add 500 customers" vs "add 3 features"
        head = head_noun(words, tokens, verb.end)
        if tokens and (money_or_pct or head in _OUTCOME_NOUNS):
            return REACH
        return ACT
    if kind == MAKE:
        # "make 50 sales calls" is work; "make $1M in sales" an outcome; "make X better" an aim.
        head = head_noun(words, tokens, verb.end)
        if tokens and not (money_or_pct or head in _OUTCOME_NOUNS):
            return ACT
        return REACH if tokens else BE
    if verb.base == "expand":
        em = _EXPAND_PLACES.search(masked, verb.end)
        if em is not None and em.group(1) in _PLACE_NOUNS:
            return ACT
    return kind
