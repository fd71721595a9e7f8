"""Load and compile the bundled schemas once per process, with no network access.

Every `$ref` resolves from the files shipped in `schema/`; a reference to anything else
fails instead of being fetched (pre-commit.ci and many CI runners have no network).
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from pathlib import Path
from typing import Any

from datacard_lint.resources import schema_dir

#: Schema major versions this linter knows, newest last.
KNOWN_MAJORS: tuple[int, ...] = (1,)
GOVERNANCE_FILE = "governance.schema.json"
CARD_FILE = "card.schema.json"


@functools.cache
def load_json(relative: str) -> Any:
    path = schema_dir() / relative
    with path.open("rb") as handle:
        return json.load(handle)


def governance_file(major: int, minor: int | None = None) -> str:
    """The bundled file for a declared version: a frozen `governance-M.N.schema.json` for an
    older minor, else the major's `governance.schema.json`, which is always the newest minor."""
    if minor is not None and minor < known_minor(major):
        frozen = f"v{major}/governance-{major}.{minor}.schema.json"
        if (schema_dir() / frozen).is_file():
            return frozen
    return f"v{major}/{GOVERNANCE_FILE}"


def governance_schema(major: int, minor: int | None = None) -> dict[str, Any]:
    if minor is None:
        return load_json(f"v{major}/{GOVERNANCE_FILE}")  # type: ignore[no-any-return]
    return load_json(governance_file(major, minor))  # type: ignore[no-any-return]


def known_minor(major: int) -> int:
    """The newest minor version of `major` that this linter's schema describes."""
    version = str(governance_schema(major).get("x-schema-version", f"{major}.0.0"))
    return int(version.split(".")[1])


def all_schema_files() -> list[Path]:
    root = schema_dir()
    return sorted(p for p in root.rglob("*.json") if "profiles" not in p.parts)


@functools.cache
def _registry() -> Any:
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource

    def refuse(uri: str) -> Any:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # never fetch: only bundled schemas resolve

    resources = []
    for path in all_schema_files():
        contents = json.loads(path.read_text(encoding="utf-8"))
        if "$id" in contents:
            resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry(retrieve=refuse).with_resources(resources)  # type: ignore[call-arg]


def _is_string(checker: Any, instance: Any) -> bool:
    # YAML reads unquoted 2024-01-31 as a date; the Hub keeps it that way, so a date
    # counts as a string here and `format: date` still applies.
    return isinstance(instance, (str, _dt.date))


@functools.cache
def validator_class() -> Any:
    from jsonschema import Draft202012Validator, validators

    checker = Draft202012Validator.TYPE_CHECKER.redefine("string", _is_string)
    return validators.extend(Draft202012Validator, type_checker=checker)


@functools.cache
def governance_validator(major: int, minor: int | None = None) -> Any:
    """A compiled validator for a declared version (newest minor when `minor` is None),
    built once per process."""
    from jsonschema import Draft202012Validator

    cls = validator_class()
    return cls(
        governance_schema(major, minor),
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@functools.cache
def card_validator(major: int) -> Any:
    """Validator for a whole front matter (editors' view of the standard).

    Its `$ref` into the governance schema switches jsonschema back to the stock 2020-12
    class, so callers pass JSON-shaped data: see :func:`card_errors`.
    """
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        load_json(f"v{major}/{CARD_FILE}"),
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def card_errors(data: Any, major: int = KNOWN_MAJORS[-1]) -> list[Any]:
    """Schema errors of a whole front matter; YAML dates are compared as ISO strings."""
    as_json = json.loads(json.dumps(data, default=_iso))
    return list(card_validator(major).iter_errors(as_json))


def _iso(value: Any) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)
