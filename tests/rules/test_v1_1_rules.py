"""Rules and score on the 1.1 fields, each in both directions: an honest card they stay
silent on and a realistic lie or gap they catch."""

from __future__ import annotations

from dcl_testing import card, codes_at, lint, marked, swap

from datacard_lint.diagnostics import Severity


def codes(text: str) -> set[str]:
    return {d.code for d in lint(text).diagnostics}


# --- components and human labels on model output (DCL103, DCL117) ---------------------------

RLHF = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: comparisons
          share: 1.0
          origin: {class: direct_human_record, description: Prompts written by contracted annotators.}
          components:
            - field: prompt
              role: prompt
              origin: {class: direct_human_record}
            - field: replies
              role: response
              origin: {class: model_generated}  # <-
            - field: ranking
              role: preference_label
              origin: {class: human_label_on_model_output}
    """)


def test_a_model_written_column_needs_its_generator() -> None:
    assert ("DCL103", marked(RLHF)) in codes_at(lint(RLHF))
    honest = swap(RLHF, "origin: {class: model_generated}  # <-",
                  "origin: {class: model_generated, generators: [{model: org/chat-52b, revision: v3}]}")
    assert "DCL103" not in codes(honest)


def test_human_labels_on_model_replies_name_the_model_that_replied() -> None:
    part = card("""
        governance:
          schema_version: "1.1"
          parts:
            - id: ratings
              share: 1.0
              origin: {class: human_label_on_model_output}  # <-
        """)
    assert ("DCL103", marked(part)) in codes_at(lint(part))
    undisclosed = swap(part, "origin: {class: human_label_on_model_output}  # <-",
                       "origin: {class: human_label_on_model_output, generators: "
                       "[{model: {undisclosed: the paper names no model}}]}")
    result = lint(undisclosed)
    assert "DCL103" not in {d.code for d in result.diagnostics}
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR and d.code.startswith("DCL1")]


def test_a_rater_counts_as_the_labeller_of_generated_preferences() -> None:
    prefs = card("""
        governance:
          schema_version: "1.1"
          parts:
            - id: pairs
              share: 1.0
              origin:
                class: generated_preference_label  # <-
                generators:
                  - {model: org/chat-70b, revision: v1, role: generator}
                  - {model: org/rm-8b, revision: v2, role: editor}
        """)
    assert ("DCL117", marked(prefs)) in codes_at(lint(prefs))
    assert "DCL117" not in codes(swap(prefs, "role: editor", "role: rater"))


# --- snapshots (DCL107) ---------------------------------------------------------------------

API = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: instructions
          share: 1.0
          origin:
            class: model_generated
            seed_source: 175 hand-written seed tasks
            generators:
              - {model: gpt-4, provider: OpenAI, access: api}  # <-
    """)


def test_a_dated_snapshot_pins_an_api_model() -> None:
    assert ("DCL107", marked(API)) in codes_at(lint(API))
    assert "DCL107" not in codes(swap(API, "access: api}", "access: api, snapshot: gpt-4-0613}"))
    assert "DCL107" not in codes(swap(API, "access: api}", "access: api, revision: undisclosed}"))


def test_a_snapshot_earns_the_revision_rung_of_the_origin_score() -> None:
    def origin_level(text: str) -> int:
        result = lint(text, min_score=0.0)
        assert result.score is not None
        return result.score.requirements["origin"].level

    # `evidenced` also asks how the data was processed; with that given, only the pin is missing.
    with_size = swap(API, "share: 1.0", "share: 1.0\n      size: {rows: 52000}\n"
                     "      processing: [{step: deduplication, method: exact match on instructions}]")
    assert origin_level(with_size) == 2
    assert origin_level(swap(with_size, "access: api}", "access: api, snapshot: gpt-4-0613}")) == 3


# --- mixed parts and algorithms (DCL118-DCL120, DCL615) ----------------------------------------

MIXED = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: mixed  # <-
            description: Forum answers and answers written by the instruct model.
    """)


def test_a_mixed_part_must_say_what_it_mixes() -> None:
    assert ("DCL118", marked(MIXED)) in codes_at(lint(MIXED))
    broken_down = swap(MIXED, "description: Forum answers and answers written by the instruct model.",
                       "breakdown:\n          - {class: public_web_crawl, share: 0.7}\n"
                       "          - {class: model_generated, share: 0.3}")
    assert not {"DCL118", "DCL119"} & codes(broken_down)
    assert "DCL119" in codes(swap(broken_down, "share: 0.3", "share: 0.5"))
    assert "DCL119" not in codes(swap(broken_down, "share: 0.3", "share: undisclosed"))


PROOFS = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: theorems
          share: 1.0
          origin:
            class: algorithmic_generation
            generators: [{kind: algorithm, algorithm: alphageometry-synthetic-engine}]  # <-
          contamination: {digital_source_type: algorithmicMedia, ai_label: ai_generated,
                          determination: [declared_by_producer]}
    """)


def test_a_program_needs_its_version_and_its_own_label() -> None:
    assert ("DCL120", marked(PROOFS)) in codes_at(lint(PROOFS))
    versioned = swap(PROOFS, "alphageometry-synthetic-engine}", "alphageometry-synthetic-engine, version: '1.0'}")
    found = codes(versioned)
    assert not {"DCL120", "DCL615", "DCL103", "DCL107"} & found
    assert "DCL615" in codes(swap(versioned, "algorithmicMedia", "trainedAlgorithmicData"))


def test_a_model_part_labelled_as_program_output_is_caught() -> None:
    text = card("""
        governance:
          schema_version: "1.1"
          parts:
            - id: dialogues
              share: 1.0
              origin: {class: model_generated, generators: [{model: org/chat, revision: v1}]}
              contamination: {digital_source_type: algorithmicMedia, ai_label: ai_generated,  # <-
                              determination: [declared_by_producer]}
        """)
    assert "DCL615" in codes(text)
    assert "DCL615" not in codes(swap(text, "algorithmicMedia", "trainedAlgorithmicData"))


# --- purposes as a list (DCL201, DCL202) ---------------------------------------------------------

PURPOSES = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: chat
          share: 1.0
          origin: {class: model_generated, generators: [{model: org/chat, revision: v1}]}
          purpose:
            - {category: alignment_preference, statement: Preference pairs where human comparisons are costly.}
            - {category: instruction_following}  # <-
    """)


def test_several_purposes_are_each_checked() -> None:
    result = lint(PURPOSES)
    assert "DCL201" not in {d.code for d in result.diagnostics}
    assert ("DCL202", marked(PURPOSES)) in codes_at(result)
    complete = swap(PURPOSES, "{category: instruction_following}  # <-",
                    "{category: instruction_following, statement: Chosen replies double as tuning targets.}")
    assert not {"DCL201", "DCL202"} & codes(complete)


# --- verification: coverage, and processing is not verification (DCL311, DCL301) ----------------

FILTERED = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: stories  # <-
          share: 1.0
          origin: {class: model_generated, generators: [{model: org/story-7b, revision: v2}]}
          processing:
            - {step: quality_filtering, method: classifier score above 0.8, tool: fasttext, items_removed: 120000}
            - {step: deduplication, method: MinHash near-duplicates, tool: datatrove, tool_version: "0.3.0"}
    """)


def test_processing_never_counts_as_verification() -> None:
    result = lint(FILTERED, min_score=0.0)
    assert ("DCL301", marked(FILTERED)) in codes_at(result)
    assert result.score is not None and result.score.requirements["verification"].score == 0.0


def test_a_sample_needs_its_size() -> None:
    sampled = swap(FILTERED, "      processing:",
                   "      verification:\n        domain: general\n        methods:\n"
                   "          - {method: crowd_review, coverage: sample, pass_rate: 0.91,"
                   " reviewer_qualification: paid raters}\n      processing:")
    assert "DCL311" in codes(sampled) and "DCL305" not in codes(sampled)
    assert "DCL311" not in codes(swap(sampled, "coverage: sample,", "coverage: sample, sample_size: 800,"))
    assert "DCL311" not in codes(swap(sampled, "coverage: sample,", "coverage: all,"))


# --- grounded share per component (DCL405) and the undisclosed lawful basis (DCL404) -------------

PREFS = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: prefs
          share: 1.0
          origin: {class: mixed}
          components:
            - {field: prompt, origin: {class: direct_human_record}}
            - {field: chosen, origin: {class: model_generated, generators: [{model: org/chat, revision: v1}]}}
      renewal:
        generation: 1
        grounded_share: 0.5  # <-
        parents: [{model: org/chat, training_data: undisclosed}]
    """)


def test_grounded_share_is_computed_from_components() -> None:
    # Every row holds a generated reply: no row is fresh grounded data.
    assert ("DCL405", marked(PREFS)) in codes_at(lint(PREFS))
    assert "DCL405" not in codes(swap(PREFS, "grounded_share: 0.5", "grounded_share: 0.0"))
    slices = swap(PREFS, "{field: prompt, origin:", "{field: text, share: 0.5, origin:")
    slices = swap(slices, "{field: chosen, origin:", "{field: text, share: 0.5, origin:")
    assert "DCL405" not in codes(slices)


def test_an_undisclosed_lawful_basis_is_not_a_missing_one() -> None:
    fresh = card("""
        governance:
          schema_version: "1.1"
          statement: {by: third_party}
          parts:
            - {id: posts, share: 1.0, origin: {class: public_web_crawl}}
          renewal:
            generation: 0
            grounded_share: 1.0
            fresh_data: {description: Posts collected in 2024.}  # <-
        """)
    assert ("DCL404", marked(fresh)) in codes_at(lint(fresh))
    honest = swap(fresh, "{description: Posts collected in 2024.}",
                  "{description: Posts collected in 2024., lawful_basis: {undisclosed: not in the paper}}")
    assert "DCL404" not in codes(honest)


# --- score: undisclosed earns part of the credit, a TODO none --------------------------------------

SHARES = card("""
    governance:
      schema_version: "1.1"
      statement: {by: retrospective}
      parts:
        - id: web
          share: 0.9
          size: {tokens: 1000000}
          origin: {class: public_web_crawl}
        - id: books
          share: 0.1
          size: {tokens: 100000}
          origin: {class: licensed_corpus}
    """)


def _origin_score(text: str) -> float:
    result = lint(text, min_score=0.0)
    assert result.score is not None
    return result.score.requirements["origin"].score


def test_undisclosed_earns_more_than_silence_and_less_than_the_fact() -> None:
    stated = _origin_score(SHARES)
    undisclosed = _origin_score(swap(SHARES, "share: 0.9", "share: undisclosed"))
    long_form = _origin_score(swap(SHARES, "share: 0.9", "share: {undisclosed: the paper gives none}"))
    absent = _origin_score(swap(SHARES, "      share: 0.9\n", ""))
    todo = _origin_score(swap(SHARES, "share: 0.9", "share: TODO"))
    assert absent < undisclosed < stated
    assert long_form == undisclosed
    assert todo == 0.0


def test_an_undisclosed_card_passes_check() -> None:
    text = swap(SHARES, "share: 0.9", "share: undisclosed")
    text = swap(text, "size: {tokens: 100000}", "size: undisclosed")
    result = lint(text)
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR], result.diagnostics
