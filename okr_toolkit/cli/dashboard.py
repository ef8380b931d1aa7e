"""``okr dashboard``: serve the workshop dashboard with Voila in the browser until
Ctrl-C, as ``make dashboard`` does: Voila's lab template without the stylesheets it
would load from a CDN, listening on this machine only unless ``--host`` says
otherwise (and then behind a token). On POSIX the command becomes Voila.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from ._common import Unreadable, installed
from .options import add_command, epilog

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["DASHBOARD_EXTRA", "add_parser", "dashboard_command", "run"]

#: What a pip user adds to serve the dashboard.
DASHBOARD_EXTRA = "pip install 'okr-toolkit[dashboard]'"

_LOOPBACK = ("127.0.0.1", "localhost", "::1")

_HELP = "serve the workshop dashboard in the browser (Voila)"
_DESCRIPTION = (
    "Serve the workshop dashboard with Voila at http://HOST:PORT/ until Ctrl-C: pick a\n"
    "bundled example or upload a client's OKR file; scores, pacing, KPI health, lint\n"
    "findings, the apps, and the report as a download. The page loads nothing from the\n"
    "internet. It listens on 127.0.0.1 (this machine only) unless --host says\n"
    "otherwise; another host gets a token, printed by Voila.\n"
    f"Voila comes with: {DASHBOARD_EXTRA}"
)
_EXAMPLES = (
    "  okr dashboard\n  okr dashboard --port 9000 --open\n"
    "  okr dashboard --host 0.0.0.0   # for a workshop room; token required"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr dashboard`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "dashboard", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    p.add_argument("--port", type=int, default=8866, help="the port (default 8866)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    p.add_argument("--open", action="store_true", help="open it in a web browser, too")
    p.set_defaults(func=run)
    return p


def dashboard_command(host: str, port: int, open_browser: bool) -> tuple[list[str], dict[str, str]]:
    """The Voila command line and environment that serve the dashboard, as ``make dashboard``.

    Parameters
    ----------
    host : str
        The address to listen on; any but the loopback addresses needs a token.
    port : int
        The port to listen on.
    open_browser : bool
        Whether Voila opens the page in a web browser.

    Returns
    -------
    argv : list of str
        The command line: this Python running ``-m voila`` on the shipped notebook.
    env : dict of str to str
        This environment with ``JUPYTER_PATH`` leading to the shipped
        ``voila/templates/offline``: Voila's lab template without the stylesheets it
        would load from a CDN.

    Raises
    ------
    Unreadable
        When the dashboard is missing from this installation.
    """
    from okr_toolkit._shipped import shipped_dir

    folder = shipped_dir("dashboard")
    notebook = folder / "dashboard.ipynb"
    template = folder / "voila" / "templates" / "offline"
    if not notebook.is_file() or not template.is_dir():
        raise Unreadable(
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
    """Can a server listen on ``host:port``? (A host that is not ours is bad usage.)"""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise Unreadable(f"--host {host}: not an address of this machine ({err.strerror})") from err
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except PermissionError as err:
            raise Unreadable(f"port {port} needs privileges; choose one above 1023") from err
        except OSError:
            return False
    return True


def _require_voila() -> None:
    """Refuse to start without Voila and ipykernel, naming the extra that brings them."""
    missing = [m for m in ("voila", "ipykernel") if not installed(m)]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        raise Unreadable(
            f"the dashboard needs {' and '.join(missing)}, which {verb} not installed here: "
            f"{DASHBOARD_EXTRA}"
        )


def run(args: argparse.Namespace) -> int:
    """Run ``okr dashboard``: check that it can start, then become Voila.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        Voila's exit code, where the command cannot become Voila (Windows); on POSIX
        it does not return.
    """
    if not (1 <= args.port <= 65535):
        args.parser.error(f"--port must be 1-65535, not {args.port}")
    _require_voila()
    argv, env = dashboard_command(args.host, args.port, args.open)
    if not _port_is_free(args.host, args.port):
        raise Unreadable(
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
