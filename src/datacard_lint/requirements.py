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

# The origin-class vocabularies live in the governance model; kept importable from here.
from datacard_lint.governance.vocabulary import MODEL_CLASSES as MODEL_CLASSES  # noqa: E402
from datacard_lint.governance.vocabulary import SYNTHETIC_CLASSES as SYNTHETIC_CLASSES  # noqa: E402
