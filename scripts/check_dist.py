"""Build the wheel and the sdist, then use them as a user would, outside the repository.

``make test-dist`` runs it::

    python scripts/check_dist.py --uv .tools/bin/uv --python /usr/bin/python3.12

1. ``uv build`` makes the sdist, and the wheel from that sdist, in a temporary folder.
2. The wheel must hold what a pip user needs: ``py.typed``, the licence in its
   metadata, the JSON Schema, the format document, the nine notebooks, the dashboard
   and its offline template, the datasets, and the ``okr`` entry point.
3. In a clean virtual environment in a temporary folder (not the repository), the
   wheel is installed with its ``dashboard`` extra, and every command runs as a user
   runs it: ``okr --version``, ``new``, ``score``, ``lint``, ``report``, ``export``,
   ``file-format``, ``completion``, ``notebooks DIR`` and ``dashboard`` (started,
   asked for its page until HTTP 200, stopped), and the datasets load.
4. The sdist is unpacked in another temporary folder, installed there (editable)
   with the ``test`` dependency group, and the unit tests run from it.

Each step prints what it checks; the script exits 1 on the first failure (with the
command's output) and 2 when it is called wrongly. Network is used only to reach
the package registry (build backends and dependencies).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "okr_toolkit"
UNIT_TESTS = ["-q", "-p", "no:cacheprovider", "--ignore=tests/test_browser.py"]
#: The test that must run (not skip) from the sdist: it reads docs/ of that tree.
FORMAT_DOC_TEST = "tests/test_io.py::test_the_format_document_names_every_field"
DASHBOARD_TIMEOUT = 240.0  # seconds until the dashboard's first page (kernel start + run)


class Failure(Exception):
    """A check that did not hold; the message says what and shows the evidence."""


def _version() -> str:
    text = (ROOT / PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, flags=re.M)
    if match is None:
        raise Failure(f"no __version__ in {PACKAGE}/__init__.py")
    return match.group(1)


def _tail(text: str | bytes | None, lines: int = 40) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "\n".join(text.rstrip().splitlines()[-lines:])


class Checker:
    """Runs commands, prints one line per check, and raises :class:`Failure`."""

    def __init__(self, uv: Path, python: str, work: Path) -> None:
        self.uv = uv
        self.python = python
        self.work = work
        self.started = time.monotonic()
        self.checks = 0
        # uv never downloads an interpreter, nor picks one by itself; no project leaks in.
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
        }
        env.update(
            UV_PYTHON_DOWNLOADS="never",
            UV_PYTHON_PREFERENCE="only-system",
            UV_NO_PROGRESS="1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        self.env = env

    # -- output

    def step(self, number: int, total: int, title: str) -> None:
        print(f"\n== {number}/{total} {title}  [{time.monotonic() - self.started:.0f} s]")
        sys.stdout.flush()

    def ok(self, message: str) -> None:
        self.checks += 1
        print(f"   ok  {message}")
        sys.stdout.flush()

    def expect(self, condition: bool, message: str, evidence: str = "") -> None:
        if not condition:
            raise Failure(message + (f"\n{evidence}" if evidence else ""))
        self.ok(message)

    # -- commands

    def venv_env(self, venv: Path) -> dict[str, str]:
        env = dict(self.env)
        env["VIRTUAL_ENV"] = str(venv)
        env["PATH"] = os.pathsep.join([str(venv / "bin"), env.get("PATH", "")])
        return env

    def run(
        self,
        argv: Sequence[str | Path],
        *,
        cwd: Path,
        env: dict[str, str] | None = None,
        stdin: bytes | None = None,
        expect: int = 0,
        timeout: float = 900,
        quiet: bool = False,
    ) -> subprocess.CompletedProcess[bytes]:
        shown = " ".join(str(a) for a in argv)
        if not quiet:
            print(f"   $ {shown}")
            sys.stdout.flush()
        try:
            done = subprocess.run(
                [str(a) for a in argv],
                cwd=cwd,
                env=env or self.env,
                input=stdin,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as err:
            raise Failure(f"{shown}: no answer within {timeout:.0f} s") from err
        except OSError as err:
            raise Failure(f"{shown}: cannot run it ({err})") from err
        if done.returncode != expect:
            raise Failure(
                f"{shown}: exit code {done.returncode}, expected {expect}\n"
                f"--- stdout\n{_tail(done.stdout)}\n--- stderr\n{_tail(done.stderr)}"
            )
        return done

    def uv_run(self, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return self.run([self.uv, *args], cwd=cwd or self.work)


# --- 1. build --------------------------------------------------------------------------


def build(c: Checker, version: str) -> tuple[Path, Path]:
    dist = c.work / "dist"
    # The sdist first, then the wheel built from that sdist: a file missing from the
    # sdist would be missing from the wheel too.
    c.uv_run("build", "--quiet", "--out-dir", dist, ROOT)
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    c.expect(
        [w.name for w in wheels] == [f"{PACKAGE}-{version}-py3-none-any.whl"]
        and [s.name for s in sdists] == [f"{PACKAGE}-{version}.tar.gz"],
        f"built {', '.join(p.name for p in (*wheels, *sdists))}",
        f"found: {sorted(p.name for p in dist.iterdir())}",
    )
    for path in (*wheels, *sdists):
        c.ok(f"{path.name}: {path.stat().st_size / 1024:,.0f} kB")
    return wheels[0], sdists[0]


# --- 2. what the wheel holds -------------------------------------------------------------


def _repo_files(folder: str) -> list[str]:
    """The files of a top-level folder as git tracks them (what the wheel must carry)."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0 and done.stdout.strip():
        return sorted(line[len(folder) + 1 :] for line in done.stdout.splitlines())
    # Not a git checkout (an unpacked sdist): the files on disk, less caches.
    base = ROOT / folder
    return sorted(
        str(p.relative_to(base))
        for p in base.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts
    )


def check_wheel(c: Checker, wheel: Path, version: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        info = f"{PACKAGE}-{version}.dist-info"
        metadata = z.read(f"{info}/METADATA").decode("utf-8")
        entry_points = z.read(f"{info}/entry_points.txt").decode("utf-8")

    def has(path: str) -> bool:
        return path in names

    for path, what in (
        (f"{PACKAGE}/py.typed", "py.typed (PEP 561: the package is typed)"),
        (f"{PACKAGE}/okr_file.schema.json", "the JSON Schema"),
        (f"{PACKAGE}/__main__.py", "__main__.py (python -m okr_toolkit)"),
        (f"{PACKAGE}/_docs/okr-file-format.md", "the format document (okr file-format)"),
        (f"{info}/licenses/LICENSE", "the licence file in the metadata"),
    ):
        c.expect(has(path), f"{path}: {what}")
    c.expect(
        "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata,
        "METADATA: License-Expression MIT, License-File LICENSE",
        _tail(metadata, 30),
    )
    for line in (
        "Requires-Python: >=3.10",
        "Requires-Dist: shtab>=1.7",
        "Provides-Extra: lab",
        "Provides-Extra: dashboard",
        "Requires-Dist: voila>=0.5; extra == 'dashboard'",
        "Requires-Dist: ipykernel>=6.29; extra == 'dashboard'",
        "Requires-Dist: jupyterlab>=4.2; extra == 'lab'",
    ):
        c.expect(f"\n{line}\n" in metadata, f"METADATA: {line}")
    c.expect(
        re.search(r"^okr = okr_toolkit\.cli:main$", entry_points, flags=re.M) is not None,
        "entry point: okr = okr_toolkit.cli:main",
        entry_points,
    )
    relative = re.findall(r"\]\((?!https?://|#)[^)]+\)", metadata)
    c.expect(
        not relative,
        "README on the package index: no link relative to the repository",
        str(relative[:5]),
    )
    for folder, inside in (
        ("notebooks", "_notebooks"),
        ("dashboard", "_dashboard"),
        ("datasets", "_datasets"),
        ("docs", "_docs"),
    ):
        expected = _repo_files(folder)
        prefix = f"{PACKAGE}/{inside}/"
        got = sorted(
            n[len(prefix) :] for n in names if n.startswith(prefix) and not n.endswith("/")
        )
        c.expect(
            got == expected,
            f"{prefix}: the {len(expected)} files of {folder}/ (no more, no fewer)",
            f"missing: {sorted(set(expected) - set(got))}\n"
            f"extra: {sorted(set(got) - set(expected))}",
        )
    notebooks = [
        n for n in names if n.startswith(f"{PACKAGE}/_notebooks/") and n.endswith(".ipynb")
    ]
    c.expect(len(notebooks) == 9, f"{len(notebooks)} teaching notebooks")
    c.expect(
        any(n.startswith(f"{PACKAGE}/_dashboard/voila/templates/offline/") for n in names),
        "the dashboard's offline Voila template",
    )
    junk = sorted(
        n
        for n in names
        if "__pycache__" in n
        or n.endswith(".pyc")
        or ".ipynb_checkpoints" in n
        or n.startswith("tests/")
    )
    c.expect(not junk, "no caches, checkpoints or tests in the wheel", str(junk[:10]))


# --- 3. the wheel, installed as a user installs it -----------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _serving(
    argv: list[str], cwd: Path, env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen]:
    """A server started in its own session, stopped (Ctrl-C, then harder) at the end."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # Ctrl-C must reach it as from a terminal, even when this script runs as a
            # background job (whose children start with SIGINT ignored).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    try:
        yield proc
    finally:
        for sig, wait in ((signal.SIGINT, 30), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            if proc.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=wait)


def check_installed_wheel(c: Checker, wheel: Path, version: str) -> None:
    venv = c.work / "wheel-venv"
    c.uv_run("venv", "--quiet", "--python", c.python, venv)
    py = venv / "bin" / "python"
    c.uv_run("pip", "install", "--quiet", "--python", py, f"{wheel}[dashboard]")
    env = c.venv_env(venv)
    okr = str(venv / "bin" / "okr")
    home = c.work / "user"  # where the user works: outside the repository
    home.mkdir()

    where = c.run([py, "-c", "import okr_toolkit; print(okr_toolkit.__file__)"], cwd=home, env=env)
    site = Path(where.stdout.decode().strip()).parent
    c.expect(
        site.is_relative_to(venv) and not site.is_relative_to(ROOT),
        f"okr_toolkit is imported from the venv ({site.relative_to(venv)})",
    )

    done = c.run([okr, "--version"], cwd=home, env=env)
    c.expect(
        done.stdout.decode().strip() == f"okr-toolkit {version}",
        f"okr --version: okr-toolkit {version}",
    )
    done = c.run([py, "-m", "okr_toolkit", "--version"], cwd=home, env=env)
    c.expect(
        done.stdout.decode().strip() == f"okr-toolkit {version}", "python -m okr_toolkit --version"
    )

    c.run([okr, "new", "okrs.yaml", "--company", "Acme", "--cycle", "2027Q1"], cwd=home, env=env)
    text = (home / "okrs.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    schema = site / "okr_file.schema.json"
    c.expect(
        first == f"# yaml-language-server: $schema={schema.resolve().as_uri()}"
        and schema.is_file(),
        "okr new: a starter whose first line points at the installed schema",
        first,
    )
    done = c.run([okr, "score", "okrs.yaml"], cwd=home, env=env)
    c.expect(
        "okrs.yaml: 3 key results, 1 scored, 2 with no check-in yet" in done.stdout.decode(),
        "okr score okrs.yaml",
        _tail(done.stdout),
    )
    done = c.run([okr, "lint", "okrs.yaml"], cwd=home, env=env)
    c.expect("0 errors, 0 warnings" in done.stdout.decode(), "okr lint okrs.yaml: no errors")
    c.run([okr, "report", "okrs.yaml", "-o", "report.html"], cwd=home, env=env)
    html = (home / "report.html").read_text(encoding="utf-8")
    c.expect("<svg" in html and "<script" not in html, "okr report: offline HTML with its charts")
    c.run([okr, "export", "okrs.yaml", "-o", "okrs.xlsx"], cwd=home, env=env)
    c.expect((home / "okrs.xlsx").read_bytes()[:2] == b"PK", "okr export okrs.yaml -o okrs.xlsx")
    done = c.run([okr, "export", "okrs.xlsx", "-o", "-"], cwd=home, env=env)
    again = c.run([okr, "lint", "-"], cwd=home, env=env, stdin=done.stdout)
    c.expect(
        "<stdin>: 0 errors, 0 warnings" in again.stdout.decode(),
        "okr export okrs.xlsx -o - | okr lint -",
    )
    sample = c.run(
        [py, "-c", "import okr_toolkit.datasets as d; print(d.data_path('sample_okrs.yaml'))"],
        cwd=home,
        env=env,
    )
    c.run([okr, "lint", sample.stdout.decode().strip()], cwd=home, env=env, expect=1)
    c.ok("okr lint on the shipped client draft: exit 1, its lint errors")

    done = c.run([okr, "file-format"], cwd=home, env=env)
    doc = (site / "_docs" / "okr-file-format.md").read_text(encoding="utf-8")
    c.expect(
        done.stdout.decode("utf-8") == doc and doc.startswith("# The OKR file format"),
        "okr file-format: the document shipped in the package",
    )
    done = c.run([okr, "file-format", "--schema"], cwd=home, env=env)
    c.expect(Path(done.stdout.decode().strip()) == schema.resolve(), "okr file-format --schema")
    done = c.run([okr, "lint", "--help"], cwd=home, env=env)
    c.expect(
        "file format: run `okr file-format`" in done.stdout.decode(),
        "okr lint --help names the format by a command",
    )
    done = c.run([okr, "completion", "bash"], cwd=home, env=env)
    c.expect("_shtab_okr" in done.stdout.decode(), "okr completion bash")

    c.run([okr, "notebooks", "my-notebooks"], cwd=home, env=env)
    copied = sorted(p.name for p in (home / "my-notebooks").iterdir())
    c.expect(
        len(copied) == 9
        and copied == sorted(p.name for p in (site / "_notebooks").glob("*.ipynb")),
        f"okr notebooks my-notebooks: the 9 notebooks ({copied[0]} ... {copied[-1]})",
        str(copied),
    )

    done = c.run(
        [py, "-c", "import okr_toolkit.datasets as d; print(d.load_kpi_history().shape)"],
        cwd=home,
        env=env,
    )
    c.expect(
        done.stdout.decode().startswith("("),
        f"datasets.load_kpi_history(): {done.stdout.decode().strip()}",
    )

    port = _free_port()
    log = c.work / "dashboard.log"
    url = f"http://127.0.0.1:{port}/"
    print(f"   $ {okr} dashboard --port {port}   (then GET {url} until HTTP 200)")
    started = time.monotonic()
    with _serving([okr, "dashboard", "--port", str(port)], home, env, log) as proc:
        status, body = 0, ""
        while time.monotonic() - started < DASHBOARD_TIMEOUT:
            if proc.poll() is not None:
                raise Failure(
                    f"okr dashboard exited with {proc.returncode}\n{_tail(log.read_text())}"
                )
            try:
                with urllib.request.urlopen(url, timeout=DASHBOARD_TIMEOUT) as page:
                    status, body = page.status, page.read().decode("utf-8", "replace")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        else:
            raise Failure(
                f"no page at {url} within {DASHBOARD_TIMEOUT:.0f} s\n{_tail(log.read_text())}"
            )
    c.expect(
        status == 200 and "application/vnd.jupyter.widget-view+json" in body,
        f"okr dashboard: HTTP 200, the notebook run, after {time.monotonic() - started:.0f} s",
        f"status {status}\n{_tail(body)}\n--- log\n{_tail(log.read_text())}",
    )
    c.expect(proc.returncode == 0, f"okr dashboard stopped by Ctrl-C (exit {proc.returncode})")
    leftover = sorted(p.name for p in home.iterdir())
    c.expect(
        leftover == ["my-notebooks", "okrs.xlsx", "okrs.yaml", "report.html"],
        "nothing else written in the working folder",
        str(leftover),
    )


# --- 4. the sdist: unpacked, installed, tested ---------------------------------------------


def check_sdist(c: Checker, sdist: Path, version: str) -> None:
    unpacked = c.work / "sdist"
    with tarfile.open(sdist) as tar:
        members = tar.getnames()
        if hasattr(tarfile, "data_filter"):
            tar.extractall(unpacked, filter="data")
        else:  # pragma: no cover - Python < 3.10.12
            tar.extractall(unpacked)  # our own archive, just built
    tree = unpacked / f"{PACKAGE}-{version}"
    for needed in (
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "uv.lock",
        "docs/okr-file-format.md",
        "tests/test_io.py",
        "tests/bad_files",
        "datasets/sample_okrs.yaml",
        "notebooks/00_start_here.ipynb",
        "dashboard/dashboard.ipynb",
        "scripts/check_dist.py",
    ):
        c.expect((tree / needed).exists(), f"sdist holds {needed}")
    c.ok(f"sdist: {len(members)} entries, unpacked in {tree.relative_to(c.work)}")

    venv = c.work / "sdist-venv"
    c.uv_run("venv", "--quiet", "--python", c.python, venv)
    py = venv / "bin" / "python"
    c.uv_run(
        "pip",
        "install",
        "--quiet",
        "--python",
        py,
        "-e",
        tree,
        "--group",
        f"{tree / 'pyproject.toml'}:test",
    )
    env = c.venv_env(venv)
    where = c.run([py, "-c", "import okr_toolkit; print(okr_toolkit.__file__)"], cwd=tree, env=env)
    c.expect(
        Path(where.stdout.decode().strip()).is_relative_to(tree),
        "the unpacked sdist is what the tests import",
    )
    done = c.run([py, "-m", "pytest", *UNIT_TESTS, FORMAT_DOC_TEST], cwd=tree, env=env)
    c.expect(
        "1 passed" in done.stdout.decode() and "skipped" not in done.stdout.decode(),
        f"{FORMAT_DOC_TEST}: passed (not skipped) from the sdist",
        _tail(done.stdout),
    )
    started = time.monotonic()
    done = c.run([py, "-m", "pytest", *UNIT_TESTS], cwd=tree, env=env, timeout=3600)
    summary = _tail(done.stdout, 1).strip("= ")
    took = time.monotonic() - started
    c.expect(
        " passed" in summary and "failed" not in summary and "error" not in summary,
        f"the unit tests from the sdist: {summary} ({took:.0f} s)",
        _tail(done.stdout),
    )


# --- main ----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--uv", required=True, type=Path, help="the uv executable")
    parser.add_argument("--python", required=True, help="the interpreter for the clean venvs")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--skip-sdist-tests", action="store_true", help="check the sdist's contents only"
    )
    args = parser.parse_args(argv)
    uv = args.uv if args.uv.is_absolute() else (Path.cwd() / args.uv)
    if not uv.exists():
        print(f"check_dist: no uv at {uv} (make test-dist installs it)", file=sys.stderr)
        return 2
    version = _version()
    work = Path(tempfile.mkdtemp(prefix="okr-check-dist-"))
    c = Checker(uv.resolve(), args.python, work)
    print(f"check_dist: okr-toolkit {version} from {ROOT}, in {work} with {args.python}")
    failed = True
    try:
        c.step(1, 4, "build the sdist and, from it, the wheel (uv build)")
        wheel, sdist = build(c, version)
        c.step(2, 4, f"what {wheel.name} holds")
        check_wheel(c, wheel, version)
        c.step(3, 4, "the wheel installed with [dashboard] in a clean venv, used outside the repo")
        check_installed_wheel(c, wheel, version)
        c.step(4, 4, "the sdist unpacked, installed with the test group, its unit tests run")
        if args.skip_sdist_tests:
            print("   (skipped: --skip-sdist-tests)")
        else:
            check_sdist(c, sdist, version)
        failed = False
    except Failure as err:
        print(f"\nFAILED: {err}", file=sys.stderr)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
    finally:
        elapsed = time.monotonic() - c.started
        if failed or args.keep:
            print(f"(kept {work} for a look)")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        print(f"check_dist: FAILED after {c.checks} checks, {elapsed:.0f} s", file=sys.stderr)
        return 1
    print(f"\ncheck_dist: all {c.checks} checks passed in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
