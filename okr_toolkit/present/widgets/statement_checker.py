"""StatementChecker: type a key result, see how it is read, classified and linted."""

from __future__ import annotations

import html
from typing import Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import traitlets as t

from okr_toolkit.present import charts
from okr_toolkit.present.widgets._common import labels

__all__ = ["StatementChecker"]


class StatementChecker(w.VBox):
    """Type a key result; see how the toolkit reads it, classifies it and lints it.

    The app is an :class:`ipywidgets.VBox` whose results are traits.

    Parameters
    ----------
    text
        The statement to start with.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    text : ipywidgets.Text
        The statement (read when Enter is pressed or the box loses focus).
    reading, findings : ipywidgets.HTML
        How it is read and classified; what the linter says.

    Traits
    ------
    label : str
        ``"key_result"``, ``"activity"``, ``"kpi"`` or ``"unmeasurable"``
        (:func:`okr_toolkit.classify_statement`).
    reason : str
        Why.
    parsed : dict
        The fields read from the statement (metric, baseline, target, unit, ...).
    lint_findings : list of (code, message)
        The linter's findings (:func:`okr_toolkit.linter.lint_statement`).

    Examples
    --------
    >>> app = StatementChecker("Launch a new support portal")
    >>> app.label
    'activity'
    >>> app.text.value = "Cut sales cycle from 45 to 30 days"
    >>> app.label, app.parsed["baseline"], app.parsed["target"]
    ('key_result', 45.0, 30.0)
    >>> app.result["label"]
    'key_result'
    """

    label = t.Unicode(help="How the statement is classified.")
    reason = t.Unicode(help="Why it is classified so.")
    parsed = t.Dict(help="The fields read from the statement.")
    lint_findings = t.List(t.Tuple(t.Unicode(), t.Unicode()), help="(code, message) per finding.")

    _COLOURS: ClassVar[dict[str, str]] = {
        "key_result": charts.GRADE_COLORS["green"],
        "activity": "#b36b00",
        "kpi": "#3b6ea8",
        "unmeasurable": "#b00020",
    }

    def __init__(self, text: str = "Lift week-1 activation from 42% to 65%", **kwargs: Any) -> None:
        self.text = w.Text(
            value=text,
            description="key result",
            continuous_update=False,
            layout=w.Layout(width="640px"),
            style=labels("80px"),
        )
        self.reading = w.HTML()
        self.findings = w.HTML()
        super().__init__([self.text, self.reading, self.findings], **kwargs)
        self.text.observe(self._update, names="value")
        self._update()

    @property
    def result(self) -> dict[str, Any]:
        """``label``, ``reason``, ``parsed`` and ``findings`` (the :attr:`lint_findings`) as a
        dict (a snapshot of the traits)."""
        return {
            "label": self.label,
            "reason": self.reason,
            "parsed": dict(self.parsed),
            "findings": list(self.lint_findings),
        }

    def _update(self, _change: Any = None) -> None:
        from okr_toolkit.linter import lint_statement
        from okr_toolkit.statements import READING_FIELDS, classify_statement

        verdict = classify_statement(self.text.value)
        parsed = verdict.parsed.to_dict()
        found = lint_statement(self.text.value)

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
        with self.hold_trait_notifications():
            self.label, self.reason, self.parsed = verdict.label, verdict.reason, parsed
            self.lint_findings = [
                (str(code), str(message))
                for code, message in zip(found["code"], found["message"], strict=True)
            ]
