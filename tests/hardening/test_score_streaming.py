"""`score` streams like `check`: each card is scored, written and let go."""

from __future__ import annotations

import gc
import io
import json
from collections.abc import Iterator
from pathlib import Path

from datacard_lint import __version__
from datacard_lint.cli.score import _Tally
from datacard_lint.engine import CardResult, Engine
from datacard_lint.loading.card import Card
from datacard_lint.reporters.score_table import render_json

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*/README.md"))


def results(count: int) -> list[CardResult]:
    engine = Engine(want_score=True)
    return [engine.check_path(path, path.name) for path in (EXAMPLES * 3)[:count]]


def test_streamed_json_is_the_document_json_dump_writes() -> None:
    for count in (0, 1, 4):
        items = results(count)
        document = {
            "format": "datacard-lint-scores", "version": 1,
            "tool": {"name": "datacard-lint", "version": __version__},
            "cards": [{"path": r.path, "errors": sum(1 for d in r.diagnostics if d.severity.value == "error"),
                       "score": r.score.to_dict() if r.score else None} for r in items],
        }
        expected = io.StringIO()
        json.dump(document, expected, indent=2, ensure_ascii=False)
        expected.write("\n")
        got = io.StringIO()
        render_json(iter(items), got)
        assert got.getvalue() == expected.getvalue()


def test_cards_already_rendered_are_freed_while_the_rest_stream() -> None:
    engine = Engine(want_score=True)
    alive_when_yielding: list[int] = []
    gc.collect()
    before = sum(isinstance(o, Card) for o in gc.get_objects())  # other tests' cards may be alive

    def produce() -> Iterator[CardResult]:
        for path in EXAMPLES * 2:
            result = engine.check_path(path, path.name)
            assert result.card is not None
            gc.collect()
            alive_when_yielding.append(sum(isinstance(o, Card) for o in gc.get_objects()) - before)
            yield result

    tally = _Tally()
    render_json(tally.watch(produce()), io.StringIO())
    assert len(alive_when_yielding) == 2 * len(EXAMPLES)
    assert max(alive_when_yielding) <= 2  # the card being yielded, at most one before it
    assert tally.lowest is not None and not tally.internal
