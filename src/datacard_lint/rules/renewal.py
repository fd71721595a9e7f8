"""Renewal: the dataset's place in a lineage of generated data, and its supply of fresh grounded data."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.readers import is_undisclosed
from datacard_lint.governance.vocabulary import MIXED_CLASS, MODEL_CLASSES, SYNTHETIC_CLASSES
from datacard_lint.rules._util import (
    as_date,
    as_int,
    as_mapping,
    as_number,
    cadence_days,
    entries,
    has_text,
    label,
)
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, Part, RuleContext

E, W = Severity.ERROR, Severity.WARNING
R = (*G, "renewal")
#: How far the declared grounded share may exceed the non-synthetic parts' shares (rounding).
GROUNDED_SHARE_SLACK = 0.05


def _renewal(ctx: RuleContext) -> Mapping[str, Any]:
    renewal = ctx.view.renewal
    return renewal.data if renewal is not None else {}


def _generation(ctx: RuleContext) -> int | None:
    renewal = ctx.view.renewal
    return renewal.generation if renewal is not None else None


def _basis(part: Mapping[str, Any]) -> str | None:
    value = part.get("share_basis", "rows")
    return value if isinstance(value, str) else None


def _fresh(ctx: RuleContext) -> Mapping[str, Any] | None:
    renewal = ctx.view.renewal
    fresh = renewal.section("fresh_data") if renewal is not None else None
    return fresh


@rule("DCL401", "grounded-share-below-floor", E, "renewal")
def grounded_share_below_floor(ctx: RuleContext) -> Iterable[Hit]:
    """A dataset built from generated data adds too little fresh grounded data

    Why it matters
    --------------
    Models trained generation after generation on model output lose the tails of the
    distribution and then quality; the decline is avoided when enough fresh real data enters
    each generation, and kept data accumulates rather than being replaced. A dataset of
    generation 1 or more whose fresh grounded share is below the floor relies on generated
    data to a degree that risks model collapse.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: contributed
          share: 0.1
          origin: {class: direct_human_record}
        - id: expanded
          share: 0.9
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-chat-v3, revision: 2026-01-02}]
      renewal:
        generation: 2
        grounded_share: 0.1  # <- DCL401
        parents: [{id: northwind-lab/kestrel-dialogues, revision: v3, generation: 1}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: contributed
          share: 0.35
          origin: {class: direct_human_record}
        - id: expanded
          share: 0.65
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-chat-v3, revision: 2026-01-02}]
      renewal:
        generation: 2
        grounded_share: 0.35
        parents: [{id: northwind-lab/kestrel-dialogues, revision: v3, generation: 1}]
    ```

    How to fix
    ----------
    Add fresh, grounded (human-made or observed) data to the release until its share
    reaches the floor, or keep earlier grounded data alongside the generated data instead
    of replacing it, and update `grounded_share`.

    When the card names parent cards on disk (`parents[].path`), the share carried over
    from them counts too, and DCL422 (compounded-grounded-share-below-floor) judges the
    card instead.

    Options
    -------
    `thresholds.grounded-share-floor` (default 0.2).
    """
    section = _renewal(ctx)
    generation, share = _generation(ctx), as_number(section.get("grounded_share"))
    floor = ctx.thresholds.grounded_share_floor
    if generation is not None and generation >= 1 and share is not None and share < floor - 1e-12:
        from datacard_lint.rules.lineage import follows_local_parents

        if follows_local_parents(ctx):
            return  # the parents' grounded records count too: DCL422 judges the compounded share
        yield Hit((*R, "grounded_share"),
                  f"grounded share {share:g} is below the floor {floor:g} for a generation-{generation} dataset",
                  help="add fresh grounded data to this release, or keep earlier grounded data")


@rule("DCL402", "generation-without-parents", E, "renewal")
def generation_without_parents(ctx: RuleContext) -> Iterable[Hit]:
    """A dataset of generation 1 or more does not name its parents

    Why it matters
    --------------
    A generation number counts the rounds of model output between the data and the real
    world. It is only checkable when the card names the datasets it was built from (the
    seeds, the earlier release, the generating models' training data), each with its own
    generation; without them the lineage, and with it the collapse risk, is a bare claim.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1  # <- DCL402
        grounded_share: 0.3
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1
        grounded_share: 0.3
        parents:
          - {id: acme-research/tessera-seed, revision: v1.2, generation: 0}
    ```

    How to fix
    ----------
    List under `renewal.parents` every dataset the release was built from (Hub `id` or
    `path`), with its `revision` and `generation`.
    """
    section = _renewal(ctx)
    generation = _generation(ctx)
    parents = section.get("parents")
    if generation is None or generation < 1:
        return
    if parents is None or (isinstance(parents, list) and not any(True for _ in entries(parents))):
        yield Hit((*R, "generation"), f"renewal.generation is {generation} but no `parents` are listed",
                  help="list the datasets this release was built from under `renewal.parents`")


@rule("DCL403", "refresh-overdue", W, "renewal")
def refresh_overdue(ctx: RuleContext) -> Iterable[Hit]:
    """The last refresh is older than the declared cadence allows

    Why it matters
    --------------
    The cadence is the card's promise of how often fresh grounded data arrives. When the
    last refresh is older than one cadence period, the promise has lapsed, and users who
    rely on the dataset staying grounded are training on a dataset that is drifting
    towards its generated share.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        cadence: quarterly
        last_refresh: 2025-10-30  # <- DCL403
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        cadence: quarterly
        last_refresh: 2026-10-30
    ```

    How to fix
    ----------
    Publish the overdue refresh and update `last_refresh`, or change `cadence` to what is
    really planned (`none` if no renewal is planned). Cadence words count as daily = 1,
    weekly = 7, monthly = 31, quarterly = 92, semiannual = 183 and yearly = 366 days; ISO 8601
    durations such as `P6M` count a month as 31 days and a year as 366. `none` and
    `continuous` are never overdue. The date compared with is `as-of` (today by default).
    """
    section = _renewal(ctx)
    days = cadence_days(section.get("cadence"))
    last = as_date(section.get("last_refresh"))
    if days is None or last is None or last > ctx.as_of:
        return
    due = last + _dt.timedelta(days=days)
    if due < ctx.as_of:
        yield Hit((*R, "last_refresh"),
                  f"last refresh {last} with cadence {section.get('cadence')} ({days} days) was due by {due}; "
                  f"{(ctx.as_of - due).days} days overdue as of {ctx.as_of}",
                  help="publish the refresh and update `last_refresh`, or declare the cadence really followed")


@rule("DCL404", "fresh-data-without-lawful-basis", E, "renewal")
def fresh_data_without_lawful_basis(ctx: RuleContext) -> Iterable[Hit]:
    """Fresh data is described without its lawful basis, or consent without its documentation

    Why it matters
    --------------
    Fresh grounded data protects against collapse only if it can be used lawfully, now and
    in later releases. Most of it is written or recorded by people; the card must say on
    what basis it was collected, and, when the basis is consent, where the consent terms are
    kept so that withdrawals can be honoured.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        fresh_data:
          description: The 2026 wave of the survey.
          lawful_basis: consent  # <- DCL404
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
      renewal:
        generation: 0
        grounded_share: 1.0
        fresh_data:
          description: The 2026 wave of the survey.
          lawful_basis: consent
          consent_documentation: docs/consent-form.pdf
    ```

    How to fix
    ----------
    Set `fresh_data.lawful_basis` (`consent`, `contract`, ..., `licensed`,
    `not_personal_data`), and with `consent` add `consent_documentation`: the URL or
    repository path of the consent form or information notice. Human-record parts without
    any `fresh_data` are reported by DCL411.
    """
    fresh = _fresh(ctx)
    if fresh is None:
        return
    basis = fresh.get("lawful_basis")
    if is_undisclosed(basis):
        return  # an honest answer (schema 1.1), reported by DCL907/DCL908
    if not has_text(basis):
        where = (*R, "fresh_data", "lawful_basis") if "lawful_basis" in fresh else (*R, "fresh_data")
        yield Hit(where, "fresh data is described without a `lawful_basis`",
                  help="add `renewal.fresh_data.lawful_basis`", key="lawful_basis" not in fresh)
    elif basis == "consent" and not has_text(fresh.get("consent_documentation")):
        yield Hit((*R, "fresh_data", "lawful_basis"),
                  "fresh data is collected on consent, but `consent_documentation` does not say where the terms are",
                  help="add `consent_documentation`: URL or path of the consent form or notice")


@rule("DCL405", "grounded-share-disagrees-with-parts", W, "renewal")
def grounded_share_disagrees_with_parts(ctx: RuleContext) -> Iterable[Hit]:
    """The declared grounded share is larger than the non-synthetic parts can hold

    Why it matters
    --------------
    Fresh grounded data is non-synthetic, so it can be at most the share of the
    non-synthetic parts. A larger grounded share overstates the protection against collapse
    that the release offers. A smaller one is normal, since older grounded data is not
    fresh, so only this direction is checked.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.2
          origin: {class: direct_human_record}
        - id: answers
          share: 0.8
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1
        grounded_share: 0.5  # <- DCL405
        parents: [{id: acme-research/tessera-seed, generation: 0}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.2
          origin: {class: direct_human_record}
        - id: answers
          share: 0.8
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1
        grounded_share: 0.2
        parents: [{id: acme-research/tessera-seed, generation: 0}]
    ```

    How to fix
    ----------
    Correct `grounded_share` (the fraction of this release that is fresh, non-synthetic
    data), or the part shares. The check runs when every part gives a share in the same
    unit; differences up to 0.05 are accepted.
    """
    share = as_number(_renewal(ctx).get("grounded_share"))
    raw = ctx.governance.get("parts")
    if share is None or not isinstance(raw, list) or not raw or not all(isinstance(p, Mapping) for p in raw):
        return
    parts = ctx.parts()
    shares = [as_number(p.data.get("share")) for p in parts]
    if any(s is None for s in shares) or len({_basis(p.data) for p in parts}) != 1:
        return
    fractions = [_grounded_fraction(p) for p in parts]
    if any(f is None for f in fractions):
        return  # a mixed part without shares, an undisclosed class: the ceiling is unknown
    grounded = [(p, s * f) for p, s, f in zip(parts, shares, fractions, strict=True)  # type: ignore[operator]
                if f]
    ceiling = sum(s for _, s in grounded)
    if share > ceiling + GROUNDED_SHARE_SLACK + 1e-9:
        listed = ", ".join(f"`{p.id}` {s:g}" for p, s in grounded) or "none"
        yield Hit((*R, "grounded_share"),
                  f"grounded share {share:g} exceeds the {ceiling:g} share of non-synthetic data ({listed})",
                  help="fresh grounded data can be at most the non-synthetic share; correct one of the figures")


def _grounded_fraction(part: Part) -> float | None:
    """The non-synthetic fraction of a part: from its components or breakdown (schema 1.1)
    when it has them, else 1 for a non-synthetic class and 0 for a synthetic one."""
    if part.components or part.origin.breakdown or part.origin_class == MIXED_CLASS:
        return part.grounded_share()
    return 0.0 if part.origin_class in SYNTHETIC_CLASSES else 1.0


@rule("DCL406", "synthetic-without-renewal", W, "renewal")
def synthetic_without_renewal(ctx: RuleContext) -> Iterable[Hit]:
    """The card has synthetic parts but no renewal section

    Why it matters
    --------------
    Whether a dataset keeps a supply of grounded data is the most direct protection
    against model collapse, and it is invisible unless the card records its generation,
    grounded share and refresh cadence. A dataset with synthetic parts that says nothing
    about renewal leaves users unable to place it in a lineage of generated data.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated  # <- DCL406
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1
        grounded_share: 0.3
        cadence: none
        parents: [{id: acme-research/tessera-seed, revision: v1.2, generation: 0}]
    ```

    How to fix
    ----------
    Add `renewal` with at least `generation`, `grounded_share` and `cadence` (`none` is a
    valid answer), or declare `not_applicable.renewal` with a reason.
    """
    if "renewal" in ctx.governance or ctx.not_applicable("renewal"):
        return
    synthetic = ctx.synthetic_parts()
    if synthetic:
        first = synthetic[0]
        others = f" (and {len(synthetic) - 1} more)" if len(synthetic) > 1 else ""
        yield Hit((*first.path, "origin", "class"),
                  f"{label(first)}{others} is {first.origin_class}, but the card has no `renewal` section",
                  help="add `renewal` with `generation`, `grounded_share` and `cadence`")


@rule("DCL407", "refresh-in-future", E, "renewal")
def refresh_in_future(ctx: RuleContext) -> Iterable[Hit]:
    """The last refresh is dated in the future

    Why it matters
    --------------
    `last_refresh` records when fresh grounded data was last added. A future date claims a
    refresh that has not happened, and makes the data look fresher than it is; usually it is
    a typo in the year.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        cadence: yearly
        last_refresh: 2027-01-20  # <- DCL407
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        cadence: yearly
        last_refresh: 2026-01-20
    ```

    How to fix
    ----------
    Correct the date. The date compared with is `as-of` (today by default).
    """
    last = as_date(_renewal(ctx).get("last_refresh"))
    if last is not None and last > ctx.as_of:
        yield Hit((*R, "last_refresh"), f"last refresh {last} is after {ctx.as_of}",
                  help="use the date the fresh data was actually added")


@rule("DCL408", "generation-inconsistent-with-parents", W, "renewal")
def generation_inconsistent_with_parents(ctx: RuleContext) -> Iterable[Hit]:
    """The dataset's generation is lower than a parent's

    Why it matters
    --------------
    Data built from a generation-n dataset contains generation-n data (or, if a model
    regenerated it, generation n + 1), so the release's generation is at least the highest
    generation among its parents. A lower number understates how many rounds of model
    output stand between the data and the real world.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0  # <- DCL408
        grounded_share: 0.4
        parents:
          - {id: northwind-lab/kestrel-dialogues, revision: v3, generation: 1}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 1
        grounded_share: 0.4
        parents:
          - {id: northwind-lab/kestrel-dialogues, revision: v3, generation: 1}
    ```

    How to fix
    ----------
    Set `generation` to at least the highest parent generation: equal to it when parent
    data is included as it is, one more when a model generated new data from it. Only this
    lower bound is checked, because which of the two applies depends on how each parent
    was used.
    """
    generation = _generation(ctx)
    if generation is None:
        return
    parents = [(p, as_int(p.get("generation"))) for _, p in entries(_renewal(ctx).get("parents"))]
    known = [(p, g) for p, g in parents if g is not None and g >= 0]
    if not known:
        return
    parent, highest = max(known, key=lambda item: item[1])
    if generation < highest:
        name = parent.get("id") or parent.get("path") or "a parent"
        yield Hit((*R, "generation"),
                  f"renewal.generation is {generation}, lower than the generation {highest} of parent `{name}`",
                  help=f"set `generation` to at least {highest}")


@rule("DCL409", "generation-zero-with-model-parts", E, "renewal")
def generation_zero_with_model_parts(ctx: RuleContext) -> Iterable[Hit]:
    """The dataset claims generation 0 but contains model output

    Why it matters
    --------------
    Generation 0 means that no part has a model-generated ancestor. A model-generated,
    model-edited or model-labelled part is at least generation 1, since the model was
    trained on other data, so the card understates its place in the lineage of generated
    data.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 0  # <- DCL409
        grounded_share: 0.3
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: seed
          share: 0.3
          origin: {class: licensed_corpus}
        - id: answers
          share: 0.7
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
      renewal:
        generation: 1
        grounded_share: 0.3
        parents: [{id: acme-research/tessera-seed, revision: v1.2, generation: 0}]
    ```

    How to fix
    ----------
    Set `generation` to 1 or more (n + 1 when the model generated from generation-n data
    or was trained on it). Simulation parts, produced without a trained model, do not count.
    """
    if _generation(ctx) != 0:
        return
    model_parts = [p for p in ctx.parts() if p.origin_class in MODEL_CLASSES]
    if model_parts:
        first = model_parts[0]
        yield Hit((*R, "generation"),
                  f"renewal.generation is 0, but {label(first)} is {first.origin_class}",
                  help="model output is generation 1 or more")


@rule("DCL410", "fresh-data-period-inverted", E, "renewal")
def fresh_data_period_inverted(ctx: RuleContext) -> Iterable[Hit]:
    """The fresh data's collection period ends before it starts

    Why it matters
    --------------
    The collection period dates the fresh data that keeps the release grounded. An
    inverted period is a typo that leaves readers unable to tell how fresh the data is.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
      renewal:
        generation: 0
        grounded_share: 1.0
        fresh_data:
          lawful_basis: contract
          collection_period:
            start: 2026-05-29
            end: 2026-03-02  # <- DCL410
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
      renewal:
        generation: 0
        grounded_share: 1.0
        fresh_data:
          lawful_basis: contract
          collection_period:
            start: 2026-03-02
            end: 2026-05-29
    ```

    How to fix
    ----------
    Swap or correct the dates.
    """
    period = as_mapping((_fresh(ctx) or {}).get("collection_period")) or {}
    start, end = as_date(period.get("start")), as_date(period.get("end"))
    if start and end and end < start:
        yield Hit((*R, "fresh_data", "collection_period", "end"),
                  f"fresh data collection period ends ({end}) before it starts ({start})",
                  help="correct the dates")


@rule("DCL411", "human-records-without-lawful-basis", W, "renewal")
def human_records_without_lawful_basis(ctx: RuleContext) -> Iterable[Hit]:
    """People's records are part of the dataset, but no lawful basis is recorded

    Why it matters
    --------------
    Data written or recorded by people for a dataset (answers, annotations, interviews) is
    usually personal data. Keeping it as the grounded core of later releases requires a
    lawful basis and a way for people to withdraw; the card's place for both is
    `renewal.fresh_data`.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: direct_human_record  # <- DCL411
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
            class: direct_human_record
      renewal:
        generation: 0
        grounded_share: 1.0
        fresh_data:
          description: Answers collected by trained interviewers in 2026.
          lawful_basis: consent
          consent_documentation: docs/consent-form.pdf
    ```

    How to fix
    ----------
    Add `renewal.fresh_data` with the `lawful_basis` (and `consent_documentation` for
    consent, `opt_out` for withdrawals). Use `not_personal_data` when the records contain
    no personal data. The rule is silent when renewal is declared not applicable; described
    fresh data without a basis is an error (DCL404).
    """
    if _fresh(ctx) is not None or ctx.not_applicable("renewal"):
        return
    human = [p for p in ctx.parts() if p.origin_class == "direct_human_record"]
    if human:
        first = human[0]
        yield Hit((*first.path, "origin", "class"),
                  f"{label(first)} records people directly, but no `renewal.fresh_data.lawful_basis` is given",
                  help="add `renewal.fresh_data` with its `lawful_basis`")
