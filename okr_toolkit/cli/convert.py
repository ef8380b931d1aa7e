"""``okr convert``: turn a stalled KPI into a stretch key result. The KPIs come from the
command line (``--kpi`` with ``--current`` and ``--threshold``), from an OKR file (each
KPI below its threshold; healthy ones are skipped) or from a KPI history (each stalled
KPI); each becomes a proposal by :func:`okr_toolkit.kpi_to_kr`, printed with its
explanation. A target that does not clear its threshold, or a KPI whose numbers
cannot make a key result, exits 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from okr_toolkit.exceptions import OKRDataError

from ._common import Unreadable, first_line, shown_name
from .inputs import load_settings, one_stdin, read_okr, read_table
from .options import add_command, epilog, files, input_format_option, settings_option
from .outputs import print_json

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "turn a stalled KPI into a stretch key result"
_DESCRIPTION = (
    "Propose a key result from a KPI below its threshold: the KPI's current value\n"
    "becomes the baseline, its threshold stays the floor, the target is set past it\n"
    "by a strategy (default clear_at_score with --score 0.5: a score of 0.5 clears\n"
    "the threshold; --target T means strategy explicit).\n\n"
    "One KPI:        --kpi NAME --current X --threshold Y [--target T | --strategy S]\n"
    "An OKR file:    FILE - every KPI of the file that is below its threshold; healthy\n"
    "                KPIs are skipped (not every KPI should become a key result)\n"
    "A KPI history:  --history CSV (kpi, week, value, threshold[, better, unit]) -\n"
    "                every stalled KPI, the baseline being the level it is stuck at"
)
_EXAMPLES = (
    "  okr convert --kpi activation_rate --current 42 --threshold 50 --target 65 "
    "--unit %\n"
    "  okr convert --kpi sales_cycle --current 45 --threshold 40 --better lower \\\n"
    "              --strategy gap_multiple --multiple 3 --unit days\n"
    "  okr convert okrs.yaml --format json\n"
    "  okr convert --history kpi_history.csv --strategy history_quantile\n"
    "  okr convert - < okrs.yaml"
)
_PROBLEMS = (
    "a proposed target does not clear the KPI\n"
    "     threshold (even a perfect score would leave the KPI breached), or a KPI's\n"
    "     numbers cannot make a key result"
)
#: Each strategy's own option, which no other strategy takes.
_STRATEGY_OPTIONS = (
    ("score", "clear_at_score"),
    ("multiple", "gap_multiple"),
    ("quantile", "history_quantile"),
    ("benchmark", "benchmark_top"),
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr convert`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    from okr_toolkit.planning.convert import STRATEGIES

    p = add_command(subparsers, "convert", _HELP, _DESCRIPTION, epilog(_EXAMPLES, _PROBLEMS))
    files(p.add_argument("file", nargs="?", help="OKR file whose KPIs to convert; - for stdin"))
    input_format_option(p)
    p.add_argument("--kpi", help="the KPI's name, e.g. activation_rate")
    p.add_argument("--current", type=float, help="the KPI's value now: the KR baseline")
    p.add_argument("--threshold", type=float, help="the level the KPI defends")
    p.add_argument("--target", type=float, help="the KR target (strategy explicit)")
    p.add_argument("--strategy", choices=STRATEGIES, help="how to set the target")
    p.add_argument("--score", type=float, help="clear_at_score: score that clears the threshold")
    p.add_argument("--multiple", type=float, help="gap_multiple: threshold gaps to aim (>= 1)")
    p.add_argument("--quantile", type=float, help="history_quantile: quantile of the history")
    p.add_argument("--benchmark", help="benchmark_top: the KPI's name in the benchmarks table")
    files(
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
    settings_option(p)
    p.set_defaults(func=run)
    return p


class _Job(NamedTuple):
    """One KPI to propose a key result for."""

    kpi: str
    current: float
    threshold: float
    better: str
    unit: str
    label: str | None
    #: The key results of the OKR file that already move this KPI.
    linked: list[str]


@dataclass
class _Work:
    """The KPIs to convert, and those left out with why."""

    jobs: list[_Job] = field(default_factory=list)
    #: ``{"kpi": ..., "reason": ...}``: nothing to do (healthy, no value yet ...).
    skipped: list[dict[str, str]] = field(default_factory=list)
    #: ``{"kpi": ..., "problem": ...}``: the KPI's numbers cannot make a key result.
    problems: list[dict[str, str]] = field(default_factory=list)


def run(args: argparse.Namespace) -> int:
    """Run ``okr convert``: a proposal for each KPI to convert, then what was skipped.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        1 when a proposal does not clear its threshold or a KPI could not be
        converted, else 0.
    """
    parser = args.parser
    _check_sources(args, parser)
    options = _strategy_options(args, parser)
    one_stdin(parser, FILE=args.file, __history=args.history)
    history = read_table(args.history) if args.history else None
    if options["strategy"] == "history_quantile" and history is None:
        parser.error("--strategy history_quantile needs --history CSV")
    settings = load_settings(args)
    if args.kpi is not None:
        work = _Work(jobs=[_job_of_options(args)])
    elif args.file:
        work = _work_from_file(args.file, args.input_format, settings)
    else:
        assert history is not None  # the parser checks above leave only --history
        work = _work_from_history(args.history, history, settings)
    proposals = _propose(work, args.target, history, options, settings)
    return _show(args.format, proposals, work)


def _check_sources(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Exactly one source of KPIs, with the options that belong to it (else bad usage)."""
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


def _strategy_options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict:
    """The keyword arguments of :func:`okr_toolkit.kpi_to_kr` chosen on the command line."""
    strategy = args.strategy or ("explicit" if args.target is not None else "clear_at_score")
    if args.target is not None and strategy != "explicit":
        parser.error(
            f"--target sets the target itself; it cannot be used with --strategy {strategy}"
        )
    for option, needs in _STRATEGY_OPTIONS:
        if getattr(args, option) is not None and strategy != needs:
            parser.error(f"--{option} applies to --strategy {needs}, not {strategy}")
    options: dict[str, Any] = {"strategy": strategy}
    for option, _ in _STRATEGY_OPTIONS:
        if getattr(args, option) is not None:
            options[option] = getattr(args, option)
    return options


def _job_of_options(args: argparse.Namespace) -> _Job:
    """The one KPI that ``--kpi``, ``--current``, ``--threshold`` ... describe."""
    return _Job(
        args.kpi,
        args.current,
        args.threshold,
        args.better or "higher",
        args.unit or "",
        args.label,
        [],
    )


def _work_from_file(path: str, input_format: str | None, settings: Any) -> _Work:
    """Each KPI of an OKR file below its threshold; the healthy ones skipped."""
    from okr_toolkit.workspace import Workspace

    source = read_okr(path, input_format)
    kpis = source.kpis
    if kpis is None or len(kpis) == 0:
        raise Unreadable(f"{shown_name(path)}: lists no KPIs; add a 'kpis' list to convert")
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
    work = _Work()
    for (_, k), unit in zip(health.iterrows(), units, strict=True):
        name = str(k["kpi"])
        status = str(k["status"])
        if status == "no value yet":
            work.skipped.append({"kpi": name, "reason": "no value yet: nothing to start from"})
        elif status.startswith("no status"):
            work.problems.append({"kpi": name, "problem": status.removeprefix("no status: ")})
        elif status != "breached":
            work.skipped.append({"kpi": name, "reason": _healthy_reason(status, k)})
        else:
            work.jobs.append(
                _Job(
                    name,
                    float(k["value"]),
                    float(k["threshold"]),
                    str(k["better"]),
                    "" if pd.isna(unit) else str(unit),
                    None,
                    links.get(name, []),
                )
            )
    return work


def _healthy_reason(status: str, kpi: pd.Series) -> str:
    """Why a KPI that meets its threshold is skipped."""
    met = "meets" if status == "healthy" else "only just meets"
    return (
        f"{met} its threshold ({_plain(kpi['value'])} against "
        f"{_plain(kpi['threshold'])}): keep "
        "it as a health check; not every KPI needs to become a key result"
    )


def _work_from_history(path: str, history: pd.DataFrame, settings: Any) -> _Work:
    """Each KPI that a KPI history shows stalled, the baseline the level it is stuck at."""
    from okr_toolkit.planning.convert import find_candidates

    try:
        candidates = find_candidates(history, settings=settings)
    except (OKRDataError, KeyError) as err:
        raise Unreadable(
            f"{shown_name(path)}: cannot use as KPI history: {first_line(err)}"
        ) from err
    units = history.groupby("kpi")["unit"].last().to_dict() if "unit" in history.columns else {}
    work = _Work()
    for kpi, row in candidates.iterrows():
        unit = units.get(kpi, "")
        work.jobs.append(
            _Job(
                str(kpi),
                float(row["baseline"]),
                float(row["threshold"]),
                str(row["better"]),
                "" if pd.isna(unit) else str(unit),
                None,
                [],
            )
        )
    if not work.jobs:
        work.skipped.append({"kpi": "(all)", "reason": "no KPI in the history is stalled"})
    return work


def _propose(
    work: _Work,
    target: float | None,
    history: pd.DataFrame | None,
    options: dict[str, Any],
    settings: Any,
) -> list[dict[str, Any]]:
    """A proposal record for each job; a KPI that cannot make one goes to the problems."""
    from okr_toolkit.planning.convert import kpi_to_kr

    proposals: list[dict[str, Any]] = []
    for job in work.jobs:
        try:
            proposal = kpi_to_kr(
                job.kpi,
                job.current,
                job.threshold,
                target=target,
                history=history,
                better=job.better,  # type: ignore[arg-type]
                unit=job.unit,
                label=job.label,
                settings=settings,
                **options,
            )
        except OKRDataError as err:
            work.problems.append({"kpi": job.kpi, "problem": first_line(err)})
            continue
        except ValueError as err:
            raise Unreadable(first_line(err)) from err
        proposals.append(_proposal_record(proposal, job.linked, settings=settings))
    return proposals


def _proposal_record(
    proposal: Any, linked: Sequence[str] = (), *, settings: Any = None
) -> dict[str, Any]:
    """A proposal as a JSON record, with its explanation and the KRs already linked."""
    from okr_toolkit.core.settings import DEFAULT_SETTINGS
    from okr_toolkit.planning.convert import explain

    record = proposal.to_dict()
    record["explanation"] = explain(proposal, settings=settings or DEFAULT_SETTINGS)
    record["clears_threshold"] = bool(proposal.threshold_score < 1)
    record["linked_krs"] = list(linked)
    return record


def _show(fmt: str, proposals: list[dict[str, Any]], work: _Work) -> int:
    """Print the proposals and what was skipped; the problems on stderr. The exit code."""
    if fmt == "json":
        print_json({"proposals": proposals, "skipped": work.skipped, "problems": work.problems})
    else:
        for record in proposals:
            _print_proposal(record)
        for item in work.skipped:
            print(f"{item['kpi']}: skipped: {item['reason']}")
    for item in work.problems:
        print(f"okr: KPI {item['kpi']!r}: {item['problem']}", file=sys.stderr)
    short = [r["kpi"] for r in proposals if not r["clears_threshold"]]
    for name in short:
        print(
            f"okr: KPI {name!r}: the proposed target does not clear the threshold",
            file=sys.stderr,
        )
    return 1 if short or work.problems else 0


def _print_proposal(record: dict[str, Any]) -> None:
    """One proposal as text: the KPI, the key result, its numbers and its explanation."""
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


def _plain(x: float) -> str:
    """A number as a person writes it: 12,995,100 rather than 1.29951e+07."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def _fmt(value: float, unit: str = "") -> str:
    """A number with its unit: ``42%``, ``45 days``, ``3.5``."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
