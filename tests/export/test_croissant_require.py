"""`export --to croissant --require neurips-2026`: the track's RAI fields a card cannot fill.

Both directions: a complete, honest card exits 0; each gap is reported once, with its own
code, at the card field that would fill it; a base file that already has the property
closes the gap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datacard_lint.cli.main import main
from datacard_lint.export.requirement_sets import available, load
from datacard_lint.rules import registry

REPO = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "fixtures" / "hub-croissant.json"

COMPLETE = """---
pretty_name: Harbour Speech Notes
license: cc-by-4.0
language: [en]
governance:
  schema_version: "1.0"
  parts:
    - id: notes
      share: 0.7
      origin:
        class: direct_human_record
        description: Notes dictated by 40 harbour pilots during 2025 shifts, transcribed by two linguists.
    - id: paraphrases
      share: 0.3
      origin:
        class: model_generated
        generators: [{model: northwind-lab/para-7b, revision: 9c1e2f0, provider: Northwind Lab}]
        seed_source: The notes part.
      purpose:
        category: rare_case_augmentation
        statement: Paraphrases of rare manoeuvre notes, so that each manoeuvre has at least 50 examples.
      verification:
        domain: general
        methods:
          - method: domain_expert_review
            sample_size: 400
            pass_rate: 0.93
  renewal:
    grounded_share: 0.7
    generation: 1
    fresh_data:
      description: The notes part, new for this release.
      lawful_basis: consent
  tail_evaluations:
    - axis: dialect
      slice: en-scots
      metric: word_error_rate
      higher_is_better: false
      value: 0.19
      baseline: {value: 0.11, slice: en-GB}
---
# Harbour Speech Notes

## Social Impact of Dataset

Safer pilotage training for small ports that have no recorded incidents of their own.
"""


def run(tmp_path: Path, text: str, *extra: str) -> tuple[int, str, str]:
    card = tmp_path / "README.md"
    card.write_text(text, encoding="utf-8")
    return main(["export", "--to", "croissant", str(card), "--require", "neurips-2026", *extra]), str(card), text


def test_the_set_is_a_documented_data_file() -> None:
    assert "neurips-2026" in available()
    rules = load("neurips-2026")
    assert [f.code for f in rules.fields] == [f"DCL0{n}" for n in range(60, 70)]
    assert {f.property for f in rules.fields} == {
        "rai:dataCollection", "rai:dataCollectionType", "rai:personalSensitiveInformation",
        "rai:dataPreprocessingProtocol", "rai:dataSocialImpact", "rai:dataLimitations", "rai:dataBiases",
        "rai:dataUseCases", "rai:hasSyntheticData", "rai:syntheticDataExplanation"}
    for field in rules.fields:
        rule = registry.get(field.code)
        assert rule.requirement == "croissant-requirements" and not rule.runs_check
        assert field.property in rule.summary


def test_a_complete_card_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(tmp_path, COMPLETE, "-o", str(tmp_path / "c.json"))
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert "every required property is filled" in out.err
    doc = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert doc["rai:hasSyntheticData"] is True
    assert doc["rai:dataBiases"][0].startswith("Higher word_error_rate on the dialect slice `en-scots`")


def test_each_gap_is_located_at_the_field_that_fills_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = COMPLETE.replace("## Social Impact of Dataset", "## Notes").replace(
        "      lawful_basis: consent\n", "").replace("class: model_generated", "class: TODO")
    code, path, _ = run(tmp_path, text, "-o", str(tmp_path / "c.json"))
    out = capsys.readouterr().out
    lines = text.splitlines()
    governance = lines.index("governance:") + 1
    parts = lines.index("  parts:") + 1
    renewal = lines.index("  renewal:") + 1
    assert code == 1
    found = [line.split(" [")[0] for line in out.splitlines() if not line.startswith("    ")]
    assert found == [
        f"{path}:{governance}:1: DCL064",
        f"{path}:{parts}:3: DCL068",
        f"{path}:{parts}:3: DCL069",
        f"{path}:{renewal}:3: DCL062",
    ]
    assert "help: fill it from a body section headed 'Social Impact'" in out
    assert (tmp_path / "c.json").exists()  # the file is still written, for the author to finish by hand


def test_a_card_without_governance_is_located_at_the_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, path, _ = run(tmp_path, "---\nlicense: mit\n---\n# Plain card\n\nSome rows.\n", "-o", str(tmp_path / "c.json"))
    out = capsys.readouterr().out
    assert code == 1
    assert out.count(f"{path}:2:1: DCL0") == 10  # nothing to fill any of them from


def test_the_base_can_fill_a_gap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = json.loads(BASE.read_text(encoding="utf-8"))
    base["rai:dataSocialImpact"] = "Written in the NeurIPS RAI editor."
    own = tmp_path / "base.json"
    own.write_text(json.dumps(base), encoding="utf-8")
    card = REPO / "examples" / "synthetic-instruct" / "README.md"
    args = ["export", "--to", "croissant", str(card), "--require", "neurips-2026", "-o", str(tmp_path / "c.json")]
    assert main(args) == 1
    assert "DCL064" in capsys.readouterr().out
    assert main([*args, "--base", str(own)]) == 0


def test_an_unknown_set_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_text(COMPLETE, encoding="utf-8")
    assert main(["export", "--to", "croissant", str(card), "--require", "iclr-2027"]) == 2
    assert "no requirement set 'iclr-2027'; available: neurips-2026" in capsys.readouterr().err


def test_findings_go_to_stderr_when_the_document_goes_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(tmp_path, COMPLETE.replace("## Social Impact of Dataset", "## Notes"))
    out = capsys.readouterr()
    assert code == 1
    assert json.loads(out.out)["rai:hasSyntheticData"] is True
    assert "DCL064" in out.err


def test_the_configuration_applies_as_in_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = COMPLETE.replace("## Social Impact of Dataset", "## Notes")
    (tmp_path / ".datacard-lint.toml").write_text('ignore = ["croissant-social-impact-missing"]\n', encoding="utf-8")
    code, _, _ = run(tmp_path, text, "-o", str(tmp_path / "c.json"))
    assert code == 0
    assert "DCL064" not in capsys.readouterr().out
    other = tmp_path / "other"  # configuration files are read once per process, so a new folder
    other.mkdir()
    (other / ".datacard-lint.toml").write_text('severity = { DCL064 = "warning" }\n', encoding="utf-8")
    code, _, _ = run(other, text, "-o", str(other / "c.json"))
    assert code == 0
    assert "DCL064 [warning]" in capsys.readouterr().out
