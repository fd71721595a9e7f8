"""Combine levels, findings and a profile into a deterministic score.

A requirement declared not applicable *with a reason* leaves the denominator (as OpenSSF
Scorecard does with inconclusive checks); without a reason, or with a reason the card
contradicts (an error finding in the requirement), it scores 0. Each rung earns its share
of the points by the fraction of its checks the card meets (see assess.py). Error-level
findings that concern a requirement cap its level and its points at the profile's
`error_cap`.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from datacard_lint import codes
from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.config.settings import Settings
from datacard_lint.diagnostics import Diagnostic, Severity
from datacard_lint.governance.readers import is_placeholder
from datacard_lint.governance.view import GovernanceView
from datacard_lint.loading.card import Card
from datacard_lint.requirements import REQUIREMENTS
from datacard_lint.rules import registry
from datacard_lint.scoring.assess import ASSESSORS, Assessment
from datacard_lint.scoring.model import CardScore, RequirementScore
from datacard_lint.scoring.profile import Profile, load_profile

_PART_SECTIONS = {
    "purpose": "purpose",
    "verification": "verification",
    "contamination": "contamination",
    "public_evidence": "public_evidence",
}
_TOP_SECTIONS = {
    "renewal": "renewal",
    "tail_evaluations": "tail_evaluations",
    "contamination_checks": "contamination",
}

Range = tuple[int, int, str]


def score_card(card: Card, diagnostics: Sequence[Diagnostic], settings: Settings) -> CardScore:
    profile = load_profile(settings.profile)
    view = GovernanceView.of(card.metadata)
    errors = _errors_by_requirement(card, diagnostics)
    todos = _errors_by_requirement(card, [d for d in diagnostics if d.code == codes.TODO_MARKER])
    reasons = view.not_applicable
    results: dict[str, RequirementScore] = {}
    for requirement in REQUIREMENTS:
        results[requirement] = _score_one(
            requirement, view, profile, errors.get(requirement, 0), reasons, todos.get(requirement, 0)
        )
    for requirement in _not_asked(view):
        result = results[requirement]
        rest = {k: v for k, v in results.items() if k != requirement}
        if result.applicable and not result.errors and result.score < _overall(rest, profile):
            # Not asked of this card: it counts only when it raises the score, never as a debt.
            results[requirement] = RequirementScore(requirement, 0, 0.0, False, None, 0,
                                                    reason=NOT_ASKED[requirement])
    return CardScore(profile.name, profile.version, _overall(results, profile), results)


#: Requirements the standard asks only of some cards, and why the others are not asked:
#: DCL504 asks for tail evaluations where a part is generated (the tails go first when
#: models train on generated data); a card that shows it has none may still earn credit
#: for them.
NOT_ASKED = {
    "tail_evaluations": "not asked of a card with no generated part (DCL504); tail results count when "
                        "they raise the score",
}


def _not_asked(view: GovernanceView) -> list[str]:
    """The requirements of `NOT_ASKED` that this card is not asked for: the card shows that
    no part is generated (every part states its class, and none is generated); a part whose
    class is undisclosed may be generated, so it leaves the question asked."""
    parts = view.parts
    shown = bool(parts) and all(p.origin_class is not None and not p.synthetic for p in parts)
    return ["tail_evaluations"] if shown else []


def _score_one(
    requirement: str, view: GovernanceView, profile: Profile, errors: int, reasons: Mapping[str, object], todos: int
) -> RequirementScore:
    if not view.present:
        return RequirementScore(requirement, 0, 0.0, True, "add a `governance` block (`datacard-lint init`)", errors)
    if requirement in reasons:
        reason = reasons[requirement]
        if not (isinstance(reason, str) and not is_placeholder(reason) and len(reason.strip()) >= 10):
            return RequirementScore(requirement, 0, 0.0, True, "give the not-applicable declaration a reason", errors)
        if errors:
            # Error findings in an exempt requirement contradict the exemption (a synthetic
            # part it claims does not exist, for instance): it counts, with nothing earned.
            contradicted = "the not-applicable declaration is contradicted by error findings: fix them"
            return RequirementScore(requirement, 0, 0.0, True, contradicted, errors, capped=True)
        return RequirementScore(requirement, 0, 0.0, False, None, errors, reason=reason.strip())
    assessment = ASSESSORS[requirement](view)
    level, step = assessment.level, assessment.next_step()
    if todos:
        # Placeholders (as `datacard-lint init` writes them) document nothing yet.
        return RequirementScore(requirement, 0, 0.0, True, "replace the TODO placeholders", errors, level > 0)
    points = _points(assessment, profile)
    capped = errors > 0 and (level > profile.error_cap or points > profile.points_for(profile.error_cap))
    if capped:
        # A record that contradicts itself is not evidence: it earns no more than the cap.
        level = min(level, profile.error_cap)
        points = min(points, profile.points_for(profile.error_cap))
        step = f"fix the {errors} error-level finding{'s' if errors != 1 else ''} first"
    return RequirementScore(requirement, level, points, True, step, errors, capped)


def _points(assessment: Assessment, profile: Profile) -> float:
    """Each rung is worth the points between its level and the one below, times its fraction."""
    total = 0.0
    for index, rung in enumerate(assessment.rungs, start=1):
        total += (profile.points_for(index) - profile.points_for(index - 1)) * rung.fraction
    return total


def _overall(results: Mapping[str, RequirementScore], profile: Profile) -> float:
    applicable = [r for r in results.values() if r.applicable]
    total_weight = sum(profile.weights[r.requirement] for r in applicable)
    if total_weight == 0:
        return 0.0
    return sum(profile.weights[r.requirement] * r.score for r in applicable) / total_weight


def _errors_by_requirement(card: Card, diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
    counts: dict[str, int] = {}
    ranges: list[Range] | None = None
    for diagnostic in diagnostics:
        if diagnostic.severity is not Severity.ERROR:
            continue
        requirement = registry.get(diagnostic.code).requirement
        if requirement not in REQUIREMENTS:
            if ranges is None:
                ranges = _requirement_ranges(card)
            requirement = _requirement_at(ranges, diagnostic.line) or ""
        if requirement:
            counts[requirement] = counts.get(requirement, 0) + 1
    return counts


def _requirement_ranges(card: Card) -> list[Range]:
    """Line ranges of the card's sections, each tagged with the requirement it documents."""
    ranges: list[Range] = []
    for path, span in card.spans.items():
        requirement = _requirement_of(path)
        if requirement is None:
            continue
        key = card.key_spans.get(path)
        start = key.line if key is not None else span.line
        ranges.append((start, span.end_line, requirement))
    return ranges


def _requirement_of(path: tuple[Hashable, ...]) -> str | None:
    if len(path) < 2 or path[0] != GOVERNANCE_KEY:
        return None
    section = path[1]
    if section == "parts" and len(path) >= 4:
        return _PART_SECTIONS.get(str(path[3]), "origin")
    if section == "parts" and len(path) == 3:
        return "origin"
    if section == "not_applicable" and len(path) >= 3 and path[2] in REQUIREMENTS:
        return str(path[2])
    return _TOP_SECTIONS.get(str(section)) if len(path) == 2 else None


def _requirement_at(ranges: list[Range], line: int) -> str | None:
    best: Range | None = None
    for candidate in ranges:
        start, end, _ = candidate
        if start <= line <= end and (best is None or end - start < best[1] - best[0]):
            best = candidate
    return best[2] if best else None
