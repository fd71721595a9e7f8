"""Croissant files from anywhere: import and --base never crash, whatever the JSON holds.

A Croissant file is written by other tools and by hand, so every value may be of the wrong
type. The draft must still be YAML that reads back as a governance block, and the merge
must still keep the base's values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacard_lint.authoring.yamltext import lines
from datacard_lint.cli.main import main
from datacard_lint.export.croissant_merge import merge
from datacard_lint.importing.croissant import draft

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
_TERMS = st.sampled_from([
    "dct:hasPart", "rai:hasSyntheticData", "prov:wasAttributedTo", "prov:wasDerivedFrom", "dcl:groundedShare",
    "dcl:generation", "dcl:tailEvaluations", "dcl:contaminationChecks", "rai:syntheticDataExplanation", "name",
])
_PART_KEYS = st.sampled_from(["name", "dcl:originClass", "dcl:share", "dcl:size", "dcl:purpose", "dcl:aiContent",
                              "dcl:breakdown", "prov:wasAttributedTo", "prov:wasGeneratedBy", "prov:wasDerivedFrom"])
CONTEXT = {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/",
           "rai": "http://mlcommons.org/croissant/RAI/", "prov": "http://www.w3.org/ns/prov#",
           "dct": "http://purl.org/dc/terms/", "dcl": "https://datacard-lint.github.io/datacard-lint/guide/croissant-rai/#"}


def croissant(values: dict[str, Any], parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.1",
            **values, **({"dct:hasPart": parts} if parts else {})}


@PROPERTY
@given(values=st.dictionaries(_TERMS, _JSON, max_size=5),
       parts=st.lists(st.dictionaries(_PART_KEYS, _JSON, max_size=6), max_size=3))
def test_any_croissant_drafts_a_block_that_reads_back(values: dict[str, Any], parts: list[dict[str, Any]]) -> None:
    drafted = draft(croissant(values, parts), "croissant.json")
    loaded = yaml.safe_load("\n".join(lines(drafted.block)))
    governance = loaded["governance"]
    assert governance["x-imported-from"].startswith("TODO")
    assert isinstance(governance["parts"], list) and governance["parts"]
    assert len({p["id"] for p in governance["parts"]}) == len(governance["parts"])


@PROPERTY
@given(context=st.dictionaries(st.text(max_size=6), _JSON, max_size=4), values=st.dictionaries(_TERMS, _JSON))
def test_merge_survives_any_base(context: dict[str, Any], values: dict[str, Any]) -> None:
    base = {"@context": {**context, "cr": "http://mlcommons.org/croissant/"}, "@type": "sc:Dataset", **values}
    try:
        merged = merge(base, {"rai:dataBiases": ["x"], "name": "card"})
    except Exception as exc:  # only the documented refusal is allowed
        from datacard_lint.export.croissant_merge import NotCroissant

        assert isinstance(exc, NotCroissant)
        return
    json.dumps(merged.document)
    if values.get("name") not in (None, "", [], {}):
        assert merged.document["name"] == values["name"]


def test_hostile_files_are_refused_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: mit\n---\n", encoding="utf-8")
    cases = {"binary.json": b"\x00\xff\x00", "deep.json": b"[" * 100000 + b"]" * 100000, "empty.json": b"",
             "latin1.json": "{\"name\": \"caf\xe9\"}".encode("latin-1")}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["import", "--from", "croissant", str(path), str(card)]) == 2, name
        assert main(["export", "--to", "croissant", str(card), "--base", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert "is not a Croissant file" in err and "internal error" not in err, (name, err)
    assert card.read_text(encoding="utf-8") == "---\nlicense: mit\n---\n"
    assert main(["import", "--from", "croissant", str(tmp_path / "absent.json")]) == 2
