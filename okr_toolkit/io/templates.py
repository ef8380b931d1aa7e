"""A commented starter OKR file, as ``okr new FILE`` writes it.

The starter is a YAML document in the OKR file format, version 1
(``okr file-format`` prints its description). It uses only documented fields, with a comment
on each saying what it is for, and holds one worked example to overwrite:
the stalled KPI of "OKR vs KPI vs MBO" (week-1 activation at 42% against a 50% threshold)
turned into an objective with three key results, one KPI and a first weekly
check-in. ``okr new`` puts a ``# yaml-language-server: $schema=...`` line first,
naming the JSON Schema installed with the toolkit as a ``file://`` address, so
that editors autocomplete and check the file without fetching anything.

Nothing here reads the clock: the cycle defaults to the quarter of ``today``,
which callers (the ``okr`` command) pass in and tests fix.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["MODELINE", "starter_yaml"]

_CYCLE = re.compile(r"^(\d{4})Q([1-4])$")

#: The first line that tells an editor's YAML language server where the schema is.
MODELINE = "# yaml-language-server: $schema={uri}\n"

_STARTER = """\
# OKR file, format version 1: one quarter of objectives, their key results,
# weekly check-ins and the KPIs they move. `okr file-format` describes the
# format field by field. Replace the example with your own OKRs and check the
# result with:  okr lint {filename}
#
# Every field marked "optional" may be deleted. Numbers are plain numbers (no
# % sign, no thousands separators); dates are YYYY-MM-DD.

version: 1                     # the format version; keep it at 1
{company_line}
cycle: {cycle}                  # the quarter these OKRs run for (YYYYQn); OKRs are quarterly
pay_linked: false              # are OKR scores tied to pay? keep false: pay kills the stretch

objectives:
  # An objective is a qualitative aim: short, memorable, no numbers in it.
  - id: activation             # required: a short unique name, used in reports and lint
    title: Make the first week so useful that new customers stay   # required
    owner: Head of Product     # optional: who is accountable
    team: Product              # optional
    level: team                # optional: company, team or person
    committed: false           # optional: false = aspirational (0.6-0.7 is success),
                               #   true = committed (only 1.0 will do)
    key_results:
      # Two to three key results per objective. Each is an outcome with a number:
      # "from X to Y". A task ("launch a checklist") is an activity, not a KR.
      - id: activation.kr1     # optional: default "<objective id>.kr<n>"
        statement: Lift week-1 activation from 42% to 65%   # required: the KR as a sentence
        kpi: activation_rate   # optional: the KPI this KR moves (listed under kpis below)
        baseline: 42           # optional: where the metric starts (else read from the statement)
        target: 65             # optional: where it should get to; past the KPI threshold
        unit: "%"              # optional: see the list of units in the format description
        direction: increase    # optional: increase, decrease, stay_above, stay_below or milestone
        weight: 1              # optional: the KR's weight in the objective's score (>= 0)
        owner: Growth team     # optional
        checkins:              # optional: weekly progress; the latest value is the current one
          - date: {checkin_date}   # required: YYYY-MM-DD, one check-in per date
            value: 44          # required: the metric's value that week
            confidence: 6      # optional, 0-10: how likely the target is, as the team sees it
            note: new onboarding emails live   # optional
      - id: activation.kr2
        statement: Reduce time-to-first-value from 5 days to 2 days
        baseline: 5
        target: 2
        unit: days
        direction: decrease    # a metric that must fall: target below baseline
      - id: activation.kr3
        statement: Raise week-1 NPS from 28 to 45
        baseline: 28
        target: 45
        unit: points

kpis:
  # KPIs are health checks watched all the time, each with the line it must hold.
  # A KPI stuck below its threshold is the seed of a key result, as here.
  - name: activation_rate      # required: unique; key results refer to it by this name
    threshold: 50              # required: the healthy line to defend
    value: 42                  # optional: the latest reading
    better: higher             # optional: higher (default) or lower
    unit: "%"                  # optional
    owner: Growth team         # optional
"""


def _quarter(day: _dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def _yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back exactly."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in "\u2028\u2029\x85\ufeff":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def starter_yaml(
    company: str | None = None,
    cycle: str | None = None,
    *,
    today: _dt.date | None = None,
    filename: str = "okrs.yaml",
    schema_uri: str | None = None,
) -> str:
    """The text of a commented starter OKR file (YAML, format version 1).

    Parameters
    ----------
    company
        The company's name; without it the ``company`` line is left commented out.
    cycle
        The quarter the OKRs run for, ``"YYYYQn"`` such as ``"2026Q3"``.
        Default: the quarter of ``today``.
    today
        The date the default cycle is taken from; default the current date.
        Pass it to get the same text every time.
    filename
        The file name shown in the ``okr lint`` hint at the top.
    schema_uri
        Where the JSON Schema is, for a ``# yaml-language-server: $schema=``
        first line (``okr new`` passes the installed schema's ``file://``
        address); None leaves the line out. The reader ignores it: a comment.

    Returns
    -------
    str
        YAML text with one objective, three key results (one with a check-in
        dated in the cycle's second week) and one KPI, each field commented.

    Raises
    ------
    ValueError
        When ``cycle`` is not written ``YYYYQn``, ``company`` is blank, or
        ``schema_uri`` holds white space (a URI escapes it).

    Examples
    --------
    >>> import datetime, yaml
    >>> text = starter_yaml("Acme", today=datetime.date(2026, 8, 14))
    >>> data = yaml.safe_load(text)
    >>> data["company"], data["cycle"], len(data["objectives"][0]["key_results"])
    ('Acme', '2026Q3', 3)
    >>> data["objectives"][0]["key_results"][0]["checkins"][0]["date"]
    datetime.date(2026, 7, 13)
    >>> from okr_toolkit.io import schema_path
    >>> text = starter_yaml(today=datetime.date(2026, 8, 14), schema_uri=schema_path().as_uri())
    >>> print(text.splitlines()[0])  # doctest: +ELLIPSIS
    # yaml-language-server: $schema=file:///.../okr_file.schema.json
    """
    if company is not None and not company.strip():
        raise ValueError("`company` must be a name or None, got a blank string")
    if cycle is None:
        cycle = _quarter(today or _dt.date.today())
    match = _CYCLE.match(cycle) if isinstance(cycle, str) else None
    if match is None:
        raise ValueError(
            f"`cycle` must be a quarter written YYYYQn such as '2026Q3', got {cycle!r}; "
            "OKRs run for a quarter"
        )
    year, quarter = int(match.group(1)), int(match.group(2))
    start = _dt.date(year, 3 * quarter - 2, 1)
    # The first check-in: the Monday of the cycle's second week.
    first_monday = start + _dt.timedelta(days=(7 - start.weekday()) % 7)
    checkin = first_monday + _dt.timedelta(days=7)
    if company is None:
        company_line = "# company: Your company".ljust(31) + "# optional: uncomment and fill in"
    else:
        company_line = f"company: {_yaml_string(company)}".ljust(31) + "# optional"
    if not filename.isprintable():
        filename = "okrs.yaml"  # it goes into a comment line
    head = ""
    if schema_uri is not None:
        if not schema_uri or any(ch.isspace() or not ch.isprintable() for ch in schema_uri):
            raise ValueError(
                f"`schema_uri` must be a URI without white space (escape it as %20), "
                f"got {schema_uri!r}"
            )
        head = MODELINE.format(uri=schema_uri)
    return head + _STARTER.format(
        company_line=company_line,
        cycle=cycle,
        checkin_date=checkin.isoformat(),
        filename=filename,
    )
