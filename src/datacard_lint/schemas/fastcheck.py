"""A fast yes/no pre-check against the bundled schemas; jsonschema stays the reference.

Most governance blocks are valid, and for those `jsonschema` spends most of a card's
time building a validator per subschema and per value only to find nothing. This module
compiles a schema once into plain closures that answer, per value, True (certainly
valid), False (certainly invalid) or None (not sure). The engine skips jsonschema only on
True; on anything else jsonschema runs and produces every located error as before.

Every answer mirrors `jsonschema.Draft202012Validator` with the linter's type checker (a
YAML date counts as a string) and format checker (`date`). Whatever is not mirrored
exactly gives None: a keyword the compiler does not know makes the whole schema
unsupported (no fast path at all), and values whose handling in jsonschema is subtle
(non-string keys, dates under `pattern`, non-string enum values, ...) give None.
`tests/hardening/test_fastcheck_verdicts.py` compares the verdicts with jsonschema's on every card of
the shared corpus, the examples and generated cards.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urldefrag, urljoin

Check = Callable[[Any], "bool | None"]

#: Keywords that never affect validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "definitions", "title", "description",
                          "examples", "default", "deprecated", "readOnly", "writeOnly"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # as jsonschema's `is_date`


class Unsupported(Exception):
    """The schema uses something this compiler does not mirror exactly."""


def _is_type(value: Any, name: str) -> bool:
    """jsonschema's Draft 2020-12 type checks, with dates counting as strings."""
    if name == "string":
        return isinstance(value, (str, _dt.date))
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    raise Unsupported(f"type {name!r}")


def _scalar_equal(one: Any, two: Any) -> bool:
    """jsonschema's `equal` for two values that are not lists or mappings."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # `unbool`: true and false equal only themselves, never 1 or 0
    return bool(one == two)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool | None:
        unsure = False
        for one in checks:
            verdict = one(value)
            if verdict is False:
                return False
            if verdict is None:
                unsure = True
        return None if unsure else True

    return check


class Compiler:
    """Compiles schemas that reference each other by `$id` (the bundled files)."""

    def __init__(self, documents: list[Mapping[str, Any]]) -> None:
        self.documents = {str(doc["$id"]): doc for doc in documents if "$id" in doc}
        self.compiled: dict[tuple[str, str], Check] = {}

    def compile(self, uri: str) -> Check:
        return self._ref(uri, "")

    def _ref(self, ref: str, base: str) -> Check:
        target = urljoin(base, ref) if base else ref
        document_uri, fragment = urldefrag(target)
        key = (document_uri, fragment)
        if key not in self.compiled:
            document = self.documents.get(document_uri)
            if document is None:
                raise Unsupported(f"reference to {target!r} outside the bundled schemas")
            node: Any = document
            for part in [p for p in fragment.split("/") if p]:
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(node, Mapping) or part not in node:
                    raise Unsupported(f"unresolvable pointer {target!r}")
                node = node[part]
            slot: list[Check] = []
            self.compiled[key] = lambda value: slot[0](value)  # recursion-safe placeholder
            slot.append(self._schema(node, document_uri))
            self.compiled[key] = slot[0]
        return self.compiled[key]

    def _schema(self, schema: Any, base: str) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, Mapping):
            raise Unsupported("a schema must be an object or a boolean")
        if "$id" in schema and urldefrag(str(schema["$id"]))[0] != base:
            raise Unsupported("an embedded resource with its own $id")
        checks: list[Check] = []
        for keyword in schema:
            if keyword in _ANNOTATIONS or keyword.startswith("x-") or keyword in ("then", "else"):
                continue
            handler = getattr(self, "_kw_" + keyword.lstrip("$"), None)
            if handler is None:
                raise Unsupported(f"keyword {keyword!r}")
            checks.append(handler(schema[keyword], schema, base))
        return _all(checks)  # `then` and `else` without `if` are ignored, as in jsonschema

    # --- keywords ------------------------------------------------------------------------

    def _kw_ref(self, ref: str, schema: Mapping[str, Any], base: str) -> Check:
        resolved: list[Check] = []

        def check(value: Any) -> bool | None:
            if not resolved:
                resolved.append(self._ref(ref, base))
            return resolved[0](value)

        self._ref(ref, base)  # resolve now, so an unsupported target is found at compile time
        return check

    def _kw_type(self, types: Any, schema: Mapping[str, Any], base: str) -> Check:
        names = [types] if isinstance(types, str) else list(types)
        for name in names:
            _is_type(None, name)  # raises Unsupported for an unknown type name
        return lambda value: any(_is_type(value, name) for name in names)

    def _kw_enum(self, allowed: list[Any], schema: Mapping[str, Any], base: str) -> Check:
        strings = frozenset(a for a in allowed if type(a) is str)
        scalars = [a for a in allowed if not isinstance(a, (list, tuple, dict))]
        only_scalars = len(scalars) == len(allowed)

        def check(value: Any) -> bool | None:
            if type(value) is str and value in strings:
                return True
            if isinstance(value, (list, tuple, dict)) or (isinstance(value, str) and type(value) is not str):
                # Containers compare element-wise in jsonschema, str subclasses by ==:
                # certain only when every allowed value is a plain string.
                return False if len(strings) == len(allowed) else None
            if any(_scalar_equal(member, value) for member in scalars):
                return True
            return False if only_scalars else None

        return check

    def _kw_const(self, constant: Any, schema: Mapping[str, Any], base: str) -> Check:
        return self._kw_enum([constant], schema, base)

    def _kw_properties(self, properties: Mapping[str, Any], schema: Mapping[str, Any], base: str) -> Check:
        compiled = {name: self._schema(sub, base) for name, sub in properties.items()}

        def check(value: Any) -> bool | None:
            if not isinstance(value, dict):
                return True
            unsure = False
            for name, sub in compiled.items():
                if name in value:
                    verdict = sub(value[name])
                    if verdict is False:
                        return False
                    if verdict is None:
                        unsure = True
            return None if unsure else True

        return check

    def _kw_patternProperties(self, patterns: Mapping[str, Any], schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        compiled = [(re.compile(pattern), self._schema(sub, base)) for pattern, sub in patterns.items()]

        def check(value: Any) -> bool | None:
            if not isinstance(value, dict):
                return True
            unsure = False
            for key, item in value.items():
                if type(key) is not str:
                    return None  # jsonschema raises on a non-string key
                for pattern, sub in compiled:
                    if pattern.search(key):
                        verdict = sub(item)
                        if verdict is False:
                            return False
                        if verdict is None:
                            unsure = True
            return None if unsure else True

        return check

    def _kw_additionalProperties(self, extra: Any, schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        known = frozenset(schema.get("properties", {}))
        joined = "|".join(schema.get("patternProperties", {}))
        pattern = re.compile(joined) if joined else None
        sub = self._schema(extra, base)

        def check(value: Any) -> bool | None:
            if not isinstance(value, dict):
                return True
            unsure = False
            for key, item in value.items():
                if type(key) is not str:
                    return None
                if key in known or (pattern is not None and pattern.search(key)):
                    continue
                verdict = sub(item)
                if verdict is False:
                    return False
                if verdict is None:
                    unsure = True
            return None if unsure else True

        return check

    def _kw_required(self, names: list[str], schema: Mapping[str, Any], base: str) -> Check:
        return lambda value: not isinstance(value, dict) or all(name in value for name in names)

    def _kw_items(self, items: Any, schema: Mapping[str, Any], base: str) -> Check:
        if "prefixItems" in schema:
            raise Unsupported("prefixItems")
        sub = self._schema(items, base)

        def check(value: Any) -> bool | None:
            if not isinstance(value, list):
                return True
            unsure = False
            for item in value:
                verdict = sub(item)
                if verdict is False:
                    return False
                if verdict is None:
                    unsure = True
            return None if unsure else True

        return check

    def _kw_minItems(self, least: int, schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        return lambda value: not isinstance(value, list) or len(value) >= least

    def _kw_uniqueItems(self, unique: bool, schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        if not unique:
            return lambda value: True

        def check(value: Any) -> bool | None:
            if not isinstance(value, list):
                return True
            if all(type(item) is str for item in value):
                return len(set(value)) == len(value)
            return None  # jsonschema's rules for mixed values (1 vs True, lists) are subtle

        return check

    def _kw_minimum(self, least: Any, schema: Mapping[str, Any], base: str) -> Check:
        return lambda value: not _is_type(value, "number") or not value < least

    def _kw_maximum(self, most: Any, schema: Mapping[str, Any], base: str) -> Check:
        return lambda value: not _is_type(value, "number") or not value > most

    def _kw_minLength(self, least: int, schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        def check(value: Any) -> bool | None:
            if type(value) is str:
                return len(value) >= least
            return None if isinstance(value, _dt.date) else True

        return check

    def _kw_pattern(self, pattern: str, schema: Mapping[str, Any], base: str) -> Check:
        compiled = re.compile(pattern)

        def check(value: Any) -> bool | None:
            if type(value) is str:
                return compiled.search(value) is not None
            return None if isinstance(value, _dt.date) else True

        return check

    def _kw_format(self, name: str, schema: Mapping[str, Any], base: str) -> Check:
        if name != "date":
            raise Unsupported(f"format {name!r}")

        def check(value: Any) -> bool | None:
            if type(value) is not str:
                return True if not isinstance(value, str) else None
            if not _DATE.fullmatch(value):
                return False
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                return False
            return True

        return check

    def _kw_anyOf(self, options: list[Any], schema: Mapping[str, Any], base: str) -> Check:  # noqa: N802
        compiled = [self._schema(sub, base) for sub in options]

        def check(value: Any) -> bool | None:
            unsure = False
            for sub in compiled:
                verdict = sub(value)
                if verdict is True:
                    return True
                if verdict is None:
                    unsure = True
            return None if unsure else False

        return check

    def _kw_if(self, condition: Any, schema: Mapping[str, Any], base: str) -> Check:
        test = self._schema(condition, base)
        then = self._schema(schema.get("then", True), base)
        otherwise = self._schema(schema.get("else", True), base)

        def check(value: Any) -> bool | None:
            verdict = test(value)
            if verdict is None:
                return None
            return then(value) if verdict else otherwise(value)

        return check


def compile_schema(documents: list[Mapping[str, Any]], uri: str) -> Check | None:
    """The fast check for the schema with `$id` `uri`, or None if it cannot be mirrored."""
    try:
        return Compiler(documents).compile(uri)
    except Unsupported:
        return None


@functools.cache
def bundled_check(relative: str) -> Check | None:
    """The fast check for a bundled schema file, such as `v1/governance.schema.json`."""
    import json

    from datacard_lint.schemas import store

    document = store.load_json(relative)
    uri = document.get("$id")
    if not isinstance(uri, str):
        return None
    try:  # most schemas refer only to themselves: skip reading the other files
        return Compiler([document]).compile(uri)
    except Unsupported:
        documents = [json.loads(path.read_text(encoding="utf-8")) for path in store.all_schema_files()]
        return compile_schema(documents, uri)
