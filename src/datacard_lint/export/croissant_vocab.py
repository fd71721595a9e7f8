"""The names the Croissant export writes and the import reads back, kept in one place.

Croissant, its RAI vocabulary and PROV have no property for a part's share, origin class,
size or AI-content label, nor for tail evaluations and contamination checks. Those facts
go under a small extension namespace, `dcl:`, whose terms are defined on the documentation
page "Submitting a dataset with Croissant RAI" (the namespace IRI is that page, so every
term resolves to its definition). Structured values are JSON literals (`@type: @json`), so
a JSON-LD processor keeps them as written instead of guessing a meaning for each key.
"""

from __future__ import annotations

from typing import Any, Final

from datacard_lint._meta import SITE_URL

CROISSANT_PREFIX: Final = "http://mlcommons.org/croissant/"
CROISSANT_1_1: Final = "http://mlcommons.org/croissant/1.1"
CROISSANT_RAI_1_0: Final = "http://mlcommons.org/croissant/RAI/1.0"
RAI_NAMESPACE: Final = "http://mlcommons.org/croissant/RAI/"
PROV_NAMESPACE: Final = "http://www.w3.org/ns/prov#"
DCT_NAMESPACE: Final = "http://purl.org/dc/terms/"
DCL_NAMESPACE: Final = f"{SITE_URL}guide/croissant-rai/#"

#: Extension terms whose values are JSON literals.
DCL_JSON_TERMS: Final = ("size", "breakdown", "aiContent", "purpose", "tailEvaluations", "contaminationChecks",
                         "processing", "undisclosed")
#: Extension terms with plain values (strings and numbers).
DCL_PLAIN_TERMS: Final = ("originClass", "share", "shareBasis", "samplingWeight", "epochs", "configName",
                          "groundedShare", "generation", "role", "kind", "snapshot", "access", "terms")

#: Prefixes and term definitions the export needs in a document's `@context`.
CONTEXT_ADDITIONS: Final[dict[str, Any]] = {
    "rai": RAI_NAMESPACE,
    "prov": PROV_NAMESPACE,
    "dct": DCT_NAMESPACE,
    "dcl": DCL_NAMESPACE,
    **{f"dcl:{term}": {"@id": f"dcl:{term}", "@type": "@json"} for term in DCL_JSON_TERMS},
}

#: The ten properties the NeurIPS 2026 Evaluations & Datasets track lists as its minimal RAI set.
HAS_SYNTHETIC_DATA: Final = "rai:hasSyntheticData"
SYNTHETIC_DATA_EXPLANATION: Final = "rai:syntheticDataExplanation"
PARTS: Final = "dct:hasPart"
