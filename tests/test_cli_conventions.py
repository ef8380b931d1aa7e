"""The okr command as a Unix tool: python -m, pipes, stdin and stdout, completion, help.

What is about processes (a closed pipe, standard input, ``python -m``) runs the
command in a real subprocess; the rest calls :func:`okr_toolkit.cli.main`.
"""

from __future__ import annotations

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
    import okr_toolkit.cli as cli

    def raises(args):
        raise error

    monkeypatch.setattr(cli, "_lint", raises)


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
    import okr_toolkit.cli as cli

    silenced: list[bool] = []
    monkeypatch.setattr(cli, "_silence_stdout", lambda: silenced.append(True))
    _lint_raises(monkeypatch, BrokenPipeError(32, "Broken pipe"))
    assert main(["lint", "x.yaml"]) == 141
    assert silenced == [True] and capsys.readouterr().err == ""
