"""Whether to colour terminal output: `--color auto|always|never`, `NO_COLOR`, `FORCE_COLOR`.

An explicit `always` or `never` wins. With `auto` (the default), `NO_COLOR` set to anything
non-empty turns colour off (no-color.org), then `FORCE_COLOR` non-empty turns it on (as
pip, pytest and ruff's dependencies read it), and otherwise colour is used on a terminal only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_CODES = {"bold": "1", "red": "31", "yellow": "33", "cyan": "36", "dim": "2", "green": "32"}


def paint(text: str, style: str, enabled: bool) -> str:
    """`text` wrapped in the ANSI sequence for `style` (`bold`, `red`...), or unchanged."""
    if not enabled:
        return text
    codes = ";".join(_CODES[part] for part in style.split("+"))
    return f"\x1b[{codes}m{text}\x1b[0m"
