"""Contamination rules (DCL6xx): each fails on a marked line and passes when fixed."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest
from dcl_testing import codes_at, lint

from datacard_lint.rules.context import Thresholds

_MARK = re.compile(r"#\s*<-\s*(DCL\d{3})")


def part(body: str, *, extra: str = "") -> str:
    """A card with one part; `body` holds the part's keys after `- id: p`, written flush left."""
    lines = textwrap.indent(textwrap.dedent(body).lstrip("\n"), "      ")
    return (
        "---\ngovernance:\n  schema_version: \"1.0\"\n  parts:\n    - id: p\n      share: 1.0\n"
        + lines + textwrap.indent(textwrap.dedent(extra).lstrip("\n"), "  ") + "---\n"
    )


def marked(text: str, code: str) -> set[tuple[str, int]]:
    return {(m.group(1), text.count("\n", 0, m.start()) + 1) for m in _MARK.finditer(text) if m.group(1) == code}


def assert_reports(text: str, code: str, **settings: object) -> None:
    want = marked(text, code)
    assert want, "test card has no marker"
    got = {hit for hit in codes_at(lint(text, **settings)) if hit[0] == code}
    assert got == want


def assert_silent(text: str, code: str, **settings: object) -> None:
    assert code not in {c for c, _ in codes_at(lint(text, **settings))}


def message(text: str, code: str) -> str:
    return next(d.message for d in lint(text).diagnostics if d.code == code)


MODEL = "origin: {class: model_generated, generators: [{model: org/m, revision: v1}]}\n"

# --- DCL601 crawl-without-ai-estimate ----------------------------------------------------


def test_601_crawl_ending_after_cutoff() -> None:
    text = part("""
        origin:
          class: public_web_crawl
          collection_period:
            start: 2021-01-01
            end: 2023-03-31  # <- DCL601
        contamination: {ai_label: unknown, determination: [unknown], confidence: low}
        """)
    assert_reports(text, "DCL601")
    assert "2023-03-31" in message(text, "DCL601") and "2022-12-31" in message(text, "DCL601")


def test_601_start_only_after_cutoff_and_quoted_dates() -> None:
    text = part("""
        origin:
          class: public_web_crawl
          collection_period:
            start: '2024-02-01'  # <- DCL601
        contamination: {ai_label: unknown, determination: [unknown], confidence: low}
        """)
    assert_reports(text, "DCL601")


@pytest.mark.parametrize(
    "body",
    [
        "origin: {class: public_web_crawl, collection_period: {start: 2019-01-01, end: 2022-12-31}}\n",
        "origin: {class: public_web_crawl, collection_period: {start: 2024-01-01}}\n"
        "contamination: {ai_label: mixed, estimated_ai_share: 0.05, estimate_method: Detector on a sample.}\n",
        "origin: {class: licensed_corpus, collection_period: {start: 2024-01-01, end: 2024-12-31}}\n",
        "origin: {class: public_web_crawl}\n",  # no period: DCL607
    ],
)
def test_601_silent(body: str) -> None:
    assert_silent(part(body), "DCL601")


def test_601_respects_not_applicable() -> None:
    text = part("origin: {class: public_web_crawl, collection_period: {end: 2024-12-31}}\n",
                extra="not_applicable:\n  contamination: The crawl is only used to evaluate the detector itself.\n")
    assert_silent(text, "DCL601")


def test_601_cutoff_is_configurable() -> None:
    text = part("origin: {class: public_web_crawl, collection_period: {start: 2023-01-01, end: 2023-06-30}}\n"
                "contamination: {ai_label: unknown, determination: [unknown], confidence: low}\n")
    assert "DCL601" in {c for c, _ in codes_at(lint(text))}
    late = Thresholds(genai_cutoff=dt.date(2023, 12, 31))
    assert_silent(text, "DCL601", thresholds=late)


# --- DCL617 genai-era-crawl-without-ai-label -------------------------------------------------


def test_617_unlabelled_genai_era_crawl_is_an_error_and_an_unknown_label_a_warning() -> None:
    text = part("""
        origin:
          class: public_web_crawl
          collection_period:
            start: 2021-01-01
            end: 2023-03-31  # <- DCL617
        """)
    assert_reports(text, "DCL617")
    assert_silent(text, "DCL601")  # one finding per crawl
    labelled = text.replace("  # <- DCL617", "") + ""
    labelled = labelled.replace("end: 2023-03-31\n", "end: 2023-03-31\n" + "      " + LABEL)
    assert_silent(labelled, "DCL617")
    assert "DCL601" in {c for c, _ in codes_at(lint(labelled))}
    claimed = labelled.replace("ai_label: unknown", "ai_label: human")
    assert "DCL617" in {c for c, _ in codes_at(lint(claimed))}
    measured = claimed.replace("determination: [unknown]", "determination: [classifier_detector]")
    assert_silent(measured, "DCL617")
    early = text.replace("end: 2023-03-31  # <- DCL617", "end: 2022-10-31")
    assert_silent(early, "DCL617")


LABEL = "contamination: {ai_label: unknown, determination: [unknown], confidence: low}\n"


# --- DCL602 benchmark-without-contamination-check ---------------------------------------


def test_602_benchmark_material_without_checks() -> None:
    text = part("""
        origin:
          class: benchmark_material  # <- DCL602
          source_datasets: [cais/mmlu]
        """)
    assert_reports(text, "DCL602")
    assert any(d.code == "DCL602" and d.severity.value == "error" for d in lint(text).diagnostics)


def test_602_empty_check_list_still_reported() -> None:
    text = part("""
        origin:
          class: benchmark_material  # <- DCL602
        """, extra="contamination_checks: []\n")
    assert_reports(text, "DCL602")


@pytest.mark.parametrize(
    "extra",
    [
        "contamination_checks:\n  - {benchmarks: [cais/mmlu], method: exact_match, overlap_rate: 0.0, action: none}\n",
        "not_applicable:\n  contamination: This dataset is itself the benchmark; there is no training data to check.\n",
    ],
)
def test_602_silent(extra: str) -> None:
    assert_silent(part("origin: {class: benchmark_material}\n", extra=extra), "DCL602")


# --- DCL603 label-contradicts-origin ----------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "label_line"),
    [
        ("model_generated", "digital_source_type: digitalCreation"),
        ("human_edited_model_output", "digital_source_type: humanEdits"),
        ("generated_preference_label", "ai_label: human"),
        ("model_generated", "ai_label: human"),
        ("direct_human_record", "digital_source_type: trainedAlgorithmicData"),
        ("direct_human_record", "digital_source_type: compositeWithTrainedAlgorithmicMedia"),
        ("direct_human_record", "ai_label: ai_generated"),
    ],
)
def test_603_contradictions(cls: str, label_line: str) -> None:
    text = part(f"""
        origin: {{class: {cls}}}
        contamination:
          {label_line}  # <- DCL603
          determination: [declared_by_producer]
        """)
    assert_reports(text, "DCL603")


@pytest.mark.parametrize(
    ("cls", "label_line"),
    [
        ("model_generated", "digital_source_type: trainedAlgorithmicData"),
        ("human_edited_model_output", "digital_source_type: compositeWithTrainedAlgorithmicMedia"),
        ("direct_human_record", "digital_source_type: digitalCreation"),
        ("direct_human_record", "ai_label: ai_assisted"),
        ("public_web_crawl", "ai_label: ai_generated"),  # unusual, but not a contradiction of the class
        ("simulation", "digital_source_type: algorithmicMedia"),
        ("model_generated", "digital_source_type: [digitalCreation]"),  # schema error only
    ],
)
def test_603_silent(cls: str, label_line: str) -> None:
    assert_silent(part(f"origin: {{class: {cls}}}\ncontamination:\n  {label_line}\n"), "DCL603")


# --- DCL604 unknown-determination-high-confidence ---------------------------------------


def test_604_unknown_with_high_confidence() -> None:
    text = part("""
        origin: {class: licensed_corpus}
        contamination:
          ai_label: human
          determination: [unknown]
          confidence: high  # <- DCL604
        """)
    assert_reports(text, "DCL604")


@pytest.mark.parametrize(
    "label",
    [
        "{determination: [unknown], confidence: low}",
        "{determination: [unknown, human_review], confidence: high}",
        "{confidence: high}",
    ],
)
def test_604_silent(label: str) -> None:
    assert_silent(part(f"origin: {{class: licensed_corpus}}\ncontamination: {label}\n"), "DCL604")


# --- DCL605 synthetic-part-without-label ------------------------------------------------


def test_605_model_part_without_label() -> None:
    text = ("---\ngovernance:\n  schema_version: \"1.0\"\n  parts:\n"
            "    - id: dialogues  # <- DCL605\n      share: 1.0\n      " + MODEL + "---\n")
    assert_reports(text, "DCL605")


@pytest.mark.parametrize(
    "body",
    [
        MODEL + "contamination: {ai_label: ai_generated, determination: [declared_by_producer]}\n",
        "origin: {class: simulation}\n",
        "origin: {class: direct_human_record}\n",
    ],
)
def test_605_silent(body: str) -> None:
    assert_silent(part(body), "DCL605")


# --- DCL606 detector-without-version ----------------------------------------------------


def test_606_no_detector() -> None:
    text = part("""
        origin: {class: public_web_crawl, collection_period: {end: 2024-12-31}}
        contamination:
          ai_label: mixed
          determination: [watermark_detector]  # <- DCL606
          estimated_ai_share: 0.1
          estimate_method: Watermark scan of every document.
        """)
    assert_reports(text, "DCL606")


def test_606_detector_without_version() -> None:
    text = part("""
        origin: {class: public_web_crawl, collection_period: {end: 2024-12-31}}
        contamination:
          ai_label: mixed
          determination: [classifier_detector]
          estimated_ai_share: 0.1
          estimate_method: Detector on a sample.
          detector: {name: acme-detector, version: ''}  # <- DCL606
        """)
    assert_reports(text, "DCL606")
    assert "`version`" in message(text, "DCL606")


@pytest.mark.parametrize(
    "label",
    [
        "{determination: [classifier_detector], detector: {name: acme-detector, version: 0.9.2}}",
        "{determination: [classifier_detector], detector: {name: acme-detector, version: 2}}",
        "{determination: [declared_by_producer]}",
    ],
)
def test_606_silent(label: str) -> None:
    assert_silent(part(f"origin: {{class: public_web_crawl}}\ncontamination: {label}\n"), "DCL606")


# --- DCL607 crawl-without-collection-period ---------------------------------------------


def test_607_crawl_without_period() -> None:
    text = part("""
        origin:
          class: public_web_crawl  # <- DCL607
        """)
    assert_reports(text, "DCL607")
    assert any(d.code == "DCL607" and d.severity.value == "info" for d in lint(text).diagnostics)


@pytest.mark.parametrize(
    "body",
    [
        "origin: {class: public_web_crawl, collection_period: {start: 2019-01-01}}\n",
        "origin: {class: public_web_crawl}\ncontamination: {estimated_ai_share: 0.1, estimate_method: Detector.}\n",
        "origin: {class: licensed_corpus}\n",
    ],
)
def test_607_silent(body: str) -> None:
    assert_silent(part(body), "DCL607")


# --- DCL608 ai-share-inconsistent -------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "label", "share"),
    [
        ("public_web_crawl", "ai_generated", "0.0"),
        ("public_web_crawl", "mixed", "0"),
        ("public_web_crawl", "human", "1.0"),
        ("public_web_crawl", "mixed", "1"),
        ("public_web_crawl", "human", "0.8"),
        ("public_web_crawl", "ai_generated", "0.2"),
        ("model_generated", "unknown", "0"),
        ("direct_human_record", "unknown", "1"),
    ],
)
def test_608_contradictions(cls: str, label: str, share: str) -> None:
    text = part(f"""
        origin: {{class: {cls}}}
        contamination:
          ai_label: {label}
          estimated_ai_share: {share}  # <- DCL608
          estimate_method: Detector on a sample of 10,000 documents.
        """)
    assert_reports(text, "DCL608")


@pytest.mark.parametrize(
    ("label", "share"),
    [("mixed", "0.07"), ("human", "0.0"), ("human", "0.3"), ("ai_generated", "0.9"), ("ai_assisted", "1.0"),
     ("unknown", "0.5"), ("mixed", "1.7"), ("mixed", "yes")],
)
def test_608_silent(label: str, share: str) -> None:
    text = part("origin: {class: public_web_crawl}\n"
                f"contamination: {{ai_label: {label}, estimated_ai_share: {share}}}\n")
    assert_silent(text, "DCL608")


# --- DCL609 predates-genai-contradicted -------------------------------------------------


def test_609_period_after_cutoff() -> None:
    text = part("""
        origin: {class: public_web_crawl, collection_period: {start: 2021-01-01, end: 2023-06-30}}
        contamination:
          ai_label: human
          determination:
            - human_review
            - source_predates_genai  # <- DCL609
        """)
    assert_reports(text, "DCL609")


def test_609_model_part() -> None:
    text = part("""
        origin: {class: model_generated, generators: [{model: org/m, revision: v1}]}
        contamination:
          ai_label: ai_generated
          determination: [source_predates_genai]  # <- DCL609
        """)
    assert_reports(text, "DCL609")


def test_609_open_ended_period_is_still_running() -> None:
    # A period with a start and no end is a crawl still running today: after the cutoff.
    text = part("""
        origin: {class: public_web_crawl, collection_period: {start: 2019-01-01}}
        contamination:
          ai_label: human
          determination: [source_predates_genai]  # <- DCL609
        """)
    assert_reports(text, "DCL609")


@pytest.mark.parametrize(
    "period",
    ["{start: 2019-01-01, end: 2022-12-31}", "{start: 2015-01-01, end: 2019-06-30}"],
)
def test_609_silent(period: str) -> None:
    text = part(f"origin: {{class: public_web_crawl, collection_period: {period}}}\n"
                "contamination: {determination: [source_predates_genai]}\n")
    assert_silent(text, "DCL609")


# --- DCL610 predates-genai-without-period -----------------------------------------------


def test_610_claim_without_period() -> None:
    text = part("""
        origin: {class: licensed_corpus}
        contamination:
          ai_label: human
          determination: [source_predates_genai]  # <- DCL610
        """)
    assert_reports(text, "DCL610")


def test_610_silent_with_period_or_without_claim() -> None:
    assert_silent(part("origin: {class: licensed_corpus, collection_period: {end: 2015-12-31}}\n"
                       "contamination: {determination: [source_predates_genai]}\n"), "DCL610")
    assert_silent(part("origin: {class: licensed_corpus}\ncontamination: {determination: [human_review]}\n"),
                  "DCL610")
    assert_silent(part(MODEL + "contamination: {determination: [source_predates_genai]}\n"), "DCL610")


# --- DCL611 involvement-contradiction ---------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "label", "written"),
    [
        ("public_web_crawl", "human", "machine"),
        ("public_web_crawl", "ai_generated", "human"),
        ("model_generated", "mixed", "human"),
        ("direct_human_record", "mixed", "machine"),
    ],
)
def test_611_contradictions(cls: str, label: str, written: str) -> None:
    text = part(f"""
        origin: {{class: {cls}}}
        contamination:
          ai_label: {label}
          involvement:
            written: {written}  # <- DCL611
        """)
    assert_reports(text, "DCL611")


@pytest.mark.parametrize(
    ("cls", "label", "written"),
    [
        ("direct_human_record", "ai_assisted", "human"),
        ("model_generated", "ai_generated", "machine"),
        ("generated_preference_label", "mixed", "human"),  # people wrote the responses, a model labelled them
        ("public_web_crawl", "mixed", "mixed"),
    ],
)
def test_611_silent(cls: str, label: str, written: str) -> None:
    text = part(f"origin: {{class: {cls}}}\n"
                f"contamination: {{ai_label: {label}, involvement: {{written: {written}}}}}\n")
    assert_silent(text, "DCL611")


# --- DCL612 ai-share-without-method -----------------------------------------------------


def test_612_share_without_method() -> None:
    text = part("""
        origin: {class: public_web_crawl, collection_period: {end: 2024-12-31}}
        contamination:
          ai_label: mixed
          estimated_ai_share: 0.07  # <- DCL612
          estimate_method: TODO
        """)
    assert_reports(text, "DCL612")


def test_612_silent_with_method() -> None:
    text = part("origin: {class: public_web_crawl}\n"
                "contamination: {estimated_ai_share: 0.07, estimate_method: Detector on 200,000 pages.}\n")
    assert_silent(text, "DCL612")


# --- robustness and examples --------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "origin: {class: public_web_crawl, collection_period: [2024]}\ncontamination: [1, 2]\n",
        "origin: {class: [model_generated]}\ncontamination: {digital_source_type: [x], ai_label: {a: 1}, "
        "determination: source_predates_genai, detector: 3, involvement: [written], estimated_ai_share: true}\n",
        "origin: {class: public_web_crawl, collection_period: {start: soon, end: 2024-13-45}}\n"
        "contamination: {determination: [classifier_detector, 5, null], detector: {name: 1.5, version: [1]}}\n",
    ],
)
def test_odd_values_never_crash(body: str) -> None:
    text = part(body, extra="contamination_checks: {not: a list}\n")
    assert "DCL999" not in {c for c, _ in codes_at(lint(text))}


def test_good_examples_have_no_contamination_findings(repo) -> None:  # type: ignore[no-untyped-def]
    for name in ("synthetic-instruct", "web-crawl-pretraining", "human-survey", "synthetic-reviews"):
        text = (repo / "examples" / name / "README.md").read_text(encoding="utf-8")
        assert not [d for d in lint(text).diagnostics if d.code.startswith("DCL6")], name
