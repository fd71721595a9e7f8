"""What a rule sees: the card, its governance block through the governance model, and thresholds."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from datacard_lint.governance.readers import texts
from datacard_lint.governance.thresholds import Thresholds
from datacard_lint.governance.view import G, GovernanceView, PartView
from datacard_lint.loading.card import Card

Path_ = tuple[Hashable, ...]
#: Rules name a part by this alias of the model's part view.
Part = PartView

__all__ = ["G", "Part", "Path_", "RuleContext", "Thresholds"]


@dataclass(slots=True)
class RuleContext:
    card: Card
    thresholds: Thresholds = field(default_factory=Thresholds)
    as_of: _dt.date = field(default_factory=_dt.date.today)
    _view: GovernanceView | None = None

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
