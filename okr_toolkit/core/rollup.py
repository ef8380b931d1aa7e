"""Rolling Key Result scores up to objectives, and up an alignment tree.

Three roll-up rules, so the choice can be compared:

``"weighted_mean"`` (default)
    sum(weight * score) / sum(weight); equal weights when there is no weight
    column. The usual OKR convention [design].
``"mean"``
    the plain mean, ignoring weights.
``"weakest_link"``
    the lowest KR score: an objective is only as far along as its weakest
    result. Harsh, but honest when every KR is necessary.

In an alignment tree (company -> team -> person, linked by ``parent_id``), an
objective's score combines its own KRs with the scores of the objectives
aligned under it. A KR's weight is relative to its objective's other KRs, so
60/40, 0.6/0.4 and 3/2 mean the same: the KRs' weights are scaled to a mean
of 1 before they meet the aligned objectives, each of which counts with its
own ``weight`` (1 by default: as much as an average KR). With no weights at
all that is the plain mean of KRs and children together. A KR of weight 0
does not count; an objective whose KRs all weigh 0 is scored by its aligned
objectives alone.
"""

from __future__ import annotations

from typing import Literal, overload

import numpy as np
import pandas as pd

from okr_toolkit._validate import Problems, describe, one_of, require_columns, to_float_array
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import ORIGINS

__all__ = ["ROLLUPS", "bottom_up_share", "compare_rollups", "rollup", "rollup_tree"]

Rollup = Literal["weighted_mean", "mean", "weakest_link"]
ROLLUPS: tuple[Rollup, ...] = ("weighted_mean", "mean", "weakest_link")


def _weights(
    frame: pd.DataFrame, weight: str, labels: np.ndarray | None, noun: str = "key result"
) -> np.ndarray:
    if weight not in frame.columns:
        return np.ones(len(frame))
    w = to_float_array(frame[weight], weight, labels, noun)
    problems = Problems(noun + "s")
    problems.check(
        np.isnan(w) | (w < 0) | np.isinf(w),
        lambda i: f"{describe(labels, i, noun)}: weight {w[i]:g} must be a finite number >= 0",
    )
    problems.raise_if_any()
    return w


def _kr_scores(
    krs: pd.DataFrame, group_col: str, score_col: str, labels: np.ndarray | None
) -> np.ndarray:
    """The KRs' scores as floats, refusing missing or infinite ones and KRs with no objective."""
    s = to_float_array(krs[score_col], score_col, labels)
    problems = Problems()
    problems.check(
        np.isnan(s),
        lambda i: f"{describe(labels, i)}: score is missing (NaN); score it before rolling up",
    )
    problems.check(
        np.isinf(s),
        lambda i: f"{describe(labels, i)}: score is {s[i]:g}; a score must be a finite number",
    )
    problems.check(
        krs[group_col].isna().to_numpy(),
        lambda i: (
            f"{describe(labels, i)}: {group_col} is missing; say which objective it belongs to"
        ),
    )
    problems.raise_if_any()
    return s


def _relative(keys: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weights scaled to a mean of 1 within each key (all-zero groups stay 0)."""
    if not len(w):
        return w
    mean = pd.Series(w).groupby(keys, sort=False).transform("mean").to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(mean > 0, w / mean, 0.0)


def _combine(
    keys: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    method: str,
    what: str,
    *,
    zero_weight: str = "raise",
) -> pd.DataFrame:
    """Group (key, score, weight) triples by key and combine them by ``method``.

    A group whose weights add up to 0 raises (``zero_weight="raise"``) or
    scores NaN (``"nan"``).
    """
    frame = pd.DataFrame({"key": keys, "s": s, "w": w, "ws": s * w})
    grouped = frame.groupby("key", sort=False)
    n = grouped["s"].size()
    if method == "weighted_mean":
        total = grouped["w"].sum()
        zero = total[total <= 0]
        if len(zero) and zero_weight == "raise":
            raise OKRDataError(
                f"{what} {zero.index[0]!r}: its weights add up to 0, so a weighted mean is "
                "undefined; give at least one key result (or aligned objective) a positive weight"
            )
        value = grouped["ws"].sum() / total.where(total > 0)
    elif method == "mean":
        value = grouped["s"].mean()
    else:
        value = grouped["s"].min()
    return pd.DataFrame({"score": value, "n": n})


def rollup(
    krs: pd.DataFrame,
    *,
    group_col: str = "objective_id",
    score_col: str = "score",
    weight_col: str = "weight",
    method: Rollup = "weighted_mean",
) -> pd.DataFrame:
    """Roll KR scores up to one score per objective.

    Parameters
    ----------
    krs
        One row per scored KR (see :func:`~okr_toolkit.core.scoring.score_krs`),
        with the objective each belongs to. Not modified.
    group_col, score_col, weight_col
        Column names: the objective each KR belongs to, its score and its
        weight. The weight column is optional (equal weights when absent).
    method
        One of :data:`ROLLUPS`.

    Returns
    -------
    pandas.DataFrame
        Indexed by objective, in order of first appearance, with columns
        ``score`` and ``n_krs``.

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({"objective_id": ["O1", "O1", "O2"],
    ...                     "score": [0.9, 0.3, 0.5], "weight": [1, 2, 1]})
    >>> rollup(krs)
                  score  n_krs
    objective_id
    O1              0.5      2
    O2              0.5      1
    >>> rollup(krs, method="weakest_link")["score"].tolist()
    [0.3, 0.5]
    """
    one_of(method, ROLLUPS, "method")
    require_columns(krs, [group_col, score_col], "the key results table")
    labels = krs["kr_id"].to_numpy() if "kr_id" in krs.columns else None
    s = _kr_scores(krs, group_col, score_col, labels)
    w = _weights(krs, weight_col, labels)
    out = _combine(krs[group_col].to_numpy(), s, w, method, "objective")
    out.index.name = group_col
    return out.rename(columns={"n": "n_krs"})


def compare_rollups(
    krs: pd.DataFrame,
    *,
    group_col: str = "objective_id",
    score_col: str = "score",
    weight_col: str = "weight",
) -> pd.DataFrame:
    """Every roll-up rule side by side, one column each.

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({"objective_id": ["O1", "O1"], "score": [0.9, 0.3],
    ...                     "weight": [1, 2]})
    >>> compare_rollups(krs)
                  weighted_mean  mean  weakest_link
    objective_id
    O1                      0.5   0.6           0.3
    """
    return pd.DataFrame(
        {
            m: rollup(
                krs, group_col=group_col, score_col=score_col, weight_col=weight_col, method=m
            )["score"]
            for m in ROLLUPS
        }
    )


def _depths(ids: np.ndarray, parents: np.ndarray) -> np.ndarray:
    """Depth of each objective below its root; raises on unknown parents and cycles."""
    position = {key: i for i, key in enumerate(ids)}
    parent_pos = np.array(
        [position.get(p, -2) if not pd.isna(p) else -1 for p in parents], dtype=np.int64
    )
    unknown = np.flatnonzero(parent_pos == -2)
    if len(unknown):
        i = unknown[0]
        raise OKRDataError(
            f"objective {ids[i]!r}: parent_id {parents[i]!r} is not an objective in the table; "
            "fix the id or leave parent_id empty for a top-level objective"
        )
    depth = np.where(parent_pos == -1, 0, -1)
    # Walk one level per pass; a tree of depth d needs d passes, not one per row.
    for _ in range(len(ids) + 1):
        todo = depth < 0
        if not todo.any():
            return depth
        ready = todo & (depth[np.where(parent_pos < 0, 0, parent_pos)] >= 0) & (parent_pos >= 0)
        if not ready.any():
            break
        depth[ready] = depth[parent_pos[ready]] + 1
    stuck = [str(k) for k in ids[depth < 0]]
    raise OKRDataError(
        "the parent links form a cycle through objective(s) "
        f"{', '.join(map(repr, stuck))}; every chain of parent_id must end at a top-level "
        "objective (empty parent_id)"
    )


def rollup_tree(
    objectives: pd.DataFrame,
    krs: pd.DataFrame,
    *,
    id_col: str = "objective_id",
    parent_col: str = "parent_id",
    score_col: str = "score",
    weight_col: str = "weight",
    method: Rollup = "weighted_mean",
) -> pd.DataFrame:
    """Roll scores up an alignment tree, leaves first.

    Parameters
    ----------
    objectives
        One row per objective with ``objective_id`` and ``parent_id`` (empty
        for top-level objectives) and optionally ``weight`` (how much the
        objective counts in its parent's score, default 1). Not modified.
    krs
        One row per scored KR with ``objective_id`` and ``score`` (and
        optionally ``weight``). Not modified.
    id_col, parent_col, score_col, weight_col
        Column names: the objective id (in both tables), its parent, the KR
        score and the weight.
    method
        One of :data:`ROLLUPS`, applied at every level.

    Returns
    -------
    pandas.DataFrame
        ``objectives`` with ``depth``, ``own_score`` (from its own KRs only,
        NaN when it has none), ``n_krs``, ``n_children`` and ``score``.

    Raises
    ------
    OKRDataError
        For duplicate ids, unknown parents, cycles, and objectives with
        neither KRs nor aligned objectives to score them by.

    Examples
    --------
    >>> import pandas as pd
    >>> objectives = pd.DataFrame({"objective_id": ["company", "sales", "ana"],
    ...                            "parent_id": [None, "company", "sales"]})
    >>> krs = pd.DataFrame({"objective_id": ["company", "sales", "ana", "ana"],
    ...                     "score": [0.6, 0.8, 0.4, 1.0]})
    >>> rollup_tree(objectives, krs)[["objective_id", "depth", "own_score", "score"]]
      objective_id  depth  own_score  score
    0      company      0        0.6  0.675
    1        sales      1        0.8  0.750
    2          ana      2        0.7  0.700
    """
    one_of(method, ROLLUPS, "method")
    require_columns(objectives, [id_col], "the objectives table")
    require_columns(krs, [id_col, score_col], "the key results table")
    ids = objectives[id_col].to_numpy()
    missing = pd.isna(ids)
    if missing.any():
        raise OKRDataError(
            f"objective at row {int(np.argmax(missing))}: {id_col} is missing; give every "
            "objective an id"
        )
    dup = pd.Series(ids).duplicated().to_numpy()
    if dup.any():
        raise OKRDataError(
            f"objective id {ids[np.argmax(dup)]!r} appears more than once; ids must be unique"
        )
    parents = _parents(objectives, parent_col, len(ids))
    depth = _depths(ids, parents)
    unknown = ~krs[id_col].isin(ids).to_numpy()
    if unknown.any():
        raise OKRDataError(
            f"key result row {int(np.argmax(unknown))}: {id_col} "
            f"{krs[id_col].to_numpy()[unknown][0]!r} "
            "is not in the objectives table; add the objective or fix the id"
        )
    kr_keys = krs[id_col].to_numpy()
    kr_labels = krs["kr_id"].to_numpy() if "kr_id" in krs.columns else None
    kr_s = _kr_scores(krs, id_col, score_col, kr_labels)
    kr_w = _weights(krs, weight_col, kr_labels)
    kr_w = _relative(kr_keys, kr_w)
    own = _combine(kr_keys, kr_s, kr_w, method, "objective", zero_weight="nan")
    own_score = own["score"].reindex(ids).to_numpy()
    n_krs = own["n"].reindex(ids).fillna(0).astype(int).to_numpy()
    obj_w = _weights(objectives, weight_col, ids, "objective")
    # Each level is combined in one vectorised step: the node's own KRs (with
    # their weights) plus its children's scores (with the children's weights).
    final = np.full(len(ids), np.nan)
    n_children = np.zeros(len(ids), dtype=int)
    position = {key: i for i, key in enumerate(ids)}
    parent_pos = np.array(
        [position.get(p, -1) if not pd.isna(p) else -1 for p in parents], dtype=np.int64
    )
    for d in range(int(depth.max(initial=-1)), -1, -1):
        level = np.flatnonzero(depth == d)
        kr_mask = pd.Series(kr_keys).isin(ids[level]).to_numpy()
        child = np.flatnonzero(depth == d + 1)
        keys = np.concatenate([kr_keys[kr_mask], ids[parent_pos[child]]])
        values = np.concatenate([kr_s[kr_mask], final[child]])
        weights = np.concatenate([kr_w[kr_mask], obj_w[child]])
        combined = _combine(keys, values, weights, method, "objective")
        final[level] = combined["score"].reindex(ids[level]).to_numpy()
        n_children[level] = np.bincount(parent_pos[child], minlength=len(ids))[level]
        empty = level[np.isnan(final[level])]
        if len(empty):
            raise OKRDataError(
                f"objective {ids[empty[0]]!r} has no key results and no aligned objectives, "
                "so it cannot be scored; add a key result or align an objective under it"
            )
    return objectives.assign(
        depth=depth, own_score=own_score, n_krs=n_krs, n_children=n_children, score=final
    )


def _parents(objectives: pd.DataFrame, parent_col: str, n: int) -> np.ndarray:
    """Each objective's parent id; all top-level when the table has no parent column.

    A table without ``parent_col`` but with another column that names parents
    (``parent``, as the OKR file spells it, say) is refused rather than read
    as flat: ignoring it would score every objective as top-level.
    """
    if parent_col in objectives.columns:
        return objectives[parent_col].to_numpy()
    near = [c for c in map(str, objectives.columns) if "parent" in c.lower()]
    if near:
        raise OKRDataError(
            f"the objectives table has no {parent_col!r} column but has {near[0]!r}; "
            f"pass parent_col={near[0]!r} (or rename the column) so the tree is read"
        )
    return np.full(n, None)


@overload
def bottom_up_share(
    objectives: pd.DataFrame, *, origin_col: str = ..., parent_col: str = ..., group_col: None = ...
) -> float: ...
@overload
def bottom_up_share(
    objectives: pd.DataFrame, *, origin_col: str = ..., parent_col: str = ..., group_col: str
) -> pd.Series: ...
def bottom_up_share(
    objectives: pd.DataFrame,
    *,
    origin_col: str = "origin",
    parent_col: str = "parent_id",
    group_col: str | None = None,
) -> float | pd.Series:
    """Share of aligned objectives that were set bottom-up rather than cascaded.

    "OKR vs KPI vs MBO" puts healthy OKRs at about 60% bottom-up and 40% top-down
    (``Settings.bottom_up_share``). Only objectives that support another one
    count: a top-level objective (empty ``parent``) is where the cascade
    starts, so it is neither. Without a ``parent`` column every row counts.

    Parameters
    ----------
    objectives
        One row per objective with an ``origin`` column holding ``"bottom_up"``
        or ``"top_down"`` (see :data:`ORIGINS`). Not modified.
    origin_col, parent_col
        Column names.
    group_col
        Optional column to group by (``"level"``, ``"team"``): one share per group.

    Returns
    -------
    float or pandas.Series
        The share in [0, 1]; a Series named ``bottom_up_share`` when
        ``group_col`` is given, one entry per group that has aligned objectives.

    Raises
    ------
    OKRDataError
        For an origin other than the two known ones, or when no objective
        supports another.

    Examples
    --------
    >>> import pandas as pd
    >>> tree = pd.DataFrame({
    ...     "objective_id": ["company", "sales", "ana", "ben", "cs"],
    ...     "parent_id": [None, "company", "sales", "sales", "company"],
    ...     "level": ["company", "team", "person", "person", "team"],
    ...     "origin": ["top_down", "bottom_up", "top_down", "bottom_up", "bottom_up"]})
    >>> bottom_up_share(tree)
    0.75
    >>> bottom_up_share(tree, group_col="level")
    level
    person    0.5
    team      1.0
    Name: bottom_up_share, dtype: float64
    """
    require_columns(
        objectives, [origin_col] + ([group_col] if group_col is not None else []), "the objectives"
    )
    labels = objectives["objective_id"].to_numpy() if "objective_id" in objectives.columns else None
    values = objectives[origin_col].astype(object).to_numpy()
    known = np.isin(values, ORIGINS)
    problems = Problems("objectives")
    problems.check(
        ~known,
        lambda i: (
            f"{describe(labels, i, 'objective')}: {origin_col} is {values[i]!r}; use 'bottom_up' "
            "(proposed by the team) or 'top_down' (cascaded from above)"
        ),
    )
    problems.raise_if_any()
    if parent_col in objectives.columns:
        parents = objectives[parent_col]
        aligned = (parents.notna() & (parents.astype(str).str.strip() != "")).to_numpy()
    else:
        aligned = np.ones(len(objectives), dtype=bool)
    if not aligned.any():
        raise OKRDataError(
            f"no objective has a {parent_col}, so none was cascaded or proposed under another; "
            "the share counts objectives that support a parent objective"
        )
    bottom_up = pd.Series(values[aligned] == "bottom_up", dtype=float)
    if group_col is None:
        return float(bottom_up.mean())
    groups = objectives[group_col].to_numpy()[aligned]
    share = bottom_up.groupby(groups, sort=True).mean()
    share.index.name = group_col
    return share.rename("bottom_up_share")
