"""Each lie class of issue "Verdicts that match reality" turns a passing, honest card into a failing one.

The honest cards (tests/verdicts/cards.py) pass `check` with warnings at most; each lie
changes one realistic thing and must be reported as an error by the named rule, and must
never raise the score.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from dcl_testing import lint
from honest_cards import HONEST

from datacard_lint.diagnostics import Severity


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def errors(text: str) -> set[str]:
    return {d.code for d in lint(text).diagnostics if d.severity is Severity.ERROR}


def score(text: str) -> float:
    result = lint(text, min_score=0.0)
    assert result.score is not None
    return result.score.overall


Lie = tuple[str, str, Callable[[str], str]]

LIES: dict[str, Lie] = {
    # Origin and label contradict.
    "model part labelled human": ("instruct", "DCL603", lambda t: swap(t, "ai_label: mixed", "ai_label: human")),
    "program output labelled human-made": ("maths", "DCL603", lambda t: swap(
        swap(t, "digital_source_type: algorithmicMedia", "digital_source_type: digitalCreation"),
        "ai_label: ai_generated", "ai_label: human")),
    "simulator output classed as a human record": ("maths", "DCL115", lambda t: swap(
        t, "class: algorithmic_generation", "class: direct_human_record")),
    "model replies reclassed as human": ("instruct", "DCL115", lambda t: swap(
        t, "          role: response\n          origin:\n            class: model_generated",
        "          role: response\n          origin:\n            class: direct_human_record")),
    "judge-made preference labels classed as human": ("preferences", "DCL115", lambda t: swap(
        t, "          origin: {class: human_label_on_model_output}",
        "          origin:\n            class: human_label_on_model_output\n"
        "            generators: [{model: acme-research/tessera-rm-8b, revision: rm-3, role: judge}]")),
    "Hub creators contradict every part": ("maths", "DCL121", lambda t: swap(
        t, "language_creators: [machine-generated]", "language_creators: [expert-generated]")),
    # Grounded-share claims the parts cannot support.
    "grounded share above what the components hold": ("preferences", "DCL405", lambda t: swap(
        t, "grounded_share: 0.0", "grounded_share: 0.5")),
    "grounded share above the bound when only some parts give shares": ("instruct", "DCL405", lambda t: swap(swap(
        t, "grounded_share: 0.0", "grounded_share: 0.5"), "  parts:\n",
        "  parts:\n    - id: extra-prompts\n      origin: {class: direct_human_record}\n"
        "      contamination: {ai_label: human, determination: [declared_by_producer], confidence: high}\n"
        "      public_evidence: {synthetic: false, presented_as_public_participation: false}\n").replace(
        "      share: 1.0\n      size: {rows: 60000}", "      share: 0.9\n      size: {rows: 60000}")),
    # Lineage: what `lineage` calls a risk, `check` reports.
    "generation 2 without fresh grounded data": ("instruct", "DCL401", lambda t: swap(
        t, "generation: 1\n", "generation: 2\n")),
    "generation 2 training mix whose risk cannot be computed": ("instruct", "DCL416", lambda t: swap(swap(swap(swap(
        t, "generation: 1\n", "generation: 2\n"), "grounded_share: 0.0", "grounded_share: undisclosed"),
        "role: component", "role: training_mix"), "  parts:\n",
        "  parts:\n    - id: forum-threads\n      origin: {class: licensed_corpus}\n"
        "      contamination: {ai_label: human, determination: [declared_by_producer], confidence: high}\n"
        "      public_evidence: {synthetic: false, presented_as_public_participation: false}\n").replace(
        "      share: 1.0\n", "")),
    # Synthetic public evidence presented as real people's voice.
    "generated respondents presented as public participation": ("respondents", "DCL701", lambda t: swap(
        t, "presented_as_public_participation: false\n        disclosure",
        "presented_as_public_participation: true\n        disclosure")),
    "generated respondents described as residents' views": ("respondents", "DCL710", lambda t: swap(
        t, "The answers are simulated: a model imitating the views of residents, not a survey of them.",
        "The answers capture the views of residents on the new transit plan.")),
    # Crawls of the generative-AI era.
    "late crawl with no AI-content label": ("crawl", "DCL617", lambda t: swap(
        t, "      contamination:\n        ai_label: unknown\n        determination: [unknown]\n        confidence: low\n",
        "")),
    # Hiding a synthetic part.
    "exemption while the Hub creators say machine-generated": ("crawl", "DCL308", lambda t: swap(
        t, "language_creators: [found]", "language_creators: [found, machine-generated]")),
    "exemption while a part states its purpose": ("crawl", "DCL205", lambda t: swap(
        t, "    - id: crawl-2023-2024\n",
        "    - id: crawl-2023-2024\n      purpose: {category: other, statement: Fresh text for pre-training.}\n")),
    # Verification that cannot establish correctness where it matters.
    "medical answers checked by a judge and crowdworkers": ("instruct", "DCL314", lambda t: swap(
        t, "domain: general", "domain: medical")),
}


@pytest.mark.parametrize("name", sorted({card for card, _, _ in LIES.values()}))
def test_honest_cards_pass(name: str) -> None:
    assert errors(HONEST[name]) == set()


@pytest.mark.parametrize("lie", sorted(LIES))
def test_each_lie_turns_a_passing_card_into_a_failing_one(lie: str) -> None:
    card, code, tell = LIES[lie]
    honest, lied = HONEST[card], tell(HONEST[card])
    assert errors(honest) == set()
    assert code in errors(lied), sorted(errors(lied))


@pytest.mark.parametrize("lie", sorted(LIES))
def test_a_caught_lie_never_raises_the_score(lie: str) -> None:
    card, _, tell = LIES[lie]
    assert score(tell(HONEST[card])) <= score(HONEST[card]) + 1e-9


# --- false alarms that must stay away -------------------------------------------------------------


def test_a_fully_synthetic_component_is_not_a_collapse_risk() -> None:
    codes = {d.code for d in lint(HONEST["instruct"]).diagnostics}
    assert not codes & {"DCL401", "DCL416", "DCL417", "DCL422"}
    mix = swap(HONEST["instruct"], "role: component", "role: training_mix")
    assert "DCL401" in errors(mix)


def test_undisclosed_facts_are_warnings_at_most() -> None:
    text = swap(HONEST["crawl"], "lawful_basis: legitimate_interests", "lawful_basis: undisclosed")
    assert errors(text) == set()


def test_a_dated_snapshot_is_a_revision() -> None:
    text = HONEST["instruct"].replace("revision: 3f9c2a1, role: generator, access: open_weights",
                                      "snapshot: gpt-4-0613, role: generator, access: api")
    assert "DCL107" not in {d.code for d in lint(text).diagnostics}
    assert "DCL107" in {d.code for d in lint(text.replace("snapshot: gpt-4-0613, ", "")).diagnostics}


def test_self_judging_is_worded_by_the_number_of_generators() -> None:
    judged = swap(HONEST["instruct"], "tool: acme-research/tessera-judge-8b", "tool: northwind-lab/kestrel-70b-instruct")
    only = next(d.message for d in lint(judged).diagnostics if d.code == "DCL307")
    assert "the model that generated it" in only
    two = swap(judged, "          - {model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator, "
                       "access: open_weights}\n",
               "          - {model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator, "
               "access: open_weights}\n          - {model: quay-labs/skiff-chat-3b, revision: v0.4, role: generator}\n")
    several = next(d.message for d in lint(two).diagnostics if d.code == "DCL307")
    assert "one of the 2 models that generated it" in several


def test_judge_only_verification_is_a_warning_outside_high_stakes_domains() -> None:
    text = swap(HONEST["instruct"], "          - {method: crowd_review, coverage: sample, sample_size: 1200, "
                                    "pass_rate: 0.88, reviewer_qualification: Trained raters (two per item).}\n", "")
    found = {d.code: d.severity for d in lint(text).diagnostics}
    assert found.get("DCL310") is Severity.WARNING and errors(text) == set()
    assert "DCL314" in errors(swap(text, "domain: general", "domain: legal"))


def test_a_sentence_that_says_the_voice_is_simulated_is_not_a_claim() -> None:
    assert "DCL710" not in {d.code for d in lint(HONEST["respondents"]).diagnostics}
