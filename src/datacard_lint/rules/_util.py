"""Helpers shared by rule modules: where to anchor a part's finding and how to name it.

The typed readers live in the governance model (`datacard_lint.governance.readers`); they
are re-exported here for the rule modules that import them from this module.
"""

from __future__ import annotations

from collections.abc import Hashable

from datacard_lint.governance.readers import as_date as as_date
from datacard_lint.governance.readers import as_int as as_int
from datacard_lint.governance.readers import as_mapping as as_mapping
from datacard_lint.governance.readers import as_number as as_number
from datacard_lint.governance.readers import cadence_days as cadence_days
from datacard_lint.governance.readers import entries as entries
from datacard_lint.governance.readers import has_text as has_text
from datacard_lint.rules.context import Part

Path_ = tuple[Hashable, ...]


def part_anchor(part: Part) -> Path_:
    """Where to report something missing from a whole part: its `id`, else the part itself."""
    return (*part.path, "id") if "id" in part.data else part.path


def label(part: Part) -> str:
    """The part as named in messages."""
    return f"part `{part.id}`"
