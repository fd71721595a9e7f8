"""`audit` keeps per-card rows on disk, not in memory, and writes audit.json as before."""

from __future__ import annotations

import json
from pathlib import Path

from datacard_lint.audit.aggregate import WORST, Audit
from datacard_lint.cli.audit import audit_json
from datacard_lint.engine import Engine

REPO = Path(__file__).resolve().parents[2]
TEXTS = [(REPO / "examples" / "synthetic-instruct" / "README.md").read_text("utf-8"),
         "---\nlicense: mit\nsize_categories: [huge]\n---\n", "# none\n", "---\nlicense: [mit\n---\n",
         "---\nlicense: 3\nlanguage: [1, 2, 3]\n---\n"]


def filled(count: int) -> Audit:
    engine = Engine(want_score=True)
    report = Audit(source="test")
    for i in range(count):
        report.add(engine.check_text(TEXTS[i % len(TEXTS)], display=f"card-{(i * 7) % count:04d}.md"))
    report.add_failure("hf://datasets/acme/gone@main/README.md", "not found")
    return report


def test_audit_json_streams_the_same_document() -> None:
    for count in (0, 1, 13):
        report = filled(count)
        data = report.to_dict(top=5)
        expected = json.dumps({k: v for k, v in data.items() if k != "worst_cards"}, indent=2,
                              ensure_ascii=False) + "\n"
        streamed = "".join(audit_json(report.to_dict(top=5, cards=False), report.iter_cards()))
        assert streamed == expected
        assert len(data["cards"]) == count
        report.close()


def test_worst_cards_are_those_the_full_list_gives() -> None:
    report = filled(3 * WORST + 7)
    rows = report.cards
    expected = sorted((c for c in rows if c["errors"]), key=lambda c: (-c["errors"], c["path"]))[:WORST]
    assert report.worst_cards() == expected and len(expected) == WORST
    report.close()


def test_rows_are_not_held_in_memory() -> None:
    report = filled(40)
    held = [name for name in Audit.__slots__ if isinstance(getattr(report, name, None), list)]  # type: ignore[attr-defined]
    assert sorted(held) == ["_worst", "not_fetched"]  # bounded (WORST) and the fetch failures
    assert len(report._worst) <= WORST and len(report._scores) <= 40
    report.close()
