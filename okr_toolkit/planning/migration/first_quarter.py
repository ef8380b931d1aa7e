"""The first OKR quarter, drafted from last year's MBO targets."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns, to_float_array
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.migration.config import DEFAULT_MIGRATION_CONFIG
from okr_toolkit.planning.migration.quarters import parse_quarter

__all__ = ["FirstQuarterDraft", "draft_first_quarter"]


class FirstQuarterDraft(NamedTuple):
    """The first quarter's OKRs drafted from MBO targets, and what is left to decide."""

    okrs: pd.DataFrame
    decisions: list[str]


_TARGET_COLUMNS = ("team", "owner", "target", "metric", "annual_value", "baseline", "purpose")


def draft_first_quarter(
    mbo_targets: pd.DataFrame,
    quarter: str | pd.Period,
    *,
    config: Mapping[str, Any] = DEFAULT_MIGRATION_CONFIG,
) -> FirstQuarterDraft:
    """Draft the first quarter's OKRs from last year's MBO targets.

    MBO targets are annual, individual and pay-linked; the draft turns each
    into a team OKR for one quarter:

    * the **objective** comes from the target's ``purpose`` (why it matters),
      one objective per team and purpose;
    * one **quarterly KR** per target: a quarter's share of the way from
      ``baseline`` to ``annual_value``, **linear** (a quarter of the distance),
      a placeholder for the team to raise into a stretch;
    * ``committed`` is True for obligations (regulatory, compliance, audit,
      legal, safety, SLA wording in target, metric or purpose, see
      ``config["committed_words"]``), else the KR is aspirational;
    * ``pay_linked`` is False everywhere: OKR scores never feed pay;
    * a target with ``annual_value == baseline`` holds a level rather than
      changing it; it is left out and listed as a KPI candidate.

    Parameters
    ----------
    mbo_targets
        Columns ``team, owner, target, metric, annual_value, baseline, purpose,
        pay_linked`` (``pay_linked`` optional). Not modified.
    quarter
        The first OKR quarter, ``"2026Q1"`` or ``"Q1 2026"``.
    config
        Conventions, see :data:`DEFAULT_MIGRATION_CONFIG`.

    Returns
    -------
    FirstQuarterDraft
        ``okrs``: columns ``team, quarter, objective, key_result, metric,
        baseline, target, annual_value, committed, kind, owner, pay_linked,
        from_target``; ``decisions``: what a human must still decide.

    Examples
    --------
    >>> mbo = pd.DataFrame({
    ...     "team": ["Sales", "Sales"], "owner": ["Ana", "Ben"],
    ...     "target": ["Grow annual revenue to $12M", "Pass the SOX compliance audit"],
    ...     "metric": ["revenue ($M)", "audit findings open"],
    ...     "annual_value": [12.0, 0.0], "baseline": [8.0, 12.0],
    ...     "purpose": ["fund the expansion into Spain", "stay licensed to trade"],
    ...     "pay_linked": [True, True]})
    >>> okrs, decisions = draft_first_quarter(mbo, "2026Q1")
    >>> okrs["objective"].tolist()
    ['Fund the expansion into Spain', 'Stay licensed to trade']
    >>> print(okrs[["key_result", "committed"]].to_string(index=False))
                                                  key_result  committed
        Move revenue ($M) from 8 to 9 by the end of 2026Q1      False
    Move audit findings open from 12 to 9 by the end of 2026Q1       True
    >>> bool(okrs["pay_linked"].any())
    False
    >>> len(decisions) >= 4
    True
    """
    require_columns(mbo_targets, _TARGET_COLUMNS, "mbo_targets")
    if mbo_targets.empty:
        raise OKRDataError("mbo_targets has no rows; give at least one MBO target to convert")
    label = str(parse_quarter(quarter, "quarter"))
    frame = mbo_targets.reset_index(drop=True)
    labels, annual, base = _numbers(frame)
    hold = annual == base
    decisions = _held_levels(labels[hold], labels, base)
    keep = ~hold
    kept = frame[keep].reset_index(drop=True)
    quarter_target = base[keep] + (annual[keep] - base[keep]) / 4.0
    committed = _committed(kept, config["committed_words"])
    objective, no_purpose = _objectives(kept)
    decisions += _no_purpose(kept["target"][no_purpose])
    okrs = _draft_table(kept, label, objective, base[keep], quarter_target, annual[keep], committed)
    decisions += _open_decisions(frame)
    return FirstQuarterDraft(okrs, decisions)


def _numbers(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each target's text, annual value and baseline; both numbers must be given."""
    labels = frame["target"].astype(str).to_numpy()
    annual = to_float_array(frame["annual_value"], "annual_value", labels, noun="MBO target")
    base = to_float_array(frame["baseline"], "baseline", labels, noun="MBO target")
    bad = ~(np.isfinite(annual) & np.isfinite(base))
    if bad.any():
        names = ", ".join(repr(t) for t in labels[bad][:5])
        raise OKRDataError(
            f"MBO target(s) {names}: annual_value and baseline must both be given as numbers; "
            "fill in the missing value"
        )
    return labels, annual, base


def _held_levels(held: np.ndarray, labels: np.ndarray, base: np.ndarray) -> list[str]:
    """A decision for each target that holds its metric rather than moving it: a KPI?"""
    return [
        f"target {t!r} holds its metric at {base[labels == t][0]:g} rather than moving it: "
        "keep it as a KPI (a threshold to defend), not a key result, or give it a new target"
        for t in held
    ]


def _committed(kept: pd.DataFrame, committed_words: Any) -> np.ndarray:
    """Whether each target is an obligation: its target, metric or purpose uses such a word."""
    text = (
        kept["target"].astype(str)
        + " "
        + kept["metric"].astype(str)
        + " "
        + kept["purpose"].fillna("").astype(str)
    ).str.lower()
    words = "|".join(re.escape(w) for w in committed_words)
    return text.str.contains(rf"\b(?:{words})", regex=True).to_numpy(dtype=bool)


def _objectives(kept: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each target's purpose as an objective (a placeholder where it has none), and where not."""
    purpose = kept["purpose"]
    no_purpose = purpose.isna() | (purpose.astype(str).str.strip() == "")
    objective = purpose.astype(str).str.strip().str.rstrip(".")
    objective = objective.str[:1].str.upper() + objective.str[1:]
    objective = objective.where(
        ~no_purpose, "(write the objective: why does '" + kept["target"].astype(str) + "' matter?)"
    )
    return objective, no_purpose


def _no_purpose(targets: pd.Series) -> list[str]:
    """A decision for each target without a purpose: the objective is still to write."""
    return [
        f"target {t!r} has no purpose: write why it matters; that sentence becomes the objective"
        for t in targets
    ]


def _draft_table(
    kept: pd.DataFrame,
    label: str,
    objective: pd.Series,
    base: np.ndarray,
    quarter_target: np.ndarray,
    annual: np.ndarray,
    committed: np.ndarray,
) -> pd.DataFrame:
    """The drafted OKRs: one quarterly KR per kept target, never linked to pay."""
    metric = kept["metric"].astype(str)
    kr = [
        f"Move {m} from {b:g} to {q:g} by the end of {label}"
        for m, b, q in zip(metric, base, quarter_target, strict=True)
    ]
    return pd.DataFrame(
        {
            "team": kept["team"].to_numpy(),
            "quarter": label,
            "objective": objective.to_numpy(),
            "key_result": kr,
            "metric": metric.to_numpy(),
            "baseline": base,
            "target": quarter_target,
            "annual_value": annual,
            "committed": committed,
            "kind": np.where(committed, "committed", "aspirational"),
            "owner": kept["owner"].to_numpy(),
            "pay_linked": np.zeros(len(kept), dtype=bool),
            "from_target": kept["target"].to_numpy(),
        }
    )


def _open_decisions(frame: pd.DataFrame) -> list[str]:
    """What a human must still decide about every draft, and about pay if targets were linked."""
    n_pay = int(_truthy(frame["pay_linked"]).sum()) if "pay_linked" in frame.columns else 0
    decisions = [
        "stretch level: each KR target is a linear quarter of the way to the annual value; "
        "raise aspirational KRs to a level where 0.6-0.7 counts as success, and keep "
        "committed KRs at what must be delivered",
        "which targets stay KPIs: steady-state targets belong on the KPI dashboard, "
        "not in the OKRs",
        "how reviews will use outcomes: the review draws on observed behaviour and outcomes, "
        "never on OKR scores",
        "ownership: MBO targets were individual; agree which team owns each KR "
        "(the former MBO owner is only a suggestion)",
        "how many objectives to keep: merge or drop until each team has 3-5",
    ]
    if n_pay:
        decisions.append(
            f"pay: {n_pay} target(s) were pay-linked; decide what pay follows now (the MBO "
            "record during the migration year, observed outcomes after) - never the OKR score"
        )
    return decisions


def _truthy(values: pd.Series) -> pd.Series:
    return values.map(
        lambda v: v is True or v is np.True_ or v == 1 or str(v).lower() in ("true", "yes")
    )
