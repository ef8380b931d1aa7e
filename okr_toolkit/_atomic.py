"""Writing files so that a failure never leaves a half-written one behind.

Every file the toolkit writes (reports, charts, OKR files, plans, starters)
goes to a temporary file in the target's folder first and is then moved into
place in one step (``os.replace``), so readers see the old file or the new one,
never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_all_atomic", "write_atomic"]


def _temporary_copy(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``path``; returns its name."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    With ``overwrite=False`` an existing file is never replaced, even one that
    appears between a caller's check and the write: :class:`FileExistsError`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_atomic(Path(folder) / "a.txt", b"hello")
    ...     out.read_bytes(), sorted(p.name for p in Path(folder).iterdir())
    (b'hello', ['a.txt'])
    """
    out = Path(path)
    tmp = _temporary_copy(out, data)
    try:
        if overwrite:
            os.replace(tmp, out)
            return out
        try:
            os.link(tmp, out)  # fails if the file exists: no clobbering
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            if out.exists():
                raise FileExistsError(out) from None
            os.replace(tmp, out)
            return out
        os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return out


def write_all_atomic(outputs: Mapping[Path, bytes]) -> None:
    """Write several files: every one to a temporary name first, then all moved into place.

    An empty ``bytes`` value removes that file instead (a stale companion file).
    If any temporary file cannot be written, none of the targets is touched.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for target, data in outputs.items():
            if data:
                temps.append((_temporary_copy(target, data), target))
        for tmp, target in temps:
            os.replace(tmp, target)
        for target, data in outputs.items():
            if not data:
                target.unlink(missing_ok=True)
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                if os.path.exists(tmp):
                    os.unlink(tmp)
