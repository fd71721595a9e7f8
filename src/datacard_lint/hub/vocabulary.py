"""The Hub's controlled vocabularies for dataset card metadata, available offline.

The lists live in ``data/vocabularies.json``, which records the upstream file and
commit each list was taken from (``sources``). The file is read once, on first use.

``language_code_problem`` checks one entry of the ``language`` key. The Hub's own
list of ISO 639-1 and 639-3 codes is shipped in the JSON; ``langcodes`` (imported
lazily) is used to recognise ISO 639-2/5 codes, deprecated codes and BCP-47 tags so
that messages can say what the fix is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from langcodes import Language

__all__ = [
    "closest",
    "creators",
    "deprecated_keys",
    "language_code_problem",
    "legacy_task_categories",
    "licenses",
    "multilinguality",
    "retired_language_code",
    "size_categories",
    "task_categories",
    "task_ids",
    "vocabulary",
]

CreatorKind = Literal["annotations_creators", "language_creators"]


@cache
def _data() -> dict[str, Any]:
    from datacard_lint.resources import package_file

    resource = package_file("hub", "data", "vocabularies.json")
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


@cache
def vocabulary(name: str) -> frozenset[str]:
    """Any list of ``vocabularies.json`` by its key, e.g. ``"modality_tags"``.

    Raises ``KeyError`` for an unknown name.
    """
    return frozenset(_data()[name])


def licenses() -> frozenset[str]:
    """License identifiers the Hub lists, including ``unknown`` and ``other``."""
    return vocabulary("licenses")


def task_categories() -> frozenset[str]:
    """Values for ``task_categories``: the Hub's pipeline types."""
    return vocabulary("task_categories")


def task_ids() -> frozenset[str]:
    """Values for ``task_ids``: the sub-task types of the pipeline types."""
    return vocabulary("task_ids")


def size_categories() -> frozenset[str]:
    """Current ``size_categories`` buckets (the legacy ``unknown`` is not included)."""
    return vocabulary("size_categories")


def creators(kind: CreatorKind) -> frozenset[str]:
    """Values for ``annotations_creators`` or ``language_creators``."""
    return vocabulary(kind)


def multilinguality() -> frozenset[str]:
    """Values for ``multilinguality``."""
    return vocabulary("multilinguality")


@cache
def deprecated_keys() -> Mapping[str, str]:
    """Old top-level key -> the key that replaced it (e.g. ``languages`` -> ``language``)."""
    return MappingProxyType(dict(_data()["deprecated_keys"]))


@cache
def legacy_task_categories() -> Mapping[str, str | None]:
    """Task categories the Hub dropped -> their replacement (``None``: no single one)."""
    return MappingProxyType(dict(_data()["legacy_task_categories"]))


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice most similar to ``value`` (ignoring case), for "did you mean" hints.

    Returns ``None`` when nothing is close enough. Cached: a corpus repeats the same unknown
    values, and difflib over thousands of language codes is the costliest step of a check.
    """
    return _closest(value, choices if isinstance(choices, frozenset) else frozenset(choices))


@lru_cache(maxsize=4096)
def _closest(value: str, choices: frozenset[str]) -> str | None:
    import difflib

    by_folded: dict[str, str] = {}
    for choice in sorted(choices):
        by_folded.setdefault(choice.casefold(), choice)
    folded = value.strip().casefold()
    if not folded:
        return None
    if folded in by_folded:
        return by_folded[folded]
    match = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
    return by_folded[match[0]] if match else None


def _is_hub_language(code: str) -> bool:
    return code in vocabulary("special_language_values") or code in vocabulary("language_codes")


def language_code_problem(code: str) -> str | None:
    """Check one ``language`` entry; ``None`` if the Hub accepts it, else what to change.

    Accepted: the Hub's ISO 639-1/639-3 codes, the special values (``code``,
    ``multilingual``) and other ISO 639-2/5 codes that name a language or group
    (``ber``). Rejected with a suggested fix: BCP-47 tags with subtags (they belong in
    ``language_details``), language names, upper case, deprecated and bibliographic
    codes, private-use codes and anything that is not a code at all.

    A YAML boolean (an unquoted ``no``) must be reported by the caller before this.
    """
    value = code.strip()
    if not value:
        return "empty language value; remove it or give an ISO 639 code"
    if value != code:
        return f"{code!r} has surrounding spaces; use {value!r}"
    if _is_hub_language(value):
        return None
    lower = value.lower()
    if lower != value and _is_hub_language(lower):
        return f"{value!r}: language codes are lower case; use {lower!r}"
    if lower in vocabulary("legacy_language_values"):
        return (
            f"{value!r} is not a language code (only the 2022 card validator accepted it); "
            "use 'und' for undetermined, or remove it"
        )
    names: dict[str, str] = _data()["language_names"]
    name = " ".join(lower.split())
    if name in names:
        return f"{value!r} is a language name, not a code; use {names[name]!r}"

    pair = _language_pair(lower)
    try:
        import langcodes
    except ImportError:  # pragma: no cover - langcodes is a declared dependency
        return f"{value!r} is not an ISO 639 language code the Hub lists"

    try:
        tag = langcodes.Language.get(value)
        as_written = langcodes.Language.get(value, normalize=False)
        valid = tag.is_valid() and re.fullmatch("[a-z]{2,3}", tag.language or "") is not None
    except ValueError:  # langcodes.LanguageTagError is a ValueError
        valid = False
    if not valid:
        if pair:
            return (
                f"{value!r} looks like a language pair; list {pair[0]!r} and {pair[1]!r} "
                "as separate `language` entries"
            )
        return f"{value!r} is not a valid ISO 639 language code or BCP-47 tag"
    primary = re.split("[-_]", lower)[0]
    if len(primary) == 3 and "qaa" <= primary <= "qtz":
        return f"{value!r} is reserved for private use; use a registered ISO 639 code"

    replacement = _replacement(tag, as_written)
    if "-" not in value and "_" not in value:
        if replacement == value:
            return None  # an ISO 639-2/5 code missing from the Hub's list, e.g. 'ber'
        return f"{value!r} is a deprecated or bibliographic ISO 639 code; use {replacement!r}"
    normalized = tag.to_tag()
    if normalized == replacement:
        return f"{value!r} is a deprecated tag; use {replacement!r}"
    advice = (
        f"use the ISO 639 code {replacement!r} in `language`; "
        f"put {normalized!r} in `language_details`"
    )
    if pair:
        return (
            f"{value!r}: if this is a language pair, list {pair[0]!r} and {pair[1]!r} "
            f"as separate entries; if it is a regional variant, {advice}"
        )
    return f"{value!r}: {advice}"


def retired_language_code(code: str) -> str | None:
    """The current code for a bare ISO 639 code the Hub's list no longer covers, else ``None``.

    ``sh`` -> ``hbs``, ``iw`` -> ``he``, ``in`` -> ``id``, ``ger`` -> ``de``: codes that were
    valid once (or are the bibliographic ISO 639-2 form) and that the Hub's language list,
    and so its language filter, no longer has. ``language_code_problem`` reports the same
    codes; rules that grade retired codes apart use this to tell them from invalid ones.
    """
    value = code.strip()
    if not value or value != code or "-" in value or "_" in value or value != value.lower():
        return None
    if _is_hub_language(value) or value in vocabulary("legacy_language_values"):
        return None
    if value in _data()["language_names"]:
        return None
    try:
        import langcodes

        tag = langcodes.Language.get(value)
        as_written = langcodes.Language.get(value, normalize=False)
        if not tag.is_valid() or re.fullmatch("[a-z]{2,3}", tag.language or "") is None:
            return None
    except (ImportError, ValueError):
        return None
    if len(value) == 3 and "qaa" <= value <= "qtz":
        return None
    replacement = _replacement(tag, as_written)
    return replacement if replacement != value else None


def _language_pair(lower: str) -> tuple[str, str] | None:
    """``('en', 'de')`` for ``en-de``: two Hub codes joined by a dash, as in translation cards."""
    first, sep, second = lower.replace("_", "-").partition("-")
    if sep and first != second and first in vocabulary("language_codes") and second in vocabulary("language_codes"):
        return first, second
    return None


def _replacement(tag: Language, as_written: Language) -> str:
    """The code for ``language``, given a tag normalized by langcodes and as written."""
    base = tag.language or "und"
    added = (tag.script and not as_written.script) or (tag.territory and not as_written.territory)
    if added:
        # Normalizing remapped the language itself (``sh`` -> ``sr-Latn``): keep the
        # ISO 639-3 code of what was written (``hbs``) when the Hub lists it.
        try:
            alpha3 = as_written.to_alpha3()
        except LookupError:
            return base
        if alpha3 in vocabulary("language_codes"):
            return alpha3
    return base
