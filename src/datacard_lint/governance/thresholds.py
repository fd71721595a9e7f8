"""Numbers rules and scores compare against; each is a configuration key (kebab-case)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Numbers rules compare against; each is a configuration key (kebab-case)."""

    #: Below this share of fresh grounded data, a generation ≥ 1 risks model collapse.
    grounded_share_floor: float = 0.2
    #: How far part shares may sum from 1 (rounding in published tables).
    share_tolerance: float = 0.01
    #: Web text collected after this date may contain generated text.
    genai_cutoff: _dt.date = _dt.date(2022, 12, 31)
