"""Tests of each step of the statement reader (okr_toolkit/statements/), one at a time.

``tests/test_statements.py`` tests what the reader makes of whole statements and
``tests/test_statements_snapshot.py`` that 16,599 recorded readings stay the same;
this file tests the named steps the reading is made of, each on its own inputs, in
the order the pipeline runs them, and the package's layout.
"""

from __future__ import annotations

import okr_toolkit.statements as statements

# --------------------------------------------------------------------------------------
# The package


def test_the_package_exports_what_the_module_did() -> None:
    assert statements.__all__ == [
        "LABELS",
        "Classification",
        "ParsedStatement",
        "classify_statement",
        "classify_statements",
        "parse_statement",
    ]
    # Public constants other modules and tests import, and the cache the benchmarks clear.
    for name in ("CACHE_SIZE", "FRAME_COLUMNS", "MAX_CHARS", "READING_FIELDS"):
        assert getattr(statements, name) is not None
    assert callable(statements._classify_cached.cache_clear)
    assert callable(statements._classify_uncached)
