"""``okr plan``: plan the move from MBO to OKRs. The workshop answers (flags) give the
replace-or-coexist assessment; then the team x quarter plan is laid out and checked
against the guardrails (no OKR score tied to pay, no annual OKRs, every team on OKRs
by the end of a replacement). ``--check PLAN.csv`` checks a plan edited by hand. A
broken guardrail exits 1.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from okr_toolkit._atomic import write_atomic
from okr_toolkit.exceptions import OKRDataError

from ._common import STDIO, Unreadable, first_line, shown_name
from .inputs import read_table
from .options import add_command, epilog, files
from .outputs import print_json, records

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "plan the move from MBO to OKRs, or check a plan's guardrails"
_DESCRIPTION = (
    "Assess replace-or-coexist from the workshop answers (the flags below; each\n"
    "left out means 'no'), then lay out the team x quarter plan and check it against\n"
    "the guardrails: no OKR score tied to pay, no annual OKRs, every team on OKRs by\n"
    "the end of a replacement. --check PLAN.csv checks a plan edited by hand (- reads\n"
    "it from standard input); --format csv prints the plan itself as CSV."
)
_EXAMPLES = (
    '  okr plan --teams "Sales,Product,Support" --stale-targets --pilot Product\n'
    '  okr plan --teams "Sales,Product,Support" --wave Product --wave Sales,Support\n'
    '  okr plan --teams "Risk,Lending,IT" --regulated --annual-bonus --format json\n'
    '  okr plan --teams "Sales,Ops" --start 2027Q1 --csv plan.csv\n'
    "  okr plan --check plan.csv\n"
    '  okr plan --teams "Sales,Ops" --format csv | okr plan --check -'
)
_PROBLEMS = "the plan breaks a guardrail"


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr plan`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "plan", _HELP, _DESCRIPTION, epilog(_EXAMPLES, _PROBLEMS))
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
    _answer_options(p)
    files(p.add_argument("--csv", metavar="OUT", help="also write the plan as CSV (atomically)"))
    files(
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
    p.set_defaults(func=run)
    return p


def _answer_options(p: argparse.ArgumentParser) -> None:
    """The workshop answers, one flag each (left out means 'no')."""
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


def _names(text: str) -> list[str]:
    """``"Sales, Ops"`` -> ``["Sales", "Ops"]``."""
    return [part.strip() for part in text.split(",")]


def _default_start(today: _dt.date) -> str:
    """The next Q1: an MBO year usually starts with the calendar year."""
    return f"{today.year + 1}Q1"


def run(args: argparse.Namespace) -> int:
    """Run ``okr plan``: check a plan (``--check``), or assess, plan and check.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        1 when the plan breaks a guardrail, else 0.
    """
    from okr_toolkit.planning.migration import PLAN_COLUMNS, check_plan

    parser = args.parser
    if args.csv == STDIO:
        parser.error("to print the plan as CSV on standard output, use --format csv")
    if args.check:
        return _check(args)
    if not args.teams:
        parser.error("give --teams 'Sales,Ops,...' to plan, or --check PLAN.csv to check a plan")
    assessment, strategy, plan = _make_plan(args)
    problems = check_plan(plan)
    if args.csv:
        out = Path(args.csv)
        try:
            write_atomic(out, plan[list(PLAN_COLUMNS)].to_csv(index=False).encode("utf-8"))
        except OSError as err:
            raise Unreadable(f"cannot write {out}: {err.strerror or err}") from err
    if args.format == "csv":
        # The plan alone, as --csv writes it; guardrail problems go to stderr and exit 1.
        sys.stdout.write(plan[list(PLAN_COLUMNS)].to_csv(index=False))
        for problem in problems:
            print(f"okr: guardrail: {problem}", file=sys.stderr)
    elif args.format == "json":
        _print_plan_json(assessment, strategy, plan, problems)
    else:
        _print_plan(assessment, strategy, plan, problems)
    if args.csv:
        print(f"wrote {args.csv}", file=sys.stderr if args.format != "text" else sys.stdout)
    return 1 if problems else 0


def _check(args: argparse.Namespace) -> int:
    """``--check PLAN``: print the guardrail problems of a plan CSV; 1 when there are any."""
    from okr_toolkit.planning.migration import check_plan

    parser = args.parser
    if args.teams or args.csv or args.pilot or args.wave:
        parser.error("--check reads a plan; it cannot be combined with --teams, --csv, ...")
    if args.format == "csv":
        parser.error("--check prints guardrail problems: use --format text or json")
    name = shown_name(args.check)
    plan = read_table(args.check)
    problems = check_plan(plan)
    if args.format == "json":
        print_json({"plan_file": name, "problems": problems})
    elif problems:
        print(f"{name}: {len(problems)} guardrail problem(s):")
        for problem in problems:
            print(f"  - {problem}")
    else:
        print(f"{name}: every guardrail kept")
    return 1 if problems else 0


def _make_plan(args: argparse.Namespace) -> tuple[Any, str, pd.DataFrame]:
    """The assessment of the answers, the strategy planned and the plan itself."""
    from okr_toolkit.planning.migration import MigrationProfile, assess_migration, plan_migration

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
        raise Unreadable(first_line(err)) from err
    return assessment, strategy, plan


def _print_plan_json(
    assessment: Any, strategy: str, plan: pd.DataFrame, problems: list[str]
) -> None:
    """The assessment, the plan and its guardrail problems as one JSON object."""
    print_json(
        {
            "assessment": {
                "decision": assessment.decision,
                "summary": assessment.summary,
                "reasons": [r._asdict() for r in assessment.reasons],
                "risks": list(assessment.risks),
            },
            "strategy": strategy,
            "plan": records(plan),
            "problems": problems,
        }
    )


def _print_plan(assessment: Any, strategy: str, plan: pd.DataFrame, problems: list[str]) -> None:
    """The assessment, the team x quarter grid, the milestones and the guardrails as text."""
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
