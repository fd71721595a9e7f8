"""`dataset_info` as `datasets.DatasetInfosDict.from_dataset_card_data` reads it (4.x/5.x).

`dataset_info` is one mapping or a list of them (one per config). Each entry's `features`
go through `Features._from_yaml_list` (see :mod:`datacard_lint.hub.features`) and its
`splits` through `SplitDict`: a list of mappings with `name`, `num_examples` and `num_bytes`.
Splits missing a count are only logged ("Ignoring part of dataset_info"), but splits that are
not mappings or that repeat a name raise in `DatasetInfo.__post_init__`, and `num_examples`
that is not a whole number makes `verify_splits` fail once the data is prepared (the default
`verification_mode="basic_checks"`). `dataset_info` of any other type is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from datacard_lint.hub.features import feature_problems
from datacard_lint.hub.problems import Path_, Problem, shown

__all__ = ["dataset_info_problems"]

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def dataset_info_problems(info: Any) -> Iterator[Problem]:
    """Every problem of the top-level `dataset_info` value, with the kind that grades it."""
    root: Path_ = ("dataset_info",)
    if info is None:
        return
    if isinstance(info, Mapping):
        yield from _entry(info, root)
        return
    if not isinstance(info, list):
        yield Problem("dataset-info-ignored", root, f"`dataset_info` {shown(info)} is neither a mapping nor a list; "
                      "`datasets` ignores it", help="remove it, or give `features` and `splits` under it", key=True)
        return
    for index, entry in enumerate(info):
        if not isinstance(entry, Mapping):
            yield Problem("dataset-info-shape", (*root, index),
                          f"`dataset_info` entry {shown(entry)} is not a mapping",
                          help="each entry is a mapping with `config_name`, `features` and `splits`")
            continue
        yield from _entry(entry, (*root, index))


def _entry(entry: Mapping[Any, Any], path: Path_) -> Iterator[Problem]:
    if entry.get("features") is not None:
        yield from feature_problems(entry["features"], (*path, "features"))
    if entry.get("splits") is not None:
        yield from _splits(entry["splits"], (*path, "splits"))
    version = entry.get("version")
    if version is not None:
        yield from _version(version, (*path, "version"))


def _splits(splits: Any, path: Path_) -> Iterator[Problem]:
    items: list[tuple[Path_, Any]]
    if isinstance(splits, Mapping):
        items = [((*path, key), value) for key, value in splits.items()]
    elif isinstance(splits, list):
        items = [((*path, index), value) for index, value in enumerate(splits)]
    else:
        yield Problem("dataset-info-shape", path, f"`splits` must be a list of splits, not {shown(splits)}",
                      help="write `- name: train` / `num_bytes: ...` / `num_examples: ...` entries")
        return
    seen: dict[Any, int] = {}
    for index, (where, split) in enumerate(items):
        if not isinstance(split, Mapping):
            yield Problem("dataset-info-shape", where, f"split {shown(split)} is not a mapping",
                          help=f"write `- name: {shown(split)}` with its `num_bytes` and `num_examples`")
            continue
        unknown = [k for k in split if k not in _SPLIT_FIELDS]
        if unknown:
            yield Problem("dataset-info-shape", (*where, unknown[0]),
                          f"split has a key `{shown(unknown[0])}` that `datasets` does not know", key=True,
                          help=f"keep only {', '.join(sorted(_SPLIT_FIELDS - {'dataset_name'}))}")
        name = split.get("name", "")
        if _hashable(name):
            if name in seen:
                yield Problem("dataset-info-shape", (*where, "name"), f"split `{shown(name)}` is listed twice",
                              help="keep one entry per split")
            else:
                seen[name] = index
        missing = [k for k in ("name", "num_bytes", "num_examples") if k not in split]
        if missing:
            yield Problem("split-count-missing", where,
                          f"split `{shown(name)}` has no {' and no '.join(f'`{m}`' for m in missing)}; "
                          "`datasets` cannot check the split against it",
                          help="add the missing fields (a `datasets` push writes all three)")
        if "num_examples" in split and not _whole_number(split["num_examples"]):
            yield Problem("split-count", (*where, "num_examples"),
                          f"`num_examples` is {shown(split['num_examples'])}, not a whole number",
                          help="write the count unquoted, e.g. `num_examples: 1000`")


def _whole_number(value: Any) -> bool:
    """Whether `verify_splits` can find `value` equal to a count of prepared examples."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value >= 0 and float(value).is_integer()


#: `datasets.SplitInfo` fields.
_SPLIT_FIELDS = frozenset({"name", "num_bytes", "num_examples", "shard_lengths", "original_shard_lengths",
                           "dataset_name"})


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _version(version: Any, path: Path_) -> Iterator[Problem]:
    """`datasets.utils.Version`: a `x.y.z` string, or a mapping with `version_str`."""
    if isinstance(version, str):
        if not _VERSION.match(version):
            yield Problem("dataset-info-shape", path, f"version `{version}` is not of the form x.y.z",
                          help="write it as `1.0.0`")
    elif isinstance(version, Mapping):
        text = version.get("version_str")
        if not isinstance(text, str) or not _VERSION.match(text):
            yield Problem("dataset-info-shape", path, "version mapping has no valid `version_str` (x.y.z)",
                          help="write `version: 1.0.0`")
    else:
        yield Problem("dataset-info-shape", path, f"version {shown(version)} is not a string of the form x.y.z",
                      help=f"quote it: '{version}'")
