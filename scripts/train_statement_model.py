"""Train the statement reader's label model and write its weights into the package.

Run: ``.venv/bin/python scripts/train_statement_model.py`` (``--check`` to fail when
the shipped weights differ from what the corpora train to, as the tests do).

The model (:mod:`okr_toolkit.statements.model`) is trained on the labelled
corpora in ``datasets/``: ``statements.csv`` (the project's own lines, grouped by
source article) and ``published_statements.csv`` (statements modelled on published
sources, grouped by source address). The holdout in ``tests/`` is never trained
on. Training is deterministic, so a second run writes the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from okr_toolkit.statements.training import train_label_model

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "okr_toolkit" / "statements" / "label_model.json"


def training_frame(root: Path = ROOT) -> pd.DataFrame:
    """Every labelled statement the model learns from: ``statement``, ``label``, ``group``."""
    own = pd.read_csv(root / "datasets" / "statements.csv", keep_default_na=False)
    frames = [own.assign(group="own: " + own["source"])[["statement", "label", "group"]]]
    real = root / "datasets" / "published_statements.csv"
    if real.exists():
        published = pd.read_csv(real, keep_default_na=False)
        frames.append(
            published.assign(group=published["source_url"])[["statement", "label", "group"]]
        )
    return pd.concat(frames, ignore_index=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    frame = training_frame()
    text = train_label_model(frame).to_json()
    if args.check:
        same = WEIGHTS.exists() and WEIGHTS.read_text(encoding="utf-8") == text
        print(f"{WEIGHTS.name}: {'up to date' if same else 'differs from a fresh training run'}")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)} from {len(frame):,} statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
