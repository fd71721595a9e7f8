"""Scoring profiles are data (JSON shipped beside the schema), not code."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datacard_lint.requirements import REQUIREMENTS
from datacard_lint.resources import schema_dir

LEVELS = ("absent", "declared", "specified", "evidenced")


class ProfileError(Exception):
    """An unknown profile name or an invalid profile file."""


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    version: str
    description: str
    points: tuple[float, float, float, float]  # by level index
    weights: dict[str, float]
    error_cap: int  # level index
    good: float
    fair: float

    def points_for(self, level: int) -> float:
        return self.points[level]


def profile_names() -> list[str]:
    return sorted(p.stem for p in (schema_dir() / "profiles").glob("*.json") if p.stem != "profile.schema")


@functools.cache
def load_profile(name_or_path: str) -> Profile:
    """A bundled profile by name, or a JSON file by path; validated against profile.schema.json."""
    bundled = schema_dir() / "profiles" / f"{name_or_path}.json"
    path = bundled if bundled.is_file() else Path(name_or_path)
    if not path.is_file():
        raise ProfileError(f"unknown scoring profile {name_or_path!r} (bundled: {', '.join(profile_names())})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProfileError(f"cannot read scoring profile {path}: {exc}") from None
    _validate(data, path)
    return _from_data(data)


def _validate(data: Any, path: Path) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    schema = json.loads((schema_dir() / "profiles" / "profile.schema.json").read_text(encoding="utf-8"))
    error = best_match(Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise ProfileError(f"invalid scoring profile {path}: {where}: {error.message}")
    points = [data["levels"][level] for level in LEVELS]
    if points != sorted(points):
        raise ProfileError(f"invalid scoring profile {path}: level points must not decrease")


def _from_data(data: dict[str, Any]) -> Profile:
    return Profile(
        name=data["name"],
        version=data["version"],
        description=data["description"],
        points=tuple(float(data["levels"][level]) for level in LEVELS),  # type: ignore[arg-type]
        weights={req: float(data["weights"][req]) for req in REQUIREMENTS},
        error_cap=LEVELS.index(data["error_cap"]),
        good=float(data["bands"]["good"]),
        fair=float(data["bands"]["fair"]),
    )
