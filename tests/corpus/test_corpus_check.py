"""`check` over every real card of the shared corpus: no crash, every finding located."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _line_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1


def test_check_runs_over_the_whole_corpus(corpus: Path, tmp_path: Path) -> None:
    files = sorted(corpus.glob("*/*.md"))
    assert len(files) > 4000
    report_path = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "datacard_lint", "check", "--isolated", "--format", "json",
         "-o", str(report_path), *map(str, files)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["summary"]["cards"] == len(files)
    assert len(report["cards"]) == len(files)
    lines = {str(f): _line_count(f) for f in files}
    for card in report["cards"]:
        for finding in card["diagnostics"]:
            assert finding["code"] != "DCL999", finding
            assert 1 <= finding["line"] <= lines[card["path"]], (card["path"], finding)
            assert finding["col"] >= 1
            assert (finding["end_line"], finding["end_col"]) >= (finding["line"], finding["col"])
