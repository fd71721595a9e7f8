"""The governance model: facts keep stated, undisclosed, TODO, absent and unreadable apart;
purposes are always a list; grounded shares are computed per component, part and dataset."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from datacard_lint.governance import readers
from datacard_lint.governance.view import GovernanceView, Status


def view(governance: dict[str, Any]) -> GovernanceView:
    return GovernanceView.of({"governance": {"schema_version": "1.1", **governance}})


def part(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "origin": {"class": "model_generated"}, **fields}


@pytest.mark.parametrize(
    ("value", "status", "stated"),
    [
        (0.5, Status.STATED, 0.5),
        ("undisclosed", Status.UNDISCLOSED, None),
        ({"undisclosed": "not in the report", "source": "https://example.org"}, Status.UNDISCLOSED, None),
        ("TODO", Status.TODO, None),
        ("TODO: a number from 0 to 1", Status.TODO, None),
        ("half", Status.INVALID, None),
        (True, Status.INVALID, None),
        ({"undisclosed": ""}, Status.INVALID, None),
    ],
)
def test_a_share_is_read_as_one_of_five_answers(value: object, status: Status, stated: float | None) -> None:
    fact = view({"parts": [part(share=value)]}).parts[0].share
    assert fact.status is status and fact.value == stated
    assert fact.path == ("governance", "parts", 0, "share")


def test_an_absent_fact_is_absent_and_the_long_form_keeps_its_reason() -> None:
    parts = view({"parts": [part(), part(share={"undisclosed": "chart only", "source": "paper"})]}).parts
    assert parts[0].share.status is Status.ABSENT
    assert (parts[1].share.reason, parts[1].share.source) == ("chart only", "paper")


def test_placeholders_todo_and_undisclosed_are_three_things() -> None:
    assert readers.is_placeholder("TBD") and not readers.is_placeholder("undisclosed")
    assert readers.is_todo("TODO: model id") and not readers.is_todo("undisclosed")
    assert readers.is_undisclosed(" undisclosed ") and not readers.is_undisclosed("Undisclosed by the lab")
    assert not readers.has_text("TODO: model id") and readers.has_text("undisclosed")


def test_one_purpose_or_several_is_always_a_list() -> None:
    one = view({"parts": [part(purpose={"category": "math", "statement": "Scarce solutions."})]}).parts[0]
    many = view({"parts": [part(purpose=[{"category": "math"}, {"category": "code", "statement": "Tests."}])]})
    assert [(p.category, p.statement) for p in one.purposes] == [("math", "Scarce solutions.")]
    assert [p.category for p in many.parts[0].purposes] == ["math", "code"]
    assert [p.path for p in many.parts[0].purposes][1] == ("governance", "parts", 0, "purpose", 1)
    assert view({"parts": [part(purpose="math")]}).parts[0].purposes == []


def test_a_snapshot_or_an_algorithm_version_pins_a_generator() -> None:
    generators = view({"parts": [part(origin={"class": "model_generated", "generators": [
        {"model": "gpt-4", "snapshot": "gpt-4-0613"},
        {"model": "org/m", "revision": dt.date(2026, 1, 15)},
        {"model": "org/m"},
        {"model": "org/m", "revision": "undisclosed"},
        {"kind": "algorithm", "algorithm": "sympy-gen", "version": "1.12"},
        {"kind": "algorithm", "algorithm": "sympy-gen"},
    ]})]}).parts[0].generators
    assert [g.pinned for g in generators] == [True, True, False, False, True, False]
    assert generators[3].revision.undisclosed
    assert [g.name for g in generators][4] == "sympy-gen"


def test_grounded_share_per_component_and_overall() -> None:
    prefs = part(id="prefs", share=0.5, origin={"class": "mixed"}, components=[
        {"field": "prompt", "origin": {"class": "direct_human_record"}},
        {"field": "chosen", "origin": {"class": "model_generated"}},
    ])
    slices = part(id="slices", share=0.3, components=[
        {"field": "text", "share": 0.25, "origin": {"class": "direct_human_record"}},
        {"field": "text", "share": 0.75, "origin": {"class": "algorithmic_generation"}},
    ])
    human = {"id": "human", "share": 0.2, "origin": {"class": "licensed_corpus"}}
    gov = view({"parts": [prefs, slices, human]})
    by_id = {p.id: p for p in gov.parts}
    assert [g for _, g in by_id["prefs"].component_grounded_shares()] == [1.0, 0.0]
    assert by_id["prefs"].grounded_share() == 0.0  # every row holds a generated reply
    assert by_id["slices"].grounded_share() == pytest.approx(0.25)
    assert by_id["human"].grounded_share() == 1.0
    assert gov.grounded_share() == pytest.approx(0.3 * 0.25 + 0.2)


def test_a_mixed_part_is_grounded_by_its_breakdown_and_unknown_without_it() -> None:
    mixed = part(share=1.0, origin={"class": "mixed", "breakdown": [
        {"class": "direct_human_record", "share": 0.4}, {"class": "model_generated", "share": 0.6}]})
    assert view({"parts": [mixed]}).parts[0].grounded_share() == pytest.approx(0.4)
    assert view({"parts": [mixed]}).parts[0].synthetic
    bare = part(share=1.0, origin={"class": "mixed"})
    assert view({"parts": [bare]}).parts[0].grounded_share() is None
    undisclosed = part(share="undisclosed", origin={"class": "direct_human_record"})
    assert view({"parts": [undisclosed]}).grounded_share() is None


def test_a_human_part_with_generated_components_is_synthetic() -> None:
    labelled = {"id": "rlhf", "origin": {"class": "direct_human_record"},
                "components": [{"field": "reply", "origin": {"class": "model_generated"}}]}
    assert view({"parts": [labelled]}).parts[0].synthetic
    assert view({"parts": [labelled]}).parts[0].model_made


def test_waivers_statement_dataset_and_processing_are_read() -> None:
    gov = view({
        "statement": {"by": "retrospective", "sources": ["https://a", 3]},
        "dataset": {"hub_id": "org/name", "role": "component", "size": "undisclosed"},
        "processing": [{"step": "deduplication", "method": "minhash"}, "junk"],
        "waivers": [{"rule": "DCL401", "reason": "component", "parts": ["math"]}, {"rule": "DCL101"}],
    })
    assert gov.statement is not None and gov.statement.by == "retrospective" and gov.statement.sources == ["https://a"]
    assert gov.dataset is not None and gov.dataset.hub_id == "org/name" and gov.dataset.size.undisclosed
    assert [p.step for p in gov.processing] == ["deduplication"]
    assert [(w.rule, w.reason, w.parts) for w in gov.waivers] == [("DCL401", "component", ("math",)),
                                                                  ("DCL101", None, None)]


def test_no_block_is_an_empty_view() -> None:
    for metadata in (None, {}, {"governance": ["a"]}, {"governance": "x"}):
        gov = GovernanceView.of(metadata)
        assert not gov.present and gov.parts == [] and gov.renewal is None and gov.waivers == []
