"""Score records: what a card earned per requirement and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from datacard_lint.scoring.profile import LEVELS


@dataclass(frozen=True, slots=True)
class RequirementScore:
    requirement: str
    level: int  # index into LEVELS, after the error cap
    score: float
    applicable: bool
    next_step: str | None
    errors: int = 0
    capped: bool = False
    reason: str | None = None  # the not-applicable reason, when excluded

    @property
    def level_name(self) -> str:
        return LEVELS[self.level] if self.applicable else "not_applicable"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level_name,
            "score": round(self.score, 1),
            "applicable": self.applicable,
            "errors": self.errors,
            "capped": self.capped,
            "next_step": self.next_step,
            "not_applicable_reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class CardScore:
    profile: str
    profile_version: str
    overall: float
    requirements: dict[str, RequirementScore] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "profile_version": self.profile_version,
            "overall": round(self.overall, 1),
            "requirements": {name: req.to_dict() for name, req in self.requirements.items()},
        }
