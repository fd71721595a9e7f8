"""`export --to croissant`: every example exports to JSON-LD that the real mlcroissant accepts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*/README.md")) + sorted((REPO / "examples" / "lineage").glob("*/README.md"))

#: The 20 property names of croissant_rai.ttl.
RAI_TTL_NAMES = {
    "dataCollection", "dataCollectionType", "dataCollectionMissingData", "dataCollectionRawData",
    "dataCollectionTimeframe", "dataPreprocessingProtocol", "dataImputationProtocol", "dataManipulationProtocol",
    "dataAnnotationProtocol", "dataAnnotationPlatform", "dataAnnotationAnalysis", "annotationsPerItem",
    "annotatorDemographics", "machineAnnotationTools", "dataBiases", "dataLimitations", "dataSocialImpact",
    "dataUseCases", "personalSensitiveInformation", "dataReleaseMaintenancePlan",
}


def validator() -> list[str]:
    """The `mlcroissant` command installed with the test extra, next to this Python."""
    script = Path(sys.executable).parent / "mlcroissant"
    if script.exists():
        return [str(script), "validate"]
    return [sys.executable, "-m", "mlcroissant.scripts.validate"]


def export(card: Path, out: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    code = main(["export", "--to", "croissant", str(card), "-o", str(out), *extra])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*validator(), "--jsonld", str(path)], capture_output=True, text=True, timeout=300)


def test_every_example_is_covered() -> None:
    names = {f"{c.parent.parent.name}/{c.parent.name}" for c in EXAMPLES}
    assert {"examples/synthetic-instruct", "examples/broken-card", "lineage/gen0", "lineage/gen2"} <= names
    assert len(EXAMPLES) >= 9


@pytest.mark.parametrize("card", EXAMPLES, ids=lambda c: f"{c.parent.parent.name}/{c.parent.name}")
def test_mlcroissant_accepts_the_export(card: Path, tmp_path: Path) -> None:
    out = tmp_path / "croissant.json"
    export(card, out)
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Done." in result.stderr


def test_mlcroissant_accepts_the_export_with_a_hub_id(tmp_path: Path) -> None:
    out = tmp_path / "croissant.json"
    card = REPO / "examples" / "synthetic-instruct" / "README.md"
    doc = export(card, out, "--hub-id", "acme-research/tessera-instruct")
    assert doc["url"] == "https://huggingface.co/datasets/acme-research/tessera-instruct"
    repo_file = doc["distribution"][0]
    assert repo_file["@type"] == "cr:FileObject" and repo_file["encodingFormat"] == "git+https"
    assert all(fs["containedIn"] == {"@id": "repo"} for fs in doc["distribution"][1:])
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mlcroissant_rejects_a_broken_export(tmp_path: Path) -> None:
    """The validation test can fail: a FileSet without encodingFormat is an error."""
    doc = export(REPO / "examples" / "synthetic-instruct" / "README.md", tmp_path / "ok.json")
    del doc["distribution"][0]["encodingFormat"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc))
    assert validate(broken).returncode != 0


def test_croissant_content(tmp_path: Path) -> None:
    doc = export(REPO / "examples" / "synthetic-instruct" / "README.md", tmp_path / "c.json")
    assert doc["@type"] == "sc:Dataset"
    assert doc["conformsTo"] == ["http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"]
    assert doc["@context"]["prov"] == "http://www.w3.org/ns/prov#"
    assert doc["name"] == "Tessera Instruct"
    assert doc["license"] == "https://spdx.org/licenses/Apache-2.0.html"
    assert doc["inLanguage"] == ["en", "sw", "yo"]
    rai = {key.removeprefix("rai:") for key in doc if key.startswith("rai:")}
    assert rai <= RAI_TTL_NAMES | {"hasSyntheticData", "syntheticDataExplanation"}
    assert {"dataCollection", "dataCollectionType", "dataCollectionTimeframe", "dataBiases", "dataLimitations",
            "dataUseCases", "dataReleaseMaintenancePlan", "machineAnnotationTools", "dataAnnotationProtocol",
            "personalSensitiveInformation"} <= rai
    assert "2026-08-04/2026-09-12" in doc["rai:dataCollectionTimeframe"]
    assert doc["rai:machineAnnotationTools"] == ["acme-research/tessera-rm-8b@rm-2026-08 (labeler)"]
    assert any("en-NG" in bias for bias in doc["rai:dataBiases"])
    # PROV: parents, one activity per generated part, the generator models as agents.
    derived = {e.get("@id") for e in doc["prov:wasDerivedFrom"]}
    assert "https://huggingface.co/datasets/acme-research/tessera-seed/tree/v1.2" in derived
    activities = [a["prov:label"] for a in doc["prov:wasGeneratedBy"]]
    assert activities == ["Generation of part `math` (model_generated)", "Generation of part `code` (model_generated)",
                          "Generation of part `preference` (generated_preference_label)"]
    agents = {a["prov:label"] for a in doc["prov:wasAttributedTo"]}
    assert agents == {"acme-research/tessera-lm-70b-instruct@3f9c2a1", "acme-research/tessera-coder-34b@v1.4.0",
                      "acme-research/tessera-rm-8b@rm-2026-08"}
    file_sets = {fs["@id"]: fs for fs in doc["distribution"]}
    assert set(file_sets) == {"seed/train", "math/train", "code/train", "preference/train"}
    assert file_sets["math/train"]["encodingFormat"] == "application/x-parquet"
    assert file_sets["math/train"]["includes"] == "data/math/train-*.parquet"
    assert file_sets["math/train"]["prov:wasGeneratedBy"]["prov:startedAtTime"] == "2026-08-04"
    assert "prov:wasGeneratedBy" not in file_sets["seed/train"]


def test_crawl_and_survey_mappings(tmp_path: Path) -> None:
    crawl = export(REPO / "examples" / "web-crawl-pretraining" / "README.md", tmp_path / "w.json")
    assert crawl["license"] == "https://spdx.org/licenses/ODC-By-1.0.html"
    assert crawl["rai:dataCollectionType"] == ["Web Scraping", "Secondary Data analysis"]
    assert any(a["prov:label"].startswith("Web crawl of part `crawl-2023-2024`") for a in crawl["prov:wasGeneratedBy"])
    assert any("7%" in line for line in crawl["rai:dataLimitations"])
    survey = export(REPO / "examples" / "human-survey" / "README.md", tmp_path / "s.json")
    assert survey["rai:dataCollectionType"] == ["Surveys"]
    assert "prov:wasGeneratedBy" not in survey


def test_legacy_card_uses_body_sections(tmp_path: Path) -> None:
    doc = export(REPO / "examples" / "legacy-hub-card" / "README.md", tmp_path / "l.json")
    assert doc["description"].startswith("26,900 headlines from German regional newspapers")
    assert doc["rai:dataBiases"] == ["Local news is over-represented for southern Germany."]
    assert "distribution" not in doc  # no `configs`, no file patterns to describe


def test_non_spdx_licence_becomes_a_creative_work(tmp_path: Path) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: other\nlicense_name: Acme Data Licence\nlicense_link: https://acme.example/l\n"
                    "---\n# Card\n\nA small dataset.\n")
    doc = export(card, tmp_path / "c.json")
    assert doc["license"] == {"@type": "sc:CreativeWork", "name": "Acme Data Licence", "url": "https://acme.example/l"}
    assert doc["description"] == "A small dataset."
    assert validate(tmp_path / "c.json").returncode == 0


def test_missing_hub_id_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "--to", "croissant", str(REPO / "examples" / "human-survey")])
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out)["name"] == "Commuter Wellbeing Survey 2026"
    assert "no --hub-id given" in captured.err
