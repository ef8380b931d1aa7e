"""What the apps share: the width of their labels and how a problem is shown."""

from __future__ import annotations

import html

#: The colour of a "Cannot ..." line.
PROBLEM_COLOUR = "#b00020"


def labels(width: str) -> dict[str, str]:
    """The style that gives the descriptions of a column of controls one width."""
    return {"description_width": width}


def problem_html(what: str, error: object) -> str:
    """A line saying what could not be done and why, the message escaped.

    >>> problem_html("Cannot score", "target <b>42</b>")
    "<p style='color:#b00020'><b>Cannot score:</b> target &lt;b&gt;42&lt;/b&gt;</p>"
    """
    return f"<p style='color:{PROBLEM_COLOUR}'><b>{what}:</b> {html.escape(str(error))}</p>"
