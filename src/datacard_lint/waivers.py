"""`governance.waivers`: findings a card accepts on purpose, applied like inline suppressions.

A waiver names a rule (code or kebab-case name), gives a reason and may be limited to some
parts. Unlike a `# datacard-lint: disable=` comment it is metadata, so it survives a
`huggingface_hub` load and save. Each waiver becomes one suppression per covered range (the
named parts' lines, or the whole card) for `suppression.apply`; waivers that waive nothing,
or cannot be applied (unknown rule or part, no reason), are reported as DCL909.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datacard_lint import codes
from datacard_lint.diagnostics import Finding
from datacard_lint.governance.view import GovernanceView, WaiverView
from datacard_lint.loading.card import Card
from datacard_lint.rules import registry
from datacard_lint.suppression import Suppression

CODE = codes.UNUSED_WAIVER


@dataclass(slots=True)
class Waiver:
    entry: WaiverView
    code: str | None
    suppressions: list[Suppression] = field(default_factory=list)
    #: Why the waiver cannot be applied; None when it is applied.
    problem: str | None = None

    @property
    def used(self) -> bool:
        return any(s.used for s in self.suppressions)


def parse(card: Card) -> list[Waiver]:
    view = GovernanceView.of(card.metadata)
    if not view.present:
        return []
    part_lines = _part_lines(card, view)
    waivers: list[Waiver] = []
    for entry in view.waivers:
        waiver = Waiver(entry, _code(entry.rule))
        span = card.locate(entry.at("rule") if entry.has_rule else entry.path)
        if waiver.code is None:
            waiver.problem = f"waiver names unknown rule `{entry.rule}`" if entry.rule else "waiver names no rule"
        elif entry.reason is None:
            waiver.problem = f"waiver of {waiver.code} gives no reason, so it is not applied"
        else:
            codes = frozenset({waiver.code})
            wanted = entry.parts
            if wanted is None:
                waiver.suppressions.append(Suppression(span.line, span.col, 1, 0, codes))
            else:
                missing = [p for p in wanted if p not in part_lines]
                if missing or not wanted:
                    names = ", ".join(f"`{p}`" for p in missing) or "no part"
                    waiver.problem = f"waiver of {waiver.code} names {names}, which the card does not have"
                for part_id in wanted:
                    if part_id in part_lines:
                        first, last = part_lines[part_id]
                        waiver.suppressions.append(Suppression(span.line, span.col, first, last, codes))
        waivers.append(waiver)
    return waivers


def suppressions(waivers: list[Waiver]) -> list[Suppression]:
    return [s for waiver in waivers for s in waiver.suppressions]


def unused(card: Card, waivers: list[Waiver]) -> list[Finding]:
    out: list[Finding] = []
    for waiver in waivers:
        span = card.locate(waiver.entry.at("rule") if waiver.entry.has_rule else waiver.entry.path)
        if waiver.problem is not None:
            out.append(Finding(CODE, waiver.problem, span))
        elif not waiver.used:
            scope = f" in {', '.join(f'`{p}`' for p in waiver.entry.parts)}" if waiver.entry.parts else ""
            out.append(Finding(CODE, f"waiver of {waiver.code}{scope} waives nothing", span,
                               "remove it, or correct its `rule` or `parts`"))
    return out


def _code(rule: str | None) -> str | None:
    if rule is None:
        return None
    try:
        return registry.get(rule).code
    except KeyError:
        return None


def _part_lines(card: Card, view: GovernanceView) -> dict[str, tuple[int, int]]:
    """First and last line of each part, by id."""
    lines: dict[str, tuple[int, int]] = {}
    for part in view.parts:
        span = card.spans.get(part.path)
        if span is None or not part.has_id:
            continue
        last = span.end_line - (1 if span.end_col == 1 and span.end_line > span.line else 0)
        lines.setdefault(part.id, (span.line, last))
    return lines
