"""An input's bytes and text: the size limit, emptiness, UTF-8.

Every reader starts here, whether the input is a file (:func:`read_bytes`) or
data in memory (:func:`checked`), so that all refuse the same things in the
same words.
"""

from __future__ import annotations

from pathlib import Path

from okr_toolkit.io.model import fail

__all__ = ["MAX_FILE_BYTES", "checked", "decode", "read_bytes"]

#: Files larger than this are refused before parsing (20 MB: thousands of OKRs).
MAX_FILE_BYTES = 20 * 1024 * 1024


def _too_big(name: str, size: int, what: str) -> None:
    fail(
        name,
        f"the {what} is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB",
        "split it into one file per team or quarter",
    )


def read_bytes(p: Path) -> bytes:
    """The bytes of the file ``p``, or the one problem that stops reading it."""
    name = str(p)
    try:
        size = p.stat().st_size
        if p.is_dir():
            fail(name, "is a directory, not a file", "give the path of an OKR file")
        if size > MAX_FILE_BYTES:
            _too_big(name, size, "file")
        # At most one byte past the limit: a pipe (/dev/fd/63) has no size to stat.
        with p.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        fail(name, "no such file", "check the path (okr new FILE writes a starter)")
    except OSError as err:
        fail(name, f"cannot be read ({err.strerror or err})")
    return checked(name, raw, "file")


def checked(name: str, raw: bytes, what: str) -> bytes:
    """``raw`` unless it is over the size limit or holds nothing but white space."""
    if len(raw) > MAX_FILE_BYTES:
        fail(
            name,
            f"the {what} is more than {MAX_FILE_BYTES // 1024 // 1024} MB, the limit",
            "split it into one file per team or quarter",
        )
    if not raw.strip():
        fail(name, f"the {what} is empty", "start from the file `okr new FILE` writes")
    return raw


def decode(name: str, raw: bytes) -> str:
    """``raw`` as text (UTF-8, a byte-order mark dropped), or where it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        fail(name, "the file is not UTF-8 text", "save it as UTF-8", line)
    raise AssertionError  # pragma: no cover
