"""Build governance blocks documented to a chosen depth per requirement (for property tests)."""

from __future__ import annotations

from typing import Any

import yaml

LEVELS = range(4)


def build(levels: dict[str, int]) -> str:
    """A card whose documentation of each requirement reaches `levels[req]` (origin ≥ 1)."""
    human: dict[str, Any] = {"id": "human", "origin": {"class": "direct_human_record"}}
    generated: dict[str, Any] = {"id": "generated", "origin": {"class": "model_generated"}}
    parts = [human, generated]
    governance: dict[str, Any] = {"schema_version": "1.0", "parts": parts}
    _origin(levels["origin"], human, generated)
    _purpose(levels["purpose"], generated)
    _verification(levels["verification"], generated)
    _renewal(levels["renewal"], governance)
    _tail(levels["tail_evaluations"], governance)
    _contamination(levels["contamination"], parts, governance)
    _public_evidence(levels["public_evidence"], parts)
    meta = {"license": "mit", "language": ["en"], "governance": governance}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n"


def _origin(level: int, human: dict[str, Any], generated: dict[str, Any]) -> None:
    if level >= 2:
        human["share"] = 0.5
        generated["share"] = 0.5
        generated["origin"]["generators"] = [{"model": "org/generator"}]
        human["origin"]["description"] = "Questions written by the producer's annotators."
    if level >= 3:
        human["origin"]["collection_period"] = {"start": "2025-01-01", "end": "2025-06-30"}
        human["size"] = {"rows": 100}
        generated["size"] = {"rows": 100}
        generated["origin"]["generators"][0]["revision"] = "v1"
        generated["origin"]["seed_source"] = "The human part's questions."


def _purpose(level: int, part: dict[str, Any]) -> None:
    if level >= 1:
        part["purpose"] = {"category": "reasoning"}
    if level >= 2:
        part["purpose"]["statement"] = "More multi-step reasoning examples than people wrote."
    if level >= 3:
        part.setdefault("verification", {})["domain"] = "reasoning"


def _verification(level: int, part: dict[str, Any]) -> None:
    if level >= 1:
        part.setdefault("verification", {})["methods"] = [{"method": "crowd_review"}]
    if level >= 2:
        part["verification"]["domain"] = "reasoning"
    if level >= 3:
        part["verification"]["methods"][0].update(
            {"sample_size": 500, "pass_rate": 0.9, "reviewer_qualification": "Trained annotators."}
        )


def _renewal(level: int, governance: dict[str, Any]) -> None:
    if level >= 1:
        governance["renewal"] = {"generation": 1, "grounded_share": 0.5}
    if level >= 2:
        governance["renewal"].update(
            {"cadence": "yearly", "last_refresh": "2026-10-01", "parents": [{"id": "org/base-dataset"}]}
        )
    if level >= 3:
        governance["renewal"]["fresh_data"] = {"lawful_basis": "contract"}


def _tail(level: int, governance: dict[str, Any]) -> None:
    if level >= 1:
        governance["tail_evaluations"] = [{"axis": "language", "slice": "en", "metric": "accuracy", "value": 0.8}]
    if level >= 2:
        governance["tail_evaluations"].append(
            {"axis": "rare_case", "slice": "long-chains", "metric": "accuracy", "value": 0.6}
        )
    if level >= 3:
        for result in governance["tail_evaluations"]:
            result["baseline"] = {"value": 0.85, "description": "All items."}
            result["benchmark"] = {"id": "org/eval-set"}


def _contamination(level: int, parts: list[dict[str, Any]], governance: dict[str, Any]) -> None:
    labels = [("human", "digitalCapture", "declared_by_producer"), ("ai_generated", "trainedAlgorithmicData",
                                                                     "declared_by_producer")]
    for part, (label, source_type, how) in zip(parts, labels, strict=True):
        if level >= 1:
            part["contamination"] = {"ai_label": label, "digital_source_type": source_type}
        if level >= 2:
            part["contamination"]["determination"] = [how]
        if level >= 3:
            part["contamination"]["confidence"] = "high"
    if level >= 3:
        governance["contamination_checks"] = [
            {"benchmarks": ["org/eval-set"], "method": "ngram_overlap", "result": "No 13-gram overlap."}
        ]


def _public_evidence(level: int, parts: list[dict[str, Any]]) -> None:
    for part in parts:
        if level >= 1:
            part["public_evidence"] = {}
        if level >= 2:
            part["public_evidence"]["synthetic"] = False
    if level >= 3:
        for part in parts:
            part["public_evidence"]["disclosure"] = "Card body, section Data governance."
