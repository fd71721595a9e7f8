"""How far a card documents each requirement: absent (0) → declared (1) → specified (2) → evidenced (3).

Each assessor is a ladder: a level counts only when every lower level holds, and the first
rung that fails is the concrete next step printed for the user. Levels depend only on
what the card says (read through the governance model, so wrong-typed values count as
absent, never crash); findings cap them afterwards (see compute.py).

Every assessor climbs twice: `lenient=False` counts only stated facts; `lenient=True` also
counts facts the card marks `undisclosed`. compute.py gives the difference part of the
credit, so an honest "undisclosed" earns more than silence and less than the fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from datacard_lint.governance import readers as r
from datacard_lint.governance.view import Fact, GovernanceView, PartView
from datacard_lint.governance.vocabulary import LANGUAGE_AXES

Assessment = tuple[int, str | None]
Rung = tuple[Callable[[], bool], str]


def _climb(rungs: list[Rung]) -> Assessment:
    for level, (holds, step) in enumerate(rungs):
        if not holds():
            return level, step
    return len(rungs), None


def _ok(fact: Fact[Any], lenient: bool) -> bool:
    return fact.stated or (lenient and fact.undisclosed)


def _all(parts: list[PartView], test: Callable[[PartView], bool]) -> bool:
    return all(test(p) for p in parts)


# --- origin -----------------------------------------------------------------------------


def origin(view: GovernanceView, lenient: bool) -> Assessment:
    parts = view.parts
    made = [p for p in parts if p.model_made]
    return _climb([
        (lambda: bool(parts) and _all(parts, lambda p: _ok(p.origin.class_fact, lenient)),
         "list the data's parts under `governance.parts`, each with an `origin.class`"),
        (lambda: _all(parts, lambda p: _ok(p.share, lenient))
         and _all(made, lambda p: any(_ok(g.model, lenient) for g in p.generators)),
         "give every part a `share` and name the generator model of every generated part"),
        (lambda: _all(parts, lambda p: _ok(p.size, lenient))
         and _all(made, lambda p: p.origin.seed_source is not None
                  and all(g.pinned or (lenient and g.revision.undisclosed) for g in p.generators)),
         "add `size` to every part, and a generator `revision` and `seed_source` to every generated part"),
    ])


# --- purpose ----------------------------------------------------------------------------


def _synthetic_or_note(view: GovernanceView) -> list[PartView] | None:
    """Synthetic parts, or None when the card has parts but none is synthetic."""
    parts = view.parts
    synthetic = [p for p in parts if p.synthetic]
    if parts and not synthetic:
        return None
    return synthetic


def purpose(view: GovernanceView, lenient: bool) -> Assessment:
    synthetic = _synthetic_or_note(view)
    if synthetic is None:
        return 0, "no part is synthetic: declare `not_applicable.purpose` with that reason"
    return _climb([
        (lambda: bool(synthetic) and _all(synthetic, lambda p: bool(p.purposes)
                                          and all(u.category is not None for u in p.purposes)),
         "give every synthetic part a `purpose.category`"),
        (lambda: _all(synthetic, lambda p: all(u.statement is not None for u in p.purposes)),
         "explain each synthetic part's purpose in `purpose.statement`"),
        (lambda: _all(synthetic, lambda p: p.verification is not None and p.verification.domain is not None),
         "tie each purpose to a checkable domain in `verification.domain`"),
    ])


# --- verification -----------------------------------------------------------------------


def verification(view: GovernanceView, lenient: bool) -> Assessment:
    # Processing steps (filtering, deduplication) are never read here: filtering is not verification.
    synthetic = _synthetic_or_note(view)
    if synthetic is None:
        return 0, "no part is synthetic: declare `not_applicable.verification` with that reason"
    return _climb([
        (lambda: bool(synthetic) and _all(synthetic, lambda p: bool(p.methods)
                                          or (p.verification is not None and p.verification.reason is not None)),
         "give every synthetic part a `verification` with its `methods`"),
        (lambda: _all(synthetic, lambda p: p.verification is not None and p.verification.domain is not None
                      and any(m.real for m in p.methods)),
         "name each part's `verification.domain` and a real method (not `none`)"),
        (lambda: _all(synthetic, lambda p: any(m.evidenced for m in p.methods)),
         "record evidence for a method: `sample_size`, a pass or reject rate, and the tool or reviewers"),
    ])


# --- renewal ----------------------------------------------------------------------------


def renewal(view: GovernanceView, lenient: bool) -> Assessment:
    section = view.renewal
    if section is None:
        return 0, "add `renewal` with the `generation` number and the fresh `grounded_share`"
    generation = section.number("generation")
    fresh = section.fresh_data
    basis = fresh.lawful_basis
    return _climb([
        (lambda: generation is not None and _ok(section.grounded_share, lenient),
         "add `renewal` with the `generation` number and the fresh `grounded_share`"),
        (lambda: section.cadence is not None and section.get("last_refresh") is not None
         and (generation is None or generation < 1 or bool(section.parents)
              or (lenient and section.parents_fact.undisclosed)),
         "state the refresh `cadence` and `last_refresh`, and the `parents` of a generated dataset"),
        (lambda: ((basis.stated and r.has_text(basis.value)) or (lenient and basis.undisclosed))
         and (basis.value != "consent" or fresh.has_text("consent_documentation")),
         "document the fresh data's `fresh_data.lawful_basis` (and consent documentation)"),
    ])


# --- tail evaluations -------------------------------------------------------------------


def _languages(view: GovernanceView) -> set[str]:
    return {v.split("-")[0].lower() for v in r.texts(view.metadata.get("language"))}


def tail_evaluations(view: GovernanceView, lenient: bool) -> Assessment:
    results = view.tail_evaluations

    def covers_languages() -> bool:
        languages = _languages(view)
        if len(languages) < 2:
            return True
        sliced = {(t.slice or "").split("-")[0].lower() for t in results if t.axis in LANGUAGE_AXES}
        return languages <= sliced

    return _climb([
        (lambda: bool(results), "add `tail_evaluations`: results on rare slices, not only averages"),
        (lambda: len({t.axis for t in results if t.axis is not None}) >= 2 and covers_languages()
         and all(t.metric is not None and t.value is not None for t in results),
         "evaluate at least two axes (and every declared language), each with a metric and value"),
        (lambda: all(t.mapping("baseline") is not None and t.mapping("benchmark") is not None for t in results),
         "give every tail result a `baseline` to compare with and its `benchmark` reference"),
    ])


# --- contamination ----------------------------------------------------------------------


def contamination(view: GovernanceView, lenient: bool) -> Assessment:
    parts = view.parts
    checks = view.contamination_checks

    def labelled(p: PartView) -> bool:
        label = p.contamination
        return label is not None and (label.has_text("ai_label") or label.has_text("digital_source_type"))

    def determined(p: PartView) -> bool:
        return p.contamination is not None and bool(p.contamination.determination)

    def estimated(p: PartView) -> bool:
        label = p.contamination
        return label is not None and (label.estimated_ai_share is not None
                                      or "source_predates_genai" in label.determination)

    return _climb([
        (lambda: bool(parts) and _all(parts, labelled),
         "label every part's AI content in `contamination` (`ai_label` or `digital_source_type`)"),
        (lambda: _all(parts, determined)
         and _all([p for p in parts if p.origin_class == "public_web_crawl"], estimated),
         "say how each label was determined, and estimate the AI share of crawled parts"),
        (lambda: _all(parts, lambda p: p.contamination is not None and p.contamination.has_text("confidence"))
         and bool(checks) and all(c.method is not None and c.has_result for c in checks),
         "give each label a `confidence` and record benchmark `contamination_checks` with results"),
    ])


# --- public evidence --------------------------------------------------------------------


def public_evidence(view: GovernanceView, lenient: bool) -> Assessment:
    parts = view.parts
    flagged = [p for p in parts if p.public_evidence is not None and p.public_evidence.synthetic.value is True]

    def declared(p: PartView) -> bool:
        return p.public_evidence is not None and _ok(p.public_evidence.synthetic, lenient)

    def weak_with_kinds(p: PartView) -> bool:
        evidence = p.public_evidence
        return evidence is not None and bool(evidence.kinds) and evidence.presumptively_weak is True

    def disclosed(p: PartView) -> bool:
        evidence = p.public_evidence
        return (evidence is not None and evidence.has_text("disclosure")
                and evidence.presented_as_public_participation is False)

    return _climb([
        (lambda: bool(parts) and any(p.public_evidence is not None for p in parts)
         and _all([p for p in parts if p.synthetic], lambda p: p.public_evidence is not None),
         "declare `public_evidence` on every synthetic part (is it generated reviews, answers, testimony?)"),
        (lambda: _all(parts, declared) and _all(flagged, weak_with_kinds),
         "declare `public_evidence.synthetic` on every part; "
         "flagged parts need `kinds` and `presumptively_weak: true`"),
        (lambda: _all(flagged, disclosed),
         "say how users are told (`disclosure`) and set `presented_as_public_participation: false`"),
    ])


ASSESSORS: dict[str, Callable[[GovernanceView, bool], Assessment]] = {
    "origin": origin,
    "purpose": purpose,
    "verification": verification,
    "renewal": renewal,
    "tail_evaluations": tail_evaluations,
    "contamination": contamination,
    "public_evidence": public_evidence,
}
