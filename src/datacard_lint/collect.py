"""Which files to check: explicit files always, directories walked for card files."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator
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


def collect(paths: Iterable[Path], exclude: tuple[str, ...] | Callable[[Path], bool] = (),
            force_exclude: bool = False, globs: tuple[str, ...] = ()) -> Iterator[Target]:
    """Yield targets in a stable order; explicit files are kept even when excluded (unless forced).

    `exclude` is a tuple of globs relative to the working directory, or a function deciding
    per path (the CLI's, which reads each config file's globs relative to that file).
    In directories, files matching one of `globs` are cards too (a pattern without `/` is
    matched against the file name, one with `/` against the path below the directory).

    Targets are produced as the walk finds them, so a run over any number of cards holds
    only the current directory's listing in memory.
    """
    roots = [(path, path.is_dir()) for path in paths]
    # A walk never repeats a path, so duplicates need remembering only when arguments
    # overlap (a directory inside another, a file inside a directory, a file twice).
    seen: set[str] | None = set() if _overlapping(roots) else None

    def new(path: Path) -> bool:
        if seen is None:
            return True
        key = os.path.abspath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for path, is_dir in roots:
        if is_dir:
            if path.name == "README.md" and new(path):  # named as a card, but a directory: report it too
                yield Target(path, display_path(path), explicit=True)
            for found in _walk(path, exclude, globs):
                if new(found):
                    yield Target(found, display_path(found), explicit=False)
        else:
            if force_exclude and _excluded(path, exclude):
                continue
            if new(path):
                yield Target(path, display_path(path), explicit=True)


def _overlapping(roots: list[tuple[Path, bool]]) -> bool:
    directories = [os.path.abspath(p) for p, is_dir in roots if is_dir]
    files = [os.path.abspath(p) for p, is_dir in roots if not is_dir]
    if len(set(files)) < len(files) or len(set(directories)) < len(directories):
        return True
    if not directories:
        return False

    def inside(child: str, parent: str) -> bool:
        return child.startswith(parent.rstrip(os.sep) + os.sep)

    return any(inside(a, b) for a in directories + files for b in directories if a != b)


def _walk(root: Path, exclude: tuple[str, ...] | Callable[[Path], bool],
          globs: tuple[str, ...] = ()) -> Iterator[Path]:
    """Card files below `root` in sorted path order, one directory listing at a time.

    Depth-first with each directory's entries sorted by name gives exactly the order of
    sorting every path, without holding them all. Symbolic links to directories are not
    followed (they could loop); symlinked files are yielded, and dangling ones reported.
    """
    stack = [iter(_listing(root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            if entry.name in SKIP_DIRS or _excluded(path, exclude):
                continue
            if entry.name == "README.md":  # a directory named README.md is reported, not skipped
                yield path
            if not entry.is_symlink():
                stack.append(iter(_listing(path)))
        elif not _excluded(path, exclude):
            name = entry.name
            if (name == "README.md" or (globs and _globbed(root, path, globs))
                    or (name.endswith(_CARD_DATA_SUFFIXES) and _carries_governance(path))):
                yield path


def _globbed(root: Path, path: Path, globs: tuple[str, ...]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatchcase(relative if "/" in pattern else path.name, pattern) for pattern in globs)


def _listing(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:  # unreadable or vanished: skipped, as os.walk does
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _excluded(path: Path, exclude: tuple[str, ...] | Callable[[Path], bool]) -> bool:
    if callable(exclude):
        return exclude(path)
    display = display_path(path)
    return any(path_matches(display, pattern) for pattern in exclude)


def _carries_governance(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            return _GOVERNANCE_KEY.search(handle.read(_PEEK_BYTES)) is not None
    except OSError:
        return False
