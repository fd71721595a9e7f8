"""A small run of the fuzz driver (`benchmarks/fuzz.py`); the 100,000-input run is a script.

Set DATACARD_LINT_FUZZ_COUNT to run more inputs here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import fuzz  # noqa: E402


def test_fuzzed_cards_give_no_internal_error_and_no_position_outside_the_file() -> None:
    count = int(os.environ.get("DATACARD_LINT_FUZZ_COUNT", "400"))
    tally = fuzz.run(count, seed=11, cli_every=25)
    assert tally.inputs == count and tally.cli_runs >= count // 25  # inputs with surrogates skip the CLI
    assert tally.internal == []
    assert tally.outside == []


def test_the_driver_catches_a_position_outside_the_file() -> None:
    from datacard_lint.diagnostics import Span
    from datacard_lint.loading.lines import LineIndex

    lines = LineIndex("a: 1\nb: 2")
    assert lines.contains(Span(2, 1, 2, 5)) and not lines.contains(Span(2, 1, 3, 1))
    assert not lines.contains(Span(1, 1, 1, 7))  # past the end of line 1
