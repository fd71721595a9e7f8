"""Run the engine over many targets, in order, optionally in parallel worker processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from datacard_lint.collect import Target

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult, Engine


def iter_results(engine: Engine, targets: Iterable[Target], jobs: int = 1) -> Iterator[CardResult]:
    """Results in input order, so output never depends on scheduling."""
    for target in targets:
        yield engine.check_path(target.path, target.display)
