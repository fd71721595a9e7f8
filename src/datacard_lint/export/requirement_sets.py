"""Named sets of Croissant properties a venue requires, and the card findings for gaps.

A set is a data file (`export/requirements/NAME.json`) so that a venue's list can be
updated without touching code. Each required property carries the rule code reported when
the exported document lacks it, and the card field that would fill it; the finding is
located at that field in the card (or its nearest ancestor that exists), because the fix
belongs in the card, not in the generated file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from datacard_lint.diagnostics import Diagnostic, Span
from datacard_lint.loading.card import Card


@dataclass(frozen=True, slots=True)
class RequiredField:
    property: str
    code: str
    definition: str
    filled_from: str
    verified: str
    locate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RequirementSet:
    name: str
    title: str
    sources: tuple[str, ...]
    fields: tuple[RequiredField, ...]


def available() -> list[str]:
    folder = files("datacard_lint.export").joinpath("requirements")
    return sorted(entry.name.removesuffix(".json") for entry in folder.iterdir() if entry.name.endswith(".json"))


def load(name: str) -> RequirementSet:
    """The named set; KeyError when there is none (the CLI lists the available ones)."""
    if name not in available():
        raise KeyError(name)
    resource = files("datacard_lint.export").joinpath("requirements", f"{name}.json")
    data = json.loads(resource.read_text(encoding="utf-8"))
    return RequirementSet(
        name=data["name"],
        title=data["title"],
        sources=tuple(data["sources"]),
        fields=tuple(
            RequiredField(f["property"], f["code"], f["definition"], f["filled_from"], f["verified"],
                          tuple(f["locate"]))
            for f in data["fields"]
        ),
    )


def filled(value: object) -> bool:
    """A property counts as present when it holds something: `false` does, `""` and `[]` do not."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return any(filled(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def missing(document: Mapping[str, Any], requirement_set: RequirementSet) -> list[RequiredField]:
    return [f for f in requirement_set.fields if not filled(document.get(f.property))]


def findings(card: Card, requirement_set: RequirementSet, gaps: Sequence[RequiredField]) -> list[Diagnostic]:
    """One error per gap, located in the card at the field that would fill it."""
    from datacard_lint.rules import registry

    out = []
    for gap in gaps:
        rule = registry.get(gap.code)
        span = _nearest_key(card, gap.locate) if _has_governance(card) else card.locate(())
        out.append(Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            path=card.path,
            span=span,
            message=f"{requirement_set.name} requires `{gap.property}`, and this card cannot fill it",
            help=f"fill it from {gap.filled_from}",
        ))
    return sorted(out, key=Diagnostic.sort_key)


def _nearest_key(card: Card, path: tuple[str, ...]) -> Span:
    """The key of `path`, or of its nearest ancestor that the card has."""
    for end in range(len(path), 0, -1):
        if path[:end] in card.key_spans:
            return card.key_spans[path[:end]]
    return card.locate(())


def _has_governance(card: Card) -> bool:
    return isinstance(card.governance, Mapping)


def card_findings(card: Card, name: str) -> list[Diagnostic]:
    """Findings for a card exported on its own (no base file) against the named set."""
    from datacard_lint.export._card import CardView
    from datacard_lint.export.croissant import to_croissant

    requirement_set = load(name)
    return findings(card, requirement_set, missing(to_croissant(CardView(card)), requirement_set))
