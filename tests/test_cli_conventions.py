"""The okr command as a Unix tool: python -m, pipes, stdin and stdout, completion, help.

What is about processes (a closed pipe, standard input, ``python -m``) runs the
command in a real subprocess; the rest calls :func:`okr_toolkit.cli.main`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from okr_toolkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "datasets" / "sample_okrs.yaml"
PY_M = [sys.executable, "-m", "okr_toolkit"]


def _okr() -> list[str]:
    """The installed ``okr`` script beside this Python, else ``python -m okr_toolkit``."""
    script = Path(sys.executable).with_name("okr")
    return [str(script)] if script.exists() else PY_M


def _run(argv: list[str], **kw) -> subprocess.CompletedProcess[str]:
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 120)
    return subprocess.run(argv, check=False, **kw)


# --- python -m okr_toolkit -------------------------------------------------------------


def test_python_m_runs_the_command_and_names_itself_so():
    done = _run([*PY_M, "--help"])
    assert done.returncode == 0, done.stderr
    prog = f"{Path(sys.executable).name} -m okr_toolkit"
    assert done.stdout.startswith(f"usage: {prog} [-h]")
    done = _run([*PY_M, "score", "--help"])
    assert done.stdout.startswith(f"usage: {prog} score [-h]")
    done = _run([*PY_M, "--version"])
    assert done.returncode == 0 and done.stdout.startswith("okr-toolkit ")


def test_python_m_keeps_the_exit_codes_and_the_okr_prefix(tmp_path):
    done = _run([*PY_M, "score", str(tmp_path / "missing.yaml")])
    assert done.returncode == 2
    assert done.stderr.startswith("okr: ") and "Traceback" not in done.stderr
    done = _run([*PY_M, "frobnicate"])
    assert done.returncode == 2 and f"usage: {Path(sys.executable).name} -m okr_toolkit" in (
        done.stderr
    )
    done = _run([*PY_M, "lint", str(SAMPLE)])
    assert done.returncode == 1 and "2 errors, 6 warnings" in done.stdout


def test_the_installed_script_is_named_okr():
    if _okr() == PY_M:
        pytest.skip("the package is not installed with its entry point")
    done = _run([*_okr(), "lint", "--help"])
    assert done.stdout.startswith("usage: okr lint [-h]")


# --- a closed pipe ---------------------------------------------------------------------


def _into_head(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, bytes]:
    """Run ``argv | head -1`` with real pipes: okr's exit code and stderr, head's output."""
    writer = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    head = subprocess.Popen(["head", "-1"], stdin=writer.stdout, stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()  # head holds the only reading end: when it exits, the pipe closes
    if stdin is not None:
        assert writer.stdin is not None
        writer.stdin.write(stdin)
        writer.stdin.close()
    shown, _ = head.communicate(timeout=120)
    err = writer.stderr.read().decode()
    writer.stderr.close()
    return writer.wait(timeout=120), err, shown


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    """50,000 KRs: far more output than a pipe buffers, so the writer meets the closed pipe."""
    path = tmp_path_factory.mktemp("big") / "big.csv"
    rows = [f"k{i},10,20,{10 + i % 11}" for i in range(50_000)]
    path.write_text("kr_id,baseline,target,current\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_yaml(tmp_path_factory) -> Path:
    """2,000 objectives whose KRs have no number: thousands of lint findings."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    parts = ["version: 1\ncycle: 2026Q3\nobjectives:\n"]
    for i in range(2000):
        parts.append(
            f"  - id: o{i}\n    title: Delight customers {i}\n    key_results:\n"
            f"      - statement: Improve customer satisfaction\n"
        )
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_score_into_head_stops_quietly(big_csv):
    code, err, shown = _into_head([*_okr(), "score", str(big_csv)])
    assert shown.split() == [b"kr_id", b"baseline", b"target", b"current", b"score", b"grade"]
    assert err == ""  # no "unreadable input", no traceback, no "Exception ignored"
    assert code == 141  # 128 + SIGPIPE, as a shell reports for `yes | head -1`


def test_lint_into_head_stops_quietly(big_yaml):
    code, err, shown = _into_head([*_okr(), "lint", str(big_yaml)])
    assert shown.startswith(f"{big_yaml}:".encode())
    assert err == "" and code == 141


def test_json_into_head_stops_quietly(big_csv):
    code, err, shown = _into_head([*PY_M, "score", str(big_csv), "--format", "json"])
    assert shown == b"[\n" and err == "" and code == 141


def test_help_into_head_never_complains():
    code, err, shown = _into_head([*_okr(), "convert", "--help"])
    assert shown.startswith(b"usage: okr") and err == "" and code in (0, 141)


def _lint_raises(monkeypatch, error: BaseException) -> None:
    import okr_toolkit.cli.lint as lint_command

    def raises(args):
        raise error

    monkeypatch.setattr(lint_command, "run", raises)


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch, capsys):
    _lint_raises(monkeypatch, KeyboardInterrupt())
    assert main(["lint", "x.yaml"]) == 130
    assert capsys.readouterr().err == ""


def test_no_traceback_even_for_a_bug(monkeypatch, capsys):
    _lint_raises(monkeypatch, RuntimeError("boom"))
    assert main(["lint", "x.yaml"]) == 2
    err = capsys.readouterr().err
    assert err == "okr: unexpected error, please report it: RuntimeError: boom\n"


def test_a_closed_stdout_in_process_is_141_and_quiet(monkeypatch, capsys):
    """A BrokenPipeError from any command, even one wrapped in an OSError handler."""
    import okr_toolkit.cli.entry as entry

    silenced: list[bool] = []
    monkeypatch.setattr(entry, "_silence_stdout", lambda: silenced.append(True))
    _lint_raises(monkeypatch, BrokenPipeError(32, "Broken pipe"))
    assert main(["lint", "x.yaml"]) == 141
    assert silenced == [True] and capsys.readouterr().err == ""


# --- - for standard input and standard output -------------------------------------------

BROKEN = ROOT / "tests" / "bad_files" / "yaml_several_value_problems.yaml"


def _stdin(argv: list[str], data: bytes | str, **kw) -> subprocess.CompletedProcess:
    text = isinstance(data, str)
    return _run([*_okr(), *argv], input=data, text=text, **kw)


def test_score_and_lint_read_stdin_like_a_file():
    for command, code in (("score", 0), ("lint", 1)):
        from_file = _run([*_okr(), command, str(SAMPLE)])
        from_stdin = _stdin([command, "-"], SAMPLE.read_text(encoding="utf-8"))
        assert (from_file.returncode, from_stdin.returncode) == (code, code)
        assert from_stdin.stdout == from_file.stdout.replace(str(SAMPLE), "<stdin>")
        assert from_stdin.stderr == "" and "<stdin>" in from_stdin.stdout


def test_a_broken_stdin_is_reported_at_its_lines_as_stdin():
    done = _stdin(["lint", "-"], BROKEN.read_bytes())
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert lines[0] == "okr: 4 problems in <stdin>, each with its fix:"
    assert [line.split(": ", 1)[0].strip() for line in lines[1:]] == [
        "<stdin> line 11 column 17",
        "<stdin> line 12 column 15",
        "<stdin> line 17 column 25",
        "<stdin> line 18 column 9",
    ]


def test_csv_on_stdin_names_rows_and_plain_tables_still_score(tmp_path):
    krs = "kr_id,baseline,target,current\nactivation,42,65,58.1\ncycle,45,30,36\n"
    done = _stdin(["score", "-", "--input-format", "csv", "--format", "json"], krs)
    assert done.returncode == 0, done.stderr
    assert '"score": 0.7' in done.stdout
    broken = "objective_id,objective,statement,baseline\na,Grow,Lift X from 1 to 2,lots\n"
    done = _stdin(["lint", "-", "--input-format", "csv"], broken)
    assert done.returncode == 2
    assert done.stderr.startswith("okr: <stdin> row 2 column 'baseline': ")


def test_report_from_stdin_to_stdout(tmp_path):
    done = _run(
        [*_okr(), "report", "-", "-o", "-"],
        input=SAMPLE.read_bytes(),
        cwd=tmp_path,
        text=False,
    )
    assert done.returncode == 0, done.stderr
    html = done.stdout.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "OKR report: &lt;stdin&gt;" in html
    assert "<script" not in html and done.stderr == b""
    assert list(tmp_path.iterdir()) == []  # nothing written beside


def test_report_to_stdout_with_charts_notes_them_on_stderr(tmp_path):
    slides = tmp_path / "slides"
    done = _run([*_okr(), "report", str(SAMPLE), "-o", "-", "--charts", str(slides)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert done.stderr == f"wrote 2 chart files in {slides}\n"
    assert sorted(p.name for p in slides.iterdir()) == ["kpi_health.png", "kpi_health.svg"]


def test_export_through_a_pipeline_round_trips(tmp_path):
    import okr_toolkit as okr

    acme = ROOT / "datasets" / "acme_okrs.yaml"
    yaml_out = _stdin(["export", "-", "-o", "-"], acme.read_bytes())
    assert yaml_out.returncode == 0, yaml_out.stderr
    assert yaml_out.stderr == b""
    again = okr.io.read_okr_data(yaml_out.stdout, format="yaml", name="<stdin>")
    original = okr.read_okr_file(acme)
    for frame in ("okrs", "kpis", "checkins"):
        left, right = getattr(original, frame), getattr(again, frame)
        assert left.drop(columns="line", errors="ignore").equals(
            right.drop(columns="line", errors="ignore")
        ), frame
    xlsx = _stdin(["export", "-", "-o", "-", "--output-format", "xlsx"], acme.read_bytes())
    assert xlsx.returncode == 0 and xlsx.stdout[:2] == b"PK"
    back = _stdin(["score", "-", "--input-format", "xlsx"], xlsx.stdout)
    assert back.returncode == 0, back.stderr
    assert b"<stdin>: 33 key results" in back.stdout


def test_export_csv_to_stdout_only_without_side_files(tmp_path):
    done = _stdin(["export", "-", "-o", "-", "--output-format", "csv"], SAMPLE.read_bytes())
    assert done.returncode == 2
    assert b"side files" in done.stderr and done.stdout == b""
    bare = tmp_path / "bare.yaml"
    bare.write_text(
        "objectives:\n  - id: a\n    title: Grow\n    key_results:\n"
        "      - statement: Lift week-1 activation from 42% to 65%\n",
        encoding="utf-8",
    )
    done = _run([*_okr(), "export", str(bare), "-o", "-", "--output-format", "csv"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("objective_id,objective,")
    assert "Lift week-1 activation from 42% to 65%" in done.stdout


def test_new_to_stdout_pipes_into_lint():
    done = _run(
        ["bash", "-c", f"{' '.join(_okr())} new - --cycle 2027Q1 | {' '.join(_okr())} lint -"]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("<stdin>: 0 errors, 0 warnings, 2 infos\n")


def test_a_plan_printed_as_csv_is_checked_from_stdin():
    okr = " ".join(_okr())
    done = _run(
        [
            "bash",
            "-c",
            f"{okr} plan --teams A,B,C --start 2027Q1 --format csv | {okr} plan --check -",
        ]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "<stdin>: every guardrail kept\n"


def test_process_substitution_needs_only_the_format():
    okr = " ".join(_okr())
    done = _run(["bash", "-c", f"{okr} lint <(cat {SAMPLE})"])
    assert done.returncode == 2
    assert "unknown file type" in done.stderr and "--input-format" in done.stderr
    done = _run(["bash", "-c", f"{okr} lint <(cat {SAMPLE}) --input-format yaml"])
    assert done.returncode == 1 and "2 errors, 6 warnings" in done.stdout


def test_stdin_over_the_size_limit_is_refused():
    from okr_toolkit.io import MAX_FILE_BYTES

    done = _stdin(["lint", "-"], b"# " + b"x" * MAX_FILE_BYTES)
    assert done.returncode == 2
    assert done.stderr.decode().startswith("okr: <stdin>: the input is more than 20 MB")


def test_closed_or_empty_stdin_is_unreadable_input():
    done = _run([*_okr(), "score", "-"], stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stderr.startswith("okr: <stdin>: the input is empty")
    done = _run(["bash", "-c", f"{' '.join(_okr())} lint - <&-"])
    assert done.returncode == 2 and "no standard input" in done.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lint", "-", "--kpis", "-"], "only one input can be read from standard input"),
        (["convert", "-", "--history", "-"], "only one input can be read from standard input"),
        (["report", "x.yaml", "-o", "-", "--charts", "-"], "--charts names a folder"),
        (["plan", "--teams", "A,B", "--csv", "-"], "use --format csv"),
        (["export", "x.yaml", "-o", "out.yaml", "--output-format", "csv"], "does not match"),
        (["score", "-", "--input-format", "json"], "invalid choice: 'json'"),
    ],
)
def test_misused_dashes_are_usage_errors(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_no_excel_to_a_terminal(monkeypatch, capsys):
    import okr_toolkit.cli.export as export_command

    monkeypatch.setattr(export_command, "is_terminal", lambda stream: True)
    assert main(["export", str(SAMPLE), "-o", "-", "--output-format", "xlsx"]) == 2
    captured = capsys.readouterr()
    assert "binary, not for a terminal" in captured.err and captured.out == ""


def test_reading_stdin_from_a_terminal_says_how_to_end_it(monkeypatch, capsys):
    import io as _io

    class Terminal(_io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(_io.BytesIO(SAMPLE.read_bytes())))
    assert main(["score", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "okr: reading OKRs in YAML from the terminal; end it with Ctrl-D\n"
    assert "<stdin>: 7 key results" in captured.out


@pytest.mark.parametrize("command", ["score", "lint", "report", "convert", "export"])
def test_help_says_how_stdin_is_read(command, capsys):
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "- for stdin" in out
    assert "--input-format {yaml,csv,xlsx}" in out and "yaml for - , standard input" in out


def test_stdin_into_head_stops_quietly(big_csv):
    code, err, shown = _into_head(
        [*_okr(), "score", "-", "--input-format", "csv"], stdin=big_csv.read_bytes()
    )
    assert shown.split()[0] == b"kr_id" and err == "" and code == 141


# --- okr file-format --------------------------------------------------------------------


def _commands() -> list[str]:
    from okr_toolkit.cli import build_parser

    parser = build_parser()
    [sub] = [a for a in parser._actions if a.dest == "command"]
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_help_names_the_format_by_a_command_not_a_repository_path(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("file format: run `okr file-format`")
    assert "docs/" not in out and "okr-file-format.md" not in out
    assert "examples:\n  okr " in out and "exit codes:\n  0  ok\n" in out


def test_the_top_level_help_names_it_too(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "file format: run `okr file-format`" in out and "docs/" not in out
    assert "A file name - reads standard input, or writes standard output." in out


def test_file_format_prints_the_shipped_document(capsys):
    assert main(["file-format"]) == 0
    out = capsys.readouterr().out
    assert out == (ROOT / "docs" / "okr-file-format.md").read_text(encoding="utf-8")
    assert out.startswith("# The OKR file format (version 1)")


def test_file_format_paths(capsys):
    import json

    from okr_toolkit.io import json_schema, schema_path

    assert main(["file-format", "--schema"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == schema_path() and printed.is_absolute()
    assert json.loads(printed.read_text(encoding="utf-8")) == json_schema()
    assert main(["file-format", "--path"]) == 0
    assert Path(capsys.readouterr().out.strip()).samefile(ROOT / "docs" / "okr-file-format.md")
    assert main(["file-format", "--path", "--schema"]) == 2


def test_file_format_in_a_terminal_opens_the_pager(monkeypatch, capsys):
    import pydoc

    import okr_toolkit.cli.file_format as file_format_command

    paged: list[str] = []
    monkeypatch.setattr(file_format_command, "is_terminal", lambda stream: True)
    monkeypatch.setattr(pydoc, "pager", paged.append)
    assert main(["file-format"]) == 0
    assert paged and paged[0].startswith("# The OKR file format")
    assert capsys.readouterr().out == ""


def test_file_format_from_a_package_without_its_docs(monkeypatch, tmp_path, capsys):
    import okr_toolkit._shipped as shipped

    monkeypatch.setattr(shipped, "shipped_dir", lambda name: tmp_path / name)
    assert main(["file-format"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("okr: the file-format document is missing from this installation")


def test_shipped_folders_are_the_checkouts_here():
    from okr_toolkit._shipped import SHIPPED, shipped_dir

    for name in SHIPPED:
        assert shipped_dir(name).resolve() == (ROOT / name).resolve() or (
            shipped_dir(name).name == f"_{name}"  # run from an installed wheel
        )
    with pytest.raises(ValueError, match="must be one of"):
        shipped_dir("tests")


def test_written_yaml_names_the_format_command(tmp_path):
    import okr_toolkit as okr

    out = okr.write_okr_file(okr.read_okr_file(SAMPLE), tmp_path / "out.yaml")
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# OKR file, format version 1: `okr file-format` describes every field"


# --- okr new: the schema modeline -------------------------------------------------------


def _schema_of(first_line: str) -> Path:
    from urllib.parse import unquote, urlsplit

    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix + "file:///"), first_line
    uri = urlsplit(first_line[len(prefix) :])
    assert uri.scheme == "file" and uri.netloc == ""
    return Path(unquote(uri.path))


def test_new_writes_the_modeline_of_the_installed_schema_and_reads_back(tmp_path, capsys):
    import json

    import jsonschema
    import yaml

    from okr_toolkit.io import json_schema, schema_path

    path = tmp_path / "okrs.yaml"
    assert main(["new", str(path), "--company", "Acme", "--cycle", "2027Q1"]) == 0
    capsys.readouterr()
    text = path.read_text(encoding="utf-8")
    schema = _schema_of(text.splitlines()[0])
    assert schema.is_file() and schema.samefile(schema_path())
    assert json.loads(schema.read_text(encoding="utf-8")) == json_schema()
    # what the editor checks: the starter is valid against that very schema
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data)) == []
    # and the toolkit reads it back: the line is a comment
    assert main(["lint", str(path)]) == 0
    assert main(["score", str(path), "--format", "json"]) == 0
    assert '"current": 44' in capsys.readouterr().out


def test_the_modeline_is_the_same_on_stdout_and_from_file_format(capsys):
    assert main(["new", "-", "--cycle", "2027Q1"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert main(["file-format", "--modeline"]) == 0
    assert capsys.readouterr().out == first + "\n"
    _schema_of(first)


def test_a_schema_path_with_spaces_is_escaped(tmp_path, monkeypatch, capsys):
    import okr_toolkit.io as io

    odd = tmp_path / "my venv" / "okr_file.schema.json"
    odd.parent.mkdir()
    odd.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(io, "schema_path", lambda: odd)
    assert main(["new", "-", "--cycle", "2027Q1"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "my%20venv" in first and " " not in first.split("=", 1)[1]
    assert _schema_of(first) == odd.resolve()


def test_the_format_document_describes_what_okr_new_writes():
    doc = (ROOT / "docs" / "okr-file-format.md").read_text(encoding="utf-8")
    assert "example.invalid" not in doc
    assert "`okr new` writes" in doc and "# yaml-language-server: $schema=file:///" in doc
    assert "okr file-format --modeline" in doc and "okr file-format --schema" in doc


# --- okr completion ---------------------------------------------------------------------


def test_the_completion_hints_are_shtabs_own():
    import shtab

    from okr_toolkit.cli.completion import COMPLETION_SHELLS
    from okr_toolkit.cli.options import COMPLETE_DIR, COMPLETE_FILE

    for shell in COMPLETION_SHELLS:
        assert COMPLETE_FILE[shell] == shtab.FILE[shell]
        assert COMPLETE_DIR[shell] == shtab.DIRECTORY[shell]


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_prints_a_script_for_the_okr_command(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert script.endswith("\n")
    # (shtab's exact text differs between releases: what it does is tested below)
    if shell == "bash":
        assert re.search(r"\ncomplete [^\n]*-F _shtab_okr okr\n", script)
    elif shell == "zsh":
        assert script.startswith("#compdef okr")
        # each command described by its one-line help
        assert re.search(r"""new:['"]?write a commented starter OKR file \(YAML\)""", script)
    else:
        assert "\ncomplete okr " in script
    for command in _commands():
        assert command in script


def test_completion_names_okr_even_when_run_as_python_m():
    done = _run([*PY_M, "completion", "bash"])
    assert done.returncode == 0 and "-F _shtab_okr okr" in done.stdout
    assert "python" not in done.stdout.split("_shtab_okr_subparsers", 1)[1].split("\n", 1)[0]


BASH_COMPLETE = r"""
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_shtab_okr okr "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
printf '%s\n' "${COMPREPLY[@]}"
"""


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("completion") / "okr.bash"
    done = _run([*PY_M, "completion", "bash"])
    assert done.returncode == 0, done.stderr
    path.write_text(done.stdout, encoding="utf-8")
    return path


def _complete(script: Path, words: list[str], cwd: Path | None = None) -> list[str]:
    done = _run(["bash", "-c", BASH_COMPLETE, "bash", str(script), *words], cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_bash_completes_commands_options_choices_and_files(bash_script, tmp_path):
    assert _run(["bash", "-n", str(bash_script)]).returncode == 0
    assert _complete(bash_script, ["okr", ""]) == _commands_in_order()
    assert _complete(bash_script, ["okr", "li"]) == ["lint"]
    assert _complete(bash_script, ["okr", "score", "--input-format", ""]) == ["yaml", "csv", "xlsx"]
    assert "--input-format" in _complete(bash_script, ["okr", "lint", "--"])
    assert _complete(bash_script, ["okr", "completion", ""]) == ["bash", "zsh", "tcsh"]
    (tmp_path / "okrs.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "slides").mkdir()
    assert _complete(bash_script, ["okr", "lint", "ok"], cwd=tmp_path) == ["okrs.yaml"]
    assert _complete(bash_script, ["okr", "report", "a.yaml", "--charts", ""], cwd=tmp_path) == [
        "slides"
    ]


def _commands_in_order() -> list[str]:
    from okr_toolkit.cli import build_parser

    [sub] = [a for a in build_parser()._actions if a.dest == "command"]
    return list(sub.choices)


@pytest.mark.skipif(
    not Path("/usr/bin/zsh").exists() and not Path("/bin/zsh").exists(), reason="no zsh"
)
def test_zsh_loads_the_script(tmp_path):
    script = tmp_path / "_okr"
    script.write_text(_run([*PY_M, "completion", "zsh"]).stdout, encoding="utf-8")
    assert _run(["zsh", "-n", str(script)]).returncode == 0
    done = _run(
        [
            "zsh",
            "-f",
            "-c",
            "autoload -Uz compinit && compinit -u -D; "
            f'eval "$(<{script})"; print -r -- $_comps[okr]',
        ]
    )
    assert done.stdout.strip() == "_shtab_okr", done.stderr


@pytest.mark.skipif(
    not Path("/usr/bin/tcsh").exists() and not Path("/bin/tcsh").exists(), reason="no tcsh"
)
def test_tcsh_loads_the_script(tmp_path):
    script = tmp_path / "okr.tcsh"
    script.write_text(_run([*PY_M, "completion", "tcsh"]).stdout, encoding="utf-8")
    done = _run(["tcsh", "-f", "-c", f"source {script}; complete okr"])
    assert done.returncode == 0, done.stderr
    assert "bash zsh tcsh" in done.stdout and "--charts" in done.stdout


def test_completion_needs_a_known_shell(capsys):
    assert main(["completion", "fish"]) == 2
    assert "invalid choice: 'fish'" in capsys.readouterr().err


# --- okr notebooks ----------------------------------------------------------------------

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_are_copied_with_how_to_open_them(tmp_path, capsys, monkeypatch):
    import okr_toolkit.cli.notebooks as notebooks_command

    monkeypatch.setattr(
        notebooks_command, "installed", lambda module: False
    )  # as after `pip install okr-toolkit`
    target = tmp_path / "my notebooks"
    assert main(["notebooks", str(target)]) == 0
    assert len(NOTEBOOKS) == 9
    assert sorted(p.name for p in target.iterdir()) == [p.name for p in NOTEBOOKS]
    for nb in NOTEBOOKS:
        assert (target / nb.name).read_bytes() == nb.read_bytes()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"copied 9 notebooks to {target}: 00_start_here.ipynb ... 08_company_case_study.ipynb"
    )
    assert out[1:4] == [
        "open them in JupyterLab:",
        "  pip install 'okr-toolkit[lab]'    # JupyterLab is not installed here yet",
        f"  jupyter lab '{target}'",
    ]


def test_with_jupyterlab_installed_the_hint_is_one_command(tmp_path, capsys, monkeypatch):
    import okr_toolkit.cli.notebooks as notebooks_command

    monkeypatch.setattr(notebooks_command, "installed", lambda module: True)
    assert main(["notebooks", str(tmp_path / "nbs")]) == 0
    out = capsys.readouterr().out
    assert "pip install" not in out and f"  jupyter lab {tmp_path / 'nbs'}\n" in out


def test_notebooks_never_replace_a_file_without_force(tmp_path, capsys):
    (tmp_path / "02_scoring.ipynb").write_text("my edits", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["notebooks", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"okr: {tmp_path} already holds 02_scoring.ipynb; nothing copied "
        "(pass --force to replace them)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["02_scoring.ipynb", "notes.txt"]
    assert (tmp_path / "02_scoring.ipynb").read_text(encoding="utf-8") == "my edits"
    assert main(["notebooks", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "02_scoring.ipynb").read_bytes() == (
        ROOT / "notebooks" / "02_scoring.ipynb"
    ).read_bytes()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len(list(tmp_path.glob("*.ipynb"))) == 9


def test_notebooks_into_a_file_is_an_error(tmp_path, capsys):
    (tmp_path / "x").write_text("", encoding="utf-8")
    assert main(["notebooks", str(tmp_path / "x")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_the_notebooks_read_no_file_by_a_relative_path():
    """So a copy anywhere runs: their data comes from the installed package."""
    import json

    relative = re.compile(r"""["'](\.\.?/|datasets/|notebooks/|docs/)""")
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert not relative.search(code), nb.name
        assert "open(" not in code.replace("tempfile", ""), nb.name


def test_a_copied_notebook_runs_from_its_new_folder(tmp_path):
    """The first notebook's code, run in the folder it was copied to."""
    import json

    assert main(["notebooks", str(tmp_path)]) == 0
    cells = json.loads((tmp_path / "00_start_here.ipynb").read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    code = "\n".join(src for src in sources if not src.lstrip().startswith(("%", "!")))
    done = _run([sys.executable, "-c", code], cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]


# --- okr dashboard ----------------------------------------------------------------------


def test_dashboard_without_voila_says_which_extra_to_install(monkeypatch, capsys):
    import okr_toolkit.cli.dashboard as dashboard_command

    monkeypatch.setattr(dashboard_command, "installed", lambda module: module != "voila")
    assert main(["dashboard"]) == 2
    assert capsys.readouterr().err == (
        "okr: the dashboard needs voila, which is not installed here: "
        "pip install 'okr-toolkit[dashboard]'\n"
    )
    monkeypatch.setattr(dashboard_command, "installed", lambda module: False)
    assert main(["dashboard"]) == 2
    assert capsys.readouterr().err.startswith(
        "okr: the dashboard needs voila and ipykernel, which are not installed here: "
    )


def test_the_dashboard_is_served_as_make_dashboard_did():
    from okr_toolkit.cli.dashboard import dashboard_command

    argv, env = dashboard_command("127.0.0.1", 8866, open_browser=False)
    assert argv[:3] == [sys.executable, "-m", "voila"]
    assert Path(argv[3]).samefile(ROOT / "dashboard" / "dashboard.ipynb")
    assert argv[4:] == [
        "--port=8866",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--template=offline",
        "--no-browser",
    ]
    first = Path(env["JUPYTER_PATH"].split(os.pathsep)[0])
    assert (first / "voila" / "templates" / "offline").is_dir()
    assert first.samefile(ROOT / "dashboard")
    argv, _ = dashboard_command("0.0.0.0", 9000, open_browser=True)
    assert "--no-browser" not in argv and "--token" in argv  # others need the token


def test_makefile_dashboard_calls_okr_dashboard():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = make.split("\ndashboard: install\n", 1)[1].split("\n\n", 1)[0]
    assert recipe.strip() == "$(BIN)/okr dashboard --host $(HOST) --port $(DASHBOARD_PORT)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["dashboard", "--port", "0"], "--port must be 1-65535"),
        (["dashboard", "--port", "70000"], "--port must be 1-65535"),
        (["dashboard", "--port", "x"], "invalid int value"),
    ],
)
def test_dashboard_bad_usage(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_dashboard_on_a_busy_port_says_so(capsys, monkeypatch):
    import socket

    import okr_toolkit.cli.dashboard as dashboard_command

    monkeypatch.setattr(
        dashboard_command, "installed", lambda module: True
    )  # even where Voila is not

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["dashboard", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"okr: port {port} on 127.0.0.1 is in use")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.skipif(
    not all(_has(m) for m in ("voila", "ipykernel")),
    reason="Voila is not installed here (pip install 'okr-toolkit[dashboard]')",
)
def test_okr_dashboard_serves_the_page(tmp_path):
    """Started as a user does, it answers http://127.0.0.1:PORT/ with the executed page."""
    import signal
    import time
    import urllib.request

    port = _free_port()
    log = tmp_path / "voila.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*_okr(), "dashboard", "--port", str(port)],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # As from a terminal, whatever this run inherited: a shell's background job
            # starts with SIGINT ignored, and a child keeps ignoring it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120) as page:
                    status, body = page.status, page.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        assert status == 200
        assert "application/vnd.jupyter.widget-view+json" in body  # the notebook ran
        assert "Traceback" not in body
        assert log.read_text().startswith(
            f"Starting the workshop dashboard on http://127.0.0.1:{port}/ (Ctrl-C to stop)"
        )
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: Voila stops, and its kernels
        try:
            code = proc.wait(timeout=120)  # a loaded machine: kernels take their time
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            code = proc.wait(timeout=10)
    assert code == 0
    assert list(tmp_path.iterdir()) == [log]  # nothing written where it was started


# --- the README tells the truth about the command line -----------------------------------


def test_the_readme_lists_every_command_and_how_to_install_from_the_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line\n", 1)[1].split("\n## ", 1)[0]
    for command in _commands():
        assert f"| `okr {command}" in section, command
    install = readme.split("### Install from the package index\n", 1)[1].split("\n## ", 1)[0]
    for line in (
        "pip install okr-toolkit ",
        "pip install 'okr-toolkit[lab]' ",
        "okr notebooks my-notebooks ",
        "jupyter lab my-notebooks",
        "pip install 'okr-toolkit[dashboard]' ",
        "okr dashboard ",
    ):
        assert f"\n{line}" in install, line
    for shell in ("bash", "zsh", "tcsh"):
        assert f"okr completion {shell} >" in section
    assert "python -m okr_toolkit" in section and "--input-format" in section


def _feed(monkeypatch, data: bytes) -> None:
    import io as _io

    monkeypatch.setattr(sys, "stdin", _io.TextIOWrapper(_io.BytesIO(data)))


def test_convert_reads_the_okr_file_or_the_history_from_stdin(monkeypatch, capsys, tmp_path):
    import json

    from okr_toolkit.datasets import load_kpi_history

    _feed(monkeypatch, SAMPLE.read_bytes())
    assert main(["convert", "-", "--format", "json"]) == 0
    kpis = [p["kpi"] for p in json.loads(capsys.readouterr().out)["proposals"]]
    assert kpis == ["activation_rate", "time_to_first_value", "revenue"]
    _feed(monkeypatch, load_kpi_history().to_csv(index=False).encode())
    assert main(["convert", "--history", "-", "--format", "json"]) == 0
    proposals = json.loads(capsys.readouterr().out)["proposals"]
    assert [p["kpi"] for p in proposals] == ["mql_to_sql_rate", "activation_rate"]
    _feed(monkeypatch, b"kpi,week\nx,1\n")
    assert main(["convert", "--history", "-"]) == 2
    assert capsys.readouterr().err.startswith("okr: <stdin>: cannot use as KPI history")


def test_lint_takes_its_kpis_from_stdin(monkeypatch, capsys):
    _feed(monkeypatch, b"kpi,threshold,value,better\nactivation_rate,50,42,higher\n")
    assert main(["lint", str(SAMPLE), "--kpis", "-", "--format", "json"]) == 1
    assert '"code": "OKR106"' in capsys.readouterr().out
    _feed(monkeypatch, b"\xff\xfe")
    assert main(["lint", str(SAMPLE), "--kpis", "-"]) == 2
    assert capsys.readouterr().err.startswith("okr: cannot read <stdin> as CSV")


def test_advice_names_only_options_the_command_has():
    # Issue 13: advice pointed to options the command does not have.
    import argparse
    import re
    from pathlib import Path

    from okr_toolkit.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = {n: {o for a in p._actions for o in a.option_strings} for n, p in sub.choices.items()}
    others = {"--template", "--no-browser", "--token"}  # Voila's and Jupyter's, not ours
    folder = Path(__file__).resolve().parents[1] / "okr_toolkit" / "cli"
    wrong = []
    for name in sub.choices:
        text = (folder / f"{name.replace('-', '_')}.py").read_text(encoding="utf-8")
        for m in re.finditer(r"(?:okr ([a-z-]+)[^\n\"]*?)?(?<![\w-])(--[a-z][a-z-]+)", text):
            command = m.group(1) if m.group(1) in options else name
            if m.group(2) not in options[command] | others:
                wrong.append(f"{name}: {m.group(2)} (for okr {command})")
    assert not wrong
