"""Reading OKR statements: what a sentence measures, and what kind of goal it is.

People write key results as sentences ("Cut sales cycle from 45 to 30 days"),
so the toolkit has to read them. :func:`parse_statement` pulls out the metric,
baseline, target, unit, direction, relative change and deadline;
:func:`classify_statement` says whether the line is a ``key_result`` (a
measurable outcome), an ``activity`` (a task or deliverable, even one with a
number), a ``kpi`` (a health threshold to hold) or ``unmeasurable`` (nothing to
score), and why. Both accept any string and never raise on one: what they could
not read is said in ``notes`` or in the reason.

How the text is read
--------------------
The reader is a set of rules, not a model; every rule is written below so a
reader can predict and argue with the result.

* **Numbers** are read with their currency (``$ € £ ¥ ₹`` or ``USD``...), their
  suffix (``k``, ``M``/``m``/``mn``, ``B``/``bn``, ``thousand``, ``million``,
  ``lakh``, ``crore``) and their unit (``%``, points, time units, ``x``,
  ``/5``, stars). ``10,000`` is 10000 and ``$2M`` is 2000000. A lower-case
  ``m`` without a currency means minutes when another number in the line is a
  duration ("from 2h to 45m"), otherwise million. Numbers that name something
  rather than measure it are skipped: ``week-1``, ``30-day``, ``24/7``, ``P1``,
  ``B2B``, ``SOC 2``, ``ISO 27001``, ``1:1``, ``per 1,000``, ordinals, times of
  day, and dates (which become the deadline). Number words ("fifty", "a
  million") are read only when the line has no digits, except "zero".
* **Roles** come from the words around a number: ``from``/``up from``/
  ``currently``/``baseline`` mark the baseline; ``to``, an arrow (``->``,
  ``→``, ``=>``), ``of``, ``at``, ``is``, ``reach``/``hit``/``achieve`` mark the
  target; comparators (``≥ > at least no less than above over more than``,
  ``≤ < at most no more than under below less than within``) and a trailing
  ``+`` or "or more" mark a threshold target; ``by``/``up``/``down`` and a
  signed ``+20%`` mark a change. ``X% of <people>`` is a share and so a target.
* **Changes.** ``by 30%`` is a *relative* change, stored as a signed fraction
  in ``relative_change`` (0.30 for an increase, -0.30 for "reduce by 30%"), as
  are ``20% growth``, ``double`` (1.0), ``triple`` (2.0), ``halve`` (-0.5) and
  ``3x`` after a change verb (2.0). ``by 20 points`` (also ``pp``,
  percentage points, ``bps``) and other changes in units (``by 2 days``,
  ``by $500k``) are *absolute*: they go to ``absolute_change`` in that unit,
  never into ``relative_change``, and ``unit`` names the unit. Baseline and
  target are not invented from a change.
* **Ranges** ("25-30%", "between 100% and 115%"): a change aims at the far end;
  a threshold holds the floor, or the ceiling when the metric is better low.
  A note says which end was read.
* **Two goals in one line** ("cut costs in half while keeping CSAT above
  90%", "...; reduce churn to 4%", "... and reduce CAC by 10%"): the first is
  read and the second set aside with a note; when the first part has no number
  ("Raise retention; reduce churn to 4%"), the second part is read instead.
* **Units** name the unit of baseline and target (or of an absolute change); a
  line with only a relative change has no unit. Money is ``$``, ``€``, ``£``,
  ``¥`` or ``₹``; times are ``milliseconds`` ... ``years``; a bare number is a
  ``score`` when the metric is a score (NPS, CSAT, rating, index), a ``ratio``
  for ``3x``/``3:1``/ratios, a ``rank`` for "top 10" and otherwise a
  ``count``. When baseline and target carry different time units, both are
  converted to the smaller one ("from 6h to 45 min" is 360 -> 45 minutes);
  months count 30.44 days.
* **Direction** is the sign of ``target - baseline`` when both are known;
  otherwise the threshold (``stay_above``/``stay_below``) for a comparator or a
  hold verb, the verb (``increase``: increase, grow, raise, lift...;
  ``decrease``: reduce, cut, lower, decrease, shrink...), and for verbs that
  do not say which way (improve, achieve, maintain, a bare metric) whether the
  metric is better low (churn, cost, time, incidents...). A task with a count
  is ``increase``; a task without a number is a ``milestone``.
* **Deadlines** are normalised: "Q3", "in Q3", "by end of Q3" -> ``"end of
  Q3"``; "Q3 2026" -> ``"end of Q3 2026"``; "this quarter" -> ``"end of this
  quarter"``; "by 2026" -> ``"end of 2026"``; "FY26" -> ``"end of FY2026"``;
  "by June" -> ``"end of June"``; "by June 30, 2026" -> ``"2026-06-30"``; "in
  the next 90 days" -> ``"within 90 days"``.

Labels
------
The label follows the first verb (after "KR1:", bullets, "We will", "To" and
adverbs are set aside), then the shape of the line:

1. a task verb (launch, ship, build, implement, conduct, run, publish, write,
   hire, open, host, migrate, deploy, complete, design, roll out, reach out
   to...) is an ``activity`` whatever number it carries; a few verbs depend on
   their object: "add 500 customers" is an outcome, "add 3 features" a task;
   "hold 4 webinars" a task, "hold churn below 2%" a threshold;
2. a hold verb (maintain, keep, sustain, hold, remain, stay, ensure, protect,
   limit...) with a number is a ``kpi``;
3. a change verb (increase, reduce, ...) or an outcome verb (achieve, reach,
   sign, acquire, get, ...) with a number is a ``key_result``; an outcome verb
   with "every month", "at all times", "consistently"... is a ``kpi``;
4. a line that starts with the metric is a ``kpi`` when it states a level
   ("churn rate is 5%", "NPS: 50", "uptime at 99.9%") or says it holds
   ("stays above", "at all times", "never ... below") without a deadline, an
   ``activity`` when it reports work ("12 blog posts published"), and
   otherwise a ``key_result`` when it has a target ("Net revenue retention
   >= 110%");
5. no number at all is ``unmeasurable``, except tasks (``activity``) and
   binary milestones such as a certification.

Results are immutable, so the last :data:`CACHE_SIZE` statements read (up to
:data:`MAX_CHARS` characters each) are kept and a repeated line costs a lookup.

Examples
--------
>>> from okr_toolkit.statements import classify_statement, parse_statement
>>> p = parse_statement("Reduce median first response time from 6h to 45 min.")
>>> p.metric, p.baseline, p.target, p.unit, p.direction
('first_response_time', 360.0, 45.0, 'minutes', 'decrease')
>>> c = classify_statement("Maintain NPS above 40")
>>> c.label, c.parsed.direction, c.parsed.target
('kpi', 'stay_above', 40.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from okr_toolkit.vocab import DIRECTIONS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LABELS",
    "Classification",
    "ParsedStatement",
    "classify_statement",
    "classify_statements",
    "parse_statement",
]

#: The kinds of statement :func:`classify_statement` tells apart.
LABELS: tuple[str, ...] = ("key_result", "activity", "kpi", "unmeasurable")

#: Only this many characters of a statement are read; a key result is one sentence.
MAX_CHARS = 500
#: How many recently read statements are kept (results are immutable, so sharing is safe).
CACHE_SIZE = 4096

#: The measurement fields a statement is read into, in display order.
READING_FIELDS: tuple[str, ...] = (
    "metric",
    "baseline",
    "target",
    "unit",
    "direction",
    "relative_change",
    "deadline",
)
_FIELDS = ("text", *READING_FIELDS, "parsed", "notes", "absolute_change")
#: Columns of :func:`classify_statements`, in order.
FRAME_COLUMNS: tuple[str, ...] = (
    "text",
    "label",
    "reason",
    *READING_FIELDS,
    "absolute_change",
    "parsed",
)


@dataclass(frozen=True)
class ParsedStatement:
    """What :func:`parse_statement` read from one statement.

    Attributes
    ----------
    text : str
        The statement as given.
    metric : str or None
        snake_case name of what is measured, e.g. ``"week_1_activation"``.
    baseline, target : float or None
        Start and goal, in ``unit``.
    unit : str or None
        ``"%"``, ``"$"``, ``"€"``, ``"£"``, ``"minutes"``, ``"hours"``,
        ``"days"``, ``"count"``, ``"score"``, ``"points"``, ``"ratio"``,
        ``"rank"``...; None when no number was read or only a relative change.
    direction : str or None
        One of :data:`okr_toolkit.core.scoring.DIRECTIONS`, None when unknown.
    relative_change : float or None
        Signed fraction: 0.30 for "increase by 30%", -0.5 for "halve".
    deadline : str or None
        Normalised deadline, e.g. ``"end of Q3"``.
    parsed : bool
        True when at least one number got a role (baseline, target or change).
    notes : tuple of str
        What was ambiguous or could not be read, in plain words.
    absolute_change : float or None
        Signed change in ``unit`` ("by 20 points" is 20.0, "cut by 2 days" is
        -2.0); kept apart from ``relative_change``.
    """

    text: str
    metric: str | None
    baseline: float | None
    target: float | None
    unit: str | None
    direction: str | None
    relative_change: float | None
    deadline: str | None
    parsed: bool
    notes: tuple[str, ...] = ()
    absolute_change: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict (``notes`` as a list).

        Examples
        --------
        >>> d = parse_statement("Grow ARR from $2M to $3M this quarter").to_dict()
        >>> d["metric"], d["baseline"], d["target"], d["unit"], d["deadline"]
        ('arr', 2000000.0, 3000000.0, '$', 'end of this quarter')
        """
        out = {name: getattr(self, name) for name in _FIELDS}
        out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True)
class Classification:
    """What :func:`classify_statement` decided about one statement.

    Attributes
    ----------
    label : str
        One of :data:`LABELS`.
    reason : str
        One sentence saying why, quoting the deciding words.
    parsed : ParsedStatement
        The parse the decision used.
    """

    label: str
    reason: str
    parsed: ParsedStatement

    def to_dict(self) -> dict[str, Any]:
        """Return label, reason and every parsed field in one flat dict.

        Examples
        --------
        >>> d = classify_statement("Hire 5 engineers").to_dict()
        >>> d["label"], d["target"], d["direction"]
        ('activity', 5.0, 'increase')
        """
        return {"label": self.label, "reason": self.reason, **self.parsed.to_dict()}


# --------------------------------------------------------------------------------------
# Vocabulary. Everything the rules know about words is here, in one place.

_ACT, _KPI, _UP, _DOWN, _POLAR, _REACH, _BE, _OBJ, _MAKE = (
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
    _UP: (
        "increase grow raise lift boost expand scale climb double triple quadruple uplift "
        "maximise maximize elevate amplify multiply widen broaden extend bump push rise "
        "step_up ramp_up scale_up level_up up save"
    ),
    _DOWN: (
        "reduce cut lower decrease shrink drop minimise minimize halve slash trim shorten "
        "compress curb lessen eliminate eradicate decline bring_down cut_down pay_down "
        "burn_down zero_out get_rid speed_up drive_down knock_down down"
    ),
    _POLAR: "improve optimise optimize enhance strengthen accelerate better move shift",
    _REACH: (
        "achieve reach hit attain get exceed surpass beat cross break secure sign close land "
        "win acquire attract convert retain renew activate engage enroll enrol register sell "
        "book earn capture gain obtain generate drive realise realize bring receive score "
        "rank have see sign_up bring_in get_to return resolve respond answer serve handle process "
        "help"
    ),
    _BE: "be become",
    _KPI: (
        "maintain keep sustain remain stay ensure preserve protect defend uphold continue "
        "guarantee limit cap contain"
    ),
    _OBJ: "hold add deliver build create recruit onboard enter",
    _MAKE: "make do",
    _ACT: (
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
        single.setdefault(form, (base, kinds.get(base, _ACT)))
        if form not in ("was", "is", "are", "has", "had"):
            participles.add(form)
    # Words that are verbs in the lists but nearly always nouns or adjectives here.
    for word in ("up", "down", "better", "set", "post", "posts", "run", "record", "return", "met"):
        participles.discard(word)
    return single, double, participles


_VERBS, _VERBS2, _PARTICIPLES = _build_verbs()

# Words set aside before the first verb: subjects, modals, fillers and adverbs.
_LEAD_SKIP = frozenset(
    "to we i you they our my the team goal aim objective let's let us also and then first "
    "finally successfully significantly dramatically substantially further measurably "
    "materially drastically sharply steadily quickly rapidly fully jointly proactively "
    "systematically meaningfully notably radically at least over this quarter q never don't "
    "not".split()
)
_MODALS = frozenset("will shall must should can could would we'll i'll they'll".split())
_TO_LEADS = frozenset(
    "aim aims want wants need needs plan plans going is are strive try commit intend seek "
    "hope expect able".split()
)
_KPI_NOUN_FORMS = frozenset(("cap", "caps", "limit", "limits", "hold", "contain", "continue"))

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
_METRIC_HEADS = frozenset(
    "rate rates time times coverage frequency cadence velocity duration speed failure "
    "failures adoption quality throughput volume count cost costs score latency stability "
    "reliability completion conversion satisfaction retention nps csat share margin ratio "
    "efficiency accuracy utilization utilisation backlog budget lead-time errors pass-rate "
    "acceptance success-rate size".split()
)
_STOP_DETERMINERS = frozenset("a an the our new all every each one two three".split())
_MILESTONE_NOUNS = frozenset(
    "certification certified compliance compliant accreditation accredited audit approval "
    "approved go-live launch release mvp beta prototype migration license licence patent "
    "soc iso gdpr hipaa".split()
)
_HEALTH_WORDS = frozenset("uptime availability sla slas slo slos".split())
_SCORE_WORDS = frozenset(
    "nps enps csat ces score scores rating ratings index sus net_promoter".split()
)
# Is the metric better low? Used only when the verb does not say which way to go.
_LOWER_BETTER = frozenset(
    "churn attrition turnover cost costs cac cpa cpl cpc spend spending expense expenses burn "
    "latency downtime outage outages incident incidents bug bugs defect defects error errors "
    "crash crashes failure failures complaint complaints escalation escalations backlog "
    "tickets cycle dso mttr mttd mtta bounce abandonment cancellation cancellations "
    "unsubscribes unsubscribe refund refunds waste emissions co2 carbon debt overdue "
    "delinquency absenteeism injuries accidents vulnerabilities delay delays wait queue "
    "rework scrap chargebacks fraud spam toil handle p95 p99 lag drop-off dropoff breach breaches "
    "time-to-hire time-to-fill time-to-value shrinkage write-offs".split()
)
_RATIO_WORDS = frozenset("ratio ltv coverage roas roi roe multiple multiplier".split())
_TIME_UNIT_WORDS = frozenset("seconds minutes hours days weeks months years".split())
_BAD_SHARES = frozenset(
    "churn churned cancel cancelled canceled leave left fail failed failing abandon abandoned "
    "complain complaints escalate escalated late overdue bounce bounced defect defective "
    "unresolved breach breached missed lost".split()
)
_HIGHER_PHRASES = ("on_time", "time_on", "time_spent_on", "up_time", "in_full", "inventory_turn")
_TIME_WORDS = frozenset("time times duration latency cycle lead-time turnaround".split())
_HIGHER_BETTER = frozenset(
    "uptime availability retention satisfaction nps csat revenue margin conversion on-time "
    "session sessions runway spent watch dwell tenure engagement lifetime coverage "
    "accuracy adoption savings profit resolved closed fixed answered handled completed "
    "deflected prevented caught detected".split()
)
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
_SECONDS = {
    "milliseconds": 0.001,
    "seconds": 1.0,
    "minutes": 60.0,
    "hours": 3600.0,
    "days": 86400.0,
    "weeks": 604800.0,
    "months": 2629800.0,
    "quarters": 7889400.0,
    "years": 31557600.0,
}
_UNIT_WORDS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "ms": "milliseconds",
    "msec": "milliseconds",
    "msecs": "milliseconds",
    "millisecond": "milliseconds",
    "milliseconds": "milliseconds",
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "seconds": "seconds",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "mo": "months",
    "mos": "months",
    "month": "months",
    "months": "months",
    "quarter": "quarters",
    "quarters": "quarters",
    "yr": "years",
    "yrs": "years",
    "year": "years",
    "years": "years",
    "star": "score",
    "stars": "score",
    "x": "x",
}
_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}

# Words just before a number, and the role they give it (longest phrase wins).
_BEFORE_PHRASES: dict[str, str] = {}
for _role, _phrases in {
    "above": (
        "at least|no less than|not less than|minimum|minimum of|min|over|above|more than|"
        "greater than|higher than|exceed|exceeds|exceeding|in excess of|north of|upwards of|"
        "beyond|surpass|surpassing|better than|no fewer than|not fewer than|a minimum of"
    ),
    "below": (
        "at most|no more than|not more than|maximum|maximum of|max|under|below|less than|"
        "fewer than|lower than|within|sub|south of|not exceed|not to exceed|"
        "never exceed|never exceeds|does not exceed|capped at|cap of|beneath|a maximum of|"
        "no higher than|not above"
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

# --------------------------------------------------------------------------------------
# Regular expressions, compiled once.

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

_MON = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DEADLINE = re.compile(
    r"(?<![\w-])(?P<pre>(?:by|before|until|till|through|thru|in|during|within|for|on|over|at"
    r"|no later than|ahead of)\s+)?"
    r"(?P<eo>(?:the\s+)?(?P<eow>end|close|start|beginning|middle|mid|last day)\s+of\s+"
    r"(?:the\s+)?|(?P<eow2>mid|end|start)-)?"
    r"(?:"
    r"q(?P<qn>[1-4])(?:\s*(?P<qfy>fy|cy)\s*'?(?P<qfyy>20[0-9]{2}|[0-9]{2})"
    r"|\s*'(?P<qy2>[0-9]{2})|[\s/-]*(?P<qy>20[0-9]{2}))?"
    r"|(?P<fy>fy|cy)\s*'?(?P<fyy>20[0-9]{2}|[0-9]{2})(?:\s*q(?P<fyq>[1-4]))?"
    r"|h(?P<hn>[12])(?:\s*'?(?P<hy>20[0-9]{2}))?"
    r"|(?P<relw>this|next|the|current|coming|following)\s+(?P<relu>fiscal year|financial year"
    r"|quarter|year|month|half|half-year|sprint|okr cycle|cycle|week|period)"
    r"|(?P<yeu>year|quarter|month|sprint)[-\s]?end"
    r"|eo(?P<eox>[yqm])"
    r"|(?P<iso>20[0-9]{2}-[01][0-9]-[0-3][0-9])"
    r"|(?P<mon>" + _MON + r")\.?(?:\s+(?P<mday>[0-3]?[0-9])(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<my>20[0-9]{2}))?"
    r"|(?P<dday>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<dmon>" + _MON + r")\.?"
    r"(?:,?\s+(?P<dy>20[0-9]{2}))?"
    r"|(?P<bare>year|quarter|month|sprint|cycle|half)"
    r"|(?P<year>20[0-9]{2})"
    r"|(?:the\s+)?(?P<next>next\s+)?(?P<spn>[0-9]{1,3}|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|eighteen)\s+(?P<spu>days?|weeks?|months?|quarters?|years?)"
    r")(?![\w-])"
)
# Words where a deadline can start ("by", "end", "q3", "this", "june"...), and what may
# follow a number in one ("30 june", "90 days").
_DL_LEADS = frozenset(
    "by before until till through thru in during within for on over at no ahead the end close "
    "start beginning middle mid last".split()
)
_MONTH_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december".split()
)
_DL_AFTER_DIGITS = _MONTH_WORDS | frozenset(
    "day days week weeks month months quarter quarters year years st nd rd th".split()
)
_DL_WORDS = (
    _DL_LEADS
    | _MONTH_WORDS
    | frozenset(
        "this next current coming following year quarter month sprint half cycle year-end "
        "quarter-end month-end sprint-end yearend eoy eoq eom one two three four five six "
        "seven eight nine ten twelve eighteen".split()
    )
)
_DL_HYPHENED = ("mid-", "end-", "start-")
_DL_PREFIXES = frozenset(
    ["q1", "q2", "q3", "q4", "fy", "cy", "h1", "h2"]
    + [str(d) for d in range(10)]
    + [f"{a}{b}" for a in range(10) for b in range(10)]
)
_DL_FIRST2 = frozenset(
    [w[:2] for w in _DL_WORDS] + [h[:2] for h in _DL_HYPHENED] + list(_DL_PREFIXES)
)
_ONGOING_CUES = (
    "let",
    "all t",
    "always",
    "consist",
    "continu",
    "constant",
    "every",
    "each",
    "ongoing",
    "throughout",
    "after",
    "over",
    "wow",
    "mom",
    "year-round",
    "exception",
    "never",
)
_SPAN_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "eighteen": 18,
}
_NOT_A_SPAN = re.compile(r"\s*(?:of|after|from|post|since|per|following|before)\b")

# Numbers that name something rather than measure it: what follows them, and words before.
_MASK_AFTER = (
    r"(?:-(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|stars?|points?|steps?"
    r"|person|pages?|seats?|users?|clicks?|tiers?|levels?|digits?|figures?)(?![\w])"
    r"|\s(?:day|week|month)\s(?:retention|active|activation|churn|trial|cohort|rolling|average"
    r"|return|streak|conversion|repeat|payback)"
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
    r"|minutes?|mins?|hours?|hrs?|h|(?:business|working|calendar)\s+days?|days?|d|weeks?|wks?|w"
    r"|months?|mos?|years?|yrs?"
    r"|quarters?|stars?|usd|eur|gbp|inr|dollars?|euros?|pounds?|€|\$|£|x)(?![a-z0-9])"
    r"|(?P<scale>\s?(?:/|out\s+of)\s?[0-9]{1,3}(?:\.[0-9])?(?![0-9]))"
    r"|(?P<ratio>\s?:\s?1(?![0-9])))?"
    r"(?P<plus>\s?\+)?"
    r"(?P<per>\s?(?:/|per\s|a\s|an\s|each\s)\s?(?:day|week|wk|month|mo|quarter|year|yr|hour|hr"
    r"|user|customer|lead|rep|employee|seat|sprint|person|visit|order|session)s?(?![a-z]))?"
)
# One pass for a whole quantity: currency, number, then either a "names something"
# tail (-day, 24/7, 1:1, 9am, 1st) or multiplier, unit, "+" and "per week".
_QTY = re.compile(
    r"(?=[$€£¥₹0-9.])(?:(?P<cur>[$€£¥₹])\s?)?(?<![\w.,])"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
    r"|[0-9]{1,3},[0-9]{1,2}(?=\s?(?:%|k\b|m\b|mn\b|bn\b|b\b|€))"
    r"|[0-9]{1,15}(?:\.[0-9]{1,8})?"
    r"|\.[0-9]{1,8})(?![0-9])"
    r"(?:(?P<mask>" + _MASK_AFTER + r")|" + _SUFFIX.pattern + r")"
)
_QTY_START = re.compile(r"[$€£¥₹0-9.]")
_CUR_CODES = frozenset(("usd", "us$", "eur", "gbp", "inr", "rs.", "jpy", " rs"))
_CUR_BEFORE = re.compile(r"(?:(?P<sym>[$€£¥₹])|\b(?P<code>usd|us\$|eur|gbp|inr|rs\.?|jpy))\s?$")
_AFTER = re.compile(
    r"\s*(?:"
    r"(?P<pair>->|=>|to\s*(?=[-+~$€£¥₹0-9.]))"
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
_WORD_NUM = re.compile(
    r"(?<![\w-])(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?P<ones>one|two|three|four|five|six|seven|eight|nine)(?![\w-]))?"
    r"|(?P<small>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?P<dozen>a\s+dozen|dozen)|(?P<a>a|an))"
    r"(?:\s+(?P<mw>hundred|thousand|million|billion))?(?![\w-])"
)
_FRACTION = re.compile(r"\b(?:by|in)\s+(?:a\s+|one\s+)?(half|third|quarter|fifth|tenth)\b")
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_ONGOING = re.compile(
    r"\b(?:at\s+all\s+times|all\s+the\s+time|always|consistently|continuously|constantly"
    r"|every\s+(?:single\s+)?(?:day|week|month|quarter|sprint|release|year|cycle)"
    r"|each\s+(?:day|week|month|quarter|sprint|release|year|cycle)|ongoing|on\s+an\s+ongoing"
    r"|throughout\s+(?:the\s+)?(?:year|quarter|period|cycle)|month\s+after\s+month"
    r"|week\s+after\s+week|(?:week|month)[-\s]over[-\s](?:week|month)|wow|mom|year-round"
    r"|in\s+every\s+(?:month|week|quarter)|without\s+exception|never|(?:don't|do\s+not)\s+let)\b"
)
_LIVE = re.compile(
    r"\blive\b(?!\s+(?:chat|chats|stream|streams|event|events|demo|demos|video|videos|agent"
    r"|agents|data|traffic|users|customers|support|sessions?))"
)
_EXPAND_PLACES = re.compile(r"\b(?:into|to|in)\s+(?:[0-9]+|[a-z]+)\s+(?:new\s+)?(\w+)")
# Words that end the metric phrase.
_BOUNDARY = frozenset(
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
_RATE_HEADS = frozenset(("rate", "rates", "time", "times", "ratio"))


# --------------------------------------------------------------------------------------
# Reading.


class _Num:
    """One number in the statement, with what was read around it.

    Class attributes are the defaults, so making one sets only three fields.
    """

    unit: str | None = None
    cur: str | None = None
    mult = 1.0
    mult_raw = ""
    sign = 0
    before: str | None = None
    after: str | None = None
    above = False
    below = False
    share = False
    role: str | None = None
    raw = ""
    after_end = 0

    def __init__(self, start: int, end: int, value: float) -> None:
        self.start = start  # first character, including currency and sign
        self.end = end  # after the suffix
        self.lead = start  # where the words that give it a role begin
        self.value = value


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


def _year(two_or_four: str) -> str:
    return two_or_four if len(two_or_four) == 4 else "20" + two_or_four


def _read_deadline(m: re.Match[str], low: str) -> str | None:
    """Normalise one deadline match, or None when the match is not a deadline."""
    g = m.groupdict()
    pre = (g["pre"] or "").strip()
    eow = g["eow"] or g["eow2"]
    edge = "end of" if eow in (None, "end", "close", "last day") else "start of"
    if eow in ("middle", "mid"):
        edge = "mid"
    anchored = bool(pre) or bool(eow)
    if g["qn"]:
        label = f"Q{g['qn']}"
        if g["qfy"]:
            label += f" FY{_year(g['qfyy'])}"
        elif g["qy2"] or g["qy"]:
            label += f" {_year(g['qy2'] or g['qy'])}"
        return f"{edge} {label}"
    if g["fy"]:
        label = f"FY{_year(g['fyy'])}"
        if g["fyq"]:
            label = f"Q{g['fyq']} {label}"
        return f"{edge} {label}"
    if g["hn"]:
        return f"{edge} H{g['hn']}" + (f" {g['hy']}" if g["hy"] else "")
    if g["relw"]:
        if g["relw"] == "the" and not anchored:
            return None
        when = "next" if g["relw"] in ("next", "coming", "following") else "this"
        unit = {
            "financial year": "fiscal year",
            "half-year": "half",
            "okr cycle": "cycle",
        }.get(g["relu"], g["relu"])
        return f"{edge} {when} {unit}"
    if g["yeu"]:
        return f"end of this {g['yeu']}"
    if g["eox"]:
        return "end of this " + {"y": "year", "q": "quarter", "m": "month"}[g["eox"]]
    if g["iso"]:
        return g["iso"]
    mon = g["mon"] or g["dmon"]
    if mon:
        if not anchored and not (g["my"] or g["dy"]):
            return None
        if mon == "may" and not anchored:
            return None
        name = _MONTHS[mon[:3]]
        day = g["mday"] or g["dday"]
        year = g["my"] or g["dy"]
        if day and not 1 <= int(day) <= 31:
            return None
        if day and year:
            number = list(_MONTHS).index(mon[:3]) + 1
            return f"{year}-{number:02d}-{int(day):02d}"
        if day:
            return f"{name} {int(day)}"
        return f"{edge} {name}" + (f" {year}" if year else "")
    if g["bare"]:
        if not eow:
            return None
        return f"{edge} this {g['bare']}"
    if g["year"]:
        if not anchored or pre in ("at", "on"):
            return None
        nxt = low[m.end() : m.end() + 1]
        if nxt in ("%", "$"):
            return None
        return f"{edge} {g['year']}"
    if g["spn"]:
        if pre not in ("in", "within", "over", "during", "for") and not g["next"]:
            return None
        n = int(g["spn"]) if g["spn"].isdigit() else _SPAN_WORDS[g["spn"]]
        unit = g["spu"].rstrip("s")
        if unit == "day" and n < 30 and not g["next"]:
            return None
        if _NOT_A_SPAN.match(low, m.end()):
            return None
        return f"within {n} {unit}{'s' if n != 1 else ''}"
    return None


def _before_role(masked: str, start: int) -> tuple[str | None, int]:
    """Role given by the words just before ``start``, and where those words begin."""
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
                    return _before_role(masked, end - len(symbol))
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
        hit = _VERBS.get(words[-1].strip("\"'"))
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
# Last word of a phrase -> the word counts of the phrases ending with it, longest first.
_by_last: dict[str, set[int]] = {}
for _key in _BEFORE_PHRASES:
    _split = _key.split()
    _by_last.setdefault(_split[-1], set()).add(len(_split))
_PHRASE_LENGTHS = {last: tuple(sorted(ns, reverse=True)) for last, ns in _by_last.items()}


def _number_tokens(masked: str, original: str) -> list[_Num]:
    """Every measuring number in ``masked``, with currency, suffix and unit."""
    tokens: list[_Num] = []
    # A quantity starts at a digit, a point or a currency sign: skip to the first one.
    first = _QTY_START.search(masked)
    if first is None:
        return tokens
    for m in _QTY.finditer(masked, first.start()):
        (cur, digits, mask, mult, unit, scale, ratio, plus, seven, one) = m.group(
            "cur", "num", "mask", "mult", "unit", "scale", "ratio", "plus", "seven", "one"
        )
        start, end = m.start("num"), m.end("num")
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
        if "," in digits and len(digits.rsplit(",", 1)[-1]) < 3 and "." not in digits:
            value = float(digits.replace(",", "."))  # 1,5M: a decimal comma
        else:
            value = float(digits.replace(",", ""))
        tok = _Num(m.start(), m.end(), value)
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


def _set_unit(tok: _Num, unit: str) -> None:
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
    else:
        tok.unit = _UNIT_WORDS.get(unit, "%" if "cent" in unit else unit)


def _word_tokens(masked: str, original: str) -> list[_Num]:
    """Numbers written as words ("fifty", "a million"), for lines with no digits."""
    tokens: list[_Num] = []
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


def _take_sign(tok: _Num, masked: str) -> None:
    """Claim a "+" or "-" written just before the number ("-15%", "(+3 pts)")."""
    if tok.start > 0 and masked[tok.start - 1] in "-+":
        prev = masked[tok.start - 2] if tok.start >= 2 else " "
        if prev in " (/:" or tok.start == 1:
            tok.sign = -1 if masked[tok.start - 1] == "-" else 1
            tok.start -= 1


def _finish_token(masked: str, original: str, start: int, end: int, value: float) -> _Num:
    tok = _Num(start, end, value)
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


def _after(masked: str, tok: _Num) -> None:
    a = _AFTER.match(masked, tok.end)
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


def _replace_text(parsed: ParsedStatement, text: str, note: str) -> ParsedStatement:
    return replace(parsed, text=text, notes=(note, *parsed.notes))


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
            hit = _VERBS.get(words[i + 1][0])
            if hit is not None and hit[1] != _BE:
                return ws
    return semicolon if semicolon != -1 else None


_IMPLICIT_CHANGES = {"double": 1.0, "triple": 2.0, "quadruple": 3.0, "halve": -0.5}


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    for cue in cues:
        if cue in text:
            return True
    return False


_CLAUSE_CUES = (";", " while ", " whilst ", " but ", " whereas ", " without ", " plus ", " and ")
_CLAUSE_WORDS = frozenset(("while", "whilst", "but", "whereas", "without", "plus"))


def _head_noun(words: list[tuple[str, int, int]], tokens: list[_Num], start: int) -> str:
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


# Modals and finite forms that end a metric named first: "Churn should ...", "NPS improves".
_FINITE_VERBS = frozenset(
    ["should", "must", "will", "would", "can", "could", "shall", "may", "might"]
    + [
        form
        for form, (_, kind) in _VERBS.items()
        if kind in (_UP, _DOWN, _POLAR, _KPI) and form.endswith(("s", "ed", "ing"))
    ]
)
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
        if out and (
            word in _BOUNDARY or word == "-" or low[ws - 1] == "(" or word in _FINITE_VERBS
        ):
            break
        if not out and (word in _BOUNDARY or word in _DROP or word == "-"):
            continue
        if (word[:1].isdigit() and ws in numbers) or word[:1] in "$€£¥₹<>=#~+":
            if out:
                break
            continue
        out.append(word)
        if len(out) >= 8 or low[we : we + 1] in (",", ";", ")"):
            break
    return out


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


class _Reading:
    """Everything read from one statement: the parse plus what the label needs."""

    verb: str | None = None
    verb_base: str | None = None
    verb_class: str | None = None
    kpi_word: str | None = None
    ongoing: str | None = None
    act_participle: str | None = None
    milestone: str | None = None
    noun_change: str | None = None
    change_words: str | None = None
    level: str | None = None
    copula = False
    at_level = False
    kpi_prefix = False
    words_after_verb: tuple[str, ...] = ()
    numbers: list[_Num] = []  # noqa: RUF012 - replaced, never mutated
    deadline: str | None = None
    parsed: ParsedStatement


def _new_parsed(**fields: Any) -> ParsedStatement:
    """``ParsedStatement(**fields)`` for the hot path; give every field, in order.

    A frozen dataclass sets each field through ``object.__setattr__``, about
    five times slower than filling ``__dict__``, which gives the same object.
    """
    parsed = object.__new__(ParsedStatement)
    parsed.__dict__.update(fields)
    return parsed


def _empty(text: str, notes: list[str]) -> ParsedStatement:
    return ParsedStatement(
        text=text,
        metric=None,
        baseline=None,
        target=None,
        unit=None,
        direction=None,
        relative_change=None,
        deadline=None,
        parsed=False,
        notes=tuple(notes),
        absolute_change=None,
    )


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


def _lower_is_better(words: Iterable[str], unit: str | None) -> bool | None:
    """True when the metric is better low, False when better high, None when unknown."""
    seen = set(words)
    if seen & _HIGHER_BETTER:
        return False
    joined = "_".join(words)
    if _has_cue(joined, _HIGHER_PHRASES):
        return False
    if seen & _LOWER_BETTER:
        return True
    if "time" in seen and ("on" in seen or "spent" in seen):
        return False
    if seen & _TIME_WORDS:
        return True
    if unit in _SECONDS:
        return True
    return None


def _read(text: str, depth: int = 0) -> _Reading:
    notes: list[str] = []
    r = _Reading()
    s, r.kpi_prefix = _clean(text, notes)
    if _HAS_ALNUM.search(s) is None:
        notes.append("no words or numbers to read")
        r.parsed = _empty(text, notes)
        return r
    low = s.lower()

    all_words = _words(low)

    # 1. Deadlines first: their numbers (Q3, 2026, 30 June) are dates, not targets.
    spans: list[tuple[int, int]] = []
    deadlines: list[str] = []
    last_end = -1
    n_words = len(all_words)
    for i, (w, ws, _) in enumerate(all_words):
        if w[:2] not in _DL_FIRST2 or ws < last_end:
            continue
        if not (w in _DL_WORDS or w[:2] in _DL_PREFIXES or w.startswith(_DL_HYPHENED)):
            continue
        nxt = all_words[i + 1][0] if i + 1 < n_words else ""
        if w in _DL_LEADS:
            if not (
                nxt in _DL_WORDS
                or nxt[:2] in _DL_PREFIXES
                or nxt[:1].isdigit()
                or nxt.startswith(_DL_HYPHENED)
            ):
                continue
        elif w[:1].isdigit() and not (
            (len(w) == 4 and w[:2] == "20") or nxt in _DL_AFTER_DIGITS or w[4:5] == "-"
        ):
            continue
        m = _DEADLINE.match(low, ws)
        if m is None or m.end() == ws:
            continue
        found = _read_deadline(m, low)
        if found is not None:
            spans.append((m.start(), m.end()))
            deadlines.append(found)
            last_end = m.end()
    masked = _blank(low, spans)
    if deadlines:
        r.deadline = deadlines[0]
        if len(set(deadlines)) > 1:
            notes.append(f"more than one date ({', '.join(deadlines)}); read the first")
        words = _outside(all_words, spans)
    else:
        words = all_words

    # 2. Numbers.
    tokens = _number_tokens(masked, s)
    word_list = [x[0] for x in words]
    if not _NUMBER_WORDS.isdisjoint(word_list):
        if not tokens:
            tokens = _word_tokens(masked, s)
        elif "zero" in masked:  # "zero" is never anything but a number
            zeros = [t for t in _word_tokens(masked, s) if t.value == 0.0]
            tokens = sorted(tokens + zeros, key=lambda t: t.start)
    has_share = money_or_pct = has_rank = has_duration = has_m = False
    for t in tokens:
        if t.mult_raw == "m" and t.cur is None:
            has_m = True
        if t.unit in _SECONDS:
            has_duration = True
    if has_m and has_duration:
        for t in tokens:
            if t.mult_raw == "m" and t.cur is None:  # "from 2h to 45m": minutes, not millions
                t.mult, t.mult_raw, t.unit = 1.0, "", "minutes"
    for t in tokens:
        t.raw = s[t.start : t.end].strip()
        role, lead = _before_role(masked, t.start)
        t.before, t.lead = role, lead
        _after(masked, t)
        if t.share:
            has_share = True
        if t.cur or t.unit == "%":
            money_or_pct = True
        if role == "rank":
            has_rank = True

    # 3. The governing verb: the first word after labels, subjects, modals and adverbs.
    first_number = tokens[0].start if tokens else len(masked)
    k = 0
    lead_words = word_list[:6]
    if "to" in lead_words or "'ll" in low or not _MODALS.isdisjoint(lead_words):
        for i, w in enumerate(lead_words):
            if w in _MODALS or w.endswith("'ll"):
                k = i + 1
                break
            if w == "to" and i > 0 and lead_words[i - 1] in _TO_LEADS:
                k = i + 1
                break
    while k < len(words) and words[k][0] in _LEAD_SKIP and words[k][1] < first_number:
        k += 1
    verb_end = 0
    subject_start = -1
    if k < len(words) and words[k][1] < first_number:
        w, ws, we = words[k]
        hit = None
        if k + 1 < len(words):
            hit = _VERBS2.get(f"{w} {words[k + 1][0]}")
            if hit is not None:
                we = words[k + 1][2]
        if hit is None:
            hit = _VERBS.get(w)
        if hit is not None and (hit[1] != _BE or w in ("be", "become")):
            base, kind = hit
            following = [x[0] for x in words[k + 1 : k + 5] if x[1] < first_number + 1]
            # "Test coverage from 60% to 80%", "Win rate 20% -> 30%": a metric, not a verb.
            if kind in (_ACT, _OBJ, _REACH, _MAKE) and base != "hold" and tokens:
                if kind == _REACH:
                    if following[:1] and following[0] in _RATE_HEADS:  # "win rate", "close rate"
                        hit = None
                else:
                    for word in following[:3]:
                        if word in _STOP_DETERMINERS:
                            break
                        if word in _METRIC_HEADS:
                            hit = None
                            break
            if hit is not None:
                r.verb = s[ws:we]
                r.verb_base, r.verb_class = base, kind
                r.words_after_verb = tuple(word_list[k + 1 : k + 8])
                verb_end = we
                if k > 0 and words[k - 1][0] in _MODALS:
                    subject_start = words[0][1]  # "Uptime must stay above 99.9%"
    if r.verb_class is None and k < len(words):
        verb_end = words[k][1]  # after "Never let", "We", "The"...
    if r.verb_class is None:
        # The line starts with the metric: look for what it says about it.
        for w, _, _ in words[:30]:
            hit = _VERBS.get(w)
            if hit is None:
                continue
            base, kind = hit
            if kind == _KPI and w not in _KPI_NOUN_FORMS and r.kpi_word is None:
                r.kpi_word = w
            elif kind in (_UP, _DOWN) and w in _FINITE_VERBS and r.noun_change is None:
                r.noun_change = kind  # "churn reduced by a third", "NPS improves"
            elif w in _PARTICIPLES and kind in (_ACT, _OBJ) and r.act_participle is None:
                if not (kind == _OBJ and base in ("add", "deliver", "build", "create")):
                    r.act_participle = w
        if r.act_participle and has_share:
            r.act_participle = None  # "95% of orders shipped": a share, not work done
        if r.act_participle is None and "live" in masked:
            live = _LIVE.search(masked)
            if live is not None and live.start() > 0:
                r.act_participle = "live"
    if tokens and r.verb_class in (None, _REACH, _BE) and _has_cue(masked, _ONGOING_CUES):
        om = _ONGOING.search(masked)
        if om is not None:
            r.ongoing = s[om.start() : om.end()]

    # 4. Object-dependent verbs.
    after_words = set(r.words_after_verb)
    if r.verb_class == _OBJ:
        assert r.verb_base is not None  # set with verb_class, in step 3
        base = r.verb_base
        if base == "hold":
            r.verb_class = _ACT if after_words & _EVENT_NOUNS else _KPI
        elif base in ("recruit", "onboard"):
            head = _head_noun(words, tokens, verb_end)
            if head in _STAFF_NOUNS or not after_words.isdisjoint(_STAFF_NOUNS):
                r.verb_class = _ACT
            elif head in _OUTCOME_NOUNS:
                r.verb_class = _REACH
            else:
                r.verb_class = _ACT
        elif base == "enter":
            r.verb_class = _REACH if has_rank else _ACT
        else:  # add, deliver, build, create: "add 500 customers" vs "add 3 features"
            head = _head_noun(words, tokens, verb_end)
            if tokens and (money_or_pct or head in _OUTCOME_NOUNS):
                r.verb_class = _REACH
            else:
                r.verb_class = _ACT
    elif r.verb_class == _MAKE:
        # "make 50 sales calls" is work; "make $1M in sales" an outcome; "make X better" an aim.
        head = _head_noun(words, tokens, verb_end)
        if tokens and not (money_or_pct or head in _OUTCOME_NOUNS):
            r.verb_class = _ACT
        else:
            r.verb_class = _REACH if tokens else _BE
    elif r.verb_base == "expand":
        em = _EXPAND_PLACES.search(masked, verb_end)
        if em is not None and em.group(1) in _PLACE_NOUNS:
            r.verb_class = _ACT

    # A second goal in the same line ("... while keeping CSAT above 90%") is set aside;
    # when the first clause has no number ("Raise retention; cut churn to 4%"), the
    # second is read instead.
    cut = None
    if tokens and _has_cue(masked, _CLAUSE_CUES):
        cut = _clause_break(words, masked, min(tokens[0].end, max(verb_end, 1)))
    if cut is not None and any(t.start > cut for t in tokens):
        between = [w for w, ws, _ in words if verb_end <= ws < cut]
        if between:
            first_has_goal = tokens[0].start < cut or _FRACTION.search(low, 0, cut) is not None
            if first_has_goal or r.verb_base in ("double", "triple", "quadruple", "halve"):
                dropped = ", ".join(f"'{t.raw}'" for t in tokens if t.start > cut)
                notes.append(f"the line holds a second goal; set aside {dropped}")
                tokens = [t for t in tokens if t.start < cut]
            elif depth == 0:
                rest = s[cut:].lstrip(" ;,")
                for word in ("while", "whilst", "but", "whereas", "and", "plus"):
                    if rest.lower().startswith(word + " "):
                        rest = rest[len(word) + 1 :]
                        break
                second = _read(rest, depth=1)
                second.parsed = _replace_text(
                    second.parsed,
                    text,
                    f"the first part ('{s[:cut].strip(' ;,')}') has no number; read the second",
                )
                return second

    # 5. Roles.
    for i, t in enumerate(tokens):
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
        elif t.after in ("inc", "dec") and before in (None, "article", "verb:" + _REACH, "of"):
            t.role = "change"  # "a 20% increase in MAU", "see a 15% reduction"
            t.sign = 1 if t.after == "inc" else -1
        elif before in ("to", "of", "at", "is", "article") or before == "verb:" + _REACH:
            t.role = "target"
            if before == "at":
                r.at_level = True
            elif before == "is":
                r.copula = True
        elif before == "between" and i + 1 < len(tokens):
            t.role = "range"
        elif t.sign:
            t.role = "change"
        elif before in ("verb:" + _UP, "verb:" + _DOWN) and r.verb_class is None:
            t.role = "change"  # "revenue grows 20%", "churn drops 2 points"
            t.sign = 1 if before == "verb:" + _UP else -1
        elif t.after in ("inc", "dec"):
            t.role = "change"
            t.sign = 1 if t.after == "inc" else -1
        elif t.above or t.below:
            t.role = "target"
    # "80% of tickets within 24 hours": the time limit defines the metric, it is not a target.
    share = None
    if has_share:
        for t in tokens:
            if t.share and t.role == "target":
                share = t
                break
    if share is not None:
        for t in tokens:
            if (
                t is not share
                and t.role == "target"
                and (t.below or t.above)
                and (t.unit in _SECONDS or t.start > share.start)
            ):
                t.role = "condition"
                notes.append(f"read '{t.raw}' as part of what is measured, not as a target")
    # Pairs ("42% -> 65%", "42% to 65%") and ranges ("25-30%", "between 100 and 115%").
    ranges: list[tuple[_Num, _Num]] = []
    for a, b in pairwise(tokens):
        if a.after == "pair" and b.role in (None, "target"):
            if a.role in (None, "target", "base"):
                a.role, b.role = "base", "target"
        elif (a.after == "range" or (a.role == "range" and b.before == "and")) and b.role in (
            None,
            "target",
        ):
            if a.role in (None, "range", "target"):
                a.role, b.role = "range", "range_end"
                ranges.append((a, b))
    for t in tokens:
        if t.after == "base" and t.role in (None, "target"):
            t.role = "base"
    # Inherit units and multipliers inside a pair or range: "from 45 to 30 days", "2 to 3M".
    paired = [
        (a, b)
        for a, b in pairwise(tokens)
        if (a.role == "base" and b.role == "target") or (a, b) in ranges
    ]
    for a, b in paired:
        for x, y in ((a, b), (b, a)):
            if x.unit is None and y.unit is not None and y.unit != "rank":
                x.unit = y.unit
            if x.cur is None and y.cur is not None:
                x.cur = y.cur
        if a.mult == 1.0 and b.mult != 1.0 and a.value and b.value:
            with_m = a.value * b.mult / (b.value * b.mult)
            without = a.value / (b.value * b.mult)
            if 0.05 <= with_m <= 20 and not 0.05 <= without <= 20:
                a.mult = b.mult
                notes.append(f"read '{a.raw}' in the same scale as '{b.raw}'")

    # 6. Values.
    unit_of: dict[int, str | None] = {}
    for t in tokens:
        value = t.value * t.mult
        if t.sign < 0 and t.role != "change":
            value = -value
        if not math.isfinite(value):
            notes.append(f"number '{t.raw}' is too large to read")
            t.role = "ignored"
            continue
        t.value = value
        unit_of[id(t)] = t.cur or t.unit

    baseline = target = relative = absolute = None
    unit: str | None = None
    base_tok = None
    targets: list[_Num] = []
    changes: list[_Num] = []
    free: list[_Num] = []
    for t in tokens:
        role = t.role
        if role is None:
            free.append(t)
        elif role == "target":
            targets.append(t)
        elif role == "change":
            changes.append(t)
        elif role == "base" and base_tok is None:
            base_tok = t
    target_tok: _Num | None = targets[0] if targets else None
    change_tok: _Num | None = changes[0] if changes else None
    range_pair = ranges[0] if ranges else None
    if len(targets) > 1:
        extra = ", ".join(f"'{t.raw}'" for t in targets[1:])
        notes.append(f"more than one target; read '{targets[0].raw}' and set aside {extra}")
    # Which way does the verb go?
    verb_sign = 0
    if r.verb_class == _UP or (r.verb_class is None and r.noun_change == _UP):
        verb_sign = 1
    elif r.verb_class == _DOWN or (r.verb_class is None and r.noun_change == _DOWN):
        verb_sign = -1
    implicit = _IMPLICIT_CHANGES.get(r.verb_base or "")
    if target_tok is None and range_pair is None and change_tok is None and free:
        first = free[0]
        if r.verb_class in (_UP, _DOWN, _POLAR) and first.unit == "%" and base_tok is None:
            change_tok = first
            notes.append(f"no 'by', 'to' or 'from': read '{first.raw}' as a relative change")
        elif r.verb_class in (_UP, _DOWN, _POLAR) and first.unit == "x" and base_tok is None:
            change_tok = first
        elif r.verb_class is None and first.unit == "x" and base_tok is None:
            change_tok = first
        elif base_tok is None and len(free) >= 2:
            base_tok, target_tok = first, free[1]
            base_tok.role, target_tok.role = "base", "target"
            notes.append(
                f"two numbers without 'from' or 'to'; read '{first.raw}' as the baseline "
                f"and '{free[1].raw}' as the target"
            )
            free = free[2:]
        else:
            target_tok = first
            target_tok.role = "target"
            free = free[1:]
        if change_tok is not None:
            change_tok.role = "change"
            free = [t for t in free if t is not change_tok]
    elif base_tok is not None and target_tok is None and range_pair is None and free:
        target_tok = free[0]
        target_tok.role = "target"
        free = free[1:]
    for t in free:
        if t.role is None:
            notes.append(f"did not use '{t.raw}' (no word says what it is)")

    if base_tok is not None:
        baseline = base_tok.value
        unit = unit_of.get(id(base_tok))
    if range_pair is not None and target_tok is None:
        target_tok = range_pair[0]
        unit = unit_of.get(id(range_pair[1])) or unit_of.get(id(range_pair[0]))
    if target_tok is not None:
        target = target_tok.value
        unit = unit_of.get(id(target_tok)) or unit
    if change_tok is not None:
        c_unit = unit_of.get(id(change_tok))
        sign = change_tok.sign or verb_sign or 1
        if c_unit == "%":
            relative = sign * change_tok.value / 100.0
            if r.verb_class == _POLAR and not change_tok.sign:
                relative = None  # decided with the metric below
        elif c_unit == "x":
            relative = change_tok.value - 1.0
        else:
            absolute = sign * change_tok.value
            if r.verb_class == _POLAR and not change_tok.sign:
                absolute = None
            unit = unit or c_unit
    elif implicit is not None and target is None:
        relative = implicit
        r.change_words = r.verb
    elif target is None and (verb_sign or r.verb_class == _POLAR):
        fm = _FRACTION.search(low)  # "cut in half", "reduce by a third"
        if fm is not None:
            relative = round(_FRACTIONS[fm.group(1)] * (verb_sign or 1), 6)
            r.change_words = s[fm.start() : fm.end()]

    # A one-off milestone ("achieve SOC 2 certification"): done or not done.
    if not tokens and r.verb_class in (_REACH, _BE, None) and r.act_participle is None:
        r.milestone = next((w for w in r.words_after_verb if w in _MILESTONE_NOUNS), None)
        if r.milestone is None and r.verb_class is None:
            r.milestone = next((w for w, _, _ in words[:8] if w in _MILESTONE_NOUNS), None)

    # 7. Metric.
    metric_words: list[str] = []
    number_starts = set()
    first_lead = len(low)
    for t in tokens:
        number_starts.add(t.start)
        if t.sign:
            number_starts.add(t.start + 1)
        if t.role != "ignored" and t.lead < first_lead:
            first_lead = t.lead
    phrase = _phrase(words, low, verb_end, first_lead, number_starts)
    if not phrase and subject_start >= 0:
        phrase = _phrase(words, low, subject_start, first_lead, number_starts)
    metric = _snake(phrase)
    if metric is None:
        anchor = target_tok or base_tok or change_tok or (tokens[0] if tokens else None)
        if anchor is not None:
            start = anchor.end
            if anchor.share:
                start = masked.find("of", anchor.end) + 2
            elif anchor.after_end:
                start = anchor.after_end  # "a 20% increase in MAU", "4 hours or less median..."
            metric = _snake(_phrase(words, low, start, len(low), number_starts))
    if metric is not None:
        metric_words = metric.split("_")

    # 8. Units.
    if unit == "x":
        unit = "ratio"
    if target_tok is not None or base_tok is not None:
        if unit is None:
            words_set = set(metric_words)
            time_word = next((w for w in metric_words if w in _TIME_UNIT_WORDS), None)
            if time_word is not None:
                unit = _UNIT_WORDS[time_word]  # "days to fill from 50 to 35"
            elif words_set & _SCORE_WORDS or "net_promoter" in (metric or ""):
                unit = "score"
            elif not words_set.isdisjoint(_RATIO_WORDS):
                unit = "ratio"
            else:
                unit = "count"
        # Mixed durations: both in the smaller unit.
        if base_tok is not None and target_tok is not None:
            ub, ut = unit_of.get(id(base_tok)), unit_of.get(id(target_tok))
            if ub in _SECONDS and ut in _SECONDS and ub != ut:
                assert baseline is not None and target is not None  # read from the two tokens
                small = ub if _SECONDS[ub] < _SECONDS[ut] else ut
                baseline = round(baseline * _SECONDS[ub] / _SECONDS[small], 9)
                target = round(target * _SECONDS[ut] / _SECONDS[small], 9)
                unit = small
                if "months" in (ub, ut) or "years" in (ub, ut) or "quarters" in (ub, ut):
                    notes.append("months counted as 30.44 days to compare durations")
            elif ub and ut and ub != ut and not (ub in _SECONDS and ut in _SECONDS):
                notes.append(f"baseline is in '{ub}' but target in '{ut}'")
    elif absolute is not None and unit is None:
        unit = "count"
    if unit == "%" and target is None and baseline is None and absolute is None:
        unit = None

    # 9. Direction.
    lower_better = _lower_is_better(metric_words, unit)
    if target_tok is not None and target_tok.share:
        # "80% of tickets resolved": a share grows unless it counts something bad.
        lower_better = bool(set(metric_words) & _BAD_SHARES)
    if r.verb_class == _POLAR or (r.verb_base in ("speed up",)):
        polar_sign = -1 if lower_better else 1
        if r.verb_base == "speed up":
            polar_sign = -1
        verb_sign = polar_sign
        if change_tok is not None and relative is None and absolute is None:
            if unit_of.get(id(change_tok)) == "%":
                relative = polar_sign * change_tok.value / 100.0
            elif unit_of.get(id(change_tok)) != "x":
                absolute = polar_sign * change_tok.value
        if lower_better is None and change_tok is not None:
            notes.append(f"'{r.verb}' does not say which way; read it as an increase")
    direction: str | None = None
    is_above = target_tok is not None and target_tok.above
    is_below = target_tok is not None and target_tok.below
    # A metric stated at a level, with no verb, change or deadline: "churn rate is 5%".
    if (
        r.verb_class is None
        and target is not None
        and baseline is None
        and relative is None
        and absolute is None
        and r.deadline is None
    ):
        if r.copula:
            r.level = "copula"
        elif r.at_level:
            r.level = "at"
        elif not (is_above or is_below) and not _HEALTH_WORDS.isdisjoint(metric_words):
            r.level = "health"
    if range_pair is not None and target_tok is range_pair[0]:
        lo, hi = sorted((range_pair[0].value, range_pair[1].value))
        going_down = verb_sign < 0 or (verb_sign == 0 and lower_better)
        if r.verb_class in (_KPI,) or (verb_sign == 0 and r.verb_class != _ACT):
            target = hi if going_down else lo
            is_above, is_below = not going_down, bool(going_down)
            notes.append(
                f"range {lo:g}-{hi:g}: read {'the ceiling' if going_down else 'the floor'} "
                f"{target:g} as the threshold"
            )
        else:
            target = lo if going_down else hi
            notes.append(f"range {lo:g}-{hi:g}: read the far end {target:g} as the target")
    if baseline is not None and target is not None:
        if target > baseline:
            direction = "increase"
        elif target < baseline:
            direction = "decrease"
        else:
            notes.append("baseline equals target: no change to score")
        if direction and verb_sign and (direction == "increase") != (verb_sign > 0):
            notes.append(f"'{r.verb}' disagrees with the numbers; followed the numbers")
    elif target is not None:
        if target == 0 and not (verb_sign or is_above):
            lower_better = True  # "0 data breaches", "zero P1 incidents"
        if verb_sign:
            direction = "increase" if verb_sign > 0 else "decrease"
        elif is_above:
            direction = "stay_above"
        elif is_below:
            direction = "stay_below"
        elif (
            r.verb_class == _KPI
            or (r.verb_class in (None, _REACH, _BE) and r.ongoing)
            or (r.verb_class is None and (r.level or r.kpi_prefix))
        ):
            direction = "stay_below" if lower_better else "stay_above"
        elif unit == "rank":
            direction = "stay_below"
        elif r.verb_class == _ACT:
            direction = "increase"
        else:
            direction = "decrease" if lower_better else "increase"
        if r.verb_class == _KPI and is_above:
            direction = "stay_above"
        elif r.verb_class == _KPI and (is_below or r.verb_base in ("limit", "cap", "contain")):
            direction = "stay_below"
    elif (change := relative if relative is not None else absolute) is not None:
        direction = "increase" if change > 0 else "decrease" if change < 0 else None
    elif r.verb_class == _ACT or r.act_participle or r.milestone:
        direction = "milestone"
    elif verb_sign:
        direction = "increase" if verb_sign > 0 else "decrease"
    if (
        change_tok is not None
        and relative is not None
        and unit_of.get(id(change_tok)) == "%"
        and metric_words
        and set(metric_words)
        & {"rate", "share", "margin", "conversion", "retention", "churn", "ctr", "percentage"}
    ):
        notes.append(f"'{change_tok.raw}' of a rate could mean percentage points; read as relative")
    if r.ongoing and relative is not None and r.verb_class is None:
        notes.append(f"a change '{r.ongoing}' is a growth rate to sustain")

    parsed = (
        baseline is not None or target is not None or relative is not None or absolute is not None
    )
    if not parsed and tokens:
        notes.append("found numbers but none says what it is")
    r.numbers = tokens
    r.parsed = _new_parsed(
        text=text,
        metric=metric,
        baseline=baseline,
        target=target,
        unit=unit,
        direction=direction,
        relative_change=relative,
        deadline=r.deadline,
        parsed=parsed,
        notes=tuple(notes),
        absolute_change=absolute,
    )
    return r


# --------------------------------------------------------------------------------------
# Labels.


def _quote_numbers(r: _Reading) -> str:
    used = [t.raw for t in r.numbers if t.role not in (None, "ignored", "condition")]
    if not used and r.change_words:
        return r.change_words
    return " ... ".join(used[:3])


def _label(r: _Reading) -> tuple[str, str]:
    p = r.parsed
    metric = p.metric or "the metric"
    numbers = _quote_numbers(r)
    has_number = p.parsed
    verb = (r.verb or "").lower()
    kind = r.verb_class
    if not p.text.strip() or (p.metric is None and not has_number and kind is None):
        if not _HAS_ALNUM.search(p.text):
            return "unmeasurable", "The statement is empty, so there is nothing to measure."
    if kind == _ACT:
        if has_number:
            return (
                "activity",
                f'"{verb}" names a task or deliverable; "{numbers}" counts work done, '
                "not an outcome it produces.",
            )
        return (
            "activity",
            f'"{verb}" names a task or deliverable to finish, not an outcome to measure.',
        )
    if kind == _KPI:
        if has_number:
            return (
                "kpi",
                f'"{verb}" holds {metric} at "{numbers}": a health threshold to defend, '
                "not a change to make.",
            )
        return (
            "unmeasurable",
            f'"{verb}" names something to hold but no number, so it cannot be checked.',
        )
    if kind in (_UP, _DOWN, _POLAR):
        if has_number:
            if numbers.lower() == verb:
                return "key_result", f'"{verb}" sets a measurable change in {metric}.'
            return (
                "key_result",
                f'"{verb}" with "{numbers}" sets a measurable change in {metric}.',
            )
        return (
            "unmeasurable",
            f'"{verb}" gives a direction but no number or target, so progress cannot be scored.',
        )
    if kind in (_REACH, _BE):
        if has_number:
            if r.ongoing:
                return (
                    "kpi",
                    f'"{r.ongoing}" makes "{numbers}" a standing threshold for {metric}, '
                    "not a time-boxed change.",
                )
            return (
                "key_result",
                f'"{verb}" with "{numbers}" sets a measurable outcome for {metric}.',
            )
        if r.milestone:
            return (
                "activity",
                f'"{verb} ... {r.milestone}" is a one-off milestone to finish, '
                "not a measured outcome.",
            )
        return (
            "unmeasurable",
            f'"{verb}" names an aim but no number or target, so it cannot be scored.',
        )
    # The line starts with the metric.
    if has_number and r.level is not None:
        if r.level == "copula":
            return (
                "kpi",
                f'"{numbers}" states the level {metric} runs at, with no change or deadline: '
                "a health metric.",
            )
        if r.level == "at":
            return (
                "kpi",
                f'"at {numbers}" with no change verb or deadline reads as a level to hold.',
            )
        return (
            "kpi",
            f'{metric} at "{numbers}" with no change or deadline is a service level to hold.',
        )
    if r.act_participle:
        return (
            "activity",
            f'"{r.act_participle}" reports work done or delivered, not an outcome.',
        )
    if r.kpi_word:
        if has_number:
            return (
                "kpi",
                f'"{r.kpi_word}" says {metric} should hold at "{numbers}": a health threshold.',
            )
        return "unmeasurable", f'"{r.kpi_word}" names something to hold but no threshold.'
    if has_number:
        if r.ongoing:
            return (
                "kpi",
                f'"{r.ongoing}" makes "{numbers}" a standing threshold for {metric}, '
                "not a time-boxed change.",
            )
        if r.kpi_prefix:
            return "kpi", f'The line is labelled "KPI" and states "{numbers}" to hold.'
        return "key_result", f'"{numbers}" sets a measurable goal for {metric}.'
    if r.milestone:
        return (
            "activity",
            f'"{r.milestone}" is a one-off milestone to finish, not a measured outcome.',
        )
    return (
        "unmeasurable",
        "No number, threshold or target was found, so the statement cannot be scored.",
    )


# --------------------------------------------------------------------------------------
# Public API.


def _classify_uncached(text: str) -> tuple[ParsedStatement, str, str]:
    """Parse and label one statement: (parsed, label, reason)."""
    r = _read(text)
    label, reason = _label(r)
    return r.parsed, label, reason


# Linters and widgets re-read the same lines; results are immutable, so keep the
# most recent ones (short lines only, so the cache stays small).
_classify_cached = lru_cache(maxsize=CACHE_SIZE)(_classify_uncached)


def _classify(text: str) -> tuple[ParsedStatement, str, str]:
    if len(text) > MAX_CHARS:
        return _classify_uncached(text)
    return _classify_cached(text)


def _check(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"`{name}` must be a str (one statement), got {type(text).__name__}: {text!r:.60}"
        )
    return text


def parse_statement(text: str) -> ParsedStatement:
    """Read the metric, baseline, target, unit, direction and deadline of a statement.

    Parameters
    ----------
    text : str
        One key result, KPI or task as people write it. Any string is accepted;
        what cannot be read is said in ``notes``.

    Returns
    -------
    ParsedStatement
        ``parsed`` is False when no number got a role.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> p = parse_statement("KR2: Cut sales cycle from 45 to 30 days by end of Q3")
    >>> p.metric, p.baseline, p.target, p.unit, p.direction, p.deadline
    ('sales_cycle', 45.0, 30.0, 'days', 'decrease', 'end of Q3')
    >>> p = parse_statement("Increase website click-through rate by 30%.")
    >>> p.relative_change, p.direction, p.target
    (0.3, 'increase', None)
    >>> parse_statement("Achieve 80%+ post-discovery satisfaction").direction
    'stay_above'
    >>> p = parse_statement("Increase NPS by 10 points")
    >>> p.absolute_change, p.unit, p.relative_change
    (10.0, 'points', None)
    >>> parse_statement("Be the best place to work").parsed
    False
    """
    return _classify(_check(text))[0]


def classify_statement(text: str) -> Classification:
    """Say whether a statement is a key result, an activity, a KPI or unmeasurable.

    Parameters
    ----------
    text : str
        One statement. Any string is accepted.

    Returns
    -------
    Classification
        ``label`` (one of :data:`LABELS`), a one-sentence ``reason`` quoting the
        deciding words, and the ``parsed`` statement.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> classify_statement("Increase NPS from 32 to 48").label
    'key_result'
    >>> classify_statement("Launch a new support portal").label
    'activity'
    >>> classify_statement("Keep uptime at 99.9%").label
    'kpi'
    >>> c = classify_statement("Improve customer satisfaction")
    >>> c.label
    'unmeasurable'
    >>> print(c.reason)
    "improve" gives a direction but no number or target, so progress cannot be scored.
    """
    parsed, label, reason = _classify(_check(text))
    return Classification(label=label, reason=reason, parsed=parsed)


def classify_statements(texts: Iterable[str]) -> pd.DataFrame:
    """Classify and parse many statements into one tidy frame, one row each.

    Parameters
    ----------
    texts : iterable of str
        Statements, e.g. a list or a :class:`pandas.Series` (its index is kept).

    Returns
    -------
    pandas.DataFrame
        Columns ``text, label, reason, metric, baseline, target, unit, direction,
        relative_change, deadline, absolute_change, parsed``; ``label`` and
        ``direction`` are categoricals over :data:`LABELS` and
        :data:`~okr_toolkit.core.scoring.DIRECTIONS`.

    Raises
    ------
    TypeError
        If ``texts`` is a single str, or holds anything but str (missing values
        included: fill or drop them first).

    Examples
    --------
    >>> frame = classify_statements(["Hire 5 engineers", "Grow ARR from $2M to $3M"])
    >>> frame[["label", "metric", "baseline", "target", "unit"]]
            label         metric   baseline     target unit
    0    activity      engineers        NaN        5.0  count
    1  key_result            arr  2000000.0  3000000.0    $
    """
    import pandas as pd

    if isinstance(texts, (str, bytes)):
        raise TypeError("`texts` must be a collection of statements, not a single string")
    index = texts.index if isinstance(texts, pd.Series) else None
    rows: list[tuple[Any, ...]] = []
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(
                f"`texts[{position}]` must be a str, got {type(text).__name__} ({text!r:.40}); "
                "drop or fill missing statements first, e.g. series.fillna('')"
            )
        p, label, reason = _classify(text)
        rows.append(
            (
                text,
                label,
                reason,
                p.metric,
                p.baseline,
                p.target,
                p.unit,
                p.direction,
                p.relative_change,
                p.deadline,
                p.absolute_change,
                p.parsed,
            )
        )
    # Not DataFrame.from_records: with no rows and an empty index, pandas 2.2-2.3 raise.
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS), index=index)
    for column in ("baseline", "target", "relative_change", "absolute_change"):
        frame[column] = frame[column].astype("float64")
    frame["parsed"] = frame["parsed"].astype(bool)
    frame["label"] = pd.Categorical(frame["label"], categories=list(LABELS))
    frame["direction"] = pd.Categorical(frame["direction"], categories=list(DIRECTIONS))
    return frame
