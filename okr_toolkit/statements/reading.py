"""The reading of one statement: every step, in order."""

from __future__ import annotations

from .clauses import split_clauses
from .cues import (
    NO_CUES,
    find_milestone,
    find_ongoing,
    holds_a_level,
    metric_first_cues,
    stated_level,
)
from .deadlines import find_deadlines
from .direction import (
    apply_polar,
    caution_notes,
    choose_direction,
    metric_polarity,
    named_bound,
    read_range,
)
from .metric import name_metric
from .numbers import Token, drop_words_written_twice, read_numbers
from .objects import (
    settle_object_verb,
)
from .pairs import inherit_units, mark_conditions, mark_leading_conditions, pair_tokens
from .results import ParsedStatement, _empty, _new_parsed, _replace_text
from .roles import assign_roles, read_context
from .text import HAS_ALNUM, clean_text, split_words
from .units import settle_unit
from .values import pick_tokens, read_values, scale_values, which_way
from .verbs import (
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
    s = drop_words_written_twice(s)
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
    notes.extend(t.convention for t in tokens if t.convention is not None)
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
    role_cues = assign_roles(tokens, verb.kind)
    mark_leading_conditions(tokens, masked, notes)
    mark_conditions(tokens, has_share, notes, masked)
    ranges = pair_tokens(tokens)
    inherit_units(tokens, ranges, notes)

    # 7. Values: baseline, target and change, from the numbers with roles.
    unit_of = scale_values(tokens, notes)
    picked = pick_tokens(tokens, ranges, verb.kind, notes)
    verb_sign = which_way(verb.kind, cues.noun_change)
    values = read_values(picked, unit_of, verb, verb_sign, low, s)
    if values.target == 0.0 and picked.target is None and values.change_words:
        notes.append(f"read '{values.change_words}' as a target of 0")
    r.milestone = find_milestone(tokens, verb.kind, cues.act_participle, verb.words_after, words)

    # 8. The metric.
    metric = name_metric(words, low, masked, tokens, verb, picked)
    metric_words = metric.split("_") if metric is not None else []

    # 9. The unit.
    values = settle_unit(values, metric, metric_words, picked, unit_of, notes)
    # 10. Direction.
    # The verb and the words after the target say what a share counts ("resolve 90% of ...").
    after = f"{verb.base or ''} {masked[picked.target.end :]}" if picked.target is not None else ""
    lower_better = metric_polarity(metric_words, values.unit, picked.target, after)
    values, verb_sign = apply_polar(
        values, verb, lower_better, picked.change, unit_of, verb_sign, notes
    )
    target_tok = picked.target
    if target_tok is not None and not (target_tok.above or target_tok.below):
        target_tok.above, target_tok.below = named_bound(metric_words)
    above = target_tok is not None and target_tok.above
    below = target_tok is not None and target_tok.below
    r.level = stated_level(verb.kind, values, r.deadline, role_cues, above, below, metric_words)
    values, above, below = read_range(values, picked, verb.kind, verb_sign, lower_better, notes)
    direction = choose_direction(
        values,
        verb,
        verb_sign,
        above=above,
        below=below,
        lower_better=lower_better,
        holds=holds_a_level(verb.kind, r.ongoing, r.level, r.kpi_prefix),
        milestone=bool(cues.act_participle or r.milestone),
        notes=notes,
    )
    caution_notes(values, picked.change, unit_of, metric_words, r.ongoing, verb.kind, notes)
    baseline, target, unit, relative, absolute, r.change_words = values

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
