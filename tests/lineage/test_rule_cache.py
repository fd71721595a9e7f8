"""The lineage rules keep no state of their own: parents come through the run's bounded
cache and are read under the run's limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lineage_cards import part, write_card

from datacard_lint.lineage.graph import CardCache
from datacard_lint.loading.card import load_card
from datacard_lint.loading.limits import Limits
from datacard_lint.rules import lineage as lineage_rules
from datacard_lint.rules.context import RuleContext, RunCache

SRC = Path(__file__).resolve().parents[2] / "src" / "datacard_lint" / "rules"


def _family(tmp_path: Path) -> Path:
    write_card(tmp_path / "parent", [part("web", "public_web_crawl", 1.0)])
    return write_card(tmp_path / "child", [part("gen", "model_generated", 1.0)],
                      renewal={"generation": 1, "parents": [{"path": "../parent/README.md"}]})


def _context(child: Path, limits: Limits, cache: RunCache) -> RuleContext:
    return RuleContext(load_card(child, str(child), Limits()), as_of=dt.date(2026, 11, 24), limits=limits,
                       cache=cache)


def test_parents_are_read_under_the_configured_limits(tmp_path: Path) -> None:
    child = _family(tmp_path)
    assert lineage_rules.follows_local_parents(_context(child, Limits(), RunCache()))
    tiny = Limits(max_file_bytes=64)  # the parent card is larger: it is not read as a card
    assert not lineage_rules.follows_local_parents(_context(child, tiny, RunCache()))


def test_parents_are_parsed_once_per_run_in_the_runs_cache(tmp_path: Path) -> None:
    child = _family(tmp_path)
    run = RunCache()
    lineage_rules.follows_local_parents(_context(child, Limits(), run))
    cards = run.get(CardCache, CardCache)
    assert len(cards) == 1  # the parent (the child itself is given, not loaded)
    lineage_rules.follows_local_parents(_context(child, Limits(), run))
    assert len(cards) == 1
    assert len(RunCache()) == 0  # a new run starts empty: nothing is kept between runs


def test_the_caches_are_bounded() -> None:
    run = RunCache(max_entries=3)
    for n in range(10):
        run.get(n, lambda n=n: n)
    assert len(run) == 3
    assert run.get(9, lambda: -1) == 9 and run.get(0, lambda: -1) == -1


def test_no_rule_module_keeps_a_module_level_memo() -> None:
    for path in SRC.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "lru_cache" not in text and "global " not in text, path.name
    assert not hasattr(lineage_rules, "_LAST")
