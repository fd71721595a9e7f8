"""`datacard-lint audit` end to end: the shared Hub corpus, a Hub list served from
127.0.0.1, and the progress bar on a real terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integrations"))
from hub_server import Repo, running  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "examples/synthetic-instruct/README.md").read_text("utf-8")
LEGACY = (ROOT / "examples/legacy-hub-card/README.md").read_text("utf-8")


def test_audit_of_the_hub_2023_corpus(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "report"
    status = main(["audit", str(corpus / "hub-2023"), "--glob", "*.md", "--jobs", "2", "--as-of", "2026-11-24",
                   "--output", str(out_dir)])
    stdout, stderr = capsys.readouterr()
    assert status == 0, stderr
    data = json.loads((out_dir / "audit.json").read_text("utf-8"))
    totals = data["totals"]
    assert totals["cards"] == 3702 == len(data["cards"])
    assert sum(totals["status"].values()) == totals["cards"]
    assert totals["status"]["no_metadata"] >= 400  # the corpus README: hundreds lack front matter
    assert sum(b["cards"] for b in data["scores"]["histogram"]) == data["scores"]["count"] == 3702
    for requirement in data["requirements"].values():
        assert sum(requirement["levels"].values()) == 3702
    assert data["hub"]["by_code"] and data["hub"]["errors"] > 0
    assert data["hub"]["errors"] == sum(c["hub_errors"] for c in data["cards"])
    page = (out_dir / "audit.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "3,702" in page
    assert sorted(p.name for p in out_dir.iterdir()) == ["audit.html", "audit.json"]
    assert stdout.startswith("Audited 3,702 cards")
    print(stdout)  # the figures, for the record (pytest -s)


def test_audit_is_deterministic_and_needs_a_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "README.md").write_text(GOOD, "utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "README.md").write_text(LEGACY, "utf-8")
    outputs = []
    for name in ("one", "two"):
        assert main(["audit", str(tmp_path / "a"), str(tmp_path / "b"), "--as-of", "2026-11-24",
                     "-o", str(tmp_path / name)]) == 0
        outputs.append([(tmp_path / name / f).read_bytes() for f in ("audit.json", "audit.html")])
    assert outputs[0] == outputs[1]
    capsys.readouterr()
    assert main(["audit"]) == 2
    assert "give a directory to audit, or --hub-list FILE" in capsys.readouterr().err
    assert main(["audit", str(tmp_path / "nope")]) == 2


def test_audit_of_a_hub_list(tmp_path: Path) -> None:
    pytest.importorskip("huggingface_hub")
    repos = {"acme/good": Repo({"main": GOOD}), "acme/legacy": Repo({"main": LEGACY}),
             "acme/no-card": Repo({"main": None})}
    hub_list = tmp_path / "datasets.txt"
    hub_list.write_text("# audit these\nacme/good\nacme/legacy  # old card\nacme/no-card\n", "utf-8")
    with running(repos) as hub:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE_"))}
        env.update(HF_ENDPOINT=hub.url, HF_HOME=str(tmp_path / "hf-home"), HF_HUB_DISABLE_TELEMETRY="1",
                   NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
        proc = subprocess.run(
            [sys.executable, "-m", "datacard_lint", "audit", "--hub-list", str(hub_list), "-o", str(tmp_path / "out"),
             "--as-of", "2026-11-24"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180,
        )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2  # one card could not be fetched
    assert "acme/no-card" in proc.stderr
    data = json.loads((tmp_path / "out" / "audit.json").read_text("utf-8"))
    assert [c["path"] for c in data["cards"]] == ["hf://datasets/acme/good@main/README.md",
                                                 "hf://datasets/acme/legacy@main/README.md"]
    assert data["totals"]["not_fetched"] == 1 and "no-card" in data["not_fetched"][0]["card"]
    assert data["cards"][0]["score"] == 100.0
    assert not (tmp_path / "hf-home").exists()


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"d{index}").mkdir()
        (tmp_path / f"d{index}" / "README.md").write_text(LEGACY, "utf-8")
    command = [sys.executable, "-m", "datacard_lint", "audit", str(tmp_path)]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and "Auditing" not in piped.stderr
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=terminal, timeout=120)
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(controller)
    assert proc.returncode == 0
    assert b"Auditing" in seen and b"3/3" in seen
