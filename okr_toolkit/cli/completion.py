"""``okr completion``: print the script that teaches bash, zsh or tcsh to complete
okr's commands, options, choices and file names, made by shtab from the parser
itself (so it never falls behind the commands). Only this command imports shtab.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .options import add_command, epilog

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["COMPLETION_SHELLS", "add_parser", "run"]

#: The shells ``okr completion`` writes a script for.
COMPLETION_SHELLS = ("bash", "zsh", "tcsh")

_HELP = "print the shell completion script for okr (bash, zsh or tcsh)"
_DESCRIPTION = (
    "Print a script that teaches your shell to complete okr's commands, options,\n"
    "choices and file names. Install it once:\n\n"
    "  bash  okr completion bash > ~/.local/share/bash-completion/completions/okr\n"
    "        (needs the bash-completion package; or add to ~/.bashrc:\n"
    '         eval "$(okr completion bash)")\n'
    "  zsh   okr completion zsh > ~/.zfunc/_okr, and in ~/.zshrc, before compinit:\n"
    "        fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit\n"
    "  tcsh  okr completion tcsh > ~/.okr.completion.tcsh, and in ~/.tcshrc:\n"
    "        source ~/.okr.completion.tcsh\n\n"
    "Then open a new shell. The script completes the command named okr."
)
_EXAMPLES = (
    "  okr completion bash > ~/.local/share/bash-completion/completions/okr\n"
    "  okr completion zsh > ~/.zfunc/_okr"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr completion`` with its argument and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "completion", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    p.add_argument("shell", choices=COMPLETION_SHELLS, help="the shell to complete in")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``okr completion``: the shell's completion script on standard output.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0.
    """
    import shtab

    # Imported here: the parser imports this module to register the command.
    from .parser import build_parser

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
