"""Where shipped data lives, whether installed from a wheel or run from a checkout."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def schema_dir() -> Path:
    """The `schema/` tree: bundled in the wheel as `datacard_lint/_schema`, else the repo's own."""
    package_dir = Path(__file__).resolve().parent
    bundled = package_dir / "_schema"
    if bundled.is_dir():
        return bundled
    checkout = package_dir.parent.parent / "schema"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"schema directory not found near {package_dir}")


def package_file(*parts: str) -> Path:
    """A data file shipped inside the package, e.g. ``package_file("hub", "data", "x.json")``.

    The package's own directory rather than `importlib.resources`: importing that costs about
    8 ms (it pulls in tempfile, shutil and zipfile), a tenth of the one-card pre-commit budget,
    and pip never installs this package zipped.
    """
    return Path(__file__).resolve().parent.joinpath(*parts)
