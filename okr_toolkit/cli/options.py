"""How an ``okr`` command declares itself: its sub-parser with the help page every
command shares (description, examples, exit codes, where the file format is
described), the options several commands take (``--input-format``, ``--settings``),
and the marks that tell shell completion an argument names a file or a folder.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

    #: What ``ArgumentParser.add_subparsers`` returns: where commands are added.
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = [
    "COMPLETE_DIR",
    "COMPLETE_FILE",
    "FILE_FORMAT_HINT",
    "INPUT_FORMATS",
    "add_command",
    "epilog",
    "exit_codes",
    "files",
    "folder",
    "input_format_option",
    "settings_option",
]

#: How every help text names the file-format document: a command that works for pip
#: users too, where a repository path would not exist.
FILE_FORMAT_HINT = "file format: run `okr file-format`"
#: The formats ``--input-format`` (and ``okr export --output-format``) name.
INPUT_FORMATS = ("yaml", "csv", "xlsx")

#: Completion hints for shtab, by shell: complete a file name, or a folder name. The
#: same values as ``shtab.FILE`` and ``shtab.DIRECTORY``, spelled out so that parsing
#: the command line never imports shtab (only ``okr completion`` does).
COMPLETE_FILE = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}
COMPLETE_DIR = {"bash": "_shtab_compgen_dirs", "zsh": "_files -/", "tcsh": "d"}


def exit_codes(problems: str | None) -> str:
    """The ``exit codes:`` section of a command's help.

    Parameters
    ----------
    problems : str or None
        What exit code 1 means for this command; None when it never exits 1.

    Returns
    -------
    str
        The section, without a final newline.

    Examples
    --------
    >>> print(exit_codes(None))
    exit codes:
      0  ok
      1  (not used by this command)
      2  unreadable input or bad usage; the message starts with 'okr:' on stderr
    """
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


def epilog(examples: str, problems: str | None) -> str:
    """The text after a command's options: examples, exit codes, the file-format hint.

    Parameters
    ----------
    examples : str
        The example command lines, each indented by two spaces.
    problems : str or None
        What exit code 1 means for this command (see :func:`exit_codes`).

    Returns
    -------
    str
        The epilog of the command's parser.
    """
    return f"examples:\n{examples.rstrip()}\n\n{exit_codes(problems)}\n\n{FILE_FORMAT_HINT}"


def add_command(
    subparsers: Subparsers, name: str, help: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    """Add the parser of the command ``name``, laid out as every command's is.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``add_subparsers`` returned for the ``okr`` parser.
    name : str
        The command, as typed: ``"score"``, ``"file-format"`` ...
    help : str
        Its line in ``okr --help``.
    description : str
        The paragraph at the top of ``okr NAME --help``, line breaks kept.
    epilog : str
        The text after the options (see :func:`epilog`).

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``parser`` default is the parser itself, so that a
        command can report bad usage with ``args.parser.error(...)``.
    """
    parser = subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(parser=parser)
    return parser


def files(action: argparse.Action) -> argparse.Action:
    """Mark an argument that names a file, for shell completion.

    Parameters
    ----------
    action : argparse.Action
        What ``add_argument`` returned.

    Returns
    -------
    argparse.Action
        ``action``, marked.
    """
    action.complete = COMPLETE_FILE  # type: ignore[attr-defined]
    return action


def folder(action: argparse.Action) -> argparse.Action:
    """Mark an argument that names a folder, for shell completion.

    Parameters
    ----------
    action : argparse.Action
        What ``add_argument`` returned.

    Returns
    -------
    argparse.Action
        ``action``, marked.
    """
    action.complete = COMPLETE_DIR  # type: ignore[attr-defined]
    return action


def input_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--input-format``: how to read FILE when its suffix cannot say.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        A command's parser.
    """
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        help="how to read FILE (default: by its suffix; yaml for - , standard input)",
    )


def settings_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--settings FILE``, read by :func:`okr_toolkit.cli.inputs.load_settings`.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        A command's parser.
    """
    files(
        parser.add_argument(
            "--settings",
            metavar="FILE",
            help="YAML of conventions to use instead of the defaults, e.g. 'green_from: 0.8' "
            "(the names of okr_toolkit.Settings)",
        )
    )
