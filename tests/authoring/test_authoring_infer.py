"""What `init` infers from Hub metadata, and what it leaves alone."""

from __future__ import annotations

from datacard_lint.authoring.infer import Config, infer, slug


def test_machine_generated_creators_and_synthetic_tags_are_evidence() -> None:
    found = infer({"annotations_creators": ["machine-generated"], "language_creators": "machine-generated",
                   "tags": ["Synthetic-data", "chat"]})
    assert found.synthetic
    assert found.synthetic_evidence == (
        "language_creators: machine-generated",
        "annotations_creators: machine-generated",
        "tags: Synthetic-data",
    )
    assert not infer({"annotations_creators": ["crowdsourced"], "tags": ["chat"]}).synthetic


def test_configs_in_both_hub_formats_with_rows_from_dataset_info() -> None:
    modern = infer({
        "configs": [{"config_name": "en", "data_files": "en/*"}, {"config_name": "fr"}],
        "dataset_info": [
            {"config_name": "en",
             "splits": [{"name": "train", "num_examples": 10}, {"name": "test", "num_examples": 2}]},
            {"config_name": "fr", "splits": [{"name": "train"}]},  # no count: no rows
        ],
    })
    assert modern.configs == (Config("en", 12), Config("fr", None))
    legacy = infer({"configs": ["a", "b", "a"]})
    assert legacy.configs == (Config("a"), Config("b"))


def test_dataset_info_names_configs_when_configs_is_absent() -> None:
    found = infer({"dataset_info": [
        {"config_name": "x", "splits": [{"num_examples": 1}]},
        {"config_name": "y", "splits": [{"num_examples": 3}]},
    ]})
    assert found.configs == (Config("x", 1), Config("y", 3))
    single = infer({"dataset_info": {"splits": [{"num_examples": 5}]}})
    assert single.configs == ()  # one unnamed config is just the dataset


def test_languages_keep_order_and_skip_non_strings() -> None:
    found = infer({"language": ["en", False, "fr", "en", " "]})
    assert found.languages == ("en", "fr")
    assert found.skipped_languages == ("False", "' '")
    assert infer({"language": "de"}).languages == ("de",)


def test_extended_sources_are_named_datasets() -> None:
    assert infer({"source_datasets": ["original", "extended|squad", "extended|"]}).source_datasets == ("squad",)


def test_garbage_metadata_infers_nothing() -> None:
    for meta in (None, {}, {"configs": 3, "dataset_info": "x", "language": {"a": 1}, "tags": 7}):
        found = infer(meta)  # type: ignore[arg-type]
        assert found.configs == () and not found.synthetic and found.languages == ()


def test_slug_gives_valid_part_ids() -> None:
    assert slug("Ade_corpus_v2 Classification") == "ade_corpus_v2-classification"
    assert slug("2.11") == "2.11"
    assert slug("--") == "part"
    assert slug("日本語") == "part"
