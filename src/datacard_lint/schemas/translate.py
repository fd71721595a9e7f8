"""Turn jsonschema errors into located, readable findings.

Reporters never see a `jsonschema.ValidationError`: each error becomes a `Finding` with a
stable code, a message written for card authors, and the span of the offending value
(or key) in the original file.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from datacard_lint import codes
from datacard_lint.diagnostics import Finding
from datacard_lint.loading.card import Card
from datacard_lint.loading.yamltree import ImplicitScalar
from datacard_lint.paths import dotted

Path_ = tuple[Hashable, ...]

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


class _ImplicitIndex:
    """The card's implicitly typed scalars by path, indexed on first use.

    A card with thousands of wrong-typed values gets as many errors; scanning the list of
    implicit scalars for each one made translating them quadratic.
    """

    __slots__ = ("_card", "_by_path")

    def __init__(self, card: Card) -> None:
        self._card = card
        self._by_path: dict[Path_, ImplicitScalar] | None = None

    def get(self, path: Path_) -> ImplicitScalar | None:
        if self._by_path is None:
            self._by_path = {}
            for scalar in self._card.implicit:
                self._by_path.setdefault(scalar.path, scalar)  # the first, as a scan finds it
        return self._by_path.get(path)


def translate(errors: Iterator[Any], card: Card, base: Path_) -> Iterator[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    implicit = _ImplicitIndex(card)
    for error in errors:
        for finding in _one(error, card, base, implicit):
            key = (finding.code, finding.span.line, finding.span.col, finding.message)
            if key not in seen:
                seen.add(key)
                yield finding


def _one(error: Any, card: Card, base: Path_, implicit: _ImplicitIndex) -> Iterator[Finding]:

    path: Path_ = (*base, *error.absolute_path)
    keyword = error.validator
    if keyword in ("anyOf", "oneOf") and error.context:
        if all(sub.validator == "required" for sub in error.context):
            names = sorted({_missing_name(sub) for sub in error.context})
            where = dotted(path)
            yield Finding(
                codes.MISSING_PROPERTY,
                f"{where} needs one of: {', '.join(f'`{n}`' for n in names)}",
                card.locate(path, key=True),
            )
            return
        yield from _alternative(error, card, base, implicit)
        return
    if keyword == "required":
        name = _missing_name(error)
        yield Finding(
            codes.MISSING_PROPERTY,
            f"{dotted(path)} is missing the required property `{name}`",
            card.locate(path, key=True),
        )
    elif keyword in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
        for extra in extras:
            import difflib  # only for a finding that needs a suggestion

            hint = difflib.get_close_matches(str(extra), allowed, n=1)
            suggestion = f"; did you mean `{hint[0]}`?" if hint else ""
            help_text = None if hint else "allowed here: " + ", ".join(allowed)
            yield Finding(
                codes.UNKNOWN_PROPERTY,
                f"unknown property `{extra}` in {dotted(path)}{suggestion}",
                card.locate((*path, extra), key=True),
                help_text,
            )
    elif keyword == "type":
        yield _type_finding(error, path, card, implicit.get(path))
    elif keyword in ("enum", "const"):
        yield _enum_finding(error, path, card, implicit.get(path))
    else:
        yield Finding(codes.INVALID_VALUE if keyword in _VALUE_KEYWORDS else codes.SCHEMA_VIOLATION,
                      _value_message(error, path), card.locate(path))


_UNDISCLOSED = {"$ref": "#/$defs/undisclosed"}


def _alternative(error: Any, card: Card, base: Path_, implicit: _ImplicitIndex) -> Iterator[Finding]:
    """The error of the alternative the author most likely meant.

    An alternative whose type the value does not even have is set aside (a mapping given
    for `purpose` was meant as one purpose, not a list of them); a value that is not the
    `undisclosed` form is judged by the other alternatives, whose message then names
    `undisclosed` as the way out.
    """
    from jsonschema.exceptions import relevance

    options = error.validator_value if isinstance(error.validator_value, list) else []
    by_branch: dict[Any, list[Any]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.relative_schema_path[0] if sub.relative_schema_path else None, []).append(sub)
    undisclosed = next((i for i, option in enumerate(options) if option == _UNDISCLOSED), None)
    meant_undisclosed = isinstance(error.instance, dict) and "undisclosed" in error.instance
    if undisclosed is not None and not meant_undisclosed and len(by_branch) > 1:
        by_branch.pop(undisclosed, None)
    elif undisclosed is not None and meant_undisclosed:
        by_branch = {undisclosed: by_branch.get(undisclosed, list(error.context))}
    fitting = {k: v for k, v in by_branch.items() if not any(_type_mismatch(sub) for sub in v)}
    chosen = [sub for subs in (fitting or by_branch).values() for sub in subs] or list(error.context)
    # One level at a time: a nested alternative is judged again by this function.
    for finding in _one(max(chosen, key=relevance), card, base, implicit):
        if undisclosed is not None and not meant_undisclosed and finding.code == codes.WRONG_TYPE:
            finding = Finding(finding.code, finding.message.replace(", not ", " or `undisclosed`, not ", 1),
                              finding.span, finding.help)
        yield finding


def _type_mismatch(sub: Any) -> bool:
    """The alternative wants another type for the value itself (not for something inside it)."""
    return sub.validator == "type" and not sub.relative_path


_VALUE_KEYWORDS = frozenset(
    {"pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
     "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "multipleOf"}
)


def _missing_name(error: Any) -> str:
    # jsonschema says "'x' is a required property"; the name is the first quoted token.
    message: str = error.message
    return message.split("'")[1] if message.count("'") >= 2 else message


def _type_finding(error: Any, path: Path_, card: Card, implicit: ImplicitScalar | None) -> Finding:
    wanted = error.validator_value
    wanted_list = wanted if isinstance(wanted, list) else [wanted]
    expected = " or ".join(_TYPE_NAMES.get(str(w), str(w)) for w in wanted_list)
    actual = _describe(error.instance)
    help_text = None
    if implicit is not None and "string" in wanted_list:
        help_text = f"YAML read `{implicit.raw}` as a {implicit.tag}; quote it: '{implicit.raw}'"
    return Finding(
        codes.WRONG_TYPE, f"{dotted(path)} must be {expected}, not {actual}", card.locate(path), help_text
    )


def _enum_finding(error: Any, path: Path_, card: Card, implicit: ImplicitScalar | None) -> Finding:
    if error.validator == "const":
        allowed = [error.validator_value]
    else:
        allowed = list(error.validator_value)
    shown = ", ".join(str(a) for a in allowed[:20]) + (" …" if len(allowed) > 20 else "")
    import difflib

    hint = difflib.get_close_matches(str(error.instance), [str(a) for a in allowed], n=1)
    suggestion = f"; did you mean `{hint[0]}`?" if hint else ""
    help_text = f"allowed: {shown}"
    if implicit is not None:
        help_text = f"YAML read `{implicit.raw}` as a {implicit.tag}; quote it. " + help_text
    if error.validator == "const":
        message = f"{dotted(path)} must be {allowed[0]!r} here, not {error.instance!r}"
    else:
        message = f"{dotted(path)} is {error.instance!r}, which is not an allowed value{suggestion}"
    return Finding(codes.INVALID_VALUE, message, card.locate(path), help_text)


def _value_message(error: Any, path: Path_) -> str:
    keyword, limit, value = error.validator, error.validator_value, error.instance
    where = dotted(path)
    if keyword == "pattern":
        return f"{where} is {value!r}, which does not match the pattern {limit}"
    if keyword == "format":
        return f"{where} is {value!r}, which is not a valid {limit}"
    if keyword in ("minimum", "exclusiveMinimum"):
        return f"{where} is {value}, below the minimum {limit}"
    if keyword in ("maximum", "exclusiveMaximum"):
        return f"{where} is {value}, above the maximum {limit}"
    if keyword == "minLength":
        return f"{where} must not be empty" if limit == 1 else f"{where} is shorter than {limit}"
    if keyword == "minItems":
        return f"{where} needs at least {limit} item{'s' if limit != 1 else ''}"
    if keyword == "uniqueItems":
        return f"{where} lists the same item twice"
    return f"{where}: {error.message}"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"
