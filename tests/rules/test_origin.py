"""Origin rules (DCL1xx): shares, sizes, generators, ids, config and split bindings, Hub creators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dcl_testing import card, codes, codes_at, lint, marked, swap
from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.governance.readers import as_date, as_int, as_number, has_text
from datacard_lint.rules.context import Thresholds

# --- DCL101 origin-shares-do-not-sum ------------------------------------------------------

SHARES_TOO_HIGH = card("""
    governance:
      schema_version: "1.0"
      parts:  # <-
        - id: human
          share: 0.6
          origin: {class: direct_human_record}
        - id: generated
          share: 0.6
          origin: {class: simulation}
    """)


def test_dcl101_reports_shares_that_do_not_sum_at_the_parts_key() -> None:
    result = lint(SHARES_TOO_HIGH)
    assert ("DCL101", marked(SHARES_TOO_HIGH)) in codes_at(result)
    message = next(d.message for d in result.diagnostics if d.code == "DCL101")
    assert "1.2" in message and "`human` 0.6" in message
    assert next(d for d in result.diagnostics if d.code == "DCL101").severity.value == "error"


def test_dcl101_accepts_rounding_within_tolerance() -> None:
    text = swap(SHARES_TOO_HIGH, "share: 0.6", "share: 0.395", 1)
    assert "DCL101" not in codes(text)  # 0.995


def test_dcl101_tolerance_is_configurable() -> None:
    text = swap(SHARES_TOO_HIGH, "share: 0.6", "share: 0.45", 1)  # sum 1.05
    assert "DCL101" in codes(text)
    assert "DCL101" not in codes(text, thresholds=Thresholds(share_tolerance=0.06))


def test_dcl101_silent_when_a_share_is_missing_or_units_differ() -> None:
    missing = swap(SHARES_TOO_HIGH, "      share: 0.6\n      origin: {class: simulation}",
                                      "      origin: {class: simulation}")
    assert "DCL101" not in codes(missing)
    assert "DCL109" in codes(missing)
    mixed = swap(SHARES_TOO_HIGH, "share: 0.6\n      origin: {class: simulation}",
                                    "share: 0.6\n      share_basis: tokens\n      origin: {class: simulation}")
    assert "DCL101" not in codes(mixed)
    assert "DCL113" in codes(mixed)


# --- DCL102 share-size-mismatch -------------------------------------------------------

SIZE_MISMATCH = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          size: {rows: 8000}
          share: 0.4
          origin: {class: direct_human_record}
        - id: dialogues
          size: {rows: 6000}
          share: 0.3
          origin: {class: simulation}
        - id: reviews
          size: {rows: 6000}
          share: 0.6  # <-
          origin: {class: simulation}
    """)


def test_dcl102_reports_the_share_that_disagrees_with_its_size() -> None:
    result = lint(SIZE_MISMATCH)
    found = {(c, line) for c, line in codes_at(result) if c == "DCL102"}
    assert found == {("DCL102", marked(SIZE_MISMATCH))}
    message = next(d.message for d in result.diagnostics if d.code == "DCL102")
    assert "0.6" in message and "0.3" in message and "6,000 of 20,000 rows" in message


def test_dcl102_passes_matching_shares_and_uses_the_share_basis() -> None:
    assert "DCL102" not in codes(swap(SIZE_MISMATCH, "share: 0.6  # <-", "share: 0.3"))
    tokens = card("""
        governance:
          schema_version: "1.0"
          parts:
            - id: crawl
              size: {rows: 10, tokens: 900}
              share: 0.9
              share_basis: tokens
              origin: {class: public_web_crawl}
            - id: generated
              size: {rows: 90, tokens: 100}
              share: 0.1
              share_basis: tokens
              origin: {class: simulation}
        """)
    assert "DCL102" not in codes(tokens)  # by rows they would be 0.1 / 0.9


def test_dcl102_needs_every_part_sized_in_the_unit() -> None:
    text = swap(SIZE_MISMATCH, "      size: {rows: 8000}\n", "")
    assert "DCL102" not in codes(text)


# --- DCL103 generator-missing ------------------------------------------------------------

NO_GENERATOR = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated  # <-
    """)


def test_dcl103_reports_a_model_part_without_generators() -> None:
    assert ("DCL103", marked(NO_GENERATOR)) in codes_at(lint(NO_GENERATOR))


@pytest.mark.parametrize("klass", ["human_edited_model_output", "generated_preference_label"])
def test_dcl103_covers_every_model_class(klass: str) -> None:
    text = swap(NO_GENERATOR, "model_generated", klass)
    assert ("DCL103", marked(text)) in codes_at(lint(text))


def test_dcl103_points_at_an_empty_generators_list() -> None:
    text = swap(NO_GENERATOR, "model_generated  # <-", "model_generated\n        generators: []  # <-")
    assert ("DCL103", marked(text)) in codes_at(lint(text))


def test_dcl103_passes_a_named_generator_and_ignores_simulation() -> None:
    named = swap(NO_GENERATOR, "model_generated  # <-",
                                 "model_generated\n        generators: [{model: org/m, revision: v1}]")
    assert "DCL103" not in codes(named)
    assert "DCL103" not in codes(swap(NO_GENERATOR, "model_generated", "simulation"))


# --- DCL104 duplicate-part-id -------------------------------------------------------------

DUPLICATE_ID = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 0.5
          origin: {class: direct_human_record}
        - id: chat  # <-
          share: 0.5
          origin: {class: simulation}
    """)


def test_dcl104_reports_the_second_occurrence_only() -> None:
    found = [(c, line) for c, line in codes_at(lint(DUPLICATE_ID)) if c == "DCL104"]
    assert found == [("DCL104", marked(DUPLICATE_ID))]


def test_dcl104_passes_unique_ids() -> None:
    assert "DCL104" not in codes(swap(DUPLICATE_ID, "- id: chat  # <-", "- id: chat-simulated"))


# --- DCL105 unknown-config-binding / DCL106 config-binding-without-configs -------------------

BINDING = card("""
    configs:
      - config_name: human
        data_files: data/human/*.jsonl
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          config_name: humans  # <-
          share: 1.0
          origin: {class: direct_human_record}
    """)


def test_dcl105_reports_a_binding_to_an_undefined_config() -> None:
    result = lint(BINDING)
    assert ("DCL105", marked(BINDING)) in codes_at(result)
    assert "`human`" in next(d.message for d in result.diagnostics if d.code == "DCL105")


def test_dcl105_passes_a_defined_config() -> None:
    assert "DCL105" not in codes(swap(BINDING, "config_name: humans", "config_name: human"))


def test_dcl105_reads_a_single_mapping_config_as_default() -> None:
    text = card("""
        configs:
          data_files: data/*.jsonl
        governance:
          schema_version: "1.0"
          parts:
            - id: all
              config_name: default
              share: 1.0
              origin: {class: direct_human_record}
        """)
    assert "DCL105" not in codes(text)
    assert "DCL105" in codes(swap(text, "config_name: default", "config_name: other"))


def test_dcl105_silent_when_configs_are_malformed() -> None:
    text = swap(BINDING, "  - config_name: human\n", "  - data_dir: human\n")
    assert "DCL105" not in codes(text)


def test_dcl106_warns_about_a_named_binding_without_configs() -> None:
    text = swap(BINDING, "configs:\n  - config_name: human\n    data_files: data/human/*.jsonl\n", "")
    result = lint(text)
    assert ("DCL106", marked(text)) in codes_at(result)
    assert "DCL105" not in {d.code for d in result.diagnostics}
    assert next(d for d in result.diagnostics if d.code == "DCL106").severity.value == "warning"


def test_dcl106_accepts_default_and_dataset_info_configs() -> None:
    bare = swap(BINDING, "configs:\n  - config_name: human\n    data_files: data/human/*.jsonl\n", "")
    assert "DCL106" not in codes(swap(bare, "config_name: humans", "config_name: default"))
    with_info = "---\ndataset_info:\n  - config_name: humans\n    splits: []\n" + bare[len("---\n"):]
    assert "DCL106" not in codes(with_info)
    assert "DCL106" not in codes(BINDING)  # configs exist: DCL105's business


# --- DCL107 generator-without-revision -----------------------------------------------------

NO_REVISION = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators:
              - model: acme-research/tessera-lm-8b-instruct  # <-
                role: generator
    """)


def test_dcl107_reports_a_generator_without_revision() -> None:
    assert ("DCL107", marked(NO_REVISION)) in codes_at(lint(NO_REVISION))


def test_dcl107_reports_a_moving_revision_at_the_revision() -> None:
    text = swap(swap(NO_REVISION, "  # <-", ""), "role: generator", "revision: main  # <-")
    result = lint(text)
    assert ("DCL107", marked(text)) in codes_at(result)
    assert "moving revision `main`" in next(d.message for d in result.diagnostics if d.code == "DCL107")


def test_dcl107_passes_a_fixed_revision() -> None:
    assert "DCL107" not in codes(swap(NO_REVISION, "role: generator", "revision: 3f9c2a1"))


# --- DCL108 seed-source-missing ------------------------------------------------------------

NO_SEED = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated  # <-
            generators: [{model: org/m, revision: v1}]
    """)


def test_dcl108_reports_a_model_part_without_seed_source() -> None:
    assert ("DCL108", marked(NO_SEED)) in codes_at(lint(NO_SEED))


def test_dcl108_passes_a_seed_source_and_ignores_simulation() -> None:
    seeded = swap(NO_SEED, "revision: v1}]", "revision: v1}]\n        seed_source: seeds/openings.jsonl")
    assert "DCL108" not in codes(seeded)
    assert "DCL108" not in codes(swap(NO_SEED, "model_generated", "simulation"))
    assert "DCL108" in codes(swap(NO_SEED, "revision: v1}]", "revision: v1}]\n        seed_source: TODO"))


# --- DCL109 part-share-missing -------------------------------------------------------------

SHARE_MISSING = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          share: 0.7
          origin: {class: direct_human_record}
        - id: generated  # <-
          origin: {class: simulation}
    """)


def test_dcl109_reports_the_part_without_share() -> None:
    result = lint(SHARE_MISSING)
    assert ("DCL109", marked(SHARE_MISSING)) in codes_at(result)
    assert [d.code for d in result.diagnostics].count("DCL109") == 1


def test_dcl109_silent_when_all_or_no_parts_give_shares() -> None:
    assert "DCL109" not in codes(swap(SHARE_MISSING, "- id: generated  # <-", "- id: generated\n      share: 0.3"))
    assert "DCL109" not in codes(swap(SHARE_MISSING, "      share: 0.7\n", ""))


# --- DCL110 / DCL111 / DCL112 Hub creators and tags -----------------------------------------

CREATORS_MACHINE = card("""
    annotations_creators:
      - expert-generated
    language_creators:
      - machine-generated  # <-
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin: {class: public_web_crawl}
    """)


def test_dcl110_reports_machine_generated_creators_without_synthetic_part() -> None:
    assert ("DCL110", marked(CREATORS_MACHINE)) in codes_at(lint(CREATORS_MACHINE))


def test_dcl110_silent_with_a_synthetic_or_unknown_part() -> None:
    assert "DCL110" not in codes(swap(CREATORS_MACHINE, "public_web_crawl", "simulation"))
    other = swap(CREATORS_MACHINE, "{class: public_web_crawl}", "{class: other, description: Mixed sources.}")
    assert "DCL110" not in codes(other)
    assert "DCL110" not in codes(swap(CREATORS_MACHINE, "machine-generated", "found"))


NOT_IN_CREATORS = card("""
    language_creators:  # <-
      - expert-generated
    governance:
      schema_version: "1.0"
      parts:
        - id: drives
          share: 0.5
          origin: {class: direct_human_record}
        - id: scenes
          share: 0.5
          origin: {class: simulation}
    """)


def test_dcl121_reports_creators_that_contradict_every_part() -> None:
    only_generated = swap(swap(NOT_IN_CREATORS, "      share: 0.5\n      origin: {class: direct_human_record}",
                               "      share: 0.5\n      origin: {class: algorithmic_generation}"),
                          "language_creators:  # <-", "language_creators:  # <-")
    result = lint(only_generated)
    assert ("DCL121", marked(only_generated)) in codes_at(result)
    assert "DCL111" not in codes(only_generated)  # the complete contradiction is reported once
    assert "DCL121" not in codes(swap(only_generated, "  - expert-generated", "  - machine-generated"))
    assert "DCL121" not in codes(NOT_IN_CREATORS)  # a partial omission stays DCL111's warning


def test_dcl121_reports_machine_generated_only_on_human_parts() -> None:
    text = swap(CREATORS_MACHINE, "annotations_creators:\n  - expert-generated\n", "")
    assert "DCL121" in codes(text)
    assert "DCL121" not in codes(CREATORS_MACHINE.replace("  - machine-generated  # <-", "  - found\n  - machine-generated"))


def test_dcl111_reports_creators_that_omit_machine_generated() -> None:
    assert ("DCL111", marked(NOT_IN_CREATORS)) in codes_at(lint(NOT_IN_CREATORS))


def test_dcl111_passes_with_machine_generated_or_without_creators() -> None:
    listed = swap(NOT_IN_CREATORS, "  - expert-generated", "  - expert-generated\n  - machine-generated")
    assert "DCL111" not in codes(listed)
    in_annotations = "---\nannotations_creators: machine-generated\n" + NOT_IN_CREATORS[len("---\n"):]
    assert "DCL111" not in codes(in_annotations)
    without = swap(NOT_IN_CREATORS, "language_creators:  # <-\n  - expert-generated\n", "")
    assert "DCL111" not in codes(without)


SYNTHETIC_TAG = card("""
    tags:
      - survey
      - synthetic  # <-
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
    """)


def test_dcl112_reports_a_synthetic_tag_without_synthetic_part() -> None:
    assert ("DCL112", marked(SYNTHETIC_TAG)) in codes_at(lint(SYNTHETIC_TAG))


def test_dcl112_passes_without_the_tag_or_with_a_synthetic_part() -> None:
    assert "DCL112" not in codes(swap(SYNTHETIC_TAG, "  - synthetic  # <-\n", ""))
    assert "DCL112" not in codes(swap(SYNTHETIC_TAG, "direct_human_record", "simulation"))


# --- DCL113 share-basis-mixed --------------------------------------------------------------

MIXED = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: crawl
          share: 0.8
          share_basis: tokens
          origin: {class: public_web_crawl}
        - id: generated
          share: 0.2  # <-
          origin: {class: simulation}
    """)


def test_dcl113_reports_mixed_units_including_the_default() -> None:
    result = lint(MIXED)
    assert ("DCL113", marked(MIXED)) in codes_at(result)
    assert "rows: `generated`" in next(d.message for d in result.diagnostics if d.code == "DCL113")


def test_dcl113_passes_one_unit() -> None:
    assert "DCL113" not in codes(swap(MIXED, "share: 0.2  # <-", "share: 0.2\n      share_basis: tokens"))


# --- DCL114 unknown-split-binding ------------------------------------------------------------

SPLIT = card("""
    configs:
      - config_name: default
        data_files:
          - {split: train, path: data/train.parquet}
          - {split: test, path: data/test.parquet}
    governance:
      schema_version: "1.0"
      parts:
        - id: heldout
          config_name: default
          split: validation  # <-
          share: 1.0
          origin: {class: direct_human_record}
    """)


def test_dcl114_reports_an_undefined_split() -> None:
    assert ("DCL114", marked(SPLIT)) in codes_at(lint(SPLIT))


def test_dcl114_passes_a_defined_split_even_without_config_name() -> None:
    assert "DCL114" not in codes(swap(SPLIT, "split: validation  # <-", "split: test"))
    assert "DCL114" not in codes(swap(swap(SPLIT, "      config_name: default\n", ""), "validation", "test"))


def test_dcl114_reads_plain_data_files_as_the_train_split() -> None:
    plain = card("""
        configs:
          - config_name: default
            data_files: data/*.parquet
        governance:
          schema_version: "1.0"
          parts:
            - id: all
              config_name: default
              split: test  # <-
              share: 1.0
              origin: {class: direct_human_record}
        """)
    assert ("DCL114", marked(plain)) in codes_at(lint(plain))
    assert "DCL114" not in codes(swap(plain, "split: test", "split: train"))


def test_dcl114_silent_when_files_are_not_listed() -> None:
    text = swap(SPLIT, "    data_files:\n      - {split: train, path: data/train.parquet}\n"
                         "      - {split: test, path: data/test.parquet}\n", "    data_dir: data\n")
    assert "DCL114" not in codes(text)


# --- DCL115 generator-role-on-non-synthetic-part ----------------------------------------------

HUMAN_WITH_GENERATOR = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: direct_human_record
            generators:
              - model: org/m
                revision: v1
                role: generator  # <-
    """)


def test_dcl115_reports_a_generator_role_on_a_human_part() -> None:
    assert ("DCL115", marked(HUMAN_WITH_GENERATOR)) in codes_at(lint(HUMAN_WITH_GENERATOR))


def test_dcl115_passes_judges_and_synthetic_classes() -> None:
    assert "DCL115" not in codes(swap(HUMAN_WITH_GENERATOR, "role: generator", "role: judge"))
    assert "DCL115" not in codes(swap(HUMAN_WITH_GENERATOR, "direct_human_record", "model_generated"))


# --- DCL116 collection-period-inverted ---------------------------------------------------------

INVERTED = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period:
              start: 2021-06-01
              end: 2012-06-01  # <-
    """)


def test_dcl116_reports_an_inverted_period_with_dates_or_strings() -> None:
    assert ("DCL116", marked(INVERTED)) in codes_at(lint(INVERTED))
    quoted = swap(swap(INVERTED, "2021-06-01", '"2021-06-01"'), "2012-06-01", '"2012-06-01"')
    assert ("DCL116", marked(quoted)) in codes_at(lint(quoted))


def test_dcl116_passes_an_ordered_period() -> None:
    assert "DCL116" not in codes(swap(INVERTED, "2012-06-01", "2022-06-01"))


# --- DCL117 preference-labeler-missing -----------------------------------------------------------

NO_LABELER = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: pairs
          share: 1.0
          origin:
            class: generated_preference_label  # <-
            generators:
              - {model: org/writer, revision: v1, role: generator}
    """)


def test_dcl117_reports_preferences_without_a_labeler() -> None:
    assert ("DCL117", marked(NO_LABELER)) in codes_at(lint(NO_LABELER))


def test_dcl117_passes_a_labeler_or_an_unstated_role() -> None:
    labeler = "\n          - {model: org/rm, revision: v2, role: labeler}"
    labelled = swap(NO_LABELER, "role: generator}", "role: generator}" + labeler)
    assert "DCL117" not in codes(labelled)
    assert "DCL117" not in codes(swap(NO_LABELER, ", role: generator", ""))


# --- the example cards -----------------------------------------------------------------------------

REQUIREMENT_CODES = ("DCL1", "DCL2", "DCL3", "DCL4")


def _example(repo: Path, name: str) -> str:
    return (repo / "examples" / name / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["synthetic-instruct", "web-crawl-pretraining", "human-survey"])
def test_good_examples_have_no_origin_purpose_verification_or_renewal_findings(repo: Path, name: str) -> None:
    found = {c for c in codes(_example(repo, name)) if c.startswith(REQUIREMENT_CODES)}
    assert found == set()


def test_broken_example_shows_its_documented_origin_mistakes(repo: Path) -> None:
    text = _example(repo, "broken-card")
    lines = text.splitlines()
    found = codes_at(lint(text))
    parts_line = lines.index("  parts:") + 1
    reviews_share = next(i for i, line in enumerate(lines, start=1) if line.strip() == "share: 0.6")
    reviews_class = next(i for i, line in enumerate(lines, start=1) if i > reviews_share and "class:" in line)
    assert ("DCL101", parts_line) in found
    assert ("DCL102", reviews_share) in found
    assert ("DCL103", reviews_class) in found


# --- robustness ---------------------------------------------------------------------------------

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                     st.text(max_size=8), st.sampled_from(["model_generated", "simulation", "rows", "tokens",
                                                           "none", "code", "math", "consent", "P3M", "2026-01-01"]))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(["model", "role", "method", "tool", "start", "end"]),
                                         inner, max_size=3), max_leaves=8)
_FIELDS = ["id", "share", "share_basis", "size", "config_name", "split", "origin", "purpose", "verification"]
_part = st.fixed_dictionaries(
    {"id": st.one_of(st.just("p"), _values)},
    optional={
        **{key: _values for key in _FIELDS[1:]},
        "origin": st.fixed_dictionaries({"class": st.one_of(st.sampled_from(["model_generated", "direct_human_record",
                                                                             "generated_preference_label"]), _values)},
                                        optional={"generators": _values, "collection_period": _values,
                                                  "seed_source": _values}),
    },
)
_renewal = st.dictionaries(st.sampled_from(["generation", "grounded_share", "parents", "cadence", "last_refresh",
                                            "fresh_data"]), _values, max_size=6)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(_part, max_size=3), renewal=_renewal, configs=_values, tags=_values)
def test_rules_never_fail_on_odd_values(parts: list[object], renewal: object, configs: object, tags: object) -> None:
    import yaml

    meta = {"configs": configs, "tags": tags, "language_creators": tags,
            "governance": {"schema_version": "1.0", "parts": parts, "renewal": renewal,
                           "not_applicable": {"renewal": tags}}}
    try:
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n"
    except yaml.YAMLError:
        return
    result = lint(text)
    assert not result.internal_errors, result.internal_errors


# --- shared readers -----------------------------------------------------------------------------------


def test_as_number_rejects_booleans_strings_and_non_finite_values() -> None:
    assert as_number(0.5) == 0.5 and as_number(1) == 1.0
    assert as_number(True) is None and as_number("0.5") is None
    assert as_number(float("nan")) is None and as_number(float("inf")) is None
    assert as_number(10**400) is None


def test_as_int_and_as_date() -> None:
    assert as_int(2) == 2 and as_int(2.0) == 2 and as_int(2.5) is None and as_int(False) is None
    assert as_date(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert as_date(dt.datetime(2026, 1, 2, 10, 30)) == dt.date(2026, 1, 2)
    assert as_date("2026-01-02") == dt.date(2026, 1, 2)
    assert as_date("2026-01-02T10:00:00Z") == dt.date(2026, 1, 2)
    assert as_date("2026-13-02") is None and as_date("soon") is None and as_date(20260102) is None


def test_has_text_rejects_fillers_and_todo_markers() -> None:
    assert has_text("Seeds from the support team.")
    assert not has_text("") and not has_text("TBD") and not has_text("TODO: fill in") and not has_text(None)
    assert not has_text(["a list"])
