"""Verification: every synthetic part records a domain-matched check and the evidence it produced."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datacard_lint.diagnostics import Severity
from datacard_lint.governance import readers as r
from datacard_lint.governance.signals import generated_content_signals
from datacard_lint.governance.view import RATE_KEYS, MethodView, VerificationView
from datacard_lint.rules._util import label, part_anchor
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, Part, RuleContext

E, W = Severity.ERROR, Severity.WARNING

#: Methods that establish correctness in a domain (the table in the verification standard).
DOMAIN_METHODS: dict[str, frozenset[str]] = {
    "code": frozenset({"executed_tests", "static_analysis"}),
    "math": frozenset({"proof_checker", "symbolic_checker"}),
    "medical": frozenset({"clinical_expert_review"}),
    "legal": frozenset({"domain_expert_review"}),
    "scientific": frozenset({"domain_expert_review"}),
    "finance": frozenset({"domain_expert_review"}),
}
#: Purpose categories that imply a checkable domain even when `verification.domain` says otherwise.
PURPOSE_DOMAINS = ("code", "math")
#: Cheap first-pass checks that do not establish correctness on their own.
PROXY_METHODS = frozenset({"llm_judge", "reward_model", "rule_filter"})
#: Methods that use a model to grade items.
MODEL_GRADERS = frozenset({"llm_judge", "reward_model"})
#: Generator roles whose output is the part's content (a missing role counts as `generator`).
_PRODUCER_ROLES = frozenset({"generator", "editor", "rewriter"})
#: Domains where a wrong item can harm people directly; only matched human review establishes
#: correctness there (the domains of Annex III of the EU AI Act and of clinical guidance).
HIGH_STAKES_DOMAINS = frozenset({"medical", "legal", "safety"})
#: Methods that establish correctness in a high-stakes domain when they cover enough items.
HIGH_STAKES_METHODS: dict[str, frozenset[str]] = {
    "medical": frozenset({"clinical_expert_review"}),
    "legal": frozenset({"domain_expert_review"}),
    "safety": frozenset({"domain_expert_review", "crowd_review", "clinical_expert_review"}),
}
#: Public-evidence kinds that stand for civic participation (consultations, surveys).
CIVIC_KINDS = frozenset({"stakeholder_submission", "survey_response"})
EXPERT_REVIEWS = frozenset({"clinical_expert_review", "domain_expert_review"})


def _verification(part: Part) -> VerificationView | None:
    return part.verification


def _domain(part: Part) -> str | None:
    verification = part.verification
    return verification.domain if verification is not None else None


def _methods(part: Part) -> list[tuple[int, MethodView]]:
    return [(m.index, m) for m in part.methods]


def _real(part: Part) -> list[tuple[int, MethodView]]:
    """Methods that name an actual check (a string other than `none`)."""
    return [(m.index, m) for m in part.methods if m.real]


def _named(method: MethodView) -> str:
    """The method as named in a message."""
    raw = method.raw_method
    return "a method" if raw is None and not method.has_method else str(raw)


def _method_path(part: Part, index: int, key: str = "method") -> tuple[Any, ...]:
    return (*part.path, "verification", "methods", index, key)


def _has_reason(part: Part) -> bool:
    return part.verification is not None and part.verification.reason is not None


def _expected_domains(part: Part) -> list[tuple[str, tuple[Any, ...]]]:
    """Domains whose matching methods the part should show, with where each was stated."""
    found: list[tuple[str, tuple[Any, ...]]] = []
    domain = _domain(part)
    if domain in DOMAIN_METHODS:
        found.append((domain, (*part.path, "verification", "domain")))
    for purpose in part.purposes:  # one purpose or several (schema 1.1)
        category = purpose.category
        if category in PURPOSE_DOMAINS and category != domain and category not in {d for d, _ in found}:
            found.append((str(category), purpose.at("category")))
    return found


def _exemption(ctx: RuleContext) -> bool:
    return ctx.not_applicable("verification")


@rule("DCL301", "synthetic-part-without-verification", E, "verification")
def synthetic_part_without_verification(ctx: RuleContext) -> Iterable[Hit]:
    """A synthetic part does not say how it was checked

    Why it matters
    --------------
    Generated data is only as good as the filter it passed. Errors that survive one
    generation become training signal for the next, which is how an unverified synthetic
    part feeds the accumulation of error behind model collapse. A part with no
    verification record gives readers no way to tell a tested part from an unchecked one.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions  # <- DCL301
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - {method: executed_tests, tool: pytest, tool_version: "8.3.3", sample_size: 31000, pass_rate: 0.774}
    ```

    How to fix
    ----------
    Add `verification` with the `domain` and every method applied, with its evidence; or,
    if nothing was checked, `methods: [{method: none}]` and a `reason`.
    """
    for part in ctx.synthetic_parts():
        verification = _verification(part)
        if verification is not None and (verification.has_methods or _has_reason(part)):
            continue
        where = (*part.path, "verification") if part.has_verification else part_anchor(part)
        yield Hit(where, f"{label(part)} is {part.origin_class} but records no verification",
                  help="add `verification` with its `domain` and `methods`", key=part.has_verification)


@rule("DCL302", "verification-none-without-reason", E, "verification")
def verification_none_without_reason(ctx: RuleContext) -> Iterable[Hit]:
    """A part is declared unverified without saying why

    Why it matters
    --------------
    "Not verified" is an honest answer only with its reason: open-ended writing may have no
    ground truth, a check may be planned for the next release. Without a reason, `none` (or
    an empty list of methods) reads as a box ticked to silence the requirement.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: stories
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          verification:
            domain: general
            methods:
              - method: none  # <- DCL302
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: stories
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          verification:
            domain: general
            methods:
              - method: none
            reason: Open-ended children's stories have no ground truth; a 2% sample was read for safety only.
    ```

    How to fix
    ----------
    Add `verification.reason`, or list the checks that were in fact applied.
    """
    for part in ctx.parts():
        verification = _verification(part)
        if verification is None or _has_reason(part) or not verification.declared_unverified:
            continue
        if verification.methods_empty:
            yield Hit((*part.path, "verification", "methods"),
                      f"{label(part)} lists no verification methods and gives no `reason`",
                      help="list the methods applied, or explain in `verification.reason` why there are none")
        else:
            yield Hit(_method_path(part, 0), f"{label(part)} is marked unverified (method none) without a `reason`",
                      help="explain in `verification.reason` why the part was not verified")


@rule("DCL303", "verification-mismatch-domain", W, "verification")
def verification_mismatch_domain(ctx: RuleContext) -> Iterable[Hit]:
    """The verification methods do not match the part's domain

    Why it matters
    --------------
    How strong a check is depends on the domain: code can be run against tests, a math
    result can be checked by a proof assistant or computer-algebra system, a clinical
    statement needs a clinician. A code or math part checked only by a language model or a
    heuristic filter has not been shown to be correct, and its errors become the next
    model's training signal.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code  # <- DCL303
            methods:
              - {method: llm_judge, tool: acme-research/tessera-judge-8b, sample_size: 24000, pass_rate: 0.9}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - {method: executed_tests, tool: pytest, tool_version: "8.3.3", sample_size: 31000, pass_rate: 0.774}
    ```

    How to fix
    ----------
    Add a domain-matched method: `executed_tests` or `static_analysis` for code (domain or
    purpose category `code`), `proof_checker` or `symbolic_checker` for math (domain or
    purpose `math`), `clinical_expert_review` for medical, `domain_expert_review` for legal,
    scientific and finance. If no such check is possible, say why in `verification.reason`;
    a reason silences this rule.
    """
    for part in ctx.parts():
        real = _real(part)
        if not real or _has_reason(part):
            continue  # no real method is DCL301/DCL302's; a reason explains the choice
        used = {str(m.method) for _, m in real}
        for domain, path in _expected_domains(part):
            if domain in HIGH_STAKES_DOMAINS and part.synthetic:
                continue  # DCL314 judges high-stakes domains, as an error
            expected = DOMAIN_METHODS[domain]
            if used & expected:
                continue
            yield Hit(path,
                      f"{label(part)} is in domain {domain} but has no {' or '.join(sorted(expected))} check "
                      f"(methods: {', '.join(sorted(used))})",
                      help=f"add a {' or '.join(sorted(expected))} method, or explain in `verification.reason` "
                           "why none is possible")


@rule("DCL304", "rate-out-of-range", E, "verification")
def rate_out_of_range(ctx: RuleContext) -> Iterable[Hit]:
    """A pass or reject rate is not a fraction between 0 and 1

    Why it matters
    --------------
    Rates are fractions, so that cards can be compared and aggregated. A value of 87 is
    almost always a percentage; a negative value is a typo. Either way the evidence the
    card gives for its verification is wrong as written.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests
                sample_size: 31000
                pass_rate: 77.4  # <- DCL304
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests
                sample_size: 31000
                pass_rate: 0.774
    ```

    How to fix
    ----------
    Write rates as fractions from 0 to 1 (0.774, not 77.4).
    """
    for part in ctx.parts():
        for index, method in _methods(part):
            for key in RATE_KEYS:
                value = method.rate(key)
                if value is None or 0.0 <= value <= 1.0:
                    continue
                hint = f"write {value / 100:g} for {value:g}%" if 1.0 < value <= 100.0 else "use a fraction from 0 to 1"
                yield Hit(_method_path(part, index, key),
                          f"`{key}` of {_named(method)} in {label(part)} is {value:g}, "
                          "outside 0..1",
                          help=hint)


@rule("DCL305", "evidence-without-sample-size", W, "verification")
def evidence_without_sample_size(ctx: RuleContext) -> Iterable[Hit]:
    """A verification method reports a rate or tool but not how many items it checked

    Why it matters
    --------------
    A pass rate of 0.95 on 20 items and on 20,000 items are different claims. Without the
    sample size the rate cannot be weighed, and a check of a handful of items can pass for
    a check of the whole part.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests  # <- DCL305
                tool: pytest
                pass_rate: 0.774
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests
                tool: pytest
                sample_size: 31000
                pass_rate: 0.774
    ```

    How to fix
    ----------
    Add `sample_size`: the number of items the method was applied to (all candidates, or
    the size of the audited sample).
    """
    for part in ctx.parts():
        for index, method in _real(part):
            if method.has_sample_size or method.coverage == "sample":
                continue  # a declared sample without its size is DCL311's
            rated = [k for k in RATE_KEYS if method.rate(k) is not None]
            if not rated and method.tool is None:
                continue
            what = f"a {' and '.join(k.replace('_', ' ') for k in rated)}" if rated else "a tool"
            yield Hit(_method_path(part, index),
                      f"{method.method} in {label(part)} reports {what} but no `sample_size`",
                      help="add `sample_size`: how many items the method checked")


@rule("DCL306", "rates-inconsistent", W, "verification")
def rates_inconsistent(ctx: RuleContext) -> Iterable[Hit]:
    """A method's pass rate and reject rate add up to more than 1

    Why it matters
    --------------
    An item cannot both pass a check and be rejected by it. The reject rate may be lower
    than 1 − pass rate (failing items can be repaired instead of dropped), never higher, so
    at least one of the two figures is wrong.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests
                sample_size: 31000
                pass_rate: 0.774
                reject_rate: 0.774  # <- DCL306
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-coder-34b, revision: v1.4.0}]
          verification:
            domain: code
            methods:
              - method: executed_tests
                sample_size: 31000
                pass_rate: 0.774
                reject_rate: 0.226
    ```

    How to fix
    ----------
    Correct the figures: `reject_rate` is at most 1 − `pass_rate`.
    """
    for part in ctx.parts():
        for index, method in _methods(part):
            passed, rejected = method.rate("pass_rate"), method.rate("reject_rate")
            if passed is None or rejected is None or not (0 <= passed <= 1 and 0 <= rejected <= 1):
                continue  # out-of-range values are DCL304's
            if passed + rejected > 1 + 1e-9:
                yield Hit(_method_path(part, index, "reject_rate"),
                          f"{_named(method)} in {label(part)} has pass rate {passed:g} and "
                          f"reject rate {rejected:g}, which add up to {passed + rejected:g}",
                          help="reject_rate can be at most 1 - pass_rate")


def _norm(name: str) -> str:
    return name.strip().lower()


def _producer_models(part: Part) -> set[str]:
    """Normalised ids of the part's own generators that produced its content (no stated role,
    or a producing role)."""
    return {_norm(model) for generator in part.origin.generators
            if (model := generator.model.value) is not None and r.has_text(model)
            and (not generator.has_role or generator.role in _PRODUCER_ROLES)}


def _producers(part: Part) -> set[str]:
    """Model ids (and their bare names) of the generators that produced the part's content."""
    models = _producer_models(part)
    return models | {model.rsplit("/", 1)[-1] for model in models}


def _producer_count(part: Part) -> int:
    """How many distinct models produced the part's content."""
    return len(_producer_models(part))


@rule("DCL307", "self-judged", W, "verification")
def self_judged(ctx: RuleContext) -> Iterable[Hit]:
    """A part is judged by the same model that generated it

    Why it matters
    --------------
    Language-model judges favour their own outputs. When the generator also grades or
    filters what it wrote, its blind spots pass both steps, and the check confirms the
    model's errors instead of catching them: the self-reinforcing loop behind model
    collapse.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1, role: generator}]
          verification:
            domain: general
            methods:
              - method: llm_judge
                tool: acme-research/tessera-lm-70b-instruct  # <- DCL307
                sample_size: 20000
                pass_rate: 0.97
              - {method: crowd_review, sample_size: 1000, pass_rate: 0.88, reviewer_qualification: Trained raters.}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1, role: generator}]
          verification:
            domain: general
            methods:
              - method: llm_judge
                tool: northwind-lab/kestrel-judge-8b
                sample_size: 20000
                pass_rate: 0.91
              - {method: crowd_review, sample_size: 1000, pass_rate: 0.88, reviewer_qualification: Trained raters.}
    ```

    How to fix
    ----------
    Judge with a different model (ideally from another family), or add a check that does
    not depend on a model, such as reference answers or human review of a sample. Models
    listed with role `judge` or `labeler` are not counted as producers.
    """
    for part in ctx.parts():
        producers = _producers(part)
        if not producers:
            continue
        count = _producer_count(part)
        for index, method in _real(part):
            tool = method.raw_tool
            if method.method in MODEL_GRADERS and tool is not None and _norm(tool) in producers:
                if count == 1:
                    said = f"the model that generated it ({method.method})"
                else:
                    said = f"one of the {count} models that generated it ({method.method}; it grades its own output)"
                yield Hit(_method_path(part, index, "tool"),
                          f"{label(part)} is graded by `{tool}`, {said}",
                          help="use an independent judge, or add a reference or human check")


@rule("DCL308", "verification-exemption-contradicted", E, "verification")
def verification_exemption_contradicted(ctx: RuleContext) -> Iterable[Hit]:
    """Verification is declared not applicable, but the card has synthetic parts

    Why it matters
    --------------
    An exemption takes the requirement out of the score. It is only true when no part is
    synthetic; with synthetic parts listed, it hides unverified generated data, the data
    whose errors feed model collapse.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: scenes
          share: 1.0
          origin: {class: simulation}
      not_applicable:
        verification: The simulator is deterministic, so nothing needs checking.  # <- DCL308
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: scenes
          share: 1.0
          origin: {class: simulation}
          verification:
            domain: other
            methods: [{method: none}]
            reason: The simulator is deterministic and its physics engine is validated upstream.
    ```

    How to fix
    ----------
    Remove `not_applicable.verification` and give each synthetic part a `verification`
    record; where nothing was checked, say so with method `none` and a `reason`.

    The exemption is also contradicted when the rest of the card shows generated content (a
    generator that wrote content on a part of a human class, the Hub tag `synthetic`, or
    `machine-generated` among the Hub creators), and when a part records the `verification`
    it calls not applicable. Either way the card hides a synthetic part behind the
    exemption, so the severity is an error.
    """
    if not _exemption(ctx):
        return
    signs = generated_content_signals(ctx.view)
    if signs:
        yield Hit((*G, "not_applicable", "verification"),
                  f"verification is declared not applicable, but {'; '.join(signs)}",
                  help="remove the exemption and record how each synthetic part was verified")
    filled = [p for p in ctx.parts() if p.has_verification]
    if filled:
        names = ", ".join(f"`{p.id}`" for p in filled)
        yield Hit((*G, "not_applicable", "verification"),
                  f"verification is declared not applicable, but {names} "
                  f"{'records' if len(filled) == 1 else 'record'} a verification",
                  help="keep one answer: remove the exemption or the parts' `verification`")


@rule("DCL309", "expert-review-without-qualification", W, "verification")
def expert_review_without_qualification(ctx: RuleContext) -> Iterable[Hit]:
    """An expert review does not say who the experts were

    Why it matters
    --------------
    Clinical and domain-expert review is the strongest check for medical, legal and
    scientific text, and the easiest to overstate. What makes a review expert is who did
    it: licence, profession, number of reviewers per item. Without that, the claim cannot be
    weighed against a crowd review.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: notes
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-med-70b, revision: v1.1}]
          verification:
            domain: medical
            methods:
              - method: clinical_expert_review  # <- DCL309
                sample_size: 400
                pass_rate: 0.86
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: notes
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-med-70b, revision: v1.1}]
          verification:
            domain: medical
            methods:
              - method: clinical_expert_review
                sample_size: 400
                pass_rate: 0.86
                reviewer_qualification: Two licensed emergency physicians per note, disagreements settled by a third.
    ```

    How to fix
    ----------
    Add `reviewer_qualification`: profession or licence, relevant experience, and how many
    reviewers looked at each item.
    """
    for part in ctx.parts():
        for index, method in _real(part):
            if method.method in EXPERT_REVIEWS and method.reviewer_qualification is None:
                yield Hit(_method_path(part, index),
                          f"{method.method} of {label(part)} does not say who the reviewers were",
                          help="add `reviewer_qualification`")


@rule("DCL310", "proxy-verification-only", W, "verification")
def proxy_verification_only(ctx: RuleContext) -> Iterable[Hit]:
    """A synthetic part is checked only by model judges, reward models or heuristic filters

    Why it matters
    --------------
    Judges, reward models and rule filters are useful first passes, but none establishes
    that an item is correct: judges share the blind spots of the models they grade, and
    filters only test form. A part that passed only such checks can still be mostly wrong,
    and its errors become training signal for the next generation of models.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          verification:
            domain: general
            methods:  # <- DCL310
              - {method: rule_filter, tool: length-and-language-filter, sample_size: 52000, pass_rate: 0.92}
              - {method: llm_judge, tool: northwind-lab/kestrel-judge-8b, sample_size: 48000, pass_rate: 0.9}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          verification:
            domain: general
            methods:
              - {method: llm_judge, tool: northwind-lab/kestrel-judge-8b, sample_size: 48000, pass_rate: 0.9}
              - {method: crowd_review, sample_size: 1000, pass_rate: 0.88, reviewer_qualification: Trained raters.}
    ```

    How to fix
    ----------
    Add a check that does not rely on a model's judgement: `reference_match`, human
    (`crowd_review`, `domain_expert_review`) review of a sample, or a domain checker. If
    none is possible, explain why in `verification.reason`; a reason silences this rule.
    Parts whose domain calls for a specific checker are reported by DCL303 instead.
    """
    for part in ctx.synthetic_parts():
        real = _real(part)
        if not real or _has_reason(part) or _expected_domains(part) or _high_stakes(part):
            continue
        used = {str(m.method) for _, m in real}
        if used <= PROXY_METHODS:
            yield Hit((*part.path, "verification", "methods"),
                      f"{label(part)} is verified only by {', '.join(sorted(used))}, "
                      "which do not establish correctness",
                      help="add a reference, human or domain check on at least a sample", key=True)


def _high_stakes(part: Part) -> str | None:
    """The high-stakes domain a synthetic part is in: its verification domain or civic evidence."""
    if not part.synthetic or part.origin_class == "human_label_on_model_output":
        return None  # people's labels on model replies: the replies are the object, not a claim
    if any(p.category == "red_teaming" for p in part.purposes):
        return None  # attacks and failures recorded on purpose claim no correctness
    domain = _domain(part)
    if domain in HIGH_STAKES_DOMAINS:
        return domain
    evidence = part.public_evidence
    if evidence is not None and evidence.synthetic.value is True and set(evidence.kinds) & CIVIC_KINDS:
        return "civic"
    return None


def _establishes(method: MethodView, accepted: frozenset[str]) -> bool:
    """A matched human review that covers every item, or a sample with its size and a rate."""
    if method.method not in accepted:
        return False
    if method.coverage == "all":
        return True
    return method.sized and method.rated


@rule("DCL314", "high-stakes-verification-insufficient", E, "verification")
def high_stakes_verification_insufficient(ctx: RuleContext) -> Iterable[Hit]:
    """A synthetic part in a high-stakes domain has no check that can establish correctness

    Why it matters
    --------------
    In medical, legal, safety and civic data a wrong item harms people: a dosage, a filing
    deadline, a refusal that is not one, a consultation answer nobody gave. Model judges,
    reward models and heuristic filters only estimate plausibility, and a spot check
    without a size and a pass rate proves nothing; only a review by people qualified in the
    domain, over every item or a sample reported with its size and result, establishes
    correctness. The EU AI Act (Art. 10) asks high-risk systems' data to be "free of errors
    to the best extent possible", and clinical guidance (WHO, 2021, on AI for health) asks
    for expert validation; hence an error here and only a warning (DCL310) elsewhere. A
    `verification.reason` explains the gap but does not close it. The civic domain is a
    part flagged as synthetic `stakeholder_submission` or `survey_response` evidence. Parts
    that claim no correctness are left out: people's labels on model replies
    (`human_label_on_model_output`, where the replies are what is judged) and red-teaming
    data (purpose `red_teaming`, failures recorded on purpose).

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: triage-notes
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-med-70b, revision: v1.1}]
          verification:
            domain: medical  # <- DCL314
            methods:
              - {method: llm_judge, tool: acme-research/tessera-judge-8b, sample_size: 5000, pass_rate: 0.93}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: triage-notes
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-med-70b, revision: v1.1}]
          verification:
            domain: medical
            methods:
              - {method: llm_judge, tool: acme-research/tessera-judge-8b, sample_size: 5000, pass_rate: 0.93}
              - method: clinical_expert_review
                coverage: sample
                sample_size: 600
                pass_rate: 0.88
                reviewer_qualification: Two board-certified emergency physicians per note.
    ```

    How to fix
    ----------
    Add the matched review: `clinical_expert_review` for medical, `domain_expert_review`
    for legal, `domain_expert_review` or `crowd_review` for safety and civic data, with
    `coverage: all` or a `sample_size` and a `pass_rate` or `reject_rate`. If the data was
    not reviewed, it should not be released for these uses.
    """
    for part in ctx.parts():
        domain = _high_stakes(part)
        if domain is None:
            continue
        accepted = HIGH_STAKES_METHODS.get(domain, frozenset({"domain_expert_review", "crowd_review"}))
        if any(_establishes(m, accepted) for _, m in _methods(part)):
            continue
        used = sorted({str(m.raw_method) for _, m in _methods(part)}) or ["none"]
        where = (*part.path, "verification", "domain") if domain != "civic" else (*part.path, "public_evidence")
        if domain != "civic" and _verification(part) is None:
            where = part_anchor(part)
        yield Hit(where,
                  f"{label(part)} is {domain} data, but its verification ({', '.join(used)}) cannot establish "
                  "correctness",
                  help=f"add a {' or '.join(sorted(accepted))} over all items, or over a sample with its "
                       "size and pass rate")


@rule("DCL311", "sample-coverage-without-size", W, "verification")
def sample_coverage_without_size(ctx: RuleContext) -> Iterable[Hit]:
    """A verification method says it checked a sample but not how large

    Why it matters
    --------------
    `coverage: sample` (schema 1.1) says the method saw only some items. How many decides
    what the result is worth: a review of 20 items and of 2,000 are different evidence, and
    without the size a sample check reads like a check of the whole part.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          verification:
            domain: legal
            methods:
              - method: domain_expert_review  # <- DCL311
                coverage: sample
                pass_rate: 0.96
                reviewer_qualification: Two practising lawyers per item.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          verification:
            domain: legal
            methods:
              - method: domain_expert_review
                coverage: sample
                sample_size: 500
                pass_rate: 0.96
                reviewer_qualification: Two practising lawyers per item.
    ```

    How to fix
    ----------
    Add `sample_size`, the number of items in the checked sample (and say how it was drawn
    in `notes`).
    """
    for part in ctx.parts():
        for method in part.methods:
            if method.coverage == "sample" and not method.has_sample_size:
                yield Hit(method.at("method") if method.has_method else method.path,
                          f"{method.method or 'a method'} in {label(part)} checked a sample but gives no `sample_size`",
                          help="add `sample_size`: how many items the sample held")
