"""Shared fixtures: paths to the repo's own examples and to the shared corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from datacard_lint.config.settings import Settings
from datacard_lint.engine import CardResult, Engine

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus(pytestconfig: pytest.Config) -> Path:
    path = (pytestconfig.rootpath / ".." / "shared" / "corpus").resolve()
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path}")
    return path


def lint(text: str, *, kind: str = "markdown", **settings: object) -> CardResult:
    """Lint text with fixed `as_of` so time-based rules are deterministic."""
    options = {"as_of": AS_OF, **settings}
    return Engine(Settings(**options)).check_text(text, kind=kind)  # type: ignore[arg-type]


def codes_at(result: CardResult) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in result.diagnostics}
