"""Typed readers: a YAML value of any type in, a usable value or None out.

Consumers see the front matter as YAML loaded it, before (and whatever) the schema says, so
every field may hold any type. Each reader turns a field into the one type a consumer can
reason about, or None when it cannot be read that way; wrong-typed values the schema
already reports are skipped, never raised on.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from datacard_lint.governance.vocabulary import CADENCE_DAYS

#: Stock fillers that say nothing.
_PLACEHOLDERS = frozenset({"", "todo", "tbd", "n/a", "na", "none", "-", "...", "[more information needed]"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_DURATION = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?)?$"
)


def cadence_days(value: object) -> int | None:
    """Days between refreshes for a cadence word or an ISO 8601 duration such as `P6M`.

    None for `none` and `continuous` (no deadline), for a zero duration and for anything
    unreadable. Durations are approximated generously: Y = 366, M = 31, W = 7 days; a
    duration of hours, minutes or seconds counts as one day.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.lower() in CADENCE_DAYS:
        return CADENCE_DAYS[text.lower()]
    match = _ISO_DURATION.match(text.upper())
    if match is None or text.upper() in {"P", "PT"}:
        return None
    fields = {key: int(number) for key, number in match.groupdict().items() if number}
    days = fields.get("y", 0) * 366 + fields.get("mo", 0) * 31 + fields.get("w", 0) * 7 + fields.get("d", 0)
    seconds = fields.get("h", 0) * 3600 + fields.get("mi", 0) * 60 + fields.get("s", 0)
    days += math.ceil(seconds / 86400)
    return days or None


#: The short form of an undisclosed fact (schema `$defs/undisclosed`).
UNDISCLOSED = "undisclosed"
#: What `datacard-lint init` writes for a fact still to fill in.
TODO = "TODO"


def is_placeholder(value: object) -> bool:
    """Empty or a stock filler such as TODO: says nothing."""
    return value is None or (isinstance(value, str) and value.strip().lower().rstrip(".") in _PLACEHOLDERS)


def is_todo(value: object) -> bool:
    """A TODO marker anywhere in a string: a placeholder still to replace (scores 0)."""
    return isinstance(value, str) and TODO in value


def is_undisclosed(value: object) -> bool:
    """The short (`undisclosed`) or long (`{undisclosed: why, source: …}`) undisclosed form."""
    if isinstance(value, str):
        return value.strip() == UNDISCLOSED
    return isinstance(value, Mapping) and isinstance(value.get(UNDISCLOSED), str) and bool(
        value[UNDISCLOSED].strip()
    )


def undisclosed_reason(value: object) -> str | None:
    """Why a long-form undisclosed fact is unknown, as its author wrote it."""
    if isinstance(value, Mapping):
        return as_text(value.get(UNDISCLOSED))
    return None


def undisclosed_source(value: object) -> str | None:
    if isinstance(value, Mapping):
        return as_text(value.get("source"))
    return None


def as_number(value: object) -> float | None:
    """A finite int or float as float; None for booleans (YAML `yes`), strings, NaN, infinity."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        return None
    return number if math.isfinite(number) else None


def as_share(value: object) -> float | None:
    """A number from 0 to 1 (the schema reports anything else)."""
    number = as_number(value)
    return number if number is not None and 0.0 <= number <= 1.0 else None


def as_int(value: object) -> int | None:
    """An integer (or a float with no fractional part); None for booleans and anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def as_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def as_date(value: object) -> _dt.date | None:
    """A date from a YAML date, a datetime, or a string starting with YYYY-MM-DD."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def as_text(value: object) -> str | None:
    """A non-blank string, stripped; None for anything else."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def as_word(value: object) -> str | None:
    """A vocabulary value: a string as written (enum values are compared exactly)."""
    return value if isinstance(value, str) else None


def has_text(value: object) -> bool:
    """A string that says something: not empty, not a stock filler, not a TODO marker."""
    return isinstance(value, str) and not is_placeholder(value) and not is_todo(value)


def stated_text(value: object) -> str | None:
    """The text of a string that says something (see :func:`has_text`), stripped."""
    return value.strip() if isinstance(value, str) and has_text(value) else None


def says_something(value: object) -> bool:
    """Like :func:`has_text`, and an unquoted YAML date (`revision: 2026-01-15`) counts."""
    return isinstance(value, _dt.date) or has_text(value)


def as_mapping(value: object) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def entries(value: object) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Index and entry of every mapping in a list (other items and non-lists are skipped)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def strings(value: object) -> list[str]:
    """The strings of a list (other items dropped); a lone string is not a list and gives []."""
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def texts(value: object) -> list[str]:
    """A string or a list of strings, stripped and non-blank (Hub keys accept either)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    return [item.strip() for item in strings(value) if item.strip()]


def plain(value: object) -> Any:
    """A YAML value as plain JSON: dates as ISO text, non-finite numbers and unknown types dropped."""
    if isinstance(value, bool) or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return as_number(value)
    parsed = as_date(value)
    if parsed is not None:
        return parsed.isoformat()
    if isinstance(value, list):
        items = [plain(v) for v in value]
        return [i for i in items if i is not None] or None
    if isinstance(value, Mapping):
        found = {str(k): plain(v) for k, v in value.items()}
        return {k: v for k, v in found.items() if v is not None} or None
    return None


def plain_record(data: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The given fields of a mapping as plain JSON, in the given order, empty ones left out."""
    return {key: value for key in keys if (value := plain(data.get(key))) is not None}
