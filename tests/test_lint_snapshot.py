"""The linter's findings on 3,421 recorded inputs are unchanged (scripts/snapshot_lint.py).

The snapshot guards refactors of the linter: every file and seed case and every
tenth random table is checked here (the script's ``--check`` runs them all). A
deliberate change of a finding regenerates it (``--write``) in the same commit,
which says why.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "lint.jsonl.gz"
sys.path.insert(0, str(ROOT / "scripts"))

import snapshot_lint  # noqa: E402


def test_the_snapshot_is_large_enough_to_mean_something() -> None:
    _, recorded = snapshot_lint.load(SNAPSHOT)
    assert len(recorded) >= 3_000
    codes = {row[0] for r in recorded for row in r.get("rows", [])}
    assert len(codes) == 16  # every rule fires somewhere
    assert sum(len(r.get("rows", [])) for r in recorded) >= 40_000


def test_every_recorded_finding_is_unchanged() -> None:
    compared, changed = snapshot_lint.check(SNAPSHOT, every=10)
    assert compared >= 300
    shown = "\n".join(
        f"{case}\n  was {was[:600]}\n  now {now[:600]}" for case, was, now in changed[:3]
    )
    assert not changed, f"{len(changed)} results changed, e.g.\n{shown}"
