"""Every rule documents itself, and its documented examples really fail and pass.

The docs site renders these docstrings; this test keeps them honest: the failing example
must produce the rule's code on the line marked `# <- CODE`, the passing example must not.
"""

from __future__ import annotations

import re

import pytest
from dcl_testing import lint

from datacard_lint.rules.base import REQUIRED_SECTIONS
from datacard_lint.rules.registry import all_rules

RULES = all_rules()
_FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)
_MARK = re.compile(r"#\s*<-\s*(DCL\d{3})")


def _yaml_block(section: str) -> str | None:
    """The example as a whole card: YAML front matter, or a Markdown card written out in full."""
    match = _FENCE.search(section)
    if match is None or match.group(1) not in ("yaml", "markdown"):
        return None
    if match.group(1) == "markdown":
        if not match.group(2).startswith("---\n"):
            return None  # a body fragment (DCL030/DCL031), not a whole card
        return _MARKDOWN_CARD + match.group(2)
    return match.group(2)


_MARKDOWN_CARD = "\x00markdown\x00"


def _as_card(text: str) -> str:
    if text.startswith(_MARKDOWN_CARD):
        return text[len(_MARKDOWN_CARD):]
    return "---\n" + text + "---\n"


def _diagnostics(rule, card: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    """What the rule's own command reports: `check`, or `export --require` for requirement-set rules."""
    if rule.requirement == "croissant-requirements":
        from datacard_lint.export.requirement_sets import card_findings
        from datacard_lint.loading.card import Card, parse_card_text
        from datacard_lint.loading.limits import Limits

        return card_findings(parse_card_text(Card(path="README.md", kind="markdown"), card, Limits()), "neurips-2026")
    return list(lint(card).diagnostics)


def test_at_least_thirty_rules_that_run() -> None:
    assert len([r for r in RULES if r.runs_check]) >= 30


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_every_section(rule) -> None:  # type: ignore[no-untyped-def]
    sections = rule.sections()
    missing = [name for name in REQUIRED_SECTIONS if not sections.get(name)]
    assert not missing, f"{rule.code} lacks {missing}"
    assert rule.summary and not rule.summary.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fails_on_marked_line(rule) -> None:  # type: ignore[no-untyped-def]
    block = _yaml_block(rule.sections()["failing"])
    if block is None:
        pytest.skip(f"{rule.code} needs a file or several cards; tests/loading and tests/lineage cover it")
    card = _as_card(block)
    marked = [(m.group(1), card.count("\n", 0, m.start()) + 1) for m in _MARK.finditer(card)]
    assert marked, f"{rule.code}: failing example has no `# <- CODE` marker"
    found = {(d.code, d.line) for d in _diagnostics(rule, card)}
    for code, line in marked:
        assert (code, line) in found, f"{rule.code}: expected {code} on line {line}, got {sorted(found)}"
    assert rule.code in {c for c, _ in marked} or not rule.runs_check


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_passes(rule) -> None:  # type: ignore[no-untyped-def]
    block = _yaml_block(rule.sections()["passing"])
    if block is None:
        pytest.skip(f"{rule.code} needs a file or several cards; tests/loading and tests/lineage cover it")
    codes = {d.code for d in _diagnostics(rule, _as_card(block))}
    assert rule.code not in codes
