"""Schema 1.1: backward compatible with 1.0, frozen 1.0 beside it, worked examples that validate,
a self-contained bundle, and cards checked against the minor version they declare."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from dcl_testing import lint
from jsonschema import Draft202012Validator

from datacard_lint.loading.card import load_card
from datacard_lint.schemas import bundle, fastcheck, store
from datacard_lint.schemas.validate import _schema_findings

REPO = Path(__file__).resolve().parents[2]
V1 = REPO / "schema" / "v1"
EXAMPLES = sorted(p.parent.name for p in (REPO / "examples").glob("*/README.md"))
#: sha256 of schema/v1/governance.schema.json as released in 1.0.0.
RELEASED_1_0 = "54755b86d26fac733ee7d5d34ea48b619650718d4f69e5cac68d9af38f61df5a"


def test_frozen_1_0_is_the_released_file_at_its_own_id() -> None:
    text = (V1 / "governance-1.0.schema.json").read_text(encoding="utf-8")
    assert json.loads(text)["x-schema-version"] == "1.0.0"
    restored = text.replace("/v1/governance-1.0.schema.json", "/v1/governance.schema.json", 1)
    assert hashlib.sha256(restored.encode()).hexdigest() == RELEASED_1_0


def test_latest_is_1_1_and_known() -> None:
    assert store.governance_schema(1)["x-schema-version"] == "1.1.0"
    assert store.known_minor(1) == 1
    assert store.governance_file(1, 0) == "v1/governance-1.0.schema.json"
    assert store.governance_file(1, 1) == "v1/governance.schema.json"
    assert store.governance_file(1, None) == "v1/governance.schema.json"


def _blocks(corpus: Path) -> list[Any]:
    found: list[Any] = []
    for name in EXAMPLES:
        card = load_card(REPO / "examples" / name / "README.md", name)
        if isinstance(card.metadata, dict):
            found.append(card.metadata.get("governance", card.metadata))
    for path in sorted(corpus.rglob("*.md")):
        card = load_card(path, path.name)
        if isinstance(card.metadata, dict):
            found.append(card.metadata)  # the whole front matter as a block: the invalid side
            if "governance" in card.metadata:
                found.append(card.metadata["governance"])
    return found


def _errors(validator: Any, value: Any) -> set[tuple[str, ...]] | str:
    try:
        return {tuple(map(str, e.absolute_path)) + (e.validator,) for e in validator.iter_errors(value)}
    except TypeError:
        return "TypeError"  # jsonschema's own limit (non-string keys): must be the same under both


def test_every_1_0_card_gets_the_same_schema_verdict_under_1_1(corpus: Path) -> None:
    old, new = store.governance_validator(1, 0), store.governance_validator(1, 1)
    blocks = _blocks(corpus)
    assert len(blocks) > 3500
    changed = []
    for block in blocks:
        before, after = _errors(old, block), _errors(new, block)
        if (before == set()) != (after == set()) or (before == "TypeError") != (after == "TypeError"):
            changed.append(str(block)[:200])
    assert changed == []


def test_examples_get_the_same_schema_findings_under_both_versions() -> None:
    old, new = store.governance_validator(1, 0), store.governance_validator(1, 1)
    compared = 0
    for name in EXAMPLES:
        card = load_card(REPO / "examples" / name / "README.md", name)
        block = card.metadata.get("governance") if isinstance(card.metadata, dict) else None
        if isinstance(block, dict):
            before = [(f.code, f.span.line, f.span.col, f.message) for f in _schema_findings(block, card, old)]
            after = [(f.code, f.span.line, f.span.col, f.message) for f in _schema_findings(block, card, new)]
            assert before == after, name
            compared += bool(before)
    assert compared >= 1  # the broken example has schema errors to compare


def _examples_in(node: Any, where: str) -> list[tuple[str, Any, Any]]:
    """Every (location, subschema, example) pair in a schema."""
    found: list[tuple[str, Any, Any]] = []
    if isinstance(node, dict):
        for example in node.get("examples", []) if isinstance(node.get("examples"), list) else []:
            found.append((where, node, example))
        for key, value in node.items():
            if key != "examples":
                found.extend(_examples_in(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_examples_in(value, f"{where}/{index}"))
    return found


def test_every_worked_example_validates_against_its_own_subschema() -> None:
    schema = store.governance_schema(1)
    checked = 0
    for where, sub, example in _examples_in(schema, "#"):
        if where.endswith("/if/properties/kind") or "/if/" in where:
            continue  # conditions, not values
        root = {**sub, "$defs": schema["$defs"]} if where != "#" else schema
        validator = store.validator_class()(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
        assert [e.message for e in validator.iter_errors(example)] == [], where
        checked += 1
    assert checked > 150


def test_new_shapes_take_the_fast_path_and_agree_with_jsonschema() -> None:
    fast = fastcheck.bundled_check("v1/governance.schema.json")
    frozen = fastcheck.bundled_check("v1/governance-1.0.schema.json")
    assert fast is not None and frozen is not None
    worked = store.governance_schema(1)["examples"][0]
    assert worked["schema_version"] == "1.1"
    assert fast(worked) is True
    assert frozen(worked) is False
    assert store.governance_validator(1, 0).is_valid(worked) is False


def test_a_1_0_card_using_a_1_1_field_is_told_to_declare_1_1() -> None:
    card = (
        "---\ngovernance:\n  schema_version: '1.0'\n  statement: {by: producer}\n"
        "  not_applicable:\n    origin: Only an index of other datasets.\n---\n"
    )
    found = [d for d in lint(card).diagnostics if d.code == "DCL053"]
    assert [(d.line, d.col) for d in found] == [(4, 3)]
    assert found[0].help and 'declare schema_version: "1.1"' in found[0].help
    assert not [d for d in lint(card.replace("'1.0'", "'1.1'")).diagnostics if d.code.startswith("DCL05")]


UNDISCLOSED_CARD = """---
governance:
  schema_version: "1.1"
  statement: {by: retrospective, basis: the technical report}
  dataset: {hub_id: acme/closed-mix, size: {rows: undisclosed, tokens: 2000000000000, tokenizer: gpt2}}
  parts:
    - id: web
      share: undisclosed
      size: undisclosed
      origin: {class: public_web_crawl}
      public_evidence: {synthetic: undisclosed}
    - id: synth
      share: {undisclosed: "The report gives no mixture figures.", source: "https://example.org/report"}
      origin:
        class: model_generated
        generators: [{model: undisclosed, revision: {undisclosed: not published}}]
  renewal:
    grounded_share: undisclosed
    parents: undisclosed
    fresh_data: {lawful_basis: undisclosed}
---
"""


def test_undisclosed_is_accepted_wherever_the_design_allows_it() -> None:
    assert [d.code for d in lint(UNDISCLOSED_CARD).diagnostics if d.code.startswith("DCL05")] == []


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("share: 1.5", None, "above the maximum 1"),
        ("share: unknown", None, "must be a number or `undisclosed`"),
        ("share: {undisclosed: ''}", None, "must not be empty"),
        ("size: {rows: -1}", None, "below the minimum 0"),
        ("purpose: {category: mathx}", None, "did you mean `math`"),
        ("purpose: [{category: mathx}]", None, "did you mean `math`"),
    ],
)
def test_errors_under_alternatives_speak_of_what_was_meant(field: str, value: None, expected: str) -> None:
    card = (
        "---\ngovernance:\n  schema_version: '1.1'\n  parts:\n    - id: a\n"
        f"      {field}\n      origin: {{class: direct_human_record}}\n---\n"
    )
    messages = [d.message for d in lint(card).diagnostics if d.code.startswith("DCL05")]
    assert len(messages) == 1 and expected in messages[0], messages


def test_an_algorithm_needs_its_name_not_a_model() -> None:
    def codes(generator: str) -> list[str]:
        card = (
            "---\ngovernance:\n  schema_version: '1.1'\n  parts:\n    - id: a\n      share: 1.0\n"
            f"      origin: {{class: algorithmic_generation, generators: [{generator}]}}\n---\n"
        )
        return [d.code for d in lint(card).diagnostics if d.code.startswith("DCL05")]

    assert codes("{kind: algorithm, algorithm: sympy-gen, version: '1.12'}") == []
    assert codes("{kind: algorithm, version: '1.12'}") == ["DCL052"]
    assert codes("{revision: abc}") == ["DCL052"]  # a trained model still needs `model`


def test_the_bundle_is_current_and_self_contained() -> None:
    shipped = (V1 / bundle.BUNDLE_FILE).read_text(encoding="utf-8")
    assert shipped == bundle.render(1), "run: python -m datacard_lint.schemas.bundle"
    data = json.loads(shipped)
    Draft202012Validator.check_schema(data)
    refs = [m for m in _refs(data) if not m.startswith("#")]
    assert refs == []


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        out = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return out + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_bundle_judges_example_cards_as_the_two_files_do(name: str) -> None:
    text = (REPO / "examples" / name / "README.md").read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    as_json = json.loads(json.dumps(data, default=str))
    bundled = Draft202012Validator(json.loads((V1 / bundle.BUNDLE_FILE).read_text(encoding="utf-8")))
    assert bundled.is_valid(as_json) == (store.card_errors(data) == [])
