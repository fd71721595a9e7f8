"""Each vocabulary of the governance model equals, or is a subset of, its schema enum."""

from __future__ import annotations

from typing import Any

import pytest

from datacard_lint.governance import vocabulary as v
from datacard_lint.schemas import store

DEFS = store.governance_schema(1)["$defs"]


def _enum(*path: str) -> set[str]:
    node: Any = DEFS
    for step in path:
        node = node[step]
    while "enum" not in node:
        if "$ref" in node:
            node = DEFS[node["$ref"].rsplit("/", 1)[-1]]
        elif "items" in node:
            node = node["items"]
        else:
            node = next(o for o in node["anyOf"] if "enum" in o or "$ref" in o and "undisclosed" not in o["$ref"])
    return set(node["enum"])


EQUAL = [
    (v.ORIGIN_CLASSES, ("originClass",)),
    (v.GENERATOR_KINDS, ("generator", "properties", "kind")),
    (v.GENERATOR_ROLES, ("generator", "properties", "role")),
    (v.GENERATOR_ACCESS, ("generator", "properties", "access")),
    (v.COMPONENT_ROLES, ("component", "properties", "role")),
    (set(v.SHARE_BASES), ("part", "properties", "share_basis")),
    (v.PURPOSE_CATEGORIES, ("purpose", "properties", "category")),
    (v.VERIFICATION_DOMAINS, ("verification", "properties", "domain")),
    (v.VERIFICATION_METHODS, ("verificationMethod", "properties", "method")),
    (v.COVERAGES, ("verificationMethod", "properties", "coverage")),
    (v.PROCESSING_STEPS, ("processingStep", "properties", "step")),
    (v.LAWFUL_BASES, ("freshData", "properties", "lawful_basis")),
    (v.TAIL_AXES, ("tailEvaluation", "properties", "axis")),
    (v.RESULT_KINDS, ("tailEvaluation", "properties", "result_kind")),
    (v.DIGITAL_SOURCE_TYPES, ("contaminationLabel", "properties", "digital_source_type")),
    (v.AI_LABELS, ("contaminationLabel", "properties", "ai_label")),
    (v.DETERMINATIONS, ("contaminationLabel", "properties", "determination")),
    (v.PUBLIC_EVIDENCE_KINDS, ("publicEvidence", "properties", "kinds")),
    (v.STATEMENT_BY, ("statement", "properties", "by")),
    (v.DATASET_ROLES, ("datasetSummary", "properties", "role")),
]

SUBSETS = [
    (v.SYNTHETIC_CLASSES, v.ORIGIN_CLASSES),
    (v.MODEL_CLASSES, v.SYNTHETIC_CLASSES),
    (v.ALGORITHMIC_CLASSES, v.SYNTHETIC_CLASSES),
    (v.GROUNDED_CLASSES, v.ORIGIN_CLASSES - v.SYNTHETIC_CLASSES),
    ({v.MIXED_CLASS}, v.ORIGIN_CLASSES),
    (v.LANGUAGE_AXES, v.TAIL_AXES),
    (v.HUMAN_SOURCE_TYPES, v.DIGITAL_SOURCE_TYPES),
    (v.MODEL_SOURCE_TYPES, v.DIGITAL_SOURCE_TYPES),
    (v.ALGORITHMIC_SOURCE_TYPES, v.DIGITAL_SOURCE_TYPES),
    (set(v.DETECTOR_DETERMINATIONS), v.DETERMINATIONS),
]


@pytest.mark.parametrize(("vocabulary", "path"), EQUAL, ids=lambda x: "/".join(x) if isinstance(x, tuple) else "")
def test_vocabulary_equals_its_schema_enum(vocabulary: frozenset[str], path: tuple[str, ...]) -> None:
    assert set(vocabulary) == _enum(*path)


@pytest.mark.parametrize(("subset", "superset"), SUBSETS)
def test_named_subsets_stay_inside_their_vocabulary(subset: frozenset[str], superset: frozenset[str]) -> None:
    assert set(subset) <= set(superset) and subset


def test_cadence_keywords_are_schema_values() -> None:
    cadence = DEFS["renewal"]["properties"]["cadence"]["anyOf"][0]["enum"]
    assert set(v.CADENCE_DAYS) <= set(cadence)


def test_model_and_algorithmic_classes_do_not_overlap() -> None:
    assert not v.MODEL_CLASSES & v.ALGORITHMIC_CLASSES
    assert not v.MODEL_SOURCE_TYPES & v.ALGORITHMIC_SOURCE_TYPES
