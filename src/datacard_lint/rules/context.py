"""What a rule sees: the card, its governance block through the governance model, thresholds,
the run's limits and a cache that lives for the run.

Rules keep no state of their own (no module-level memo): what they compute once per card
goes in `memo`, what they share across the cards of one run (parsed parent cards) in
`cache`, which the engine owns and bounds.
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from datacard_lint.governance.readers import texts
from datacard_lint.governance.thresholds import Thresholds
from datacard_lint.governance.view import G, GovernanceView, PartView
from datacard_lint.loading.card import Card
from datacard_lint.loading.limits import Limits

Path_ = tuple[Hashable, ...]
#: Rules name a part by this alias of the model's part view.
Part = PartView

__all__ = ["G", "Limits", "Part", "Path_", "RuleContext", "RunCache", "Thresholds"]

T = TypeVar("T")


class RunCache:
    """Values rules share across the cards of one run, by key, at most `max_entries` of them.

    The engine makes one per run; a value is built by its factory on first use and the
    least recently used is dropped first, so the cache cannot grow with the number of cards.
    """

    def __init__(self, max_entries: int = 64) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, object] = OrderedDict()

    def get(self, key: Hashable, factory: Callable[[], T]) -> T:
        values = self._values
        if key in values:
            values.move_to_end(key)
            return cast(T, values[key])
        value = values[key] = factory()
        while len(values) > self.max_entries:
            values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)


@dataclass(slots=True)
class RuleContext:
    card: Card
    thresholds: Thresholds = field(default_factory=Thresholds)
    as_of: _dt.date = field(default_factory=_dt.date.today)
    #: The run's limits: what a rule loads itself (parent cards) is read under them.
    limits: Limits = field(default_factory=Limits)
    #: Shared across the cards of the run; a context made on its own gets a fresh one.
    cache: RunCache = field(default_factory=RunCache)
    _view: GovernanceView | None = None
    _memo: dict[Hashable, object] = field(default_factory=dict)

    def memo(self, key: Hashable, factory: Callable[[], T]) -> T:
        """A value computed once for this card, shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = factory()
        return cast(T, self._memo[key])

    @property
    def meta(self) -> Mapping[Any, Any]:
        return self.card.metadata or {}

    @property
    def view(self) -> GovernanceView:
        """The governance block, read through the one model of it."""
        if self._view is None:
            self._view = GovernanceView.of(self.card.metadata)
        return self._view

    @property
    def governance(self) -> Mapping[str, Any]:
        return self.view.data

    @property
    def has_governance(self) -> bool:
        return self.view.present

    def section(self, name: str) -> Mapping[str, Any] | None:
        return self.view.section(name)

    def items(self, name: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
        """Mapping entries of a top-level list such as `tail_evaluations`."""
        yield from self.view.items(name)

    def parts(self) -> list[Part]:
        return self.view.parts

    def synthetic_parts(self) -> list[Part]:
        return self.view.synthetic_parts

    def not_applicable(self, requirement: str) -> bool:
        """Declared not applicable (whether or not a reason was given)."""
        return self.view.is_not_applicable(requirement)

    def hub_list(self, key: str) -> list[Any]:
        """A Hub key that may be a single value or a list, as a list."""
        value = self.meta.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def hub_texts(self, key: str) -> list[str]:
        """The strings of a Hub key that may be a single value or a list."""
        return texts(self.meta.get(key))
