"""Vocabularies of the governance schema as the code uses them.

Each set equals, or is a named subset of, an enum in `schema/v1/governance.schema.json`;
`tests/governance/test_governance_vocabulary.py` checks that against the bundled schema, so a value
added to the schema but not here (or misspelt here) fails a test instead of a verdict.
"""

from __future__ import annotations

from typing import Final

# --- origin -----------------------------------------------------------------------------

ORIGIN_CLASSES: Final = frozenset(
    {"direct_human_record", "licensed_corpus", "public_web_crawl", "simulation", "model_generated",
     "human_edited_model_output", "human_label_on_model_output", "generated_preference_label",
     "algorithmic_generation", "benchmark_material", "mixed", "other"}
)
#: Classes whose content a model or a program produced rather than a person or the world.
SYNTHETIC_CLASSES: Final = frozenset(
    {"model_generated", "human_edited_model_output", "human_label_on_model_output",
     "generated_preference_label", "simulation", "algorithmic_generation"}
)
#: Classes whose content a trained generative model produced (a subset of the synthetic ones).
MODEL_CLASSES: Final = frozenset(
    {"model_generated", "human_edited_model_output", "human_label_on_model_output", "generated_preference_label"}
)
#: Classes made by a non-learned program (IPTC `algorithmicMedia`).
ALGORITHMIC_CLASSES: Final = frozenset({"simulation", "algorithmic_generation"})
#: Classes whose content people or the world produced: grounded data.
GROUNDED_CLASSES: Final = frozenset(
    {"direct_human_record", "licensed_corpus", "public_web_crawl", "benchmark_material"}
)
MIXED_CLASS: Final = "mixed"

GENERATOR_KINDS: Final = frozenset({"trained_model", "algorithm"})
GENERATOR_ROLES: Final = frozenset({"generator", "editor", "judge", "labeler", "rater", "rewriter", "other"})
GENERATOR_ACCESS: Final = frozenset({"api", "open_weights", "internal"})
COMPONENT_ROLES: Final = frozenset(
    {"prompt", "response", "preference_label", "rating", "reasoning_trace", "system_prompt", "caption", "label",
     "translation", "other"}
)
SHARE_BASES: Final = ("rows", "tokens", "bytes")

# --- purpose, verification, processing --------------------------------------------------

PURPOSE_CATEGORIES: Final = frozenset(
    {"math", "code", "reasoning", "safety_refusal", "red_teaming", "role_play", "rare_case_augmentation",
     "summarization", "translation", "instruction_following", "alignment_preference", "tool_use", "distillation",
     "privacy_substitution", "evaluation", "other"}
)
VERIFICATION_DOMAINS: Final = frozenset(
    {"general", "math", "code", "reasoning", "medical", "legal", "scientific", "multilingual", "safety", "dialogue",
     "finance", "other"}
)
VERIFICATION_METHODS: Final = frozenset(
    {"proof_checker", "symbolic_checker", "executed_tests", "static_analysis", "reference_match",
     "clinical_expert_review", "domain_expert_review", "crowd_review", "reward_model", "llm_judge", "rule_filter",
     "none"}
)
COVERAGES: Final = frozenset({"all", "sample"})
PROCESSING_STEPS: Final = frozenset(
    {"deduplication", "quality_filtering", "decontamination", "pii_removal", "toxicity_filtering",
     "language_identification", "format_conversion", "other"}
)

# --- renewal ----------------------------------------------------------------------------

LAWFUL_BASES: Final = frozenset(
    {"consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests",
     "public_domain", "licensed", "not_personal_data"}
)
#: Cadence keywords and the days after which a refresh at each is due (upper bounds: a month
#: counts as 31 days, a year as 366, so a card is never overdue because of the approximation).
CADENCE_DAYS: Final = {
    "daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92, "semiannual": 183, "yearly": 366,
}

# --- tail evaluations -------------------------------------------------------------------

TAIL_AXES: Final = frozenset(
    {"language", "dialect", "domain", "rare_case", "disability_context", "local_knowledge", "demographic", "other"}
)
LANGUAGE_AXES: Final = frozenset({"language", "dialect"})
RESULT_KINDS: Final = frozenset({"headline", "tail"})

# --- contamination ----------------------------------------------------------------------

DIGITAL_SOURCE_TYPES: Final = frozenset(
    {"digitalCapture", "computationalCapture", "negativeFilm", "positiveFilm", "print", "humanEdits",
     "algorithmicallyEnhanced", "digitalCreation", "dataDrivenMedia", "trainedAlgorithmicMedia", "algorithmicMedia",
     "screenCapture", "virtualRecording", "composite", "compositeCapture", "compositeSynthetic",
     "compositeWithTrainedAlgorithmicMedia", "trainedAlgorithmicData", "empty"}
)
#: IPTC terms for content a person captured or made without generative tools.
HUMAN_SOURCE_TYPES: Final = frozenset(
    {"digitalCapture", "negativeFilm", "positiveFilm", "print", "compositeCapture", "screenCapture",
     "digitalCreation", "humanEdits"}
)
#: IPTC and C2PA terms for content a trained model generated, wholly or in part.
MODEL_SOURCE_TYPES: Final = frozenset(
    {"trainedAlgorithmicMedia", "trainedAlgorithmicData", "compositeWithTrainedAlgorithmicMedia",
     "compositeSynthetic"}
)
#: The IPTC term for content a non-learned program made.
ALGORITHMIC_SOURCE_TYPES: Final = frozenset({"algorithmicMedia"})
AI_LABELS: Final = frozenset({"human", "ai_assisted", "ai_generated", "algorithm_generated", "mixed", "unknown"})
#: The label (1.1) for content a non-learned program made: IPTC `algorithmicMedia`, not AI-generated.
ALGORITHM_LABEL: Final = "algorithm_generated"
#: Labels that say a trained model generated the content, wholly or in part.
MODEL_LABELS: Final = frozenset({"ai_generated", "ai_assisted", "mixed"})
DETERMINATIONS: Final = frozenset(
    {"declared_by_producer", "c2pa_manifest", "embedded_metadata", "watermark_detector", "classifier_detector",
     "human_review", "source_predates_genai", "unknown"}
)
DETECTOR_DETERMINATIONS: Final = ("classifier_detector", "watermark_detector")

# --- public evidence, statement, dataset ------------------------------------------------

PUBLIC_EVIDENCE_KINDS: Final = frozenset(
    {"survey_response", "testimonial", "review", "comment", "case_narrative", "stakeholder_submission", "persona"}
)
STATEMENT_BY: Final = frozenset({"producer", "third_party", "retrospective"})
DATASET_ROLES: Final = frozenset({"component", "training_mix", "evaluation"})
