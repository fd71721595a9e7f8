"""`check` and `lineage` agree on every example card: a lineage RISK is a check error (or a
waiver the card states with its reason), and a clean lineage has no renewal-risk error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]
RISK_CODES = {"DCL401", "DCL416", "DCL417", "DCL422"}
CARDS = sorted(p.parent.relative_to(REPO).as_posix() for p in (REPO / "examples").rglob("README.md")
               if p.parent != REPO / "examples")


@pytest.mark.parametrize("card", CARDS)
def test_check_reports_what_lineage_flags(card: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    path = f"{card}/README.md"
    main(["lineage", "--format", "json", path])
    report = json.loads(capsys.readouterr().out)
    own = [c for c in report["cards"] if c["card"] == path]
    assert own, [c["card"] for c in report["cards"]]
    flagged = bool(own[0]["flags"])
    main(["check", "--format", "json", "--as-of", "2026-11-24", path])
    checked = json.loads(capsys.readouterr().out)["cards"][0]
    reported = {d["code"] for d in checked["diagnostics"] if d["severity"] == "error"} & RISK_CODES
    text = (REPO / path).read_text(encoding="utf-8")
    waived = any(f"rule: {code}" in text for code in RISK_CODES)
    assert flagged == bool(reported or waived), (flagged, reported, waived)
