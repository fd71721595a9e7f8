"""Resource limits for loading untrusted cards; each one can be raised from configuration."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    #: Largest file read at all. The biggest real Hub cards are about 1 MB.
    max_file_bytes: int = 16 * 1024 * 1024
    #: Deepest nesting of YAML collections. Real cards stay under 15. Honoured up to
    #: `yamltree.HARD_MAX_DEPTH` (1,000): libyaml's composer recurses in C per level.
    max_depth: int = 100
    #: Largest number of values after expanding aliases ("billion laughs" guard). The
    #: largest real cards hold about 25,000; parsing costs roughly 20 µs and 0.3 KB of
    #: memory per value, so a card at this limit takes seconds, not minutes.
    max_nodes: int = 250_000
    #: Findings of one rule reported on one card; the rest are counted in one DCL016
    #: summary. Real cards have at most a few dozen of any code.
    max_findings_per_rule: int = 100
