"""Public-evidence rules (DCL7xx): each fails on a marked line and passes when fixed."""

from __future__ import annotations

import re
import textwrap

import pytest
from dcl_testing import codes_at, lint

_MARK = re.compile(r"#\s*<-\s*(DCL\d{3})")
MODEL = "origin: {class: model_generated, generators: [{model: org/m, revision: v1}]}\n"
GOOD_EVIDENCE = """\
public_evidence:
  synthetic: true
  kinds: [review]
  presumptively_weak: true
  presented_as_public_participation: false
  disclosure: Written by a language model; no real customer wrote these reviews.
"""


def card(body: str, *, head: str = "", extra: str = "") -> str:
    """One part `p` whose keys (flush left in `body`) follow its id; `head` holds Hub keys."""
    part = textwrap.indent(textwrap.dedent(body).lstrip("\n"), "      ")
    return ("---\n" + textwrap.dedent(head).lstrip("\n") + "governance:\n  schema_version: \"1.0\"\n  parts:\n"
            "    - id: p\n      share: 1.0\n" + part + textwrap.indent(extra, "  ") + "---\n")


def assert_reports(text: str, code: str) -> None:
    want = {(m.group(1), text.count("\n", 0, m.start()) + 1) for m in _MARK.finditer(text) if m.group(1) == code}
    assert want, "test card has no marker"
    assert {hit for hit in codes_at(lint(text)) if hit[0] == code} == want


def assert_silent(text: str, code: str) -> None:
    assert code not in {c for c, _ in codes_at(lint(text))}


# --- DCL701 synthetic-evidence-presented-as-public ---------------------------------------


def test_701_synthetic_presented_as_public() -> None:
    text = card(MODEL + GOOD_EVIDENCE.replace(
        "presented_as_public_participation: false", "presented_as_public_participation: true  # <- DCL701"))
    assert_reports(text, "DCL701")
    diagnostic = next(d for d in lint(text).diagnostics if d.code == "DCL701")
    assert diagnostic.severity.value == "error"
    assert "`p`" in diagnostic.message and "review" in diagnostic.message


@pytest.mark.parametrize(
    "evidence",
    [
        GOOD_EVIDENCE,
        "public_evidence: {synthetic: false, kinds: [survey_response], presented_as_public_participation: true}\n",
        "public_evidence: {synthetic: 'true', presented_as_public_participation: true}\n",  # schema error only
    ],
)
def test_701_silent(evidence: str) -> None:
    assert_silent(card("origin: {class: direct_human_record}\n" + evidence), "DCL701")


# --- DCL702 review-like-card-without-public-evidence ------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "tags:\n  - synthetic\n  - product-reviews  # <- DCL702\n",
        "tags: [customer_feedback]  # <- DCL702\n",
        "pretty_name: Synthetic Survey Answers  # <- DCL702\n",
        "tags:\n  - Testimonials  # <- DCL702\n",
    ],
)
def test_702_review_like_card(head: str) -> None:
    assert_reports(card(MODEL, head=head), "DCL702")


@pytest.mark.parametrize(
    ("head", "body", "extra"),
    [
        ("tags: [reviews]\n", MODEL + GOOD_EVIDENCE, ""),  # flagged already
        ("tags: [reviews]\n", "origin: {class: direct_human_record}\n", ""),  # nothing generated
        ("tags: [reviews]\n", "origin: {class: generated_preference_label}\n", ""),  # generated labels only
        ("tags: [code-review, peer-review]\n", MODEL, ""),  # not public evidence
        ("task_ids: [sentiment-classification]\n", MODEL, ""),  # sentiment alone is too weak a signal
        ("tags: [reviewer-guidelines]\n", MODEL, ""),
        ("tags: [human-feedback, rlhf]\npretty_name: Summarize from Feedback\n", MODEL, ""),  # preference data
        ("tags: [java class comments]\n", MODEL, ""),
        ("tags: [reviews]\n", MODEL, "not_applicable:\n  public_evidence: Review titles only, used as topics.\n"),
    ],
)
def test_702_silent(head: str, body: str, extra: str) -> None:
    assert_silent(card(body, head=head, extra=extra), "DCL702")


def test_702_any_part_with_flags_is_enough() -> None:
    text = ("---\ntags: [reviews]\ngovernance:\n  schema_version: \"1.0\"\n  parts:\n"
            "    - id: real\n      share: 0.5\n      origin: {class: direct_human_record}\n"
            "      public_evidence: {synthetic: false, kinds: [review]}\n"
            "    - id: gen\n      share: 0.5\n      " + MODEL + "---\n")
    assert_silent(text, "DCL702")


# --- DCL703 synthetic-evidence-without-disclosure ---------------------------------------


def test_703_missing_disclosure_on_section_key() -> None:
    evidence = GOOD_EVIDENCE.replace("public_evidence:", "public_evidence:  # <- DCL703")
    evidence = "\n".join(line for line in evidence.splitlines() if "disclosure" not in line) + "\n"
    assert_reports(card(MODEL + evidence), "DCL703")


def test_703_placeholder_disclosure_on_value() -> None:
    evidence = GOOD_EVIDENCE.replace(
        "disclosure: Written by a language model; no real customer wrote these reviews.",
        "disclosure: TBD  # <- DCL703",
    )
    assert_reports(card(MODEL + evidence), "DCL703")


def test_703_silent() -> None:
    assert_silent(card(MODEL + GOOD_EVIDENCE), "DCL703")
    assert_silent(card("origin: {class: direct_human_record}\npublic_evidence: {synthetic: false}\n"), "DCL703")


# --- DCL704 synthetic-evidence-without-kinds --------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "public_evidence:\n  synthetic: true\n  kinds: [review]\n",
            "public_evidence:  # <- DCL704\n  synthetic: true\n",
        ),
        ("kinds: [review]", "kinds: []  # <- DCL704"),
    ],
)
def test_704_missing_kinds(old: str, new: str) -> None:
    assert_reports(card(MODEL + GOOD_EVIDENCE.replace(old, new)), "DCL704")


def test_704_silent() -> None:
    assert_silent(card(MODEL + GOOD_EVIDENCE), "DCL704")


# --- DCL705 model-part-evidence-marked-not-synthetic ------------------------------------


@pytest.mark.parametrize("cls", ["model_generated", "human_edited_model_output"])
def test_705_generated_evidence_marked_real(cls: str) -> None:
    text = card(f"""
        origin: {{class: {cls}}}
        public_evidence:
          synthetic: false  # <- DCL705
          kinds: [review, testimonial]
        """)
    assert_reports(text, "DCL705")


@pytest.mark.parametrize(
    ("cls", "evidence"),
    [
        ("model_generated", "{synthetic: false}"),  # no evidence kinds: maths solutions, not reviews
        ("model_generated", "{synthetic: false, kinds: []}"),
        ("direct_human_record", "{synthetic: false, kinds: [review]}"),
        ("public_web_crawl", "{synthetic: false, kinds: [review, comment]}"),
    ],
)
def test_705_silent(cls: str, evidence: str) -> None:
    assert_silent(card(f"origin: {{class: {cls}}}\npublic_evidence: {evidence}\n"), "DCL705")


# --- DCL706 model-part-evidence-synthetic-unset -----------------------------------------


def test_706_synthetic_unset() -> None:
    text = card(MODEL + "public_evidence:  # <- DCL706\n  kinds: [review]\n")
    assert_reports(text, "DCL706")


def test_706_silent() -> None:
    assert_silent(card(MODEL + GOOD_EVIDENCE), "DCL706")
    assert_silent(card("origin: {class: direct_human_record}\npublic_evidence: {kinds: [review]}\n"), "DCL706")


# --- DCL707 synthetic-evidence-in-human-record ------------------------------------------


def test_707_synthetic_evidence_in_human_record() -> None:
    text = card("origin: {class: direct_human_record}\n"
                + GOOD_EVIDENCE.replace("synthetic: true", "synthetic: true  # <- DCL707"))
    assert_reports(text, "DCL707")


def test_707_silent() -> None:
    assert_silent(card(MODEL + GOOD_EVIDENCE), "DCL707")


# --- robustness and examples --------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("tags: reviews\npretty_name: [x]\n", MODEL + "public_evidence: [synthetic]\n"),
        ("tags: [1, null, {review: x}]\n",
         MODEL + "public_evidence: {synthetic: true, kinds: review, disclosure: 5}\n"),
        ("", "origin: {class: [model_generated]}\npublic_evidence: {synthetic: [true], kinds: [[review]]}\n"),
    ],
)
def test_odd_values_never_crash(head: str, body: str) -> None:
    assert "DCL999" not in {c for c, _ in codes_at(lint(card(body, head=head)))}


def test_examples(repo) -> None:  # type: ignore[no-untyped-def]
    for name in ("synthetic-instruct", "web-crawl-pretraining", "human-survey", "synthetic-reviews"):
        text = (repo / "examples" / name / "README.md").read_text(encoding="utf-8")
        assert not [d for d in lint(text).diagnostics if d.code.startswith("DCL7")], name
    broken = (repo / "examples" / "broken-card" / "README.md").read_text(encoding="utf-8")
    assert {"DCL701", "DCL703"} <= {d.code for d in lint(broken).diagnostics}
