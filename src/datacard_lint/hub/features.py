"""`features` as `datasets.Features._from_yaml_list` reads them (datasets 4.x/5.x).

The YAML form is a list of named fields. Each field is a mapping whose *first* key picks
its type: `dtype` (a Value dtype, a media type such as `image`, or a nested field), `list`
/ `large_list` / `sequence` (with the item type), `struct` (a list of named fields) or the
snake-case name of a feature class (`class_label`, `array2_d`, `translation`, ...). Anything
else raises in `datasets` and `load_dataset` fails, so every problem here is a rejection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from datacard_lint.hub.problems import Path_, Problem, shown

__all__ = ["FEATURE_TYPES", "VALUE_DTYPES", "feature_problems", "is_value_dtype"]

#: Plain dtypes `datasets.Value` turns into an Arrow type (`string_to_arrow`), aliases included.
VALUE_DTYPES = frozenset(
    {
        "null", "bool", "bool_", "bool8",
        "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float16", "float32", "float64", "float", "double",
        "string", "utf8", "large_string", "large_utf8", "string_view",
        "binary", "large_binary", "binary_view",
        "date32", "date64", "month_day_nano_interval", "uuid",
    }
)
_PARAMETRIC_DTYPE = re.compile(
    r"timestamp\[(?:s|ms|us|ns)(?:,\s*tz=[a-zA-Z0-9/_+\-:]*)?\]"
    r"|duration\[(?:s|ms|us|ns)\]|time32\[(?:s|ms)\]|time64\[(?:us|ns)\]"
    r"|decimal(?:128|256)\(\d+,\s*-?\d+\)"
)

#: Feature classes `generate_from_dict` finds by name -> their required parameters.
FEATURE_TYPES: dict[str, tuple[str, ...]] = {
    "Value": ("dtype",), "ClassLabel": (), "Translation": ("languages",),
    "TranslationVariableLanguages": (), "LargeList": ("feature",), "List": ("feature",),
    "Sequence": ("feature",),
    "Array2D": ("shape", "dtype"), "Array3D": ("shape", "dtype"), "Array4D": ("shape", "dtype"),
    "Array5D": ("shape", "dtype"), "Audio": (), "Image": (), "Mesh": (), "Video": (), "Pdf": (),
    "Nifti": (), "BioSequence": (), "BioStructure": (), "Json": (),
}
#: Media types written as `dtype: image` (the snake-case names of classes without parameters).
_MEDIA = {"audio", "image", "mesh", "video", "pdf", "nifti", "bio_sequence", "bio_structure", "json"}


#: Keys beside `list:` / `large_list:` / `sequence:` that `List` / `LargeList` accept.
_LIST_PARAMETERS = {"list": {"length", "id"}, "large_list": {"id"}, "sequence": {"length", "id"}}


def is_value_dtype(dtype: str) -> bool:
    """Whether `datasets.Value(dtype)` accepts the string."""
    return dtype in VALUE_DTYPES or _PARAMETRIC_DTYPE.fullmatch(dtype) is not None


def camel_case(name: str) -> str:
    """`datasets.naming.snakecase_to_camelcase`: `class_label` -> `ClassLabel`, `array2_d` -> `Array2D`."""
    parts = [p for chunk in re.split(r"(?<!_)_(?!_)", name) for p in re.split(r"_{2,}", chunk)]
    return "".join(p.capitalize() for p in parts if p)


def _dtype_hint(dtype: str) -> str:
    from datacard_lint.hub.vocabulary import closest

    guess = closest(dtype, VALUE_DTYPES | _MEDIA | {"class_label"})
    if guess and guess != dtype:
        return f"did you mean `{guess}`?"
    return "use a Value dtype (`string`, `int64`, `float32`, `bool`, ...) or a media type (`image`, `audio`)"


def feature_problems(value: Any, path: Path_) -> Iterator[Problem]:
    """Every reason `Features._from_yaml_list(value)` raises, located under `path`."""
    if isinstance(value, Mapping):
        if value:
            yield Problem("features", path, "`features` is a mapping; `datasets` expects a list of named fields",
                          key=True,
                          help="write `- name: <column>` entries, each with its `dtype` (or `list`, `struct`, ...)")
        return
    if not isinstance(value, list):
        yield Problem("features", path, f"`features` must be a list of named fields, not {shown(value)}",
                      help="write `- name: <column>` entries, each with its `dtype`")
        return
    yield from _named_fields(value, path)


def _named_fields(items: list[Any], path: Path_) -> Iterator[Problem]:
    seen: dict[Any, int] = {}
    for index, item in enumerate(items):
        where = (*path, index)
        if not isinstance(item, Mapping):
            yield Problem("features", where, f"feature entry {shown(item)} is not a mapping with a `name`",
                          help="write `- name: <column>` followed by `dtype: <type>`")
            continue
        if "name" not in item:
            yield Problem("features", where, "feature entry has no `name`", help="add `name: <column>`")
            continue
        name = item["name"]
        if isinstance(name, (list, dict)):
            # `datasets` builds a dict keyed by the names: a list or mapping raises TypeError there.
            yield Problem("features", (*where, "name"), f"feature name {shown(name)} is not a column name",
                          help="write the column name as a string: `name: <column>`")
            continue
        if name in seen:
            yield Problem("duplicate-feature", (*where, "name"),
                          f"feature `{shown(name)}` is listed twice; `datasets` keeps only the last definition",
                          help="rename one of the columns or delete the repeated entry")
        else:
            seen[name] = index
        rest = {k: v for k, v in item.items() if k != "name"}
        yield from _field(rest, where)


def _field(obj: Mapping[Any, Any], path: Path_) -> Iterator[Problem]:
    """One field (without its `name`), as `from_yaml_inner` + `generate_from_dict` read it."""
    if not obj:
        return  # an empty struct
    kind = next(iter(obj))
    if kind in ("list", "large_list", "sequence"):
        allowed = _LIST_PARAMETERS[kind]
        for extra in (k for k in obj if k != kind and k not in allowed):
            yield Problem("features", (*path, extra), f"`{kind}` takes no parameter `{shown(extra)}`",
                          help=f"{kind} takes {', '.join(f'`{a}`' for a in sorted(allowed))}; remove the key",
                          key=True)
        inner = obj[kind]
        if isinstance(inner, str):
            inner = {"dtype": inner}
        if kind == "sequence" and isinstance(inner, list):
            yield from _named_fields(inner, (*path, kind))
        elif isinstance(inner, Mapping):
            yield from _field(inner, (*path, kind))
        elif isinstance(inner, list):
            yield from _named_fields(inner, (*path, kind))
        else:
            yield _not_a_type((*path, kind), inner)
        return
    if kind == "struct":
        inner = obj[kind]
        if isinstance(inner, list):
            yield from _named_fields(inner, (*path, kind))
        elif isinstance(inner, Mapping):
            yield from _field(inner, (*path, kind))
        else:
            yield _not_a_type((*path, kind), inner)
        return
    if kind == "dtype":
        dtype = obj[kind]
        where = (*path, kind)
        if isinstance(dtype, str):
            if is_value_dtype(dtype):
                return
            type_name = camel_case(dtype)
            required = FEATURE_TYPES.get(type_name)
            if required is None:
                yield Problem("feature-dtype", where, f"`{dtype}` is not a `datasets` dtype or feature type",
                              help=_dtype_hint(dtype))
            elif required or type_name == "ClassLabel":
                required = required or ("names",)
                yield Problem("features", where, f"`dtype: {dtype}` needs parameters ({', '.join(required)})",
                              help=f"write it as `{dtype}:` with {', '.join(required)} under it")
            return
        if isinstance(dtype, list):
            yield from _named_fields(dtype, where)
        elif isinstance(dtype, Mapping):
            yield from _field(dtype, where)
        else:
            yield _not_a_type(where, dtype)
        return
    yield from _feature_class(kind, obj[kind], (*path, kind))


def _not_a_type(path: Path_, value: Any) -> Problem:
    return Problem("features", path, f"{shown(value)} is not a feature type",
                   help="give a dtype such as `string`, or a mapping / list of named fields")


def _feature_class(kind: Any, params: Any, path: Path_) -> Iterator[Problem]:
    """`class_label: {...}`, `array2_d: {...}`, ...: the class named by the key, built from `params`."""
    type_name = camel_case(kind) if isinstance(kind, str) else None
    if type_name not in FEATURE_TYPES:
        yield Problem("feature-dtype", path, f"`{shown(kind)}` is not a `datasets` feature type", key=True,
                      help=_dtype_hint(str(kind)))
        return
    if not isinstance(params, Mapping):
        yield Problem("features", path, f"`{kind}` needs a mapping of parameters, not {shown(params)}",
                      help="e.g. `class_label: {names: {'0': neg, '1': pos}}`")
        return
    missing = [p for p in FEATURE_TYPES[type_name] if p not in params]
    if missing:
        yield Problem("features", path, f"`{kind}` is missing {', '.join(f'`{m}`' for m in missing)}",
                      help=f"add {', '.join(missing)}", key=True)
        return
    if type_name == "ClassLabel":
        yield from _class_label(params, path)
    elif type_name == "Value":
        dtype = params.get("dtype")
        if not isinstance(dtype, str) or not is_value_dtype(dtype):
            yield Problem("feature-dtype", (*path, "dtype"), f"`{shown(dtype)}` is not a `datasets` dtype",
                          help=_dtype_hint(str(dtype)))
    elif type_name.startswith("Array"):
        yield from _array(type_name, params, path)
    elif type_name in ("List", "LargeList", "Sequence"):
        inner = params.get("feature")
        if isinstance(inner, Mapping):
            yield from _field(inner, (*path, "feature"))


def _class_label(params: Mapping[Any, Any], path: Path_) -> Iterator[Problem]:
    names = params.get("names")
    if names is None:
        if params.get("num_classes") is None and params.get("names_file") is None:
            yield Problem("features", path, "`class_label` has no `names`",
                          help="list the label names under `names` ('0': first, '1': second, ...)", key=True)
        return
    where = (*path, "names")
    if isinstance(names, Mapping):
        try:
            ids = sorted(int(k) for k in names)
        except (TypeError, ValueError):
            yield Problem("features", where, "`class_label` names are keyed by something other than label ids",
                          help="key the names by their integer ids: '0': first, '1': second, ...")
            return
        if ids and ids != list(range(ids[-1] + 1)):
            absent = sorted(set(range(ids[-1] + 1)) - set(ids))[:5]
            yield Problem("features", where,
                          f"`class_label` has no name for label id {', '.join(map(str, absent))}",
                          help="number the labels 0, 1, 2, ... without gaps")
            return
        values = [str(names[k]) for k in sorted(names, key=int)]
    elif isinstance(names, list):
        values = [str(v) for v in names]
    elif isinstance(names, str):
        values = list(names)
        if len(set(values)) == len(values):
            yield Problem("features", where, f"`class_label` names is the string `{names}`; `datasets` makes one "
                          f"label per character ({', '.join(values[:5])}{', ...' if len(values) > 5 else ''})",
                          help=f"list the names: `names: [{names}]`")
    else:
        yield Problem("features", where, f"`class_label` names must be a list or an id mapping, not {shown(names)}",
                      help="write '0': first, '1': second, ...")
        return
    num = params.get("num_classes")
    if isinstance(num, int) and not isinstance(num, bool) and num != len(values):
        yield Problem("features", (*path, "num_classes"),
                      f"`num_classes` is {num} but {len(values)} names are listed",
                      help="make `num_classes` the number of names, or drop it")
    if len(set(values)) != len(values):
        dupes = sorted({v for v in values if values.count(v) > 1})[:3]
        yield Problem("features", where, f"`class_label` repeats the name {', '.join(f'`{d}`' for d in dupes)}",
                      help="every label name must be unique")


def _array(type_name: str, params: Mapping[Any, Any], path: Path_) -> Iterator[Problem]:
    dtype = params.get("dtype")
    if not isinstance(dtype, str) or not is_value_dtype(dtype):
        yield Problem("feature-dtype", (*path, "dtype"), f"`{shown(dtype)}` is not a `datasets` dtype",
                      help=_dtype_hint(str(dtype)))
    shape = params.get("shape")
    dims = int(type_name[len("Array")])
    if not isinstance(shape, list) or len(shape) != dims:
        # `_ArrayXD.__post_init__` takes any sequence, but building the Arrow type (needed to
        # write the first example) raises "shape=... and ndims=... don't match".
        yield Problem("features", (*path, "shape"), f"`{type_name}` needs a `shape` of {dims} sizes, "
                      f"not {shown(shape)}", help=f"give {dims} sizes, e.g. {[None] + [3] * (dims - 1)}")
