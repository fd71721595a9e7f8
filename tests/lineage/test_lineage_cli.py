"""`datacard-lint lineage`: exit codes, formats, output files and the docs' worked example."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lineage_cards import part, write_card

from datacard_lint.cli.main import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def in_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repo)
    return repo


def test_help_describes_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lineage", "--help"], capsys)
    assert code == 0
    assert "Exit status" in out and "--format" in out and "--allow-external" in out


def test_risk_exits_one_and_is_shown(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lineage", "--isolated", "examples/lineage/"], capsys)
    assert code == 1
    assert "RISK: model-collapse risk: compounded grounded share 0.19 is below the floor 0.20" in out
    assert out.strip().endswith("3 cards, floor 0.20: 1 risk flag, 0 cycles, 0 missing parents.")


def test_healthy_lineage_exits_zero(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lineage", "--isolated", "examples/lineage/gen1/README.md"], capsys)
    assert code == 0, out
    assert "compounded grounded share  0.40" in out


def test_floor_option(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lineage", "--isolated", "--floor", "0.1", "examples/lineage/gen2/README.md"], capsys)
    assert code == 0, out
    code, _, _ = run(["lineage", "--isolated", "--floor", "1.5", "examples/lineage/gen2/README.md"], capsys)
    assert code == 2


def test_floor_from_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parts = [part("h", "direct_human_record", 0.3), part("g", "model_generated", 0.7)]
    renewal = {"generation": 1, "grounded_share": 0.3}
    plain = write_card(tmp_path / "plain" / "c", parts, renewal)
    configured = write_card(tmp_path / "configured" / "c", parts, renewal)
    (tmp_path / "configured" / ".datacard-lint.toml").write_text("[thresholds]\ngrounded-share-floor = 0.5\n")
    assert run(["lineage", str(plain)], capsys)[0] == 0
    code, out, _ = run(["lineage", str(configured)], capsys)
    assert code == 1 and "floor 0.50" in out


def test_missing_parents_and_allow_external(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = "examples/synthetic-instruct/README.md"
    code, out, _ = run(["lineage", "--isolated", card], capsys)
    assert code == 1
    assert "MISSING: examples/synthetic-instruct/README.md names Hub dataset `acme-research/tessera-seed`" in out
    code, out, _ = run(["lineage", "--isolated", "--allow-external", card], capsys)
    assert code == 0, out
    assert "external: " in out


def test_missing_card_path_fails_even_when_external_allowed(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    card = write_card(tmp_path / "c", [part("h", "direct_human_record", 1.0)], {"parents": [{"path": "../gone"}]})
    code, out, _ = run(["lineage", "--isolated", "--allow-external", str(card)], capsys)
    assert code == 1 and "MISSING" in out and "does not exist" in out


def test_cycle_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write_card(tmp_path / "a", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../b"}]})
    write_card(tmp_path / "b", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../a"}]})
    code, out, _ = run(["lineage", "--isolated", str(a)], capsys)
    assert code == 1 and "CYCLE: " in out


def test_json_format(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lineage", "--isolated", "--format", "json", "examples/lineage/gen2/README.md"], capsys)
    data = json.loads(out)
    assert code == 1
    cards = {c["card"]: c for c in data["cards"]}
    top = cards["examples/lineage/gen2/README.md"]
    assert top["generation"] == 2 and top["compounded_grounded_share"] == pytest.approx(0.19)
    assert top["flags"][0]["kind"] == "collapse-risk"
    assert top["parents"][0]["inherited_share"] == pytest.approx(0.4)
    assert sum(p["contribution"] for p in top["paths"]) == pytest.approx(0.19)
    assert data["summary"] == {"cards": 3, "risk_flags": 1, "waived_flags": 0, "cycles": 0, "missing_parents": 0,
                               "ok": False}


def test_mermaid_format(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["lineage", "--isolated", "--format", "mermaid", "examples/lineage/gen2/README.md"], capsys)
    lines = out.splitlines()
    assert lines[0] == "flowchart TD"
    nodes = dict(re.findall(r'^  (n\d+)\["(.*)"\]$', out, re.MULTILINE))
    edges = re.findall(r'^  (n\d+) -->\|"(.*)"\| (n\d+)$', out, re.MULTILINE)
    assert len(nodes) == 3 and len(edges) == 2
    by_name = {label.split("<br/>")[0]: key for key, label in nodes.items()}
    gen1, gen2 = by_name["Lantern Helpdesk Dialogues Expanded"], by_name["Quay Support Chat"]
    assert (gen1, "share 0.97 · inherited 0.40", gen2) in edges
    assert f"  class {gen2} risk" in lines


def test_dot_format(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["lineage", "--isolated", "--format", "dot", "examples/lineage/"], capsys)
    assert out.startswith("digraph lineage {") and out.rstrip().endswith("}")
    nodes = dict(re.findall(r'^  (n\d+) \[label="((?:[^"\\]|\\.)*)"', out, re.MULTILINE))
    edges = re.findall(r'^  (n\d+) -> (n\d+) \[label="([^"]*)"\];$', out, re.MULTILINE)
    assert len(nodes) == 3 and len(edges) == 2
    assert all("\n" not in label for label in nodes.values())
    assert any(label.startswith("Quay Support Chat\\n") for label in nodes.values())
    assert {label for _, _, label in edges} == {"share 0.80 · inherited 0.20", "share 0.97 · inherited 0.40"}
    assert out.count('color="#b91c1c"') == 1


def test_output_file_is_written(in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lineage.json"
    code, out, _ = run(["lineage", "--isolated", "--format", "json", "-o", str(target),
                        "examples/lineage/gen1/README.md"], capsys)
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["summary"]["ok"] is True
    assert [p.name for p in tmp_path.iterdir()] == ["lineage.json"]  # no temporary file left


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["lineage", str(tmp_path / "nope")], capsys)
    assert code == 2 and "does not exist" in err
    notes = tmp_path / "notes.md"
    notes.write_text("no front matter\n")
    code, _, err = run(["lineage", "--isolated", str(notes)], capsys)
    assert code == 1 and "notes.md:1:1: DCL020 not a readable dataset card" in err
    code, _, err = run(["lineage", "hf://datasets/acme/x"], capsys)
    assert code == 2 and "local cards only" in err


def test_walk_skips_readmes_that_are_not_cards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("# A project readme\n")
    write_card(tmp_path / "data", [part("h", "direct_human_record", 1.0)], {"generation": 0})
    code, out, _ = run(["lineage", "--isolated", str(tmp_path)], capsys)
    assert code == 0 and out.strip().endswith("1 card, floor 0.20: 0 risk flags, 0 cycles, 0 missing parents.")


def _fenced_after(page: str, opener: str) -> str:
    start = page.index(opener) + len(opener)
    return page[start:page.index("```", start)]


def test_guide_shows_the_real_output(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (in_repo / "docs" / "guide" / "lineage.md").read_text()
    _, text, _ = run(["lineage", "--isolated", "examples/lineage/gen2/README.md"], capsys)
    assert _fenced_after(page, "$ datacard-lint lineage examples/lineage/gen2/README.md\n") == text
    _, graph, _ = run(["lineage", "--isolated", "--format", "mermaid", "examples/lineage/gen2/README.md"], capsys)
    assert _fenced_after(page, "```mermaid\n") == graph


def test_guide_fix_claim_holds(tmp_path: Path, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guide says raising gen2's fresh share to 0.25 (0.35 generated) gives 0.41."""
    import shutil

    shutil.copytree(repo / "examples" / "lineage", tmp_path / "lineage")
    gen2 = tmp_path / "lineage" / "gen2" / "README.md"
    text = gen2.read_text()
    text = text.replace("share: 0.57", "share: 0.35").replace("share: 0.03", "share: 0.25")
    text = text.replace("grounded_share: 0.03", "grounded_share: 0.25").replace("share: 0.97", "share: 0.75")
    gen2.write_text(text)
    code, out, _ = run(["lineage", "--isolated", str(gen2)], capsys)
    assert code == 0, out
    assert "compounded grounded share  0.41" in out


def _risky(folder: Path, extra: str = "") -> Path:
    """A generation-1 training mix with a grounded share of 0.1, below the default floor 0.2."""
    folder.mkdir(parents=True, exist_ok=True)
    card = folder / "README.md"
    card.write_text(
        "---\nlicense: cc-by-4.0\ngovernance:\n  schema_version: \"1.1\"\n  parts:\n"
        "    - id: h\n      share: 0.1\n      origin: {class: direct_human_record}\n"
        "    - id: g\n      share: 0.9\n      origin:\n        class: model_generated\n"
        "        generators: [{model: acme/gen-model, revision: v1}]\n"
        "  renewal:\n    generation: 1\n    grounded_share: 0.1\n" + extra + "---\n\n# Card\n",
        encoding="utf-8")
    return card


def _risk_errors(card: Path, capsys: pytest.CaptureFixture[str]) -> set[str]:
    _, out, _ = run(["check", "--format", "json", str(card)], capsys)
    diagnostics = json.loads(out)["cards"][0]["diagnostics"]
    return {d["code"] for d in diagnostics if d["severity"] == "error"} & {"DCL401", "DCL416", "DCL417", "DCL422"}


_WAIVER = ("  waivers:\n    - rule: DCL401\n      reason: >-\n"
           "        Each release is used for one fine-tuning round on top of a model trained on human text.\n")


@pytest.mark.parametrize(("extra", "config", "why"), [
    (_WAIVER, None, "waived in the card (DCL401): Each release"),
    ("", "ignore = [\"DCL401\"]\n", "DCL401 is not selected by the configuration"),
    ("", "[severity]\nDCL401 = \"warning\"\n", "DCL401 is configured as warning"),
], ids=["waiver", "ignored", "warning"])
def test_lineage_accepts_what_check_accepts(tmp_path: Path, extra: str, config: str | None, why: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    card = _risky(tmp_path / "c", extra)
    if config is not None:
        (tmp_path / "c" / ".datacard-lint.toml").write_text(config)
    assert _risk_errors(card, capsys) == set()
    code, out, _ = run(["lineage", str(card)], capsys)
    assert code == 0, out
    assert "RISK" not in out and "waived: model-collapse risk: compounded grounded share 0.10" in out
    assert why in out
    assert out.strip().endswith("0 risk flags (1 more waived), 0 cycles, 0 missing parents.")
    code, out, _ = run(["lineage", "--format", "json", str(card)], capsys)
    (data,) = json.loads(out)["cards"]
    assert data["flags"] == [] and [w["kind"] for w in data["waived"]] == ["collapse-risk"]
    assert why in data["waived"][0]["why"]


def test_lineage_honours_inline_suppression(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = _risky(tmp_path / "c")
    text = card.read_text().replace("    grounded_share: 0.1\n",
                                    "    grounded_share: 0.1  # datacard-lint: disable=DCL401 -- one round only\n")
    card.write_text(text)
    assert _risk_errors(card, capsys) == set()
    code, out, _ = run(["lineage", str(card)], capsys)
    assert code == 0, out
    assert "suppressed by the comment on line" in out and "one round only" in out


def test_a_waiver_of_another_rule_leaves_the_risk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = _risky(tmp_path / "c", _WAIVER.replace("DCL401", "DCL417"))
    assert _risk_errors(card, capsys) == {"DCL401"}
    code, out, _ = run(["lineage", str(card)], capsys)
    assert code == 1 and "RISK: model-collapse risk" in out and "waived:" not in out
