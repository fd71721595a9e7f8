"""Imports flow one way: the governance model sits just above `loading/`, and scoring,
configuration, authoring, lineage and the exports never reach into `rules/` internals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "datacard_lint"
#: The one public door into `rules/`: codes, names and requirements of registered rules.
RULES_PUBLIC = {"datacard_lint.rules", "datacard_lint.rules.registry"}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names if node.module == "datacard_lint.rules")
    return found


@pytest.mark.parametrize("package", ["scoring", "config", "authoring", "lineage", "export"])
def test_no_consumer_imports_rule_internals(package: str) -> None:
    offending = {
        f"{path.relative_to(SRC)}: {name}"
        for path in sorted((SRC / package).rglob("*.py"))
        for name in imports(path)
        if name.startswith("datacard_lint.rules") and name not in RULES_PUBLIC
    }
    assert offending == set()


def test_the_governance_model_depends_only_on_loading_and_itself() -> None:
    allowed = ("datacard_lint.governance", "datacard_lint.loading", "datacard_lint._meta")
    offending = {
        f"{path.name}: {name}"
        for path in sorted((SRC / "governance").glob("*.py"))
        for name in imports(path)
        if name.startswith("datacard_lint") and not name.startswith(allowed)
    }
    assert offending == set()
