"""`export --to croissant --base`: the card's RAI and PROV facts merged into a Hub-shaped file.

The fixture is shaped like the Croissant file the Hub generates for a dataset (a repository
FileObject, a Parquet FileSet, a split RecordSet and a RecordSet of columns). Every example
card, including any added to examples/ later, must merge into it, pass `mlcroissant
validate`, and leave the fixture's record sets, distribution and `@context` entries as they
were. The synthetic facts are checked against the card as plain YAML, not through the
exporter's own reading of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_croissant_export import validate

from datacard_lint.cli.main import main
from datacard_lint.export.croissant_merge import merge

REPO = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "fixtures" / "hub-croissant.json"
#: Every card under examples/ (the gallery included), not the index page.
EXAMPLES = sorted(p for p in (REPO / "examples").rglob("README.md") if p.parent != REPO / "examples")
#: Classes whose content a model or a program produced (schema 1.0 and 1.1).
SYNTHETIC = {"model_generated", "human_edited_model_output", "generated_preference_label", "simulation",
             "algorithmic_generation", "human_label_on_model_output"}
GROUNDED = {"direct_human_record", "licensed_corpus", "public_web_crawl", "benchmark_material", "other"}


def card_id(card: Path) -> str:
    return card.parent.relative_to(REPO / "examples").as_posix()


def front_matter(card: Path) -> dict[str, Any]:
    text = card.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    try:
        loaded = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---"))
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def parts_of(card: Path) -> list[dict[str, Any]]:
    governance = front_matter(card).get("governance")
    parts = governance.get("parts") if isinstance(governance, dict) else None
    return [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []


def classes(part: dict[str, Any]) -> list[str]:
    origin = part.get("origin") if isinstance(part.get("origin"), dict) else {}
    klass = origin.get("class")
    if klass == "mixed":
        return [b.get("class") for b in origin.get("breakdown") or [] if isinstance(b, dict)]
    return [klass] if isinstance(klass, str) else []


def export_over_base(card: Path, out: Path, *extra: str) -> dict[str, Any]:
    code = main(["export", "--to", "croissant", str(card), "--base", str(BASE), "-o", str(out), *extra])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_examples_are_found() -> None:
    assert {"synthetic-instruct", "human-survey", "lineage/gen2"} <= {card_id(c) for c in EXAMPLES}


@pytest.mark.parametrize("card", EXAMPLES, ids=card_id)
def test_every_example_merges_into_the_hub_file_and_validates(card: Path, tmp_path: Path) -> None:
    base = json.loads(BASE.read_text(encoding="utf-8"))
    out = tmp_path / "croissant.json"
    doc = export_over_base(card, out)
    assert doc["recordSet"] == base["recordSet"]
    assert doc["distribution"] == base["distribution"]
    assert all(doc["@context"][term] == value for term, value in base["@context"].items())
    assert doc["conformsTo"][0] == base["conformsTo"]
    assert "http://mlcommons.org/croissant/RAI/1.0" in doc["conformsTo"]
    for key in ("name", "description", "url", "license", "creator", "keywords", "alternateName"):
        assert doc[key] == base[key]
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("card", EXAMPLES, ids=card_id)
def test_synthetic_flag_and_explanation_match_the_card(card: Path, tmp_path: Path) -> None:
    doc = export_over_base(card, tmp_path / "c.json")
    parts = parts_of(card)
    synthetic = [p for p in parts if set(classes(p)) & SYNTHETIC]
    if synthetic:
        assert doc["rai:hasSyntheticData"] is True
        explanation = doc["rai:syntheticDataExplanation"]
        for part in synthetic:
            assert f"`{part['id']}`" in explanation
            share = part.get("share")
            if isinstance(share, (int, float)) and not isinstance(share, bool):
                assert f"{share * 100:.1f}".rstrip("0").rstrip(".") + "%" in explanation
            for generator in part["origin"].get("generators") or []:
                name = generator.get("model") or generator.get("algorithm")
                if isinstance(name, str) and "TODO" not in name:
                    assert name in explanation
    elif parts and all(classes(p) and set(classes(p)) <= GROUNDED for p in parts):
        assert doc["rai:hasSyntheticData"] is False
        assert doc["rai:syntheticDataExplanation"].startswith("No part of this dataset was generated")
    else:
        assert "rai:hasSyntheticData" not in doc


def test_synthetic_instruct_explanation(tmp_path: Path) -> None:
    doc = export_over_base(REPO / "examples" / "synthetic-instruct" / "README.md", tmp_path / "c.json")
    explanation = doc["rai:syntheticDataExplanation"]
    assert explanation.startswith("Synthetic parts make up 65% of rows of this dataset.")
    assert "acme-research/tessera-lm-70b-instruct@3f9c2a1" in explanation
    assert "verified by symbolic_checker (SymPy 1.13.3, pass rate 0.73 on 41,200 items)" in explanation
    assert "Grounded parts: `seed` (35% of rows, direct_human_record)." in explanation
    shares = {p["name"]: (p.get("dcl:originClass"), p.get("dcl:share")) for p in doc["dct:hasPart"]}
    assert shares == {"seed": ("direct_human_record", 0.35), "math": ("model_generated", 0.25),
                      "code": ("model_generated", 0.2), "preference": ("generated_preference_label", 0.2)}
    math = next(p for p in doc["dct:hasPart"] if p["name"] == "math")
    assert math["dcl:size"] == {"rows": 30000, "bytes": 52428800}
    assert math["dcl:aiContent"]["ai_label"] == "ai_generated"
    assert math["dcl:aiContent"]["determination"] == ["declared_by_producer"]
    assert math["prov:wasAttributedTo"][0]["version"] == "3f9c2a1"
    assert len(doc["dcl:tailEvaluations"]) == 7
    assert doc["dcl:groundedShare"] == 0.35


def test_values_the_base_has_are_kept_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = json.loads(BASE.read_text(encoding="utf-8"))
    base["rai:dataBiases"] = "Written by the dataset's authors in the Croissant editor."
    own = tmp_path / "base.json"
    own.write_text(json.dumps(base), encoding="utf-8")
    out = tmp_path / "c.json"
    card = REPO / "examples" / "synthetic-instruct" / "README.md"
    assert main(["export", "--to", "croissant", str(card), "--base", str(own), "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["rai:dataBiases"] == base["rai:dataBiases"]
    assert doc["name"] == "lantern-dialogues"
    err = capsys.readouterr().err
    assert "kept 6 values the base already has: name, description, license, keywords, rai:dataBiases, " \
           "distribution (--overwrite replaces them)" in err
    assert main(["export", "--to", "croissant", str(card), "--base", str(own), "-o", str(out), "--overwrite"]) == 0
    replaced = json.loads(out.read_text(encoding="utf-8"))
    assert replaced["name"] == "Tessera Instruct"
    assert replaced["rai:dataBiases"] != base["rai:dataBiases"]
    assert replaced["distribution"] == base["distribution"]  # never replaced: the card cannot describe files
    assert "replaced 5 values of the base: name, description, license, keywords, rai:dataBiases" in \
        capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("# A dataset card, not JSON\n", "not valid JSON at line 1, column 1"),
        ("[1, 2]", "the top level is a JSON list"),
        ('{"@context": "https://schema.org/", "@type": "Dataset", "name": "x"}', "no `@context` object"),
        ('{"@context": {"@vocab": "https://schema.org/"}, "@type": "Dataset", "name": "x"}',
         "neither `conformsTo` names http://mlcommons.org/croissant/"),
        ('{"@context": {"cr": "http://mlcommons.org/croissant/"}, "@type": "sc:Person"}', "not a schema.org Dataset"),
        ('{"@context": {"cr": "http://mlcommons.org/croissant/", "prov": "http://example.org/p#"}, '
         '"@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.1"}', "defines `prov` as"),
    ],
    ids=["markdown", "array", "string-context", "plain-schema-org", "not-a-dataset", "prefix-conflict"],
)
def test_a_base_that_is_not_croissant_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    base = tmp_path / "base.json"
    base.write_text(content, encoding="utf-8")
    out = tmp_path / "out.json"
    card = REPO / "examples" / "human-survey" / "README.md"
    assert main(["export", "--to", "croissant", str(card), "--base", str(base), "-o", str(out)]) == 2
    assert reason in capsys.readouterr().err
    assert not out.exists()


def test_nothing_is_written_without_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = BASE.read_bytes()
    card = REPO / "examples" / "human-survey" / "README.md"
    assert main(["export", "--to", "croissant", str(card), "--base", str(BASE)]) == 0
    assert json.loads(capsys.readouterr().out)["recordSet"]
    assert BASE.read_bytes() == before


def test_base_options_need_croissant(capsys: pytest.CaptureFixture[str]) -> None:
    card = str(REPO / "examples" / "human-survey")
    assert main(["export", "--to", "eu-ai-act", card, "--base", str(BASE)]) == 2
    assert main(["export", "--to", "croissant", card, "--overwrite"]) == 2
    assert "--overwrite needs --base" in capsys.readouterr().err


_VALUES = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none(),
                    st.lists(st.text(max_size=4), max_size=2))
_KEYS = st.sampled_from(["name", "description", "rai:dataBiases", "rai:dataUseCases", "prov:wasDerivedFrom",
                         "rai:hasSyntheticData", "keywords", "distribution", "recordSet", "url"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base_values=st.dictionaries(_KEYS, _VALUES, max_size=6), export_values=st.dictionaries(_KEYS, _VALUES))
def test_merge_never_changes_a_value_the_base_has(base_values: dict[str, Any], export_values: dict[str, Any]) -> None:
    base = {"@context": {"cr": "http://mlcommons.org/croissant/", "@vocab": "https://schema.org/"},
            "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.1", **base_values}
    merged = merge(base, export_values)
    for key, value in base_values.items():
        if value not in (None, "", []) and not (isinstance(value, str) and not value.strip()):
            assert merged.document[key] == value
            assert key in merged.kept or key not in export_values
    for key in export_values:
        assert key in merged.document
    assert merged.document["conformsTo"][0] == "http://mlcommons.org/croissant/1.1"


V11 = Path(__file__).parent / "fixtures" / "v1.1-card" / "README.md"


def test_schema_1_1_facts_are_carried(tmp_path: Path) -> None:
    from dcl_testing import lint

    assert not [d for d in lint(V11.read_text(encoding="utf-8")).diagnostics if d.severity.value == "error"]
    out = tmp_path / "c.json"
    doc = export_over_base(V11, out)
    assert validate(out).returncode == 0
    explanation = doc["rai:syntheticDataExplanation"]
    # geometry 0.33 wholly algorithmic + chat 0.67 of which 60% model-generated = 73.2%
    assert explanation.startswith("Synthetic parts make up 73.2% of rows of this dataset.")
    assert "quarry-geometry-engine@2.4.1" in explanation
    assert "(67% of rows, mixed: direct_human_record 40%, model_generated 60%)" in explanation
    assert "undisclosed model@vendor-chat-2026-05-14 (Example Vendor, generator)" in explanation
    assert doc["rai:dataCollectionType"] == ["Others", "Manual Human Curator"]
    assert doc["rai:dataPreprocessingProtocol"][0] == (
        "deduplication by MinHash near-duplicate removal over 5-gram shingles (datatrove 0.3.0): 14,250 items removed.")
    assert doc["dcl:size"] == {"rows": 180000, "tokens": 212000000, "tokenizer": "quarry-lab/tok-v2"}
    assert doc["dcl:contaminationChecks"][0]["parts"] == ["chat"]
    assert doc["dcl:contaminationChecks"][0]["date"] == "2026-10-01"
    assert doc["dcl:contaminationChecks"][0]["items_removed"] == 37
    tail = doc["dcl:tailEvaluations"][0]
    assert tail["model"] == {"id": "quarry-lab/reasoner-8b", "revision": "a1b2c3d"}
    assert tail["ci"] == {"low": 0.58, "high": 0.66, "level": 0.95} and tail["result_kind"] == "tail"
    agents = {a["name"]: a for p in doc["dct:hasPart"] for a in p.get("prov:wasAttributedTo", [])}
    assert agents["quarry-geometry-engine"]["dcl:kind"] == "algorithm"
    assert "@id" not in agents["quarry-geometry-engine"] and "@id" not in agents["undisclosed"]
    assert agents["undisclosed"]["dcl:snapshot"] == "vendor-chat-2026-05-14"
    # only the model-generated part's agent is a dataset-level attribution; the engine is not a model
    assert [a["name"] for a in doc["prov:wasAttributedTo"]] == ["undisclosed"]
    assert [p["dcl:purpose"] for p in doc["dct:hasPart"]][0][1]["category"] == "rare_case_augmentation"


def test_schema_1_1_eu_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "eu-ai-act", "--format", "json", str(V11)]) == 0
    data = json.loads(capsys.readouterr().out)
    synthetic = data["sections"]["2.5"]
    assert synthetic["simulation_parts"]["parts"] == ["geometry"]
    assert [p["id"] for p in synthetic["parts"]] == ["chat"]
    assert synthetic["generating_models"] == [{"model": "undisclosed by the producer", "revision":
                                               "vendor-chat-2026-05-14", "provider": "Example Vendor",
                                               "role": "generator"}]
    assert synthetic["parts"][0]["origin_class"] == "direct_human_record, model_generated"
    assert data["data_processing"]["processing_steps"][0]["items_removed"] == 14250
    assert data["data_processing"]["contamination_checks"][0]["parts"] == ["chat"]
