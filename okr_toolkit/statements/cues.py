"""What a line says besides its verb: hold words, reported work, ongoing cues.

These cues decide the label where the verb does not (:mod:`.classify`): a line
that starts with its metric ("uptime stays above 99.9%", "12 posts published"),
an outcome repeated "every month", a one-off milestone, a level stated with no
change. Imports :mod:`.text` and :mod:`.verbs`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .text import Word, has_cue
from .verbs import ACT, BE, DOWN, FINITE_VERBS, KPI, OBJ, PARTICIPLES, REACH, UP, VERBS

if TYPE_CHECKING:
    from .numbers import Token
    from .roles import RoleCues
    from .values import Values

_MILESTONE_NOUNS = frozenset(
    "certification certified compliance compliant accreditation accredited audit approval "
    "approved go-live launch release mvp beta prototype migration license licence patent "
    "soc iso gdpr hipaa".split()
)
_HEALTH_WORDS = frozenset("uptime availability sla slas slo slos".split())
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


# Hold words that are nearly always nouns when the line starts with its metric ("a cap of").
_KPI_NOUN_FORMS = frozenset(("cap", "caps", "limit", "limits", "hold", "contain", "continue"))


class MetricCues(NamedTuple):
    """What a line that starts with its metric says about it (:func:`metric_first_cues`)."""

    #: A hold verb later in the line: "churn stays below 2%".
    kpi_word: str | None
    #: UP or DOWN for a finite change verb: "churn reduced by a third", "NPS improves".
    noun_change: str | None
    #: A participle that reports work: "12 blog posts published", "portal live".
    act_participle: str | None


NO_CUES = MetricCues(None, None, None)


def metric_first_cues(words: list[Word], masked: str, has_share: bool) -> MetricCues:
    """For a line with no governing verb: the verbs it uses about its metric.

    Parameters
    ----------
    words : list of Word
        The words outside the deadlines (the first 30 are read).
    masked : str
        The lower-cased line with the deadlines blanked out.
    has_share : bool
        A number is a share ("95% of orders shipped" is a share, not work done).

    Returns
    -------
    MetricCues

    Examples
    --------
    >>> from okr_toolkit.statements.text import split_words
    >>> def cues(text):
    ...     return metric_first_cues(split_words(text), text, has_share=False)
    >>> cues("uptime stays above 99.9%")
    MetricCues(kpi_word='stays', noun_change=None, act_participle=None)
    >>> cues("churn reduced by a third").noun_change, cues("12 posts published").act_participle
    ('down', 'published')
    >>> cues("new portal live for all customers").act_participle
    'live'
    """
    kpi_word = noun_change = act_participle = None
    for w, _, _ in words[:30]:
        hit = VERBS.get(w)
        if hit is None:
            continue
        base, kind = hit
        if kind == KPI and w not in _KPI_NOUN_FORMS and kpi_word is None:
            kpi_word = w
        elif kind in (UP, DOWN) and w in FINITE_VERBS and noun_change is None:
            noun_change = kind  # "churn reduced by a third", "NPS improves"
        elif w in PARTICIPLES and kind in (ACT, OBJ) and act_participle is None:
            if not (kind == OBJ and base in ("add", "deliver", "build", "create")):
                act_participle = w
    if act_participle and has_share:
        act_participle = None  # "95% of orders shipped": a share, not work done
    if act_participle is None and "live" in masked:
        live = _LIVE.search(masked)
        if live is not None and live.start() > 0:
            act_participle = "live"
    if kpi_word is None and noun_change is None and act_participle is None:
        return NO_CUES
    return MetricCues(kpi_word, noun_change, act_participle)


def find_ongoing(masked: str, original: str, tokens: list[Token], kind: str | None) -> str | None:
    """The words that make a number a standing threshold: "every month", "at all times".

    Read only for a line with a number whose verb is an outcome (REACH), BE or
    none: "Sign 10 customers every month" holds a rate, it is not a change.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> text = "Sign 10 customers every month"
    >>> tokens = read_numbers(text.lower(), text, text.lower().split())
    >>> find_ongoing(text.lower(), text, tokens, REACH)
    'every month'
    >>> find_ongoing(text.lower(), text, tokens, UP) is None
    True
    """
    if tokens and kind in (None, REACH, BE) and has_cue(masked, _ONGOING_CUES):
        om = _ONGOING.search(masked)
        if om is not None:
            return original[om.start() : om.end()]
    return None


def find_milestone(
    tokens: list[Token],
    verb_kind: str | None,
    act_participle: str | None,
    words_after: tuple[str, ...],
    words: list[Word],
) -> str | None:
    """The word that makes a line without numbers a one-off milestone, if any.

    "Achieve SOC 2 certification", "GDPR compliance by Q3": done or not done.

    Examples
    --------
    >>> find_milestone([], REACH, None, ("soc", "2", "certification"), [])
    'soc'
    >>> find_milestone([], UP, None, ("soc", "2", "certification"), []) is None
    True
    """
    if tokens or verb_kind not in (REACH, BE, None) or act_participle is not None:
        return None
    milestone = next((w for w in words_after if w in _MILESTONE_NOUNS), None)
    if milestone is None and verb_kind is None:
        milestone = next((w for w, _, _ in words[:8] if w in _MILESTONE_NOUNS), None)
    return milestone


def stated_level(
    verb_kind: str | None,
    values: Values,
    deadline: str | None,
    role_cues: RoleCues,
    above: bool,
    below: bool,
    metric_words: list[str],
) -> str | None:
    """How a line with no verb states its metric at a level, if it does.

    "churn rate is 5%" (``"copula"``), "uptime at 99.9%" (``"at"``), "SLA
    99.9%" (``"health"``): a target with no verb, baseline, change or deadline.

    Examples
    --------
    >>> from okr_toolkit.statements.roles import RoleCues
    >>> from okr_toolkit.statements.values import Values
    >>> level = Values(None, 5.0, "%", None, None, None)
    >>> stated_level(None, level, None, RoleCues(at_level=False, copula=True), False, False, [])
    'copula'
    >>> stated_level(None, level, "end of Q3", RoleCues(False, True), False, False, []) is None
    True
    """
    if (
        verb_kind is None
        and values.target is not None
        and values.baseline is None
        and values.relative is None
        and values.absolute is None
        and deadline is None
    ):
        if role_cues.copula:
            return "copula"
        if role_cues.at_level:
            return "at"
        if not (above or below) and not _HEALTH_WORDS.isdisjoint(metric_words):
            return "health"
    return None


def holds_a_level(
    verb_kind: str | None, ongoing: str | None, level: str | None, kpi_prefix: bool
) -> bool:
    """True when a line with a target holds it rather than moves to it.

    An outcome repeated ("every month"), or a line that starts with its metric
    and states a level or is labelled "KPI".

    Examples
    --------
    >>> holds_a_level(REACH, "every month", None, False), holds_a_level(None, None, "at", False)
    (True, True)
    >>> holds_a_level(UP, "every month", None, True)
    False
    """
    return bool(
        (verb_kind in (None, REACH, BE) and ongoing)
        or (verb_kind is None and (level or kpi_prefix))
    )
