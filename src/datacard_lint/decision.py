"""The one place that decides what a card reports (flake8's style guide, in one object).

Rules, the loader and the schema validator produce raw findings. A `Decision`, built once
per resolved `Settings`, turns them into the diagnostics every command reports, in a fixed
order of precedence:

1. waivers written in the card's metadata (`governance.waivers`), then inline
   `# datacard-lint: disable=` comments, drop the findings they cover;
2. waivers and suppressions that silenced nothing are reported (DCL909, DCL902);
3. selection (`select`, `extend-select`, `ignore`, `per-file-ignores`) drops findings of
   rules that are not enabled for the file: the most specific selector wins, ignore wins ties;
4. severity overrides replace each rule's default severity;
5. each rule keeps its first `max-findings-per-rule` findings, plus one DCL016 summary;
6. findings that a `TODO` placeholder explains are folded into the placeholder's.

`check`, `score --min-score`, `audit`, the pre-commit hook, the Python API and the
requirement gaps of `export --require` all go through it, so a setting means the same
thing in every command.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from datacard_lint import suppression, waivers
from datacard_lint.capping import CAPPED_CODE, cap_per_code
from datacard_lint.config.selection import Decider
from datacard_lint.config.settings import Settings
from datacard_lint.diagnostics import Diagnostic, Finding, Severity, Span
from datacard_lint.loading.card import Card
from datacard_lint.placeholders import fold_placeholders
from datacard_lint.rules import registry


class Decision:
    """Selection, severity, suppressions, waivers and capping for one `Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._selection = Decider(settings)
        self._severity = dict(settings.severity)
        self._known = registry.codes()

    # --- the single-finding questions ----------------------------------------------------

    def relpath(self, path: str) -> str:
        """The path per-file-ignores are matched against ("" when there are none: one cache
        entry per code then serves every file)."""
        return _relative(path, self.settings.root) if self.settings.per_file_ignores else ""

    def enabled(self, code: str, relpath: str) -> bool:
        return self._selection.enabled(code, relpath)

    def severity(self, code: str) -> Severity:
        rule = registry.get(code)
        return self._severity.get(rule.code, rule.severity)

    # --- whole cards ----------------------------------------------------------------------

    def report(self, card: Card, findings: list[Finding]) -> list[Diagnostic]:
        """The diagnostics `card` reports for the raw `findings` (steps 1-6 above)."""
        comments = suppression.parse(card)
        card_waivers = waivers.parse(card)  # written in the metadata: applied before comments
        kept = suppression.apply(findings, waivers.suppressions(card_waivers) + comments)
        kept.extend(suppression.unused(comments, self._known))
        kept.extend(waivers.unused(card, card_waivers))
        return fold_placeholders(self.stamp(kept, card.path))

    def accepted(self, card: Card, findings: list[Finding]) -> dict[int, str]:
        """Why each of `findings` is not reported as an error, by index: the waiver or comment
        that covers it, the selection that drops it, or a severity override. The same
        precedence as `report`, so another command (`lineage`) can say what `check` accepts.
        Findings `check` would report as errors are absent from the answer."""
        card_waivers = waivers.parse(card)
        comments = suppression.parse(card)
        relpath = self.relpath(card.path)
        why: dict[int, str] = {}
        for index, finding in enumerate(findings):
            waiver = next((w for w in card_waivers if any(s.covers(finding) for s in w.suppressions)), None)
            comment = next((c for c in comments if c.covers(finding)), None)
            if waiver is not None:
                why[index] = f"waived in the card ({waiver.code}): {waiver.entry.reason}"
            elif comment is not None:
                reason = f": {comment.reason}" if comment.reason else ""
                why[index] = f"suppressed by the comment on line {comment.line}{reason}"
            elif not self.enabled(finding.code, relpath):
                why[index] = f"{finding.code} is not selected by the configuration"
            elif (severity := self.severity(finding.code)) is not Severity.ERROR:
                why[index] = f"{finding.code} is configured as {severity.value}"
        return why

    def stamp(self, findings: Iterable[Finding], path: str) -> list[Diagnostic]:
        """Selection, severity and capping (steps 3-5) for findings already past suppression."""
        relpath = self.relpath(path)
        out = [
            self._diagnostic(finding.code, path, finding.span, finding.message, finding.help)
            for finding in findings
            if self.enabled(finding.code, relpath)
        ]
        out.sort(key=Diagnostic.sort_key)
        limit = self.settings.limits.max_findings_per_rule
        if len(out) > limit:
            out = cap_per_code(out, limit, lambda code, left, span: self._summary(relpath, path, limit, code, left,
                                                                                  span))
        return out

    def configure(self, diagnostics: Iterable[Diagnostic], path: str) -> list[Diagnostic]:
        """Selection and severity for diagnostics built elsewhere (`export --require` gaps)."""
        relpath = self.relpath(path)
        return [self._diagnostic(d.code, d.path, d.span, d.message, d.help)
                for d in diagnostics if self.enabled(d.code, relpath)]

    def _diagnostic(self, code: str, path: str, span: Span, message: str, help_text: str | None) -> Diagnostic:
        rule = registry.get(code)
        return Diagnostic(rule.code, rule.name, self._severity.get(rule.code, rule.severity), path, span, message,
                          help_text)

    def _summary(self, relpath: str, path: str, limit: int, code: str, left_out: int, span: Span) -> Diagnostic | None:
        if not self.enabled(CAPPED_CODE, relpath):
            return None
        plural = "s" if left_out != 1 else ""
        message = f"{left_out:,} more {code} finding{plural} in this card (the first {limit:,} are shown)"
        return self._diagnostic(CAPPED_CODE, path, span, message,
                                "fix the ones shown, or raise `max-findings-per-rule` to see them all")


def _relative(path: str, root: Path) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # different drive on Windows
        return path
