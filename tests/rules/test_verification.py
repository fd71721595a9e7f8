"""Verification rules (DCL3xx): a record per synthetic part, matched to its domain, with sound evidence."""

from __future__ import annotations

import textwrap

import pytest
from dcl_testing import card, codes, codes_at, lint, marked, swap


def with_methods(methods: str, *, domain: str = "code", extra: str = "", category: str = "code") -> str:
    """A model-generated part whose verification lists `methods` (YAML lines at list level)."""
    body = textwrap.indent(textwrap.dedent(methods).strip("\n"), " " * 8)
    return (
        "---\n"
        "governance:\n"
        '  schema_version: "1.0"\n'
        "  parts:\n"
        "    - id: solutions\n"
        "      share: 1.0\n"
        "      origin:\n"
        "        class: model_generated\n"
        "        generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0, role: generator}]\n"
        "        seed_source: seeds/code-prompts.jsonl\n"
        "      purpose:\n"
        f"        category: {category}\n"
        "        statement: Verified solutions for small programming tasks in three languages.\n"
        "      verification:\n"
        f"        domain: {domain}\n"
        + (f"        {extra}\n" if extra else "")
        + "        methods:\n"
        + body + "\n"
        "---\n"
    )


GOOD = with_methods("""
    - method: executed_tests
      tool: pytest
      tool_version: "8.3.3"
      sample_size: 31000
      pass_rate: 0.774
      reject_rate: 0.226
    """)


def test_a_well_verified_code_part_has_no_verification_findings() -> None:
    assert not {c for c in codes(GOOD) if c.startswith("DCL3")}


# --- DCL301 synthetic-part-without-verification ----------------------------------------------

UNVERIFIED = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions  # <-
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: org/m, revision: v1}]
    """)


def test_dcl301_reports_a_synthetic_part_without_verification() -> None:
    result = lint(UNVERIFIED)
    assert ("DCL301", marked(UNVERIFIED)) in codes_at(result)
    assert next(d for d in result.diagnostics if d.code == "DCL301").severity.value == "error"


def test_dcl301_reports_a_verification_with_neither_methods_nor_reason() -> None:
    added = "revision: v1}]\n      verification:  # <-\n        domain: code\n"
    text = swap(swap(UNVERIFIED, "  # <-", ""), "revision: v1}]\n", added)
    assert ("DCL301", marked(text)) in codes_at(lint(text))


def test_dcl301_passes_methods_or_a_reason_and_ignores_human_parts() -> None:
    assert "DCL301" not in codes(GOOD)
    reason = "\n      verification:\n        reason: Creative writing has no ground truth to check.\n"
    reason_only = swap(UNVERIFIED, "revision: v1}]\n", "revision: v1}]" + reason)
    assert "DCL301" not in codes(reason_only)
    assert "DCL301" not in codes(swap(UNVERIFIED, "class: model_generated", "class: public_web_crawl"))


# --- DCL302 verification-none-without-reason ----------------------------------------------------


def test_dcl302_reports_method_none_without_reason() -> None:
    text = with_methods("- method: none  # <-", domain="general", category="other")
    result = lint(text)
    assert ("DCL302", marked(text)) in codes_at(result)
    assert "DCL301" not in {d.code for d in result.diagnostics}


def test_dcl302_reports_an_empty_method_list() -> None:
    text = swap(with_methods("- method: none", domain="general"), "        methods:\n        - method: none\n",
                "        methods: []  # <-\n")
    assert ("DCL302", marked(text)) in codes_at(lint(text))


@pytest.mark.parametrize("reason", ["TBD", '""', "none"])
def test_dcl302_does_not_accept_a_filler_reason(reason: str) -> None:
    text = with_methods("- method: none  # <-", domain="general", extra=f"reason: {reason}")
    assert ("DCL302", marked(text)) in codes_at(lint(text))


def test_dcl302_passes_a_reason_or_a_real_method() -> None:
    reasoned = with_methods("- method: none", domain="general",
                            extra="reason: Open-ended stories have no ground truth; a sample was read for safety.")
    assert "DCL302" not in codes(reasoned)
    assert "DCL302" not in codes(with_methods("- method: none\n- {method: crowd_review, sample_size: 10}"))


# --- DCL303 verification-mismatch-domain -----------------------------------------------------------


def test_dcl303_reports_a_code_domain_checked_only_by_a_judge() -> None:
    text = swap(with_methods("- {method: llm_judge, tool: org/judge, sample_size: 100, pass_rate: 0.9}"),
                "domain: code", "domain: code  # <-")
    result = lint(text)
    assert ("DCL303", marked(text)) in codes_at(result)
    message = next(d.message for d in result.diagnostics if d.code == "DCL303")
    assert "executed_tests or static_analysis" in message and "llm_judge" in message


def test_dcl303_uses_the_purpose_category_when_the_domain_is_general() -> None:
    text = swap(with_methods("- {method: crowd_review, sample_size: 100, pass_rate: 0.9}", domain="general",
                             category="math"), "category: math", "category: math  # <-")
    assert ("DCL303", marked(text)) in codes_at(lint(text))


@pytest.mark.parametrize(("domain", "method"), [("medical", "domain_expert_review"), ("legal", "crowd_review"),
                                                ("scientific", "llm_judge"), ("finance", "reference_match"),
                                                ("math", "reference_match")])
def test_dcl303_covers_the_domain_table(domain: str, method: str) -> None:
    text = swap(with_methods(f"- {{method: {method}, sample_size: 50, pass_rate: 0.9, reviewer_qualification: x y z}}",
                             domain=domain, category="other"), f"domain: {domain}", f"domain: {domain}  # <-")
    # High-stakes domains (medical, legal) are judged by DCL314, as an error, instead.
    expected = "DCL314" if domain in ("medical", "legal") else "DCL303"
    assert (expected, marked(text)) in codes_at(lint(text))
    assert ("DCL303" in codes(text)) is (expected == "DCL303")


@pytest.mark.parametrize(("domain", "method"), [("code", "static_analysis"), ("math", "symbolic_checker"),
                                                ("math", "proof_checker"), ("medical", "clinical_expert_review"),
                                                ("legal", "domain_expert_review"), ("general", "llm_judge")])
def test_dcl303_passes_matched_methods_and_open_domains(domain: str, method: str) -> None:
    text = with_methods(f"- {{method: {method}, sample_size: 50, pass_rate: 0.9, reviewer_qualification: x y z}}",
                        domain=domain, category="other")
    assert "DCL303" not in codes(text)


def test_dcl303_is_silenced_by_a_reason() -> None:
    text = with_methods("- {method: llm_judge, tool: org/judge, sample_size: 100, pass_rate: 0.9}",
                        extra="reason: The tasks need network access, so solutions could not be executed.")
    assert "DCL303" not in codes(text)


# --- DCL304 rate-out-of-range --------------------------------------------------------------------


@pytest.mark.parametrize(("key", "value"), [("pass_rate", "77.4"), ("reject_rate", "-0.1"), ("pass_rate", "1.01")])
def test_dcl304_reports_a_rate_outside_zero_to_one(key: str, value: str) -> None:
    text = with_methods(f"- method: executed_tests\n  sample_size: 100\n  {key}: {value}  # <-")
    result = lint(text)
    assert ("DCL304", marked(text)) in codes_at(result)
    diagnostic = next(d for d in result.diagnostics if d.code == "DCL304")
    assert diagnostic.severity.value == "error"
    if value == "77.4":
        assert diagnostic.help == "write 0.774 for 77.4%"


def test_dcl304_passes_fractions_including_the_bounds() -> None:
    text = with_methods("- {method: executed_tests, sample_size: 100, pass_rate: 1, reject_rate: 0}")
    assert "DCL304" not in codes(text)


# --- DCL305 evidence-without-sample-size -------------------------------------------------------------


def test_dcl305_reports_a_rate_without_sample_size() -> None:
    text = with_methods("- method: executed_tests  # <-\n  tool: pytest\n  pass_rate: 0.774")
    result = lint(text)
    assert ("DCL305", marked(text)) in codes_at(result)
    assert "pass rate" in next(d.message for d in result.diagnostics if d.code == "DCL305")


def test_dcl305_reports_a_tool_without_sample_size() -> None:
    text = with_methods("- method: static_analysis  # <-\n  tool: ruff")
    assert ("DCL305", marked(text)) in codes_at(lint(text))


def test_dcl305_passes_a_sample_size_and_ignores_bare_methods() -> None:
    assert "DCL305" not in codes(GOOD)
    assert "DCL305" not in codes(with_methods("- method: executed_tests"))
    assert "DCL305" not in codes(with_methods("- {method: none, tool: nothing}", extra="reason: Nothing was run here."))


# --- DCL306 rates-inconsistent ---------------------------------------------------------------------


def test_dcl306_reports_rates_adding_up_to_more_than_one() -> None:
    text = with_methods("- method: executed_tests\n  sample_size: 100\n  pass_rate: 0.8\n  reject_rate: 0.3  # <-")
    assert ("DCL306", marked(text)) in codes_at(lint(text))


def test_dcl306_passes_repaired_items_and_leaves_out_of_range_to_dcl304() -> None:
    def method(passed: str, rejected: str) -> str:
        return with_methods(f"- {{method: executed_tests, sample_size: 9, pass_rate: {passed}, "
                            f"reject_rate: {rejected}}}")

    assert "DCL306" not in codes(method("0.8", "0.1"))
    assert "DCL306" not in codes(method("0.7", "0.3"))
    result = codes(method("80", "0.3"))
    assert "DCL304" in result and "DCL306" not in result


# --- DCL307 self-judged ----------------------------------------------------------------------------


def test_dcl307_reports_the_generator_judging_itself() -> None:
    text = with_methods("- method: llm_judge\n  tool: acme-research/tessera-coder-34b  # <-\n  sample_size: 100\n"
                        "  pass_rate: 0.9\n- {method: executed_tests, sample_size: 100, pass_rate: 0.8}")
    assert ("DCL307", marked(text)) in codes_at(lint(text))


def test_dcl307_matches_the_bare_model_name_and_reward_models() -> None:
    text = with_methods("- method: reward_model\n  tool: Tessera-Coder-34B  # <-\n  sample_size: 100\n"
                        "- {method: executed_tests, sample_size: 100, pass_rate: 0.8}")
    assert ("DCL307", marked(text)) in codes_at(lint(text))


def test_dcl307_passes_an_independent_judge_and_a_labeller_checking_labels() -> None:
    independent = with_methods("- {method: llm_judge, tool: org/other-judge, sample_size: 100}\n"
                               "- {method: executed_tests, sample_size: 100, pass_rate: 0.8}")
    assert "DCL307" not in codes(independent)
    labeller = swap(with_methods("- {method: reward_model, tool: org/rm, sample_size: 100}"), "role: generator}]",
                    "role: generator}, {model: org/rm, revision: v2, role: labeler}]")
    assert "DCL307" not in codes(labeller)


# --- DCL308 verification-exemption-contradicted -------------------------------------------------------

EXEMPT = card("""
    governance:
      schema_version: "1.0"
      parts:
        - id: scenes
          share: 1.0
          origin: {class: simulation}
      not_applicable:
        verification: The simulator is deterministic, so nothing needs checking.  # <-
    """)


def test_dcl308_reports_an_exemption_contradicted_by_synthetic_parts() -> None:
    assert ("DCL308", marked(EXEMPT)) in codes_at(lint(EXEMPT))


def test_dcl308_passes_an_exemption_for_a_non_synthetic_card() -> None:
    assert "DCL308" not in codes(swap(EXEMPT, "class: simulation", "class: licensed_corpus"))


# --- DCL309 expert-review-without-qualification ---------------------------------------------------------


@pytest.mark.parametrize("method", ["clinical_expert_review", "domain_expert_review"])
def test_dcl309_reports_expert_review_without_qualification(method: str) -> None:
    text = with_methods(f"- method: {method}  # <-\n  sample_size: 400\n  pass_rate: 0.86", domain="medical")
    assert ("DCL309", marked(text)) in codes_at(lint(text))


def test_dcl309_passes_a_stated_qualification_and_ignores_crowd_review() -> None:
    qualified = with_methods("- {method: clinical_expert_review, sample_size: 400, reviewer_qualification: "
                             "Two licensed physicians per note.}", domain="medical")
    assert "DCL309" not in codes(qualified)
    assert "DCL309" not in codes(with_methods("- {method: crowd_review, sample_size: 400}", domain="general"))


# --- DCL310 proxy-verification-only ---------------------------------------------------------------------


def test_dcl310_reports_only_proxy_checks_at_the_methods_key() -> None:
    text = swap(with_methods("- {method: rule_filter, tool: filters, sample_size: 50000, pass_rate: 0.92}\n"
                             "- {method: llm_judge, tool: org/judge, sample_size: 48000, pass_rate: 0.9}",
                             domain="general", category="other"), "        methods:\n", "        methods:  # <-\n")
    assert ("DCL310", marked(text)) in codes_at(lint(text))


def test_dcl310_passes_a_human_check_a_reason_or_a_domain_reported_by_dcl303() -> None:
    mixed = with_methods("- {method: llm_judge, tool: org/judge, sample_size: 48000}\n"
                         "- {method: crowd_review, sample_size: 1000, pass_rate: 0.88}",
                         domain="general", category="other")
    assert "DCL310" not in codes(mixed)
    reasoned = with_methods("- {method: llm_judge, tool: org/judge, sample_size: 48000}", domain="general",
                            category="other", extra="reason: Style rewrites have no reference; see the audit notes.")
    assert "DCL310" not in codes(reasoned)
    code = codes(with_methods("- {method: llm_judge, tool: org/judge, sample_size: 48000}"))
    assert "DCL303" in code and "DCL310" not in code
