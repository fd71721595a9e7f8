"""Folding results into audit numbers: every card counted once, in every table."""

from __future__ import annotations

import json
from pathlib import Path

from dcl_testing import AS_OF

from datacard_lint.audit.aggregate import REQUIREMENT_LEVELS, STATUSES, Audit
from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine

ROOT = Path(__file__).resolve().parents[2]

CARDS = {
    "governed.md": (ROOT / "examples/synthetic-instruct/README.md").read_text("utf-8"),
    "plain.md": "---\nlicense: mit\nlanguage: [en, English]\nsize_categories: [huge]\n---\n# Plain\n",
    "bare.md": "# No front matter\n",
    "broken.md": "---\nlicense: [mit\n---\n",
}


def audit_of(cards: dict[str, str]) -> dict[str, object]:
    engine = Engine(Settings(as_of=AS_OF), want_score=True)
    report = Audit(profile="default", as_of=AS_OF.isoformat(), source="test")
    for name, text in cards.items():
        report.add(engine.check_text(text, display=name))
    report.add_failure("hf://datasets/acme/gone@main/README.md", "not found")
    return report.to_dict(top=5)


def test_every_card_is_counted_once_everywhere() -> None:
    data = audit_of(CARDS)
    totals = data["totals"]
    assert totals["cards"] == 4 and totals["not_fetched"] == 1
    assert totals["status"] == {"with_governance": 1, "no_governance": 1, "no_metadata": 1, "unreadable": 1}
    assert list(totals["status"]) == list(STATUSES)
    for requirement in data["requirements"].values():
        assert list(requirement["levels"]) == list(REQUIREMENT_LEVELS)
        assert sum(requirement["levels"].values()) == 4
    scores = data["scores"]
    assert scores["count"] == 4 and sum(b["cards"] for b in scores["histogram"]) == 4
    assert scores["max"] == 100.0 and scores["min"] == 0.0
    assert data["scores"]["histogram"][-1]["cards"] == 1  # a score of 100 lands in the last bin
    assert [c["path"] for c in data["cards"]] == list(CARDS)


def test_findings_are_ranked_and_hub_codes_summarised() -> None:
    data = audit_of(CARDS)
    counts = [f["occurrences"] for f in data["findings"]]
    assert counts == sorted(counts, reverse=True) and len(counts) <= 5
    hub = data["hub"]
    assert all(item["code"].startswith("DCL8") for item in hub["by_code"])
    # `English` is a name, not a code: the Hub refuses it (DCL803); `huge` is only unindexed (a warning).
    assert hub["errors"] >= 1 and hub["cards_with_errors"] == 1
    plain = next(c for c in data["cards"] if c["path"] == "plain.md")
    assert plain["hub_errors"] == hub["errors"] and plain["errors"] >= plain["hub_errors"]


def test_output_is_json_and_deterministic() -> None:
    first, second = audit_of(CARDS), audit_of(CARDS)
    assert json.dumps(first, sort_keys=False) == json.dumps(second, sort_keys=False)
    assert json.loads(json.dumps(first)) == first
    assert first["format"] == "datacard-lint-audit/1" and first["as_of"] == AS_OF.isoformat()


def test_an_empty_audit_is_well_formed() -> None:
    data = Audit().to_dict()
    assert data["totals"]["cards"] == 0 and data["scores"]["mean"] is None
    assert all(b["cards"] == 0 for b in data["scores"]["histogram"])
