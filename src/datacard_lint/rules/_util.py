"""Helpers shared by rule modules: where to anchor a part's finding and how to name it.

Nothing here reads a governance field: the typed readers live in the governance model
(`datacard_lint.governance.readers`) and rule modules import them from there.
"""

from __future__ import annotations

from collections.abc import Hashable

from datacard_lint.rules.context import Part

Path_ = tuple[Hashable, ...]


def part_anchor(part: Part) -> Path_:
    """Where to report something missing from a whole part: its `id`, else the part itself."""
    return (*part.path, "id") if part.has_id else part.path


def label(part: Part) -> str:
    """The part as named in messages."""
    return f"part `{part.id}`"
