"""The resolved settings for one card, after the config file and the CLI have been merged."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.thresholds import Thresholds
from datacard_lint.loading.limits import Limits


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    profile: str = "default"
    min_score: float | None = None
    exclude: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    limits: Limits = field(default_factory=Limits)
    as_of: _dt.date | None = None
    #: The config file these settings came from, and the directory globs are relative to.
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def to_dict(self) -> dict[str, object]:
        """Plain data for `--show-settings`, in configuration-key spelling."""
        return {
            "config-file": str(self.source) if self.source else None,
            "root": str(self.root),
            "select": list(self.select),
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "per-file-ignores": {glob: list(codes) for glob, codes in self.per_file_ignores},
            "severity": {code: sev.value for code, sev in self.severity},
            "profile": self.profile,
            "min-score": self.min_score,
            "exclude": list(self.exclude),
            "as-of": (self.as_of or _dt.date.today()).isoformat(),
            "thresholds": {
                "grounded-share-floor": self.thresholds.grounded_share_floor,
                "share-tolerance": self.thresholds.share_tolerance,
                "genai-cutoff": self.thresholds.genai_cutoff.isoformat(),
            },
            "limits": {
                "max-file-bytes": self.limits.max_file_bytes,
                "max-depth": self.limits.max_depth,
                "max-nodes": self.limits.max_nodes,
            },
        }
