"""Fixers by rule code; the rules table, `--statistics` and the docs ask here what is fixable.

Kept apart from the rule registry so that rules stay pure checks and a fixer can be added
for a rule without editing it.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from datacard_lint.fixes.model import Applicability, Fix, Path_

if TYPE_CHECKING:
    from datacard_lint.fixes.document import Document

#: A fixer gets the card's editable document and the path the finding points at.
FixFn = Callable[["Document", Path_], "Fix | None"]

#: Modules holding fixers, imported explicitly (like the rule modules).
FIXER_MODULES = ("hub", "origin")


@dataclass(frozen=True, slots=True)
class Fixer:
    code: str
    #: The best applicability this fixer offers; some of its fixes may be unsafe.
    applicability: Applicability
    #: Whether some findings of the rule have no fix (the fix needs facts the card lacks).
    sometimes: bool
    fn: FixFn


_FIXERS: dict[str, Fixer] = {}


def fixer(code: str, applicability: Applicability, *, sometimes: bool = False) -> Callable[[FixFn], FixFn]:
    """Register the decorated function as the fixer of rule `code`."""

    def register(fn: FixFn) -> FixFn:
        if code in _FIXERS:
            raise RuntimeError(f"two fixers for {code}")
        _FIXERS[code] = Fixer(code, applicability, sometimes, fn)
        return fn

    return register


@functools.cache
def _load() -> dict[str, Fixer]:
    for module in FIXER_MODULES:
        importlib.import_module(f"datacard_lint.fixes.{module}")
    return dict(_FIXERS)


def get(code: str) -> Fixer | None:
    return _load().get(code)


def fixable_codes() -> frozenset[str]:
    return frozenset(_load())


def applicability_of(code: str) -> Applicability | None:
    """`safe` or `unsafe` for a rule with a fixer, `None` for one without."""
    found = get(code)
    return found.applicability if found else None


def label(code: str) -> str:
    """How the rules table shows a rule's fix: `safe`, `unsafe`, with `*` when only some findings
    have one; empty for a rule without a fixer."""
    found = get(code)
    if found is None:
        return ""
    return f"{found.applicability.value}{'*' if found.sometimes else ''}"


def describe(code: str) -> str:
    """One sentence for a rule's page and `datacard-lint rule CODE`."""
    found = get(code)
    if found is None:
        return "No automatic fix."
    if found.applicability is Applicability.SAFE:
        text = "`datacard-lint check --fix` fixes it"
    else:
        text = "`datacard-lint check --fix --unsafe-fixes` fixes it (review the change)"
    if found.sometimes:
        text += " where the card holds what the fix needs; some fixes of this rule may be unsafe guesses"
    doc = (found.fn.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return f"{text}. {doc}" if doc else f"{text}."
