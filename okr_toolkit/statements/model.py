"""A small learned check on the reader's label: a linear model over words and the reader's cues.

The rules of :mod:`okr_toolkit.statements.classify` decide a label from the
governing verb and the numbers' roles. Real statements carry their kind in
more places than the verb: the modal words of a service standard ("should be
resolved within"), the abstract object of an aspiration ("a culture of"), the
team's own output counted ("publish 6"). A multinomial logistic regression over
the statement's words and word pairs and the reader's own cues (its rule label,
verb class, direction, whether a deadline or a change was read) weighs those
places together. It is trained by ``scripts/train_statement_model.py`` on the
labelled corpora in ``datasets/`` with a fixed seed; its weights ship as data
(``label_model.json``), so nothing is downloaded or trained at run time.

The model's label replaces the rule's only when the model is confident
(:data:`MIN_MARGIN`); its reason then quotes the words of the statement that
weighed most.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from .verbs import DOWN, POLAR, UP

if TYPE_CHECKING:
    from .reading import _Reading

__all__ = [
    "MIN_MARGIN",
    "LabelModel",
    "decide",
    "features",
    "is_locked",
    "load_model",
    "reading_cues",
]

#: Verb classes that move a metric.
_CHANGE_VERBS = frozenset({UP, DOWN, POLAR})

#: Probability by which the model's label must beat the rule's label to replace it.
MIN_MARGIN = 0.1

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+(?:[.,][0-9]+)*|[%$€£<>≥≤=+→]")
_STOP = frozenset("a an the of for and or in on to by at our its their with".split())


def _shape(token: str) -> str:
    """A number's shape, so that 6 and 12 weigh alike but 99.9 and 2 do not."""
    whole = token.replace(",", "").split(".")[0]
    return "<dec>" if "." in token or "," in token[-3:-1] else f"<n{min(len(whole), 4)}>"


def features(text: str, cues: Mapping[str, Any]) -> list[str]:
    """The features of a statement: its words, word pairs, first words and the reader's cues.

    Each feature counts as often as it occurs. Word pairs cost about a tenth of the
    reading's time; in grouped cross-validation they are worth about a point of
    accuracy (0.753 with them, 0.742 without, model alone), so they stay. Each of the
    first three words is also crossed with the rules' label (``x:activity|publish``),
    so the model can learn where an opening word overturns the rules (0.740 -> 0.750,
    rules + model).

    Parameters
    ----------
    text
        The statement as written.
    cues
        What the reader found: ``rule`` (its label), ``verb_class``, ``direction``,
        ``unit``, ``deadline``, ``relative_change``, ``parsed``, ``ongoing``, ``level``.

    Examples
    --------
    >>> features("Publish 6 case studies", {"rule": "activity", "verb_class": "act"})[:6]
    ['w:publish', 'w:<n1>', 'w:case', 'w:studies', 'b:publish <n1>', 'b:<n1> case']
    """
    words = [_shape(t) if t[0] in _DIGITS else t for t in _TOKEN.findall(text.lower())]
    out = [f"w:{w}" for w in words if w not in _STOP]
    out += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    if words:
        out.append(f"first:{words[0]}")
        if len(words) > 1:
            out.append(f"first2:{words[0]} {words[1]}")
    get = cues.get
    rule = get("rule") or "-"
    out += [f"x:{rule}|{w}" for w in words[:3] if w.isalpha()]
    for name in _CUE_NAMES:
        out.append(f"{name}:{get(name) or '-'}")
    for name in _HAS_NAMES:
        if get(name) not in (None, ""):
            out.append(f"has:{name}")
    out.append("parsed" if get("parsed") else "unparsed")
    out.append(_LENGTHS[min(len(words) // 4, 6)])
    return out


_DIGITS = frozenset("0123456789")
_CUE_NAMES = ("rule", "verb_class", "verb", "direction", "unit", "level")
_HAS_NAMES = ("deadline", "relative_change", "ongoing")
_LENGTHS = tuple(f"len:{n}" for n in range(7))


def is_locked(r: _Reading, rule: str) -> bool:
    """Whether the rule's label stands whatever the words say: a key result whose change
    verb moves its metric from a baseline to a target, or by a stated change."""
    p = r.parsed
    moves = (p.baseline is not None and p.target is not None) or (
        p.relative_change is not None or p.absolute_change is not None
    )
    # Locking every baseline-to-target reading, verb or not, was tried: it cost a point
    # in grouped cross-validation (0.737 -> 0.727), as published revised standards
    # ("lowered from 5:40 to 5:20") are KPIs.
    return rule == "key_result" and r.verb_class in _CHANGE_VERBS and moves


def reading_cues(r: _Reading, rule: str) -> dict[str, Any]:
    """What the model is told about a reading besides its words: the rule's label ``rule``
    and what the reader found (verb class, direction, unit, level, deadline, change)."""
    p = r.parsed
    change = p.relative_change if p.relative_change is not None else p.absolute_change
    return {
        "rule": rule,
        "verb_class": r.verb_class,
        "verb": r.verb_base,
        "direction": p.direction,
        "unit": p.unit,
        "level": r.level,
        "deadline": p.deadline,
        "relative_change": change,
        "ongoing": r.ongoing,
        "parsed": p.parsed,
    }


@dataclass(frozen=True)
class LabelModel:
    """Weights of a multinomial logistic regression: one row of ``len(labels)`` per feature."""

    labels: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    bias: tuple[float, ...]
    # Per label, how far each word feature pushes towards it against the strongest
    # other label, built once so that :meth:`strongest` is a few lookups.
    _pushes: tuple[dict[str, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.labels)
        pushes: tuple[dict[str, float], ...] = tuple({} for _ in range(n))
        for f, row in self.weights.items():
            # Only whole words are quoted in a reason: no number shapes, no "q" of "q3".
            words = f.startswith(("w:", "b:")) and all(
                len(w) > 1 and w.isalpha() for w in f[2:].split()
            )
            for i in range(n if words else 0):
                push = row[i] - max(w for j, w in enumerate(row) if j != i)
                if push > 0:
                    pushes[i][f] = push
        object.__setattr__(self, "_pushes", pushes)

    def scores(self, feats: Iterable[str]) -> list[float]:
        """The linear score of each label."""
        rows = list(filter(None, map(self.weights.get, feats)))
        rows.append(self.bias)
        return list(map(sum, zip(*rows, strict=True)))

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """The probability of each label (softmax of :meth:`scores`)."""
        s = self.scores(feats)
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return {label: v / z for label, v in zip(self.labels, e, strict=True)}

    def strongest(self, feats: Iterable[str], label: str, n: int = 2) -> list[str]:
        """The word features that pushed most towards ``label`` (against the others)."""
        pushes = self._pushes[self.labels.index(label)]
        found = {f: pushes[f] for f in feats if f in pushes}
        top = heapq.nlargest(n, found.items(), key=lambda item: (item[1], item[0]))
        return [f.split(":", 1)[1] for f, _ in top]

    def to_json(self) -> str:
        """The weights as JSON (sorted, rounded), the form the package ships."""
        data = {
            "labels": list(self.labels),
            "bias": [round(b, 5) for b in self.bias],
            "weights": {f: [round(w, 5) for w in row] for f, row in sorted(self.weights.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LabelModel:
        data = json.loads(text)
        return cls(
            labels=tuple(data["labels"]),
            weights={f: tuple(row) for f, row in data["weights"].items()},
            bias=tuple(data["bias"]),
        )


@functools.cache
def load_model() -> LabelModel | None:
    """The shipped model, or None when the package carries none (the rules decide alone)."""
    try:
        text = (resources.files("okr_toolkit.statements") / "label_model.json").read_text(
            encoding="utf-8"
        )
    except FileNotFoundError:
        return None
    return LabelModel.from_json(text)


#: What a label needs from the reading: a KPI and a key result need a number read.
_NEEDS_NUMBER = frozenset({"kpi", "key_result"})


def decide(
    model: LabelModel | None,
    feats: list[str],
    rule: tuple[str, str],
    *,
    has_number: bool,
    numbers: str,
    metric: str,
    locked: bool = False,
) -> tuple[str, str]:
    """The label and reason: the rule's, unless the model is confident of another.

    The model's label must beat the rule's by :data:`MIN_MARGIN` in probability,
    and a KPI or key result needs a number the reader read; the reason then
    quotes the words that weighed most. A ``locked`` reading (:func:`is_locked`:
    a change verb moving a metric from a baseline to a target, or by a stated
    change) keeps the rule's label: words cannot outweigh that.

    Examples
    --------
    >>> decide(None, [], ("activity", "why"), has_number=True, numbers="6", metric="x")
    ('activity', 'why')
    """
    if model is None or locked:
        return rule
    probs = model.probabilities(feats)
    rule_label, _ = rule
    best = max(
        (label for label in model.labels if has_number or label not in _NEEDS_NUMBER),
        key=probs.__getitem__,
    )
    if best == rule_label or probs[best] - probs.get(rule_label, 0.0) < MIN_MARGIN:
        return rule
    cue = " ... ".join(model.strongest(feats, best)) or "the wording"
    return best, _REASONS[best](cue, numbers, metric)


def _kpi_reason(cue: str, numbers: str, metric: str) -> str:
    return (
        f'"{cue}" describes a standard held over time: {metric} at "{numbers}" is a threshold '
        "to defend, not a change to make."
    )


def _kr_reason(cue: str, numbers: str, metric: str) -> str:
    return f'"{cue}" with "{numbers}" sets an outcome to reach for {metric}.'


def _activity_reason(cue: str, numbers: str, metric: str) -> str:
    if numbers:
        return (
            f'"{cue}" names work the team does or delivers; "{numbers}" counts that output, '
            "not an outcome it produces."
        )
    return f'"{cue}" names a task or deliverable to finish, not an outcome to measure.'


def _aim_reason(cue: str, numbers: str, metric: str) -> str:
    return f'"{cue}" states an aim with no metric or deliverable to check, so it cannot be scored.'


_REASONS = {
    "kpi": _kpi_reason,
    "key_result": _kr_reason,
    "activity": _activity_reason,
    "unmeasurable": _aim_reason,
}
