"""OKR files in and out: YAML, CSV and Excel, in the documented format (version 1).

The format is described in ``docs/okr-file-format.md`` and published as a JSON
Schema, ``okr_toolkit/okr_file.schema.json``. In short, a YAML file reads::

    version: 1
    cycle: 2026Q3
    objectives:
      - id: activation
        title: Make the first week so valuable customers can't imagine going back
        key_results:
          - id: activation.kr1
            statement: Lift week-1 activation from 42% to 65%
            kpi: activation_rate
            baseline: 42
            target: 65
            checkins:
              - {date: 2026-07-06, value: 42.7, confidence: 5}
    kpis:
      - {name: activation_rate, threshold: 50, value: 42}

A CSV file holds one row per key result (KPIs and check-ins go in
``NAME.kpis.csv`` and ``NAME.checkins.csv`` beside it); an Excel workbook has the
sheets ``objectives``, ``key_results``, ``kpis`` and ``checkins``.

Reading checks everything and reports *every* problem at once
(:class:`OKRFileError`; past :data:`MAX_PROBLEMS_SHOWN`, the rest are
counted), each with its file, line (YAML) or row (tables), column and a fix.
A value that could be read two ways is refused, never guessed; what the
reader converts on purpose (a percentage cell, 0-1 confidences) it says, in
:attr:`OKRFile.warnings`. YAML is parsed safely: no object construction, and anchors
and aliases are refused. Input files are never written to; every write goes to
a temporary file first and replaces the target in one step.
"""

from __future__ import annotations

from okr_toolkit.io.csv_reader import side_files
from okr_toolkit.io.fields import (
    CHECKIN_FIELDS,
    FORMAT_VERSION,
    KPI_FIELDS,
    KR_FIELDS,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
)
from okr_toolkit.io.model import MAX_PROBLEMS_SHOWN, FileProblem, OKRFile, OKRFileError
from okr_toolkit.io.raw import MAX_FILE_BYTES
from okr_toolkit.io.reading import INPUT_FORMATS, read_okr_data, read_okr_file
from okr_toolkit.io.schema import json_schema, schema_path
from okr_toolkit.io.templates import MODELINE, starter_yaml
from okr_toolkit.io.writer import okr_file_bytes, write_okr_file

__all__ = [
    "CHECKIN_FIELDS",
    "FORMAT_VERSION",
    "INPUT_FORMATS",
    "KPI_FIELDS",
    "KR_FIELDS",
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS_SHOWN",
    "MODELINE",
    "OBJECTIVE_FIELDS",
    "TOP_FIELDS",
    "FileProblem",
    "OKRFile",
    "OKRFileError",
    "json_schema",
    "okr_file_bytes",
    "read_okr_data",
    "read_okr_file",
    "schema_path",
    "side_files",
    "starter_yaml",
    "write_okr_file",
]
