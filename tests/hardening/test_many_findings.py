"""Thousands of findings in one card: linear work, and a capped report with a summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from datacard_lint.api import lint_text
from datacard_lint.config.files import load_settings
from datacard_lint.config.settings import Settings
from datacard_lint.loading import yamltree
from datacard_lint.loading.limits import Limits


def wrong_typed_parts(count: int) -> str:
    items = "".join(f"  - {i}\n" for i in range(count))
    return f'---\ngovernance:\n  schema_version: "1.0"\n  parts:\n{items}---\n# Card\n'


def unknown_keys(count: int) -> str:
    keys = "".join(f"  extra_{i}: 1\n" for i in range(count))
    return f'---\ngovernance:\n  schema_version: "1.0"\n{keys}---\n'


def codes(text: str, **limits: int) -> list[str]:
    settings = Settings(limits=Limits(**limits)) if limits else Settings()
    return [d.code for d in lint_text(text, settings=settings).diagnostics]


def test_findings_of_one_rule_are_capped_with_a_located_summary() -> None:
    result = lint_text(wrong_typed_parts(250))
    assert not result.internal_errors
    wrong = [d for d in result.diagnostics if d.code == "DCL054"]
    (summary,) = [d for d in result.diagnostics if d.code == "DCL016"]
    assert len(wrong) == 100
    assert summary.message == "150 more DCL054 findings in this card (the first 100 are shown)"
    # At the first item left out: the 101st item, on line 5 + 100.
    assert (summary.line, summary.col) == (105, 5)
    assert summary.severity.value == "info"


def test_a_card_under_the_cap_gets_no_summary() -> None:
    found = codes(wrong_typed_parts(100))
    assert found.count("DCL054") == 100 and "DCL016" not in found


def test_raising_the_limit_shows_every_finding() -> None:
    found = codes(wrong_typed_parts(250), max_findings_per_rule=1000)
    assert found.count("DCL054") == 250 and "DCL016" not in found


def test_ignoring_the_summary_still_caps() -> None:
    found = codes_with(wrong_typed_parts(250), Settings(ignore=("DCL016",)))
    assert found.count("DCL054") == 100 and "DCL016" not in found


def codes_with(text: str, settings: Settings) -> list[str]:
    return [d.code for d in lint_text(text, settings=settings).diagnostics]


def test_the_limit_is_read_from_configuration(tmp_path: Path) -> None:
    config = tmp_path / ".datacard-lint.toml"
    config.write_text("[limits]\nmax-findings-per-rule = 7\n", encoding="utf-8")
    settings = load_settings(config)
    assert settings.limits.max_findings_per_rule == 7
    assert settings.to_dict()["limits"]["max-findings-per-rule"] == 7  # type: ignore[index]
    assert codes_with(unknown_keys(20), settings).count("DCL053") == 7


class CountingList(list):  # type: ignore[type-arg]
    iterations = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingList.iterations += 1
        return super().__iter__()


@pytest.mark.parametrize("count", [500, 2000])
def test_wrong_typed_items_scan_the_implicit_values_once(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each schema error used to scan every implicitly typed value: quadratic."""
    from datacard_lint.schemas import translate

    original = translate._ImplicitIndex.__init__

    def counting(self, card) -> None:  # type: ignore[no-untyped-def]
        card.implicit = CountingList(card.implicit)
        original(self, card)

    monkeypatch.setattr(translate._ImplicitIndex, "__init__", counting)
    CountingList.iterations = 0
    assert codes(wrong_typed_parts(count)).count("DCL054") == 100
    assert CountingList.iterations <= 5  # a few whole passes (rules read them too), not one per error


@pytest.mark.parametrize("count", [500, 2000])
def test_locating_many_keys_of_one_mapping_is_linear(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each unknown key used to scan every key of its mapping to find its position."""
    calls = 0
    original = yamltree._NodeIndex._key_of

    def counting(self, candidate):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return original(self, candidate)

    monkeypatch.setattr(yamltree._NodeIndex, "_key_of", counting)
    assert codes(unknown_keys(count)).count("DCL053") == 100
    assert calls <= 3 * count + 100
