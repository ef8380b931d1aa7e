"""The source articles are cited by title (docs/sources.md), never by seed number."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# "seed" or "seeds", an optional space and three digits, in any case: the old way of
# citing an article by the number of its file outside the repository
SEED_CITATION = re.compile(rb"\bseeds? ?\d{3}\b", re.IGNORECASE)
# The changelog records history, old wording included.
ALLOWED = {"CHANGELOG.md"}


def _tracked_files() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("not a git checkout (e.g. an unpacked sdist)")
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


def test_no_file_cites_a_source_article_by_seed_number() -> None:
    hits = []
    for name in _tracked_files():
        path = REPO / name
        if name in ALLOWED or not path.is_file():
            continue
        data = path.read_bytes()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        for number, line in enumerate(data.splitlines(), 1):
            if SEED_CITATION.search(line):
                hits.append(f"{name}:{number}: {line.decode('utf-8', 'replace').strip()[:120]}")
    assert not hits, (
        "cite the article by its short title (docs/sources.md, datasets/sources.csv), "
        "not by seed number:\n" + "\n".join(hits)
    )
