"""The label of a reading (key_result, activity, kpi or unmeasurable) and why."""

from __future__ import annotations

from .reading import _Reading
from .text import HAS_ALNUM
from .verbs import ACT, BE, DOWN, KPI, POLAR, REACH, UP


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
        if not HAS_ALNUM.search(p.text):
            return "unmeasurable", "The statement is empty, so there is nothing to measure."
    if kind == ACT:
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
    if kind == KPI:
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
    if kind in (UP, DOWN, POLAR):
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
    if kind in (REACH, BE):
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
