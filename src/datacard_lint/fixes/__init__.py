"""Automatic fixes for findings, in the style of ruff's `--fix`.

Each fixer is keyed by a rule code and proposes text edits for one finding. A fix is
*safe* when it cannot change what the author meant (quoting `no` in `language`, the
replacement the Hub itself names for a retired task category) and *unsafe* when it is a
best guess a person should review (a share recomputed from sizes, one of several close
spellings). Fixes edit the card as text, so every byte outside the edited spans is kept,
and each fix states the metadata it must produce, which is checked by parsing the result.
"""

from datacard_lint.fixes.model import Applicability, Edit, Fix
from datacard_lint.fixes.registry import applicability_of, fixable_codes

__all__ = ["Applicability", "Edit", "Fix", "applicability_of", "fixable_codes"]
