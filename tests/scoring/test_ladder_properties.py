"""Properties of the score ladder, on the gallery cards of real releases and the honest test cards.

- Adding a true, structured disclosure never lowers a score.
- Replacing `undisclosed` by the fact raises it.
(A lie caught as an error never raises it: tests/verdicts/test_lie_classes.py.)
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from dcl_testing import lint
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
GALLERY = sorted((REPO / "examples" / "gallery").rglob("README.md"))


def _split(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _join(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def overall(meta: dict[str, Any], body: str = "") -> float:
    result = lint(_join(meta, body), min_score=0.0)
    assert result.score is not None
    return result.score.overall


def _parts(meta: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in meta["governance"].get("parts", []) if isinstance(p, dict)]


# --- additions: each states one more true-shaped fact where the card is silent ----------------


def add_size(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        part.setdefault("size", {"rows": 1000})


def add_seed_source(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        part.setdefault("origin", {}).setdefault("seed_source", "Prompts written by the producer's staff.")


def add_confidence(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        label = part.get("contamination")
        if isinstance(label, dict):
            label.setdefault("confidence", "low")


def add_disclosure(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        evidence = part.get("public_evidence")
        if isinstance(evidence, dict):
            evidence.setdefault("disclosure", "The card says which parts are generated.")


def add_tail_evaluation(meta: dict[str, Any]) -> None:
    meta["governance"].setdefault("tail_evaluations", []).append(
        {"axis": "rare_case", "slice": "long-inputs", "metric": "accuracy", "value": 0.5, "n": 200,
         "baseline": {"slice": "all", "value": 0.6}, "benchmark": {"id": "org/bench"}})


def add_contamination_check(meta: dict[str, Any]) -> None:
    meta["governance"].setdefault("contamination_checks", []).append(
        {"benchmarks": ["cais/mmlu"], "method": "ngram_overlap", "result": "no overlap found", "action": "none"})


def add_processing(meta: dict[str, Any]) -> None:
    meta["governance"].setdefault("processing", []).append(
        {"step": "deduplication", "method": "exact-match deduplication", "tool": "datatrove"})


def add_collection_period(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        part.setdefault("origin", {}).setdefault("collection_period", {"start": "2020-01-01", "end": "2020-12-31"})


def add_source_datasets(meta: dict[str, Any]) -> None:
    for part in _parts(meta):
        part.setdefault("origin", {}).setdefault("source_datasets", ["org/source-corpus"])


def add_last_refresh(meta: dict[str, Any]) -> None:
    renewal = meta["governance"].get("renewal")
    if isinstance(renewal, dict):
        renewal.setdefault("last_refresh", "2024-01-01")


ADDITIONS: list[Callable[[dict[str, Any]], None]] = [
    add_size, add_seed_source, add_confidence, add_disclosure, add_tail_evaluation, add_contamination_check,
    add_processing, add_last_refresh, add_collection_period, add_source_datasets,
]


@settings(max_examples=25, deadline=None)
@given(card=st.sampled_from(GALLERY), steps=st.lists(st.sampled_from(ADDITIONS), min_size=1, max_size=4))
def test_adding_a_true_disclosure_never_lowers_the_score(card: Path, steps: list[Callable[[dict[str, Any]], None]]) -> None:
    meta, body = _split(card.read_text(encoding="utf-8"))
    before = overall(meta, body)
    for step in steps:
        meta = copy.deepcopy(meta)
        step(meta)
        after = overall(meta, body)
        assert after >= before - 1e-9, step.__name__
        before = after


# --- replacing `undisclosed` by the fact ----------------------------------------------------------

#: Facts of the right shape for each field the gallery marks undisclosed and the score reads.
FACTS = {"revision": "a1b2c3d4", "lawful_basis": "contract", "synthetic": False, "model": "org/named-model"}


def _undisclosed(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            scored = key != "revision" or "generators" in path  # a parent's revision is not scored
            if key in FACTS and scored and (value == "undisclosed"
                                            or (isinstance(value, dict) and "undisclosed" in value)):
                yield (*path, key)
            else:
                yield from _undisclosed(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _undisclosed(value, (*path, index))


def _cases() -> list[tuple[Path, tuple[Any, ...]]]:
    cases = []
    for card in GALLERY:
        meta, _ = _split(card.read_text(encoding="utf-8"))
        cases += [(card, path) for path in _undisclosed(meta)]
    return cases


CASES = _cases()


def test_the_gallery_has_undisclosed_facts_to_replace() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize(("card", "path"), CASES, ids=[f"{c.parent.name}:{'.'.join(map(str, p))}" for c, p in CASES])
def test_replacing_undisclosed_by_the_fact_raises_the_score(card: Path, path: tuple[Any, ...]) -> None:
    meta, body = _split(card.read_text(encoding="utf-8"))
    before = overall(meta, body)
    stated = copy.deepcopy(meta)
    node = stated
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = FACTS[str(path[-1])]
    assert overall(stated, body) > before


# --- splitting a part in two ---------------------------------------------------------------------


def _split_every_part(meta: dict[str, Any]) -> bool:
    """Replace each part by two halves with the same facts; False when the card has no parts."""
    parts = meta["governance"].get("parts")
    if not isinstance(parts, list) or not parts:
        return False
    halves: list[Any] = []
    for part in parts:
        if not isinstance(part, dict):
            halves.append(part)
            continue
        share = part.get("share")
        for index in range(2):
            half = copy.deepcopy(part)
            half["id"] = f"{part.get('id', 'part')}-half{index}"
            half.pop("config_name", None)
            if isinstance(share, (int, float)) and not isinstance(share, bool):
                half["share"] = share / 2
            halves.append(half)
    parts[:] = halves
    return True


@pytest.mark.parametrize("card", GALLERY, ids=lambda c: c.parent.name)
def test_splitting_every_part_in_two_changes_no_requirement_score(card: Path) -> None:
    """A question weighs the same however many parts it is asked of: more parts do not
    drown a fact about the whole card (its processing, its contamination checks)."""
    meta, body = _split(card.read_text(encoding="utf-8"))
    split = copy.deepcopy(meta)
    assert _split_every_part(split)
    before = lint(_join(meta, body), min_score=0.0).score
    after = lint(_join(split, body), min_score=0.0).score
    assert before is not None and after is not None
    compared = 0
    for name, result in before.requirements.items():
        if result.errors or after.requirements[name].errors:
            continue  # the halves may trip a rule (a duplicated slice, say); the cap is not the ladder
        compared += 1
        assert after.requirements[name].score == pytest.approx(result.score), name
    assert compared >= 4
