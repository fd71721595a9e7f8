"""What a rule sees: the card, its governance block in convenient views, and thresholds."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.loading.card import Card
from datacard_lint.requirements import SYNTHETIC_CLASSES

Path_ = tuple[Hashable, ...]
G: Path_ = (GOVERNANCE_KEY,)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Numbers rules compare against; each is a configuration key (kebab-case)."""

    #: Below this share of fresh grounded data, a generation ≥ 1 risks model collapse.
    grounded_share_floor: float = 0.2
    #: How far part shares may sum from 1 (rounding in published tables).
    share_tolerance: float = 0.01
    #: Web text collected after this date may contain generated text.
    genai_cutoff: _dt.date = _dt.date(2022, 12, 31)


@dataclass(frozen=True, slots=True)
class Part:
    """One entry of `governance.parts` that is a mapping, with its index and path."""

    index: int
    data: Mapping[str, Any]

    @property
    def path(self) -> Path_:
        return (*G, "parts", self.index)

    @property
    def id(self) -> str:
        return str(self.data.get("id", f"#{self.index}"))

    @property
    def origin(self) -> Mapping[str, Any]:
        value = self.data.get("origin")
        return value if isinstance(value, Mapping) else {}

    @property
    def origin_class(self) -> str | None:
        value = self.origin.get("class")
        return value if isinstance(value, str) else None

    @property
    def synthetic(self) -> bool:
        return self.origin_class in SYNTHETIC_CLASSES

    def section(self, name: str) -> Mapping[str, Any] | None:
        value = self.data.get(name)
        return value if isinstance(value, Mapping) else None


@dataclass(slots=True)
class RuleContext:
    card: Card
    thresholds: Thresholds = field(default_factory=Thresholds)
    as_of: _dt.date = field(default_factory=_dt.date.today)

    @property
    def meta(self) -> Mapping[Any, Any]:
        return self.card.metadata or {}

    @property
    def governance(self) -> Mapping[str, Any]:
        value = self.meta.get(GOVERNANCE_KEY)
        return value if isinstance(value, Mapping) else {}

    @property
    def has_governance(self) -> bool:
        return isinstance(self.meta.get(GOVERNANCE_KEY), Mapping)

    def section(self, name: str) -> Mapping[str, Any] | None:
        value = self.governance.get(name)
        return value if isinstance(value, Mapping) else None

    def items(self, name: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
        """Mapping entries of a top-level list such as `tail_evaluations`."""
        value = self.governance.get(name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    yield index, item

    def parts(self) -> list[Part]:
        return [Part(i, item) for i, item in self.items("parts")]

    def synthetic_parts(self) -> list[Part]:
        return [p for p in self.parts() if p.synthetic]

    def not_applicable(self, requirement: str) -> bool:
        """Declared not applicable (whether or not a reason was given)."""
        value = self.governance.get("not_applicable")
        return isinstance(value, Mapping) and requirement in value

    def hub_list(self, key: str) -> list[Any]:
        """A Hub key that may be a single value or a list, as a list."""
        value = self.meta.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]
