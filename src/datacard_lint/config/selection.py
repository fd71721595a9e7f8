"""Decide whether a rule is enabled for a file (flake8's decision engine, ruff's spelling).

Selectors are `ALL`, a code (`DCL101`), a code prefix (`DCL1`, `DCL10`) or a rule name.
The most specific matching selector wins; on a tie between select and ignore, ignore wins.
"""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Iterable
from pathlib import PurePath

from datacard_lint.config.settings import Settings
from datacard_lint.rules import registry

_NAME_SPECIFICITY = 100


def specificity(selector: str, code: str, name: str) -> int:
    """How specifically `selector` names the rule; 0 when it does not match at all."""
    if selector == "ALL":
        return 1
    if selector == name:
        return _NAME_SPECIFICITY
    upper = selector.upper()
    if code.startswith(upper):
        return 1 + len(upper)
    return 0


def _best(selectors: Iterable[str], code: str, name: str) -> int:
    return max((specificity(s, code, name) for s in selectors), default=0)


def is_selector_known(selector: str) -> bool:
    if selector == "ALL":
        return True
    try:
        registry.get(selector)
        return True
    except KeyError:
        pass
    upper = selector.upper()
    return upper.startswith("DCL") and any(code.startswith(upper) for code in registry.codes())


class Decider:
    """Caches decisions per (code, file) so the check loop stays cheap."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._cache: dict[tuple[str, str], bool] = {}

    def enabled(self, code: str, relpath: str) -> bool:
        key = (code, relpath)
        if key not in self._cache:
            self._cache[key] = self._decide(code, relpath)
        return self._cache[key]

    def _decide(self, code: str, relpath: str) -> bool:
        name = registry.get(code).name
        chosen = _best((*self.settings.select, *self.settings.extend_select), code, name)
        ignored = _best((*self.settings.ignore, *self._file_ignores(relpath)), code, name)
        return chosen > ignored

    def _file_ignores(self, relpath: str) -> tuple[str, ...]:
        return _matching_ignores(self.settings.per_file_ignores, relpath)


@functools.lru_cache(maxsize=4096)
def _matching_ignores(table: tuple[tuple[str, tuple[str, ...]], ...], relpath: str) -> tuple[str, ...]:
    found: list[str] = []
    for pattern, selectors in table:
        if path_matches(relpath, pattern):
            found.extend(selectors)
    return tuple(found)


def path_matches(relpath: str, pattern: str) -> bool:
    """fnmatch on the POSIX relative path (`*` crosses directories), on its name, or a parent dir."""
    posix = PurePath(relpath).as_posix()
    if fnmatch.fnmatchcase(posix, pattern) or fnmatch.fnmatchcase(PurePath(posix).name, pattern):
        return True
    if pattern.endswith("/"):
        pattern = pattern.rstrip("/")
    parts = posix.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts)))
