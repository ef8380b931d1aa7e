"""What tying OKR scores to pay does to the targets people set: an agent model."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from okr_toolkit.scenarios.arguments import EPS, count, generator

__all__ = ["simulate_pay_link"]


def simulate_pay_link(
    n_agents: int = 1000,
    *,
    seed: int | None = 0,
    rng: np.random.Generator | None = None,
    ability_sd: float = 0.3,
    noise_sd: float = 0.2,
    luck_sd: float = 0.15,
    stretch: float = 0.8,
    effort_gain: float = 0.25,
    risk_aversion: float = 2.0,
) -> pd.DataFrame:
    """Agents set their own targets, with and without pay tied to the score.

    The model's assumptions (all stated, all deliberately simple):

    1. Each agent has an ability ``a``: what it delivers over the cycle at
       ordinary effort, lognormal around 10 (log-sd ``ability_sd``). The KR
       scores the outcome from a baseline of 0: ``score = clip(outcome /
       target, 0, 1)``.
    2. The agent knows its ability only with noise: it sees ``a_hat = a *
       exp(N(0, noise_sd))``.
    3. Outcome = ``a * (1 + effort) * exp(N(0, luck_sd))``. Effort rises with
       the stretch the agent set itself and saturates: ``effort = effort_gain
       * min(max(target / a_hat - 1, 0), 1)``. A target below ``a_hat`` earns
       no extra effort.
    4. *Pay-linked*: pay rises with the score, so the agent maximises
       expected pay and, being risk averse, picks a target it will almost
       surely hit: ``target = a_hat * exp(-risk_aversion * sqrt(noise_sd**2 +
       luck_sd**2))``.
    5. *Decoupled*: the score carries no pay, so the agent stretches:
       ``target = a_hat * (1 + stretch)``.
    6. A goal is a *stretch goal* when its target is above the agent's true
       ability (more than ordinary effort delivers).

    The same agents, ability noise and luck are used under both regimes, so
    the difference is the incentive alone.

    Returns
    -------
    pandas.DataFrame
        Rows ``pay_linked`` and ``decoupled``; columns ``mean_outcome``,
        ``mean_target``, ``mean_score``, ``share_stretch``,
        ``share_full_score`` (scores of 1.0).

    Examples
    --------
    >>> print(simulate_pay_link(5000, seed=1).round(2).to_string())
                mean_outcome  mean_target  mean_score  share_stretch  share_full_score
    pay_linked         10.52         6.43        1.00            0.0              0.98
    decoupled          12.63        19.07        0.68            1.0              0.05
    """
    n = count(n_agents, "n_agents", 1)
    for name, val in (("ability_sd", ability_sd), ("noise_sd", noise_sd), ("luck_sd", luck_sd)):
        if not (math.isfinite(val) and val >= 0):
            raise ValueError(f"`{name}` must be a finite number >= 0, got {val}")
    if stretch <= 0:
        raise ValueError(f"`stretch` must be > 0, got {stretch}")
    gen = generator(rng, seed)
    ability = 10.0 * np.exp(ability_sd * gen.standard_normal(n))
    a_hat = ability * np.exp(noise_sd * gen.standard_normal(n))
    luck = np.exp(luck_sd * gen.standard_normal(n))
    cushion = np.exp(-risk_aversion * math.hypot(noise_sd, luck_sd))
    out = {}
    for regime, target in (("pay_linked", a_hat * cushion), ("decoupled", a_hat * (1 + stretch))):
        effort = effort_gain * np.clip(target / a_hat - 1.0, 0.0, 1.0)
        outcome = ability * (1.0 + effort) * luck
        scores = np.clip(outcome / target, 0.0, 1.0)
        out[regime] = {
            "mean_outcome": float(outcome.mean()),
            "mean_target": float(target.mean()),
            "mean_score": float(scores.mean()),
            "share_stretch": float((target > ability).mean()),
            "share_full_score": float((scores >= 1.0 - EPS).mean()),
        }
    return pd.DataFrame.from_dict(out, orient="index")
