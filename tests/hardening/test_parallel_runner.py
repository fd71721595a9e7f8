"""`--jobs`: the same results in the same order as one process, streamed, and robust to a
worker that dies."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from datacard_lint import runner
from datacard_lint.cli.main import main
from datacard_lint.cli.options import SettingsOptions
from datacard_lint.collect import Target, collect
from datacard_lint.engine import CardResult, Engine

REPO = Path(__file__).resolve().parents[2]

CARD = """---
license: mit
language: [en]
governance:
  schema_version: "1.0"
  parts:
    - id: part-{i}
      share: {share}
      origin: {{class: {origin}}}
---
# Card {i}
"""


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> list[Target]:
    root = tmp_path_factory.mktemp("cards")
    origins = ["direct_human_record", "model_generated", "llm_made_it", "public_web_crawl"]
    for i in range(120):
        folder = root / f"c{i:03d}"
        folder.mkdir()
        text = CARD.format(i=i, share=(i % 7) / 5, origin=origins[i % len(origins)])
        if i % 17 == 0:
            text = text.replace("license: mit", "license: [mit")  # a syntax error now and then
        (folder / "README.md").write_text(text)
    return list(collect([root]))


def fingerprint(results: list[CardResult]) -> list[tuple[str, list[tuple[object, ...]]]]:
    return [(r.path, [(d.code, d.span, d.message) for d in r.diagnostics]) for r in results]


def engine() -> Engine:
    return Engine(SettingsOptions(isolated=True).resolver())


def test_parallel_results_equal_serial_results_in_order(cards: list[Target]) -> None:
    serial = list(runner.iter_results(engine(), cards, jobs=1))
    parallel = list(runner.iter_results(engine(), cards, jobs=2))
    assert [r.path for r in parallel] == [t.display for t in cards]
    assert fingerprint(parallel) == fingerprint(serial)
    assert any(r.diagnostics for r in serial)


def test_jobs_zero_means_every_available_cpu() -> None:
    assert runner.effective_jobs(0) == runner.available_cpus() >= 1
    assert runner.effective_jobs(1) == 1
    assert runner.effective_jobs(3) == 3


def test_cli_output_is_identical_with_and_without_jobs(
    cards: list[Target], capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(cards[0].path.parent.parent)
    outputs = []
    for jobs in ("1", "2", "0"):
        status = main(["check", "--isolated", "--as-of", "2026-11-24", "-j", jobs, root])
        outputs.append((status, capsys.readouterr().out))
    assert outputs[0][0] == 1
    assert outputs[0] == outputs[1] == outputs[2]


def test_targets_are_consumed_lazily(cards: list[Target]) -> None:
    pulled = 0

    def lazily() -> Iterator[Target]:
        nonlocal pulled
        for target in cards * 20:  # 2,400 targets
            pulled += 1
            yield target

    results = runner.iter_results(engine(), lazily(), jobs=2)
    next(results)
    window = 2 * runner.WINDOW_PER_WORKER * (runner.MAX_CHUNK // 4)
    assert pulled <= window + runner.MAX_CHUNK
    results.close()


class _CrashingEngine(Engine):
    """Kills its worker process on one file, as a segfault or the OOM killer would."""

    def check_path(self, path: Path, display: str | None = None) -> CardResult:
        if path.parent.name == "c005" and os.getpid() != PARENT:
            os._exit(1)
        return super().check_path(path, display)


PARENT = os.getpid()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the crashing engine is inherited by fork")
def test_a_worker_that_dies_costs_one_file(cards: list[Target]) -> None:
    crashing = _CrashingEngine(SettingsOptions(isolated=True).resolver())
    results = list(runner.iter_results(crashing, cards[:40], jobs=2))
    assert [r.path for r in results] == [t.display for t in cards[:40]]
    dead = [r for r in results if r.internal_errors]
    assert [r.path for r in dead] == [cards[5].display]
    assert dead[0].diagnostics[0].code == "DCL999"
    serial = list(runner.iter_results(engine(), cards[:40], jobs=1))
    assert fingerprint([r for r in results if not r.internal_errors]) == fingerprint(
        [r for i, r in enumerate(serial) if i != 5]
    )


def test_spawned_workers_rebuild_the_engine_from_the_cli_options(
    cards: list[Target], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under spawn (macOS, Windows) nothing is inherited: the engine is pickled, then rebuilt.
    monkeypatch.setattr(runner, "_context", lambda: multiprocessing.get_context("spawn"))
    selective = Engine(SettingsOptions(isolated=True, select=("DCL01",)).resolver())
    results = list(runner.iter_results(selective, cards[:40], jobs=2))
    codes = {d.code for r in results for d in r.diagnostics}
    assert codes == {"DCL010"}
    assert len(results) == 40
