"""Record what the statement reader makes of many thousand statements, to compare later.

A refactor of ``okr_toolkit.statements`` must leave every reading unchanged. This
script builds a fixed, deterministic set of inputs (the labelled corpus, the
held-out set, the statements the linter's tests use, and systematic variations of
them: other numbers, units, deadlines, prefixes, casing, punctuation, two clauses
joined) and writes each one's full reading (label, reason, every parsed field and
note) as one JSON line to a gzip file.

    python scripts/snapshot_statements.py --write tests/snapshots/statements.jsonl.gz
    python scripts/snapshot_statements.py --check tests/snapshots/statements.jsonl.gz

``--check`` prints the first differences and exits 1 when any reading changed.
``tests/test_statements_snapshot.py`` runs the check in the test suite. When the
reader is changed on purpose (a better reading), regenerate the file with
``--write`` and say in the commit which readings changed and why.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026

PREFIXES = ("", "By Q3, ", "This quarter: ", "Goal - ", "KR1: ", "1. ", "We will ", "Team to ")
SUFFIXES = (
    "",
    " by end of Q2",
    " by 2027",
    " this quarter",
    " in H2",
    " by June 30",
    " (stretch)",
    " for enterprise accounts",
    ".",
)
UNITS = ("%", " days", " hours", " minutes", " ms", " points", "x", " customers", "")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _base_statements() -> list[str]:
    texts: list[str] = []
    for path in (ROOT / "datasets" / "statements.csv", ROOT / "tests" / "statements_holdout.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                texts.append(row.get("statement") or row.get("text") or "")
    # Statements quoted in the tests and datasets (KR sentences in YAML/CSV fixtures).
    quoted = re.compile(r"statement:\s*['\"]?([^'\"\n#]{8,160})")
    for folder in ("datasets", "tests/bad_files"):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            texts += [m.strip() for m in quoted.findall(path.read_text(errors="replace"))]
    # Sentences the reader's and the linter's own tests use.
    sentence = re.compile(r'"([A-Z][A-Za-z0-9 ,.%$€£:;()\'/+-]{10,160})"')
    for name in ("test_statements.py", "test_lint.py", "test_convert.py"):
        texts += sentence.findall((ROOT / "tests" / name).read_text(encoding="utf-8"))
    seen: dict[str, None] = {}
    for text in texts:
        if text.strip():
            seen.setdefault(text.strip(), None)
    return list(seen)


def _variants(text: str, rng: random.Random) -> Iterator[str]:
    yield text
    yield text.lower()
    yield text.upper()
    yield text.rstrip(".") + "."
    for prefix in rng.sample(PREFIXES, 3):
        yield prefix + text
    for suffix in rng.sample(SUFFIXES, 3):
        yield text + suffix
    numbers = NUMBER.findall(text)
    if numbers:
        for _ in range(4):
            yield NUMBER.sub(lambda m: str(rng.choice([0, 1, 3, 12, 45, 99, 1500, 2.5])), text)
        for unit in rng.sample(UNITS, 3):
            yield NUMBER.sub(lambda m, u=unit: m.group(0) + u, text, count=1)
        yield NUMBER.sub(lambda m: m.group(0).replace(".", ","), text)
        yield text.replace("%", " percent")
    words = text.split()
    if len(words) > 3:
        i = rng.randrange(1, len(words))
        yield " ".join(words[:i] + words[i + 1 :])
        yield " ".join([*words[:i], "and", *words[i:]])


def inputs() -> list[str]:
    """The fixed list of statements to read (deterministic, over 16,000)."""
    rng = random.Random(SEED)
    base = _base_statements()
    seen: dict[str, None] = {}
    for text in base:
        for variant in _variants(text, rng):
            seen.setdefault(variant, None)
    # Two statements joined, as clients write compound KRs.
    for _ in range(4000):
        a, b = rng.sample(base, 2)
        seen.setdefault(f"{a.rstrip('.')} and {b[:1].lower()}{b[1:]}", None)
        seen.setdefault(f"{a.rstrip('.')}; {b}", None)
    return list(seen)


def readings(texts: list[str]) -> Iterator[dict[str, object]]:
    from okr_toolkit.statements import classify_statement

    for text in texts:
        yield {"input": text, **classify_statement(text).to_dict()}


def _dump(record: dict[str, object]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)


def write(path: Path) -> int:
    texts = inputs()
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        for record in readings(texts):
            handle.write(_dump(record) + "\n")
    return len(texts)


def check(path: Path, show: int = 10) -> list[tuple[str, str, str]]:
    """Differences between the recorded readings and today's, as (input, was, now)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        recorded = [json.loads(line) for line in handle]
    # The inputs are the recorded ones: editing the corpus or the tests later
    # does not move the snapshot.
    texts = [r["input"] for r in recorded]
    changed = []
    for was, now in zip(recorded, readings(texts), strict=True):
        if _dump(was) != _dump(now):
            changed.append((was["input"], _dump(was), _dump(now)))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE")
    action.add_argument("--check", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    if args.write:
        print(f"{write(args.write)} readings written to {args.write}")
        return 0
    changed = check(args.check)
    for text, was, now in changed[: int(os.environ.get("OKR_SNAPSHOT_SHOW", "10"))]:
        print(f"changed: {text!r}\n  was {was}\n  now {now}")
    print(f"{len(changed)} readings changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
