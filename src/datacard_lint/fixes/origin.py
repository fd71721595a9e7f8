"""Fixers for the origin rules."""

from __future__ import annotations

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.fixes.document import Document
from datacard_lint.fixes.edits import replace_value
from datacard_lint.fixes.model import Applicability, Fix, Path_
from datacard_lint.fixes.registry import fixer
from datacard_lint.governance.view import GovernanceView
from datacard_lint.rules import registry
from datacard_lint.rules.origin import BASES

#: The rules these fixers fix, by name; their codes come from the rule registry.
SHARE_SIZE_MISMATCH = registry.get("share-size-mismatch").code

_GOVERNANCE, _PARTS = GOVERNANCE_KEY, "parts"


@fixer(SHARE_SIZE_MISMATCH, Applicability.UNSAFE)
def share_from_size(doc: Document, path: Path_) -> Fix | None:
    """Set the share to the part's size over the total size, in the part's `share_basis`.

    Unsafe: when share and size disagree either may be the stale one; the fix trusts the size.
    """
    if len(path) != 4 or path[:2] != (_GOVERNANCE, _PARTS) or path[3] != "share" or not isinstance(path[2], int):
        return None
    view = GovernanceView.of(doc.metadata)
    if not view.parts_all_mappings or path[2] >= len(view.parts):
        return None
    parts = view.parts
    part = parts[path[2]]
    basis = part.basis
    if basis not in BASES:
        return None
    sizes = [p.size_in(basis) for p in parts]
    if any(s is None or s < 0 for s in sizes):
        return None
    total = sum(s for s in sizes if s is not None)
    size = sizes[path[2]]
    if total <= 0 or size is None:
        return None
    share = round(size / total, 3)
    if part.share.value == share:
        return None
    return replace_value(doc, SHARE_SIZE_MISMATCH, path, share, Applicability.UNSAFE,
                         f"set `share: {share:g}` from `size.{basis}`")
