"""The bundled schemas are valid 2020-12 schemas, self-describing, and published at their $id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from dcl_testing import lint
from jsonschema import Draft202012Validator

from datacard_lint._meta import SITE_URL
from datacard_lint.schemas import store

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = sorted((REPO / "schema").rglob("*.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: str(p.relative_to(REPO)))
def test_schema_is_valid_and_id_matches_its_path(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    if path.parent.name == "profiles" and path.name != "profile.schema.json":
        return  # profile data files, validated by their own schema in tests/scoring
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SITE_URL + path.relative_to(REPO).as_posix()


def _undescribed(node: object, where: str) -> list[str]:
    missing: list[str] = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and "description" not in sub and "$ref" not in sub:
                missing.append(f"{where}.{name}")
        for key, value in node.items():
            missing.extend(_undescribed(value, f"{where}.{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            missing.extend(_undescribed(value, f"{where}[{index}]"))
    return missing


@pytest.mark.parametrize("name", ["v1/governance.schema.json", "v1/card.schema.json"])
def test_every_property_is_described(name: str) -> None:
    schema = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
    assert _undescribed(schema, name) == []


def test_governance_schema_declares_its_semver() -> None:
    version = store.governance_schema(1)["x-schema-version"]
    assert version.split(".")[0] == "1" and len(version.split(".")) == 3
    assert f"## [{version}]" in (REPO / "schema" / "CHANGELOG.md").read_text(encoding="utf-8")


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize(
    "card", ["synthetic-instruct", "web-crawl-pretraining", "human-survey", "synthetic-reviews", "legacy-hub-card"]
)
def test_valid_examples_pass_the_card_schema(card: str) -> None:
    data = _front_matter(REPO / "examples" / card / "README.md")
    errors = store.card_errors(data)
    assert errors == []


def test_broken_example_fails_the_card_schema() -> None:
    data = _front_matter(REPO / "examples" / "broken-card" / "README.md")
    assert store.card_errors(data)


def test_unknown_major_version_is_reported_not_validated() -> None:
    result = lint("---\ngovernance:\n  schema_version: '7.0'\n  bogus: 1\n---\n")
    assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("DCL050", 3, 19)]


def test_newer_minor_turns_unknown_fields_into_warnings() -> None:
    card = "---\ngovernance:\n  schema_version: '1.99'\n  new_field: 1\n  not_applicable:\n    origin: Only an index of other datasets.\n---\n"
    found = {(d.code, d.severity.value, d.line) for d in lint(card).diagnostics}
    assert ("DCL051", "warning", 3) in found
    assert ("DCL051", "warning", 4) in found
    assert not any(code == "DCL053" for code, _, _ in found)


def test_schema_errors_point_at_the_offending_value_and_key() -> None:
    card = (
        "---\ngovernance:\n  schema_version: '1.0'\n  parts:\n    - id: a\n      share: 1.0\n"
        "      origin: {class: llm_output}\n      verfication: {}\n---\n"
    )
    found = {(d.code, d.line, d.col) for d in lint(card).diagnostics}
    assert ("DCL055", 7, 23) in found  # the value llm_output
    assert ("DCL053", 8, 7) in found  # the misspelt key
    message = next(d.message for d in lint(card).diagnostics if d.code == "DCL053")
    assert "did you mean `verification`" in message


def test_no_becomes_a_quoted_hint_in_type_errors() -> None:
    card = "---\ngovernance:\n  schema_version: '1.0'\n  parts:\n    - id: no\n      share: 1.0\n      origin: {class: direct_human_record}\n---\n"
    diagnostic = next(d for d in lint(card).diagnostics if d.code == "DCL054")
    assert diagnostic.line == 5
    assert diagnostic.help and "quote it" in diagnostic.help
