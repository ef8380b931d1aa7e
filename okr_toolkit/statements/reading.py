"""The reading of one statement: every step, in order."""

from __future__ import annotations

from .clauses import split_clauses
from .cues import (
    _HEALTH_WORDS,
    NO_CUES,
    find_milestone,
    find_ongoing,
    metric_first_cues,
)
from .deadlines import find_deadlines
from .direction import _BAD_SHARES, _lower_is_better
from .metric import name_metric
from .numbers import Token, read_numbers
from .objects import (
    settle_object_verb,
)
from .pairs import inherit_units, mark_conditions, pair_tokens
from .results import ParsedStatement, _empty, _new_parsed, _replace_text
from .roles import assign_roles, read_context
from .text import HAS_ALNUM, clean_text, split_words
from .units import settle_unit
from .values import pick_tokens, read_values, scale_values, which_way
from .verbs import (
    ACT,
    BE,
    KPI,
    POLAR,
    REACH,
    find_verb,
)


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
    numbers: list[Token] = []  # noqa: RUF012 - replaced, never mutated
    deadline: str | None = None
    parsed: ParsedStatement


def _read(text: str, depth: int = 0) -> _Reading:
    notes: list[str] = []
    r = _Reading()
    s, r.kpi_prefix = clean_text(text, notes)
    if HAS_ALNUM.search(s) is None:
        notes.append("no words or numbers to read")
        r.parsed = _empty(text, notes)
        return r
    low = s.lower()

    all_words = split_words(low)

    # 1. Deadlines first: their numbers (Q3, 2026, 30 June) are dates, not targets.
    r.deadline, masked, words = find_deadlines(low, all_words, notes)

    # 2. Numbers, and the words around each.
    word_list = [x[0] for x in words]
    tokens = read_numbers(masked, s, word_list)
    has_share, money_or_pct, has_rank = read_context(tokens, masked, s)

    # 3. The governing verb, or what a line that starts with its metric says about it.
    verb = find_verb(words, word_list, low, s, tokens)
    cues = NO_CUES if verb.kind is not None else metric_first_cues(words, masked, has_share)
    r.ongoing = find_ongoing(masked, s, tokens, verb.kind)

    # 4. Verbs whose kind depends on their object.
    kind = settle_object_verb(verb, words, tokens, masked, money_or_pct, has_rank)
    if kind != verb.kind:
        verb = verb._replace(kind=kind)
    r.verb, r.verb_base, r.verb_class = verb.text, verb.base, verb.kind
    r.words_after_verb = verb.words_after
    r.kpi_word, r.noun_change, r.act_participle = cues

    # 5. A second goal in the same line is set aside, or read instead of the first.
    clauses = split_clauses(tokens, words, low, masked, s, verb, notes, may_read_second=depth == 0)
    tokens = clauses.tokens
    if clauses.second is not None:
        second = _read(clauses.second, depth=1)
        second.parsed = _replace_text(second.parsed, text, clauses.note or "")
        return second

    # 6. Roles: each number's from the words around it, then pairs and ranges.
    r.at_level, r.copula = assign_roles(tokens, verb.kind)
    mark_conditions(tokens, has_share, notes)
    ranges = pair_tokens(tokens)
    inherit_units(tokens, ranges, notes)

    # 7. Values: baseline, target and change, from the numbers with roles.
    unit_of = scale_values(tokens, notes)
    picked = pick_tokens(tokens, ranges, verb.kind, notes)
    _, target_tok, change_tok, range_pair = picked
    verb_sign = which_way(verb.kind, cues.noun_change)
    values = read_values(picked, unit_of, verb, verb_sign, low, s)
    baseline, target, unit, relative, absolute, r.change_words = values
    r.milestone = find_milestone(tokens, verb.kind, cues.act_participle, verb.words_after, words)

    # 8. The metric.
    metric = name_metric(words, low, masked, tokens, verb, picked)
    metric_words = metric.split("_") if metric is not None else []

    # 9. The unit.
    unit, baseline, target = settle_unit(
        unit, metric, metric_words, picked, unit_of, baseline, target, absolute, notes
    )

    # 10. Direction.
    lower_better = _lower_is_better(metric_words, unit)
    if target_tok is not None and target_tok.share:
        # "80% of tickets resolved": a share grows unless it counts something bad.
        lower_better = bool(set(metric_words) & _BAD_SHARES)
    if r.verb_class == POLAR or (r.verb_base in ("speed up",)):
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
        if r.verb_class in (KPI,) or (verb_sign == 0 and r.verb_class != ACT):
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
            r.verb_class == KPI
            or (r.verb_class in (None, REACH, BE) and r.ongoing)
            or (r.verb_class is None and (r.level or r.kpi_prefix))
        ):
            direction = "stay_below" if lower_better else "stay_above"
        elif unit == "rank":
            direction = "stay_below"
        elif r.verb_class == ACT:
            direction = "increase"
        else:
            direction = "decrease" if lower_better else "increase"
        if r.verb_class == KPI and is_above:
            direction = "stay_above"
        elif r.verb_class == KPI and (is_below or r.verb_base in ("limit", "cap", "contain")):
            direction = "stay_below"
    elif (change := relative if relative is not None else absolute) is not None:
        direction = "increase" if change > 0 else "decrease" if change < 0 else None
    elif r.verb_class == ACT or r.act_participle or r.milestone:
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
