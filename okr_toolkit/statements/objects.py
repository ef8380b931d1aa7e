"""Verbs whose class depends on their object ("add 500 customers" vs "add 3 features")."""

from __future__ import annotations

import re

from .metric import _BOUNDARY
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


def _head_noun(words: list[tuple[str, int, int]], tokens: list[Token], start: int) -> str:
    """Last word of the noun phrase after the first number (or after ``start``)."""
    begin = tokens[0].end if tokens else start
    head = ""
    for word, ws, _ in words:
        if ws < begin:
            continue
        if word in _BOUNDARY or word in _HEAD_STOPS or word[:1].isdigit():
            if head:
                break
            continue
        head = word
    return head


_HEAD_STOPS = frozenset("a an the per of on to into at".split())
