"""What a fix is: text edits plus the metadata change they must produce."""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

Path_ = tuple[Hashable, ...]


class Applicability(enum.StrEnum):
    """Whether a fix is applied by `--fix` alone (safe) or needs `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the characters `start:end` of the card text with `text`."""

    start: int
    end: int
    text: str


#: Applies the fix's meaning to a copy of the metadata (the parse of the fixed text must equal it).
Transform = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Fix:
    """One finding's fix: what it does (for messages), its edits and its expected effect."""

    code: str
    title: str
    applicability: Applicability
    edits: tuple[Edit, ...]
    transform: Transform

    def overlaps(self, other: Fix) -> bool:
        return any(a.start < b.end and b.start < a.end or a.start == b.start
                   for a in self.edits for b in other.edits)
