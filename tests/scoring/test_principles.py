"""The scoring principles stated on the scoring page, one test each, on small cards."""

from __future__ import annotations

import re

from dcl_testing import card, lint

from datacard_lint.scoring.model import CardScore


def drop(text: str, line: str) -> str:
    """`text` without the line that reads `line` (whatever its indentation)."""
    out, count = re.subn(rf"(?m)^ *{re.escape(line)}\n", "", text)
    assert count == 1, line
    return out


def score(text: str) -> CardScore:
    result = lint(text, min_score=0.0)
    assert result.score is not None
    return result.score


MATH = card("""
    license: mit
    governance:
      schema_version: "1.1"
      parts:
        - id: problems
          share: 1.0
          origin:
            class: algorithmic_generation
            generators:
              - kind: algorithm
                algorithm: acme/problem-generator
                version: "2.1"
          purpose:
            - category: math
              statement: Arithmetic drills whose answers the generator computes.
          verification:
            domain: math
            methods:
              - method: none
            reason: The answers are computed by the program that writes each question.
    """)


def test_a_pinned_deterministic_program_is_verified_by_construction() -> None:
    verification = score(MATH).requirements["verification"]
    assert verification.level_name == "evidenced" and verification.score == 100
    unpinned = score(drop(MATH, 'version: "2.1"')).requirements["verification"]
    assert unpinned.level_name == "declared"
    rewritten = MATH.replace('version: "2.1"\n', 'version: "2.1"\n'
                             "          - model: acme/rewriter-lm\n            revision: v1\n"
                             "            role: rewriter\n")
    assert score(rewritten).requirements["verification"].level_name == "declared"
    simulated = MATH.replace("class: algorithmic_generation", "class: simulation")
    assert score(simulated).requirements["verification"].level_name == "declared"


def test_an_undisclosed_program_version_earns_part_of_the_construction() -> None:
    """Honest opacity earns more than silence and less than the pin: the construction still
    holds, but a rerun of an unknown version may not give the same items."""
    pinned = score(MATH).requirements["verification"]
    undisclosed = score(MATH.replace('version: "2.1"', "version: undisclosed")).requirements["verification"]
    silent = score(drop(MATH, 'version: "2.1"')).requirements["verification"]
    assert silent.score < undisclosed.score < pinned.score
    assert undisclosed.level_name == "declared"  # partial credit never completes a rung
    assert "pin the `version` of the program that made `problems`" in (undisclosed.next_step or "")


CRAWL = card("""
    license: mit
    governance:
      schema_version: "1.1"
      parts:
        - id: web
          share: 1.0
          size: {rows: 1000}
          origin:
            class: public_web_crawl
            source_datasets: [commoncrawl]
            collection_period: {start: 2015-01-01, end: 2019-12-31}
          contamination: {ai_label: human, determination: [source_predates_genai], confidence: medium}
          public_evidence: {synthetic: false}
      processing:
        - step: deduplication
          method: exact-match deduplication
      renewal:
        generation: 0
        cadence: none
      not_applicable:
        purpose: No part is generated; the data is crawled web text.
        verification: No part is generated, so there is no generated content to verify.
    """)


def test_a_collected_part_earns_for_its_sources_and_period() -> None:
    origin = score(CRAWL).requirements["origin"]
    assert origin.level_name == "evidenced", origin.next_step
    silent = drop(drop(CRAWL, "source_datasets: [commoncrawl]"),
                  "collection_period: {start: 2015-01-01, end: 2019-12-31}")
    stripped = score(silent).requirements["origin"]
    assert stripped.score < origin.score and stripped.level_name == "declared"
    step = stripped.next_step or ""
    assert "origin.source_datasets" in step and step.endswith("#origin-specified)")
    assert "a `share`" not in step and "collection_period" not in step  # only what the next level misses


def test_tail_evaluations_are_not_asked_of_a_card_without_generated_parts() -> None:
    result = score(CRAWL)
    tail = result.requirements["tail_evaluations"]
    assert not tail.applicable and "DCL504" in (tail.reason or "")
    with_tail = CRAWL.replace("  processing:", "  tail_evaluations:\n"
                              "    - {axis: language, slice: en, metric: accuracy, value: 0.8, n: 100,\n"
                              "       baseline: {slice: all, value: 0.8}, benchmark: {id: org/bench}}\n"
                              "    - {axis: rare_case, slice: long, metric: accuracy, value: 0.5, n: 100,\n"
                              "       baseline: {slice: all, value: 0.8}, benchmark: {id: org/bench}}\n"
                              "  processing:")
    assert with_tail != CRAWL
    raised = score(with_tail)
    assert raised.requirements["tail_evaluations"].applicable and raised.overall >= result.overall
    # A part whose class is undisclosed may be generated: the question stays asked, and costs.
    hidden = CRAWL.replace("class: public_web_crawl", "class: undisclosed")
    assert score(hidden).requirements["tail_evaluations"].applicable


def test_a_parent_list_earns_what_its_entries_state() -> None:
    base = card("""
        license: mit
        governance:
          schema_version: "1.1"
          parts:
            - id: gen
              share: 1.0
              origin:
                class: model_generated
                generators: [{model: acme/lm, revision: v1}]
          renewal:
            generation: 1
            grounded_share: 0.0
            cadence: none
            parents:
              - id: acme/seed-set
              - model: acme/lm
        """)
    named = score(base).requirements["renewal"].score
    hidden = score(base.replace("- model: acme/lm", "- model: undisclosed")).requirements["renewal"].score
    silent = score(drop(base, "- model: acme/lm")).requirements["renewal"].score
    assert named > hidden
    assert silent == named  # one named parent is a complete answer; a hidden ancestor is a partial one
