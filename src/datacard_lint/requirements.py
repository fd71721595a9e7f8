"""The seven governance requirements, in their canonical order."""

from __future__ import annotations

from typing import Final

REQUIREMENTS: Final = (
    "origin",
    "purpose",
    "verification",
    "renewal",
    "tail_evaluations",
    "contamination",
    "public_evidence",
)

REQUIREMENT_TITLES: Final = {
    "origin": "Origin classes",
    "purpose": "Purpose of synthetic parts",
    "verification": "Verification matched to the domain",
    "renewal": "Renewal with grounded data",
    "tail_evaluations": "Tail evaluations",
    "contamination": "Contamination labels",
    "public_evidence": "Synthetic public-evidence flags",
}

#: Origin classes whose content a model or a program produced rather than a person or the world.
SYNTHETIC_CLASSES: Final = frozenset(
    {"model_generated", "human_edited_model_output", "generated_preference_label", "simulation"}
)

#: Origin classes whose content a generative model produced (a subset of the synthetic ones).
MODEL_CLASSES: Final = frozenset(
    {"model_generated", "human_edited_model_output", "generated_preference_label"}
)
