"""The 1.1 fields that writing real cards asked for: a label for a program's output, a part's
weight in the training mix beside its size, and `undisclosed` for a collection period and a
program's version. Each is checked in both directions."""

from __future__ import annotations

import yaml
from dcl_testing import card, codes_at, lint, marked, swap

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.view import GovernanceView, Status
import yaml


def codes(text: str) -> set[str]:
    return {d.code for d in lint(text).diagnostics}


def view_of(text: str) -> GovernanceView:
    return GovernanceView.of(yaml.safe_load(text.split("---\n")[1]))


def errors(text: str) -> list[str]:
    """Errors of the schema, origin and contamination families (the cards are kept short, so
    purpose and verification have their own errors)."""
    return [d.code for d in lint(text).diagnostics
            if d.severity is Severity.ERROR and d.code[:4] in ("DCL0", "DCL1", "DCL6", "DCL9")]


# --- ai_label: algorithm_generated -------------------------------------------------------------

PROGRAM = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: problems
          share: 1.0
          origin:
            class: algorithmic_generation
            generators: [{kind: algorithm, algorithm: sympy-problem-generator, version: "1.12"}]
          contamination:
            digital_source_type: algorithmicMedia
            ai_label: algorithm_generated  # <-
            determination: [declared_by_producer]
    """)


def test_a_program_made_part_may_say_so_in_its_label() -> None:
    assert not {"DCL603", "DCL615", "DCL611"} & codes(PROGRAM)
    assert errors(PROGRAM) == []


def test_a_model_part_labelled_algorithm_generated_is_caught_like_its_source_type() -> None:
    model_made = swap(PROGRAM, "class: algorithmic_generation", "class: model_generated")
    model_made = swap(model_made, "[{kind: algorithm, algorithm: sympy-problem-generator, version: \"1.12\"}]",
                      "[{model: org/chat, revision: v1}]")
    model_made = swap(model_made, "algorithmicMedia", "trainedAlgorithmicData")
    assert ("DCL615", marked(model_made)) in codes_at(lint(model_made))
    assert "DCL615" not in codes(swap(model_made, "ai_label: algorithm_generated", "ai_label: ai_generated"))


def test_a_human_record_labelled_algorithm_generated_contradicts_its_origin() -> None:
    human = swap(PROGRAM, "class: algorithmic_generation", "class: direct_human_record")
    human = swap(human, "\n        generators: [{kind: algorithm, algorithm: sympy-problem-generator, version: \"1.12\"}]", "")
    human = swap(human, "algorithmicMedia", "digitalCreation")
    assert ("DCL603", marked(human)) in codes_at(lint(human))
    assert "DCL603" not in codes(swap(human, "ai_label: algorithm_generated", "ai_label: human"))


def test_people_cannot_have_written_a_program_made_label() -> None:
    written = swap(PROGRAM, "determination: [declared_by_producer]",
                   "determination: [declared_by_producer]\n        involvement: {written: human}")
    assert "DCL611" in codes(written)
    assert "DCL611" not in codes(swap(written, "written: human", "written: machine"))


def test_a_1_0_card_cannot_use_the_new_label() -> None:
    old = swap(PROGRAM, 'schema_version: "1.1"', 'schema_version: "1.0"')
    old = swap(old, "[{kind: algorithm, algorithm: sympy-problem-generator, version: \"1.12\"}]",
               "[{model: sympy-problem-generator, revision: \"1.12\"}]")
    old = swap(old, "class: algorithmic_generation", "class: simulation")
    assert any(d.code.startswith("DCL0") and "algorithm_generated" in d.message for d in lint(old).diagnostics)


# --- sampling_weight and epochs -------------------------------------------------------------------

MIX = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: crawl
          share: 0.8
          share_basis: tokens
          size: {tokens: 400000}
          sampling_weight: 0.6
          epochs: 0.45
          origin: {class: public_web_crawl, collection_period: {start: 2016-01-01, end: 2019-10-31}}
        - id: books
          share: 0.2
          share_basis: tokens
          size: {tokens: 100000}
          sampling_weight: 0.4  # <-
          epochs: 2.4
          origin: {class: licensed_corpus}
    """)


def test_weights_that_sum_to_one_pass_and_others_are_caught() -> None:
    assert "DCL122" not in codes(MIX)
    assert errors(MIX) == []
    wrong = swap(MIX, "sampling_weight: 0.4  # <-", "sampling_weight: 0.3  # <-")
    assert ("DCL122", marked(wrong)) in codes_at(lint(wrong))
    # Rounding within the share tolerance is not an error of the card.
    assert "DCL122" not in codes(swap(MIX, "sampling_weight: 0.4  # <-", "sampling_weight: 0.405  # <-"))


def test_weights_given_for_some_parts_only_are_caught_but_undisclosed_ones_are_honest() -> None:
    partial = swap(MIX, "      sampling_weight: 0.6\n", "")
    assert "DCL122" in codes(partial)
    undisclosed = swap(MIX, "sampling_weight: 0.6", "sampling_weight: undisclosed")
    assert "DCL122" not in codes(undisclosed)
    assert {"DCL907", "DCL908"} & codes(undisclosed)  # reported as undisclosed, by whoever wrote the card
    # No weights at all: shares are the mix, nothing to check.
    assert "DCL122" not in codes(swap(partial, "      sampling_weight: 0.4  # <-\n", ""))


def test_the_view_reads_the_weight_and_the_epochs() -> None:
    view = view_of(MIX)
    crawl, books = view.parts
    assert crawl.sampling_weight.value == 0.6 and books.sampling_weight.value == 0.4
    assert crawl.epochs == 0.45 and books.epochs == 2.4
    assert crawl.size_in("tokens") == 400000


def test_a_weight_out_of_range_is_a_schema_error_not_a_crash() -> None:
    assert any(c.startswith("DCL0") for c in errors(swap(MIX, "sampling_weight: 0.6", "sampling_weight: 6")))
    assert any(c.startswith("DCL0") for c in errors(swap(MIX, "epochs: 0.45", "epochs: -1")))


# --- undisclosed collection periods and program versions ------------------------------------------

CRAWL = card("""
    governance:
      schema_version: "1.1"
      parts:
        - id: web
          share: 1.0
          origin:
            class: public_web_crawl  # <-
    """)


def test_an_undisclosed_collection_period_is_an_answer_not_a_gap() -> None:
    assert ("DCL607", marked(CRAWL)) in codes_at(lint(CRAWL))
    for value in ("undisclosed", "{undisclosed: the report gives no dates, source: https://example.org/report}"):
        honest = swap(CRAWL, "class: public_web_crawl  # <-", f"class: public_web_crawl\n        collection_period: {value}")
        found = codes(honest)
        assert "DCL607" not in found and "DCL907" in found
        assert errors(honest) == []
    assert errors(swap(CRAWL, "class: public_web_crawl  # <-",
                       "class: public_web_crawl\n        collection_period: whenever")) != []


def test_an_undisclosed_fresh_data_period_validates() -> None:
    text = swap(CRAWL, "class: public_web_crawl  # <-",
                "class: public_web_crawl\n        collection_period: {start: 2019-01-01, end: 2019-12-31}")
    renewal = swap(text, "collection_period: {start: 2019-01-01, end: 2019-12-31}",
                   "collection_period: {start: 2019-01-01, end: 2019-12-31}\n"
                   "  renewal:\n    generation: 0\n    cadence: none\n"
                   "    fresh_data: {lawful_basis: legitimate_interests, collection_period: undisclosed}")
    assert errors(renewal) == []
    view = view_of(renewal)
    assert view.renewal is not None and view.renewal.fresh_data.collection_period.status is Status.UNDISCLOSED


PROGRAM_VERSION = swap(PROGRAM, 'version: "1.12"', "version: undisclosed")


def test_an_undisclosed_version_is_reported_not_missing() -> None:
    found = codes(PROGRAM_VERSION)
    assert "DCL120" not in found and "DCL907" in found
    assert "DCL120" in codes(swap(PROGRAM, ', version: "1.12"', ""))
    generator = view_of(PROGRAM_VERSION).parts[0].generators[0]
    assert generator.version is None and generator.version_fact.undisclosed and not generator.pinned


def test_an_undisclosed_version_earns_part_of_the_pin_credit() -> None:
    def origin_score(text: str) -> float:
        result = lint(text, min_score=0.0)
        assert result.score is not None
        return result.score.requirements["origin"].score

    stated = origin_score(PROGRAM)
    undisclosed = origin_score(PROGRAM_VERSION)
    silent = origin_score(swap(PROGRAM, ', version: "1.12"', ""))
    assert silent < undisclosed < stated
