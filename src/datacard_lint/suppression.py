"""Inline suppressions written as YAML comments in the front matter.

`# datacard-lint: disable=DCL101,refresh-overdue -- reason` at the end of a line silences
those rules (by code or by name) on that line; on a line of its own it silences them for the
whole block that starts on the next line (a key and everything nested under it).
`disable-file=` covers the whole card. Without `=RULES` every rule is silenced. Text after
` -- ` is the reason, for the people who read the card. A suppression that silences nothing,
or names a rule that does not exist, is reported (DCL902) quoting the rule as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datacard_lint import codes
from datacard_lint.diagnostics import Finding, Span
from datacard_lint.loading.card import Card
from datacard_lint.loading.lines import split_lines

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*datacard-lint:\s*(disable-file|disable)\b")
#: After the directive: `=RULES` (up to a reason or another comment), then ` -- reason`.
_REST = re.compile(r"(?:\s*=\s*(?P<rules>(?:(?!\s--(?:\s|$))[^#])*))?(?:\s*--(?:\s+(?P<reason>[^#]*))?)?")


@dataclass(slots=True)
class Suppression:
    line: int  # where the comment is
    col: int
    first: int  # first covered line
    last: int  # last covered line (inclusive); 0 = whole file
    codes: frozenset[str] | None  # None = every code
    used: set[str] = field(default_factory=set)
    #: Each rule as written (`DCL403`, `refresh-overdue`) with the code it names (None: no such rule).
    written: tuple[tuple[str, str | None], ...] = ()
    reason: str | None = None

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
        written, reason = parse_directive(line[match.end():])
        codes = None if written is None else frozenset(code or name for name, code in written)
        extra = {"written": written or (), "reason": reason}
        col = match.start() + (1 if match.start() == 0 else 2)
        if match.group(1) == "disable-file":
            found.append(Suppression(file_line, col, 1, 0, codes, **extra))  # type: ignore[arg-type]
        elif line[: match.start()].strip():
            found.append(Suppression(file_line, col, file_line, file_line, codes, **extra))  # type: ignore[arg-type]
        else:
            first = _next_content_line(lines, index)
            if first is None:
                continue
            start = card.yaml_line + first
            found.append(Suppression(file_line, col, start, _block_end(card, start), codes,
                                     **extra))  # type: ignore[arg-type]
    return found


def parse_directive(rest: str) -> tuple[tuple[tuple[str, str | None], ...] | None, str | None]:
    """The rules (as written, with the code each names) and the reason after `disable`.

    Rules are `None` for a bare `disable` (every rule). Shared with in-card waivers, which
    name rules the same way.
    """
    match = _REST.match(rest)
    assert match is not None  # every part of the pattern is optional
    raw = match.group("rules")
    reason = (match.group("reason") or "").strip() or None
    if raw is None or not raw.strip():
        return None, reason
    names = [item.strip() for item in raw.split(",") if item.strip()]
    return tuple((name, resolve(name)) for name in names), reason


def resolve(written: str) -> str | None:
    """The code a rule reference names (a code in any case, a name, a redirected code), or None."""
    from datacard_lint.rules import registry

    try:
        return registry.get(written).code
    except KeyError:
        return None


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
    """DCL902 for each suppression naming unknown rules or silencing nothing, quoting it as written."""
    out: list[Finding] = []
    for item in suppressions:
        span = Span(item.line, item.col, item.line, item.col + 1)
        unknown = [name for name, code in item.written if code is None or code not in known_codes]
        if unknown:
            out.append(Finding(codes.UNUSED_SUPPRESSION, f"suppression names unknown rule(s): {_quoted(unknown)}", span,
                               "name rules by code (`DCL403`) or name (`refresh-overdue`); "
                               "`datacard-lint rules` lists them"))
        elif item.codes is None and not item.used:
            out.append(Finding(codes.UNUSED_SUPPRESSION, "suppression silences nothing", span))
        elif item.codes is not None and item.codes - item.used:
            idle = [name for name, code in item.written if code not in item.used]
            out.append(Finding(codes.UNUSED_SUPPRESSION, f"suppression of {_quoted(idle)} silences nothing here", span))
    return out


def _quoted(names: list[str]) -> str:
    seen = list(dict.fromkeys(names))
    return ", ".join(f"`{name}`" for name in seen)


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
