"""Counts in messages read as English: "1 TODO placeholder", "3 findings"."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
