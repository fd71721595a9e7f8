"""Helpers shared by test modules (importable because pyproject sets pytest's pythonpath)."""

from __future__ import annotations

import datetime as dt

from datacard_lint.config.settings import Settings
from datacard_lint.engine import CardResult, Engine

AS_OF = dt.date(2026, 11, 24)


def lint(text: str, *, kind: str = "markdown", **settings: object) -> CardResult:
    """Lint text with fixed `as_of` so time-based rules are deterministic."""
    options = {"as_of": AS_OF, **settings}
    return Engine(Settings(**options)).check_text(text, kind=kind)  # type: ignore[arg-type]


def codes_at(result: CardResult) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in result.diagnostics}
