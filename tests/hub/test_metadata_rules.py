"""`configs` / `dataset_info` rules (DCL816-DCL828), deprecated keys and retired codes, both ways."""

from __future__ import annotations

from typing import Any

from dcl_testing import card, lint, marked
from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.diagnostics import Severity
from datacard_lint.hub.configs import config_problems
from datacard_lint.hub.dataset_info import dataset_info_problems

#: What `push_to_hub` writes today (datasets 4.x): configs with split entries, nested
#: features (class_label, list of struct, image), splits with both counts.
PUSHED = card("""
    license: cc-by-4.0
    language: [en, de]
    size_categories: [10K<n<100K]
    configs:
      - config_name: default
        data_files:
          - split: train
            path: data/train-*
          - split: validation.clean
            path: [data/validation-0.parquet, data/validation-1.parquet]
        default: true
      - config_name: de
        data_dir: de
    dataset_info:
      - config_name: default
        features:
          - name: text
            dtype: string
          - name: label
            dtype:
              class_label:
                names:
                  '0': negative
                  '1': positive
          - name: spans
            list:
              - name: start
                dtype: int32
              - name: tag
                dtype: large_string
          - name: tokens
            sequence: string
          - name: picture
            dtype: image
          - name: when
            dtype: timestamp[us, tz=UTC]
          - name: grid
            array2_d: {shape: [3, 3], dtype: float32}
        splits:
          - name: train
            num_bytes: 2048.0
            num_examples: 20000
          - name: validation.clean
            num_bytes: 512
            num_examples: 2500
        download_size: 1024
        dataset_size: 2560
      - config_name: de
        features:
          - name: text
            dtype: string
    """)


def errors(text: str) -> list[tuple[str, int]]:
    return sorted((d.code, d.line) for d in lint(text).diagnostics if d.severity is Severity.ERROR)


def test_a_card_as_push_to_hub_writes_it_is_clean() -> None:
    assert errors(PUSHED) == []
    assert not [d for d in lint(PUSHED).diagnostics if d.code.startswith("DCL8")]


def test_one_lie_in_the_pushed_card_is_caught_where_it_is() -> None:
    lies = {
        "DCL820": ("split: validation.clean", "split: validation-clean  # <-"),
        "DCL824": ("dtype: large_string", "dtype: large_str  # <-"),
        "DCL826": ("num_examples: 2500", "num_examples: '2500'  # <-"),
        "DCL822": ("config_name: de\n    data_dir: de", "config_name: de\n    data_dir: de\n    default: true  # <-"),
    }
    for code, (old, new) in lies.items():
        assert old in PUSHED, old
        text = PUSHED.replace(old, new, 1)
        assert errors(text) == [(code, marked(text))], code


def test_legacy_config_list_and_missing_name() -> None:
    legacy = card("""
        license: mit
        configs:  # <-
          - en
          - fr
        """)
    assert errors(legacy) == [("DCL818", marked(legacy))]
    text = card("""
        license: mit
        configs:
          - en  # <-
          - data_files: x.csv  # <-
        """)
    assert errors(text) == [("DCL818", marked(text, 0)), ("DCL818", marked(text, 1))]


def test_did_you_mean_for_a_misspelt_dtype() -> None:
    text = card("""
        dataset_info:
          features:
            - name: text
              dtype: strnig
        """)
    found = next(d for d in lint(text).diagnostics if d.code == "DCL824")
    assert "`string`" in (found.help or "")


def test_split_without_bytes_is_a_warning_and_string_dataset_info_is_ignored() -> None:
    text = card("""
        dataset_info:
          splits:
            - name: train
              num_examples: 10
        """)
    assert {(d.code, d.severity) for d in lint(text).diagnostics if d.code.startswith("DCL8")} == {
        ("DCL827", Severity.WARNING)}
    assert "DCL828" in {d.code for d in lint(card("dataset_info: see the paper\n")).diagnostics}


def test_values_under_deprecated_keys_are_checked_as_under_the_current_key() -> None:
    text = card("""
        licenses:
          - Apache License 2.0  # <-
        languages:
          - en
          - English  # <-
          - iw  # <-
        """)
    found = {(d.code, d.line, d.severity) for d in lint(text).diagnostics if d.code.startswith("DCL8")}
    assert ("DCL801", marked(text, 0), Severity.ERROR) in found
    assert ("DCL803", marked(text, 1), Severity.ERROR) in found
    assert ("DCL816", marked(text, 2), Severity.WARNING) in found
    assert {(c, s) for c, _, s in found if c == "DCL804"} == {("DCL804", Severity.INFO)}
    honest = card("languages: [en, de]\nlicenses: [mit]\n")
    assert {d.code for d in lint(honest).diagnostics if d.code.startswith("DCL8")} == {"DCL804"}


def test_retired_codes_name_their_replacement() -> None:
    for old, new in (("sh", "hbs"), ("iw", "he"), ("in", "id"), ("mo", "ro"), ("ger", "de")):
        found = [d for d in lint(card(f"language: [{old}]\n")).diagnostics if d.code.startswith("DCL8")]
        assert [(d.code, d.severity) for d in found] == [("DCL816", Severity.WARNING)], old
        assert f"`{new}`" in found[0].message
    assert not [d for d in lint(card("language: [he, hbs, fil, ber]\n")).diagnostics if d.code == "DCL816"]


def test_values_the_hub_accepts_are_not_errors() -> None:
    text = card("""
        license: other
        size_categories: [100k<n<1M]
        annotations_creators: [unknown]
        multilinguality: [unknown]
        """)
    found = {d.code: d.severity for d in lint(text).diagnostics if d.code.startswith("DCL8")}
    assert found == {"DCL802": Severity.WARNING, "DCL807": Severity.WARNING, "DCL808": Severity.WARNING,
                     "DCL809": Severity.WARNING}


_yamlish = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=6),
              st.sampled_from(["default", "split", "path", "dtype", "name", "class_label", "list", "train-x"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["config_name", "data_files", "split", "path", "features", "name",
                                         "dtype", "splits", "num_examples", "class_label", "names", "list",
                                         "sequence", "struct", "default", "data_dir", "version", "0", "2"]),
                        inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(value=_yamlish)
def test_checkers_never_raise(value: Any) -> None:
    for problem in [*config_problems(value), *dataset_info_problems(value)]:
        assert problem.path[0] in ("configs", "dataset_info") and problem.message
