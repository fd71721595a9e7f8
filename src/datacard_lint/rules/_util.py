"""Typed readers shared by rule modules: a value of any type in, a usable value or None out.

Rules see the front matter as YAML loaded it, before (and whatever) the schema says, so
every field may hold any type. These helpers turn a field into the one type a rule can
reason about, or None when it cannot be read that way; rules skip what reads as None.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Hashable, Iterator, Mapping
from typing import Any

from datacard_lint.rules.context import Part
from datacard_lint.rules.general import is_placeholder

Path_ = tuple[Hashable, ...]

#: Days after which a refresh at each cadence is due. Upper bounds (a month counts as 31
#: days, a year as 366), so a card is never called overdue because of the approximation.
CADENCE_DAYS: dict[str, int] = {
    "daily": 1,
    "weekly": 7,
    "monthly": 31,
    "quarterly": 92,
    "semiannual": 183,
    "yearly": 366,
}

_ISO_DURATION = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?)?$"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def as_number(value: object) -> float | None:
    """A finite int or float as float; None for booleans (YAML `yes`), strings, NaN, infinity."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        return None
    return number if math.isfinite(number) else None


def as_int(value: object) -> int | None:
    """An integer (or a float with no fractional part); None for booleans and anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


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


def has_text(value: object) -> bool:
    """A string that says something: not empty, not a stock filler, not a TODO marker."""
    return isinstance(value, str) and not is_placeholder(value) and "TODO" not in value


def as_mapping(value: object) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def entries(value: object) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Index and entry of every mapping in a list (other items and non-lists are skipped)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def part_anchor(part: Part) -> Path_:
    """Where to report something missing from a whole part: its `id`, else the part itself."""
    return (*part.path, "id") if "id" in part.data else part.path


def label(part: Part) -> str:
    """The part as named in messages."""
    return f"part `{part.id}`"
