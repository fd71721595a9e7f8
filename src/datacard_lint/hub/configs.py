"""`configs` as `datasets` reads it before loading any file (datasets 4.x/5.x).

`MetadataConfigs.from_dataset_card_data` wants a list of mappings, each with a
`config_name`; `_raise_if_data_files_field_not_valid` accepts `data_files` as a string, a list
of strings, or a list of `{split, path}` mappings whose split names match `^\\w+(\\.\\w+)*$`;
`sanitize_patterns` refuses a split listed twice; `get_default_config_name` refuses two
default configs; `BuilderConfig` refuses a name that is not a string or holds a character
Windows forbids in paths. Each of those raises and `load_dataset` fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from datacard_lint.hub.features import feature_problems
from datacard_lint.hub.problems import Path_, Problem, shown

__all__ = ["CONFIG_PARAMETERS", "SPLIT_NAME", "config_problems", "split_name_problem"]

#: `datasets.naming._split_re`.
SPLIT_NAME = re.compile(r"^\w+(\.\w+)*$")
#: `datasets.naming.INVALID_WINDOWS_CHARACTERS_IN_PATH`.
_FORBIDDEN_IN_NAME = "<>:/\\|?*"

#: Keys a config may carry: `config_name`, `default`, and the fields of the builder configs of
#: the packaged loaders (parquet, csv, json, imagefolder, webdataset, ...) of datasets 5.2.
#: Any other key is dropped with the log line "Some datasets params were ignored"
#: (`create_builder_configs_from_metadata_configs`). The differential test checks the list
#: against the installed `datasets`.
CONFIG_PARAMETERS = frozenset(
    {
        "config_name", "default", "data_dir", "data_files", "description", "features", "name", "version",
        "batch_size", "block_size", "catalog", "chunksize", "column_names", "columns", "comment",
        "comment_prefix", "converters", "date_format", "decimal", "decode_num_threads", "delimiter", "dialect",
        "doublequote", "drop_labels", "drop_metadata", "encoding", "encoding_errors", "end_time", "engine",
        "error_bad_lines", "escapechar", "false_values", "field", "filters", "float_precision",
        "fragment_scan_options", "header", "include_files", "index_col", "input_batch_size", "keep_default_na",
        "keep_linebreaks", "lineterminator", "mangle_dupe_cols", "max_batch_bytes", "memory_map",
        "metadata_filenames", "na_filter", "na_values", "names", "newlines_in_values", "nrows", "on_bad_files",
        "on_bad_lines", "on_mixed_types", "output_batch_size", "parse_agent_traces", "prefix", "quotechar",
        "quoting", "sample_by", "sep", "skip_blank_lines", "skip_docstart", "skipfooter", "skipinitialspace",
        "skiprows", "snapshot_id", "start_time", "strip_canary", "table", "table_name", "thousands",
        "timestamp_tz", "timestamp_unit", "token", "true_values", "use_threads", "usecols", "verbose",
        "warn_bad_lines",
    }
)

_DATA_FILES_HELP = (
    "write `data_files: data/*.parquet`, a list of patterns, or `- split: train` / `path: ...` entries"
)


def split_name_problem(name: Any) -> str | None:
    """Why `datasets` refuses a split name, or None."""
    if not isinstance(name, str):
        return f"split name {shown(name)} is not a string"
    if not SPLIT_NAME.match(name):
        return f"split name `{name}` has characters `datasets` does not allow (only letters, digits, `_` and `.`)"
    return None


def _split_fix(name: Any) -> str:
    fixed = re.sub(r"\W+", "_", str(name)).strip("_") or "train"
    return f"rename it `{fixed}`"


def config_problems(configs: Any) -> Iterator[Problem]:
    """Every reason `datasets` refuses the `configs` value (the top-level key's value)."""
    root: Path_ = ("configs",)
    if not configs:
        return  # `datasets` skips an empty or absent `configs`
    if not isinstance(configs, list):
        if isinstance(configs, Mapping):
            help_ = "write it as a list: `- config_name: <name>` followed by that config's `data_files`"
        else:
            help_ = "write a list of `- config_name: <name>` entries"
        yield Problem("configs-shape", root, "`configs` must be a list of configs", help=help_, key=True)
        return
    if all(isinstance(config, str) for config in configs):
        yield Problem("config-name", root,
                      f"`configs` is the retired list of config names ({shown(', '.join(configs))}); `datasets` "
                      "needs a mapping with `config_name` and `data_files` for each", key=True,
                      help=f"write `- config_name: {configs[0]}` with its `data_files` for each config, "
                           "or remove the list")
        return
    by_name: dict[Any, tuple[int, Mapping[Any, Any]]] = {}
    for index, config in enumerate(configs):
        where = (*root, index)
        if not isinstance(config, Mapping):
            yield Problem("config-name", where,
                          f"`configs` entry {shown(config)} is not a config; each needs `config_name` and its files",
                          help=f"write `- config_name: {shown(config)}` with its `data_files` (the bare list of "
                               "names is the retired format)")
            continue
        if "config_name" not in config:
            yield Problem("config-name", where, f"`configs` entry {index + 1} has no `config_name`",
                          help="add `config_name: default` (or another name)")
            continue
        name = config["config_name"]
        name_path = (*where, "config_name")
        if not isinstance(name, str):
            yield Problem("config-name", name_path, f"config_name {shown(name)} is not a string",
                          help=f"quote it: '{name}'")
        elif any(ch in name for ch in _FORBIDDEN_IN_NAME):
            yield Problem("config-name", name_path,
                          f"config_name `{name}` holds a character `datasets` forbids ({_FORBIDDEN_IN_NAME})",
                          help="use letters, digits, `-`, `_` and `.`")
        yield from _unknown_parameters(config, where)
        if _hashable(name):
            by_name[name] = (index, config)  # a repeated name replaces the earlier config, as in `datasets`
        yield from _data_files(config.get("data_files"), (*where, "data_files"))
        if config.get("features") is not None:
            yield from feature_problems(config["features"], (*where, "features"))
        data_dir = config.get("data_dir")
        if data_dir and not isinstance(data_dir, str):
            yield Problem("data-files", (*where, "data_dir"), f"`data_dir` {shown(data_dir)} is not a path",
                          help="give the folder as a string, e.g. `data_dir: data/en`")
    yield from _default_problems(by_name)


def _unknown_parameters(config: Mapping[Any, Any], path: Path_) -> Iterator[Problem]:
    from datacard_lint.hub.vocabulary import closest

    for key in config:
        if isinstance(key, str) and key in CONFIG_PARAMETERS:
            continue
        guess = closest(str(key), CONFIG_PARAMETERS)
        help_ = f"did you mean `{guess}`?" if guess else "remove it; no loader reads it"
        yield Problem("config-parameter", (*path, key), f"`{shown(key)}` is not a config parameter any "
                      "`datasets` loader reads; it is ignored", help=help_, key=True)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _default_problems(by_name: Mapping[Any, tuple[int, Mapping[Any, Any]]]) -> Iterator[Problem]:
    """`MetadataConfigs.get_default_config_name`: one config alone, or at most one default."""
    if len(by_name) <= 1:
        return
    defaults = [(name, index, config) for name, (index, config) in by_name.items()
                if name == "default" or config.get("default")]
    for name, index, _config in defaults[1:]:
        flag = "default" if name != "default" else "config_name"
        yield Problem("default-config", ("configs", index, flag),
                      f"config `{shown(name)}` is a second default config (`{shown(defaults[0][0])}` is one already)",
                      help="keep `default: true` on one config only, and do not name another one `default`")


def _data_files(value: Any, path: Path_) -> Iterator[Problem]:
    if value is None:
        return
    if isinstance(value, str):
        return
    if isinstance(value, Mapping):
        yield Problem("data-files", path, "`data_files` is a mapping of splits; `datasets` refuses that form here",
                      help="write `- split: <name>` / `path: <pattern>` entries instead", key=True)
        return
    if not isinstance(value, list):
        yield Problem("data-files", path, f"`data_files` must be a pattern or a list, not {shown(value)}",
                      help=_DATA_FILES_HELP)
        return
    splits: dict[Any, int] = {}
    has_mapping = any(isinstance(item, Mapping) for item in value)
    for index, item in enumerate(value):
        where = (*path, index)
        if isinstance(item, str):
            if has_mapping:
                yield Problem("data-files", where, "`data_files` mixes bare patterns with `split`/`path` entries",
                              help="give this pattern its own `- split: ...` / `path: ...` entry")
            continue
        if not isinstance(item, Mapping):
            yield Problem("data-files", where, f"`data_files` entry {shown(item)} is not a pattern",
                          help="quote it as a string, or write a `split`/`path` entry")
            continue
        if "split" not in item:
            yield Problem("data-files", where, "`data_files` entry has no `split`",
                          help="add `split: train` (or the split it holds)")
            continue
        if "path" not in item:
            yield Problem("data-files", where, f"`data_files` entry for split `{shown(item['split'])}` has no `path`",
                          help="add `path: <pattern>` (a string or a list of patterns)")
            continue
        extra = [k for k in item if k not in ("split", "path")]
        if extra:
            yield Problem("data-files", (*where, extra[0]), f"`data_files` entry has an extra key `{shown(extra[0])}`",
                          help="each entry takes only `split` and `path`", key=True)
        problem = split_name_problem(item["split"])
        if problem:
            yield Problem("split-name", (*where, "split"), problem, help=_split_fix(item["split"]))
        paths = item["path"]
        if not isinstance(paths, (str, list)):
            yield Problem("data-files", (*where, "path"), f"`path` must be a pattern or a list of patterns, not "
                          f"{shown(paths)}", help="quote the pattern")
        split = item["split"]
        key = split if _hashable(split) else repr(split)
        if key in splits:
            yield Problem("duplicate-split", (*where, "split"),
                          f"split `{shown(split)}` is listed twice in `data_files`",
                          help="merge the two entries into one `path` list")
        else:
            splits[key] = index
