"""Find and read `[tool.datacard-lint]` in pyproject.toml or `.datacard-lint.toml`.

Discovery walks up from the checked file; the nearest file that configures datacard-lint
wins. Every key is validated: a misspelt key or an unknown rule code is a `ConfigError`
naming the key, because a silently ignored setting is worse than a loud one.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from datacard_lint.config.selection import is_selector_known
from datacard_lint.config.settings import Settings
from datacard_lint.diagnostics import Severity
from datacard_lint.governance.thresholds import Thresholds
from datacard_lint.loading.limits import Limits
from datacard_lint.rules import registry

CONFIG_NAMES = (".datacard-lint.toml", "pyproject.toml")

_TOP_KEYS = {
    "select", "ignore", "extend-select", "per-file-ignores", "severity", "profile",
    "min-score", "exclude", "thresholds", "limits", "as-of",
}
_THRESHOLD_KEYS = {"grounded-share-floor": "grounded_share_floor", "share-tolerance": "share_tolerance",
                   "genai-cutoff": "genai_cutoff"}
_LIMIT_KEYS = {"max-file-bytes": "max_file_bytes", "max-depth": "max_depth", "max-nodes": "max_nodes",
               "max-findings-per-rule": "max_findings_per_rule"}


class ConfigError(Exception):
    """A configuration problem; the CLI prints it and exits with status 2."""


def find_config(start: Path) -> Path | None:
    """The nearest config file above `start` (a file or directory) that configures us."""
    directory = start if start.is_dir() else start.parent
    return _find_in(directory.resolve())


@functools.lru_cache(maxsize=1024)
def _find_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and _section(candidate) is not None:
            return candidate
    if directory.parent == directory:
        return None
    return _find_in(directory.parent)


def _section(path: Path) -> Mapping[str, Any] | None:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("datacard-lint") if isinstance(tool, dict) else None
        return section if isinstance(section, dict) else None
    return data


@functools.lru_cache(maxsize=256)
def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a config file exists: most one-card runs have none

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


@functools.lru_cache(maxsize=256)
def load_settings(path: Path | None) -> Settings:
    """Settings from one config file (or defaults when `path` is None)."""
    if path is None:
        return Settings()
    section = _section(path)
    if section is None:
        if path.name == "pyproject.toml":
            return Settings(source=path, root=path.parent)
        section = {}
    return settings_from_mapping(section, where=str(path), source=path)


def settings_from_mapping(section: Mapping[str, Any], *, where: str, source: Path | None) -> Settings:
    _reject_unknown(section, _TOP_KEYS, where)
    root = source.parent if source else Path.cwd()
    values: dict[str, Any] = {"source": source, "root": root}
    for key in ("select", "ignore", "extend-select"):
        if key in section:
            values[key.replace("-", "_")] = _selectors(section[key], f"{where}: {key}")
    if "per-file-ignores" in section:
        table = _mapping(section["per-file-ignores"], f"{where}: per-file-ignores")
        values["per_file_ignores"] = tuple(
            (str(glob), _selectors(codes, f"{where}: per-file-ignores.{glob}")) for glob, codes in table.items()
        )
    if "severity" in section:
        values["severity"] = _severities(section["severity"], f"{where}: severity")
    if "profile" in section:
        values["profile"] = _string(section["profile"], f"{where}: profile")
    if "min-score" in section:
        values["min_score"] = _number(section["min-score"], f"{where}: min-score", 0, 100)
    if "exclude" in section:
        values["exclude"] = tuple(_strings(section["exclude"], f"{where}: exclude"))
    if "as-of" in section:
        values["as_of"] = _date(section["as-of"], f"{where}: as-of")
    if "thresholds" in section:
        values["thresholds"] = _thresholds(section["thresholds"], f"{where}: thresholds")
    if "limits" in section:
        values["limits"] = _limits(section["limits"], f"{where}: limits")
    return Settings(**values)


def override(settings: Settings, **changes: Any) -> Settings:
    """Apply CLI options over file settings; `None` means "not given on the command line"."""
    given = {k: v for k, v in changes.items() if v is not None}
    return dataclasses.replace(settings, **given) if given else settings


def _reject_unknown(section: Mapping[str, Any], allowed: set[str], where: str) -> None:
    for key in section:
        if key not in allowed:
            import difflib

            hint = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            suggestion = f"; did you mean `{hint[0]}`?" if hint else ""
            raise ConfigError(f"{where}: unknown key `{key}`{suggestion}")


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    items = tuple(_strings(value, where))
    for item in items:
        if not is_selector_known(item):
            raise ConfigError(f"{where}: unknown rule code or name `{item}`")
    return items


def _severities(value: Any, where: str) -> tuple[tuple[str, Severity], ...]:
    table = _mapping(value, where)
    out = []
    for key, level in table.items():
        try:
            code = registry.get(str(key)).code
        except KeyError:
            raise ConfigError(f"{where}: unknown rule code or name `{key}`") from None
        try:
            out.append((code, Severity(str(level))))
        except ValueError:
            raise ConfigError(f"{where}.{key}: severity must be error, warning or info, not {level!r}") from None
    return tuple(out)


def _thresholds(value: Any, where: str) -> Thresholds:
    table = _mapping(value, where)
    _reject_unknown(table, set(_THRESHOLD_KEYS), where)
    kwargs: dict[str, Any] = {}
    for key, attr in _THRESHOLD_KEYS.items():
        if key in table:
            if attr == "genai_cutoff":
                kwargs[attr] = _date(table[key], f"{where}.{key}")
            else:
                kwargs[attr] = _number(table[key], f"{where}.{key}", 0, 1)
    return Thresholds(**kwargs)


def _limits(value: Any, where: str) -> Limits:
    table = _mapping(value, where)
    _reject_unknown(table, set(_LIMIT_KEYS), where)
    kwargs = {attr: int(_number(table[key], f"{where}.{key}", 1, 2**40)) for key, attr in _LIMIT_KEYS.items()
              if key in table}
    return Limits(**kwargs)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string")
    return value


def _number(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(f"{where}: expected a number from {low} to {high}, got {value!r}")
    return float(value)


def _date(value: Any, where: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expected a date like 2026-01-31, got {value!r}") from None
