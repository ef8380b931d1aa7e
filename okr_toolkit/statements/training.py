"""Training and honest evaluation of the label model (:mod:`okr_toolkit.statements.model`).

:func:`train_label_model` fits the multinomial logistic regression on a labelled
frame (``statement``, ``label``, ``group``), deterministically: the same frame
gives byte-identical weights. :func:`grouped_cross_validation` measures the
reader on statements from sources it was not trained on: the frame's groups
(one per published source) are dealt to folds, so no source is in both the
training and the test part of a fold. A feature is kept only when statements of
at least ``min_groups`` different sources carry it, so that one source's
wording never becomes a rule.

Only numpy is needed; nothing here runs when statements are read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .classify import _label
from .model import LabelModel, decide, features, is_locked, reading_cues
from .reading import _read, _Reading
from .results import LABELS

__all__ = ["Evaluation", "grouped_cross_validation", "reading_features", "train_label_model"]


def reading_features(text: str) -> tuple[list[str], tuple[str, str], _Reading]:
    """The model's features of ``text``, the rules' (label, reason), and the reading."""
    r = _read(text)
    rule = _label(r)
    return features(text, reading_cues(r, rule[0])), rule, r


def _select(rows: Sequence[list[str]], groups: Sequence[Any], min_groups: int) -> list[str]:
    seen: dict[str, set[Any]] = {}
    for feats, group in zip(rows, groups, strict=True):
        for f in set(feats):
            seen.setdefault(f, set()).add(group)
    return sorted(f for f, g in seen.items() if len(g) >= min_groups)


def train_label_model(
    frame: pd.DataFrame,
    *,
    min_groups: int = 2,
    l2: float = 2.0,
    iterations: int = 400,
    rows: Sequence[list[str]] | None = None,
) -> LabelModel:
    """Fit the label model on ``frame`` (``statement``, ``label``, ``group``).

    Full-batch gradient descent with Adam steps on the mean cross-entropy plus
    ``l2 / n`` times the squared weights; no randomness, so the result is
    reproducible to the bit on one machine.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "statement": ["Publish 6 case studies", "Publish 4 guides", "Grow ARR by 30%",
    ...                   "Grow revenue by 10%"],
    ...     "label": ["activity", "activity", "key_result", "key_result"],
    ...     "group": ["a", "b", "a", "b"]})
    >>> model = train_label_model(frame)
    >>> max(model.probabilities(features("Publish 9 posts", {})).items(), key=lambda kv: kv[1])[0]
    'activity'
    """
    texts = frame["statement"].astype(str).tolist()
    feats = list(rows) if rows is not None else [reading_features(t)[0] for t in texts]
    vocab = _select(feats, frame["group"].tolist(), min_groups)
    column = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab)), dtype=np.float64)
    for i, fs in enumerate(feats):
        for f in fs:
            j = column.get(f)
            if j is not None:
                x[i, j] += 1.0  # a feature written twice counts twice, as when scoring
    labels = list(LABELS)
    y = np.zeros((len(texts), len(labels)))
    y[np.arange(len(texts)), [labels.index(v) for v in frame["label"].astype(str)]] = 1.0
    w, b = _fit(x, y, l2=l2, iterations=iterations)
    weights = {f: tuple(float(v) for v in w[j]) for f, j in column.items() if np.any(w[j] != 0)}
    return LabelModel(tuple(labels), weights, tuple(float(v) for v in b))


def _fit(
    x: np.ndarray, y: np.ndarray, *, l2: float, iterations: int
) -> tuple[np.ndarray, np.ndarray]:
    n, d = x.shape
    k = y.shape[1]
    w, b = np.zeros((d, k)), np.zeros(k)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, iterations + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gz = (p - y) / n
        gw = x.T @ gz + (l2 / n) * w
        gb = gz.sum(axis=0)
        for g, m, v, param in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            param -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return w, b


def _fold_of(group: Any, folds: int) -> int:
    """A group's fold, from a hash of its name (stable across runs and machines)."""
    digest = hashlib.sha256(str(group).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


@dataclass(frozen=True)
class Evaluation:
    """What grouped cross-validation found: each statement's label by the rules and by
    the rules with the model, predicted by a model that never saw its source."""

    frame: pd.DataFrame  # statement, label, group, fold, rule, combined

    def accuracy(self, column: str = "combined") -> float:
        return float((self.frame[column] == self.frame["label"]).mean())

    def per_kind(self, column: str = "combined") -> pd.DataFrame:
        """Precision, recall and support of each kind."""
        rows = []
        for kind in LABELS:
            said = self.frame[column] == kind
            truly = self.frame["label"] == kind
            hit = (said & truly).sum()
            rows.append(
                {
                    "kind": kind,
                    "precision": hit / said.sum() if said.sum() else float("nan"),
                    "recall": hit / truly.sum() if truly.sum() else float("nan"),
                    "support": int(truly.sum()),
                }
            )
        return pd.DataFrame(rows).set_index("kind")

    def confusion(self, column: str = "combined") -> pd.DataFrame:
        return pd.crosstab(
            pd.Categorical(self.frame["label"], categories=list(LABELS)),
            pd.Categorical(self.frame[column], categories=list(LABELS)),
            rownames=["labelled"],
            colnames=["read as"],
            dropna=False,
        )


def grouped_cross_validation(frame: pd.DataFrame, *, folds: int = 5, **train: Any) -> Evaluation:
    """Label every statement of ``frame`` with a model trained on the other sources.

    ``frame`` has ``statement``, ``label`` and ``group`` (the source). Each group
    falls in one fold (by a hash of its name); for each fold a model is trained
    on the other folds and decides the fold's statements with the rules.
    """
    texts = frame["statement"].astype(str).tolist()
    read = [reading_features(t) for t in texts]
    feats = [f for f, _, _ in read]
    fold = np.array([_fold_of(g, folds) for g in frame["group"]])
    combined = [""] * len(texts)
    for k in range(folds):
        train_rows = np.flatnonzero(fold != k)
        model = train_label_model(
            frame.iloc[train_rows], rows=[feats[i] for i in train_rows], **train
        )
        for i in np.flatnonzero(fold == k):
            _, rule, r = read[i]
            combined[i] = decide(
                model, feats[i], rule, has_number=r.parsed.parsed, numbers="", metric="",
                locked=is_locked(r, rule[0]),
            )[0]  # fmt: skip
    out = frame[["statement", "label", "group"]].copy()
    out["label"] = out["label"].astype(str)
    out["fold"] = fold
    out["rule"] = [rule[0] for _, rule, _ in read]
    out["combined"] = combined
    return Evaluation(out.reset_index(drop=True))
