"""StatementChecker: type a key result, see how it is read, classified and linted."""

from __future__ import annotations

import html
from typing import Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints

from .. import charts

__all__ = ["StatementChecker"]


class StatementChecker:
    """Type a key result; see how the toolkit reads it, classifies it and lints it.

    Parameters
    ----------
    text
        The statement to start with.

    Attributes
    ----------
    widget : ipywidgets.VBox
    result : dict
        ``label``, ``reason``, ``parsed`` (dict of the parsed fields) and
        ``findings`` (list of ``(code, message)``) after the last update.

    Examples
    --------
    >>> app = StatementChecker("Launch a new support portal")
    >>> app.result["label"]
    'activity'
    >>> app.text.value = "Cut sales cycle from 45 to 30 days"
    >>> app.result["label"], app.result["parsed"]["baseline"], app.result["parsed"]["target"]
    ('key_result', 45.0, 30.0)
    """

    _COLOURS: ClassVar[dict[str, str]] = {
        "key_result": charts.GRADE_COLORS["green"],
        "activity": "#b36b00",
        "kpi": "#3b6ea8",
        "unmeasurable": "#b00020",
    }

    def __init__(self, text: str = "Lift week-1 activation from 42% to 65%") -> None:
        self.text = w.Text(
            value=text,
            description="key result",
            continuous_update=False,
            layout=w.Layout(width="640px"),
            style={"description_width": "80px"},
        )
        self.reading = w.HTML()
        self.findings = w.HTML()
        self.text.observe(self._update, names="value")
        self.widget = w.VBox([self.text, self.reading, self.findings])
        self.result: dict[str, Any] = {}
        self._update()

    def _update(self, _change: Any = None) -> None:
        from ..lint import lint_statement
        from ..statements import READING_FIELDS, classify_statement

        verdict = classify_statement(self.text.value)
        parsed = verdict.parsed.to_dict()
        found = lint_statement(self.text.value)
        self.result = {
            "label": verdict.label,
            "reason": verdict.reason,
            "parsed": parsed,
            "findings": list(zip(found["code"], found["message"], strict=True)),
        }

        cells = "".join(
            f"<tr><td style='padding-right:1em'>{name}</td>"
            f"<td><code>{html.escape(str(parsed.get(name)))}</code></td></tr>"
            for name in READING_FIELDS
            if parsed.get(name) is not None
        )
        colour = self._COLOURS.get(verdict.label, "#333")
        self.reading.value = (
            f"<p><b style='color:{colour};font-size:1.15em'>{verdict.label.replace('_', ' ')}"
            f"</b> &mdash; {html.escape(verdict.reason)}</p>"
            + (f"<table>{cells}</table>" if cells else "<p><i>no numbers read</i></p>")
        )
        if found.empty:
            self.findings.value = "<p>Linter: no findings.</p>"
        else:
            items = "".join(
                f"<li><b>{f.code}</b> {html.escape(str(f.severity))}: "
                f"{html.escape(str(f.message))}<br><i>fix:</i> {html.escape(str(f.fix))}</li>"
                for f in found.itertuples(index=False)
            )
            self.findings.value = f"<p>Linter:</p><ul>{items}</ul>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
