"""Reading 3,564 recorded OKR files gives what it gave (scripts/snapshot_okr_files.py).

The snapshot guards refactors of the OKR-file layer: every file under
``datasets/`` and ``tests/bad_files/`` (read from disk and as ``<stdin>``, and
written back out), the schema, the starter file and every tenth generated
variant are checked here (the script's ``--check`` runs them all). A deliberate
change of a result regenerates it (``--write``) in the same commit, which says why.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "okr_files.jsonl.gz"
sys.path.insert(0, str(ROOT / "scripts"))

import snapshot_okr_files  # noqa: E402


def test_the_snapshot_is_large_enough_to_mean_something() -> None:
    _, recorded = snapshot_okr_files.load(SNAPSHOT)
    assert len(recorded) >= 3_500
    variants = [r for r in recorded if r["case"].startswith("variant ")]
    assert len(variants) == snapshot_okr_files.N_VARIANTS
    by_format = Counter(
        (snapshot_okr_files.FORMATS[int(r["case"].split()[1]) % 3], "okrs" in r) for r in variants
    )
    for fmt in snapshot_okr_files.FORMATS:  # good and bad files of every format
        assert by_format[(fmt, True)] >= 200 and by_format[(fmt, False)] >= 500, by_format
    problems = [p for r in recorded for p in r.get("problems", [])]
    assert len(problems) >= 3_000
    assert len({p[1] for p in problems}) >= 1_000  # distinct messages
    assert sum("written" in r for r in variants) >= 150


def test_every_recorded_result_is_unchanged() -> None:
    compared, changed = snapshot_okr_files.check(SNAPSHOT, every=10)
    assert compared >= 800
    shown = "\n".join(
        f"{case}\n  was {was[:600]}\n  now {now[:600]}" for case, was, now in changed[:3]
    )
    assert not changed, f"{len(changed)} results changed, e.g.\n{shown}"
