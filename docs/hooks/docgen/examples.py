"""Checks on the examples in hand-written pages, so the prose cannot drift from the code.

- every YAML block that starts with `governance:` must satisfy the newest governance schema;
- every TOML block must be accepted by the configuration loader;
- every rule code mentioned must exist in the registry.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

from .schemas import SchemaSet

FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[a-z]+)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.MULTILINE | re.DOTALL
)
RULE_CODE = re.compile(r"\bDCL\d{3}\b")


class ExampleChecker:
    def __init__(self, schemas: SchemaSet) -> None:
        from referencing import Registry, Resource

        schema = schemas.governance()
        registry = Registry().with_resources((s.id, Resource.from_contents(s.data)) for s in schemas.files)
        cls = jsonschema.validators.validator_for(schema.data)
        self.validator = cls(schema.data, registry=registry, format_checker=cls.FORMAT_CHECKER)

    def check(self, markdown: str, src_uri: str) -> None:
        from datacard_lint.rules.registry import codes

        unknown = sorted(set(RULE_CODE.findall(markdown)) - codes())
        if unknown:
            raise PluginError(f"{src_uri}: mentions rule code(s) that do not exist: {', '.join(unknown)}")
        for line, text in fences(markdown, "yaml"):
            self._governance(text, f"{src_uri}:{line}")
        for line, text in fences(markdown, "toml"):
            self._config(text, f"{src_uri}:{line}")

    def _governance(self, text: str, where: str) -> None:
        first = next((ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
        if not first.startswith("governance:"):
            return
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise PluginError(f"{where}: example is not valid YAML: {exc}") from exc
        # YAML reads unquoted dates as dates; the linter validates them as strings, and so do we.
        errors = sorted(self.validator.iter_errors(_dates_as_strings(data["governance"])), key=lambda e: list(e.path))
        if errors:
            detail = "\n  ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors[:10])
            raise PluginError(f"{where}: governance example fails the schema:\n  {detail}")

    @staticmethod
    def _config(text: str, where: str) -> None:
        from datacard_lint.config.files import ConfigError, settings_from_mapping

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PluginError(f"{where}: example is not valid TOML: {exc}") from exc
        tool = data.get("tool")
        section = tool.get("datacard-lint", {}) if isinstance(tool, dict) else data
        try:
            settings_from_mapping(section, where=where, source=None)
        except ConfigError as exc:
            raise PluginError(f"configuration example rejected: {exc}") from exc


def fences(markdown: str, lang: str) -> Iterator[tuple[int, str]]:
    """(line number, dedented body) of each fenced block in `lang`, also inside tabs."""
    for match in FENCE.finditer(markdown):
        if match.group("lang") != lang:
            continue
        indent = len(match.group("indent"))
        body = "".join(line[indent:] for line in match.group("body").splitlines(keepends=True))
        yield markdown.count("\n", 0, match.start()) + 2, body


def _dates_as_strings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _dates_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_strings(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
