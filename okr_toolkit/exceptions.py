"""The one error type for bad user data."""

from __future__ import annotations

__all__ = ["OKRDataError"]


class OKRDataError(ValueError):
    """Raised when user data cannot be scored or read as given.

    The message always says *where* the problem is (key result, row, column,
    file) and *how to fix it*, so it can be shown to a user as it is.

    Examples
    --------
    >>> raise OKRDataError("key result 'KR1': target 42 equals baseline 42")
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: key result 'KR1': target 42 equals baseline 42
    """
