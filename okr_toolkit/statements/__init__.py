"""Reading OKR statements: what a sentence measures, and what kind of goal it is.

People write key results as sentences ("Cut sales cycle from 45 to 30 days"),
so the toolkit has to read them. :func:`parse_statement` pulls out the metric,
baseline, target, unit, direction, relative change and deadline;
:func:`classify_statement` says whether the line is a ``key_result`` (a
measurable outcome), an ``activity`` (a task or deliverable, even one with a
number), a ``kpi`` (a health threshold to hold) or ``unmeasurable`` (nothing to
score), and why. Both accept any string and never raise on one: what they could
not read is said in ``notes`` or in the reason.

How the text is read
--------------------
The reader is a set of rules, not a model; every rule is written below so a
reader can predict and argue with the result.

* **Numbers** are read with their currency (``$ € £ ¥ ₹`` or ``USD``...), their
  suffix (``k``, ``M``/``m``/``mn``, ``B``/``bn``, ``thousand``, ``million``,
  ``lakh``, ``crore``) and their unit (``%``, points, time units, ``x``,
  ``/5``, stars). ``10,000`` is 10000 and ``$2M`` is 2000000. A lower-case
  ``m`` without a currency means minutes when another number in the line is a
  duration ("from 2h to 45m"), otherwise million. Numbers that name something
  rather than measure it are skipped: ``week-1``, ``30-day``, ``24/7``, ``P1``,
  ``B2B``, ``SOC 2``, ``ISO 27001``, ``1:1``, ``per 1,000``, ordinals, times of
  day, and dates (which become the deadline). Number words ("fifty", "a
  million") are read only when the line has no digits, except "zero".
* **Roles** come from the words around a number: ``from``/``up from``/
  ``currently``/``baseline`` mark the baseline; ``to``, an arrow (``->``,
  ``→``, ``=>``), ``of``, ``at``, ``is``, ``reach``/``hit``/``achieve`` mark the
  target; comparators (``≥ > at least no less than above over more than``,
  ``≤ < at most no more than under below less than within``) and a trailing
  ``+`` or "or more" mark a threshold target; ``by``/``up``/``down`` and a
  signed ``+20%`` mark a change. ``X% of <people>`` is a share and so a target.
* **Changes.** ``by 30%`` is a *relative* change, stored as a signed fraction
  in ``relative_change`` (0.30 for an increase, -0.30 for "reduce by 30%"), as
  are ``20% growth``, ``double`` (1.0), ``triple`` (2.0), ``halve`` (-0.5) and
  ``3x`` after a change verb (2.0). ``by 20 points`` (also ``pp``,
  percentage points, ``bps``) and other changes in units (``by 2 days``,
  ``by $500k``) are *absolute*: they go to ``absolute_change`` in that unit,
  never into ``relative_change``, and ``unit`` names the unit. Baseline and
  target are not invented from a change.
* **Ranges** ("25-30%", "between 100% and 115%"): a change aims at the far end;
  a threshold holds the floor, or the ceiling when the metric is better low.
  A note says which end was read.
* **Two goals in one line** ("cut costs in half while keeping CSAT above
  90%", "...; reduce churn to 4%", "... and reduce CAC by 10%"): the first is
  read and the second set aside with a note; when the first part has no number
  ("Raise retention; reduce churn to 4%"), the second part is read instead.
* **Units** name the unit of baseline and target (or of an absolute change); a
  line with only a relative change has no unit. Money is ``$``, ``€``, ``£``,
  ``¥`` or ``₹``; times are ``milliseconds`` ... ``years``; a bare number is a
  ``score`` when the metric is a score (NPS, CSAT, rating, index), a ``ratio``
  for ``3x``/``3:1``/ratios, a ``rank`` for "top 10" and otherwise a
  ``count``. When baseline and target carry different time units, both are
  converted to the smaller one ("from 6h to 45 min" is 360 -> 45 minutes);
  months count 30.44 days.
* **Direction** is the sign of ``target - baseline`` when both are known;
  otherwise the threshold (``stay_above``/``stay_below``) for a comparator or a
  hold verb, the verb (``increase``: increase, grow, raise, lift...;
  ``decrease``: reduce, cut, lower, decrease, shrink...), and for verbs that
  do not say which way (improve, achieve, maintain, a bare metric) whether the
  metric is better low (churn, cost, time, incidents...). A task with a count
  is ``increase``; a task without a number is a ``milestone``.
* **Deadlines** are normalised: "Q3", "in Q3", "by end of Q3" -> ``"end of
  Q3"``; "Q3 2026" -> ``"end of Q3 2026"``; "this quarter" -> ``"end of this
  quarter"``; "by 2026" -> ``"end of 2026"``; "FY26" -> ``"end of FY2026"``;
  "by June" -> ``"end of June"``; "by June 30, 2026" -> ``"2026-06-30"``; "in
  the next 90 days" -> ``"within 90 days"``.

Labels
------
The label follows the first verb (after "KR1:", bullets, "We will", "To" and
adverbs are set aside), then the shape of the line:

1. a task verb (launch, ship, build, implement, conduct, run, publish, write,
   hire, open, host, migrate, deploy, complete, design, roll out, reach out
   to...) is an ``activity`` whatever number it carries; a few verbs depend on
   their object: "add 500 customers" is an outcome, "add 3 features" a task;
   "hold 4 webinars" a task, "hold churn below 2%" a threshold;
2. a hold verb (maintain, keep, sustain, hold, remain, stay, ensure, protect,
   limit...) with a number is a ``kpi``;
3. a change verb (increase, reduce, ...) or an outcome verb (achieve, reach,
   sign, acquire, get, ...) with a number is a ``key_result``; an outcome verb
   with "every month", "at all times", "consistently"... is a ``kpi``;
4. a line that starts with the metric is a ``kpi`` when it states a level
   ("churn rate is 5%", "NPS: 50", "uptime at 99.9%") or says it holds
   ("stays above", "at all times", "never ... below") without a deadline, an
   ``activity`` when it reports work ("12 blog posts published"), and
   otherwise a ``key_result`` when it has a target ("Net revenue retention
   >= 110%");
5. no number at all is ``unmeasurable``, except tasks (``activity``) and
   binary milestones such as a certification.

Results are immutable, so the last :data:`CACHE_SIZE` statements read (up to
:data:`MAX_CHARS` characters each) are kept and a repeated line costs a lookup.

Examples
--------
>>> from okr_toolkit.statements import classify_statement, parse_statement
>>> p = parse_statement("Reduce median first response time from 6h to 45 min.")
>>> p.metric, p.baseline, p.target, p.unit, p.direction
('first_response_time', 360.0, 45.0, 'minutes', 'decrease')
>>> c = classify_statement("Maintain NPS above 40")
>>> c.label, c.parsed.direction, c.parsed.target
('kpi', 'stay_above', 40.0)

How the package is laid out
---------------------------
The reader is a pipeline of named steps, one concern per module; each step is
tested on its own in ``tests/test_statement_steps.py``. The names exported here
are the public API; the modules are the reader's internals and may change
between releases.
"""

from __future__ import annotations

from .api import CACHE_SIZE as CACHE_SIZE
from .api import _classify_cached as _classify_cached
from .api import _classify_uncached as _classify_uncached
from .api import classify_statement, classify_statements, parse_statement
from .results import FRAME_COLUMNS as FRAME_COLUMNS
from .results import LABELS, Classification, ParsedStatement
from .results import READING_FIELDS as READING_FIELDS
from .text import MAX_CHARS as MAX_CHARS

__all__ = [
    "LABELS",
    "Classification",
    "ParsedStatement",
    "classify_statement",
    "classify_statements",
    "parse_statement",
]
