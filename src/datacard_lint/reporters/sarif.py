"""SARIF 2.1.0 output, shaped for GitHub code scanning.

Every rule the linter knows is listed in `tool.driver.rules` (sorted by code), so a
rule's index and its help text do not depend on which findings a run happened to produce.
Result locations are URIs relative to the working directory, in POSIX form, because code
scanning resolves them against the checkout root; a path outside the working directory
becomes an absolute `file://` URI and an `hf://` path is kept as it is.

`partialFingerprints` carries a hash of rule, path, message and occurrence number but not
the line (nor line numbers cited in the message), so an alert survives lines being inserted
above it; `upload-sarif` adds its own
`primaryLocationLineHash` next to it. A card below `--min-score` is not a rule finding, so
it is not a result: it is an error-level `toolExecutionNotification` of the invocation,
naming the card, so a SARIF run with `--min-score` records what made the exit status 1.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from datacard_lint import __version__
from datacard_lint._meta import SITE_URL, rule_url
from datacard_lint.diagnostics import Diagnostic, Severity
from datacard_lint.reporters.base import Reporter, Summary

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult
    from datacard_lint.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "datacardLint/v1"

#: Diagnostic severity -> SARIF `level`.
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Diagnostic severity -> GitHub's `problem.severity` rule property.
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
_SECTION_HEADINGS = (
    ("why", "Why it matters"),
    ("failing", "Failing example"),
    ("passing", "Passing example"),
    ("fix", "How to fix"),
    ("options", "Options"),
)
_LINE_REFERENCE = re.compile(r"\blines? \d+(?:\s*[-–]\s*\d+)?")
_FENCE = re.compile(r"^```[a-z]*\n?|\n?```$", re.MULTILINE)


def artifact_uri(path: str, cwd: str | None = None) -> str:
    """The SARIF `artifactLocation.uri` of a displayed path (see the module docstring)."""
    if "://" in path:
        return path
    cwd = cwd or os.getcwd()
    absolute = os.path.abspath(os.path.join(cwd, path))
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive on Windows
        relative = ".."
    if relative == ".." or relative.startswith(".." + os.sep):
        return Path(absolute).as_uri()
    return quote(PurePosixPath(Path(relative)).as_posix())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A `reportingDescriptor`: identity, descriptions and help built from the rule's docstring."""
    sections = rule.sections()
    why = sections.get("why") or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _sentence(rule.summary)},
        "fullDescription": {"text": _plain(why)},
        "help": {"text": _help_text(rule, sections), "markdown": _help_markdown(rule, sections)},
        "helpUri": rule_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["dataset-card", rule.requirement],
            "precision": "very-high",
            "problem.severity": _PROBLEM[rule.severity],
        },
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _plain(markdown: str) -> str:
    return _FENCE.sub("", markdown).strip()


def _help_text(rule: Rule, sections: dict[str, str]) -> str:
    parts = [_sentence(rule.summary)]
    for key, heading in _SECTION_HEADINGS:
        if sections.get(key):
            parts.append(f"{heading}:\n{_plain(sections[key])}")
    parts.append(f"Documentation: {rule_url(rule.code)}")
    return "\n\n".join(parts)


def _help_markdown(rule: Rule, sections: dict[str, str]) -> str:
    parts = [f"**{rule.code} {rule.name}**: {_sentence(rule.summary)}"]
    for key, heading in _SECTION_HEADINGS:
        if sections.get(key):
            parts.append(f"### {heading}\n\n{sections[key].strip()}")
    parts.append(f"[Rule documentation]({rule_url(rule.code)})")
    return "\n\n".join(parts)


def _message(diagnostic: Diagnostic) -> str:
    text = _sentence(diagnostic.message)
    if diagnostic.help:
        text += " " + _sentence(diagnostic.help[:1].upper() + diagnostic.help[1:])
    return text


def _region(diagnostic: Diagnostic) -> dict[str, int]:
    line = max(diagnostic.line, 1)
    col = max(diagnostic.col, 1)
    end_line = max(diagnostic.end_line, line)
    end_col = diagnostic.end_col if end_line > line else max(diagnostic.end_col, col)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": max(end_col, 1)}


def _fingerprint(diagnostic: Diagnostic, uri: str, occurrence: int) -> str:
    # Messages may cite other lines ("first defined on line 27"); those move with the finding.
    message = _LINE_REFERENCE.sub("line N", diagnostic.message)
    key = "\x1f".join((diagnostic.code, uri, message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class SarifReporter(Reporter):
    """One SARIF log with one run, written when the last card is done."""

    def start(self) -> None:
        from datacard_lint.rules import registry

        self.rules = registry.all_rules()
        self.index = {rule.code: number for number, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []
        self.cwd = os.getcwd()
        self.seen: Counter[tuple[str, str, str]] = Counter()
        self.notifications: list[dict[str, Any]] = []

    def file(self, result: CardResult) -> None:
        for diagnostic in result.diagnostics:
            self.results.append(self._result(diagnostic))
        minimum = result.settings.min_score
        if result.score is not None and minimum is not None and result.below_min_score():
            self.notifications.append({
                "level": "error",
                "message": {"text": f"Governance score {result.score.overall:.1f} is below the minimum {minimum:g}."},
                "descriptor": {"id": "min-score"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path, self.cwd)}}}],
            })

    def _result(self, diagnostic: Diagnostic) -> dict[str, Any]:
        uri = artifact_uri(diagnostic.path, self.cwd)
        key = (diagnostic.code, uri, _LINE_REFERENCE.sub("line N", diagnostic.message))
        self.seen[key] += 1
        occurrence = self.seen[key]
        entry: dict[str, Any] = {"ruleId": diagnostic.code}
        if diagnostic.code in self.index:
            entry["ruleIndex"] = self.index[diagnostic.code]
        entry.update(
            {
                "level": LEVELS[diagnostic.severity],
                "message": {"text": _message(diagnostic)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(diagnostic)}}],
                "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(diagnostic, uri, occurrence)},
            }
        )
        return entry

    def _invocation(self, summary: Summary) -> dict[str, Any]:
        invocation: dict[str, Any] = {"executionSuccessful": summary.internal_errors == 0}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        return invocation

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "datacard-lint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": SITE_URL,
                            "rules": [rule_descriptor(rule) for rule in self.rules],
                        }
                    },
                    "invocations": [self._invocation(summary)],
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
