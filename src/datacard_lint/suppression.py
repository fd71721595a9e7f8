"""Inline suppressions written as YAML comments in the front matter.

`# datacard-lint: disable=DCL101,DCL102` at the end of a line silences those codes on that
line; on a line of its own it silences them for the whole block that starts on the next
line (a key and everything nested under it). `disable-file=` covers the whole card.
Without `=CODES` every code is silenced. A suppression that silences nothing is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datacard_lint.diagnostics import Finding, Span
from datacard_lint.loading.card import Card
from datacard_lint.loading.lines import split_lines

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*datacard-lint:\s*(disable-file|disable)(?:\s*=\s*([A-Za-z0-9_,\- ]+))?")


@dataclass(slots=True)
class Suppression:
    line: int  # where the comment is
    col: int
    first: int  # first covered line
    last: int  # last covered line (inclusive); 0 = whole file
    codes: frozenset[str] | None  # None = every code
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if self.codes is not None and finding.code not in self.codes:
            return False
        if self.last == 0:
            return True
        return self.first <= finding.span.line <= self.last


def parse(card: Card) -> list[Suppression]:
    text = card.yaml_text
    if not text or "datacard-lint:" not in text:
        return []
    found: list[Suppression] = []
    lines = split_lines(text)
    for index, line in enumerate(lines):
        match = _DIRECTIVE.search(line)
        if not match:
            continue
        file_line = card.yaml_line + index
        codes = _codes(match.group(2))
        col = match.start() + (1 if match.start() == 0 else 2)
        if match.group(1) == "disable-file":
            found.append(Suppression(file_line, col, 1, 0, codes))
        elif line[: match.start()].strip():
            found.append(Suppression(file_line, col, file_line, file_line, codes))
        else:
            first = _next_content_line(lines, index)
            if first is None:
                continue
            start = card.yaml_line + first
            found.append(Suppression(file_line, col, start, _block_end(card, start), codes))
    return found


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings; remember which suppressions were used."""
    if not suppressions:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        hit = next((s for s in suppressions if s.covers(finding)), None)
        if hit is None:
            kept.append(finding)
        else:
            hit.used.add(finding.code)
    return kept


def unused(suppressions: list[Suppression], known_codes: frozenset[str]) -> list[Finding]:
    out: list[Finding] = []
    for item in suppressions:
        span = Span(item.line, item.col, item.line, item.col + 1)
        unknown = sorted((item.codes or frozenset()) - known_codes)
        if unknown:
            out.append(Finding("DCL902", f"suppression names unknown rule code(s): {', '.join(unknown)}", span))
        elif item.codes is None and not item.used:
            out.append(Finding("DCL902", "suppression silences nothing", span))
        elif item.codes is not None and item.codes - item.used:
            idle = ", ".join(sorted(item.codes - item.used))
            out.append(Finding("DCL902", f"suppression of {idle} silences nothing here", span))
    return out


def _codes(raw: str | None) -> frozenset[str] | None:
    if not raw:
        return None
    return frozenset(code.strip().upper() for code in raw.split(",") if code.strip())


def _next_content_line(lines: list[str], index: int) -> int | None:
    for offset in range(index + 1, len(lines)):
        stripped = lines[offset].strip()
        if stripped and not stripped.startswith("#"):
            return offset
    return None


def _block_end(card: Card, line: int) -> int:
    """Last line of the node whose key (or list item) starts on `line`."""
    end = line
    for path, span in card.key_spans.items():
        if span.line == line:
            value = card.spans.get(path)
            if value is not None:
                end = max(end, value.end_line - (1 if value.end_col == 1 else 0))
    for path, span in card.spans.items():
        if span.line == line and path and isinstance(path[-1], int):
            end = max(end, span.end_line - (1 if span.end_col == 1 else 0))
    return end
