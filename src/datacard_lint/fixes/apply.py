"""Applying fixes to a card: pick the allowed ones, edit the text, prove the effect, repeat.

Each pass applies every allowed fix whose edits do not overlap an earlier one's, then parses
the result: the metadata must be exactly what the fixes' transforms predict and the loader
must find nothing new. A pass that fails that proof is retried one fix at a time, keeping
only the fixes that pass alone. Passes repeat (a fix can reveal another finding) until
nothing changes, so a second `--fix` run has nothing left to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datacard_lint.diagnostics import Diagnostic
from datacard_lint.fixes import registry
from datacard_lint.fixes.document import open_document
from datacard_lint.fixes.model import Applicability, Fix

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult, Engine

_BOM = "\ufeff".encode()
MAX_PASSES = 10


@dataclass(slots=True)
class FixOutcome:
    """What fixing one card did; `result` lints the final text."""

    original: bytes
    fixed: bytes
    result: CardResult
    applied: list[Fix] = field(default_factory=list)
    #: Fixes left because they need `--unsafe-fixes`.
    unsafe_left: int = 0

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fixes_for(result: CardResult) -> list[Fix]:
    """Every fix offered for the result's findings (safe and unsafe), in text order."""
    card = result.card
    if card is None:
        return []
    wanted = [d for d in result.diagnostics if registry.get(d.code) is not None]
    if not wanted:
        return []
    doc = open_document(card)
    if doc is None:
        return []
    found: dict[tuple[str, int, int], Fix] = {}
    for diagnostic in wanted:
        located = doc.path_of(diagnostic.span)
        fixer = registry.get(diagnostic.code)
        if located is None or fixer is None:
            continue
        fix = fixer.fn(doc, located[0])
        if fix is not None and fix.edits:
            found.setdefault((fix.code, fix.edits[0].start, fix.edits[0].end), fix)
    return sorted(found.values(), key=lambda f: f.edits[0])


def apply_edits(text: str, fixes: Sequence[Fix]) -> str:
    """The text with every fix's edits made (the fixes must not overlap)."""
    edits = sorted(edit for fix in fixes for edit in fix.edits)
    out: list[str] = []
    position = 0
    for edit in edits:
        out.append(text[position:edit.start])
        out.append(edit.text)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def fix_text(engine: Engine, result: CardResult, *, unsafe: bool) -> tuple[str, CardResult, list[Fix], int]:
    """Fix the result's card text until nothing more applies: (text, final result, fixes, unsafe left)."""
    card = result.card
    assert card is not None and card.text is not None
    text = card.text
    applied: list[Fix] = []
    unsafe_left = 0
    for _ in range(MAX_PASSES):
        offered = fixes_for(result)
        allowed = [f for f in offered if unsafe or f.applicability is Applicability.SAFE]
        unsafe_left = len(offered) - len(allowed)
        chosen = _without_overlaps(allowed)
        if not chosen:
            break
        step = _try(engine, result, text, chosen)
        if step is None:
            kept = [fix for fix in chosen if _try(engine, result, text, [fix]) is not None]
            step = _try(engine, result, text, kept) if kept else None
            if step is None:
                break
            chosen = kept
        text, result = step
        applied.extend(chosen)
    return text, result, applied, unsafe_left


def fix_file(engine: Engine, path: Path, display: str, *, unsafe: bool) -> FixOutcome:
    """Lint the file and compute its fixed bytes (nothing is written here)."""
    result = engine.check_path(path, display)
    try:
        original = path.read_bytes()
    except OSError:
        return FixOutcome(b"", b"", result)
    card = result.card
    bom = _BOM if original.startswith(_BOM) else b""
    if card is None or card.text is None or (bom + card.text.encode("utf-8")) != original:
        return FixOutcome(original, original, result)
    text, final, applied, unsafe_left = fix_text(engine, result, unsafe=unsafe)
    fixed = bom + text.encode("utf-8") if applied else original
    return FixOutcome(original, fixed, final, applied, unsafe_left)


def _without_overlaps(fixes: Iterable[Fix]) -> list[Fix]:
    chosen: list[Fix] = []
    for fix in fixes:
        if not any(fix.overlaps(other) for other in chosen):
            chosen.append(fix)
    return chosen


def _try(engine: Engine, result: CardResult, text: str, fixes: Sequence[Fix]) -> tuple[str, CardResult] | None:
    """The new text and its lint result if the fixes have exactly their predicted effect."""
    card = result.card
    assert card is not None
    new_text = apply_edits(text, fixes)
    new = engine.check_text(new_text, card.path, card.kind, result.settings)
    if new.card is None or new.card.metadata is None:
        return None
    expected: Any = card.metadata
    for fix in fixes:
        try:
            expected = fix.transform(expected)
        except (KeyError, IndexError, TypeError):
            return None
    if repr(new.card.metadata) != repr(expected):
        return None
    if _loader_codes(new.card.findings) - _loader_codes(card.findings):
        return None
    return new_text, new


def _loader_codes(findings: Iterable[Any]) -> set[str]:
    return {f.code for f in findings}


def fixable(diagnostic: Diagnostic) -> bool:
    """Whether the diagnostic's rule has a fixer at all (the finding itself may have no fix)."""
    return registry.get(diagnostic.code) is not None
