"""Helpers shared by test modules (importable because pyproject sets pytest's pythonpath)."""

from __future__ import annotations

import datetime as dt
import textwrap

from datacard_lint.config.settings import Settings
from datacard_lint.engine import CardResult, Engine

AS_OF = dt.date(2026, 11, 24)


def lint(text: str, *, kind: str = "markdown", **settings: object) -> CardResult:
    """Lint text with fixed `as_of` so time-based rules are deterministic."""
    options = {"as_of": AS_OF, **settings}
    return Engine(Settings(**options)).check_text(text, kind=kind)  # type: ignore[arg-type]


def codes_at(result: CardResult) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in result.diagnostics}


#: Marks the line where a test card expects its finding: `key: value  # <- DCL101`.
MARK = "# <-"


def card(body: str) -> str:
    """A card whose front matter is `body` (dedented)."""
    return "---\n" + textwrap.dedent(body).lstrip("\n") + "---\n"


def marked(text: str, nth: int = 0) -> int:
    """Line number of the `nth` line carrying the `# <-` marker."""
    return [i for i, line in enumerate(text.splitlines(), start=1) if MARK in line][nth]


def swap(text: str, old: str, new: str, count: int = -1) -> str:
    """Replace `old` (which must be present) to turn a failing card into a passing one."""
    assert old in text, old
    return text.replace(old, new, count)


def codes(text: str, **settings: object) -> set[str]:
    return {d.code for d in lint(text, **settings).diagnostics}
