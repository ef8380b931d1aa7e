"""Writing files so that a failure never leaves a half-written one behind.

Every file the toolkit writes (reports, charts, OKR files, plans, starters)
goes to a temporary file in the target's folder first and is then moved into
place in one step (``os.replace``), so readers see the old file or the new one,
never a mix.

A replaced file keeps its permission bits (a private ``0600`` file stays
private; a ``0640`` one stays readable by its group), and its owner where the
writer may keep it; a new file gets ``0666`` less the umask, as from any
program.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_all_atomic", "write_atomic"]

#: Open flags of a temporary file: created here and now, never an existing one.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new, empty file ``.NAME.XXXXXXXX.tmp`` in ``folder``: its descriptor and path.

    It is created with mode ``0o666``, which the system reduces by the umask
    (and a folder's default ACL), exactly as for any new file a program writes.
    """
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")  # pragma: no cover


def _keep_owner_and_mode(tmp: str, existing: os.stat_result) -> None:
    """Give ``tmp`` the permission bits (and, where allowed, owner) of the file it replaces."""
    if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != _owner(tmp):
        # Only root may give a file away, and a user only to a group they are in;
        # otherwise the replacement is the writer's, as any new file would be.
        with contextlib.suppress(OSError):
            os.chown(tmp, existing.st_uid, existing.st_gid)
    os.chmod(tmp, stat.S_IMODE(existing.st_mode))  # after chown, which may clear set-id bits


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _temporary_copy(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``path``; returns its name.

    The temporary file already has the permissions the target should end with:
    those of the file it replaces (a private ``0600`` file stays private), or,
    for a new file, ``0666`` less the umask, like any file a program creates.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        existing: os.stat_result | None = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        existing = None
    fd, tmp = _create_temporary(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None and stat.S_ISREG(existing.st_mode):
                _keep_owner_and_mode(tmp, existing)  # before any byte is written
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    With ``overwrite=False`` an existing file is never replaced, even one that
    appears between a caller's check and the write: :class:`FileExistsError`.
    A replaced file keeps its permission bits; a new one honours the umask.

    Parameters
    ----------
    path : str or Path
        The file to write.
    data : bytes
        Its whole new content.
    overwrite : bool, default True
        Whether an existing file may be replaced.

    Returns
    -------
    Path
        ``path``.

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
    Permissions are kept or set as by :func:`write_atomic`.

    Parameters
    ----------
    outputs : Mapping[Path, bytes]
        Each target file and its new content (``b""``: remove the file).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     a, b = Path(folder) / "a.csv", Path(folder) / "a.kpis.csv"
    ...     write_all_atomic({a: b"x\\n1\\n", b: b"kpi\\n"})
    ...     write_all_atomic({a: b"x\\n2\\n", b: b""})
    ...     sorted(p.name for p in Path(folder).iterdir()), a.read_bytes()
    (['a.csv'], b'x\\n2\\n')
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
