"""Contamination: each part's AI-content label, how it was determined, and benchmark-leakage checks."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterable

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.view import LabelView
from datacard_lint.governance.vocabulary import (
    ALGORITHM_LABEL,
    ALGORITHMIC_CLASSES,
    ALGORITHMIC_SOURCE_TYPES,
    DETECTOR_DETERMINATIONS,
    HUMAN_SOURCE_TYPES,
    MODEL_CLASSES,
    MODEL_SOURCE_TYPES,
)
from datacard_lint.rules._util import label, part_anchor
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import Part, RuleContext

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
REQ = "contamination"
Path_ = tuple[Hashable, ...]



def _label(part: Part) -> LabelView | None:
    return part.contamination


def _label_or_empty(part: Part) -> LabelView:
    """The part's label, or an empty one where a missing label reads as saying nothing."""
    return part.contamination or LabelView({}, (*part.path, REQ))


def _period_date(part: Part, as_of: _dt.date) -> tuple[Path_, _dt.date, str] | None:
    """The last collection date with its path: the period's end, or `as_of` when only a start
    is given (the schema reads a missing end as a collection that is still running)."""
    period = part.origin.collection_period.value
    if period is None:
        return None
    base = (*part.path, "origin", "collection_period")
    end = period.end
    if end is not None:
        return (*base, "end"), end, "end"
    start = period.start
    if start is not None:
        return (*base, "start"), max(start, as_of), "runs"
    return None


def _has_period(part: Part) -> bool:
    period = part.origin.collection_period.value
    return period is not None and period.dated


def _crawls(ctx: RuleContext) -> list[Part]:
    return [p for p in ctx.parts() if p.origin_class == "public_web_crawl"]


@rule("DCL601", "crawl-without-ai-estimate", W, REQ)
def crawl_without_ai_estimate(ctx: RuleContext) -> Iterable[Hit]:
    """A web crawl collected after generative AI spread gives no estimate of its AI-generated share

    Why it matters
    --------------
    Since capable text generators became widely available at the end of 2022, web pages
    increasingly contain generated text. Training on it unknowingly is how model output
    re-enters training data and feeds model collapse. A crawl from that period should say
    how much of it is estimated to be generated, and how that was estimated.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period:
              start: 2024-01-01
              end: 2024-12-31  # <- DCL601
          contamination:
            ai_label: mixed
            determination: [unknown]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period:
              start: 2024-01-01
              end: 2024-12-31
          contamination:
            ai_label: mixed
            determination: [classifier_detector]
            estimated_ai_share: 0.07
            estimate_method: Detector run on a uniform sample of 200,000 pages, corrected on 2,000 hand-labelled ones.
            detector: {name: acme-aitext-detector, version: 0.9.2}
    ```

    How to fix
    ----------
    Estimate the share of generated text (for example with a detector on a random sample,
    corrected with a hand-labelled calibration set) and give it in
    `contamination.estimated_ai_share` with `estimate_method`.

    Options
    -------
    `thresholds.genai-cutoff` (default 2022-12-31): crawls whose collection period ends
    after this date need an estimate.
    """
    if ctx.not_applicable(REQ):
        return
    cutoff = ctx.thresholds.genai_cutoff
    for part in _crawls(ctx):
        found = _period_date(part, ctx.as_of)
        if found is None:
            continue
        path, when, which = found
        contamination = _label_or_empty(part)
        if when <= cutoff or contamination.has_estimate or _unlabelled(contamination):
            continue  # an unlabelled crawl is DCL617's error
        verb = "ends" if which == "end" else "is still running on"
        yield Hit(path, f"{label(part)} is a web crawl whose collection {verb} {when.isoformat()}, after "
                        f"{cutoff.isoformat()}, but gives no `contamination.estimated_ai_share`",
                  help="estimate the share of AI-generated text and give it with `estimate_method`")


@rule("DCL602", "benchmark-without-contamination-check", E, REQ)
def benchmark_without_contamination_check(ctx: RuleContext) -> Iterable[Hit]:
    """The dataset includes benchmark material but records no contamination check

    Why it matters
    --------------
    A dataset that contains items taken from evaluation benchmarks is the most likely route
    for test items to leak into training, which inflates scores and hides how models really
    perform. Such a card must say which benchmarks were checked for overlap and what was
    done about it.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: exam-questions
          share: 1.0
          origin:
            class: benchmark_material  # <- DCL602
            source_datasets: [cais/mmlu]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: exam-questions
          share: 1.0
          origin:
            class: benchmark_material
            source_datasets: [cais/mmlu]
      contamination_checks:
        - benchmarks: [cais/mmlu]
          method: exact_match
          result: Only the auxiliary_train split is included; no test item matches.
          overlap_rate: 0.0
          action: none
    ```

    How to fix
    ----------
    Add `contamination_checks` naming the benchmarks checked, the `method`, the `result`
    or `overlap_rate`, and the `action` taken.
    """
    if ctx.not_applicable(REQ):
        return
    if any(True for _ in ctx.items("contamination_checks")):
        return
    for part in ctx.parts():
        if part.origin_class == "benchmark_material":
            yield Hit((*part.path, "origin", "class"),
                      f"{label(part)} is benchmark_material but the card records no `contamination_checks`",
                      help="add `contamination_checks` with the benchmarks checked, the method and the result")


def _origin_contradiction(part: Part, contamination: LabelView) -> Iterable[Hit]:
    origin = part.origin_class
    base = (*part.path, REQ)
    source_type, ai_label = contamination.digital_source_type, contamination.ai_label
    if origin in MODEL_CLASSES:
        if source_type in HUMAN_SOURCE_TYPES:
            yield Hit((*base, "digital_source_type"),
                      f"{label(part)} is {origin} but its digital_source_type `{source_type}` describes "
                      "content made without generative AI",
                      help="use `trainedAlgorithmicData` for generated text or tables "
                           "(`compositeWithTrainedAlgorithmicMedia` when people edited it)")
        if ai_label == "human":
            yield Hit((*base, "ai_label"), f"{label(part)} is {origin} but its ai_label is `human`",
                      help="use `ai_generated`, or `ai_assisted`/`mixed` if people wrote part of it")
    elif origin in ("algorithmic_generation", "simulation"):
        if source_type in HUMAN_SOURCE_TYPES or ai_label == "human":
            said = f"digital_source_type `{source_type}`" if source_type in HUMAN_SOURCE_TYPES else "ai_label `human`"
            yield Hit((*base, "digital_source_type" if source_type in HUMAN_SOURCE_TYPES else "ai_label"),
                      f"{label(part)} is {origin} (made by a program) but its {said} describes human-made content",
                      help="use `digital_source_type: algorithmicMedia` and `ai_label: algorithm_generated` "
                           "(`ai_generated` under schema 1.0)")
    elif origin == "direct_human_record":
        if source_type in MODEL_SOURCE_TYPES or source_type == "algorithmicMedia":
            yield Hit((*base, "digital_source_type"),
                      f"{label(part)} is a direct_human_record but its digital_source_type `{source_type}` "
                      "describes AI-generated content",
                      help="use `digitalCreation` for human-written text, or correct the origin class")
        if ai_label in ("ai_generated", ALGORITHM_LABEL):
            yield Hit((*base, "ai_label"), f"{label(part)} is a direct_human_record but its ai_label is `{ai_label}`",
                      help="correct the label, or the origin class if a model wrote the content")


@rule("DCL603", "label-contradicts-origin", E, REQ)
def label_contradicts_origin(ctx: RuleContext) -> Iterable[Hit]:
    """A part's AI-content label contradicts its origin class

    Why it matters
    --------------
    Downstream teams filter on these labels to keep generated text out of training or to
    measure how much they use. A model-generated part labelled as human (or a human record
    labelled as AI-generated) defeats the filter in exactly the case it exists for.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          contamination:
            digital_source_type: digitalCreation  # <- DCL603
            ai_label: ai_generated
            determination: [declared_by_producer]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          contamination:
            digital_source_type: trainedAlgorithmicData
            ai_label: ai_generated
            determination: [declared_by_producer]
    ```

    How to fix
    ----------
    Correct the label or the origin class, whichever is wrong. Generated text and tables
    are `trainedAlgorithmicData`; human-written text is `digitalCreation`. Output of a
    non-learned program (`algorithmic_generation`, `simulation`) is IPTC `algorithmicMedia`
    and, from schema 1.1, `ai_label: algorithm_generated`; labelling it human-made is the
    same contradiction as for a model's output, and so is labelling a human record
    `algorithm_generated` (confusing a program with a trained model is DCL615's warning).
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is not None:
            yield from _origin_contradiction(part, contamination)


@rule("DCL604", "unknown-determination-high-confidence", W, REQ)
def unknown_determination_high_confidence(ctx: RuleContext) -> Iterable[Hit]:
    """A label claims high confidence although how it was determined is unknown

    Why it matters
    --------------
    Confidence must rest on something: a producer's own records, a signed manifest, a
    detector, a review. With `determination: [unknown]`, "high" confidence is an
    unsupported claim that downstream filters would trust.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: forum-posts
          share: 1.0
          origin: {class: licensed_corpus}
          contamination:
            ai_label: human
            determination: [unknown]
            confidence: high  # <- DCL604
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: forum-posts
          share: 1.0
          origin: {class: licensed_corpus}
          contamination:
            ai_label: unknown
            determination: [unknown]
            confidence: low
    ```

    How to fix
    ----------
    Say how the label was determined, or lower the confidence to `low`.
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None or contamination.confidence != "high":
            continue
        methods = contamination.determination
        if methods and all(m == "unknown" for m in methods):
            yield Hit((*part.path, REQ, "confidence"),
                      f"{label(part)} claims high confidence but its determination is `unknown`",
                      help="name how the label was determined, or set `confidence: low`")


@rule("DCL605", "synthetic-part-without-label", W, REQ)
def synthetic_part_without_label(ctx: RuleContext) -> Iterable[Hit]:
    """A model-generated part has no contamination label

    Why it matters
    --------------
    The producer of generated data is the one party that knows for certain it is generated.
    Without a label on the part, the knowledge is lost as soon as the data is mixed into
    another corpus, and later readers can only guess with unreliable detectors.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues  # <- DCL605
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
          contamination:
            digital_source_type: trainedAlgorithmicData
            ai_label: ai_generated
            determination: [declared_by_producer]
            confidence: high
    ```

    How to fix
    ----------
    Add a `contamination` section: `digital_source_type: trainedAlgorithmicData`,
    `ai_label: ai_generated`, `determination: [declared_by_producer]`, `confidence: high`.
    """
    if ctx.not_applicable(REQ):
        return
    for part in ctx.parts():
        if part.origin_class in MODEL_CLASSES and not part.has_contamination:
            yield Hit(part_anchor(part), f"{label(part)} is {part.origin_class} but has no `contamination` label",
                      help="add `contamination` with `ai_label: ai_generated` and "
                           "`determination: [declared_by_producer]`")


@rule("DCL606", "detector-without-version", W, REQ)
def detector_without_version(ctx: RuleContext) -> Iterable[Hit]:
    """A label determined by a detector does not name the detector and its version

    Why it matters
    --------------
    AI-text and watermark detectors differ widely and change between versions; their error
    rates are high and uneven across languages and writers. A detector verdict can only be
    weighed, or reproduced, if the detector and its exact version are named.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: mixed
            determination: [classifier_detector]
            estimated_ai_share: 0.07
            estimate_method: Detector on a uniform sample of 200,000 pages.
            detector: {name: acme-aitext-detector}  # <- DCL606
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: mixed
            determination: [classifier_detector]
            estimated_ai_share: 0.07
            estimate_method: Detector on a uniform sample of 200,000 pages.
            detector: {name: acme-aitext-detector, version: 0.9.2}
    ```

    How to fix
    ----------
    Add `detector: {name: ..., version: ...}` to the label.
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None:
            continue
        used = [m for m in contamination.determination if m in DETECTOR_DETERMINATIONS]
        if not used:
            continue
        detector = contamination.detector
        base = (*part.path, REQ)
        if detector is None:
            yield Hit((*base, "determination"),
                      f"{label(part)} was labelled by {' and '.join(used)} but names no detector",
                      help="add `detector: {name: ..., version: ...}`")
            continue
        missing = [key for key, value in (("name", detector.name), ("version", detector.version)) if value is None]
        if missing:
            yield Hit((*base, "detector"),
                      f"the detector of {label(part)} has no {' and no '.join(f'`{m}`' for m in missing)}",
                      help="name the detector and its exact version or revision")


@rule("DCL607", "crawl-without-collection-period", INFO, REQ)
def crawl_without_collection_period(ctx: RuleContext) -> Iterable[Hit]:
    """A web crawl gives neither a collection period nor an estimate of its AI-generated share

    Why it matters
    --------------
    When a crawl was collected decides how much generated text it can contain: pages
    fetched before late 2022 hold little, later ones more each year. Without dates or an
    estimate, readers cannot judge the crawl's AI content at all.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin:
            class: public_web_crawl  # <- DCL607
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period: {start: 2019-01-01, end: 2021-12-31}
    ```

    How to fix
    ----------
    Give `origin.collection_period` with the first and last fetch dates; for crawls after
    2022, add `contamination.estimated_ai_share` as well.
    """
    if ctx.not_applicable(REQ):
        return
    for part in _crawls(ctx):
        contamination = _label_or_empty(part)
        if part.origin.collection_period.undisclosed:
            continue  # said honestly: reported by DCL907/DCL908
        if not _has_period(part) and not contamination.has_estimate:
            yield Hit((*part.path, "origin", "class"),
                      f"{label(part)} is a web crawl with no collection period and no estimated AI share",
                      help="add `origin.collection_period` with the fetch dates")


@rule("DCL608", "ai-share-inconsistent", E, REQ)
def ai_share_inconsistent(ctx: RuleContext) -> Iterable[Hit]:
    """The estimated AI share contradicts the part's label or origin

    Why it matters
    --------------
    An estimate of 0 on a part labelled AI-generated, or of 1 on a part labelled human,
    cannot both be true; whoever relies on either number is misled. Only clear
    contradictions are reported: 0 or 1 against a label or origin that says otherwise, and
    a label that disagrees with the majority of the estimate.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: ai_generated
            determination: [classifier_detector]
            estimated_ai_share: 0.0  # <- DCL608
            estimate_method: Detector on a uniform sample of 200,000 pages.
            detector: {name: acme-aitext-detector, version: 0.9.2}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: mixed
            determination: [classifier_detector]
            estimated_ai_share: 0.07
            estimate_method: Detector on a uniform sample of 200,000 pages.
            detector: {name: acme-aitext-detector, version: 0.9.2}
    ```

    How to fix
    ----------
    Correct the estimate or the label. A part with some but not all generated content is
    `ai_label: mixed`.
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None:
            continue
        share = contamination.estimated_ai_share
        if share is None or not 0 <= share <= 1:
            continue  # out of range is a schema error
        ai_label = contamination.ai_label
        problem = None
        if share == 0 and ai_label in {"ai_generated", "mixed"}:
            problem = f"estimated_ai_share is 0 but ai_label is `{ai_label}`"
        elif share == 1 and ai_label in {"human", "mixed"}:
            problem = f"estimated_ai_share is 1 but ai_label is `{ai_label}`"
        elif ai_label == "human" and share > 0.5:
            problem = f"ai_label is `human` but most of the part ({share:g}) is estimated to be AI-generated"
        elif ai_label == "ai_generated" and share < 0.5:
            problem = f"ai_label is `ai_generated` but only {share:g} of the part is estimated to be AI-generated"
        elif share == 0 and part.origin_class in MODEL_CLASSES:
            problem = f"the part is {part.origin_class} but its estimated_ai_share is 0"
        elif share == 1 and part.origin_class == "direct_human_record":
            problem = "the part is a direct_human_record but its estimated_ai_share is 1"
        if problem:
            yield Hit((*part.path, REQ, "estimated_ai_share"), f"{label(part)}: {problem}",
                      help="correct the estimate or the label; partly generated content is `mixed`")


def _predates_index(contamination: LabelView) -> int | None:
    for index, item in contamination.determination_entries:
        if item == "source_predates_genai":
            return index
    return None


@rule("DCL609", "predates-genai-contradicted", E, REQ)
def predates_genai_contradicted(ctx: RuleContext) -> Iterable[Hit]:
    """A label says the source predates generative AI, but the part's dates or origin say otherwise

    Why it matters
    --------------
    `source_predates_genai` is the cheapest and most trusted way to call data human-made:
    nothing generated could be in it. The claim is false for data collected after the cutoff
    or produced by a model, and a false claim of this kind lets generated text through
    every filter.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period: {start: 2021-01-01, end: 2023-06-30}
          contamination:
            ai_label: human
            determination:
              - source_predates_genai  # <- DCL609
            confidence: medium
            estimated_ai_share: 0.02
            estimate_method: Detector on a uniform sample of 50,000 pages.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period: {start: 2019-01-01, end: 2021-12-31}
          contamination:
            ai_label: human
            determination:
              - source_predates_genai
            confidence: medium
    ```

    How to fix
    ----------
    Remove `source_predates_genai` and determine the label another way (a detector on a
    sample, a review), or correct the collection period.

    Options
    -------
    `thresholds.genai-cutoff` (default 2022-12-31): the date the source must predate.
    """
    cutoff = ctx.thresholds.genai_cutoff
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None:
            continue
        index = _predates_index(contamination)
        if index is None:
            continue
        path = (*part.path, REQ, "determination", index)
        if part.origin_class in MODEL_CLASSES:
            yield Hit(path, f"{label(part)} is {part.origin_class}; its content cannot predate generative AI",
                      help="use `declared_by_producer` for data you generated")
            continue
        found = _period_date(part, ctx.as_of)
        if found is not None and found[1] > cutoff:
            _, when, which = found
            yield Hit(path, f"{label(part)} claims its source predates generative AI, but its collection period "
                            f"{'ends' if which == 'end' else 'is still running on'} {when.isoformat()}, "
                            f"after {cutoff.isoformat()}",
                      help="determine the label another way, or correct the collection period")


@rule("DCL610", "predates-genai-without-period", W, REQ)
def predates_genai_without_period(ctx: RuleContext) -> Iterable[Hit]:
    """A label says the source predates generative AI, but the part gives no collection period

    Why it matters
    --------------
    The claim rests entirely on dates. Without `origin.collection_period` nobody can check
    it, and a crawl that silently extends past 2022 would pass as human-made.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: books
          share: 1.0
          origin: {class: licensed_corpus}
          contamination:
            ai_label: human
            determination:
              - source_predates_genai  # <- DCL610
            confidence: high
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: books
          share: 1.0
          origin:
            class: licensed_corpus
            collection_period: {start: 1990-01-01, end: 2015-12-31}
          contamination:
            ai_label: human
            determination:
              - source_predates_genai
            confidence: high
    ```

    How to fix
    ----------
    Add `origin.collection_period` with the dates the content was written or collected.
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None or part.origin_class in MODEL_CLASSES:
            continue  # model parts are DCL609
        index = _predates_index(contamination)
        if index is not None and not _has_period(part):
            yield Hit((*part.path, REQ, "determination", index),
                      f"{label(part)} claims its source predates generative AI but gives no collection period",
                      help="add `origin.collection_period` so that the claim can be checked")


@rule("DCL611", "involvement-contradiction", E, REQ)
def involvement_contradiction(ctx: RuleContext) -> Iterable[Hit]:
    """Who wrote the content (`involvement.written`) contradicts the label or the origin class

    Why it matters
    --------------
    `involvement` separates writing, editing and verification so that AI-assisted content
    is not confused with AI-generated content. A part written by a machine and labelled
    human, or written by people and labelled AI-generated, makes the label unusable.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
          contamination:
            ai_label: human
            involvement:
              written: machine  # <- DCL611
              edited: human
            determination: [declared_by_producer]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
          contamination:
            ai_label: ai_assisted
            involvement:
              written: human
              edited: machine
            determination: [declared_by_producer]
    ```

    How to fix
    ----------
    Correct `involvement.written`, the `ai_label` or the origin class. Human-written,
    machine-edited content is `ai_assisted`.
    """
    for part in ctx.parts():
        contamination = _label(part)
        involvement = contamination.involvement if contamination is not None else None
        if contamination is None or involvement is None:
            continue
        written = involvement.written
        ai_label = contamination.ai_label
        problem = None
        if written == "machine" and ai_label == "human":
            problem = "was written by a machine but its ai_label is `human`"
        elif written == "human" and ai_label in ("ai_generated", ALGORITHM_LABEL):
            problem = f"was written by people but its ai_label is `{ai_label}`"
        elif written == "human" and part.origin_class in {"model_generated", "human_edited_model_output"}:
            problem = f"is {part.origin_class} but says it was written by people"
        elif written == "machine" and part.origin_class == "direct_human_record":
            problem = "is a direct_human_record but says it was written by a machine"
        if problem:
            yield Hit((*part.path, REQ, "involvement", "written"), f"{label(part)} {problem}",
                      help="correct `involvement.written`, the `ai_label` or the origin class")


@rule("DCL612", "ai-share-without-method", W, REQ)
def ai_share_without_method(ctx: RuleContext) -> Iterable[Hit]:
    """An estimated AI share does not say how it was estimated

    Why it matters
    --------------
    Estimates of generated text vary by an order of magnitude with the detector, its
    threshold and the sample. A bare number cannot be compared with another dataset's or
    checked; the method is what makes it evidence.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: mixed
            determination: [declared_by_producer]
            estimated_ai_share: 0.07  # <- DCL612
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web-2024
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2024-01-01, end: 2024-12-31}}
          contamination:
            ai_label: mixed
            determination: [declared_by_producer]
            estimated_ai_share: 0.07
            estimate_method: Share of pages from our own generated-content mirror, counted by URL.
    ```

    How to fix
    ----------
    Describe in `estimate_method` the sample, the detector and threshold (or other means),
    and any correction applied.
    """
    for part in ctx.parts():
        contamination = _label(part)
        if contamination is None or not contamination.has_estimate:
            continue
        if contamination.estimate_method is None:
            yield Hit((*part.path, REQ, "estimated_ai_share"),
                      f"{label(part)} gives an estimated_ai_share without an `estimate_method`",
                      help="describe the sample, detector and threshold behind the estimate")


@rule("DCL615", "algorithmic-label-mismatch", W, REQ)
def algorithmic_label_mismatch(ctx: RuleContext) -> Iterable[Hit]:
    """A part's label confuses a non-learned program with a trained model

    Why it matters
    --------------
    IPTC keeps two terms apart: `algorithmicMedia` for content a program made without
    learning from sampled data (a simulator, a symbolic engine, a template expander) and
    `trainedAlgorithmicMedia` (or C2PA's `trainedAlgorithmicData`) for a trained model's
    output. Readers filtering out model-generated training data rely on the difference, so
    the label should match the origin class: `algorithmic_generation` and `simulation`
    with `algorithmicMedia` (and, from schema 1.1, `ai_label: algorithm_generated`),
    model-generated classes with a trained-model term and `ai_label: ai_generated`.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: proofs
          share: 1.0
          origin:
            class: algorithmic_generation
            generators: [{kind: algorithm, algorithm: sympy-problem-generator, version: "1.12"}]
          contamination:
            digital_source_type: trainedAlgorithmicData  # <- DCL615
            ai_label: ai_generated
            determination: [declared_by_producer]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: proofs
          share: 1.0
          origin:
            class: algorithmic_generation
            generators: [{kind: algorithm, algorithm: sympy-problem-generator, version: "1.12"}]
          contamination:
            digital_source_type: algorithmicMedia
            ai_label: algorithm_generated
            determination: [declared_by_producer]
    ```

    How to fix
    ----------
    Use `algorithmicMedia` (and `ai_label: algorithm_generated`) for program-made parts and
    `trainedAlgorithmicData` (text, tables) or `trainedAlgorithmicMedia` (and
    `ai_label: ai_generated`) for model-made ones, or correct the origin class. Under
    schema 1.0, which has no `algorithm_generated`, program-made parts keep `ai_generated`.
    """
    for part in ctx.parts():
        label_view = part.contamination
        if label_view is None:
            continue
        klass = part.origin_class
        if klass in MODEL_CLASSES and label_view.program_made:
            yield Hit(label_view.at("ai_label"),
                      f"{label(part)} is {klass}, written by a trained model, but its ai_label "
                      f"`{ALGORITHM_LABEL}` describes content a non-learned program made",
                      help="use `ai_label: ai_generated` for a trained model's output")
        source_type = label_view.digital_source_type
        if source_type is None:
            continue
        where = label_view.at("digital_source_type")
        if klass in ALGORITHMIC_CLASSES and source_type in MODEL_SOURCE_TYPES:
            yield Hit(where, f"{label(part)} is {klass}, made by a program, but its digital_source_type "
                             f"`{source_type}` describes a trained model's output",
                      help="use `algorithmicMedia` for content a non-learned program made")
        elif klass in MODEL_CLASSES and source_type in ALGORITHMIC_SOURCE_TYPES:
            yield Hit(where, f"{label(part)} is {klass}, written by a trained model, but its digital_source_type "
                             f"`{source_type}` describes content a non-learned program made",
                      help="use `trainedAlgorithmicData` for generated text or tables")


def _unlabelled(contamination: LabelView) -> bool:
    """No AI-content label, or a bare claim of `human` that nothing measured."""
    ai_label, source_type = contamination.ai_label, contamination.digital_source_type
    if ai_label is None and source_type is None:
        return True
    measured = {"classifier_detector", "watermark_detector", "human_review", "c2pa_manifest", "embedded_metadata"}
    return ai_label == "human" and not set(contamination.determination) & measured


@rule("DCL617", "genai-era-crawl-without-ai-label", E, REQ)
def genai_era_crawl_without_ai_label(ctx: RuleContext) -> Iterable[Hit]:
    """A web crawl reaching into the generative-AI era has no AI-content label or estimate

    Why it matters
    --------------
    Text generated by models spread on the web from late 2022 (ChatGPT was released on
    30 November 2022), and crawls collected since hold a growing share of it. A crawl of
    that period with no AI-content label and no estimated AI share, or one labelled `human`
    with nothing measured, tells downstream teams that the text is people's when nobody
    knows; training on it unknowingly is the recursive loop that causes model collapse.
    An honest `ai_label: unknown` (with a low confidence) is a label: DCL601 then only warns
    that an estimate is missing.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: crawl-2023
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period: {start: 2023-01-01, end: 2023-12-31}  # <- DCL617
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: crawl-2023
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period: {start: 2023-01-01, end: 2023-12-31}
          contamination:
            ai_label: unknown
            determination: [unknown]
            confidence: low
    ```

    How to fix
    ----------
    Label the part's AI content (`ai_label: unknown` with `confidence: low` when nothing
    was measured), and better, estimate it: `estimated_ai_share` with `estimate_method`.

    Options
    -------
    `thresholds.genai-cutoff` (default 2022-12-31).
    """
    if ctx.not_applicable(REQ):
        return
    cutoff = ctx.thresholds.genai_cutoff
    for part in _crawls(ctx):
        found = _period_date(part, ctx.as_of)
        contamination = _label_or_empty(part)
        if found is None or found[1] <= cutoff or contamination.has_estimate:
            continue
        if not _unlabelled(contamination):
            continue
        path, when, which = found
        verb = "ends" if which == "end" else "is still running on"
        claim = "labels it `human` with nothing measured" if contamination.ai_label == "human" \
            else "gives no AI-content label or estimate"
        yield Hit(path, f"{label(part)} is a web crawl whose collection {verb} {when.isoformat()}, after "
                        f"{cutoff.isoformat()}, but {claim}",
                  help="add `contamination.ai_label` (`unknown` if unmeasured) and an `estimated_ai_share`")
