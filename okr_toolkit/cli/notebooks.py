"""``okr notebooks``: copy the nine teaching notebooks that come with the toolkit into a
folder and say how to open them in JupyterLab. Notebooks already there are replaced
only with ``--force``; every copy is written atomically.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from okr_toolkit._atomic import write_atomic

from ._common import Unreadable, installed
from .options import add_command, epilog, folder

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["LAB_EXTRA", "add_parser", "run"]

#: What a pip user adds to open the notebooks.
LAB_EXTRA = "pip install 'okr-toolkit[lab]'"

_HELP = "copy the teaching notebooks into a folder, to open in JupyterLab"
_DESCRIPTION = (
    "Copy the nine teaching notebooks that come with the toolkit (00_start_here to\n"
    "08_company_case_study) into DIR, made if needed, and say how to open them. They\n"
    "read their data from the installed package, so DIR can be anywhere. If any of\n"
    "them is in DIR already, nothing is copied unless --force is given, which\n"
    f"replaces them. JupyterLab comes with: {LAB_EXTRA}"
)
_EXAMPLES = (
    "  okr notebooks my-notebooks\n  jupyter lab my-notebooks\n"
    "  okr notebooks my-notebooks --force   # back to the originals"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr notebooks`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "notebooks", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    folder(p.add_argument("dir", metavar="DIR", help="the folder to copy them into"))
    p.add_argument("--force", action="store_true", help="replace notebooks already in DIR")
    p.set_defaults(func=run)
    return p


def _copy(notebooks: list[Path], target: Path, force: bool) -> None:
    """Copy ``notebooks`` into the folder ``target``, replacing none without ``force``."""
    if target.exists() and not target.is_dir():
        raise Unreadable(f"{target}: is a file, not a folder")
    targets = [target / nb.name for nb in notebooks]
    there = [t.name for t in targets if t.exists()]
    if there and not force:
        shown = ", ".join(there[:3]) + (f" and {len(there) - 3} more" if len(there) > 3 else "")
        raise Unreadable(
            f"{target} already holds {shown}; nothing copied (pass --force to replace them)"
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        for nb, copy in zip(notebooks, targets, strict=True):
            write_atomic(copy, nb.read_bytes(), overwrite=force)
    except FileExistsError as err:
        raise Unreadable(f"{err.filename or err} appeared meanwhile; not overwritten") from err
    except OSError as err:
        raise Unreadable(f"cannot write to {target}: {err.strerror or err}") from err


def run(args: argparse.Namespace) -> int:
    """Run ``okr notebooks``: the copies, then how to open them.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 (a folder that cannot take them is unreadable input or bad usage, exit 2).
    """
    import shlex

    from okr_toolkit._shipped import shipped_dir

    source = shipped_dir("notebooks")
    notebooks = sorted(source.glob("*.ipynb"))
    if not notebooks:
        raise Unreadable(
            f"the teaching notebooks are missing from this installation ({source}); "
            "reinstall okr-toolkit"
        )
    target = Path(args.dir)
    _copy(notebooks, target, args.force)
    quoted = shlex.quote(str(target))
    first, last = notebooks[0].name, notebooks[-1].name
    print(f"copied {len(notebooks)} notebooks to {target}: {first} ... {last}")
    print("open them in JupyterLab:")
    if not installed("jupyterlab"):
        print(f"  {LAB_EXTRA}    # JupyterLab is not installed here yet")
    print(f"  jupyter lab {quoted}")
    print(
        f"start with {notebooks[0].name}; the notebooks read their data from the installed "
        "package, so they run from any folder"
    )
    return 0
