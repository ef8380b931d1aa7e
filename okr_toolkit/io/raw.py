"""An input's bytes and text: what may be read, the size limit, emptiness, the encoding.

Every reader starts here, whether the input is a file (:func:`read_bytes`) or
data in memory (:func:`checked`), so that all refuse the same things in the
same words. Reading is bounded: a path is looked at (``stat``) before it is
opened, and only a regular file or a pipe is read; a file is read to at most
one byte past :data:`MAX_FILE_BYTES`; a pipe (``<(...)`` in a shell, a named
pipe) for at most :data:`PIPE_WAIT` seconds without data. A device such as
``/dev/zero``, a folder or a socket is refused without reading.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from okr_toolkit.io.model import fail

__all__ = ["MAX_FILE_BYTES", "PIPE_WAIT", "checked", "decode", "read_bytes"]

#: Files larger than this are refused before parsing (20 MB: thousands of OKRs).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Seconds a pipe may go without a byte (or without a writer) before reading stops.
PIPE_WAIT = 10.0

_SPLIT_FIX = "split it into one file per team or quarter"


def _too_big(name: str, size: int, what: str) -> None:
    fail(
        name,
        f"the {what} is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB",
        _SPLIT_FIX,
    )


def read_bytes(p: Path) -> bytes:
    """The bytes of the file ``p``, or the one problem that stops reading it."""
    name = str(p)
    try:
        info = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            fail(name, "is a link to a file that does not exist", "check where the link points")
        fail(name, "no such file", "check the path (okr new FILE writes a starter)")
    except NotADirectoryError:
        fail(name, "no such file (a part of the path is a file, not a folder)", "check the path")
    except OSError as err:
        fail(name, f"cannot be read ({err.strerror or err})")
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        fail(name, "is a directory, not a file", "give the path of an OKR file")
    try:
        if stat.S_ISREG(mode):
            if info.st_size > MAX_FILE_BYTES:
                _too_big(name, info.st_size, "file")
            with p.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)  # a file may grow while it is read
        elif stat.S_ISFIFO(mode):
            raw = _read_pipe(p)
        else:
            kind = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket"
            fail(
                name,
                f"is not a regular file but {kind}, which is never read",
                "give the path of an OKR file (for standard input, use -)",
            )
    except OSError as err:
        fail(name, f"cannot be read ({err.strerror or err})")
    return checked(name, raw, "file")


def _read_pipe(p: Path) -> bytes:
    """A pipe's bytes, to at most one past the limit; refused when nothing comes.

    The pipe is opened without waiting for a writer (a named pipe nobody writes
    to would block ``open`` for ever) and read as data arrives, until the
    writer closes it; it is given up when no writer appears, or no byte
    arrives, for :data:`PIPE_WAIT` seconds.
    """
    import select

    name = str(p)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(p, flags)
    chunks: list[bytes] = []
    size = 0
    last = time.monotonic()
    try:
        while size <= MAX_FILE_BYTES:
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:  # a writer, but nothing written yet
                waited = time.monotonic() - last
                if waited >= PIPE_WAIT:
                    fail(
                        name,
                        f"nothing arrived through the pipe for {PIPE_WAIT:g} seconds",
                        "check the command that writes to it",
                    )
                select.select([fd], [], [], min(0.5, PIPE_WAIT - waited))
                continue
            if chunk:
                chunks.append(chunk)
                size += len(chunk)
                last = time.monotonic()
                continue
            if chunks:  # the writer closed the pipe: the end
                break
            # No writer yet (a named pipe): wait a little for one to open it.
            if time.monotonic() - last >= PIPE_WAIT:
                fail(
                    name,
                    f"is a named pipe that nothing wrote to in {PIPE_WAIT:g} seconds",
                    "give the path of an OKR file (for standard input, use -)",
                )
            time.sleep(0.05)
    finally:
        os.close(fd)
    return b"".join(chunks)


def checked(name: str, raw: bytes, what: str) -> bytes:
    """``raw`` unless it is over the size limit or holds nothing but white space."""
    if len(raw) > MAX_FILE_BYTES:
        fail(
            name,
            f"the {what} is more than {MAX_FILE_BYTES // 1024 // 1024} MB, the limit",
            _SPLIT_FIX,
        )
    if not raw.strip():
        fail(name, f"the {what} is empty", "start from the file `okr new FILE` writes")
    return raw


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def decode(name: str, raw: bytes) -> str:
    """``raw`` as text, or where it is not UTF-8 and what to do.

    UTF-8 is read with or without a byte-order mark; UTF-16 and UTF-32 with
    theirs (what "Unicode text" in Excel and Notepad saves). UTF-16 without a
    mark, and bytes that are not UTF-8 (latin-1, Windows-1252), are refused at
    their line and column, with the character they would be in Windows-1252.
    """
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as err:
                text = body[: err.start].decode(codec, errors="replace")
                line = text.count("\n") + 1
                fail(
                    name,
                    f"the file starts as {label} text but is not {label} from line {line} on",
                    "save it again as UTF-8",
                    line,
                )
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # UTF-8's byte-order mark
    if _looks_utf16(raw):
        fail(
            name,
            "the file is UTF-16 text without a byte-order mark",
            "save it as UTF-8 (in Excel: CSV UTF-8)",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        bad = raw[err.start : err.end]
        shown = bad.decode("cp1252", errors="replace")
        line_end = raw.find(b"\n", err.start)
        around = raw[line_start : line_end if line_end >= 0 else len(raw)]
        as_latin = around.decode("cp1252", errors="replace").strip()[:60]
        fail(
            name,
            f"the file is not UTF-8 text: byte {' '.join(f'0x{b:02X}' for b in bad)} at column "
            f"{column} (in Windows-1252 or latin-1, {shown!r}: {as_latin!r})",
            "save it as UTF-8 (in Excel: Save As > CSV UTF-8; in an editor: encoding UTF-8)",
            line,
        )
    raise AssertionError  # pragma: no cover


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of the start is zero."""
    head = raw[:200]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > 0.8 * len(odd) and even.count(0) == 0) or (
        even.count(0) > 0.8 * len(even) and odd.count(0) == 0
    )
