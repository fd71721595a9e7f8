"""One problem found in the Hub's structured metadata (`configs`, `dataset_info`).

The checkers in this package know what `datasets` does with the metadata; the rules in
``datacard_lint.rules.hub`` pick problems by ``kind`` and give each kind its code and
severity. Keeping the two apart lets one walk of a large `dataset_info` serve every rule.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

Path_ = tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong at `path` (`key=True`: at the key itself) and how to fix it."""

    kind: str
    path: Path_
    message: str
    help: str | None = None
    key: bool = False


def shown(value: object, limit: int = 40) -> str:
    """A value as a short inline code snippet for messages."""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 3] + "..."
