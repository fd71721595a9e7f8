"""The lineage rules DCL420-DCL423, through the real engine on card files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lineage_cards import part, write_card

from datacard_lint.config.settings import Settings
from datacard_lint.engine import CardResult, Engine

AS_OF = dt.date(2026, 11, 24)
LINEAGE = {"DCL420", "DCL421", "DCL422", "DCL423"}


def check(path: Path) -> CardResult:
    return Engine(Settings(as_of=AS_OF)).check_path(path, str(path))


def lineage_codes(result: CardResult) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in result.diagnostics if d.code in LINEAGE}


def line_of(path: Path, needle: str, start: int = 0) -> int:
    lines = path.read_text().splitlines()
    for number, line in enumerate(lines[start:], start + 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_shipped_examples(repo: Path) -> None:
    base = repo / "examples" / "lineage"
    assert lineage_codes(check(base / "gen0" / "README.md")) == set()
    assert lineage_codes(check(base / "gen1" / "README.md")) == set()
    gen2 = base / "gen2" / "README.md"
    assert lineage_codes(check(gen2)) == {("DCL422", line_of(gen2, "grounded_share: 0.03"))}


def test_other_examples_have_no_lineage_findings(repo: Path) -> None:
    for card in sorted((repo / "examples").glob("*/README.md")):
        assert lineage_codes(check(card)) == set(), card


def test_dcl420_cycle(tmp_path: Path) -> None:
    a = write_card(tmp_path / "a", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../b/README.md"}]})
    write_card(tmp_path / "b", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../a/README.md"}]})
    result = check(a)
    assert lineage_codes(result) == {("DCL420", line_of(a, "path: ../b/README.md"))}
    message = next(d.message for d in result.diagnostics if d.code == "DCL420")
    assert "loops" in message and message.count("README.md") >= 3


def test_dcl421_missing_card_path(tmp_path: Path) -> None:
    card = write_card(tmp_path / "c", [part("g", "model_generated", 1.0)], {"generation": 1, "parents": [
        {"path": "../gen0/README.md", "generation": 0},
        {"path": "seeds/prompts.jsonl", "generation": 0},  # a data file: never checked
        {"id": "acme/seed", "generation": 0},             # a Hub id: never followed
    ]})
    result = check(card)
    assert lineage_codes(result) == {("DCL421", line_of(card, "path: ../gen0/README.md"))}
    assert "does not exist" in next(d.message for d in result.diagnostics if d.code == "DCL421")


def test_dcl421_path_that_is_not_a_card(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nNo front matter here.\n")
    (tmp_path / "empty").mkdir()
    card = write_card(tmp_path / "c", [part("g", "model_generated", 1.0)],
                      {"parents": [{"path": "../notes.md"}, {"path": "../empty/"}]})
    found = lineage_codes(check(card))
    assert found == {("DCL421", line_of(card, "path: ../notes.md")), ("DCL421", line_of(card, "path: ../empty/"))}


def test_dcl421_from_text_resolves_against_the_working_directory(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("---\ngovernance:\n  schema_version: '1.0'\n  renewal:\n    parents:\n"
            "      - path: release-0/README.md\n---\n")
    engine = Engine(Settings(as_of=AS_OF))
    assert lineage_codes(engine.check_text(text)) == {("DCL421", 6)}
    write_card(tmp_path / "release-0", [part("h", "direct_human_record", 1.0)], {"generation": 0})
    assert lineage_codes(engine.check_text(text)) == set()


def _gen2(tmp_path: Path, fresh: float, generated: float) -> Path:
    write_card(tmp_path / "gen0", [part("h", "direct_human_record", 1.0)], {"generation": 0, "grounded_share": 1.0})
    write_card(tmp_path / "gen1", [part("h", "direct_human_record", 0.4), part("g", "model_generated", 0.6)],
               {"generation": 1, "grounded_share": 0.4,
                "parents": [{"path": "../gen0", "share": 1.0, "generation": 0}]})
    return write_card(tmp_path / "gen2", [part("v1", "licensed_corpus", 0.4), part("g", "model_generated", generated),
                                          part("fresh", "direct_human_record", fresh)],
                      {"generation": 2, "grounded_share": fresh,
                       "parents": [{"path": "../gen1", "share": round(1 - fresh, 6), "generation": 1}]})


def test_dcl422_compounded_share_below_floor(tmp_path: Path) -> None:
    card = _gen2(tmp_path, fresh=0.03, generated=0.57)
    result = check(card)
    assert lineage_codes(result) == {("DCL422", line_of(card, "grounded_share: 0.03"))}
    message = next(d.message for d in result.diagnostics if d.code == "DCL422")
    assert "0.19" in message and "../gen1" in message


def test_dcl422_passes_with_enough_fresh_data(tmp_path: Path) -> None:
    assert lineage_codes(check(_gen2(tmp_path, fresh=0.25, generated=0.35))) == set()


def test_dcl422_follows_the_configured_floor(tmp_path: Path) -> None:
    from datacard_lint.rules.context import Thresholds

    card = _gen2(tmp_path, fresh=0.25, generated=0.35)  # compounded 0.41
    strict = Settings(as_of=AS_OF, thresholds=Thresholds(grounded_share_floor=0.5))
    codes = {d.code for d in Engine(strict).check_path(card, str(card)).diagnostics}
    assert "DCL422" in codes


def test_dcl422_needs_a_local_parent(repo: Path) -> None:
    # Entirely model-generated, generation 1, but no local parent: the renewal rules judge it.
    result = check(repo / "examples" / "synthetic-reviews" / "README.md")
    assert "DCL422" not in {d.code for d in result.diagnostics}


#: Half human, half model output: comfortably above the floor, so only DCL423 can fire.
HALF = [part("h", "direct_human_record", 0.5), part("g", "model_generated", 0.5)]


def test_dcl423_entry_generation_disagrees_with_parent_card(tmp_path: Path) -> None:
    write_card(tmp_path / "v1", HALF, {"generation": 1})
    card = write_card(tmp_path / "v2", HALF,
                      {"generation": 2, "parents": [{"path": "../v1", "generation": 0}]})
    result = check(card)
    renewal = line_of(card, "renewal:")
    assert lineage_codes(result) == {("DCL423", line_of(card, "generation: 0", renewal))}
    assert "generation 1 according to its card" in next(d.message for d in result.diagnostics if d.code == "DCL423")


def test_dcl423_declared_generation_ignores_the_parent_card(tmp_path: Path) -> None:
    write_card(tmp_path / "v1", HALF, {"generation": 1})
    card = write_card(tmp_path / "v2", HALF,
                      {"generation": 1, "parents": [{"path": "../v1"}]})
    result = check(card)
    assert lineage_codes(result) == {("DCL423", line_of(card, "generation: 1", line_of(card, "renewal:")))}
    assert "generation 2" in next(d.message for d in result.diagnostics if d.code == "DCL423")


def test_dcl423_silent_when_generations_agree(tmp_path: Path) -> None:
    write_card(tmp_path / "v1", HALF, {"generation": 1})
    card = write_card(tmp_path / "v2", HALF,
                      {"generation": 2, "parents": [{"path": "../v1", "generation": 1}]})
    assert lineage_codes(check(card)) == set()


def test_dcl423_leaves_single_card_contradictions_to_the_renewal_rules(tmp_path: Path) -> None:
    write_card(tmp_path / "v0", [part("h", "direct_human_record", 1.0)], {"generation": 0})
    card = write_card(tmp_path / "v1", [part("g", "model_generated", 1.0)],
                      {"generation": 0, "parents": [{"path": "../v0", "generation": 0}]})
    codes = {d.code for d in check(card).diagnostics}
    assert "DCL409" in codes and "DCL423" not in codes
