"""Every code is a registered rule: modules, emitted codes, code constants and docs pages.

Codes reach users from three places: rule checks (`@rule`), the loader and schema validator
(`datacard_lint.codes`), and the engine (suppressions, waivers, capping, internal errors).
These tests read the source, so a code added anywhere without a registered rule fails here.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from datacard_lint import codes
from datacard_lint.rules import registry

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "datacard_lint"
RULES_DIR = SRC / "rules"
#: Modules of `rules/` that define what a rule is, not rules.
FRAMEWORK = {"base", "registry", "context", "_util"}
_CODE = re.compile(r"\bDCL\d{3}\b")
_EXACT = re.compile(r"^DCL\d{1,3}$")


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_every_rules_module_is_registered_and_defines_rules() -> None:
    modules = {p.stem for p in RULES_DIR.glob("*.py")} - FRAMEWORK
    assert modules == set(registry.RULE_MODULES)
    defining = {r.check.__module__.rsplit(".", 1)[1] for r in registry.all_rules() if r.check is not None}
    assert defining == set(registry.RULE_MODULES)


def test_every_rule_has_a_known_category() -> None:
    from datacard_lint.requirements import REQUIREMENT_TITLES

    allowed = {*REQUIREMENT_TITLES, "file", "schema", "hub", "general", "croissant-requirements"}
    unknown = {(r.code, r.category) for r in registry.all_rules() if r.category not in allowed}
    assert not unknown
    # The family digit agrees with the category for the engine's own families.
    for rule in registry.all_rules():
        if rule.category in ("file", "schema"):
            assert rule.code.startswith("DCL0"), rule.code
        if rule.category == "hub":
            assert rule.code.startswith("DCL8"), rule.code


def test_every_code_constant_is_a_registered_rule_of_its_family() -> None:
    constants = {name: value for name, value in vars(codes).items() if name.isupper()}
    assert constants
    for name, value in constants.items():
        rule = registry.get(value)
        assert rule.name.upper().replace("-", "_") == name, (name, rule.name)
    assert len(set(constants.values())) == len(constants)


def test_every_code_written_in_the_source_is_registered() -> None:
    known = registry.codes()
    unknown: set[tuple[str, str]] = set()
    for path in _sources():
        for code in _CODE.findall(path.read_text(encoding="utf-8")):
            if code not in known:
                unknown.add((str(path.relative_to(ROOT)), code))
    assert not unknown


def test_no_code_literal_outside_its_rule_or_the_codes_table() -> None:
    """Outside `rules/` a code is `codes.X` or read from the registry; docstrings may name codes."""
    offenders: list[str] = []
    for path in _sources():
        if path.parent == RULES_DIR or path == SRC / "codes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and _EXACT.match(node.value)
                    and id(node) not in docstrings):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not offenders


def test_loader_groups_come_from_the_registry() -> None:
    unreadable = registry.codes_reading("unreadable")
    assert codes.FILE_UNREADABLE in unreadable and codes.YAML_SYNTAX_ERROR in unreadable
    assert codes.NO_FRONT_MATTER in registry.codes_reading("no-metadata")
    assert codes.CRLF_LINE_ENDINGS in registry.codes_reading("cosmetic")
    groups = [registry.codes_reading(k) for k in ("unreadable", "no-metadata", "cosmetic")]
    assert sum(len(g) for g in groups) == len(frozenset().union(*groups))  # no code in two groups
    assert all(registry.get(c).category == "file" for g in groups for c in g)


def test_every_registered_rule_renders_a_docs_page() -> None:
    pytest.importorskip("mkdocs")
    sys.path.insert(0, str(ROOT / "docs" / "hooks"))
    try:
        from docgen.rules import load_rules, page_of, render_rule
    finally:
        sys.path.remove(str(ROOT / "docs" / "hooks"))
    rules = load_rules()
    assert {r.code for r in rules} == registry.codes()
    for rule in rules:
        assert page_of(rule) == f"rules/{rule.code}.md"
        page = render_rule(rule)
        assert rule.code in page and rule.name in page
