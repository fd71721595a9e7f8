"""The select/ignore decision: most specific selector wins; ignore wins ties."""

from __future__ import annotations

from datacard_lint.config.selection import Decider, is_selector_known, path_matches, specificity
from datacard_lint.config.settings import Settings


def test_specificity_orders_all_prefix_code_and_name() -> None:
    assert specificity("ALL", "DCL101", "x") == 1
    assert specificity("DCL1", "DCL101", "x") < specificity("DCL10", "DCL101", "x") < specificity("DCL101", "DCL101", "x")
    assert specificity("x", "DCL101", "x") > specificity("DCL101", "DCL101", "x")
    assert specificity("DCL2", "DCL101", "x") == 0


def test_more_specific_select_beats_broad_ignore() -> None:
    decider = Decider(Settings(select=("ALL",), ignore=("DCL0",), extend_select=("DCL011",)))
    assert decider.enabled("DCL011", "README.md")
    assert not decider.enabled("DCL010", "README.md")


def test_per_file_ignores_match_globs() -> None:
    decider = Decider(Settings(per_file_ignores=(("legacy/*", ("DCL9",)),)))
    assert not decider.enabled("DCL901", "legacy/a/README.md")
    assert decider.enabled("DCL901", "current/README.md")


def test_known_selectors() -> None:
    assert is_selector_known("ALL") and is_selector_known("DCL0") and is_selector_known("duplicate-key")
    assert not is_selector_known("DCL7777") and not is_selector_known("nonsense")


def test_path_matching() -> None:
    assert path_matches("examples/README.md", "examples/README.md")
    assert path_matches("a/b/c.md", "a/*")
    assert path_matches("vendor/x/README.md", "vendor")
    assert not path_matches("src/README.md", "vendor")
