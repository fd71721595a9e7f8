"""Hub metadata rules (DCL8xx): they run on every card, with or without a governance block."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest
from dcl_testing import codes_at, lint

from datacard_lint.config.settings import Settings
from datacard_lint.engine import Engine
from datacard_lint.rules.hub import language_key, size_bucket

_MARK = re.compile(r"#\s*<-\s*(DCL\d{3})")


def card(yaml_text: str) -> str:
    return "---\n" + yaml_text + "---\n"


def assert_reports(yaml_text: str, code: str) -> None:
    text = card(yaml_text)
    want = {(m.group(1), text.count("\n", 0, m.start()) + 1) for m in _MARK.finditer(text) if m.group(1) == code}
    assert want, "test card has no marker"
    assert {hit for hit in codes_at(lint(text)) if hit[0] == code} == want


def assert_silent(yaml_text: str, code: str) -> None:
    assert code not in {c for c, _ in codes_at(lint(card(yaml_text)))}


def diagnostic(yaml_text: str, code: str):  # type: ignore[no-untyped-def]
    return next(d for d in lint(card(yaml_text)).diagnostics if d.code == code)


# --- DCL801 unknown-license --------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "hint"),
    [
        ("license: Apache License 2.0  # <- DCL801\n", None),
        ("license: MIT  # <- DCL801\n", "`mit`"),
        ("license:\n  - mit\n  - cc-by-4  # <- DCL801\n", "`cc-by-4.0`"),
        ("license: other-my-terms  # <- DCL801\n", "license_name: my-terms"),
    ],
)
def test_801_unknown_license(yaml_text: str, hint: str | None) -> None:
    assert_reports(yaml_text, "DCL801")
    found = diagnostic(yaml_text, "DCL801")
    assert found.severity.value == "error"
    if hint:
        assert hint in (found.help or "")


@pytest.mark.parametrize(
    "yaml_text",
    ["license: mit\n", "license: [apache-2.0, cc-by-4.0]\n", "license: unknown\n", "license: 3\n", "x: 1\n"],
)
def test_801_silent(yaml_text: str) -> None:
    assert_silent(yaml_text, "DCL801")


# --- DCL802 license-other-without-name-or-link ------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "missing"),
    [
        ("license: other  # <- DCL802\n", "no `license_name` and no `license_link`"),
        ("license: other  # <- DCL802\nlicense_link: LICENSE.md\n", "no `license_name`"),
        ("license: other  # <- DCL802\nlicense_name: acme-1.0\n", "no `license_link`"),
        ("license: [mit, other]  # <- DCL802\nlicense_name: ''\nlicense_link: LICENSE\n", "no `license_name`"),
    ],
)
def test_802_other_without_name_or_link(yaml_text: str, missing: str) -> None:
    assert_reports(yaml_text, "DCL802")
    assert diagnostic(yaml_text, "DCL802").message.endswith(missing)


def test_802_silent_with_name_and_link() -> None:
    assert_silent("license: other\nlicense_name: acme-1.0\nlicense_link: https://example.org/license\n", "DCL802")
    assert_silent("license: mit\n", "DCL802")


def test_802_license_file_beside_the_card_counts_as_link(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(card("license: other\nlicense_name: acme-1.0\n"), encoding="utf-8")
    engine = Engine(Settings(as_of=dt.date(2026, 11, 24)))
    assert "DCL802" in {d.code for d in engine.check_path(readme).diagnostics}
    (tmp_path / "LICENSE.md").write_text("Acme terms\n", encoding="utf-8")
    assert "DCL802" not in {d.code for d in engine.check_path(readme).diagnostics}


# --- DCL803 invalid-language-code -------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["en-US", "English", "EN", "en-de", "xx-unknown-thing"]
)
def test_803_invalid_language_codes(value: str) -> None:
    assert_reports(f"language:\n  - fr\n  - {value}  # <- DCL803\n", "DCL803")


@pytest.mark.parametrize(
    "yaml_text",
    [
        "language: [en, fr, yue, code, multilingual]\n",
        "language: en\n",
        "language: [en, false]\n",  # DCL904's business
        "language: [unknown]\n",  # DCL814's business
        "language: [sh, iw]\n",  # DCL816's business
    ],
)
def test_803_silent(yaml_text: str) -> None:
    assert_silent(yaml_text, "DCL803")


# --- DCL804 deprecated-key ----------------------------------------------------------------


def test_804_deprecated_keys() -> None:
    assert_reports("languages:  # <- DCL804\n  - en\nlicenses: [mit]  # <- DCL804\n", "DCL804")
    found = diagnostic("languages: [en]\nlanguage: [en]\n", "DCL804")
    assert "also has `language`" in found.message


def test_804_silent() -> None:
    assert_silent("language: [en]\nlicense: mit\n", "DCL804")


# --- DCL805 unknown-task-category -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("conversational", "`text-generation`"),
        ("conditional-text-generation", "without a single replacement"),
        ("extractive-qa", "move it to `task_ids`"),
        ("text-clasification", "`text-classification`"),
    ],
)
def test_805_unknown_task_category(value: str, hint: str) -> None:
    yaml_text = f"task_categories:\n  - {value}  # <- DCL805\n"
    assert_reports(yaml_text, "DCL805")
    found = diagnostic(yaml_text, "DCL805")
    assert found.severity.value == "warning" and hint in (found.help or "")


@pytest.mark.parametrize("value", ["text-classification", "other", "other-text-to-tabular"])
def test_805_silent(value: str) -> None:
    assert_silent(f"task_categories: [{value}]\n", "DCL805")


# --- DCL806 unknown-task-id ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["sentiment-clasification", "passage-retrieval", "text-classification"])
def test_806_unknown_task_id(value: str) -> None:
    assert_reports(f"task_ids:\n  - {value}  # <- DCL806\n", "DCL806")


@pytest.mark.parametrize("value", ["extractive-qa", "text-classification-other-stance-detection", "other-foo"])
def test_806_silent(value: str) -> None:
    assert_silent(f"task_ids: [{value}]\n", "DCL806")


# --- DCL807 invalid-size-category -------------------------------------------------------


@pytest.mark.parametrize(("value", "hint"), [("100k<n<1M", "`100K<n<1M`"), ("~3000 hours", None)])
def test_807_invalid_size(value: str, hint: str | None) -> None:
    yaml_text = f"size_categories:\n  - '{value}'  # <- DCL807\n"
    assert_reports(yaml_text, "DCL807")
    if hint:
        assert hint in (diagnostic(yaml_text, "DCL807").help or "")


@pytest.mark.parametrize("yaml_text", ["size_categories: [n<1K]\n", "size_categories: n>1T\n",
                                       "size_categories: [unknown]\n", "size_categories: {cfg: [1K<n<10K]}\n"])
def test_807_silent(yaml_text: str) -> None:
    assert_silent(yaml_text, "DCL807")


def test_807_checks_the_legacy_per_config_mapping() -> None:
    assert_reports("size_categories:\n  en:\n    - 10k<n<100k  # <- DCL807\n", "DCL807")


# --- DCL808 invalid-creators --------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [
        ("annotations_creators", "none", "`no-annotation`"),
        ("annotations_creators", "crowd-sourced", "`crowdsourced`"),
        ("language_creators", "unknown", None),
        ("language_creators", "no-annotation", "only for `annotations_creators`"),
        ("annotations_creators", "Acme Labelling Ltd", None),
    ],
)
def test_808_invalid_creators(key: str, value: str, hint: str | None) -> None:
    yaml_text = f"{key}:\n  - {value}  # <- DCL808\n"
    assert_reports(yaml_text, "DCL808")
    if hint:
        assert hint in (diagnostic(yaml_text, "DCL808").help or "")


def test_808_silent() -> None:
    assert_silent("annotations_creators: [no-annotation, machine-generated]\nlanguage_creators: found\n", "DCL808")
    assert_silent("annotations_creators: [other-legacy]\n", "DCL808")


# --- DCL809 invalid-multilinguality -----------------------------------------------------


@pytest.mark.parametrize(("value", "hint"), [("en-fr", "languages go in `language`"), ("muonolingual", "`monolingual`"),
                                             ("unknown", None)])
def test_809_invalid_multilinguality(value: str, hint: str | None) -> None:
    yaml_text = f"multilinguality:\n  - {value}  # <- DCL809\n"
    assert_reports(yaml_text, "DCL809")
    if hint:
        assert hint in (diagnostic(yaml_text, "DCL809").help or "")


def test_809_silent() -> None:
    assert_silent("multilinguality: [monolingual, translation]\n", "DCL809")
    assert_silent("multilinguality: other-programming-languages\n", "DCL809")


# --- DCL810 multilinguality-disagrees-with-language -------------------------------------


def test_810_monolingual_with_two_languages() -> None:
    assert_reports("language: [en, de]\nmultilinguality: monolingual  # <- DCL810\n", "DCL810")
    assert_reports("language: [en, de]\nmultilinguality:\n  - monolingual  # <- DCL810\n", "DCL810")


@pytest.mark.parametrize(
    "yaml_text",
    [
        "language: [en, de]\nmultilinguality: multilingual\n",
        "language: [en, code]\nmultilinguality: monolingual\n",
        "language: [ar, arz]\nmultilinguality: monolingual\n",  # a macrolanguage and a member
        "language: [nb, nn, 'no']\nmultilinguality: monolingual\n",
        "language: [en, en-US]\nmultilinguality: monolingual\n",
        "language: [en]\nmultilinguality: multilingual\n",  # could be dialects without codes
        "language: [en, de]\nmultilinguality: [monolingual, multilingual]\n",
        "language: [en, de]\nmultilinguality: {a: monolingual}\n",
    ],
)
def test_810_silent(yaml_text: str) -> None:
    assert_silent(yaml_text, "DCL810")


# --- DCL811 duplicate-config-name -------------------------------------------------------


def test_811_duplicate_config_names() -> None:
    assert_reports(
        "configs:\n  - config_name: default\n    data_files: a/*.csv\n"
        "  - config_name: default  # <- DCL811\n    data_files: b/*.csv\n"
        "dataset_info:\n  - config_name: x\n  - config_name: x  # <- DCL811\n",
        "DCL811",
    )


def test_811_silent() -> None:
    assert_silent("configs:\n  - config_name: a\n  - config_name: b\n  - data_files: c.csv\n  - data_files: d.csv\n",
                  "DCL811")


# --- DCL812 size-category-disagrees-with-examples ---------------------------------------

INFO = "dataset_info:\n  splits:\n    - {name: train, num_examples: 21500}\n    - {name: test, num_examples: 2700}\n"


def test_812_bucket_disagrees() -> None:
    assert_reports("size_categories:\n  - 1K<n<10K  # <- DCL812\n" + INFO, "DCL812")
    assert "use `10K<n<100K`" in (diagnostic("size_categories: [1K<n<10K]\n" + INFO, "DCL812").help or "")


@pytest.mark.parametrize(
    "yaml_text",
    [
        "size_categories: [10K<n<100K]\n" + INFO,
        "size_categories: [other]\n" + INFO,
        "size_categories: [unknown]\n" + INFO,
        "size_categories: [1K<n<10K]\n",  # no counts
        "size_categories: [n<1K]\ndataset_info:\n  splits:\n    - {name: train, num_examples: 1000}\n",  # boundary
        "size_categories: [1K<n<10K]\ndataset_info:\n  splits:\n    - {name: train}\n",  # unclear count
        "size_categories: [1K<n<10K]\ndataset_info:\n  splits:\n    - {name: train, num_examples: 0}\n",
        # several configs: one config's size is accepted
        "size_categories: [1K<n<10K]\ndataset_info:\n"
        "  - {config_name: a, splits: [{name: train, num_examples: 5000}]}\n"
        "  - {config_name: b, splits: [{name: train, num_examples: 8000}]}\n",
    ],
)
def test_812_silent(yaml_text: str) -> None:
    assert_silent(yaml_text, "DCL812")


@pytest.mark.parametrize(
    ("n", "bucket"), [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (2_340_000, "1M<n<10M"), (10**13, "n>1T")]
)
def test_size_bucket(n: int, bucket: str) -> None:
    assert size_bucket(n) == bucket


# --- DCL813 misspelt-hub-key ------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "target"),
    [("licence", "license"), ("annotation_creators", "annotations_creators"), ("source_dataset", "source_datasets"),
     ("task_category", "task_categories"), ("Pretty_name", "pretty_name"), ("train_eval_index", "train-eval-index")],
)
def test_813_misspelt_key(key: str, target: str) -> None:
    yaml_text = f"{key}: x  # <- DCL813\n"
    assert_reports(yaml_text, "DCL813")
    assert f"`{target}`" in diagnostic(yaml_text, "DCL813").message


def test_813_silent() -> None:
    assert_silent("license: mit\nlanguages: [en]\ncustom_field: 1\ndatasets: [x]\n", "DCL813")


# --- DCL814 legacy-hub-value ------------------------------------------------------------


@pytest.mark.parametrize(
    "yaml_text",
    [
        "size_categories:\n  - unknown  # <- DCL814\n",
        "language:\n  - unknown  # <- DCL814\n",
        "multilinguality:\n  - other-programming-languages  # <- DCL814\n",
        "task_ids:\n  - text-classification-other-Word Sense Disambiguation  # <- DCL814\n",
        "task_categories:\n  - other-text-to-tabular  # <- DCL814\n",
        "annotations_creators:\n  - other-legacy  # <- DCL814\n",
    ],
)
def test_814_legacy_values(yaml_text: str) -> None:
    assert_reports(yaml_text, "DCL814")


def test_814_silent() -> None:
    assert_silent("size_categories: [other]\nmultilinguality: other\ntask_ids: [other]\nlanguage: [und]\n", "DCL814")


# --- DCL815 template-placeholder-key ----------------------------------------------------


def test_815_template_key() -> None:
    assert_reports("YAML tags:  # <- DCL815\n  - copy-paste the tags\nlicense: mit\n", "DCL815")


def test_815_silent() -> None:
    assert_silent("license: mit\ntags: [yaml]\n", "DCL815")


# --- helpers, robustness, corpus ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "key"),
    [("sw", "sw"), ("swa", "sw"), ("swh", "sw"), ("sw-KE", "sw"), ("arz", "ar"), ("nb", "no"), ("iw", "he"),
     ("code", None), ("und", None), ("English", None), (5, None), ("", None)],
)
def test_language_key(code: object, key: str | None) -> None:
    assert language_key(code) == key


def test_hub_rules_run_without_governance() -> None:
    codes = {c for c, _ in codes_at(lint(card("license: MIT\nlanguage: [en-US]\n")))}
    assert {"DCL801", "DCL803", "DCL901"} <= codes


@pytest.mark.parametrize(
    "yaml_text",
    [
        "license: {a: b}\nlanguage: {cfg: [en, {x: 1}]}\ntask_categories: 5\nsize_categories: [[1]]\n",
        "multilinguality: [{a: 1}, monolingual]\nlanguage: [en, de]\nconfigs: [1, {config_name: [a]}]\n",
        "dataset_info: {splits: {train: {num_examples: 5}}}\nsize_categories: [n<1K]\n",
        "dataset_info: [1, 2]\nsize_categories: n<1K\nannotations_creators: {a: [1, none]}\n",
        "? [a, b]\n: 1\nlicense: other\nlicense_name: [x]\n",
    ],
)
def test_odd_values_never_crash(yaml_text: str) -> None:
    assert "DCL999" not in {c for c, _ in codes_at(lint(card(yaml_text)))}


def test_good_examples_are_clean(repo) -> None:  # type: ignore[no-untyped-def]
    for name in ("synthetic-instruct", "web-crawl-pretraining", "human-survey", "synthetic-reviews", "legacy-hub-card"):
        text = (repo / "examples" / name / "README.md").read_text(encoding="utf-8")
        assert not [d for d in lint(text).diagnostics if d.code.startswith("DCL8")], name


def test_cards_cleaned_by_the_hub_ci_are_nearly_clean(corpus: Path) -> None:
    """The 2022 cards passed the Hub's own validator: the vocabulary errors must stay rare."""
    engine = Engine(Settings(as_of=dt.date(2026, 11, 24), select=("DCL8",)))
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted((corpus / "hf-2022").glob("*.md")):
        counts.update(d.code for d in engine.check_path(path).diagnostics)
    for code in ("DCL801", "DCL807", "DCL808", "DCL809", "DCL811", "DCL812", "DCL813", "DCL815"):
        assert counts[code] == 0, (code, counts)
    assert counts["DCL803"] <= 3, counts  # cc100's `ns`
    assert counts["DCL816"] <= 3, counts  # opus100's retired `sh`
