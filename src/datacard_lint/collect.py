"""Which files to check: explicit files always, directories walked for card files."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from datacard_lint.config.selection import path_matches

#: Directories never worth walking into.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".cache"}
)
_CARD_DATA_SUFFIXES = (".yaml", ".yml", ".json")
_GOVERNANCE_KEY = re.compile(rb'(?m)^(?:governance\s*:|\s*"governance"\s*:)')
_PEEK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Target:
    path: Path
    display: str
    explicit: bool


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def collect(paths: Iterable[Path], exclude: tuple[str, ...] = (), force_exclude: bool = False) -> Iterator[Target]:
    """Yield targets in a stable order; explicit files are kept even when excluded (unless forced)."""
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            if path.name == "README.md":  # named as a card, but a directory: report it too
                key = os.path.abspath(path)
                if key not in seen:
                    seen.add(key)
                    yield Target(path, display_path(path), explicit=True)
            for found in _walk(path, exclude):
                key = os.path.abspath(found)
                if key not in seen:
                    seen.add(key)
                    yield Target(found, display_path(found), explicit=False)
        else:
            if force_exclude and _excluded(display_path(path), exclude):
                continue
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                yield Target(path, display_path(path), explicit=True)


def _walk(root: Path, exclude: tuple[str, ...]) -> Iterator[Path]:
    found: list[Path] = []
    # followlinks=False: a symlinked directory could loop; symlinked files are still yielded.
    for directory, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        dirnames[:] = sorted(
            d for d in dirnames if d not in SKIP_DIRS and not _excluded(display_path(Path(directory, d)), exclude)
        )
        for name in sorted(filenames):
            candidate = Path(directory, name)
            if _excluded(display_path(candidate), exclude):
                continue
            if name == "README.md" or (name.endswith(_CARD_DATA_SUFFIXES) and _carries_governance(candidate)):
                found.append(candidate)
        # A directory named README.md is reported, not silently skipped.
        for name in dirnames:
            if name == "README.md":
                found.append(Path(directory, name))
    yield from sorted(found)


def _excluded(display: str, exclude: tuple[str, ...]) -> bool:
    return any(path_matches(display, pattern) for pattern in exclude)


def _carries_governance(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            return _GOVERNANCE_KEY.search(handle.read(_PEEK_BYTES)) is not None
    except OSError:
        return False
