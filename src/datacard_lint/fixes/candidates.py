"""Which vocabulary value a misspelt one was meant to be, and how sure that is.

The rules' "did you mean" hints use difflib, which happily suggests a distant word
(`keyphrase-extraction` -> `pose-estimation` on real cards). A fix must be surer than a
hint, so it measures edits instead: the same value up to case and separators, or a single
vocabulary value one typo away, is safe; one of several values within two typos is an
unsafe guess; anything further is not fixed at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datacard_lint.fixes.model import Applicability

_SEPARATORS = re.compile(r"[\s\-_.]+")


def normalise(value: str) -> str:
    return _SEPARATORS.sub("", value.casefold())


def distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning `limit`) once it reaches `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def best_match(value: str, choices: Iterable[str], *, typos: bool = True) -> tuple[str, Applicability] | None:
    """The intended choice for `value` and how safe replacing it is, or None.

    `typos=False` accepts only differences of case and separators: for size buckets a
    one-letter change is a different magnitude (`n>1M` is not `n>1T`).
    """
    key = normalise(value)
    if not key:
        return None
    options = sorted(set(choices))
    same = [c for c in options if normalise(c) == key]
    if len(same) == 1:
        return same[0], Applicability.SAFE
    if same or not typos or len(key) < 5:
        return None
    near = sorted((distance(key, normalise(c)), c) for c in options)
    near = [(d, c) for d, c in near if d <= 2]
    if not near:
        return None
    if near[0][0] == 1 and len(near) == 1:
        return near[0][1], Applicability.SAFE
    if len(near) == 1 or near[0][0] < near[1][0]:
        return near[0][1], Applicability.UNSAFE
    return None  # two equally close values: no honest guess
