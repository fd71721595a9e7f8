"""Bound the findings one rule may report on one card, with a summary of the rest.

A generated or corrupted card can hold thousands of values of one wrong shape, and each
becomes a finding. Past a point more of the same helps nobody: the reader needs the first
few, with their positions, and a count. Capping also keeps what runs on the findings
afterwards (scoring, reporters) in proportion to the card rather than to its errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from datacard_lint import codes
from datacard_lint.diagnostics import Diagnostic, Span

#: The code of the summary finding that stands for the findings left out.
CAPPED_CODE = codes.TOO_MANY_FINDINGS


def cap_per_code(
    diagnostics: Sequence[Diagnostic],
    limit: int,
    summarize: Callable[[str, int, Span], Diagnostic | None],
) -> list[Diagnostic]:
    """The first `limit` diagnostics of each code (in the given order), plus one summary each.

    `summarize(code, left_out, first_left_out_span)` builds the summary, or returns None
    when the summary itself is not selected. A code's summary follows its last kept finding.
    """
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
    if all(count <= limit for count in counts.values()):
        return list(diagnostics)
    kept: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for diagnostic in diagnostics:
        code = diagnostic.code
        index = seen[code] = seen.get(code, 0) + 1
        if index <= limit:
            kept.append(diagnostic)
        elif index == limit + 1:
            summary = summarize(code, counts[code] - limit, diagnostic.span)
            if summary is not None:
                kept.append(summary)
    return kept
