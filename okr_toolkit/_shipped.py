"""Where the files shipped beside the code are: the datasets, notebooks, dashboard and docs.

A wheel carries the repository's top-level folders inside the package, as
``okr_toolkit/_datasets``, ``_notebooks``, ``_dashboard`` and ``_docs`` (see
``pyproject.toml``); a source checkout or an editable install has no such
folders, so the repository's own ``datasets/``, ``notebooks/``, ``dashboard/``
and ``docs/`` beside the package are used instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["SHIPPED", "shipped_dir"]

#: The folders shipped with the package, by their name in a checkout.
SHIPPED = ("datasets", "notebooks", "dashboard", "docs")


def shipped_dir(name: str) -> Path:
    """The folder ``name`` (one of :data:`SHIPPED`) as installed, or in the checkout.

    Parameters
    ----------
    name : str
        ``"datasets"``, ``"notebooks"``, ``"dashboard"`` or ``"docs"``.

    Returns
    -------
    Path
        ``okr_toolkit/_NAME`` inside an installed wheel, else ``NAME/`` beside
        the package. It may not exist (a broken install): callers say so.

    Raises
    ------
    ValueError
        For a name that is not shipped.

    Examples
    --------
    >>> (shipped_dir("docs") / "okr-file-format.md").is_file()
    True
    >>> sorted(p.name for p in shipped_dir("notebooks").glob("0[01]_*.ipynb"))
    ['00_start_here.ipynb', '01_okr_kpi_mbo.ipynb']
    """
    if name not in SHIPPED:
        raise ValueError(f"`name` must be one of {', '.join(SHIPPED)}, got {name!r}")
    packaged = Path(str(resources.files("okr_toolkit") / f"_{name}"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
