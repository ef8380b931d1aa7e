"""Rules on key results and KPIs: a KPI is a line to hold, a key result a change to make.

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR101    kpi-written-as-stretch      warning   a KPI phrased as a stretch target
OKR102    health-metric-in-okr        warning   a KR that holds a level: a dashboard
                                                item inside an OKR
OKR103    kr-at-kpi-threshold         warning   a KR aiming exactly at the KPI's
                                                threshold, with a 100% expectation
OKR108    kr-without-kpi              info      a KR that moves no KPI
OKR205    target-short-of-threshold   error     a KR target that does not beat its
                                                KPI's threshold
========  ==========================  ========  =====================================

OKR101 reads the KPI table's own statements; the others read each key result
beside the KPI it names (``kpi``) and that KPI's threshold (the key result's
``kpi_threshold``, else the KPI table's). OKR205 is numbered with the rules on
how a key result is written (its target) and sits here beside OKR103: both
compare the target with the threshold.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from okr_toolkit.linter.findings import Findings
from okr_toolkit.linter.registry import register
from okr_toolkit.linter.tables import LintTables
from okr_toolkit.statements import classify_statements

#: Nothing to import from here: the module registers its rules in RULES.
__all__: list[str] = []


@register(
    "OKR101",
    "kpi-written-as-stretch",
    "warning",
    source="OKR vs KPI vs MBO, mistake 1",
    fix="write the KPI as the level to hold ('Maintain 99% uptime') and put the stretch in an OKR",
)
def _kpi_written_as_stretch(t: LintTables) -> Iterator[Findings]:
    """A KPI phrased as a stretch target.

    A KPI whose ``statement`` reads as a key result (a change from a baseline to
    a target) rather than a level to hold.
    """
    if t.kpis is None or "statement" not in t.kpis.columns:
        return
    reads = classify_statements(t.kpis["statement"].fillna("").astype(str))
    stretch = t.kpis[(reads["label"].astype(str) == "key_result").to_numpy()]
    yield Findings.kpis(
        list(stretch["kpi"]),
        [
            f"{s!r} is written as a stretch target: a KPI is a realistic line to defend"
            for s in stretch["statement"]
        ],
    )


@register(
    "OKR102",
    "health-metric-in-okr",
    "warning",
    source="OKR vs KPI vs MBO, mistake 2; Enhance KPIs with OKRs",
    fix="move it to the KPI dashboard, or mark it guardrail: true if it is there on purpose",
)
def _health_metric_in_okr(t: LintTables) -> Iterator[Findings]:
    """A KR that holds a level: a dashboard item inside an OKR.

    The statement reads as a KPI ("Maintain NPS above 40") and the key result is
    not marked ``guardrail``.
    """
    yield t.key_results(
        (t.label == "kpi") & ~t.flag("guardrail"),
        "{statement!r} holds a level: that is a KPI health check, not a change. Some teams "
        "keep such a line inside an OKR on purpose, as a guardrail so the stretch is not "
        "bought by breaking it",
    )


@register(
    "OKR103",
    "kr-at-kpi-threshold",
    "warning",
    source="OKR vs KPI vs MBO, mistake 3",
    fix="aim past the threshold so that a 0.6-0.7 score already clears it",
)
def _kr_at_kpi_threshold(t: LintTables) -> Iterator[Findings]:
    """A KR aiming exactly at its KPI's threshold, with a 100% expectation.

    The target (the table's, else the statement's) equals the threshold (the
    key result's ``kpi_threshold``, else its KPI's in the KPI table).
    """
    yield t.key_results(
        t.comparable & np.isclose(t.target, t.threshold),
        "the target {target:,.10g} is the KPI threshold itself: the KR only asks the KPI to "
        "do its job, and a 100% expectation leaves no room to stretch",
        target=t.target,
    )


@register(
    "OKR108",
    "kr-without-kpi",
    "info",
    source="KPI vs OKR — the difference that matters",
    fix="link it to the KPI it moves (add one if needed); if none fits, it may be an activity",
)
def _kr_without_kpi(t: LintTables) -> Iterator[Findings]:
    """A measurable key result that is linked to no KPI."""
    yield t.key_results(
        (t.label == "key_result") & ~t.linked,
        "{statement!r} is linked to no KPI: its baseline and progress are measured nowhere else",
    )


@register(
    "OKR205",
    "target-short-of-threshold",
    "error",
    source="OKR vs KPI vs MBO",
    fix="set the target beyond the threshold (see okr.kpi_to_kr for strategies)",
)
def _target_short_of_threshold(t: LintTables) -> Iterator[Findings]:
    """A KR target that does not beat its KPI's threshold.

    Even a perfect score leaves the KPI on the wrong side of its line: below it
    when higher is better, above it when lower is.
    """
    target, threshold = t.target, t.threshold
    short = np.where(t.goes_down, target > threshold, target < threshold)
    yield t.key_results(
        t.comparable & ~np.isclose(target, threshold) & short,
        "the target {target:,.10g} does not beat the KPI threshold {threshold:,.10g}: even a "
        "perfect score leaves the KPI breached",
        target=target,
        threshold=threshold,
    )
