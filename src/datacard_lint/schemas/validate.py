"""Validate a card's governance block against the schema its `schema_version` names."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Hashable, Mapping
from typing import Any

from datacard_lint import codes
from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.diagnostics import Finding
from datacard_lint.loading.card import Card
from datacard_lint.paths import dotted
from datacard_lint.schemas import fastcheck, store
from datacard_lint.schemas.translate import translate

_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?(?:\.\d+)?\s*$")
_G = (GOVERNANCE_KEY,)
Path_ = tuple[Hashable, ...]


def validate_governance(card: Card) -> list[Finding]:
    block = card.governance
    if block is None:
        return []
    if not isinstance(block, Mapping):
        return [
            Finding(
                codes.WRONG_TYPE,
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
                codes.UNKNOWN_SCHEMA_VERSION,
                f"schema_version {block.get('schema_version')!r} is not a version this linter knows ({known})",
                card.locate((*_G, "schema_version")),
                "upgrade datacard-lint, or declare a released version",
            )
        ]
    newer = minor is not None and minor > store.known_minor(major)
    if newer:
        findings.append(
            Finding(
                codes.NEWER_SCHEMA_MINOR,
                f"schema_version {major}.{minor} is newer than this linter's {major}.{store.known_minor(major)}",
                card.locate((*_G, "schema_version")),
                "upgrade datacard-lint to check fields added since",
            )
        )
    # A card is checked against the version it declares: a `1.0` card against the frozen
    # 1.0 schema (fields added later are unknown there), a newer minor against the newest.
    declared = None if newer else minor
    fast = fastcheck.bundled_check(store.governance_file(major, declared))
    if fast is not None and fast(block) is True:
        return findings  # certainly valid: jsonschema would report nothing
    schema_findings = _schema_findings(block, card, store.governance_validator(major, declared))
    if schema_findings and declared is not None and declared < store.known_minor(major):
        latest = store.known_minor(major)
        # The fast check only (linear, no second jsonschema pass): hint when the newest
        # minor certainly accepts the block.
        newest = fastcheck.bundled_check(store.governance_file(major))
        if newest is not None and newest(block) is True:
            hint = f'fields or values added in {major}.{latest} are used: declare schema_version: "{major}.{latest}"'
            schema_findings = [Finding(f.code, f.message, f.span, hint) for f in schema_findings]
    for finding in schema_findings:
        if newer and (finding.code == codes.UNKNOWN_PROPERTY or "not an allowed value" in finding.message):
            # Fields and vocabulary values added by a newer minor version are unknown here.
            finding = Finding(codes.NEWER_SCHEMA_MINOR, finding.message + " (it may belong to the newer version)",
                              finding.span)
        findings.append(finding)
    return findings


def _schema_findings(block: Mapping[Any, Any], card: Card, validator: Any) -> list[Finding]:
    try:
        return list(translate(validator.iter_errors(block), card, _G))
    except TypeError:
        # jsonschema assumes JSON: a non-string key (`1:`, `true:`) or a YAML date where a
        # pattern or length applies makes it raise. Report the keys, validate a JSON view.
        bad_keys: list[Finding] = []
        json_block = _json_view(block, _G, card, bad_keys)
        return bad_keys + list(translate(validator.iter_errors(json_block), card, _G))


def _json_view(value: Any, path: Path_, card: Card, bad_keys: list[Finding]) -> Any:
    """A copy with only string keys, and dates as ISO strings (what JSON would hold)."""
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                where = dotted(path)
                bad_keys.append(
                    Finding(
                        codes.WRONG_TYPE,
                        f"key {key!r} in {where} must be a string, not {_kind(key)}",
                        card.locate((*path, key), key=True),
                        f"quote it: '{key}'",
                    )
                )
                continue
            out[key] = _json_view(item, (*path, key), card, bad_keys)
        return out
    if isinstance(value, list):
        return [_json_view(item, (*path, index), card, bad_keys) for index, item in enumerate(value)]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _declared_version(value: object) -> tuple[int | None, int | None]:
    if value is None or isinstance(value, bool):
        return None, None
    match = _VERSION.match(str(value))
    if not match:
        return None, None
    return int(match.group(1)), int(match.group(2)) if match.group(2) is not None else None
