"""How far a card documents each requirement: absent (0) → declared (1) → specified (2) → evidenced (3).

Each assessor is a ladder: a level counts only when every lower level holds, and the first
rung that fails is the concrete next step printed for the user. Levels depend only on
what the card says; findings cap them afterwards (see compute.py).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any

from datacard_lint.requirements import MODEL_CLASSES
from datacard_lint.rules.context import Part, RuleContext

Assessment = tuple[int, str | None]
Rung = tuple[Callable[[RuleContext], bool], str]


def _text(value: Any) -> bool:
    from datacard_lint.rules.general import is_placeholder

    if isinstance(value, _dt.date):
        return True  # an unquoted `revision: 2026-01-15` is a date to YAML, and still says something
    return isinstance(value, str) and not is_placeholder(value) and "TODO" not in value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _climb(ctx: RuleContext, rungs: list[Rung]) -> Assessment:
    for level, (holds, step) in enumerate(rungs):
        if not holds(ctx):
            return level, step
    return len(rungs), None


def _all(parts: list[Part], test: Callable[[Part], bool]) -> bool:
    return all(test(p) for p in parts)


def _list(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


# --- origin -----------------------------------------------------------------------------


def _generators(part: Part) -> list[Mapping[str, Any]]:
    return _list(part.origin.get("generators"))


def origin(ctx: RuleContext) -> Assessment:
    parts = ctx.parts()
    return _climb(ctx, [
        (lambda c: bool(parts) and _all(parts, lambda p: p.origin_class is not None),
         "list the data's parts under `governance.parts`, each with an `origin.class`"),
        (lambda c: _all(parts, lambda p: _number(p.data.get("share")))
         and _all([p for p in parts if p.origin_class in MODEL_CLASSES],
                  lambda p: any(_text(g.get("model")) for g in _generators(p))),
         "give every part a `share` and name the generator model of every generated part"),
        (lambda c: _all(parts, lambda p: isinstance(p.data.get("size"), Mapping) and bool(p.data["size"]))
         and _all([p for p in parts if p.origin_class in MODEL_CLASSES],
                  lambda p: _text(p.origin.get("seed_source"))
                  and all(_text(g.get("revision")) for g in _generators(p))),
         "add `size` to every part, and a generator `revision` and `seed_source` to every generated part"),
    ])


# --- purpose ----------------------------------------------------------------------------


def _synthetic_or_note(ctx: RuleContext, requirement: str) -> list[Part] | None:
    """Synthetic parts, or None when the card has parts but none is synthetic."""
    parts = ctx.parts()
    synthetic = [p for p in parts if p.synthetic]
    if parts and not synthetic:
        return None
    return synthetic


def purpose(ctx: RuleContext) -> Assessment:
    synthetic = _synthetic_or_note(ctx, "purpose")
    if synthetic is None:
        return 0, "no part is synthetic: declare `not_applicable.purpose` with that reason"
    return _climb(ctx, [
        (lambda c: bool(synthetic) and _all(synthetic, lambda p: _text((p.section("purpose") or {}).get("category"))),
         "give every synthetic part a `purpose.category`"),
        (lambda c: _all(synthetic, lambda p: _text((p.section("purpose") or {}).get("statement"))),
         "explain each synthetic part's purpose in `purpose.statement`"),
        (lambda c: _all(synthetic, lambda p: _text((p.section("verification") or {}).get("domain"))),
         "tie each purpose to a checkable domain in `verification.domain`"),
    ])


# --- verification -----------------------------------------------------------------------


def _methods(part: Part) -> list[Mapping[str, Any]]:
    return _list((part.section("verification") or {}).get("methods"))


def _evidenced(method: Mapping[str, Any]) -> bool:
    if method.get("method") == "none":
        return False
    has_rate = _number(method.get("pass_rate")) or _number(method.get("reject_rate"))
    has_source = any(_text(method.get(k)) for k in ("tool", "reviewer_qualification", "evidence_url"))
    return _number(method.get("sample_size")) and has_rate and has_source


def verification(ctx: RuleContext) -> Assessment:
    synthetic = _synthetic_or_note(ctx, "verification")
    if synthetic is None:
        return 0, "no part is synthetic: declare `not_applicable.verification` with that reason"
    return _climb(ctx, [
        (lambda c: bool(synthetic) and _all(synthetic, lambda p: bool(_methods(p))
                                            or _text((p.section("verification") or {}).get("reason"))),
         "give every synthetic part a `verification` with its `methods`"),
        (lambda c: _all(synthetic, lambda p: _text((p.section("verification") or {}).get("domain"))
                        and any(m.get("method") not in (None, "none") for m in _methods(p))),
         "name each part's `verification.domain` and a real method (not `none`)"),
        (lambda c: _all(synthetic, lambda p: any(_evidenced(m) for m in _methods(p))),
         "record evidence for a method: `sample_size`, a pass or reject rate, and the tool or reviewers"),
    ])


# --- renewal ----------------------------------------------------------------------------


def renewal(ctx: RuleContext) -> Assessment:
    section = ctx.section("renewal") or {}
    generation = section.get("generation")
    fresh_value = section.get("fresh_data")
    fresh: Mapping[str, Any] = fresh_value if isinstance(fresh_value, Mapping) else {}
    return _climb(ctx, [
        (lambda c: _number(generation) and _number(section.get("grounded_share")),
         "add `renewal` with the `generation` number and the fresh `grounded_share`"),
        (lambda c: _text(section.get("cadence")) and section.get("last_refresh") is not None
         and (not _number(generation) or generation < 1 or bool(_list(section.get("parents")))),  # type: ignore[operator]
         "state the refresh `cadence` and `last_refresh`, and the `parents` of a generated dataset"),
        (lambda c: _text(fresh.get("lawful_basis"))
         and (fresh.get("lawful_basis") != "consent" or _text(fresh.get("consent_documentation"))),
         "document the fresh data's `fresh_data.lawful_basis` (and consent documentation)"),
    ])


# --- tail evaluations -------------------------------------------------------------------


def _languages(ctx: RuleContext) -> set[str]:
    return {str(v).split("-")[0].lower() for v in ctx.hub_list("language") if isinstance(v, str)}


def tail_evaluations(ctx: RuleContext) -> Assessment:
    results = [r for _, r in ctx.items("tail_evaluations")]

    def covers_languages(c: RuleContext) -> bool:
        languages = _languages(c)
        if len(languages) < 2:
            return True
        sliced = {str(r.get("slice", "")).split("-")[0].lower() for r in results
                  if r.get("axis") in ("language", "dialect")}
        return languages <= sliced

    return _climb(ctx, [
        (lambda c: bool(results), "add `tail_evaluations`: results on rare slices, not only averages"),
        (lambda c: len({r.get("axis") for r in results}) >= 2 and covers_languages(c)
         and all(_text(r.get("metric")) and _number(r.get("value")) for r in results),
         "evaluate at least two axes (and every declared language), each with a metric and value"),
        (lambda c: all(isinstance(r.get("baseline"), Mapping) and isinstance(r.get("benchmark"), Mapping)
                       for r in results),
         "give every tail result a `baseline` to compare with and its `benchmark` reference"),
    ])


# --- contamination ----------------------------------------------------------------------


def _label(part: Part) -> Mapping[str, Any]:
    return part.section("contamination") or {}


def contamination(ctx: RuleContext) -> Assessment:
    parts = ctx.parts()
    checks = [c for _, c in ctx.items("contamination_checks")]
    return _climb(ctx, [
        (lambda c: bool(parts) and _all(parts, lambda p: _text(_label(p).get("ai_label"))
                                        or _text(_label(p).get("digital_source_type"))),
         "label every part's AI content in `contamination` (`ai_label` or `digital_source_type`)"),
        (lambda c: _all(parts, lambda p: bool(_label(p).get("determination")))
         and _all([p for p in parts if p.origin_class == "public_web_crawl"],
                  lambda p: _number(_label(p).get("estimated_ai_share"))
                  or "source_predates_genai" in (_label(p).get("determination") or [])),
         "say how each label was determined, and estimate the AI share of crawled parts"),
        (lambda c: _all(parts, lambda p: _text(_label(p).get("confidence"))) and bool(checks)
         and all(_text(x.get("method")) and (_text(x.get("result")) or _number(x.get("overlap_rate")))
                 for x in checks),
         "give each label a `confidence` and record benchmark `contamination_checks` with results"),
    ])


# --- public evidence --------------------------------------------------------------------


def _evidence(part: Part) -> Mapping[str, Any] | None:
    return part.section("public_evidence")


def public_evidence(ctx: RuleContext) -> Assessment:
    parts = ctx.parts()
    flagged = [p for p in parts if (_evidence(p) or {}).get("synthetic") is True]
    return _climb(ctx, [
        (lambda c: bool(parts) and any(_evidence(p) is not None for p in parts)
         and _all([p for p in parts if p.synthetic], lambda p: _evidence(p) is not None),
         "declare `public_evidence` on every synthetic part (is it generated reviews, answers, testimony?)"),
        (lambda c: _all(parts, lambda p: isinstance((_evidence(p) or {}).get("synthetic"), bool))
         and _all(flagged, lambda p: bool((_evidence(p) or {}).get("kinds"))
                  and (_evidence(p) or {}).get("presumptively_weak") is True),
         "declare `public_evidence.synthetic` on every part; "
         "flagged parts need `kinds` and `presumptively_weak: true`"),
        (lambda c: _all(flagged, lambda p: _text((_evidence(p) or {}).get("disclosure"))
                        and (_evidence(p) or {}).get("presented_as_public_participation") is False),
         "say how users are told (`disclosure`) and set `presented_as_public_participation: false`"),
    ])


ASSESSORS: dict[str, Callable[[RuleContext], Assessment]] = {
    "origin": origin,
    "purpose": purpose,
    "verification": verification,
    "renewal": renewal,
    "tail_evaluations": tail_evaluations,
    "contamination": contamination,
    "public_evidence": public_evidence,
}
