"""Language keys of plain ISO 639 codes, precomputed from the IANA registry langcodes ships.

Importing langcodes costs more than a whole one-card check (it builds large tables and
compiles a large regular expression), yet almost every `language` entry is a plain
lower-case two- or three-letter code. For exactly those values the answer was computed
ahead of time, for every such string, by the same langcodes code path that handles all
other values (`scripts/build_language_table.py`); a test rebuilds the table from the
installed langcodes and compares. Anything else (tags with subtags, upper case, spaces)
is not in the table's domain, and the caller asks langcodes.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Final

#: Returned for values outside the table's domain: ask langcodes.
NOT_IN_TABLE: Final = object()

_DOMAIN = re.compile(r"[a-z]{2,3}")
#: A code and a region (`en-NG`, `es-419`): the primary language is the code's, unless the
#: whole tag has a replacement of its own (`sgn-BR` is `bzs`) or the code's normal form
#: carries a region (then the written region replaces it and validity may change).
_WITH_REGION = re.compile(r"([a-z]{2,3})-([A-Z]{2}|[0-9]{3})")
RESOURCE = ("data", "language_keys.json")


class _Table:
    __slots__ = ("same", "other", "regions", "whole_tags", "own_region", "keyless")

    def __init__(self, data: dict[str, object]) -> None:
        self.same = frozenset(str(data["self"]).split())
        self.other: dict[str, str] = dict(data["other"])  # type: ignore[call-overload]
        self.regions = frozenset(str(data["regions"]).split())
        self.whole_tags = frozenset(str(data["whole_tags"]).split())
        self.own_region = frozenset(str(data["own_region"]).split())
        #: Valid codes that name no single language (`und`, `mul`, `zxx`): no key.
        self.keyless = frozenset(str(data["keyless"]).split())

    def key(self, code: str) -> str | None:
        return code if code in self.same else self.other.get(code)


@cache
def _table() -> _Table:
    from datacard_lint.resources import package_file

    text = package_file(*RESOURCE).read_text(encoding="utf-8")
    return _Table(json.loads(text))


def lookup(value: str) -> str | None | object:
    """The language key of `value`, or :data:`NOT_IN_TABLE` when the table cannot say.

    For a lower-case code of two or three letters the table is complete: a code it does
    not list is not a valid language subtag (key None).
    """
    if _DOMAIN.fullmatch(value) is not None:
        return _table().key(value)
    tagged = _WITH_REGION.fullmatch(value)
    if tagged is None:
        return NOT_IN_TABLE
    table = _table()
    code, region = tagged.groups()
    if value.lower() in table.whole_tags or code in table.own_region:
        return NOT_IN_TABLE
    return table.key(code) if region in table.regions else None


def is_valid(value: str) -> bool | object:
    """Whether langcodes accepts `value` as a tag, or :data:`NOT_IN_TABLE`."""
    table = _table()
    if _DOMAIN.fullmatch(value) is not None:
        return value in table.keyless or table.key(value) is not None
    tagged = _WITH_REGION.fullmatch(value)
    if tagged is None:
        return NOT_IN_TABLE
    code, region = tagged.groups()
    if value.lower() in table.whole_tags or code in table.own_region:
        return NOT_IN_TABLE
    return (code in table.keyless or table.key(code) is not None) and region in table.regions


def table_data(keys: dict[str, str | None], regions: set[str], whole_tags: set[str], own_region: set[str],
               keyless: set[str], source: str) -> dict[str, object]:
    """The JSON document: every code of the domain that has a key, and the tag exceptions."""
    same = sorted(code for code, key in keys.items() if key == code)
    other = {code: key for code, key in sorted(keys.items()) if key != code and key is not None}
    return {"source": source, "self": " ".join(same), "other": other, "regions": " ".join(sorted(regions)),
            "whole_tags": " ".join(sorted(whole_tags)), "own_region": " ".join(sorted(own_region)),
            "keyless": " ".join(sorted(keyless))}
