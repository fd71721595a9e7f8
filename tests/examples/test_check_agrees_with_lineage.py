"""`check` and `lineage` agree on every example card, gallery included: a lineage RISK is a
check error, a flag the card waives (or suppresses) is shown by `lineage` as waived and is
no check error, and a clean lineage has no renewal-risk error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]
RISK_CODES = {"DCL401", "DCL416", "DCL417", "DCL422"}
CARDS = sorted(p.parent.relative_to(REPO).as_posix() for p in (REPO / "examples").rglob("README.md")
               if p.parent != REPO / "examples")


def test_the_gallery_is_covered() -> None:
    assert sum(c.startswith("examples/gallery/") for c in CARDS) >= 13, CARDS


@pytest.mark.parametrize("card", CARDS)
def test_check_reports_what_lineage_flags(card: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    path = f"{card}/README.md"
    code = main(["lineage", "--allow-external", "--format", "json", path])
    report = json.loads(capsys.readouterr().out)
    own = [c for c in report["cards"] if c["card"] == path]
    assert own, [c["card"] for c in report["cards"]]
    flagged, waived = bool(own[0]["flags"]), bool(own[0]["waived"])
    main(["check", "--format", "json", "--as-of", "2026-11-24", path])
    checked = json.loads(capsys.readouterr().out)["cards"][0]
    reported = {d["code"] for d in checked["diagnostics"] if d["severity"] == "error"} & RISK_CODES
    assert flagged == bool(reported), (own[0]["flags"], reported)
    assert not (waived and reported), (own[0]["waived"], reported)
    if not report["cycles"]:
        # With Hub parents allowed to be absent, lineage fails exactly when some card has a RISK.
        assert (code == 1) == any(c["flags"] for c in report["cards"]), report["summary"]


def test_the_spin_rounds_waive_their_floor_in_lineage_too(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code = main(["lineage", "--allow-external", "examples/gallery/spin"])
    out = capsys.readouterr().out
    assert code == 0 and "RISK" not in out, out
    assert out.count("waived: model-collapse risk") == 4 and "waived in the card (DCL422)" in out
