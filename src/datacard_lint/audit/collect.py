"""The cards an audit covers: files under local directories, or cards fetched from the Hub.

Hub cards are fetched with `datacard_lint.hub.remote` into a cache directory the caller
owns; a card that cannot be fetched is recorded, not fatal, because in a list of
thousands some are always gated, deleted or card-less.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datacard_lint.collect import SKIP_DIRS, Target, collect, display_path
from datacard_lint.config.selection import path_matches


@dataclass(slots=True)
class Sources:
    targets: list[Target] = field(default_factory=list)
    #: (card, reason) for cards that could not be fetched.
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: Fetched files, configured like files in the working directory rather than by their cache location.
    hub_files: set[Path] = field(default_factory=set)


def local_sources(paths: Iterable[Path], exclude: tuple[str, ...] = (), glob: str | None = None) -> Sources:
    """Cards under `paths` as `check` finds them, or every file whose name matches `glob`
    (a corpus dump names its cards `owner_name.md`, not README.md)."""
    if glob is None:
        return Sources(targets=list(collect(paths, exclude)))
    targets: list[Target] = []
    seen: set[str] = set()
    for path in paths:
        for found in _matching(path, glob, exclude) if path.is_dir() else [path]:
            key = os.path.abspath(found)
            if key not in seen:
                seen.add(key)
                targets.append(Target(found, display_path(found), explicit=not path.is_dir()))
    return Sources(targets=targets)


def _matching(root: Path, glob: str, exclude: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in filenames:
            candidate = Path(directory, name)
            if fnmatch.fnmatchcase(name, glob) and not any(
                path_matches(display_path(candidate), pattern) for pattern in exclude
            ):
                found.append(candidate)
    return sorted(found)


def hub_sources(
    list_file: Path,
    cache_dir: Path,
    sources: Sources | None = None,
    progress: Callable[[Iterable[Any], int, str], Iterable[Any]] | None = None,
) -> Sources:
    """Fetch every card named in `list_file` (raises `HubError` if the list is unreadable).

    `progress(items, total, label)` may wrap the downloads, which dominate a Hub audit.
    """
    from datacard_lint.hub import remote

    sources = sources or Sources()
    refs = remote.read_hub_list(list_file)
    fetched: Iterable[Any] = remote.fetch_all(refs, cache_dir)
    if progress is not None:
        fetched = progress(fetched, len(refs), "Fetching")
    for item in fetched:
        if item.path is None:
            sources.failures.append((item.ref.display, item.error or "not fetched"))
        else:
            sources.hub_files.add(item.path)
            sources.targets.append(Target(item.path, item.ref.display, explicit=True))
    return sources
