"""Tests of each step of the statement reader (okr_toolkit/statements/), one at a time.

``tests/test_statements.py`` tests what the reader makes of whole statements and
``tests/test_statements_snapshot.py`` that 16,599 recorded readings stay the same;
this file tests the named steps the reading is made of, each on its own inputs, in
the order the pipeline runs them, and the package's layout.
"""

from __future__ import annotations

import pytest

import okr_toolkit.statements as statements
from okr_toolkit.statements.clauses import Clauses, clause_break, split_clauses
from okr_toolkit.statements.cues import (
    NO_CUES,
    MetricCues,
    find_ongoing,
    holds_a_level,
    metric_first_cues,
    stated_level,
)
from okr_toolkit.statements.deadlines import _DEADLINE, Deadlines, find_deadlines, read_deadline
from okr_toolkit.statements.direction import (
    apply_polar,
    caution_notes,
    choose_direction,
    lower_is_better,
    metric_polarity,
    read_range,
)
from okr_toolkit.statements.metric import metric_phrase, name_metric, snake_name
from okr_toolkit.statements.numbers import Token, read_numbers
from okr_toolkit.statements.objects import head_noun, settle_object_verb
from okr_toolkit.statements.pairs import inherit_units, mark_conditions, pair_tokens
from okr_toolkit.statements.roles import (
    NumberContext,
    RoleCues,
    assign_roles,
    before_role,
    read_context,
)
from okr_toolkit.statements.text import (
    MAX_CHARS,
    Word,
    blank_spans,
    clean_text,
    split_words,
    words_outside,
)
from okr_toolkit.statements.units import default_unit, settle_unit
from okr_toolkit.statements.values import (
    Picked,
    Values,
    pick_tokens,
    read_values,
    scale_values,
    which_way,
)
from okr_toolkit.statements.verbs import (
    ACT,
    BE,
    DOWN,
    KPI,
    MAKE,
    OBJ,
    POLAR,
    REACH,
    UP,
    Verb,
    find_verb,
)

# --------------------------------------------------------------------------------------
# The package


def test_the_package_exports_what_the_module_did() -> None:
    assert statements.__all__ == [
        "LABELS",
        "Classification",
        "ParsedStatement",
        "classify_statement",
        "classify_statements",
        "parse_statement",
    ]
    # Public constants other modules and tests import, and the cache the benchmarks clear.
    for name in ("CACHE_SIZE", "FRAME_COLUMNS", "MAX_CHARS", "READING_FIELDS"):
        assert getattr(statements, name) is not None
    assert callable(statements._classify_cached.cache_clear)
    assert callable(statements._classify_uncached)


# --------------------------------------------------------------------------------------
# Step 0: the text (okr_toolkit/statements/text.py)


@pytest.mark.parametrize(
    ("text", "cleaned", "kpi_prefix"),
    [
        ("Grow ARR to $3M.", "Grow ARR to $3M", False),
        ("KR1: Grow ARR", "Grow ARR", False),
        ("KR 2.1 - Grow ARR", "Grow ARR", False),
        ("- [x] Grow ARR", "Grow ARR", False),
        ("(b) Grow ARR", "Grow ARR", False),
        ("• Grow ARR", "Grow ARR", False),
        ("KPI: churn below 2%", "churn below 2%", True),
        ("Grow  ARR\tfrom 2\u2192 3", "Grow ARR from 2-> 3", False),
        ("NPS \u2265 40", "NPS >= 40", False),
        ("Cut churn \u2013 fast!", "Cut churn - fast", False),
        ("", "", False),
    ],
)
def test_clean_text(text: str, cleaned: str, kpi_prefix: bool) -> None:
    notes: list[str] = []
    assert clean_text(text, notes) == (cleaned, kpi_prefix)
    assert notes == []


def test_clean_text_reads_only_the_first_max_chars() -> None:
    notes: list[str] = []
    cleaned, _ = clean_text("a" * (MAX_CHARS + 20), notes)
    assert len(cleaned) == MAX_CHARS
    assert notes == [f"text longer than {MAX_CHARS} characters; only the first {MAX_CHARS} read"]


def test_split_words_keeps_spans_into_the_line() -> None:
    low = 'raise "nps" (to 48), now.'
    words = split_words(low)
    assert [w for w, _, _ in words] == ["raise", "nps", "to", "48", "now"]
    assert all(low[start:end] == word for word, start, end in words)


def test_blank_spans_keeps_every_index_and_words_outside_drops_the_spans() -> None:
    low = "reach 50 by q3 and 2026"
    masked = blank_spans(low, [(9, 14), (19, 23)])
    assert len(masked) == len(low)
    assert masked == "reach 50 " + " " * 5 + " and " + " " * 4
    assert [w for w, _, _ in words_outside(split_words(low), [(9, 14), (19, 23)])] == [
        "reach",
        "50",
        "and",
    ]
    assert blank_spans(low, []) is low


# --------------------------------------------------------------------------------------
# Step 1: deadlines (okr_toolkit/statements/deadlines.py)


def _deadlines(text: str) -> tuple[Deadlines, list[str]]:
    notes: list[str] = []
    low = text.lower()
    return find_deadlines(low, split_words(low), notes), notes


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("grow arr in q3", "end of Q3"),
        ("grow arr by end of q3", "end of Q3"),
        ("grow arr by q3 2026", "end of Q3 2026"),
        ("grow arr by q1 fy27", "end of Q1 FY2027"),
        ("grow arr by fy26", "end of FY2026"),
        ("grow arr by the start of h2", "start of H2"),
        ("grow arr this quarter", "end of this quarter"),
        ("grow arr by next financial year", "end of next fiscal year"),
        ("grow arr by year-end", "end of this year"),
        ("grow arr by eoq", "end of this quarter"),
        ("grow arr by 2026", "end of 2026"),
        ("grow arr by 2026-06-30", "2026-06-30"),
        ("grow arr by june", "end of June"),
        ("grow arr by mid-june", "mid June"),
        ("grow arr by june 30, 2026", "2026-06-30"),
        ("grow arr by 30 june", "June 30"),
        ("grow arr in the next 90 days", "within 90 days"),
        ("grow arr within six months", "within 6 months"),
        ("grow arr by the end of the year", "end of this year"),
        # Words that only look like a deadline.
        ("grow arr in may", "end of May"),
        ("may we grow arr", None),
        ("grow arr for the year", "end of this year"),
        ("make the year count", None),
        ("grow 2026 accounts", None),
        ("grow arr at 2026", None),
        ("cut 2 days from onboarding", None),
        ("cut churn within 7 days of signup", None),
        ("grow arr by 2026%", None),
    ],
)
def test_find_deadlines(text: str, deadline: str | None) -> None:
    found, notes = _deadlines(text)
    assert found.deadline == deadline
    assert notes == []


def test_find_deadlines_blanks_the_dates_out_of_the_line() -> None:
    found, _ = _deadlines("reach 50 customers by end of q3 2026")
    assert found.masked == "reach 50 customers" + " " * 18
    assert [w for w, _, _ in found.words] == ["reach", "50", "customers"]


def test_find_deadlines_keeps_the_first_of_two_and_says_so() -> None:
    found, notes = _deadlines("grow arr by q3, or by 2027")
    assert found.deadline == "end of Q3"
    assert notes == ["more than one date (end of Q3, end of 2027); read the first"]


def test_find_deadlines_without_a_deadline_hands_the_line_on_unchanged() -> None:
    low = "grow arr to 3m"
    words = split_words(low)
    found = find_deadlines(low, words, [])
    assert found == Deadlines(None, low, words)
    assert found.words is words


def test_read_deadline_says_none_for_a_match_that_is_not_a_deadline() -> None:
    for text, deadline in (("the quarter", None), ("q2", "end of Q2"), ("may", None)):
        m = _DEADLINE.match(text)
        assert m is not None
        assert read_deadline(m, text) == deadline


# --------------------------------------------------------------------------------------
# Step 2: numbers (okr_toolkit/statements/numbers.py) and their context (roles.py)


def _numbers(text: str) -> list[Token]:
    low = text.lower()
    found = find_deadlines(low, split_words(low), [])
    return read_numbers(found.masked, text, [w for w, _, _ in found.words])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # (value x multiplier, currency, unit, sign)
        ("Grow ARR from $2M to $3.5M", [(2e6, "$", None, 0), (3.5e6, "$", None, 0)]),
        ("Grow revenue to USD 10,000", [(1e4, "$", None, 0)]),
        ("Grow revenue to 1,5M €", [(1.5e6, "€", None, 0)]),
        ("Grow revenue to ₹2 crore", [(2e7, "₹", None, 0)]),
        ("Grow revenue to 3 bn", [(3e9, None, None, 0)]),
        ("Cut response from 2h to 45m", [(2.0, None, "hours", 0), (45.0, None, "minutes", 0)]),
        ("Cut response to 45 min", [(45.0, None, "minutes", 0)]),
        ("Cut cycle by 3 business days", [(3.0, None, "days", 0)]),
        ("Lift NPS by 20 pp", [(20.0, None, "points", 0)]),
        ("Lift margin by 150 bps", [(1.5, None, "points", 0)]),
        ("Lift CSAT to 4.5/5", [(4.5, None, "score", 0)]),
        ("Lift LTV:CAC to 3:1", [(3.0, None, "ratio", 0)]),
        ("Lift conversion 15 percent", [(15.0, None, "%", 0)]),
        ("Churn (-15%) and NPS (+3)", [(15.0, None, "%", -1), (3.0, None, None, 1)]),
        ("Reach 80%+ satisfaction", [(80.0, None, "%", 0)]),
        # Numbers that name something, not measure it.
        ("Grow week-1 activation on day 30 for SOC 2 and tier 1", []),
        ("Support 24/7 with 1:1 calls at 9am on the 1st", []),
        ("Ship 2FA and 5G", []),
        ("Reach 100 users by Q3 2026", [(100.0, None, None, 0)]),
        # Number words, only when there are no digits (but "zero" always).
        ("Sign fifty-five customers", [(55.0, None, None, 0)]),
        ("Reach a million users", [(1e6, None, None, 0)]),
        ("Hold a dozen webinars", [(12.0, None, None, 0)]),
        ("Sign one of our top accounts", []),
        ("Reach 10 accounts, five new", [(10.0, None, None, 0)]),
        ("Cut incidents from 3 to zero", [(3.0, None, None, 0), (0.0, None, None, 0)]),
    ],
)
def test_read_numbers(text: str, read: list[tuple[float, str | None, str | None, int]]) -> None:
    got = [(t.value * t.mult, t.cur, t.unit, t.sign) for t in _numbers(text)]
    assert got == read


def test_read_numbers_keeps_the_spans_and_the_multiplier_as_written() -> None:
    text = "Grow ARR from $2M to 3m dollars"
    (a, b) = _numbers(text)
    assert text[a.start : a.end] == "$2M" and a.mult_raw == "M"
    assert b.mult_raw == "m" and b.cur == "$" and b.mult == 1e6


def test_a_lower_case_m_is_minutes_only_beside_a_duration() -> None:
    assert [(t.value, t.mult, t.unit) for t in _numbers("Cut wait from 2h to 45m")] == [
        (2.0, 1.0, "hours"),
        (45.0, 1.0, "minutes"),
    ]
    assert [(t.value, t.mult, t.unit) for t in _numbers("Grow ARR from 2m to 4m")] == [
        (2.0, 1e6, None),
        (4.0, 1e6, None),
    ]


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("Grow NPS from 32", "base"),
        ("Grow NPS up from 32", "base"),
        ("Grow NPS to 32", "to"),
        ("Grow NPS -> 32", "to"),
        ("Keep NPS at least 32", "above"),
        ("Keep NPS >= 32", "above"),
        ("Keep NPS no more than 32", "below"),
        ("Keep NPS under 32", "below"),
        ("Never let NPS drop below 32", "above"),
        ("Never let costs rise above 32", "below"),
        ("Grow NPS by 32", "by"),
        ("NPS up 32", "up"),
        ("NPS down by 32", "down"),
        ("Rank in the top 30", "rank"),
        ("NPS is 32", "is"),
        ("NPS: 32", "is"),
        ("Baseline: 32", "base"),
        ("NPS between 30", "between"),
        ("NPS grows 32", "verb:up"),
        ("Reach 32", "to"),
        ("Acquire 32", "verb:reach"),
        ("Hire 32", "verb:act"),
        ("NPS 32", None),
    ],
)
def test_before_role(text: str, before: str | None) -> None:
    low = text.lower()
    role, lead = before_role(low, low.index("3"))
    assert role == before
    if role is not None and not role.startswith("verb:"):
        assert lead < low.index("3")


def test_read_context_reads_the_words_around_each_number() -> None:
    text = "Raise win rate 20% -> 30%, 5 points or more, for 60% of reps; a 10% increase"
    low = text.lower()
    tokens = read_numbers(low, text, low.split())
    context = read_context(tokens, low, text)
    assert context == NumberContext(has_share=True, money_or_pct=True, has_rank=False)
    got = [(t.raw, t.before, t.after, t.above, t.below, t.share) for t in tokens]
    assert got == [
        ("20%", None, "pair", False, False, False),
        ("30%", "to", None, False, False, False),
        ("5 points", None, None, True, False, False),
        ("60%", None, None, False, False, True),
        ("10%", "article", "inc", False, False, False),
    ]
    assert read_context([], low, text) == NumberContext(False, False, False)


# --------------------------------------------------------------------------------------
# Step 3: the governing verb (verbs.py) and what a line without one says (cues.py)


def _prepared(text: str) -> tuple[str, str, list[Word], list[Token]]:
    """The line as the verb steps see it: cleaned, masked, its words and numbers."""
    s, _ = clean_text(text, [])
    low = s.lower()
    found = find_deadlines(low, split_words(low), [])
    tokens = read_numbers(found.masked, s, [w for w, _, _ in found.words])
    read_context(tokens, found.masked, s)
    return s, found.masked, found.words, tokens


def _verb(text: str) -> Verb:
    s, _masked, words, tokens = _prepared(text)
    return find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)


@pytest.mark.parametrize(
    ("text", "verb", "base", "kind"),
    [
        ("Increase NPS from 32 to 48", "Increase", "increase", UP),
        ("Cut sales cycle to 30 days", "Cut", "cut", DOWN),
        ("Improve CSAT to 4.5", "Improve", "improve", POLAR),
        ("Achieve 80% satisfaction", "Achieve", "achieve", REACH),
        ("Maintain NPS above 40", "Maintain", "maintain", KPI),
        ("Launch a support portal", "Launch", "launch", ACT),
        ("Add 500 customers", "Add", "add", OBJ),
        ("Make $1M in sales", "Make", "make", MAKE),
        ("Become the market leader", "Become", "become", BE),
        # Labels, subjects, modals, "to" after an aim, adverbs and two-word verbs.
        ("KR1: We will successfully roll out SSO", "roll out", "roll out", ACT),
        ("Our aim is to grow ARR to $3M", "grow", "grow", UP),
        ("Team to grew ARR to $3M", "grew", "grow", UP),
        ("We'll sign 10 logos", "sign", "sign", REACH),
        ("Significantly speed up onboarding by 20%", "speed up", "speed up", DOWN),
        # No governing verb: the line starts with its metric, or the verb heads a metric.
        ("Churn below 2%", None, None, None),
        ("Test coverage from 60% to 80%", None, None, None),
        ("Win rate 20% -> 30%", None, None, None),
        ("Hold rate below 2%", "Hold", "hold", OBJ),
        ("Uptime is 99.9%", None, None, None),
        ("NPS of 40 then grow it", None, None, None),
    ],
)
def test_find_verb(text: str, verb: str | None, base: str | None, kind: str | None) -> None:
    got = _verb(text)
    assert (got.text, got.base, got.kind) == (verb, base, kind)


def test_find_verb_says_where_the_metric_begins() -> None:
    v = _verb("Increase NPS from 32 to 48")
    assert v.end == len("Increase") and v.subject_start == -1
    assert v.words_after == ("nps", "from", "32", "to", "48")
    v = _verb("Uptime must stay above 99.9%")
    assert (v.base, v.kind, v.subject_start) == ("stay", KPI, 0)
    v = _verb("The churn rate below 2%")
    assert v.kind is None and v.end == len("The ")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Uptime stays above 99.9%", MetricCues("stays", None, None)),
        ("Churn reduced by a third", MetricCues(None, DOWN, None)),
        ("NPS increases to 50", MetricCues(None, UP, None)),
        ("12 blog posts published", MetricCues(None, None, "published")),
        ("New pricing page live", MetricCues(None, None, "live")),
        ("Live chat CSAT at 90%", NO_CUES),
        ("95% of orders shipped on time", NO_CUES),
        ("500 customers added", NO_CUES),
        ("A cap of 5% churn", NO_CUES),
        ("Churn at 2%", NO_CUES),
    ],
)
def test_metric_first_cues(text: str, cues: MetricCues) -> None:
    _s, masked, words, tokens = _prepared(text)
    has_share = any(t.share for t in tokens)
    assert metric_first_cues(words, masked, has_share) == cues


@pytest.mark.parametrize(
    ("text", "kind", "ongoing"),
    [
        ("Sign 10 customers every month", REACH, "every month"),
        ("Uptime at 99.9% at all times", None, "at all times"),
        ("Never let churn rise above 2%", None, "Never"),
        ("Be at 95% on-time consistently", BE, "consistently"),
        ("Increase signups 10% every month", UP, None),
        ("Sign customers every month", REACH, None),
        ("Sign 10 customers by June", REACH, None),
    ],
)
def test_find_ongoing(text: str, kind: str | None, ongoing: str | None) -> None:
    s, masked, _, tokens = _prepared(text)
    assert find_ongoing(masked, s, tokens, kind) == ongoing


# --------------------------------------------------------------------------------------
# Step 4: verbs whose kind depends on their object (objects.py)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hold 4 webinars", ACT),
        ("Hold churn below 2%", KPI),
        ("Add 500 customers", REACH),
        ("Add $1M in ARR", REACH),
        ("Add 20% more pipeline", REACH),
        ("Add 3 features", ACT),
        ("Deliver 3 new integrations", ACT),
        ("Recruit 5 engineers", ACT),
        ("Recruit 200 new users", REACH),
        ("Onboard 3 partners", ACT),
        ("Enter the top 3", REACH),
        ("Enter 2 markets", ACT),
        ("Make 50 sales calls", ACT),
        ("Make $1M in sales", REACH),
        ("Make onboarding better", BE),
        ("Expand into 3 new markets", ACT),
        ("Expand ARR by 20%", UP),
        ("Reduce churn to 2%", DOWN),
    ],
)
def test_settle_object_verb(text: str, kind: str) -> None:
    s, masked, words, tokens = _prepared(text)
    context = read_context(tokens, masked, s)
    verb = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)
    got = settle_object_verb(verb, words, tokens, masked, context.money_or_pct, context.has_rank)
    assert got == kind


def test_head_noun_is_the_last_word_of_the_phrase_after_the_first_number() -> None:
    _s, _, words, tokens = _prepared("Add 500 new enterprise customers in EMEA by Q3")
    assert head_noun(words, tokens, 0) == "customers"
    assert head_noun(words, [], 0) == "add"


# --------------------------------------------------------------------------------------
# Step 5: two goals in one line (clauses.py)


def _split(text: str, *, may_read_second: bool = True) -> tuple[Clauses, list[str]]:
    s, masked, words, tokens = _prepared(text)
    verb = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)
    notes: list[str] = []
    clauses = split_clauses(
        tokens, words, s.lower(), masked, s, verb, notes, may_read_second=may_read_second
    )
    return clauses, notes


@pytest.mark.parametrize(
    ("text", "kept", "note"),
    [
        ("Grow ARR to $3M and reduce CAC by 10%", ["$3M"], "set aside '10%'"),
        ("Cut costs by 20% while keeping CSAT above 90%", ["20%"], "set aside '90%'"),
        ("Grow NRR to 110%; cut churn to 4% and CAC by 5%", ["110%"], "set aside '4%', '5%'"),
        ("Cut costs in half while keeping CSAT above 90%", [], "set aside '90%'"),
        ("Double signups while keeping CAC under $50", [], "set aside '$50'"),
        # "in one quarter" is read as a deadline, but it still makes the first part a goal.
        ("Cut costs in one quarter; reduce churn to 4%", [], "set aside '4%'"),
        # One goal: nothing set aside.
        ("Grow ARR and NRR to 110%", ["110%"], None),
        ("Grow ARR from $2M to $3M", ["$2M", "$3M"], None),
        ("Grow ARR to $3M; stretch", ["$3M"], None),
    ],
)
def test_split_clauses_sets_the_second_goal_aside(
    text: str, kept: list[str], note: str | None
) -> None:
    clauses, notes = _split(text)
    assert [t.raw for t in clauses.tokens] == kept
    assert clauses.second is None
    assert notes == ([f"the line holds a second goal; {note}"] if note else [])


def test_split_clauses_reads_the_second_part_when_the_first_has_no_number() -> None:
    clauses, notes = _split("Raise retention; and reduce churn to 4%")
    assert clauses.second == "reduce churn to 4%"
    assert clauses.note == "the first part ('Raise retention') has no number; read the second"
    assert notes == []
    # A second part is read once: inside it, the line is kept whole.
    clauses, notes = _split("Raise retention; and reduce churn to 4%", may_read_second=False)
    assert clauses.second is None and [t.raw for t in clauses.tokens] == ["4%"]


def test_clause_break() -> None:
    low = "grow arr to $3m while cutting cac; and more"
    words = split_words(low)
    assert clause_break(words, low, 0) == low.index("while")
    assert clause_break(words, low, low.index("while") + 1) == low.index(";")
    assert (
        clause_break(split_words("grow arr and be the leader"), "grow arr and be the leader", 0)
        is None
    )


# --------------------------------------------------------------------------------------
# Step 6: roles (roles.py) and roles that take two numbers (pairs.py)


def _roles(text: str, verb_kind: str | None = "from the line") -> tuple[list[Token], list[str]]:
    """The numbers after steps 2-6, and the notes those steps wrote."""
    s, _, words, tokens = _prepared(text)
    if verb_kind == "from the line":
        verb_kind = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens).kind
    notes: list[str] = []
    assign_roles(tokens, verb_kind)
    mark_conditions(tokens, any(t.share for t in tokens), notes)
    inherit_units(tokens, pair_tokens(tokens), notes)
    return tokens, notes


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # (raw, role, sign, above, below)
        (
            "Increase NPS from 32 to 48",
            [("32", "base", 0, False, False), ("48", "target", 0, False, False)],
        ),
        (
            "Grow ARR to $3M, currently $2M",
            [("$3M", "target", 0, False, False), ("$2M", "base", 0, False, False)],
        ),
        ("Keep CSAT at least 90%", [("90%", "target", 0, True, False)]),
        ("Keep churn < 2%", [("2%", "target", 0, False, True)]),
        ("Achieve 80%+ satisfaction", [("80%+", "target", 0, True, False)]),
        ("Reach 1,000 or more users", [("1,000", "target", 0, True, False)]),
        ("Rank in the top 3", [("3", "target", 0, False, True)]),
        ("Increase signups by 30%", [("30%", "change", 0, False, False)]),
        ("Conversion up 5 points", [("5 points", "change", 1, False, False)]),
        ("Costs down 10%", [("10%", "change", -1, False, False)]),
        ("See a 15% reduction in churn", [("15%", "change", -1, False, False)]),
        ("Churn -15%", [("-15%", "change", -1, False, False)]),
        ("Revenue grows 20%", [("20%", "change", 1, False, False)]),
        ("Get 20% of customers to refer a friend", [("20%", "target", 0, False, False)]),
        ("NPS is 40", [("40", "target", 0, False, False)]),
        ("NPS 40", [("40", None, 0, False, False)]),
    ],
)
def test_assign_roles(text: str, roles: list[tuple[str, str | None, int, bool, bool]]) -> None:
    tokens, _ = _roles(text)
    assert [(t.raw, t.role, t.sign, t.above, t.below) for t in tokens] == roles


def test_assign_roles_says_when_a_target_is_stated_as_a_level() -> None:
    for text, cues in (
        ("Uptime at 99.9%", RoleCues(at_level=True, copula=False)),
        ("Churn rate is 5%", RoleCues(at_level=False, copula=True)),
        ("Grow NPS to 50", RoleCues(at_level=False, copula=False)),
    ):
        _, _, _, tokens = _prepared(text)
        assert assign_roles(tokens, None) == cues


def test_a_verb_before_a_number_makes_a_change_only_without_a_governing_verb() -> None:
    _, _, _, tokens = _prepared("Revenue grows 20%")
    assign_roles(tokens, None)
    assert (tokens[0].role, tokens[0].sign) == ("change", 1)
    _, _, _, tokens = _prepared("Revenue grows 20%")
    assign_roles(tokens, UP)
    assert (tokens[0].role, tokens[0].sign) == (None, 0)


@pytest.mark.parametrize(
    ("text", "roles", "units"),
    [
        ("Win rate 20% -> 30%", ["base", "target"], ["%", "%"]),
        ("Cut cycle from 45 to 30 days", ["base", "target"], ["days", "days"]),
        ("NRR between 100% and 115%", ["range", "range_end"], ["%", "%"]),
        ("Grow margin to 25-30%", ["range", "range_end"], ["%", "%"]),
        ("NPS 32 today, 48 by June", ["base", None], [None, None]),
        ("Top 10 from 25", ["target", "base"], ["rank", None]),
    ],
)
def test_pair_tokens_and_inherit_units(
    text: str, roles: list[str], units: list[str | None]
) -> None:
    tokens, _ = _roles(text)
    assert [t.role for t in tokens] == roles
    assert [t.unit for t in tokens] == units


def test_pair_tokens_returns_the_ranges() -> None:
    _, _, _, tokens = _prepared("Keep NRR between 100% and 115%")
    assign_roles(tokens, KPI)
    ((a, b),) = pair_tokens(tokens)
    assert (a.raw, b.raw) == ("100%", "115%")


def test_inherit_units_shares_a_scale_only_when_the_ratio_says_so() -> None:
    tokens, notes = _roles("Grow ARR from $2 to $3M")
    assert [t.value * t.mult for t in tokens] == [2e6, 3e6]
    assert notes == ["read '$2' in the same scale as '$3M'"]
    tokens, notes = _roles("Grow users from 500 to 2M")
    assert [t.value * t.mult for t in tokens] == [500.0, 2e6]
    assert notes == []


def test_mark_conditions_reads_a_limit_beside_a_share_as_part_of_the_metric() -> None:
    tokens, notes = _roles("Resolve 80% of tickets within 24 hours")
    assert [(t.raw, t.role) for t in tokens] == [("80%", "target"), ("24 hours", "condition")]
    assert notes == ["read '24 hours' as part of what is measured, not as a target"]
    tokens, notes = _roles("Resolve tickets within 24 hours")
    assert [(t.raw, t.role) for t in tokens] == [("24 hours", "target")]
    assert notes == []


# --------------------------------------------------------------------------------------
# Step 7: values (values.py)


def _values(text: str) -> tuple[Values, Picked, list[str]]:
    """The values after steps 2-7, and the notes steps 6-7 wrote."""
    s, masked, words, tokens = _prepared(text)
    verb = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)
    cues = NO_CUES if verb.kind is not None else metric_first_cues(words, masked, False)
    notes: list[str] = []
    assign_roles(tokens, verb.kind)
    ranges = pair_tokens(tokens)
    inherit_units(tokens, ranges, notes)
    unit_of = scale_values(tokens, notes)
    picked = pick_tokens(tokens, ranges, verb.kind, notes)
    sign = which_way(verb.kind, cues.noun_change)
    return read_values(picked, unit_of, verb, sign, s.lower(), s), picked, notes


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # (baseline, target, unit, relative, absolute, change_words)
        ("Cut sales cycle from 45 to 30 days", (45.0, 30.0, "days", None, None, None)),
        ("Grow ARR from $2M to $3M", (2e6, 3e6, "$", None, None, None)),
        ("Increase CTR by 30%", (None, None, None, 0.3, None, None)),
        ("Reduce churn by 30%", (None, None, None, -0.3, None, None)),
        ("Increase NPS by 10 points", (None, None, "points", None, 10.0, None)),
        ("Cut onboarding by 2 days", (None, None, "days", None, -2.0, None)),
        ("Grow signups 3x", (None, None, None, 2.0, None, None)),
        ("Double signups", (None, None, None, 1.0, None, "Double")),
        ("Halve churn", (None, None, None, -0.5, None, "Halve")),
        ("Cut costs in half", (None, None, None, -0.5, None, "in half")),
        ("Reduce churn by a third", (None, None, None, -0.333333, None, "by a third")),
        # A POLAR verb without a sign leaves the change to the direction step.
        ("Improve CSAT by 10%", (None, None, None, None, None, None)),
        ("Improve CSAT by +10%", (None, None, None, 0.1, None, None)),
        ("Keep NRR between 100% and 115%", (None, 100.0, "%", None, None, None)),
        ("Churn (-15%)", (None, None, None, -0.15, None, None)),
    ],
)
def test_read_values(text: str, values: tuple[object, ...]) -> None:
    got, _, _ = _values(text)
    assert tuple(got) == values


@pytest.mark.parametrize(
    ("text", "picked", "notes"),
    [
        # (baseline, target, change) as written
        (
            "Increase MAU 20%",
            (None, None, "20%"),
            ["no 'by', 'to' or 'from': read '20%' as a relative change"],
        ),
        ("Grow signups 3x", (None, None, "3x"), []),
        (
            "NPS 32 48",
            ("32", "48", None),
            [
                "two numbers without 'from' or 'to'; "
                "read '32' as the baseline and '48' as the target"
            ],
        ),
        ("Hire 5 engineers", (None, "5", None), []),
        ("NPS 32 today, 48 by June", ("32", "48", None), []),
        (
            "Grow NPS to 40, or to 45",
            (None, "40", None),
            ["more than one target; read '40' and set aside '45'"],
        ),
        (
            "Grow NPS by 5 to 40 with 3",
            (None, "40", "5"),
            ["did not use '3' (no word says what it is)"],
        ),
        ("Keep NRR between 100% and 115%", (None, "100%", None), []),
    ],
)
def test_pick_tokens(text: str, picked: tuple[str | None, ...], notes: list[str]) -> None:
    _, got, got_notes = _values(text)
    assert tuple(t.raw if t is not None else None for t in got[:3]) == picked
    assert got_notes == notes


def test_pick_tokens_starts_a_range_target_at_the_range() -> None:
    _, picked, _ = _values("Keep NRR between 100% and 115%")
    assert picked.range is not None and picked.target is picked.range[0]


def test_scale_values_sets_aside_a_number_too_large_to_read() -> None:
    huge = "1" + ",000" * 110
    tokens = read_numbers(f"grow to {huge}", f"grow to {huge}", [])
    tokens[0].raw = huge
    notes: list[str] = []
    assert scale_values(tokens, notes) == {}
    assert tokens[0].role == "ignored"
    assert notes == [f"number '{huge}' is too large to read"]


def test_scale_values_applies_multiplier_and_sign_but_keeps_a_change_unsigned() -> None:
    tokens = read_numbers("-2k and -15%", "-2k and -15%", [])
    tokens[1].role = "change"
    units = scale_values(tokens, [])
    assert [(t.value, units[id(t)]) for t in tokens] == [(-2000.0, None), (15.0, "%")]


def test_which_way() -> None:
    assert [which_way(k, None) for k in (UP, DOWN, POLAR, REACH, None)] == [1, -1, 0, 0, 0]
    assert which_way(None, UP) == 1 and which_way(REACH, DOWN) == 0


# --------------------------------------------------------------------------------------
# Step 8: the metric (metric.py)


def _metric(text: str) -> str | None:
    s, masked, words, tokens = _prepared(text)
    verb = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)
    assign_roles(tokens, verb.kind)
    ranges = pair_tokens(tokens)
    scale_values(tokens, [])
    picked = pick_tokens(tokens, ranges, verb.kind, [])
    return name_metric(words, s.lower(), masked, tokens, verb, picked)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Cut sales cycle from 45 to 30 days", "sales_cycle"),
        ("Reduce median first response time from 6h to 45 min", "first_response_time"),
        ("Increase week-1 activation from 42% to 65%", "week_1_activation"),
        ("Grow the number of paying customers to 500", "paying_customers"),
        ("Reduce time to first value from 5 to 2 days", "time_to_first_value"),
        ("Increase NPS from 32 to 48 while keeping churn flat", "nps"),
        ("Uptime must stay above 99.9%", "uptime"),
        ("Reach 80% of tickets resolved in 24h", "tickets_resolved"),
        ("See a 20% increase in MAU", "mau"),
        ("4 hours or less median response time", "response_time"),
        ("Hire 5 engineers", "engineers"),
        ("Grow 20%", None),
    ],
)
def test_name_metric(text: str, metric: str | None) -> None:
    assert _metric(text) == metric


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["the", "median", "first", "response", "time"], "first_response_time"),
        (["number", "of", "paying", "customers"], "paying_customers"),
        (["customer's", "win-rate", "%"], "customer_win_rate_pct"),
        (["r&d", "spend"], "r_and_d_spend"),
        (["churn", "of"], "churn"),
        (["to", "time", "to", "value"], "time_to_value"),
        (["a", "b", "c", "d", "e", "f", "g"], "b_c_d_e_f_g"),
        (["the", "our"], None),
        ([], None),
    ],
)
def test_snake_name(words: list[str], name: str | None) -> None:
    assert snake_name(words) == name


def test_metric_phrase_stops_at_a_boundary_and_keeps_digits_that_name() -> None:
    low = "cut soc 2 audit findings for smb by 50%"
    words = split_words(low)
    assert metric_phrase(words, low, 4, len(low), {low.index("50%")}) == [
        "soc",
        "2",
        "audit",
        "findings",
    ]
    assert metric_phrase(words, low, 4, low.index("2"), set()) == ["soc"]


# --------------------------------------------------------------------------------------
# Step 9: the unit (units.py)


@pytest.mark.parametrize(
    ("metric", "unit"),
    [
        ("days_to_fill", "days"),
        ("nps", "score"),
        ("net_promoter", "score"),
        ("csat_rating", "score"),
        ("ltv_cac", "ratio"),
        ("pipeline_coverage", "ratio"),
        ("engineers", "count"),
    ],
)
def test_default_unit(metric: str, unit: str) -> None:
    assert default_unit(metric.split("_"), metric) == unit


def _settled(text: str) -> tuple[Values, list[str]]:
    s, masked, words, tokens = _prepared(text)
    verb = find_verb(words, [w for w, _, _ in words], s.lower(), s, tokens)
    assign_roles(tokens, verb.kind)
    ranges = pair_tokens(tokens)
    notes: list[str] = []
    inherit_units(tokens, ranges, notes)
    unit_of = scale_values(tokens, notes)
    picked = pick_tokens(tokens, ranges, verb.kind, notes)
    values = read_values(picked, unit_of, verb, which_way(verb.kind, None), s.lower(), s)
    metric = name_metric(words, s.lower(), masked, tokens, verb, picked)
    metric_words = metric.split("_") if metric else []
    return settle_unit(values, metric, metric_words, picked, unit_of, notes), notes


@pytest.mark.parametrize(
    ("text", "settled", "note"),  # settled: (unit, baseline, target)
    [
        (
            "Cut first response from 6h to 45 min",
            ("minutes", 360.0, 45.0),
            ["mixed units: hours and minutes, both read in minutes"],
        ),
        (
            "Cut time to hire from 2 months to 3 weeks",
            ("weeks", 2 * 30.4375 / 7, 3.0),
            [
                "mixed units: months and weeks, both read in weeks",
                "months counted as 30.44 days to compare durations",
            ],
        ),
        ("Cut cycle from 45 to 30 days", ("days", 45.0, 30.0), None),
        ("Grow NPS from 32 to 48", ("score", 32.0, 48.0), None),
        ("Grow LTV:CAC to 3x", ("ratio", None, 3.0), None),
        ("Hire 5 engineers", ("count", None, 5.0), None),
        ("Grow MAU by 20%", (None, None, None), None),
        ("Grow signups by 500", ("count", None, None), None),
        ("Grow NPS by 5 points", ("points", None, None), None),
        (
            "Grow ARR from $2M to 3M €",
            ("€", 2e6, 3e6),
            "baseline is in '$' but target in '€'",
        ),
    ],
)
def test_settle_unit(
    text: str,
    settled: tuple[str | None, float | None, float | None],
    note: str | list[str] | None,
) -> None:
    got, notes = _settled(text)
    assert got.unit == settled[0]
    assert got.baseline == pytest.approx(settled[1])
    assert got.target == pytest.approx(settled[2])
    assert notes == (note if isinstance(note, list) else [note] if note else [])


# --------------------------------------------------------------------------------------
# Step 10: direction (direction.py) and the levels a line states (cues.py)


@pytest.mark.parametrize(
    ("words", "unit", "lower"),
    [
        (["churn", "rate"], "%", True),
        (["cac"], "$", True),
        (["first", "response", "time"], None, True),
        (["time", "spent", "on", "site"], None, False),
        (["on", "time", "delivery"], "%", False),
        (["uptime"], "%", False),
        (["onboarding"], "days", True),
        (["signups"], "count", None),
    ],
)
def test_lower_is_better(words: list[str], unit: str | None, lower: bool | None) -> None:
    assert lower_is_better(words, unit) is lower


def test_metric_polarity_of_a_share_follows_what_it_counts() -> None:
    share = read_numbers("80% of", "80% of", [])[0]
    share.share = True
    assert metric_polarity(["tickets", "resolved"], "%", share) is False
    assert metric_polarity(["orders", "late"], "%", share) is True
    assert metric_polarity(["tickets", "resolved"], "%", None) is False


def _token(value: float, unit: str | None = "%", sign: int = 0) -> Token:
    tok = Token(0, 1, value)
    tok.unit, tok.sign, tok.raw = unit, sign, f"{value:g}{unit or ''}"
    return tok


IMPROVE = Verb("Improve", "improve", POLAR, (), 7, -1)
NO_VALUES = Values(None, None, None, None, None, None)


@pytest.mark.parametrize(
    ("lower_better", "unit", "relative", "absolute", "sign"),
    [
        (True, "%", -0.1, None, -1),
        (False, "%", 0.1, None, 1),
        (None, "%", 0.1, None, 1),
        (True, "points", None, -10.0, -1),
    ],
)
def test_apply_polar_gives_a_polar_change_its_way(
    lower_better: bool | None,
    unit: str,
    relative: float | None,
    absolute: float | None,
    sign: int,
) -> None:
    change = _token(10.0, unit)
    values, got_sign = apply_polar(
        NO_VALUES, IMPROVE, lower_better, change, {id(change): unit}, 0, []
    )
    assert (values.relative, values.absolute, got_sign) == (relative, absolute, sign)


def test_apply_polar_notes_an_unknown_way_and_leaves_other_verbs_alone() -> None:
    change = _token(10.0)
    notes: list[str] = []
    apply_polar(NO_VALUES, IMPROVE, None, change, {id(change): "%"}, 0, notes)
    assert notes == ["'Improve' does not say which way; read it as an increase"]
    grow = Verb("Grow", "grow", UP, (), 4, -1)
    assert apply_polar(NO_VALUES, grow, True, change, {}, 1, notes) == (NO_VALUES, 1)
    speed_up = Verb("Speed up", "speed up", DOWN, (), 8, -1)
    assert apply_polar(NO_VALUES, speed_up, False, None, {}, -1, [])[1] == -1


@pytest.mark.parametrize(
    ("verb_kind", "sign", "lower_better", "target", "above", "below", "note"),
    [
        (KPI, 0, False, 100.0, True, False, "range 100-115: read the floor 100 as the threshold"),
        (KPI, 0, True, 115.0, False, True, "range 100-115: read the ceiling 115 as the threshold"),
        (None, 0, None, 100.0, True, False, "range 100-115: read the floor 100 as the threshold"),
        (UP, 1, None, 115.0, False, False, "range 100-115: read the far end 115 as the target"),
        (DOWN, -1, None, 100.0, False, False, "range 100-115: read the far end 100 as the target"),
        (ACT, 0, None, 115.0, False, False, "range 100-115: read the far end 115 as the target"),
    ],
)
def test_read_range(
    verb_kind: str | None,
    sign: int,
    lower_better: bool | None,
    target: float,
    above: bool,
    below: bool,
    note: str,
) -> None:
    lo, hi = _token(100.0), _token(115.0)
    picked = Picked(None, lo, None, (lo, hi))
    notes: list[str] = []
    values, got_above, got_below = read_range(
        NO_VALUES._replace(target=100.0), picked, verb_kind, sign, lower_better, notes
    )
    assert (values.target, got_above, got_below) == (target, above, below)
    assert notes == [note]


def test_read_range_without_a_range_says_the_targets_threshold() -> None:
    floor = _token(90.0)
    floor.above = True
    values = NO_VALUES._replace(target=90.0)
    assert read_range(values, Picked(None, floor, None, None), KPI, 0, None, []) == (
        values,
        True,
        False,
    )


def _direction(
    baseline: float | None = None,
    target: float | None = None,
    relative: float | None = None,
    *,
    kind: str | None = None,
    sign: int = 0,
    above: bool = False,
    below: bool = False,
    lower_better: bool | None = None,
    holds: bool = False,
    milestone: bool = False,
    unit: str | None = None,
    base: str | None = None,
    notes: list[str] | None = None,
) -> str | None:
    values = Values(baseline, target, unit, relative, None, None)
    verb = Verb("Verb", base, kind, (), 4, -1)
    return choose_direction(
        values,
        verb,
        sign,
        above=above,
        below=below,
        lower_better=lower_better,
        holds=holds,
        milestone=milestone,
        notes=[] if notes is None else notes,
    )


def test_choose_direction_follows_the_numbers_when_both_ends_are_known() -> None:
    assert _direction(45.0, 30.0) == "decrease"
    assert _direction(32.0, 48.0) == "increase"
    notes: list[str] = []
    assert _direction(48.0, 32.0, kind=UP, sign=1, notes=notes) == "decrease"
    assert notes == ["'Verb' disagrees with the numbers; followed the numbers"]
    notes = []
    assert _direction(5.0, 5.0, notes=notes) is None
    assert notes == ["baseline equals target: no change to score"]


def test_choose_direction_of_a_target() -> None:
    assert _direction(target=10.0, kind=UP, sign=1) == "increase"
    assert _direction(target=10.0, above=True) == "stay_above"
    assert _direction(target=10.0, below=True) == "stay_below"
    assert _direction(target=2.0, kind=KPI, lower_better=True) == "stay_below"
    assert _direction(target=40.0, kind=KPI) == "stay_above"
    assert _direction(target=5.0, kind=KPI, base="cap") == "stay_below"
    assert _direction(target=99.0, holds=True) == "stay_above"
    assert _direction(target=3.0, unit="rank") == "stay_below"
    assert _direction(target=5.0, kind=ACT, lower_better=True) == "increase"
    assert _direction(target=5.0, kind=REACH, lower_better=True) == "decrease"
    assert _direction(target=0.0, kind=REACH) == "decrease"  # "zero P1 incidents"
    assert _direction(target=0.0, kind=REACH, above=True) == "stay_above"


def test_choose_direction_without_a_target() -> None:
    assert _direction(relative=0.3) == "increase"
    assert _direction(relative=-0.3) == "decrease"
    assert _direction(relative=0.0) is None
    assert _direction(kind=ACT) == "milestone"
    assert _direction(milestone=True) == "milestone"
    assert _direction(kind=UP, sign=1) == "increase"
    assert _direction(kind=REACH) is None


def test_caution_notes() -> None:
    change = _token(10.0)
    notes: list[str] = []
    values = NO_VALUES._replace(relative=0.1)
    caution_notes(values, change, {id(change): "%"}, ["conversion", "rate"], None, UP, notes)
    assert notes == ["'10%' of a rate could mean percentage points; read as relative"]
    notes = []
    caution_notes(values, None, {}, ["wau"], "week over week", None, notes)
    assert notes == ["a change 'week over week' is a growth rate to sustain"]
    notes = []
    caution_notes(values, change, {id(change): "%"}, ["signups"], None, UP, notes)
    assert notes == []


@pytest.mark.parametrize(
    ("kind", "values", "deadline", "cues", "above", "words", "level"),
    [
        (None, (None, 5.0, None), None, RoleCues(False, True), False, [], "copula"),
        (None, (None, 99.9, None), None, RoleCues(True, False), False, [], "at"),
        (None, (None, 99.9, None), None, RoleCues(False, False), False, ["uptime"], "health"),
        (None, (None, 99.9, None), None, RoleCues(False, False), True, ["uptime"], None),
        (None, (None, 5.0, None), "end of Q3", RoleCues(False, True), False, [], None),
        (None, (4.0, 5.0, None), None, RoleCues(False, True), False, [], None),
        (None, (None, 5.0, 0.1), None, RoleCues(False, True), False, [], None),
        (KPI, (None, 5.0, None), None, RoleCues(False, True), False, [], None),
    ],
)
def test_stated_level(
    kind: str | None,
    values: tuple[float | None, float | None, float | None],
    deadline: str | None,
    cues: RoleCues,
    above: bool,
    words: list[str],
    level: str | None,
) -> None:
    baseline, target, relative = values
    read = Values(baseline, target, "%", relative, None, None)
    assert stated_level(kind, read, deadline, cues, above, False, words) == level


def test_holds_a_level() -> None:
    assert holds_a_level(REACH, "every month", None, False)
    assert holds_a_level(None, None, "copula", False)
    assert holds_a_level(None, None, None, True)
    assert not holds_a_level(UP, "every month", "at", True)
    assert not holds_a_level(REACH, None, None, True)
