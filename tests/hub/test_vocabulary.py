"""The shipped Hub vocabularies and the checks built on them."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

from datacard_lint.hub import vocabulary as vocab


def _raw() -> dict[str, Any]:
    text = files("datacard_lint.hub").joinpath("data", "vocabularies.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# --- the JSON document -------------------------------------------------------------------

LIST_KEYS = [
    "licenses",
    "task_categories",
    "task_ids",
    "size_categories",
    "legacy_size_categories",
    "annotations_creators",
    "language_creators",
    "multilinguality",
    "special_language_values",
    "legacy_language_values",
    "modality_tags",
    "library_tags",
    "template_placeholder_keys",
    "language_codes",
]


@pytest.mark.parametrize("key", LIST_KEYS)
def test_lists_are_sorted_without_duplicates(key: str) -> None:
    values = _raw()[key]
    assert values, key
    assert all(isinstance(v, str) and v == v.strip() and v for v in values)
    assert len(values) == len(set(values)), f"duplicates in {key}"
    assert values == sorted(values), f"{key} is not sorted"


@pytest.mark.parametrize("key", ["deprecated_keys", "legacy_task_categories", "language_names"])
def test_mappings_have_sorted_keys(key: str) -> None:
    mapping = _raw()[key]
    assert list(mapping) == sorted(mapping)


def test_every_vocabulary_names_its_source() -> None:
    data = _raw()
    sources = data["sources"]
    for key in [*LIST_KEYS, "deprecated_keys", "legacy_task_categories", "language_names"]:
        assert sources.get(key), f"no source recorded for {key}"
        for source in sources[key]:
            repo, _, rest = source.partition("@")
            commit, _, path = rest.partition(":")
            assert repo.startswith("huggingface/"), source
            assert len(commit) == 40 and int(commit, 16) >= 0, source
            assert path, source
    assert set(sources) <= set(data)


def test_lists_do_not_overlap_where_they_must_not() -> None:
    data = _raw()
    assert not set(data["legacy_size_categories"]) & set(data["size_categories"])
    assert not set(data["legacy_task_categories"]) & set(data["task_categories"])
    assert not set(data["special_language_values"]) & set(data["language_codes"])
    assert set(data["language_names"].values()) <= set(data["language_codes"])


# --- the accessors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "license_id",
    [
        "apache-2.0",
        "mit",
        "cc-by-4.0",
        "cc-by-nc-sa-4.0",
        "odc-by",
        "odbl",
        "openrail",
        "llama3.1",
        "gemma",
        "unknown",
        "other",
    ],
)
def test_known_licenses(license_id: str) -> None:
    assert license_id in vocab.licenses()


@pytest.mark.parametrize("license_id", ["Apache-2.0", "apache 2.0", "gpl-3.0+", "cc-by", ""])
def test_unknown_licenses(license_id: str) -> None:
    assert license_id not in vocab.licenses()


def test_tasks() -> None:
    assert {
        "text-classification",
        "question-answering",
        "translation",
        "summarization",
        "text-generation",
        "image-classification",
        "automatic-speech-recognition",
        "text-retrieval",
        "other",
    } <= vocab.task_categories()
    assert {
        "extractive-qa",
        "named-entity-recognition",
        "multi-class-image-classification",
        "language-modeling",
        "dialogue-generation",
    } <= vocab.task_ids()
    # Renamed long ago: not accepted any more, but known as legacy names.
    for old in ("conditional-text-generation", "sequence-modeling", "text2text-generation"):
        assert old not in vocab.task_categories()
        assert old in vocab.legacy_task_categories()
    assert "extractive-qa" not in vocab.task_categories()
    assert "question-answering" not in vocab.task_ids()


def test_legacy_task_categories_point_at_current_ones() -> None:
    legacy = vocab.legacy_task_categories()
    assert legacy["structure-prediction"] == "token-classification"
    assert legacy["conditional-text-generation"] is None
    for replacement in legacy.values():
        assert replacement is None or replacement in vocab.task_categories()


def test_small_lists() -> None:
    assert vocab.size_categories() >= {"n<1K", "1K<n<10K", "1M<n<10M", "n>1T", "other"}
    assert "unknown" not in vocab.size_categories()
    assert vocab.creators("annotations_creators") == {
        "found",
        "crowdsourced",
        "expert-generated",
        "machine-generated",
        "no-annotation",
        "other",
    }
    assert vocab.creators("language_creators") == vocab.creators("annotations_creators") - {
        "no-annotation"
    }
    assert vocab.multilinguality() == {"monolingual", "multilingual", "translation", "other"}
    assert {"audio", "image", "text", "tabular"} <= vocab.vocabulary("modality_tags")
    assert {"datasets", "webdataset", "pandas"} <= vocab.vocabulary("library_tags")
    with pytest.raises(KeyError):
        vocab.vocabulary("no-such-list")


def test_deprecated_keys() -> None:
    keys = vocab.deprecated_keys()
    assert keys == {"languages": "language", "licenses": "license"}
    # Still-current keys are not deprecated.
    for current in ("task_ids", "pretty_name", "language_bcp47", "language_details"):
        assert current not in keys
    with pytest.raises(TypeError):
        keys["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize(
    ("value", "choices", "expected"),
    [
        ("apache2.0", "licenses", "apache-2.0"),
        ("cc-by-4", "licenses", "cc-by-4.0"),
        ("MIT", "licenses", "mit"),
        ("text-clasification", "task_categories", "text-classification"),
        ("extractive-QA", "task_ids", "extractive-qa"),
        ("100k<n<1M", "size_categories", "100K<n<1M"),
        ("crowd-sourced", "annotations_creators", "crowdsourced"),
        ("zzzzzzzz", "licenses", None),
        ("", "licenses", None),
    ],
)
def test_closest(value: str, choices: str, expected: str | None) -> None:
    assert vocab.closest(value, vocab.vocabulary(choices)) == expected


# --- language codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "en",
        "eng",
        "fr",
        "fra",
        "no",
        "nb",
        "zh",
        "yue",
        "tok",
        "code",
        "multilingual",
        "und",
        "mul",
        "ber",
    ],
)
def test_valid_language_codes(code: str) -> None:
    assert vocab.language_code_problem(code) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("", "empty"),
        (" en", "'en'"),
        ("xx-invalid", "not a valid"),
        ("xx", "not a valid"),
        ("english", "language name, not a code; use 'en'"),
        ("French", "use 'fr'"),
        ("EN", "lower case; use 'en'"),
        ("en-US", "use the ISO 639 code 'en' in `language`; put 'en-US' in `language_details`"),
        ("pt_BR", "put 'pt-BR' in `language_details`"),
        ("zh-Hans", "'zh' in `language`"),
        ("zh-yue", "use 'yue'"),
        ("sh", "use 'hbs'"),
        ("iw", "use 'he'"),
        ("ger", "use 'de'"),
        ("qaa", "private use"),
        ("unknown", "'und'"),
        ("de-en", "list 'de' and 'en'"),
        ("en-de", "language pair"),
    ],
)
def test_invalid_language_codes(code: str, expected: str) -> None:
    problem = vocab.language_code_problem(code)
    assert problem is not None
    assert expected in problem


def _front_matter(path: Path) -> dict[str, Any] | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].strip() != "---":
            return None
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
        data = yaml.safe_load("\n".join(lines[1:end]))
    except (UnicodeDecodeError, StopIteration, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for item in value for v in _strings(item)]
    if isinstance(value, dict):  # per-config language lists
        return [v for item in value.values() for v in _strings(item)]
    return []


def test_2022_hub_cards_are_accepted(pytestconfig: pytest.Config) -> None:
    corpus = pytestconfig.rootpath / ".." / "shared" / "corpus" / "hf-2022"
    cards = sorted(corpus.glob("*.md"))
    if not cards:
        pytest.skip(f"corpus not found at {corpus}")
    values: set[str] = set()
    for card in cards:
        front = _front_matter(card)
        if front is not None:
            values.update(_strings(front.get("language")))
    flagged = {v: p for v in sorted(values) if (p := vocab.language_code_problem(v))}
    print(f"\nhf-2022: {len(flagged)} of {len(values)} distinct `language` values flagged")
    for problem in flagged.values():
        print(f"  {problem}")
    assert len(values) > 200
    assert len(flagged) < 0.02 * len(values)
    # Everyday codes of the 2022 cards, including the quoted Norwegian 'no'.
    assert {"en", "no", "code", "zh", "ar", "sw", "fil"} <= values - set(flagged)
