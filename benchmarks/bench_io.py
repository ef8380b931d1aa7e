"""OKR file reading and writing: the checked reader beside the bare parsers, per format.

A synthetic company of N key results (4 per objective, 13 weekly check-ins each,
one KPI per objective) is written once as YAML, CSV (+ side files) and Excel.
For each format the benchmark times

* ``read_okr_file`` (parse, check every field, build the tidy frames), and
* the bare parser alone (``yaml.load`` with the pure-Python and the C SafeLoader,
  ``csv.reader``, ``openpyxl.load_workbook``), which checks nothing,

and prints the ratio: what the checking and the locations cost. It also times
``write_okr_file``. Run: ``.venv/bin/python benchmarks/bench_io.py``. Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

import openpyxl
import yaml
from bench_scoring import timed  # the median of repeated runs, shared by the benchmarks

from okr_toolkit.io import read_okr_file, side_files, write_okr_file


def make_yaml(n_krs: int) -> str:
    """A valid OKR file with ``n_krs`` key results, check-ins and KPIs."""
    lines = ["version: 1", "company: Benchmark Ltd", "cycle: 2026Q3", "objectives:"]
    kpis = ["kpis:"]
    for o in range(n_krs // 4):
        lines += [
            f"  - id: obj{o}",
            f"    title: Make onboarding something team {o} customers talk about",
            f"    team: Team {o % 9}",
            "    level: team",
            "    key_results:",
        ]
        for k in range(4):
            base = 10 + (o * 7 + k) % 50
            lines += [
                f"      - id: obj{o}.kr{k}",
                f"        statement: Lift metric {k} of team {o} from {base}% to {base + 20}%",
                f"        kpi: kpi{o}",
                f"        baseline: {base}",
                f"        target: {base + 20}",
                '        unit: "%"',
                "        checkins:",
            ]
            for w in range(13):
                lines.append(
                    f"          - {{date: 2026-07-{6 + w:02d}, value: {base + w * 0.9:.1f}, "
                    f"confidence: {5 + w % 4}}}"
                    if w < 4
                    else f"          - {{date: 2026-{7 + (6 + w * 7) // 31:02d}-"
                    f"{(6 + w * 7) % 31 + 1:02d}, value: {base + w * 0.9:.1f}, confidence: 6}}"
                )
        kpis += [f"  - {{name: kpi{o}, threshold: 50, value: 45, unit: '%'}}"]
    return "\n".join(lines + kpis) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2_000, help="key results (default 2,000)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "okrs.yaml"
        src.write_text(make_yaml(args.n), encoding="utf-8")
        okrs = read_okr_file(src)
        n_checkins = len(okrs.checkins)
        paths = {
            fmt: write_okr_file(okrs, Path(folder) / f"copy{fmt}") for fmt in (".csv", ".xlsx")
        }
        size = src.stat().st_size / 1024
        print(f"{len(okrs.okrs):,} key results, {n_checkins:,} check-ins; YAML {size:,.0f} KiB")

        def bare_csv() -> None:
            for p in (paths[".csv"], *side_files(paths[".csv"])):
                with p.open(encoding="utf-8", newline="") as fh:
                    list(csv.reader(fh))

        text = src.read_text(encoding="utf-8")
        rows = [
            ("YAML", lambda: read_okr_file(src), "yaml.load, pure-Python SafeLoader",
             lambda: yaml.load(text, Loader=yaml.SafeLoader)),
            ("YAML", lambda: read_okr_file(src), "yaml.load, C SafeLoader",
             lambda: yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))),
            ("CSV", lambda: read_okr_file(paths[".csv"]), "csv.reader, 3 files", bare_csv),
            ("Excel", lambda: read_okr_file(paths[".xlsx"]), "openpyxl read-only, all cells",
             lambda: [list(ws.iter_rows(values_only=True))
                      for ws in openpyxl.load_workbook(paths[".xlsx"], read_only=True).worksheets]),
        ]  # fmt: skip
        print(f"{'format':7}{'read_okr_file':>15}{'bare parser':>13}{'ratio':>8}  bare parser")
        for fmt, ours, label, bare in rows:
            t_ours, t_bare = timed(ours, args.repeat), timed(bare, args.repeat)
            ratio = t_ours / t_bare
            print(f"{fmt:7}{t_ours * 1e3:>12.0f} ms{t_bare * 1e3:>10.0f} ms{ratio:>7.1f}x  {label}")
        for fmt in (".yaml", ".csv", ".xlsx"):
            target = Path(folder) / f"out{fmt}"
            t = timed(lambda t=target: write_okr_file(okrs, t, overwrite=True), args.repeat)
            print(f"write_okr_file {fmt:6} {t * 1e3:8.0f} ms")


if __name__ == "__main__":
    main()
