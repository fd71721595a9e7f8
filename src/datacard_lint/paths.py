"""Paths into the front matter: tuples of keys and indexes, shown as `a.b[0].c`."""

from __future__ import annotations

from collections.abc import Hashable

Path_ = tuple[Hashable, ...]


def dotted(path: Path_) -> str:
    """`governance.parts[0].origin` style, for messages."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"
