"""Validate a card's governance block against the schema its `schema_version` names."""

from __future__ import annotations

import re
from collections.abc import Mapping

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.diagnostics import Finding
from datacard_lint.loading.card import Card
from datacard_lint.schemas import store
from datacard_lint.schemas.translate import translate

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.\d+)?\s*$")
_G = (GOVERNANCE_KEY,)


def validate_governance(card: Card) -> list[Finding]:
    block = card.governance
    if block is None:
        return []
    if not isinstance(block, Mapping):
        return [
            Finding(
                "DCL054",
                f"governance must be a mapping, not {type(block).__name__}",
                card.locate(_G),
            )
        ]
    findings: list[Finding] = []
    major, minor = _declared_version(block.get("schema_version"))
    if major is None:
        major = store.KNOWN_MAJORS[-1]  # the schema itself reports the missing/odd version
    elif major not in store.KNOWN_MAJORS:
        known = ", ".join(f"{m}.x" for m in store.KNOWN_MAJORS)
        return [
            Finding(
                "DCL050",
                f"schema_version {block.get('schema_version')!r} is not a version this linter knows ({known})",
                card.locate((*_G, "schema_version")),
                "upgrade datacard-lint, or declare a released version",
            )
        ]
    newer = minor is not None and minor > store.known_minor(major)
    if newer:
        findings.append(
            Finding(
                "DCL051",
                f"schema_version {major}.{minor} is newer than this linter's {major}.{store.known_minor(major)}",
                card.locate((*_G, "schema_version")),
                "upgrade datacard-lint to check fields added since",
            )
        )
    validator = store.governance_validator(major)
    for finding in translate(validator.iter_errors(block), card, _G):
        if newer and finding.code == "DCL053":
            # Fields added by a newer minor version are expected to be unknown here.
            finding = Finding("DCL051", finding.message + " (it may belong to the newer version)", finding.span)
        findings.append(finding)
    return findings


def _declared_version(value: object) -> tuple[int | None, int | None]:
    if value is None or isinstance(value, bool):
        return None, None
    match = _VERSION.match(str(value))
    if not match:
        return None, None
    return int(match.group(1)), int(match.group(2)) if match.group(2) is not None else None
