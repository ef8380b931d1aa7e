"""Where the shipped files are, and the one way each CSV table is read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from okr_toolkit.exceptions import OKRDataError

if TYPE_CHECKING:
    import sys

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable


def data_dir() -> Traversable:
    """Return the folder holding the CSV files.

    A wheel carries them inside the package as ``okr_toolkit/_datasets``; a source
    checkout or editable install has no such folder, so use the repository's
    ``datasets/`` beside the package instead.
    """
    packaged = resources.files("okr_toolkit") / "_datasets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "datasets"


def data_path(name: str) -> Path:
    """Path of a file shipped in ``datasets/`` (such as ``"sample_okrs.yaml"``).

    Examples
    --------
    >>> data_path("sample_okrs.yaml").name
    'sample_okrs.yaml'
    """
    path = Path(str(data_dir() / name))
    if not path.is_file():
        raise OKRDataError(f"no dataset file {name!r} in {path.parent}")
    return path


def read_table(
    name: str, dtypes: Mapping[str, Any], parse_dates: Sequence[str] = ()
) -> pd.DataFrame:
    """Read ``name`` from the data folder with the dtype map ``dtypes``.

    Empty cells become missing values (NaN); no other text is treated as missing.
    Categorical columns are checked against their categories, so a misspelt value
    is reported instead of silently turning into NaN. Columns in ``parse_dates``
    must hold ISO dates (``YYYY-MM-DD``) and are converted to their dtype in
    ``dtypes``.
    """
    categorical = {c: t for c, t in dtypes.items() if isinstance(t, pd.CategoricalDtype)}
    read_as = {c: ("str" if c in categorical or c in parse_dates else t) for c, t in dtypes.items()}
    with (data_dir() / name).open("rb") as handle:
        frame = pd.read_csv(handle, dtype=read_as, keep_default_na=False, na_values=[""])

    if list(frame.columns) != list(dtypes):
        raise OKRDataError(
            f"{name}: columns are {list(frame.columns)}, expected {list(dtypes)}; "
            "regenerate the file or update its dtype map in okr_toolkit/datasets/layouts.py"
        )
    for column, dtype in categorical.items():
        unknown = frame[column].notna() & ~frame[column].isin(dtype.categories)
        if unknown.any():
            row = int(unknown.to_numpy().nonzero()[0][0])
            raise OKRDataError(
                f"{name}, row {row + 2}, column '{column}': {frame.at[row, column]!r} is not "
                f"one of {list(dtype.categories)}; correct the value in the file"
            )
        frame[column] = frame[column].astype(dtype)
    for column in parse_dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d").astype(dtypes[column])
    return frame


def one_kpi(frame: pd.DataFrame, kpi: str | None, file: str) -> pd.DataFrame:
    """The rows of one KPI of a history (all of them for ``kpi=None``)."""
    if kpi is None:
        return frame
    available = list(dict.fromkeys(frame["kpi"]))
    if kpi not in available:
        raise OKRDataError(
            f"{file}: no KPI named {kpi!r}; available: "
            f"{', '.join(repr(k) for k in available)}. Pass one of them, or kpi=None for all."
        )
    return frame.loc[frame["kpi"] == kpi].reset_index(drop=True)
