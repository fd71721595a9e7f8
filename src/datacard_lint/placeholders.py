"""One finding per TODO placeholder.

A draft from `datacard-lint init` holds `value: TODO` where a number belongs. Besides the
placeholder finding (DCL906), the schema says the value has the wrong type and rules about
that value speak up too: four lines for one thing to fill in. Until the placeholder is
replaced those findings say nothing new, so they are folded into the placeholder's.
"""

from __future__ import annotations

from datacard_lint import codes
from datacard_lint.diagnostics import Diagnostic

PLACEHOLDER_CODE = codes.TODO_MARKER


def fold_placeholders(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop findings located exactly on a reported TODO placeholder (other than its own)."""
    spans = {d.span for d in diagnostics if d.code == PLACEHOLDER_CODE}
    if not spans:
        return diagnostics
    return [d for d in diagnostics if d.code == PLACEHOLDER_CODE or d.span not in spans]
