"""Public evidence: generated survey answers, reviews and testimonials are flagged and never passed off as real."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable

from datacard_lint.diagnostics import Severity, Span
from datacard_lint.governance.view import PublicEvidenceView, Status
from datacard_lint.loading.frontmatter import count_lines
from datacard_lint.rules._util import label
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import Part, RuleContext

E, W = Severity.ERROR, Severity.WARNING
REQ = "public_evidence"
Path_ = tuple[Hashable, ...]

#: Origin classes whose items a model wrote (generated labels on real text are not generated evidence).
GENERATED_CONTENT_CLASSES = frozenset({"model_generated", "human_edited_model_output"})

#: Words in tags or the pretty name that mark a dataset of reviews, survey answers and the like.
EVIDENCE_WORDS = frozenset(
    {"review", "reviews", "survey", "surveys", "testimonial", "testimonials", "opinion", "opinions",
     "comment", "comments", "feedback", "questionnaire", "questionnaires", "respondent", "respondents"}
)
#: Words that, right before an evidence word, make it something else (`code-review`, `peer review`,
#: `class comments`).
_NOT_PUBLIC = frozenset(
    {"code", "peer", "pull", "pr", "literature", "systematic", "source", "auditor", "class", "function",
     "docstring", "inline"}
)
#: `feedback` alone is ambiguous (`human feedback` means preference labels); it counts only after one
#: of these words.
_FEEDBACK_FROM = frozenset(
    {"customer", "customers", "user", "users", "public", "consumer", "consumers", "client", "clients",
     "citizen", "citizens", "patient", "patients", "guest", "guests", "student", "students", "employee",
     "employees", "product", "service"}
)


def _evidence(part: Part) -> PublicEvidenceView | None:
    return part.public_evidence


def _path(part: Part, *keys: Hashable) -> Path_:
    return (*part.path, REQ, *keys)


def _kinds(evidence: PublicEvidenceView) -> list[str]:
    return evidence.kinds


def _synthetic_parts(ctx: RuleContext) -> Iterable[tuple[Part, PublicEvidenceView]]:
    for part in ctx.parts():
        evidence = part.public_evidence
        if evidence is not None and evidence.synthetic.value is True:
            yield part, evidence


@rule("DCL701", "synthetic-evidence-presented-as-public", E, REQ)
def synthetic_evidence_presented_as_public(ctx: RuleContext) -> Iterable[Hit]:
    """Generated public evidence is presented as real public participation

    Why it matters
    --------------
    A generated review, testimonial or survey answer approximates what a person might say;
    it is not anyone's view or experience. AAPOR's guidance on AI in survey research treats
    LLM-generated responses as a model-based approximation, not an observation, and the US
    FTC rule on consumer reviews and testimonials (16 CFR Part 465) prohibits reviews and
    testimonials, AI-generated ones included, that misrepresent a real person or experience.
    Presenting synthetic evidence as public participation is never acceptable.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [review]
            presumptively_weak: true
            presented_as_public_participation: true  # <- DCL701
            disclosure: Written by a language model.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [review]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Written by a language model; no real customer wrote these reviews.
    ```

    How to fix
    ----------
    Set `presented_as_public_participation: false`, and make sure every use of the data
    (publications, product pages, consultations) says that the evidence is generated.
    """
    for part, evidence in _synthetic_parts(ctx):
        if evidence.presented_as_public_participation is True:
            kinds = _kinds(evidence)
            what = f" ({', '.join(kinds)})" if kinds else ""
            yield Hit(_path(part, "presented_as_public_participation"),
                      f"{label(part)} holds synthetic public evidence{what} but is presented as public participation",
                      help="set `presented_as_public_participation: false`; "
                           "generated evidence is never a real person's voice")


def _signal(ctx: RuleContext) -> tuple[Path_, str] | None:
    """The first tag (or the pretty name) that names reviews, surveys, testimonials and the like."""
    candidates: list[tuple[Path_, str]] = []
    tags = ctx.meta.get("tags")
    if isinstance(tags, list):
        candidates += [(("tags", i), t) for i, t in enumerate(tags) if isinstance(t, str)]
    elif isinstance(tags, str):
        candidates.append((("tags",), tags))
    name = ctx.meta.get("pretty_name")
    if isinstance(name, str):
        candidates.append((("pretty_name",), name))
    for path, text in candidates:
        words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
        for index, word in enumerate(words):
            before = words[index - 1] if index else ""
            if word not in EVIDENCE_WORDS or before in _NOT_PUBLIC:
                continue
            if word == "feedback" and before not in _FEEDBACK_FROM:
                continue
            return path, word
    return None


@rule("DCL702", "review-like-card-without-public-evidence", W, REQ)
def review_like_card_without_public_evidence(ctx: RuleContext) -> Iterable[Hit]:
    """A card about reviews, surveys or testimonials has generated parts but no public-evidence flags

    Why it matters
    --------------
    Tags such as `reviews` or `survey` and a model-generated part together suggest that the
    dataset holds generated reviews, answers or comments. Without `public_evidence` on its
    parts nothing marks them as synthetic, and once copied they pass for real people's
    opinions.

    Failing example
    ---------------
    ```yaml
    tags:
      - product-reviews  # <- DCL702
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
    ```

    Passing example
    ---------------
    ```yaml
    tags:
      - product-reviews
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [review]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Written by a language model; no real customer wrote these reviews.
    ```

    How to fix
    ----------
    Add `public_evidence` to each part: `synthetic: true` with `kinds`, a `disclosure` and
    `presented_as_public_participation: false` for generated parts; `synthetic: false` for
    real ones. If the data holds no such evidence, say so under
    `not_applicable.public_evidence`.
    """
    if ctx.not_applicable(REQ):
        return
    parts = ctx.parts()
    generated = [p for p in parts if p.origin_class in GENERATED_CONTENT_CLASSES]
    if not generated or any(p.has_public_evidence for p in parts):
        return
    found = _signal(ctx)
    if found is None:
        return
    path, word = found
    names = ", ".join(f"`{p.id}`" for p in generated[:4]) + (" ..." if len(generated) > 4 else "")
    yield Hit(path, f"the card is tagged as `{word}` data and has generated part{'s' if len(generated) > 1 else ''} "
                    f"{names}, but no part has `public_evidence`",
              help="flag generated reviews, answers or comments with `public_evidence: {synthetic: true, ...}`")


@rule("DCL703", "synthetic-evidence-without-disclosure", W, REQ)
def synthetic_evidence_without_disclosure(ctx: RuleContext) -> Iterable[Hit]:
    """Synthetic public evidence comes without a disclosure text

    Why it matters
    --------------
    The flag in the card travels only as far as the card. A disclosure is the sentence that
    should accompany the data and its uses, so that a generated review quoted in a report
    is still recognisable as generated.

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
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:  # <- DCL703
            synthetic: true
            kinds: [survey_response]
            presumptively_weak: true
            presented_as_public_participation: false
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
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [survey_response]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Every answer was written by a language model from a synthetic persona; no person gave it.
    ```

    How to fix
    ----------
    Add `disclosure` with the sentence that must accompany the data, stating that the
    evidence was generated and by what.
    """
    for part, evidence in _synthetic_parts(ctx):
        if evidence.disclosure is None:
            path = _path(part, "disclosure") if evidence.has_disclosure else _path(part)
            yield Hit(path, f"{label(part)} holds synthetic public evidence without a `disclosure`",
                      help="add the disclosure text that must accompany the data", key=not evidence.has_disclosure)


@rule("DCL704", "synthetic-evidence-without-kinds", W, REQ)
def synthetic_evidence_without_kinds(ctx: RuleContext) -> Iterable[Hit]:
    """Synthetic public evidence does not say what kind of evidence it imitates

    Why it matters
    --------------
    Generated reviews, survey answers, testimonials and personas carry different risks and
    fall under different rules (consumer-protection law for reviews and testimonials,
    survey-research standards for answers). `kinds` tells users which apply.

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
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:  # <- DCL704
            synthetic: true
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Every answer was written by a language model.
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
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [survey_response, persona]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Every answer was written by a language model.
    ```

    How to fix
    ----------
    List the kinds in `kinds`: `survey_response`, `testimonial`, `review`, `comment`,
    `case_narrative`, `stakeholder_submission`, `persona`.
    """
    for part, evidence in _synthetic_parts(ctx):
        if evidence.kinds_missing:
            path = _path(part, "kinds") if evidence.has_kinds else _path(part)
            yield Hit(path, f"{label(part)} holds synthetic public evidence but lists no `kinds`",
                      help="list what it imitates, e.g. `kinds: [review]`", key=not evidence.has_kinds)


@rule("DCL705", "model-part-evidence-marked-not-synthetic", E, REQ)
def model_part_evidence_marked_not_synthetic(ctx: RuleContext) -> Iterable[Hit]:
    """A model-generated part lists kinds of public evidence but says they are not synthetic

    Why it matters
    --------------
    Reviews, answers or comments in a part a model wrote are generated by definition. Marking
    them `synthetic: false` tells users they come from real people, which is the very claim
    the flag exists to prevent.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: false  # <- DCL705
            kinds: [review]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [review]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Written by a language model; no real customer wrote these reviews.
    ```

    How to fix
    ----------
    Set `synthetic: true` (with `presumptively_weak: true` and a `disclosure`). If the
    evidence really comes from people, the part's origin class is wrong.
    """
    for part in ctx.parts():
        evidence = _evidence(part)
        if part.origin_class not in GENERATED_CONTENT_CLASSES or evidence is None:
            continue
        kinds = _kinds(evidence)
        if evidence.synthetic.value is False and kinds:
            yield Hit(_path(part, "synthetic"),
                      f"{label(part)} is {part.origin_class} and lists {', '.join(kinds)}, "
                      "but marks them `synthetic: false`",
                      help="generated evidence is synthetic: set `synthetic: true`")


@rule("DCL706", "model-part-evidence-synthetic-unset", W, REQ)
def model_part_evidence_synthetic_unset(ctx: RuleContext) -> Iterable[Hit]:
    """A model-generated part lists kinds of public evidence without saying they are synthetic

    Why it matters
    --------------
    The `synthetic` flag is what filters and readers check. Listing `kinds` on a generated
    part without it leaves the one fact that matters implicit.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:  # <- DCL706
            kinds: [review]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [review]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Written by a language model; no real customer wrote these reviews.
    ```

    How to fix
    ----------
    Add `synthetic: true`.
    """
    for part in ctx.parts():
        evidence = _evidence(part)
        if part.origin_class not in GENERATED_CONTENT_CLASSES or evidence is None:
            continue
        if evidence.synthetic.status is Status.ABSENT and _kinds(evidence):
            yield Hit(_path(part), f"{label(part)} is {part.origin_class} and lists public evidence "
                                   "but does not state `synthetic`",
                      help="add `synthetic: true`", key=True)


@rule("DCL707", "synthetic-evidence-in-human-record", W, REQ)
def synthetic_evidence_in_human_record(ctx: RuleContext) -> Iterable[Hit]:
    """A part recorded directly from people says it holds synthetic public evidence

    Why it matters
    --------------
    A `direct_human_record` part is, by its origin class, given by real people. If some of
    its answers or reviews were generated (imputed answers, padded reviews), the generated
    items are mixed in with real ones where no user can separate them; they belong in a
    part of their own.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: responses
          share: 1.0
          origin: {class: direct_human_record}
          public_evidence:
            synthetic: true  # <- DCL707
            kinds: [survey_response]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Missing open answers were imputed by a language model.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: responses
          share: 0.9
          origin: {class: direct_human_record}
          public_evidence:
            synthetic: false
            kinds: [survey_response]
            presented_as_public_participation: true
        - id: imputed
          share: 0.1
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          public_evidence:
            synthetic: true
            kinds: [survey_response]
            presumptively_weak: true
            presented_as_public_participation: false
            disclosure: Missing open answers were imputed by a language model.
    ```

    How to fix
    ----------
    Move the generated items into a separate part with a synthetic origin class, or
    correct the flag.
    """
    for part, _ in _synthetic_parts(ctx):
        if part.origin_class == "direct_human_record":
            yield Hit(_path(part, "synthetic"),
                      f"{label(part)} is a direct_human_record but says it holds synthetic public evidence",
                      help="put the generated items in a separate part with a synthetic origin class")


#: Wording that presents content as the voice of real people.
_REAL_VOICE = re.compile(
    r"\b(?:"
    r"(?:real|actual|genuine|authentic)\s+(?:voices?|views|opinions|experiences|feedback|reviews|testimonials?|"
    r"stories|answers|responses)"
    r"|(?:by|from|of)\s+(?:real|actual|genuine)\s+(?:people|persons|customers|users|citizens|patients|"
    r"respondents|residents|voters|consumers)"
    r"|(?:real|actual|genuine)\s+(?:people|persons|customers|users|citizens|patients|respondents|residents|"
    r"voters|consumers)(?:'|\u2019)s?\s+(?:voices?|views|opinions|experiences|feedback|reviews|answers|words)"
    r"|what\s+(?:real\s+)?(?:people|customers|users|citizens|patients|residents|voters|consumers|the\s+public|"
    r"communities)\s+(?:really\s+)?(?:think|say|feel|want|believe|need)"
    r"|(?:views|opinions|voices?|experiences|concerns|priorities)\s+of\s+(?:real\s+|actual\s+|ordinary\s+)?"
    r"(?:people|customers|users|citizens|patients|residents|voters|consumers|the\s+public|communities|"
    r"respondents|stakeholders|the\s+community)"
    r"|public\s+opinion"
    r")\b",
    re.IGNORECASE,
)
#: A sentence with one of these says the voice is not real (or only imitated), which is honest.
_DISCLAIMS = re.compile(
    r"\b(?:not|never|no|none|neither|nor|without|instead|rather|simulat\w*|imitat\w*|mimic\w*|resembl\w*|"
    r"fictional|fictitious|hypothetical|invented|stand-ins?|proxy|proxies|approximat\w*|synthetic|generated|"
    r"artificial|fake)\b|n't\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|\n|$)")


def _voice_claims(text: str) -> Iterable[tuple[int, str]]:
    """Offsets and phrases of sentences that present content as real people's voice."""
    for sentence in _SENTENCE.finditer(text):
        found = _REAL_VOICE.search(sentence.group())
        if found and not _DISCLAIMS.search(sentence.group()):
            yield sentence.start() + found.start(), found.group()


def _generated_evidence_parts(ctx: RuleContext) -> list[Part]:
    """Parts a model or program wrote, unless the card also holds grounded parts the wording may mean."""
    parts = ctx.parts()
    if any(not p.synthetic and p.origin_class is not None for p in parts):
        return []
    return [p for p in parts if p.origin_class in GENERATED_CONTENT_CLASSES or p.origin.algorithmic]


@rule("DCL710", "synthetic-evidence-described-as-real-voice", E, REQ)
def synthetic_evidence_described_as_real_voice(ctx: RuleContext) -> Iterable[Hit]:
    """The card's own words present generated content as what real people think or say

    Why it matters
    --------------
    Generated personas, respondents, reviews, testimonials and consultation answers are
    presumptively weak evidence of what people think: a model's guess, not a person's
    voice. A card whose every part is generated but whose text calls it "the views of
    citizens" or "what customers really think" invites exactly the misuse the
    public-evidence flags exist to stop (standing in for a survey, a consultation or user
    research), whatever the block says. The block and the text must agree; when they do
    not, the text is what readers quote, so the severity is an error (as DCL701 for the
    block's own `presented_as_public_participation`).

    The rule reads the card body, the parts' descriptions and the purpose statements. A
    sentence that says the voice is simulated, synthetic, generated or not real is honest
    and is skipped; so is a card that also holds human-made or recorded parts, since the
    wording may describe them.

    Failing example
    ---------------
    ```text
    ---
    governance:
      schema_version: "1.1"
      parts:
        - id: respondents
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
    ---
    The answers capture the views of citizens on the new transit plan.  # <- DCL710
    ```

    Passing example
    ---------------
    ```text
    ---
    governance:
      schema_version: "1.1"
      parts:
        - id: respondents
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
    ---
    The answers are simulated: a model imitating the views of citizens, not a survey.
    ```

    How to fix
    ----------
    Say what the content is (generated answers, simulated personas) wherever the card
    describes it, flag the parts with `public_evidence.synthetic: true` and
    `presented_as_public_participation: false`, and never present them as people's views.
    """
    parts = _generated_evidence_parts(ctx)
    if not parts:
        return
    for part in parts:
        for key, value in (("description", part.description),
                           *((f"purpose/{i}", p.statement) for i, p in enumerate(part.purposes))):
            if isinstance(value, str):
                for _, phrase in _voice_claims(value):
                    path = part.at("description") if key == "description" else (*part.purposes[int(key[8:])].path,
                                                                                 "statement")
                    yield Hit(path, f"{label(part)} is {part.origin_class}, but its text calls it \"{phrase}\"",
                              help="describe it as generated; generated content is never real people's voice")
                    break
    text, start = ctx.card.text, _body_start(ctx)
    if text is None or start is None:
        return
    for offset, phrase in _voice_claims(text[start:]):
        at = start + offset
        line = count_lines(text, at) + 1
        line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
        ids = ", ".join(f"`{p.id}`" for p in parts)
        yield Hit((), f"the card calls its content \"{phrase}\", but every part ({ids}) was generated",
                  help="describe it as generated; generated content is never real people's voice",
                  span=Span(line, at - line_start + 1, line, at - line_start + 1 + len(phrase)))
        return  # one finding for the body is enough


def _body_start(ctx: RuleContext) -> int | None:
    card = ctx.card
    if card.kind != "markdown" or card.text is None:
        return None
    split = card.front_matter
    return split.body_start if split is not None and split.found else None
