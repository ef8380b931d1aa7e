"""The ``okr`` command line (also ``python -m okr_toolkit``).

Commands: ``score``, ``lint``, ``report``, ``convert``, ``plan``, ``new``,
``export``, ``file-format``, ``notebooks``, ``dashboard`` and ``completion``;
``okr COMMAND --help`` describes each with examples. A file name ``-`` reads
standard input (YAML unless ``--input-format`` says otherwise, named
``<stdin>`` in messages) or writes standard output.

Exit codes: 0 success; 1 the data was read but has problems (a KR that cannot
be scored, lint errors, a proposed target that does not clear its KPI
threshold, a migration plan that breaks a guardrail); 2 the input could not be
read or the command was misused; 141 standard output was a pipe that closed
early (``okr lint big.yaml | head``), which stops the command quietly; 130
Ctrl-C. Errors are one line on stderr starting with ``okr:``, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from okr_toolkit import __version__
from okr_toolkit._atomic import write_atomic
from okr_toolkit.core.scoring import METHODS, score_krs
from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "COMPLETION_SHELLS",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "build_parser",
    "main",
    "module_prog",
]

_OKR_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm")


class _Unreadable(Exception):
    """The input could not be read at all, or the command was misused (exit code 2)."""


# --- shared helpers --------------------------------------------------------------------


def _exit_codes(problems: str | None) -> str:
    one = (
        f"  1  the data was read but has problems: {problems}\n"
        if problems
        else "  1  (not used by this command)\n"
    )
    return (
        "exit codes:\n  0  ok\n"
        + one
        + "  2  unreadable input or bad usage; the message starts with 'okr:' on stderr"
    )


#: How every help text names the file-format document: a command that works for pip
#: users too, where a repository path would not exist.
FILE_FORMAT_HINT = "file format: run `okr file-format`"


def _epilog(examples: str, problems: str | None) -> str:
    return f"examples:\n{examples.rstrip()}\n\n{_exit_codes(problems)}\n\n{FILE_FORMAT_HINT}"


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


#: The file name that means standard input (where a file is read) or standard output
#: (where one is written).
STDIO = "-"
#: What messages call standard input.
STDIN_NAME = "<stdin>"
_INPUT_FORMATS = ("yaml", "csv", "xlsx")

#: Completion hints for shtab, by shell: complete a file name, or a folder name. The
#: same values as ``shtab.FILE`` and ``shtab.DIRECTORY``, spelled out so that parsing
#: the command line never imports shtab (only ``okr completion`` does).
_COMPLETE_FILE = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}
_COMPLETE_DIR = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/", "tcsh": "d"}
#: The shells ``okr completion`` writes a script for.
COMPLETION_SHELLS = ("bash", "zsh", "tcsh")


def _name(path: str) -> str:
    """``path`` as messages show it: ``<stdin>`` for ``-``."""
    return STDIN_NAME if path == STDIO else path


def _stdin_bytes(what: str, limit: int | None = None) -> bytes:
    """Everything on standard input (at most ``limit`` bytes); ``what`` names it for a person."""
    stream = sys.stdin
    if stream is None:
        raise _Unreadable(f"{STDIN_NAME}: there is no standard input to read {what} from")
    if _is_terminal(stream):
        print(f"okr: reading {what} from the terminal; end it with Ctrl-D", file=sys.stderr)
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream put in place of stdin (an embedding program)
            text = stream.read() if limit is None else stream.read(limit)
            return text.encode("utf-8")
        return buffer.read() if limit is None else buffer.read(limit)
    except OSError as err:
        raise _Unreadable(f"cannot read {STDIN_NAME}: {err.strerror or err}") from err


def _one_stdin(parser: argparse.ArgumentParser, **inputs: str | None) -> None:
    """Refuse two inputs that both say ``-``: standard input can be read only once."""
    named = [name.replace("_", "-") for name, value in inputs.items() if value == STDIO]
    if len(named) > 1:
        parser.error(
            f"only one input can be read from standard input (-), not {' and '.join(named)}"
        )


def _table_from(raw: bytes | str, name: str) -> pd.DataFrame:
    import io as _io

    try:
        return pd.read_csv(_io.BytesIO(raw) if isinstance(raw, bytes) else raw)
    except FileNotFoundError as err:
        raise _Unreadable(f"cannot read {name}: no such file") from err
    except IsADirectoryError as err:
        raise _Unreadable(f"cannot read {name}: it is a directory") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise _Unreadable(f"cannot read {name} as CSV: {_first_line(err)}") from err
    except BrokenPipeError:
        raise
    except OSError as err:
        raise _Unreadable(f"cannot read {name}: {err.strerror or err}") from err


def _read_table(path: str) -> pd.DataFrame:
    """A plain CSV table (a KPI list, a KPI history, a plan); ``-`` reads standard input."""
    if path == STDIO:
        return _table_from(_stdin_bytes("a CSV table"), STDIN_NAME)
    return _table_from(path, path)


def _okr_problems(err: OKRDataError) -> _Unreadable:
    """The reader's problems, one per line like a compiler's: unreadable input (exit 2)."""
    problems: Sequence[Any] = getattr(err, "problems", ())
    if len(problems) > 1:
        head = f"{len(problems)} problems in {problems[0].file}, each with its fix:"
        return _Unreadable("\n".join([head, *(f"  {p}" for p in problems)]))
    text = str(err).strip()
    if "unknown file type" in text:
        text += " (or say how to read it: --input-format yaml|csv|xlsx)"
    return _Unreadable(text)


def _read_okr(path: str, input_format: str | None = None, raw: bytes | None = None) -> Any:
    """An OKR file read and checked by the reader; ``-`` reads standard input.

    Standard input has no suffix to tell its format: ``input_format`` or YAML.
    ``raw`` is standard input already read (by a command that had to look first).
    """
    from okr_toolkit.io import MAX_FILE_BYTES, read_okr_data, read_okr_file

    try:
        if path != STDIO:
            return read_okr_file(path, format=input_format)
        fmt = input_format or "yaml"
        if raw is None:
            what = {"yaml": "OKRs in YAML", "csv": "OKRs in CSV", "xlsx": "an Excel workbook"}[fmt]
            raw = _stdin_bytes(what, limit=MAX_FILE_BYTES + 1)
        return read_okr_data(raw, format=fmt, name=STDIN_NAME)
    except OKRDataError as err:
        # The input could be opened but not read as OKRs: unreadable input.
        raise _okr_problems(err) from err


def _plain(x: float) -> str:
    """A number as a person writes it: 12,995,100 rather than 1.29951e+07."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def _fail(message: str, code: int) -> int:
    print(f"okr: {message}", file=sys.stderr)
    return code


def _json_default(value: object) -> object:
    if isinstance(value, _dt.date | pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    with contextlib.suppress(TypeError, ValueError):
        if pd.isna(value):  # type: ignore[call-overload]  # isna() takes any object; stubs list types
            return None
    return str(value)


def _clean(value: Any) -> Any:
    """NaN and numpy scalars as plain JSON values (NaN is not valid JSON)."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _print_json(data: Any) -> None:
    print(json.dumps(_clean(data), indent=2, default=_json_default))


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return _clean(frame.astype(object).where(frame.notna(), None).to_dict(orient="records"))


def _names(text: str) -> list[str]:
    """``"Sales, Ops"`` -> ``["Sales", "Ops"]``."""
    return [part.strip() for part in text.split(",")]


def _fmt(value: float, unit: str = "") -> str:
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


# --- okr score -------------------------------------------------------------------------


def _okr_header(header: Iterable[object]) -> bool:
    """Do a CSV's columns make it an OKR file (documented format), not a bare table of numbers?"""
    names = set(header)
    return "statement" in names and "objective_id" in names


def _is_okr_layout(path: str, input_format: str | None) -> bool:
    """Is the file at ``path`` an OKR file rather than a bare table of numbers?"""
    if input_format is not None:
        return input_format != "csv" or _okr_header(_read_table(path).columns)
    if Path(path).suffix.lower() in _OKR_SUFFIXES:
        return True
    return _okr_header(_read_table(path).columns)


def _score(args: argparse.Namespace) -> int:
    name = _name(args.file)
    if args.file == STDIO:
        fmt = args.input_format or "yaml"
        if fmt != "csv":
            return _score_okr_file(args, _read_okr(STDIO, fmt))
        raw = _stdin_bytes("key results in CSV")
        krs = _table_from(raw, name)
        if _okr_header(krs.columns):
            return _score_okr_file(args, _read_okr(STDIO, fmt, raw))
    elif _is_okr_layout(args.file, args.input_format):
        return _score_okr_file(args, _read_okr(args.file, args.input_format))
    else:
        krs = _read_table(args.file)
    try:
        scored = score_krs(krs, method=args.method, settings=_settings(args))
    except OKRDataError as err:
        return _fail(f"{name}: {err}", 1)
    columns = [c for c in ("objective_id", "kr_id", "baseline", "target", "current") if c in scored]
    out = scored[[*columns, "score", "grade"]]
    if args.format == "json":
        _print_json(_records(out.assign(grade=out["grade"].astype(str))))
    else:
        print(out.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return 0


def _codes(text: str | None) -> list[str] | None:
    """``--select OKR1,OKR201`` as a list of rule codes or prefixes."""
    if text is None:
        return None
    return [code.strip() for code in text.split(",") if code.strip()]


def _settings_option(p: argparse.ArgumentParser) -> None:
    _files(
        p.add_argument(
            "--settings",
            metavar="FILE",
            help="YAML of conventions to use instead of the defaults, e.g. 'green_from: 0.8' "
            "(the names of okr_toolkit.Settings)",
        )
    )


def _settings(args: argparse.Namespace) -> Any:
    """The settings of ``--settings FILE`` (a YAML mapping such as ``green_from: 0.8``)."""
    from okr_toolkit.core.settings import DEFAULT_SETTINGS, settings_from

    path = getattr(args, "settings", None)
    if not path:
        return DEFAULT_SETTINGS
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise _Unreadable(f"cannot read settings {path}: no such file") from err
    except (OSError, UnicodeDecodeError) as err:
        raise _Unreadable(f"cannot read settings {path}: {_first_line(err)}") from err
    try:
        values = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise _Unreadable(f"{path}: not valid YAML: {_first_line(err)}") from err
    try:
        return settings_from({} if values is None else values, source=path)
    except OKRDataError as err:
        raise _Unreadable(str(err)) from err


def _score_okr_file(args: argparse.Namespace, source: Any) -> int:
    from okr_toolkit.core.scorecard import scorecard

    name = _name(args.file)
    # The reader has already set `current` to each KR's latest check-in where none is given.
    table = scorecard(source.okrs, method=args.method, settings=_settings(args))
    columns = ["objective_id", "kr_id", "baseline", "target", "current", "score", "grade"]
    out = table[[*columns, "status"]]
    problems = out["status"].str.startswith("not scored")
    if args.format == "json":
        _print_json(_records(out))
    else:
        shown = out.assign(score=out["score"].map(lambda v: "" if pd.isna(v) else f"{v:.2f}"))
        print(shown.to_string(index=False, na_rep="", float_format=lambda v: f"{v:g}"))
        n_scored = int((out["grade"] != "").sum())
        waiting = int((out["status"] == "no check-in yet").sum())
        print(
            f"{name}: {len(out)} key results, {n_scored} scored, {waiting} with no "
            f"check-in yet, {int(problems.sum())} not scorable"
        )
    if problems.any():
        first = out[problems].iloc[0]
        return _fail(f"{name}: key result {first['kr_id']!r} {first['status']}", 1)
    return 0


# --- okr lint --------------------------------------------------------------------------


def _lint(args: argparse.Namespace) -> int:
    from okr_toolkit.linter import format_findings, lint

    _one_stdin(args.parser, FILE=args.file, __kpis=args.kpis)
    name = _name(args.file)
    source = _read_okr(args.file, args.input_format)
    kpis = source.kpis
    if args.kpis:
        kpis = _read_table(args.kpis)
    try:
        findings = lint(
            source.okrs,
            kpis,
            settings=_settings(args),
            select=_codes(args.select),
            ignore=_codes(args.ignore),
        )
    except ValueError as err:
        if not isinstance(err, OKRDataError):  # an unknown rule code: bad usage
            args.parser.error(_first_line(err))
        raise _Unreadable(f"{name}: {_first_line(err)}") from err
    except OKRDataError as err:
        raise _Unreadable(f"{name}: {_first_line(err)}") from err
    lines = source.okrs.set_index("kr_id")["line"] if "line" in source.okrs else None
    if args.format == "json":
        records = findings.assign(severity=findings["severity"].astype(str))
        if lines is not None:
            records = records.assign(line=records["kr_id"].map(lines).astype("Int64"))
        _print_json(_records(records))
    else:
        line_of = {} if lines is None else lines.dropna().astype(int).to_dict()
        print(format_findings(findings, source=name, lines=line_of))
    return 1 if (findings["severity"] == "error").any() else 0


# --- okr report ------------------------------------------------------------------------


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output, after whatever text was printed before them."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _report(args: argparse.Namespace) -> int:
    from okr_toolkit.present.report import build_report, report_charts, write_report

    if args.charts == STDIO:
        args.parser.error("--charts names a folder; standard output (-) cannot hold chart files")
    source = _read_okr(args.file, args.input_format)
    settings = _settings(args)
    to_stdout = args.output == STDIO
    try:
        if to_stdout:
            html = build_report(source, title=args.title, settings=settings)
        else:
            write_report(source, args.output, title=args.title, settings=settings)
    except OKRDataError as err:
        raise _Unreadable(_first_line(err)) from err
    except OSError as err:
        raise _Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
    if to_stdout:
        _write_stdout(html.encode("utf-8"))
    if args.charts is None:
        if not to_stdout:
            print(f"wrote {args.output}")
        return 0
    from okr_toolkit.present.charts import save_chart

    folder = Path(args.charts)
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, chart in report_charts(source, settings=settings).items():
            for suffix in (".svg", ".png"):
                written.append(save_chart(chart, folder / f"{name}{suffix}", scale=args.scale))
    except OSError as err:
        raise _Unreadable(f"cannot write charts to {folder}: {err.strerror or err}") from err
    if to_stdout:  # stdout holds the report: the note goes to stderr
        print(f"wrote {len(written)} chart files in {folder}", file=sys.stderr)
    else:
        print(f"wrote {args.output} and {len(written)} chart files in {folder}")
    return 0


# --- okr convert -----------------------------------------------------------------------


def _strategy_options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict:
    """The keyword arguments of :func:`okr_toolkit.kpi_to_kr` chosen on the command line."""
    strategy = args.strategy or ("explicit" if args.target is not None else "clear_at_score")
    if args.target is not None and strategy != "explicit":
        parser.error(
            f"--target sets the target itself; it cannot be used with --strategy {strategy}"
        )
    for option, needs in (
        ("score", "clear_at_score"),
        ("multiple", "gap_multiple"),
        ("quantile", "history_quantile"),
        ("benchmark", "benchmark_top"),
    ):
        if getattr(args, option) is not None and strategy != needs:
            parser.error(f"--{option} applies to --strategy {needs}, not {strategy}")
    options: dict[str, Any] = {"strategy": strategy}
    for option in ("score", "multiple", "quantile", "benchmark"):
        if getattr(args, option) is not None:
            options[option] = getattr(args, option)
    return options


def _proposal_record(
    proposal: Any, linked: Sequence[str] = (), *, settings: Any = None
) -> dict[str, Any]:
    from okr_toolkit.core.settings import DEFAULT_SETTINGS
    from okr_toolkit.planning.convert import explain

    record = proposal.to_dict()
    record["explanation"] = explain(proposal, settings=settings or DEFAULT_SETTINGS)
    record["clears_threshold"] = bool(proposal.threshold_score < 1)
    record["linked_krs"] = list(linked)
    return record


def _print_proposal(record: dict[str, Any]) -> None:
    unit = record["unit"]
    print(
        f"{record['kpi']}: {_fmt(record['baseline'], unit)} now, threshold "
        f"{_fmt(record['threshold'], unit)} ({record['better']} is better)"
    )
    print(f"  key result: {record['statement']}")
    params = ", ".join(f"{k} {v:g}" for k, v in record["parameters"].items())
    print(
        f"  baseline {_fmt(record['baseline'], unit)}, target {_fmt(record['target'], unit)} "
        f"(strategy {record['strategy']}{': ' + params if params else ''})"
    )
    print(f"  {record['explanation']}")
    for warning in record["warnings"]:
        print(f"  warning: {warning}")
    if record["linked_krs"]:
        print(f"  already moved by key result(s) {', '.join(record['linked_krs'])}")


def _convert(args: argparse.Namespace) -> int:
    from okr_toolkit.planning.convert import find_candidates, kpi_to_kr
    from okr_toolkit.workspace import Workspace

    parser = args.parser
    if args.file and args.kpi:
        parser.error("give either FILE or --kpi, not both")
    if args.kpi is not None and (args.current is None or args.threshold is None):
        parser.error("--kpi needs --current and --threshold")
    if args.kpi is None and any(
        v is not None for v in (args.current, args.threshold, args.label, args.better, args.unit)
    ):
        parser.error("--current, --threshold, --better, --unit and --label describe one --kpi")
    if not (args.file or args.kpi or args.history):
        parser.error("give an OKR FILE, --kpi with --current and --threshold, or --history CSV")
    if args.kpi is None and args.target is not None:
        parser.error("--target applies to one --kpi; for many KPIs choose a --strategy")
    options = _strategy_options(args, parser)
    _one_stdin(parser, FILE=args.file, __history=args.history)
    history = _read_table(args.history) if args.history else None
    if options["strategy"] == "history_quantile" and history is None:
        parser.error("--strategy history_quantile needs --history CSV")

    settings = _settings(args)
    # Each job: (kpi, current, threshold, better, unit, label, linked KRs).
    jobs: list[tuple[str, float, float, str, str, str | None, list[str]]] = []
    skipped: list[dict[str, str]] = []
    problems: list[dict[str, str]] = []
    if args.kpi is not None:
        jobs.append(
            (
                args.kpi,
                args.current,
                args.threshold,
                args.better or "higher",
                args.unit or "",
                args.label,
                [],
            )
        )
    elif args.file:
        source = _read_okr(args.file, args.input_format)
        kpis = source.kpis
        if kpis is None or len(kpis) == 0:
            raise _Unreadable(f"{_name(args.file)}: lists no KPIs; add a 'kpis' list to convert")
        okrs = source.okrs
        links = (
            okrs.dropna(subset=["kpi"]).groupby("kpi")["kr_id"].agg(list).to_dict()
            if "kpi" in okrs.columns
            else {}
        )
        units = kpis["unit"] if "unit" in kpis.columns else pd.Series("", index=kpis.index)
        # The health check is the library's (kpi_status, with the settings' tolerance):
        # a KPI that meets its threshold, even narrowly, stays a health check.
        health = Workspace(source, settings=settings).kpi_health
        for (_, k), unit in zip(health.iterrows(), units, strict=True):
            name = str(k["kpi"])
            status = str(k["status"])
            if status == "no value yet":
                skipped.append({"kpi": name, "reason": "no value yet: nothing to start from"})
                continue
            if status.startswith("no status"):
                problems.append({"kpi": name, "problem": status.removeprefix("no status: ")})
                continue
            if status != "breached":
                met = "meets" if status == "healthy" else "only just meets"
                skipped.append(
                    {
                        "kpi": name,
                        "reason": f"{met} its threshold ({_plain(k['value'])} against "
                        f"{_plain(k['threshold'])}): keep "
                        "it as a health check; not every KPI needs to become a key result",
                    }
                )
                continue
            jobs.append(
                (
                    name,
                    float(k["value"]),
                    float(k["threshold"]),
                    str(k["better"]),
                    "" if pd.isna(unit) else str(unit),
                    None,
                    links.get(name, []),
                )
            )
    else:
        assert history is not None  # the parser checks above leave only --history
        try:
            candidates = find_candidates(history, settings=settings)
        except (OKRDataError, KeyError) as err:
            raise _Unreadable(
                f"{_name(args.history)}: cannot use as KPI history: {_first_line(err)}"
            ) from err
        units = history.groupby("kpi")["unit"].last().to_dict() if "unit" in history.columns else {}
        for kpi, row in candidates.iterrows():
            unit = units.get(kpi, "")
            jobs.append(
                (
                    str(kpi),
                    float(row["baseline"]),
                    float(row["threshold"]),
                    str(row["better"]),
                    "" if pd.isna(unit) else str(unit),
                    None,
                    [],
                )
            )
        if not jobs:
            skipped.append({"kpi": "(all)", "reason": "no KPI in the history is stalled"})

    proposals: list[dict[str, Any]] = []
    for name, current, threshold, better, unit, label, linked in jobs:
        try:
            proposal = kpi_to_kr(
                name,
                current,
                threshold,
                target=args.target,
                history=history,
                better=better,  # type: ignore[arg-type]
                unit=unit,
                label=label,
                settings=settings,
                **options,
            )
        except OKRDataError as err:
            problems.append({"kpi": name, "problem": _first_line(err)})
            continue
        except ValueError as err:
            raise _Unreadable(_first_line(err)) from err
        proposals.append(_proposal_record(proposal, linked, settings=settings))

    if args.format == "json":
        _print_json({"proposals": proposals, "skipped": skipped, "problems": problems})
    else:
        for record in proposals:
            _print_proposal(record)
        for item in skipped:
            print(f"{item['kpi']}: skipped: {item['reason']}")
    for item in problems:
        print(f"okr: KPI {item['kpi']!r}: {item['problem']}", file=sys.stderr)
    short = [r["kpi"] for r in proposals if not r["clears_threshold"]]
    for name in short:
        print(
            f"okr: KPI {name!r}: the proposed target does not clear the threshold",
            file=sys.stderr,
        )
    return 1 if short or problems else 0


# --- okr plan --------------------------------------------------------------------------


def _default_start(today: _dt.date) -> str:
    """The next Q1: an MBO year usually starts with the calendar year."""
    return f"{today.year + 1}Q1"


def _plan(args: argparse.Namespace) -> int:
    from okr_toolkit.planning.migration import (
        PLAN_COLUMNS,
        MigrationProfile,
        assess_migration,
        check_plan,
    )

    parser = args.parser
    if args.csv == STDIO:
        parser.error("to print the plan as CSV on standard output, use --format csv")
    if args.check:
        if args.teams or args.csv or args.pilot or args.wave:
            parser.error("--check reads a plan; it cannot be combined with --teams, --csv, ...")
        if args.format == "csv":
            parser.error("--check prints guardrail problems: use --format text or json")
        name = _name(args.check)
        plan = _read_table(args.check)
        problems = check_plan(plan)
        if args.format == "json":
            _print_json({"plan_file": name, "problems": problems})
        elif problems:
            print(f"{name}: {len(problems)} guardrail problem(s):")
            for problem in problems:
                print(f"  - {problem}")
        else:
            print(f"{name}: every guardrail kept")
        return 1 if problems else 0
    if not args.teams:
        parser.error("give --teams 'Sales,Ops,...' to plan, or --check PLAN.csv to check a plan")

    from okr_toolkit.planning.migration import plan_migration

    teams = _names(args.teams)
    try:
        profile = MigrationProfile(
            regulated=args.regulated,
            bonus_tied_to_annual_targets=args.annual_bonus,
            annual_review_in_hr=args.annual_hr_review,
            targets_stale_by_q2=args.stale_targets,
            needs_mid_year_course_correction=args.mid_year_changes,
            teams=len(teams),
        )
        assessment = assess_migration(profile)
        strategy = args.strategy or assessment.decision
        plan = plan_migration(
            teams,
            args.start or _default_start(_dt.date.today()),
            strategy=strategy,
            pilot_teams=_names(args.pilot) if args.pilot else None,
            waves=[_names(w) for w in args.wave] if args.wave else None,
        )
    except OKRDataError as err:
        raise _Unreadable(_first_line(err)) from err
    problems = check_plan(plan)
    if args.csv:
        out = Path(args.csv)
        try:
            write_atomic(out, plan[list(PLAN_COLUMNS)].to_csv(index=False).encode("utf-8"))
        except OSError as err:
            raise _Unreadable(f"cannot write {out}: {err.strerror or err}") from err
    if args.format == "csv":
        # The plan alone, as --csv writes it; guardrail problems go to stderr and exit 1.
        sys.stdout.write(plan[list(PLAN_COLUMNS)].to_csv(index=False))
        for problem in problems:
            print(f"okr: guardrail: {problem}", file=sys.stderr)
    elif args.format == "json":
        _print_json(
            {
                "assessment": {
                    "decision": assessment.decision,
                    "summary": assessment.summary,
                    "reasons": [r._asdict() for r in assessment.reasons],
                    "risks": list(assessment.risks),
                },
                "strategy": strategy,
                "plan": _records(plan),
                "problems": problems,
            }
        )
    else:
        _print_plan(assessment, strategy, plan, problems)
    if args.csv:
        print(f"wrote {args.csv}", file=sys.stderr if args.format != "text" else sys.stdout)
    return 1 if problems else 0


def _print_plan(assessment: Any, strategy: str, plan: pd.DataFrame, problems: list[str]) -> None:
    print(f"decision: {assessment.decision}")
    print(f"  {assessment.summary}")
    if strategy != assessment.decision:
        print(f"  note: planning '{strategy}' as asked, against the assessment")
    print("reasons:")
    for r in assessment.reasons:
        value = ("yes" if r.value else "no") if isinstance(r.value, bool) else r.value
        print(f"  {r.input_name} = {value} -> {r.points_to}: {r.why}")
    print("risks:")
    for risk in assessment.risks:
        print(f"  - {risk}")
    teams = list(dict.fromkeys(plan["team"]))
    grid = plan.pivot(index="team", columns="quarter", values="framework").reindex(teams)
    grid.index.name = None
    grid.columns.name = None
    print(f"plan ({strategy}):")
    print(grid.to_string())
    print("milestones:")
    for _, row in plan.drop_duplicates("quarter").iterrows():
        if row["milestone"]:
            print(f"  {row['quarter']}  {row['milestone']}")
    if problems:
        print(f"guardrails: {len(problems)} problem(s):")
        for problem in problems:
            print(f"  - {problem}")
    else:
        print("guardrails: every one kept (no OKR score tied to pay, no annual OKRs)")


# --- okr new ---------------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    import shlex

    from okr_toolkit.io import schema_path, starter_yaml

    to_stdout = args.file == STDIO
    out = Path(args.file)
    if not to_stdout:
        if out.suffix.lower() not in (".yaml", ".yml"):
            raise _Unreadable(f"{out}: okr new writes YAML; name the file .yaml or .yml")
        if out.is_dir():
            raise _Unreadable(f"{out}: is a directory")
        if out.exists() and not args.force:
            raise _Unreadable(f"{out} already exists; not overwritten (pass --force to replace it)")
    today = _dt.date.today()
    cycle = args.cycle or f"{today.year}Q{(today.month - 1) // 3 + 1}"
    # First line: where editors find the schema, on this disk (the toolkit never fetches).
    schema = schema_path().resolve()
    try:
        text = starter_yaml(
            args.company,
            cycle,
            filename="okrs.yaml" if to_stdout else out.name,
            schema_uri=schema.as_uri(),
        )
    except ValueError as err:
        raise _Unreadable(_first_line(err)) from err
    if to_stdout:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(out, text.encode("utf-8"), overwrite=args.force)
    except FileExistsError as err:
        raise _Unreadable(f"{out} already exists; not overwritten (pass --force)") from err
    except OSError as err:
        raise _Unreadable(f"cannot write {out}: {err.strerror or err}") from err
    print(
        f"wrote {out}: a starter OKR file for {cycle}; edit it, then run: "
        f"okr lint {shlex.quote(str(out))}"
    )
    return 0


_FORMAT_OF_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx"}


def _export(args: argparse.Namespace) -> int:
    from okr_toolkit.io import okr_file_bytes, write_okr_file

    to_stdout = args.output == STDIO
    wanted = args.output_format
    if not to_stdout and wanted is not None:
        suffix = Path(args.output).suffix.lower()
        if _FORMAT_OF_SUFFIX.get(suffix) != wanted:
            args.parser.error(
                f"--output-format {wanted} does not match {args.output}: for a file, its "
                "suffix decides (.yaml, .csv or .xlsx); --output-format is for -o -"
            )
    fmt = wanted or "yaml"
    if to_stdout and fmt == "xlsx" and _is_terminal(sys.stdout):
        raise _Unreadable(
            "an Excel workbook is binary, not for a terminal: redirect standard output "
            "(> okrs.xlsx), or write the file with -o okrs.xlsx"
        )
    source = _read_okr(args.file, args.input_format)
    try:
        if to_stdout:
            data = okr_file_bytes(source, format=fmt)
        else:
            out = write_okr_file(source, args.output, overwrite=args.force)
    except OKRDataError as err:
        # The library's advice names its keyword; here the switch is --force.
        text = _first_line(err).replace("pass overwrite=True", "pass --force to replace it")
        raise _Unreadable(text) from err
    except OSError as err:
        raise _Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
    if to_stdout:
        _write_stdout(data)
        return 0
    n_krs, n_checkins = len(source.okrs), 0 if source.checkins is None else len(source.checkins)
    print(f"wrote {out}: {n_krs} key results, {n_checkins} check-ins")
    return 0


# --- okr notebooks --------------------------------------------------------------------

#: What a pip user adds to open the notebooks, or to serve the dashboard.
LAB_EXTRA = "pip install 'okr-toolkit[lab]'"
DASHBOARD_EXTRA = "pip install 'okr-toolkit[dashboard]'"


def _installed(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _notebooks(args: argparse.Namespace) -> int:
    import shlex

    from okr_toolkit._shipped import shipped_dir

    source = shipped_dir("notebooks")
    notebooks = sorted(source.glob("*.ipynb"))
    if not notebooks:
        raise _Unreadable(
            f"the teaching notebooks are missing from this installation ({source}); "
            "reinstall okr-toolkit"
        )
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise _Unreadable(f"{folder}: is a file, not a folder")
    targets = [folder / nb.name for nb in notebooks]
    there = [t.name for t in targets if t.exists()]
    if there and not args.force:
        shown = ", ".join(there[:3]) + (f" and {len(there) - 3} more" if len(there) > 3 else "")
        raise _Unreadable(
            f"{folder} already holds {shown}; nothing copied (pass --force to replace them)"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for nb, target in zip(notebooks, targets, strict=True):
            write_atomic(target, nb.read_bytes(), overwrite=args.force)
    except FileExistsError as err:
        raise _Unreadable(f"{err.filename or err} appeared meanwhile; not overwritten") from err
    except OSError as err:
        raise _Unreadable(f"cannot write to {folder}: {err.strerror or err}") from err
    quoted = shlex.quote(str(folder))
    first, last = notebooks[0].name, notebooks[-1].name
    print(f"copied {len(notebooks)} notebooks to {folder}: {first} ... {last}")
    print("open them in JupyterLab:")
    if not _installed("jupyterlab"):
        print(f"  {LAB_EXTRA}    # JupyterLab is not installed here yet")
    print(f"  jupyter lab {quoted}")
    print(
        f"start with {notebooks[0].name}; the notebooks read their data from the installed "
        "package, so they run from any folder"
    )
    return 0


# --- okr dashboard ----------------------------------------------------------------------

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _dashboard_command(
    host: str, port: int, open_browser: bool
) -> tuple[list[str], dict[str, str]]:
    """The Voila command line and environment that serve the dashboard, as ``make dashboard``.

    ``JUPYTER_PATH`` leads to the shipped ``voila/templates/offline``: Voila's lab
    template without the stylesheets it would load from a CDN.
    """
    from okr_toolkit._shipped import shipped_dir

    folder = shipped_dir("dashboard")
    notebook = folder / "dashboard.ipynb"
    template = folder / "voila" / "templates" / "offline"
    if not notebook.is_file() or not template.is_dir():
        raise _Unreadable(
            f"the dashboard is missing from this installation ({folder}); reinstall okr-toolkit"
        )
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(folder), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    )
    argv = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.port_retries=0",
        "--template=offline",
    ]
    if not open_browser:
        argv.append("--no-browser")
    if host not in _LOOPBACK:
        argv.append("--token")  # reachable from other machines: not without a token
    return argv, env


def _port_is_free(host: str, port: int) -> bool:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise _Unreadable(
            f"--host {host}: not an address of this machine ({err.strerror})"
        ) from err
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except PermissionError as err:
            raise _Unreadable(f"port {port} needs privileges; choose one above 1023") from err
        except OSError:
            return False
    return True


def _dashboard(args: argparse.Namespace) -> int:
    if not (1 <= args.port <= 65535):
        args.parser.error(f"--port must be 1-65535, not {args.port}")
    missing = [m for m in ("voila", "ipykernel") if not _installed(m)]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        raise _Unreadable(
            f"the dashboard needs {' and '.join(missing)}, which {verb} not installed here: "
            f"{DASHBOARD_EXTRA}"
        )
    argv, env = _dashboard_command(args.host, args.port, args.open)
    if not _port_is_free(args.host, args.port):
        raise _Unreadable(
            f"port {args.port} on {args.host} is in use (another dashboard?); "
            "choose another with --port"
        )
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Starting the workshop dashboard on http://{shown}:{args.port}/ (Ctrl-C to stop)")
    if args.host not in _LOOPBACK:
        print(
            f"okr: {args.host} is reachable from other machines: open the address with the "
            "?token=... that Voila prints",
            file=sys.stderr,
        )
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        # Become Voila: signals (Ctrl-C, a kill from a test or a service manager) reach it
        # directly, and nothing is left behind when it stops.
        os.execve(sys.executable, argv, env)
    import subprocess  # pragma: no cover - Windows has no exec that keeps the console

    with subprocess.Popen(argv, env=env) as voila:  # pragma: no cover
        try:
            return voila.wait()
        except KeyboardInterrupt:
            return voila.wait()


# --- okr completion --------------------------------------------------------------------


def _completion(args: argparse.Namespace) -> int:
    import shtab

    # For the command named okr, however this one was started (python -m okr_toolkit).
    parser = build_parser("okr")
    # zsh shows a description beside each command: its one-line help, not the first
    # line of a paragraph.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._get_subactions():
                action.choices[choice.dest].description = choice.help
    script = shtab.complete(parser, shell=args.shell)
    sys.stdout.write(script if script.endswith("\n") else script + "\n")
    return 0


# --- okr file-format -------------------------------------------------------------------


def _file_format(args: argparse.Namespace) -> int:
    from okr_toolkit._shipped import shipped_dir
    from okr_toolkit.io import schema_path

    if args.schema or args.modeline:
        schema = schema_path().resolve()
        if not schema.is_file():
            raise _Unreadable(f"the JSON Schema is missing from this installation ({schema})")
        if args.modeline:
            from okr_toolkit.io import MODELINE

            sys.stdout.write(MODELINE.format(uri=schema.as_uri()))
        else:
            print(schema)
        return 0
    doc = shipped_dir("docs") / "okr-file-format.md"
    if not doc.is_file():
        raise _Unreadable(
            f"the file-format document is missing from this installation ({doc}); "
            "reinstall okr-toolkit"
        )
    if args.path:
        print(doc)
        return 0
    text = doc.read_text(encoding="utf-8")
    if _is_terminal(sys.stdout):
        import pydoc

        pydoc.pager(text)  # $PAGER or less, as `git help` does; plain text into a pipe
    else:
        sys.stdout.write(text)
    return 0


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


# --- the parser ------------------------------------------------------------------------


def _files(action: argparse.Action) -> argparse.Action:
    """Mark an argument that names a file, for shell completion."""
    action.complete = _COMPLETE_FILE  # type: ignore[attr-defined]
    return action


def _folder(action: argparse.Action) -> argparse.Action:
    """Mark an argument that names a folder, for shell completion."""
    action.complete = _COMPLETE_DIR  # type: ignore[attr-defined]
    return action


def _input_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input-format",
        choices=_INPUT_FORMATS,
        help="how to read FILE (default: by its suffix; yaml for - , standard input)",
    )


def _sub(sub: Any, name: str, help: str, description: str, epilog: str) -> Any:
    parser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(parser=parser)
    return parser


def build_parser(prog: str = "okr") -> argparse.ArgumentParser:
    """The ``okr`` argument parser, with one sub-command per task.

    Parameters
    ----------
    prog : str, default "okr"
        The command's name in usage lines and help.

    Returns
    -------
    argparse.ArgumentParser
        The parser; each sub-command's parser sets ``func`` to its handler.

    Examples
    --------
    >>> build_parser().parse_args(["lint", "okrs.yaml"]).file
    'okrs.yaml'
    """
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Score, check, convert and plan OKR, KPI and MBO goals.",
        epilog=f"Run '{prog} COMMAND --help' for a command's options and examples.\n"
        "A file name - reads standard input, or writes standard output.\n\n"
        "Exit codes: 0 ok; 1 the data was read but has problems (lint errors, KRs that\n"
        "cannot be scored, targets short of a KPI threshold, guardrail violations);\n"
        "2 unreadable input or bad usage. Errors go to stderr, prefixed 'okr: '.\n"
        "Output into a pipe that closes early (okr lint big.yaml | head) stops quietly\n"
        "with 141, like any Unix tool; Ctrl-C with 130.\n\n"
        f"{FILE_FORMAT_HINT}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"okr-toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _sub(
        sub,
        "score",
        "score key results (OKR file, or a CSV of baseline/target/current)",
        "Score key results on 0.0-1.0 with their grade.\n\n"
        "FILE is an OKR file (.yaml/.yml/.xlsx, or a .csv with objective_id and statement\n"
        "columns; okr file-format describes them): each key result with a baseline, a target\n"
        "and a current value (given, or its latest check-in) is scored; the others are\n"
        "shown as 'no check-in yet', never given an invented score.\n"
        "FILE may also be a plain CSV with columns baseline, target, current and\n"
        "optionally kr_id, objective_id, direction. FILE - reads standard input\n"
        "(YAML unless --input-format says csv or xlsx).",
        _epilog(
            "  okr score okrs.yaml\n"
            "  okr score krs.csv --format json\n"
            "  okr score okrs.yaml --method uncapped\n"
            "  cat okrs.yaml | okr score -\n"
            "  okr score - --input-format csv < krs.csv",
            "a key result cannot be scored\n"
            "     (no target, a current value that is not a number, ...)",
        ),
    )
    _files(p.add_argument("file", help="OKR file or CSV of baseline/target/current; - for stdin"))
    _input_format(p)
    p.add_argument("--method", choices=METHODS, default="clamped", help="scoring convention")
    _settings_option(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_score)

    p = _sub(
        sub,
        "lint",
        "check OKRs for the common OKR / KPI / MBO mistakes",
        "Lint an OKR file. Prints one finding per line with its rule code and a\n"
        "suggested fix (or, with --format json, one record per finding).\n"
        "FILE - reads standard input (YAML unless --input-format says otherwise).",
        _epilog(
            "  okr lint okrs.yaml\n  okr lint okrs.csv --kpis kpis.csv --format json\n"
            "  okr lint okrs.yaml --select OKR2 --ignore OKR204\n"
            "  okr export client_draft.xlsx -o - | okr lint -",
            "lint errors (warnings and infos alone exit 0)",
        ),
    )
    _files(p.add_argument("file", help="OKR file: .yaml/.yml, .csv or .xlsx; - for stdin"))
    _input_format(p)
    _files(
        p.add_argument("--kpis", help="CSV of KPIs (kpi, threshold, value, better); - for stdin")
    )
    p.add_argument(
        "--select",
        metavar="CODES",
        help="run only these rules: codes or prefixes, comma-separated (OKR1,OKR201)",
    )
    p.add_argument("--ignore", metavar="CODES", help="skip these rules (codes or prefixes)")
    _settings_option(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_lint)

    p = _sub(
        sub,
        "report",
        "write a self-contained HTML report (scores, pacing, KPI health, lint findings)",
        "Write one HTML file that opens with no network: scores and grades, KPI health,\n"
        "lint findings, charts inline. The input file is never modified. With --charts,\n"
        "also save every chart of the report as SVG and PNG for slides.\n"
        "FILE - reads standard input; -o - writes the HTML to standard output.",
        _epilog(
            "  okr report okrs.yaml -o report.html\n"
            "  okr report okrs.yaml -o report.html --charts slides/\n"
            "  cat okrs.yaml | okr report - -o - > report.html",
            None,
        ),
    )
    _files(p.add_argument("file", help="OKR file: .yaml/.yml, .csv or .xlsx; - for stdin"))
    _input_format(p)
    _files(
        p.add_argument("-o", "--output", required=True, help="the HTML file to write; - for stdout")
    )
    p.add_argument("--title", default=None, help="report title")
    _folder(
        p.add_argument(
            "--charts", metavar="DIR", help="also save each chart as DIR/NAME.svg and .png"
        )
    )
    p.add_argument("--scale", type=float, default=2.0, help="PNG pixels per chart unit (default 2)")
    _settings_option(p)
    p.set_defaults(func=_report)

    from okr_toolkit.planning.convert import STRATEGIES

    p = _sub(
        sub,
        "convert",
        "turn a stalled KPI into a stretch key result",
        "Propose a key result from a KPI below its threshold: the KPI's current value\n"
        "becomes the baseline, its threshold stays the floor, the target is set past it\n"
        "by a strategy (default clear_at_score with --score 0.5: a score of 0.5 clears\n"
        "the threshold; --target T means strategy explicit).\n\n"
        "One KPI:        --kpi NAME --current X --threshold Y [--target T | --strategy S]\n"
        "An OKR file:    FILE - every KPI of the file that is below its threshold; healthy\n"
        "                KPIs are skipped (not every KPI should become a key result)\n"
        "A KPI history:  --history CSV (kpi, week, value, threshold[, better, unit]) -\n"
        "                every stalled KPI, the baseline being the level it is stuck at",
        _epilog(
            "  okr convert --kpi activation_rate --current 42 --threshold 50 --target 65 "
            "--unit %\n"
            "  okr convert --kpi sales_cycle --current 45 --threshold 40 --better lower \\\n"
            "              --strategy gap_multiple --multiple 3 --unit days\n"
            "  okr convert okrs.yaml --format json\n"
            "  okr convert --history kpi_history.csv --strategy history_quantile\n"
            "  okr convert - < okrs.yaml",
            "a proposed target does not clear the KPI\n"
            "     threshold (even a perfect score would leave the KPI breached), or a KPI's\n"
            "     numbers cannot make a key result",
        ),
    )
    _files(p.add_argument("file", nargs="?", help="OKR file whose KPIs to convert; - for stdin"))
    _input_format(p)
    p.add_argument("--kpi", help="the KPI's name, e.g. activation_rate")
    p.add_argument("--current", type=float, help="the KPI's value now: the KR baseline")
    p.add_argument("--threshold", type=float, help="the level the KPI defends")
    p.add_argument("--target", type=float, help="the KR target (strategy explicit)")
    p.add_argument("--strategy", choices=STRATEGIES, help="how to set the target")
    p.add_argument("--score", type=float, help="clear_at_score: score that clears the threshold")
    p.add_argument("--multiple", type=float, help="gap_multiple: threshold gaps to aim (>= 1)")
    p.add_argument("--quantile", type=float, help="history_quantile: quantile of the history")
    p.add_argument("--benchmark", help="benchmark_top: the KPI's name in the benchmarks table")
    _files(
        p.add_argument(
            "--history",
            metavar="CSV",
            help="KPI history (kpi, week, value, threshold); - for stdin",
        )
    )
    p.add_argument("--better", choices=("higher", "lower"), help="default higher")
    p.add_argument("--unit", help="unit for the statement: %%, days, $ ...")
    p.add_argument("--label", help="readable name for the statement")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _settings_option(p)
    p.set_defaults(func=_convert)

    p = _sub(
        sub,
        "plan",
        "plan the move from MBO to OKRs, or check a plan's guardrails",
        "Assess replace-or-coexist from the workshop answers (the flags below; each\n"
        "left out means 'no'), then lay out the team x quarter plan and check it against\n"
        "the guardrails: no OKR score tied to pay, no annual OKRs, every team on OKRs by\n"
        "the end of a replacement. --check PLAN.csv checks a plan edited by hand (- reads\n"
        "it from standard input); --format csv prints the plan itself as CSV.",
        _epilog(
            '  okr plan --teams "Sales,Product,Support" --stale-targets --pilot Product\n'
            '  okr plan --teams "Sales,Product,Support" --wave Product --wave Sales,Support\n'
            '  okr plan --teams "Risk,Lending,IT" --regulated --annual-bonus --format json\n'
            '  okr plan --teams "Sales,Ops" --start 2027Q1 --csv plan.csv\n'
            "  okr plan --check plan.csv\n"
            '  okr plan --teams "Sales,Ops" --format csv | okr plan --check -',
            "the plan breaks a guardrail",
        ),
    )
    p.add_argument("--teams", help="comma-separated team names")
    p.add_argument("--start", help="first quarter, e.g. 2027Q1 (default: next year's Q1)")
    p.add_argument("--strategy", choices=("replace", "coexist"), help="override the assessment")
    p.add_argument("--pilot", help="comma-separated pilot team(s) (default: the first team)")
    p.add_argument(
        "--wave",
        action="append",
        metavar="TEAMS",
        help="teams starting OKRs in one quarter, comma-separated; repeat per quarter, "
        "the first being the pilot",
    )
    p.add_argument("--regulated", action="store_true", help="a regulator expects an annual record")
    p.add_argument("--annual-bonus", action="store_true", help="bonuses are paid on annual targets")
    p.add_argument(
        "--annual-hr-review", action="store_true", help="HR processes assume an annual review"
    )
    p.add_argument("--stale-targets", action="store_true", help="annual targets go stale by Q2")
    p.add_argument(
        "--mid-year-changes",
        action="store_true",
        help="teams must course-correct between formal reviews",
    )
    _files(p.add_argument("--csv", metavar="OUT", help="also write the plan as CSV (atomically)"))
    _files(
        p.add_argument(
            "--check", metavar="PLAN", help="check a plan CSV instead of making one; - for stdin"
        )
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default), json, or csv: the plan alone, as --csv writes it",
    )
    p.set_defaults(func=_plan)

    p = _sub(
        sub,
        "new",
        "write a commented starter OKR file (YAML)",
        "Write a starter OKR file in the documented YAML format: one objective with\n"
        "three key results, a KPI and a check-in, each field commented. An existing file\n"
        "is never overwritten unless --force is given; the file is written atomically.\n"
        "FILE - writes the starter to standard output.",
        _epilog(
            "  okr new okrs.yaml\n  okr new okrs.yaml --company Acme --cycle 2027Q1 --force\n"
            "  okr new - | okr lint -",
            None,
        ),
    )
    _files(p.add_argument("file", help="the YAML file to write (.yaml or .yml); - for stdout"))
    p.add_argument("--company", help="the company's name")
    p.add_argument("--cycle", help="the quarter, YYYYQn (default: the current quarter)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=_new)

    p = _sub(
        sub,
        "export",
        "convert an OKR file between YAML, CSV and Excel",
        "Read an OKR file (.yaml/.yml, .csv or .xlsx), check it, and write the same OKRs\n"
        "in the format OUTPUT's suffix names. A CSV gets NAME.kpis.csv and\n"
        "NAME.checkins.csv beside it when there are KPIs or check-ins. In CSV and Excel,\n"
        "text a spreadsheet would run as a formula (= + - @) is written with a leading '.\n"
        "Nothing is written over the input or, without --force, over an existing file.\n"
        "FILE - reads standard input; -o - writes standard output, as --output-format\n"
        "says (default yaml; csv only when there are no KPIs or check-ins, which a CSV\n"
        "keeps in side files).",
        _epilog(
            "  okr export client_draft.xlsx -o okrs.yaml\n"
            "  okr export okrs.yaml -o okrs.xlsx --force\n"
            "  okr export client_draft.xlsx -o - | less\n"
            "  okr export - --input-format xlsx -o - < client_draft.xlsx > okrs.yaml",
            None,
        ),
    )
    _files(p.add_argument("file", help="OKR file to read: .yaml/.yml, .csv or .xlsx; - for stdin"))
    _input_format(p)
    _files(
        p.add_argument(
            "-o",
            "--output",
            required=True,
            help="file to write: .yaml, .csv or .xlsx; - for stdout",
        )
    )
    p.add_argument(
        "--output-format",
        choices=_INPUT_FORMATS,
        help="what -o - writes (default yaml); for a file, its suffix decides",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(func=_export)

    p = _sub(
        sub,
        "file-format",
        "show the OKR file format: every field of YAML, CSV and Excel files",
        "Print the description of the OKR file format (version 1) that comes with the\n"
        "installed toolkit: every field of the YAML file, the CSV and Excel layouts, the\n"
        "units, and how editors check a file against the JSON Schema. In a terminal it\n"
        "opens in your pager. --schema prints where the JSON Schema file is installed;\n"
        "--modeline the first line that points an editor at it (okr new writes it).",
        _epilog(
            "  okr file-format\n"
            "  okr file-format | grep -A3 'baseline:'\n"
            "  okr file-format --schema\n"
            "  { okr file-format --modeline; cat draft.yaml; } > okrs.yaml",
            None,
        ),
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--schema", action="store_true", help="print the path of the installed JSON Schema"
    )
    group.add_argument(
        "--modeline",
        action="store_true",
        help="print the '# yaml-language-server: $schema=file://...' line that okr new "
        "writes first, for this installation",
    )
    group.add_argument("--path", action="store_true", help="print the path of the document")
    p.set_defaults(func=_file_format)

    p = _sub(
        sub,
        "completion",
        "print the shell completion script for okr (bash, zsh or tcsh)",
        "Print a script that teaches your shell to complete okr's commands, options,\n"
        "choices and file names. Install it once:\n\n"
        "  bash  okr completion bash > ~/.local/share/bash-completion/completions/okr\n"
        "        (needs the bash-completion package; or add to ~/.bashrc:\n"
        '         eval "$(okr completion bash)")\n'
        "  zsh   okr completion zsh > ~/.zfunc/_okr, and in ~/.zshrc, before compinit:\n"
        "        fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit\n"
        "  tcsh  okr completion tcsh > ~/.okr.completion.tcsh, and in ~/.tcshrc:\n"
        "        source ~/.okr.completion.tcsh\n\n"
        "Then open a new shell. The script completes the command named okr.",
        _epilog(
            "  okr completion bash > ~/.local/share/bash-completion/completions/okr\n"
            "  okr completion zsh > ~/.zfunc/_okr",
            None,
        ),
    )
    p.add_argument("shell", choices=COMPLETION_SHELLS, help="the shell to complete in")
    p.set_defaults(func=_completion)

    p = _sub(
        sub,
        "notebooks",
        "copy the teaching notebooks into a folder, to open in JupyterLab",
        "Copy the nine teaching notebooks that come with the toolkit (00_start_here to\n"
        "08_company_case_study) into DIR, made if needed, and say how to open them. They\n"
        "read their data from the installed package, so DIR can be anywhere. If any of\n"
        "them is in DIR already, nothing is copied unless --force is given, which\n"
        f"replaces them. JupyterLab comes with: {LAB_EXTRA}",
        _epilog(
            "  okr notebooks my-notebooks\n  jupyter lab my-notebooks\n"
            "  okr notebooks my-notebooks --force   # back to the originals",
            None,
        ),
    )
    _folder(p.add_argument("dir", metavar="DIR", help="the folder to copy them into"))
    p.add_argument("--force", action="store_true", help="replace notebooks already in DIR")
    p.set_defaults(func=_notebooks)

    p = _sub(
        sub,
        "dashboard",
        "serve the workshop dashboard in the browser (Voila)",
        "Serve the workshop dashboard with Voila at http://HOST:PORT/ until Ctrl-C: pick a\n"
        "bundled example or upload a client's OKR file; scores, pacing, KPI health, lint\n"
        "findings, the apps, and the report as a download. The page loads nothing from the\n"
        "internet. It listens on 127.0.0.1 (this machine only) unless --host says\n"
        "otherwise; another host gets a token, printed by Voila.\n"
        f"Voila comes with: {DASHBOARD_EXTRA}",
        _epilog(
            "  okr dashboard\n  okr dashboard --port 9000 --open\n"
            "  okr dashboard --host 0.0.0.0   # for a workshop room; token required",
            None,
        ),
    )
    p.add_argument("--port", type=int, default=8866, help="the port (default 8866)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    p.add_argument("--open", action="store_true", help="open it in a web browser, too")
    p.set_defaults(func=_dashboard)
    return parser


#: The exit code after the reader of stdout went away (``okr score big.csv | head -1``):
#: 128 + SIGPIPE, what a shell reports for any Unix tool stopped that way.
EXIT_BROKEN_PIPE = 141
#: The exit code after Ctrl-C: 128 + SIGINT.
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None, *, prog: str = "okr") -> int:
    """Run the ``okr`` command; returns the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the command's name; default ``sys.argv[1:]``.
    prog : str, default "okr"
        The command's name in usage lines and help (``python -m okr_toolkit``
        passes its own).

    Returns
    -------
    int
        0 ok; 1 the data was read but has problems; 2 unreadable input or bad
        usage; 141 the reader of stdout closed the pipe; 130 interrupted (Ctrl-C).

    Examples
    --------
    >>> main(["--version"])
    okr-toolkit ...
    0
    >>> main(["score", "no-such-file.csv"])
    2
    """
    try:
        code = _run(argv, prog)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code


def _silence_stdout() -> None:
    """The reader of stdout went away: point stdout at devnull so that the flush at exit
    cannot fail again (the pattern the Python documentation recommends for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(argv: Sequence[str] | None, prog: str) -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, usage errors (2)
        return int(done.code or 0) if not isinstance(done.code, str) else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except SystemExit as done:  # parser.error() inside a command: bad usage
        return int(done.code or 0) if not isinstance(done.code, str) else 2
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except _Unreadable as err:
        return _fail(str(err), 2)
    except OKRDataError as err:
        return _fail(_first_line(err), 2)
    except Exception as err:  # a bug: still one line, never a traceback
        return _fail(f"unexpected error, please report it: {type(err).__name__}: {err}", 2)


def module_prog(module: str) -> str:
    """The command's name when run as ``python -m MODULE``, as Python 3.14's argparse shows it.

    Examples
    --------
    >>> module_prog("okr_toolkit").endswith(" -m okr_toolkit")
    True
    """
    return f"{os.path.basename(sys.executable) or 'python'} -m {module}"
