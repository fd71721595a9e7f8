"""What the real `datasets` library makes of a card's `configs` and `dataset_info`, offline.

`configs_verdict` and `dataset_info_verdict` run the steps `load_dataset` takes on a Hub
repository's card before it touches a data file (``HubDatasetModuleFactory.get_module`` and
``create_builder_configs_from_metadata_configs`` in ``datasets/load.py``):

* `configs`: ``MetadataConfigs.from_dataset_card_data`` (a list of mappings with
  `config_name`, `data_files` of an accepted form with split names matching ``_split_re``,
  `features` that ``Features._from_yaml_list`` builds), ``get_default_config_name``, and per
  config ``sanitize_patterns`` + ``DataFilesPatternsDict.from_patterns``, ``xjoin`` of its
  `data_dir` and a ``BuilderConfig`` with its name;
* `dataset_info`: ``DatasetInfosDict.from_dataset_card_data``, then ``verify_splits`` of the
  recorded split counts against the same counts as the builder would record them;
* for both, the Arrow schema of every parsed ``Features`` (``Features.arrow_schema``), which
  the builder needs to write the first example (an `array2_d` dtype is only checked there).

Besides refusals, a verdict says when `datasets` silently *mangles* the metadata: a config
or info entry shadowed by a later one of the same name, a feature defined twice. Nothing is
downloaded: resolving the patterns against the repository's files is the one step left out.
"""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

warnings.filterwarnings("ignore", module="datasets")

from datasets.builder import BuilderConfig  # noqa: E402
from datasets.data_files import DataFilesPatternsDict, sanitize_patterns  # noqa: E402
from datasets.info import DatasetInfosDict  # noqa: E402
from datasets.load import _ALL_ALLOWED_EXTENSIONS  # noqa: E402
from datasets.splits import SplitDict, SplitInfo  # noqa: E402
from datasets.utils.file_utils import xjoin  # noqa: E402
from datasets.utils.info_utils import verify_splits  # noqa: E402
from datasets.utils.metadata import MetadataConfigs  # noqa: E402
from huggingface_hub import DatasetCardData  # noqa: E402

logging.getLogger("datasets").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Verdict:
    """`error` is what `datasets` raised; `mangled` says what it silently changed."""

    error: BaseException | None = None
    mangled: str | None = None

    @property
    def bad(self) -> bool:
        return self.error is not None or self.mangled is not None

    def __str__(self) -> str:
        if self.error is not None:
            return f"{type(self.error).__name__}: {str(self.error)[:160]}"
        return self.mangled or "accepted"


def _card_data(meta: Mapping[Any, Any]) -> DatasetCardData:
    return DatasetCardData(**{str(k): copy.deepcopy(v) for k, v in meta.items()})


def _written_fields(value: Any) -> int:
    """Named fields written in a YAML features value, at every depth."""
    if isinstance(value, list):
        named = sum(1 for item in value if isinstance(item, Mapping) and "name" in item)
        return named + sum(_written_fields(item) for item in value)
    if isinstance(value, Mapping):
        return sum(_written_fields(v) for k, v in value.items() if k != "name")
    return 0


def _kept_fields(value: Any) -> int:
    """Fields of parsed `Features`, at every depth."""
    from datasets import LargeList, List

    if isinstance(value, dict):
        return len(value) + sum(_kept_fields(v) for v in value.values())
    if isinstance(value, (List, LargeList)):
        return _kept_fields(value.feature)
    if isinstance(value, list) and value:
        return _kept_fields(value[0])
    return 0


def _dropped_field(written: Any, kept: Any) -> str | None:
    if written is None or kept is None:
        return None
    if _kept_fields(kept) < _written_fields(written):
        return "a field is defined twice at one level; `datasets` keeps the last"
    return None


def _string_label_names(value: Any) -> str | None:
    """A `class_label` whose `names` is one string, which `ClassLabel` splits into characters."""
    from datasets import ClassLabel

    if isinstance(value, Mapping):
        label = value.get("class_label")
        if isinstance(label, Mapping) and isinstance(label.get("names"), str) and label["names"]:
            names = label["names"]
            try:
                split = ClassLabel(names=names).names
            except ValueError:
                return None  # refused (a repeated character), not mangled
            if list(split) == list(names):
                return f"class_label names {names!r} become the labels {list(names)}"
        for inner in value.values():
            found = _string_label_names(inner)
            if found:
                return found
    elif isinstance(value, list):
        for inner in value:
            found = _string_label_names(inner)
            if found:
                return found
    return None


def configs_verdict(meta: Mapping[Any, Any]) -> Verdict:
    try:
        configs = MetadataConfigs.from_dataset_card_data(_card_data(meta))
        configs.get_default_config_name()
        for name, params in configs.items():
            data_files = params.get("data_files")
            patterns = None
            if data_files is not None:
                patterns = DataFilesPatternsDict.from_patterns(
                    sanitize_patterns(data_files), allowed_extensions=_ALL_ALLOWED_EXTENSIONS
                )
            if params.get("data_dir"):
                xjoin("hf://datasets/user/repo@0", params["data_dir"])
            BuilderConfig(name=name, data_files=patterns, data_dir=params.get("data_dir"))
            if params.get("features") is not None:
                params["features"].arrow_schema  # noqa: B018 - computed for its exception
    except Exception as exc:  # noqa: BLE001 - any exception is a refusal
        return Verdict(error=exc)
    written = meta.get("configs")
    if isinstance(written, list) and len(configs) < len(written):
        return Verdict(mangled=f"{len(written)} configs written, {len(configs)} kept (a repeated config_name)")
    for entry in written if isinstance(written, list) else []:
        dropped = _dropped_field(entry.get("features"), configs.get(entry.get("config_name"), {}).get("features"))
        if dropped:
            return Verdict(mangled=dropped)
        mangled = _string_label_names(entry.get("features"))
        if mangled:
            return Verdict(mangled=mangled)
    return Verdict()


def dataset_info_verdict(meta: Mapping[Any, Any]) -> Verdict:
    try:
        infos = DatasetInfosDict.from_dataset_card_data(_card_data(meta))
        for info in infos.values():
            if info.features is not None:
                info.features.arrow_schema  # noqa: B018 - computed for its exception
            if info.splits:
                prepared = SplitDict()
                for name, split in info.splits.items():
                    count = split.num_examples
                    numeric = isinstance(count, (int, float)) and not isinstance(count, bool)
                    # What the builder records is a real count: equal to a whole number as written,
                    # never equal to a string, a fraction or a negative number.
                    recorded = int(count) if numeric and count >= 0 and float(count).is_integer() else 10**18
                    prepared.add(SplitInfo(name=name, num_examples=recorded))
                verify_splits(info.splits, prepared)
    except Exception as exc:  # noqa: BLE001
        return Verdict(error=exc)
    written = meta.get("dataset_info")
    if isinstance(written, list) and len(infos) < len(written):
        return Verdict(mangled=f"{len(written)} dataset_info entries written, {len(infos)} kept")
    entries = written if isinstance(written, list) else [written]
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        info = infos.get(entry.get("config_name", "default"))
        dropped = _dropped_field(entry.get("features"), info.features if info is not None else None)
        if dropped:
            return Verdict(mangled=dropped)
        mangled = _string_label_names(entry.get("features"))
        if mangled:
            return Verdict(mangled=mangled)
    return Verdict()
