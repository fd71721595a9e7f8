"""The fast schema pre-check never contradicts jsonschema, the reference validator.

`schemas/fastcheck.py` answers True (valid), False (invalid) or None (not sure); the engine
skips jsonschema only on True. Here every certain answer is compared with jsonschema's
verdict: on every card of the shared corpus, the examples, generated governance-rich
cards and randomly mutated governance blocks.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from test_properties import mutated_cards

from datacard_lint.loading.card import load_card
from datacard_lint.schemas import fastcheck, store

REPO = Path(__file__).resolve().parents[2]
GOVERNANCE = "v1/governance.schema.json"
GOVERNANCE_1_0 = "v1/governance-1.0.schema.json"
CARD = "v1/card.schema.json"
VALIDATORS = {GOVERNANCE: lambda: store.governance_validator(1), GOVERNANCE_1_0: lambda: store.governance_validator(1, 0),
              CARD: lambda: store.card_validator(1)}


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _string_keys_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _string_keys_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_string_keys_only(v) for v in value)
    return True


def agree(relative: str, value: Any) -> bool | None:
    """The fast verdict, after checking that it matches jsonschema's when it is certain."""
    fast = fastcheck.bundled_check(relative)
    assert fast is not None, f"{relative} no longer compiles: the fast path is off"
    verdict = fast(value)
    if verdict is not None and _string_keys_only(value):
        # jsonschema itself raises TypeError on a non-string key under patternProperties,
        # so such mutations have no reference verdict to compare with.
        reference = VALIDATORS[relative]()
        assert verdict == reference.is_valid(value), json.dumps(value, default=str)[:500]
    return verdict


def test_valid_blocks_take_the_fast_path() -> None:
    for example in ("synthetic-instruct", "web-crawl-pretraining", "human-survey"):
        card = load_card(REPO / "examples" / example / "README.md", example)
        assert card.metadata is not None
        assert agree(GOVERNANCE, card.metadata["governance"]) is True


@pytest.mark.parametrize("governance", [GOVERNANCE, GOVERNANCE_1_0])
@pytest.mark.parametrize("folder", ["hf-2022", "hub-2023", "oddities"])
def test_corpus_verdicts_agree(corpus: Path, folder: str, governance: str) -> None:
    certain = 0
    for path in sorted((corpus / folder).glob("*.md")):
        card = load_card(path, path.name)
        if not isinstance(card.metadata, dict):
            continue
        # The whole front matter as a governance block: exercises the False answers.
        certain += agree(governance, card.metadata) is not None
        if "governance" in card.metadata:
            agree(governance, card.metadata["governance"])
        else:
            # The card schema reaches the governance file through a $ref, where jsonschema
            # switches to the stock validator class (dates are not strings there), so the
            # card-level comparison is made on cards without a block.
            certain += agree(CARD, card.metadata) is not None
    assert certain > 100


def test_generated_cards_agree(tmp_path: Path) -> None:
    generate = _generator()
    verdicts = []
    for index in range(400):
        path = tmp_path / f"{index}.md"
        path.write_text(generate.card(index))
        card = load_card(path, path.name)
        assert card.metadata is not None
        verdicts.append(agree(GOVERNANCE, card.metadata["governance"]))
    assert verdicts.count(True) > 200 and verdicts.count(False) > 20


@settings(max_examples=150, deadline=None)
@given(mutated_cards())
def test_mutated_governance_blocks_agree(card: dict[str, Any]) -> None:
    block = card.get("governance", card)
    agree(GOVERNANCE, block)
    agree(GOVERNANCE_1_0, block)


@settings(max_examples=200, deadline=None)
@given(mutated_cards(store.governance_schema(1)["examples"][0]))
def test_mutated_1_1_blocks_agree(block: dict[str, Any]) -> None:
    """The 1.1 shapes (undisclosed, components, lists of purposes, waivers) under mutation."""
    agree(GOVERNANCE, block)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "format": "uri"},
        {"unevaluatedProperties": False},
        {"prefixItems": [{"type": "string"}], "items": False},
        {"$ref": "https://example.com/elsewhere.json"},
        {"properties": {"a": {"$id": "https://example.com/inner.json", "type": "string"}}},
    ],
)
def test_what_is_not_mirrored_disables_the_fast_path(schema: dict[str, Any]) -> None:
    document = {"$id": "https://example.com/s.json", **schema}
    assert fastcheck.compile_schema([document], "https://example.com/s.json") is None
