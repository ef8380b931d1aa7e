"""Every reading of 16,599 recorded statements is unchanged (scripts/snapshot_statements.py).

The snapshot guards refactors of the statement reader. A deliberate change of a
reading regenerates it (``--write``) in the same commit, which says why.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "statements.jsonl.gz"
sys.path.insert(0, str(ROOT / "scripts"))

import snapshot_statements  # noqa: E402


def test_the_snapshot_is_large_enough_to_mean_something() -> None:
    import gzip

    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as handle:
        assert sum(1 for _ in handle) >= 16_000


def test_every_recorded_reading_is_unchanged() -> None:
    changed = snapshot_statements.check(SNAPSHOT)
    shown = "\n".join(f"{text!r}\n  was {was}\n  now {now}" for text, was, now in changed[:5])
    assert not changed, f"{len(changed)} readings changed, e.g.\n{shown}"
