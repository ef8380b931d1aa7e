"""Many Gaussian walks at once: the end values (and paths) of a simulation.

Paths are simulated all at once with numpy (one ``weeks x paths`` block of
standard normal draws, summed or cumulatively summed over weeks), in chunks
that bound memory and advance the progress bar; the only Python loop is over
chunks. Draws are float32 (seven significant digits, far finer than any Monte
Carlo error, and faster to generate); sums and paths are float64.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from okr_toolkit.scenarios.progress import Progress

__all__ = ["walk_end"]

#: Normal draws per chunk: bounds memory (8 bytes each) and paces the progress bar.
_CHUNK_DRAWS = 2_000_000
#: Above this many draws a run shows a progress bar unless ``progress=False``.
_AUTO_PROGRESS_DRAWS = 50_000_000


def _chunks(paths: int, weeks: int) -> Iterator[int]:
    rows = max(1, _CHUNK_DRAWS // max(weeks, 1))
    for start in range(0, paths, rows):
        yield min(rows, paths - start)


def walk_end(
    current: float,
    drift: float,
    vol: float,
    weeks: int,
    paths: int,
    gen: np.random.Generator,
    progress: bool | None,
    keep_paths: bool,
) -> tuple[np.ndarray, np.ndarray | None]:
    """End values (and optionally whole paths) of ``paths`` Gaussian walks."""
    if weeks == 0 or vol == 0.0:
        end = np.full(paths, current + drift * weeks)
        kept = None
        if keep_paths:
            kept = np.broadcast_to(current + drift * np.arange(1, weeks + 1), (paths, weeks)).copy()
        return end, kept
    draws = paths * weeks
    show = bool(progress) if progress is not None else draws > _AUTO_PROGRESS_DRAWS
    bar = Progress(paths, "simulating paths", enabled=show)
    end = np.empty(paths)
    kept = np.empty((paths, weeks)) if keep_paths else None
    steps = current + drift * np.arange(1, weeks + 1)
    # Draws laid out weeks x paths: summing over weeks then adds contiguous rows,
    # several times faster than reducing short rows of a paths x weeks array.
    # Draws are float32 (7 significant digits, far finer than any Monte Carlo
    # error) and twice as fast to generate; sums and paths are float64.
    buffer = np.empty(weeks * min(paths, max(1, _CHUNK_DRAWS // weeks)), dtype=np.float32)
    at = 0
    try:
        for rows in _chunks(paths, weeks):
            eps = buffer[: weeks * rows].reshape(weeks, rows)  # contiguous, for out=
            gen.standard_normal(dtype=np.float32, out=eps)
            if kept is not None:
                walk = np.cumsum(eps, axis=0, dtype=np.float64)
                kept[at : at + rows] = walk.T * vol + steps
                end[at : at + rows] = kept[at : at + rows, -1]
            else:
                total = eps.sum(axis=0, dtype=np.float64)
                total *= vol
                total += steps[-1]
                end[at : at + rows] = total
            at += rows
            bar.update(rows)
    finally:
        bar.close()
    return end, kept
