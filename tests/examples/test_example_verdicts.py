"""The example cards get exactly the verdicts and scores that examples/README.md states."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]
_ROW = re.compile(r"^\| \[`(?P<card>[^`]+)`\]\([^)]*\) \| .*? \| (?P<exit>\d) \| (?P<codes>[^|]*) \| (?P<score>\d+) \|$")


def _rows() -> list[dict[str, str]]:
    text = (REPO / "examples" / "README.md").read_text(encoding="utf-8")
    return [m.groupdict() for line in text.splitlines() if (m := _ROW.match(line))]


ROWS = _rows()


def test_table_lists_every_example_card() -> None:
    on_disk = {p.parent.relative_to(REPO / "examples").as_posix() for p in (REPO / "examples").rglob("README.md")}
    on_disk.discard(".")
    assert {row["card"] for row in ROWS} == on_disk
    assert len(ROWS) >= 6


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["card"])
def test_check_verdict(row: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    card = f"examples/{row['card']}/README.md"
    status = main(["check", "--format", "json", "--as-of", "2026-11-24", card])
    report = json.loads(capsys.readouterr().out)
    codes = sorted({d["code"] for c in report["cards"] for d in c["diagnostics"]})
    expected = [] if row["codes"].strip() == "none" else row["codes"].split()
    assert (status, codes) == (int(row["exit"]), expected)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["card"])
def test_score(row: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    main(["score", "--format", "json", "--as-of", "2026-11-24", f"examples/{row['card']}/README.md"])
    (card,) = json.loads(capsys.readouterr().out)["cards"]
    assert round(card["score"]["overall"]) == int(row["score"])


def test_documented_card_scores_high_and_legacy_card_low() -> None:
    scores = {row["card"]: int(row["score"]) for row in ROWS}
    assert scores["synthetic-instruct"] >= 90
    assert scores["legacy-hub-card"] <= 10
