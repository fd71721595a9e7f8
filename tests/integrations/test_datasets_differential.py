"""datacard-lint's Hub errors against what the real `datasets` library does, both ways.

Over every card of the shared corpus that has `configs` or `dataset_info`, and over
generated metadata shapes (hypothesis), for each of the two keys:

* whenever `datasets` refuses or silently mangles the key (see ``datasets_oracle``),
  datacard-lint reports an error on a line of that key's block;
* whenever datacard-lint reports an error on that key, `datasets` refuses or mangles it.

And every error-level Hub rule names the behaviour that makes its findings errors
(``BEHAVIOUR``), so a new error rule cannot be added without saying why.
"""

from __future__ import annotations

import collections
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("datasets")

from datasets_oracle import Verdict, configs_verdict, dataset_info_verdict  # noqa: E402
from dcl_testing import lint  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from datacard_lint.diagnostics import Severity  # noqa: E402
from datacard_lint.engine import CardResult  # noqa: E402
from datacard_lint.loading.card import load_card  # noqa: E402
from datacard_lint.rules.registry import all_rules  # noqa: E402

#: Error-level Hub rules -> the behaviour that makes their findings errors. Rules checked by
#: the differential below say so; the others name the Hub or library behaviour.
BEHAVIOUR = {
    "DCL801": "the Hub refuses a push whose `license` is not in its list ('Invalid metadata in README.md')",
    "DCL803": "the Hub refuses language values that are not ISO 639 codes (`es-ES`, `zh-CN`, `noinfo`)",
    "DCL811": "differential: `datasets` keeps the last of two configs / infos of one name (mangled)",
    "DCL817": "differential: MetadataConfigs raises 'Expected configs to be a list'",
    "DCL818": "differential: MetadataConfigs / BuilderConfig raise on a missing or unusable config_name",
    "DCL819": "differential: _raise_if_data_files_field_not_valid / xjoin raise",
    "DCL820": "differential: _split_re refuses the split name",
    "DCL821": "differential: sanitize_patterns raises 'Some splits are duplicated'",
    "DCL822": "differential: get_default_config_name raises 'several default configs'",
    "DCL823": "differential: Features._from_yaml_list raises, or keeps one of two same-named fields",
    "DCL824": "differential: generate_from_dict raises 'Feature type ... not found'",
    "DCL825": "differential: DatasetInfo / SplitDict / Version raise",
    "DCL826": "differential: verify_splits raises NonMatchingSplitsSizesError for a non-integer count",
    "DCL904": "huggingface_hub's yaml.safe_load turns the unquoted value into a bool/number/date",
}
KEYS = ("configs", "dataset_info")
VERDICTS = {"configs": configs_verdict, "dataset_info": dataset_info_verdict}


def test_every_error_level_hub_rule_names_its_behaviour() -> None:
    hub_errors = {r.code for r in all_rules() if r.severity is Severity.ERROR and r.requirement == "hub"}
    assert hub_errors | {"DCL904"} == set(BEHAVIOUR)


def _block_lines(text: str, key: str) -> range:
    """Lines (1-based) of the top-level `key:` block of a card's front matter."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return range(0)
    end = start + 1
    while end < len(lines) and (not lines[end] or lines[end][0] in " \t-#" or lines[end].startswith("- ")):
        if lines[end] == "---":
            break
        end += 1
    return range(start + 1, end + 1)


def _errors_in(result: CardResult, text: str, key: str) -> list[Any]:
    block = _block_lines(text, key)
    return [d for d in result.diagnostics
            if d.severity is Severity.ERROR and d.code in BEHAVIOUR and d.code != "DCL904" and d.line in block]


def _compare(text: str, meta: dict[Any, Any], result: CardResult) -> dict[str, tuple[bool, bool, Verdict, list[Any]]]:
    """key -> (datasets refuses/mangles, datacard-lint errs, verdict, errors)."""
    out = {}
    for key in KEYS:
        if key not in meta:
            continue
        verdict = VERDICTS[key](meta)
        errors = _errors_in(result, text, key)
        out[key] = (verdict.bad, bool(errors), verdict, errors)
    return out


def _corpus_cards(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*/*.md"))


def test_corpus_agrees_with_datasets(corpus: Path) -> None:
    matrix: collections.Counter[tuple[str, str]] = collections.Counter()
    disagreements = []
    for path in _corpus_cards(corpus):
        card = load_card(path, path.name)
        meta = card.metadata
        if not isinstance(meta, dict) or not any(k in meta for k in KEYS) or card.text is None:
            continue
        result = lint(card.text)
        for key, (theirs, ours, verdict, errors) in _compare(card.text, meta, result).items():
            matrix[(key, f"datasets {'bad' if theirs else 'ok'} / datacard-lint {'error' if ours else 'silent'}")] += 1
            if theirs != ours:
                disagreements.append(f"{path.parent.name}/{path.name} [{key}]: datasets {verdict}; "
                                     f"datacard-lint {[(d.code, d.line) for d in errors]}")
    print("\nconfusion matrix (corpus):", dict(sorted(matrix.items())))
    assert sum(matrix.values()) > 500
    assert disagreements == []


# --- generated shapes ------------------------------------------------------------------------

_names = st.sampled_from(["default", "en", "fr", "all", "2020", "a/b", "x:y", "main_v2"])
_splits = st.sampled_from(["train", "test", "validation", "dev-clean", "test 2", "train.a", "", "v1_0"])
_patterns = st.sampled_from(["data/*.parquet", "train.csv", "**/*.jsonl"])
_dtypes = st.sampled_from(["string", "int64", "float32", "bool", "strng", "int", "text", "image", "audio",
                           "timestamp[s]", "timestamp[h]", "large_string", "float", "double", "array2_d",
                           "class_label", "list", "null", "decimal128(10, 2)", "date32", "str"])
_scalars = st.one_of(st.integers(-2, 3000), st.booleans(), st.none(), st.text("ab1-", max_size=3))


def _data_file_entry() -> st.SearchStrategy[Any]:
    good = st.fixed_dictionaries({"split": _splits, "path": st.one_of(_patterns, st.lists(_patterns, max_size=2))})
    odd = st.one_of(
        st.fixed_dictionaries({"split": _splits}),
        st.fixed_dictionaries({"path": _patterns}),
        st.fixed_dictionaries({"split": _splits, "path": _patterns, "pattern": _patterns}),
        st.fixed_dictionaries({"split": st.integers(0, 3), "path": _patterns}),
        st.fixed_dictionaries({"split": _splits, "path": st.integers(0, 3)}),
        _patterns,
        st.integers(0, 3),
    )
    return st.one_of(good, good, odd)


_data_files = st.one_of(
    _patterns,
    st.lists(_patterns, min_size=1, max_size=3),
    st.lists(_data_file_entry(), min_size=1, max_size=3),
    st.dictionaries(_splits, _patterns, min_size=1, max_size=2),
    st.integers(0, 5),
)


def _feature(depth: int = 0) -> st.SearchStrategy[Any]:
    leaf = st.one_of(
        st.fixed_dictionaries({"dtype": _dtypes}),
        st.fixed_dictionaries({"class_label": st.fixed_dictionaries(
            {"names": st.one_of(
                st.dictionaries(st.sampled_from(["0", "1", "2", "x"]), st.sampled_from(["neg", "pos", "neu"]),
                                min_size=1, max_size=3),
                st.lists(st.sampled_from(["neg", "pos", "neu"]), min_size=1, max_size=3),
                st.sampled_from(["neg", 3]),
            )})}),
        st.fixed_dictionaries({"array2_d": st.fixed_dictionaries(
            {"shape": st.one_of(st.just([1, 2]), st.just(3)), "dtype": _dtypes})}),
        st.fixed_dictionaries({"classlabel": st.just({"names": ["a"]})}),
        st.fixed_dictionaries({"translation": st.one_of(st.just({"languages": ["en", "fr"]}), st.just({}))}),
    )
    if depth >= 2:
        return leaf
    inner = _feature(depth + 1)
    nested = st.one_of(
        st.fixed_dictionaries({"list": st.one_of(_dtypes, inner)},
                              optional={"length": st.integers(-1, 3), "foo": st.just(1)}),
        st.fixed_dictionaries({"large_list": _dtypes}, optional={"length": st.just(2), "id": st.just("x")}),
        st.fixed_dictionaries({"sequence": st.one_of(_dtypes, inner, st.lists(_named(inner), max_size=2))}),
        st.fixed_dictionaries({"struct": st.lists(_named(inner), max_size=2)}),
    )
    return st.one_of(leaf, leaf, nested)


def _named(feature: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.builds(lambda name, f: {"name": name, **f}, st.sampled_from(["text", "label", "id"]), feature)


_features = st.one_of(
    st.lists(_named(_feature()), min_size=1, max_size=3),
    st.lists(st.one_of(_named(_feature()), _feature(), st.just("text")), min_size=1, max_size=2),
    st.dictionaries(st.sampled_from(["text", "label"]), _feature(), min_size=1, max_size=2),
)


def _config() -> st.SearchStrategy[Any]:
    good = st.fixed_dictionaries(
        {"config_name": _names, "data_files": _data_files},
        optional={"default": st.booleans(), "features": _features, "data_dir": st.one_of(_patterns, st.integers(1, 3))},
    )
    odd = st.one_of(_names, st.fixed_dictionaries({"data_files": _data_files}),
                    st.fixed_dictionaries({"config_name": st.integers(0, 3), "data_files": _patterns}))
    return st.one_of(good, good, good, odd)


_plain_feature = st.fixed_dictionaries({"dtype": st.sampled_from(["string", "int64", "image", "float"])})
_valid_config = st.fixed_dictionaries(
    {"config_name": st.sampled_from(["en", "fr", "all"]),
     "data_files": st.one_of(_patterns, st.lists(_patterns, min_size=1, max_size=2),
                             st.just([{"split": "train", "path": "a/*.csv"}, {"split": "test", "path": ["b.csv"]}]))},
    optional={"features": st.lists(_named(_plain_feature), min_size=1, max_size=1), "data_dir": _patterns},
)
_configs = st.one_of(
    st.lists(_valid_config, min_size=1, max_size=2, unique_by=lambda c: c["config_name"]),
    st.lists(_config(), min_size=1, max_size=3),
    st.dictionaries(_names, st.fixed_dictionaries({"data_files": _patterns}), min_size=1, max_size=2),
)

_split_info = st.one_of(
    st.fixed_dictionaries({"name": _splits, "num_bytes": st.integers(0, 10**6), "num_examples": st.integers(0, 10**5)}),
    st.fixed_dictionaries({"name": _splits, "num_examples": st.one_of(st.integers(0, 10), st.just("12"))}),
    st.fixed_dictionaries({"name": _splits, "num_bytes": st.integers(0, 9),
                           "num_examples": st.one_of(st.just("100"), st.just(1.5), st.integers(0, 9))}),
    st.fixed_dictionaries({"name": _splits, "num_bytes": st.integers(0, 9), "num_examples": st.integers(0, 9),
                           "num_rows": st.integers(0, 9)}),
    _splits,
)
_info_entry = st.fixed_dictionaries(
    {},
    optional={"config_name": _names, "features": _features, "splits": st.lists(_split_info, max_size=3),
              "version": st.sampled_from(["1.0.0", "1.0", 2, {"version_str": "1.0.0"}]),
              "download_size": st.integers(0, 10)},
)
_dataset_info = st.one_of(_info_entry, st.lists(_info_entry, min_size=1, max_size=3),
                          st.sampled_from(["see paper", 3]))


def test_generated_shapes_agree_with_datasets() -> None:
    matrix: collections.Counter[tuple[str, bool, bool]] = collections.Counter()

    @settings(max_examples=int(os.environ.get("DCL_DIFFERENTIAL_EXAMPLES", "400")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(configs=st.one_of(st.none(), _configs), dataset_info=st.one_of(st.none(), _dataset_info))
    def check(configs: Any, dataset_info: Any) -> None:
        meta: dict[str, Any] = {"license": "mit"}
        if configs is not None:
            meta["configs"] = configs
        if dataset_info is not None:
            meta["dataset_info"] = dataset_info
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n"
        assert yaml.safe_load(text.split("---\n")[1]) == meta
        result = lint(text)
        for key, (theirs, ours, verdict, errors) in _compare(text, meta, result).items():
            matrix[(key, theirs, ours)] += 1
            assert theirs == ours, (f"[{key}] datasets: {verdict}; datacard-lint: "
                                    f"{[(d.code, d.line, d.message) for d in errors]}\n{text}")

    check()
    print("\nconfusion matrix (generated; key, datasets bad, datacard-lint error):", dict(sorted(matrix.items())))
    for key in KEYS:  # the shapes exercise both verdicts for both keys
        assert matrix[(key, True, True)] > 20 and matrix[(key, False, False)] > 20, matrix


def test_config_parameters_cover_every_packaged_loader() -> None:
    """No false DCL829: every key a packaged loader's config has is in the shipped list."""
    import dataclasses

    from datasets.load import import_main_class
    from datasets.packaged_modules import _PACKAGED_DATASETS_MODULES

    from datacard_lint.hub.configs import CONFIG_PARAMETERS

    fields: set[str] = set()
    for module_path, _ in _PACKAGED_DATASETS_MODULES.values():
        fields |= {f.name for f in dataclasses.fields(import_main_class(module_path).BUILDER_CONFIG_CLASS)}
    assert len(fields) > 50
    assert fields - CONFIG_PARAMETERS == set()
