"""Origin classes: every part states where its data came from, its share, and the models that made it."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.signals import LABELLING_ROLES, MACHINE, WRITING_ROLES, creators
from datacard_lint.governance.view import GeneratorView, OriginView, Status
from datacard_lint.governance.vocabulary import MODEL_CLASSES, ORIGIN_CLASSES
from datacard_lint.rules._util import label, part_anchor
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, Part, RuleContext

E, W = Severity.ERROR, Severity.WARNING
Path_ = tuple[Hashable, ...]

#: Classes whose content people or the world produced; a model *writing* it contradicts the class.
_RECORDED_CLASSES = frozenset({"direct_human_record", "licensed_corpus", "public_web_crawl", "benchmark_material"})
BASES = ("rows", "tokens", "bytes")
#: How far a stated share may differ from the share its size implies (absolute).
SIZE_SHARE_TOLERANCE = 0.02
#: Revisions that name a moving target rather than fixed weights.
_MOVING_REVISIONS = frozenset({"main", "master", "latest", "head", "current", "stable"})
_CREATOR_KEYS = ("annotations_creators", "language_creators")
_SYNTHETIC_TAGS = frozenset({"synthetic", "synthetic-data", "synthetic_data"})
_EPS = 1e-9


# --- shared readers -----------------------------------------------------------------------


def _all_parts(ctx: RuleContext) -> list[Part] | None:
    """Every part, or None if the list holds something that is not a part (sums would be partial)."""
    if not ctx.view.parts_all_mappings:
        return None
    return ctx.parts()


def _basis(part: Part) -> str | None:
    """The unit of the part's share: `rows` by default, None if unreadable."""
    value = part.basis
    return value if value in BASES else None


def _shares(parts: list[Part]) -> list[float | None] | None:
    """Each part's share (None where absent), or None if any share is present but not a number."""
    shares: list[float | None] = []
    for part in parts:
        share = part.share
        if share.status is not Status.ABSENT and not share.stated and share.raw is not None:
            return None  # undisclosed, a TODO or unreadable: the sum cannot be checked
        shares.append(share.value)
    return shares


def _ids(parts: Iterable[Part]) -> str:
    return ", ".join(f"`{p.id}`" for p in parts)


def _fmt(number: float) -> str:
    return f"{number:.4g}"


def _classes_known(parts: list[Part]) -> bool:
    """Every part has a valid class other than `other`, so "no synthetic part" is a fact."""
    return all(p.origin_class in ORIGIN_CLASSES and p.origin_class != "other" for p in parts)


# --- rules --------------------------------------------------------------------------------


@rule("DCL101", "origin-shares-do-not-sum", E, "origin")
def origin_shares_do_not_sum(ctx: RuleContext) -> Iterable[Hit]:
    """The parts' shares do not add up to the whole dataset

    Why it matters
    --------------
    The shares are the card's statement of how much of the dataset is synthetic. If they
    add up to more or less than one, at least one of them is wrong, and so is the synthetic
    proportion readers take from the card. Model collapse is a matter of dose, so a wrong
    proportion misleads exactly where it matters.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:  # <- DCL101
        - id: human
          share: 0.6
          origin: {class: direct_human_record}
        - id: generated
          share: 0.6
          origin: {class: simulation}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          share: 0.4
          origin: {class: direct_human_record}
        - id: generated
          share: 0.6
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Recompute each part's share from its size in the unit named by `share_basis`, and list
    every part, so that the shares add up to 1. The check runs only when every part gives a
    share in the same unit (see DCL109 and DCL113).

    Options
    -------
    `thresholds.share-tolerance` (default 0.01): how far the sum may differ from 1.
    """
    parts = _all_parts(ctx)
    if parts is None:
        return
    shares = _shares(parts)
    if shares is None or any(s is None for s in shares):
        return
    if len({_basis(p) for p in parts}) != 1 or _basis(parts[0]) is None:
        return
    total = sum(s for s in shares if s is not None)
    tolerance = ctx.thresholds.share_tolerance
    if abs(total - 1.0) > tolerance + _EPS:
        listed = ", ".join(f"`{p.id}` {_fmt(s)}" for p, s in zip(parts, shares, strict=True) if s is not None)
        yield Hit((*G, "parts"), f"part shares add up to {_fmt(total)}, not 1 (±{tolerance:g}): {listed}",
                  help="correct the shares (each part's size divided by the total), or list the missing parts",
                  key=True)


@rule("DCL102", "share-size-mismatch", W, "origin")
def share_size_mismatch(ctx: RuleContext) -> Iterable[Hit]:
    """A part's share disagrees with its size

    Why it matters
    --------------
    When every part gives its size in the unit its share is measured in, the share can be
    computed. A stated share that differs from the computed one means the share or the size
    is stale, and readers cannot tell which to trust.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          size: {rows: 8000}
          share: 0.4  # <- DCL102
          origin: {class: direct_human_record}
        - id: generated
          size: {rows: 2000}
          share: 0.6  # <- DCL102
          origin: {class: simulation}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          size: {rows: 8000}
          share: 0.8
          origin: {class: direct_human_record}
        - id: generated
          size: {rows: 2000}
          share: 0.2
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Set each share to the part's size divided by the total size in the same unit (`rows`,
    `tokens` or `bytes`, as named by `share_basis`), or correct the size. Differences up to
    0.02 are accepted as rounding.
    """
    parts = _all_parts(ctx)
    if parts is None:
        return
    for basis in BASES:
        sizes = [p.size_in(basis) for p in parts]
        if any(s is None or s < 0 for s in sizes):
            continue
        total = sum(s for s in sizes if s is not None)
        if total <= 0:
            continue
        for part, size in zip(parts, sizes, strict=True):
            share = part.share.value
            if share is None or size is None or _basis(part) != basis:
                continue
            expected = size / total
            if abs(share - expected) > SIZE_SHARE_TOLERANCE + _EPS:
                yield Hit((*part.path, "share"),
                          f"{label(part)} has share {_fmt(share)}, but its size gives {_fmt(round(expected, 4))} "
                          f"({size:,.0f} of {total:,.0f} {basis})",
                          help=f"set `share: {round(expected, 3):g}` or correct `size.{basis}`")


@rule("DCL103", "generator-missing", E, "origin")
def generator_missing(ctx: RuleContext) -> Iterable[Hit]:
    """A part whose content a model produced names no generator model

    Why it matters
    --------------
    Generated data inherits the generating model's errors, biases and licence terms. A
    model-generated, model-edited or model-labelled part that does not name the model
    hides all three, and makes it impossible to tell whether the data descends from the
    very model it will be used to train.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated  # <- DCL103
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
            generators:
              - {model: acme-research/tessera-lm-8b-instruct, revision: v1.3, role: generator}
    ```

    How to fix
    ----------
    Add `origin.generators` with the Hub id (or the provider's published name) of every
    model that wrote, edited or labelled the part, and its `revision`.
    """
    for part in ctx.parts():
        # The part's own origin, and (schema 1.1) each component's: a model-written column
        # of a human part needs its generator as much as a generated part does.
        origins = [(part.origin, label(part))]
        origins += [(c.origin, f"field `{c.field}` of {label(part)}") for c in part.components]
        for origin, name in origins:
            if origin.origin_class not in MODEL_CLASSES:
                continue
            if origin is not part.origin and origin.origin_class == "human_label_on_model_output" and any(
                g.model.answered for g in part.generators
            ):
                continue  # people's labels on replies whose model another field already names
            # A model named, or honestly `undisclosed` (reported by DCL907/DCL908), is declared.
            if any(g.model.answered or (g.model.status is Status.INVALID and g.has_text("model"))
                   for g in origin.generators):
                continue
            where = "generators" if origin.has_generators else "class"
            yield Hit(origin.at(where), f"{name} is {origin.origin_class} but names no generator model",
                      help="add `origin.generators: [{model: <hub id>, revision: <commit or tag>}]`")


@rule("DCL104", "duplicate-part-id", E, "origin")
def duplicate_part_id(ctx: RuleContext) -> Iterable[Hit]:
    """Two parts share the same id

    Why it matters
    --------------
    Reports, suppressions and downstream tools refer to parts by id. With two parts of the
    same id, a finding or a filter on one silently applies to the other.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 0.5
          origin: {class: direct_human_record}
        - id: chat  # <- DCL104
          share: 0.5
          origin: {class: simulation}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat-human
          share: 0.5
          origin: {class: direct_human_record}
        - id: chat-simulated
          share: 0.5
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Give every part its own id, e.g. by suffixing the origin (`chat-human`, `chat-generated`).
    """
    seen: dict[str, int] = {}
    for part in ctx.parts():
        value = part.raw_id
        if value is None:
            continue
        if value in seen:
            yield Hit((*part.path, "id"),
                      f"part id `{value}` is already used by the part at index {seen[value]}",
                      help="give each part a unique id")
        else:
            seen[value] = part.index


def _hub_configs(ctx: RuleContext) -> dict[str, Mapping[str, Any]] | None:
    """Configs declared in the Hub `configs` key by name; None when absent or unreadable.

    Mirrors `datasets`: a single mapping is one config named `default` unless it says
    otherwise; in a list, every entry needs a `config_name`.
    """
    raw = ctx.meta.get("configs")
    if isinstance(raw, Mapping):
        name = raw.get("config_name", "default")
        return {name: raw} if isinstance(name, str) else None
    if not isinstance(raw, list):
        return None
    configs: dict[str, Mapping[str, Any]] = {}
    for item in raw:
        if not isinstance(item, Mapping) or not isinstance(item.get("config_name"), str):
            return None  # malformed: the Hub rules report it, and the set of names is unknown
        configs[item["config_name"]] = item
    return configs


def _dataset_info_configs(ctx: RuleContext) -> set[str]:
    raw = ctx.meta.get("dataset_info")
    infos = raw if isinstance(raw, list) else [raw]
    return {i["config_name"] for i in infos if isinstance(i, Mapping) and isinstance(i.get("config_name"), str)}


@rule("DCL105", "unknown-config-binding", E, "origin")
def unknown_config_binding(ctx: RuleContext) -> Iterable[Hit]:
    """A part is bound to a config the card's `configs` does not define

    Why it matters
    --------------
    The binding is what lets users load the human and the generated portions separately,
    and lets readers check that the documented part exists. A binding to a config that
    does not exist points at nothing: the part's origin record describes no loadable data.

    Failing example
    ---------------
    ```yaml
    configs:
      - config_name: human
        data_files: data/human/*.jsonl
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          config_name: humans  # <- DCL105
          share: 1.0
          origin: {class: direct_human_record}
    ```

    Passing example
    ---------------
    ```yaml
    configs:
      - config_name: human
        data_files: data/human/*.jsonl
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          config_name: human
          share: 1.0
          origin: {class: direct_human_record}
    ```

    How to fix
    ----------
    Use the exact `config_name` from the Hub `configs` list, or add the missing config.
    """
    if not isinstance(ctx.meta.get("configs"), (list, Mapping)):
        return
    configs = _hub_configs(ctx)
    if configs is None:
        return
    for part in ctx.parts():
        name = part.config_name
        if isinstance(name, str) and name not in configs:
            known = ", ".join(f"`{n}`" for n in configs) or "none"
            yield Hit((*part.path, "config_name"),
                      f"{label(part)} is bound to config `{name}`, which `configs` does not define (defined: {known})",
                      help="use one of the defined config names, or add the config to `configs`")


@rule("DCL106", "config-binding-without-configs", W, "origin")
def config_binding_without_configs(ctx: RuleContext) -> Iterable[Hit]:
    """A part is bound to a named config, but the card declares no configs

    Why it matters
    --------------
    Without a `configs` key the Hub builds a single config named `default` from the
    repository's files, so a part bound to any other name cannot be loaded by that name
    and its binding cannot be checked. It is a warning rather than an error because a
    loading script or a `dataset_info` entry may still define the config.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          config_name: human  # <- DCL106
          share: 1.0
          origin: {class: direct_human_record}
    ```

    Passing example
    ---------------
    ```yaml
    configs:
      - config_name: human
        data_files: data/human/*.jsonl
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          config_name: human
          share: 1.0
          origin: {class: direct_human_record}
    ```

    How to fix
    ----------
    Declare the configs in the Hub `configs` key (one per part, with its `data_files`), or
    bind the part to `default`.
    """
    if "configs" in ctx.meta and ctx.meta.get("configs") is not None:
        return
    known = {"default"} | _dataset_info_configs(ctx)
    for part in ctx.parts():
        name = part.config_name
        if isinstance(name, str) and name not in known:
            yield Hit((*part.path, "config_name"),
                      f"{label(part)} is bound to config `{name}`, but the card declares no `configs`; "
                      "the Hub only builds `default`",
                      help=f"add `configs: [{{config_name: {name}, data_files: ...}}]` to the front matter")


@rule("DCL107", "generator-without-revision", W, "origin")
def generator_without_revision(ctx: RuleContext) -> Iterable[Hit]:
    """A generator model is named without a fixed revision

    Why it matters
    --------------
    Model names stay while weights change: API models are updated behind the same name,
    and a Hub repository's `main` moves with every push. Without a commit hash, dated
    snapshot or version tag, nobody can audit or reproduce the generation, or tell which
    model's errors the data inherited.

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
            generators:
              - model: acme-research/tessera-lm-8b-instruct  # <- DCL107
                role: generator
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
            generators:
              - model: acme-research/tessera-lm-8b-instruct
                revision: 3f9c2a1
                role: generator
    ```

    How to fix
    ----------
    Add `revision`: the commit hash of the Hub repository, or the version the provider
    published; for an API model whose provider publishes only dated snapshot names (such
    as `gpt-4-0613`), give it as `snapshot` (schema 1.1), which counts as a revision. Branch
    names such as `main` or `latest` do not fix a revision.
    """
    for part in ctx.parts():
        for generator in part.generators:
            model = generator.model
            if not model.stated or generator.kind == "algorithm":
                continue  # an undisclosed model is DCL907/DCL908's; a program has a version, not a revision
            revision = generator.revision
            if revision.undisclosed:
                continue  # said honestly: reported by DCL907/DCL908
            if not revision.stated and generator.snapshot is None:
                yield Hit(generator.at("model"), f"generator `{model.value}` of {label(part)} gives no `revision`",
                          help="add the commit hash or version tag, or `snapshot:` the provider's dated model name")
            elif revision.value is not None and revision.value.lower() in _MOVING_REVISIONS:
                yield Hit(revision.path,
                          f"generator `{model.value}` of {label(part)} names the moving revision `{revision.value}`",
                          help="replace it with the commit hash or version tag that was used")


@rule("DCL108", "seed-source-missing", W, "origin")
def seed_source_missing(ctx: RuleContext) -> Iterable[Hit]:
    """A model-generated part does not say where its prompts or seeds came from

    Why it matters
    --------------
    Seeds decide what generated data covers and what it misses: a model prompted with
    English questions from one forum produces data about that forum, in English. Without
    the seed source, readers cannot judge coverage or check whether benchmark items or
    personal data went into the prompts.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated  # <- DCL108
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
            seed_source: 1,200 opening turns written by the support team (seeds/openings.jsonl).
    ```

    How to fix
    ----------
    Set `origin.seed_source` to the dataset id, repository path or a short description of
    the prompts, seeds or templates the model was given.
    """
    for part in ctx.parts():
        if part.origin_class in MODEL_CLASSES and part.origin.seed_source is None:
            yield Hit((*part.path, "origin", "class"),
                      f"{label(part)} is {part.origin_class} but gives no `origin.seed_source`",
                      help="say which prompts, seeds or templates the model was given")


@rule("DCL109", "part-share-missing", W, "origin")
def part_share_missing(ctx: RuleContext) -> Iterable[Hit]:
    """Some parts give a share and this one does not

    Why it matters
    --------------
    Shares only state the synthetic proportion when every part has one; with one missing,
    the proportion cannot be computed and the other shares cannot be checked to add up to 1.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          share: 0.7
          origin: {class: direct_human_record}
        - id: generated  # <- DCL109
          origin: {class: simulation}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: human
          share: 0.7
          origin: {class: direct_human_record}
        - id: generated
          share: 0.3
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Give every part a `share` (its size divided by the dataset's total size).
    """
    parts = ctx.parts()
    shares = _shares(parts)
    if shares is None or all(s is None for s in shares) or all(s is not None for s in shares):
        return
    given = [p for p, s in zip(parts, shares, strict=True) if s is not None]
    for part, share in zip(parts, shares, strict=True):
        if share is None:
            yield Hit(part_anchor(part), f"{label(part)} gives no `share`, while {_ids(given)} do",
                      help="add `share` so that the shares of all parts add up to 1")


def _creator_hits(ctx: RuleContext) -> Iterable[Hit]:
    for key in _CREATOR_KEYS:
        value = ctx.meta.get(key)
        if value == "machine-generated":
            yield Hit((key,), "")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if item == "machine-generated":
                    yield Hit((key, index), "")


@rule("DCL110", "creators-claim-machine-generated", W, "origin")
def creators_claim_machine_generated(ctx: RuleContext) -> Iterable[Hit]:
    """The Hub creators say machine-generated, but no part is synthetic

    Why it matters
    --------------
    `annotations_creators` and `language_creators` are the Hub's only structured signal of
    generated content, and search filters use them. When they say `machine-generated` and
    the governance block lists only human or crawled parts, one of the two records is
    wrong, and the synthetic part, if there is one, has no origin record.

    Failing example
    ---------------
    ```yaml
    language_creators:
      - machine-generated  # <- DCL110
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin: {class: public_web_crawl}
    ```

    Passing example
    ---------------
    ```yaml
    language_creators:
      - found
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin: {class: public_web_crawl}
    ```

    How to fix
    ----------
    Declare the generated text or labels as their own part with a synthetic class
    (`model_generated`, `generated_preference_label`, ...), or correct the creators list.
    The rule stays silent when a part's class is `other` or invalid.
    """
    parts = ctx.parts()
    if not parts or not _classes_known(parts) or any(p.synthetic for p in parts):
        return
    for hit in _creator_hits(ctx):
        key = hit.path[0]
        yield Hit(hit.path, f"`{key}` says machine-generated, but no part has a synthetic origin class",
                  help="declare the machine-generated portion as a part with a synthetic class, "
                       "or remove machine-generated")


@rule("DCL111", "synthetic-part-not-in-creators", W, "origin")
def synthetic_part_not_in_creators(ctx: RuleContext) -> Iterable[Hit]:
    """Synthetic parts exist, but the Hub creators do not say machine-generated

    Why it matters
    --------------
    Users who filter the Hub for human-made data rely on `annotations_creators` and
    `language_creators`. A card that lists creators but leaves out `machine-generated`
    while it declares synthetic parts shows up in those searches as human-made.

    Failing example
    ---------------
    ```yaml
    language_creators:  # <- DCL111
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
    ```

    Passing example
    ---------------
    ```yaml
    language_creators:
      - expert-generated
      - machine-generated
    governance:
      schema_version: "1.0"
      parts:
        - id: drives
          share: 0.5
          origin: {class: direct_human_record}
        - id: scenes
          share: 0.5
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Add `machine-generated` to `language_creators` (generated text) or
    `annotations_creators` (generated labels). The rule runs only when the card gives at
    least one of the two lists.
    """
    synthetic = ctx.synthetic_parts()
    present = [key for key in _CREATOR_KEYS if ctx.meta.get(key) not in (None, [], "")]
    if not synthetic or not present or _creators_contradictions(ctx):
        return  # a complete contradiction is DCL121's
    if any(value == "machine-generated" for key in _CREATOR_KEYS for value in ctx.hub_list(key)):
        return
    classes = sorted({p.origin_class or "" for p in synthetic})
    yield Hit((present[0],),
              f"{_ids(synthetic)} {'is' if len(synthetic) == 1 else 'are'} {'/'.join(classes)}, but neither "
              "`annotations_creators` nor `language_creators` lists machine-generated",
              help="add machine-generated to the creators list that matches what the model produced",
              key=True)


@rule("DCL112", "synthetic-tag-without-synthetic-part", W, "origin")
def synthetic_tag_without_synthetic_part(ctx: RuleContext) -> Iterable[Hit]:
    """The card is tagged synthetic, but no part is synthetic

    Why it matters
    --------------
    The `synthetic` tag tells Hub users the dataset holds generated data. If no part has a
    synthetic origin class, either the tag is wrong or the generated portion is
    undocumented, and its generators, purpose and verification go unchecked.

    Failing example
    ---------------
    ```yaml
    tags:
      - synthetic  # <- DCL112
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
    ```

    Passing example
    ---------------
    ```yaml
    tags:
      - survey
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin: {class: direct_human_record}
    ```

    How to fix
    ----------
    Declare the generated portion as a part with a synthetic class, or drop the tag.
    """
    parts = ctx.parts()
    if not parts or not _classes_known(parts) or any(p.synthetic for p in parts):
        return
    tags = ctx.meta.get("tags")
    places = list(enumerate(tags)) if isinstance(tags, list) else [(None, tags)]
    for index, tag in places:
        if isinstance(tag, str) and tag.strip().lower() in _SYNTHETIC_TAGS:
            path = ("tags",) if index is None else ("tags", index)
            yield Hit(path, f"tag `{tag}` is set, but no part has a synthetic origin class",
                      help="declare the generated part with its synthetic class, or remove the tag")


@rule("DCL113", "share-basis-mixed", W, "origin")
def share_basis_mixed(ctx: RuleContext) -> Iterable[Hit]:
    """Parts measure their shares in different units

    Why it matters
    --------------
    A share in rows and a share in tokens are fractions of two different wholes: a part can
    be 10% of the documents and 40% of the tokens. Mixed units cannot add up to one
    dataset, so the synthetic proportion the card states is undefined, and DCL101 cannot
    check the sum.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: crawl
          share: 0.8
          share_basis: tokens
          origin: {class: public_web_crawl}
        - id: generated
          share: 0.2
          share_basis: rows  # <- DCL113
          origin: {class: simulation}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: crawl
          share: 0.8
          share_basis: tokens
          origin: {class: public_web_crawl}
        - id: generated
          share: 0.2
          share_basis: tokens
          origin: {class: simulation}
    ```

    How to fix
    ----------
    Measure every share in one unit (`tokens` for pre-training corpora), and give every
    part its size in that unit.
    """
    with_share = [p for p in ctx.parts() if p.share.value is not None and _basis(p)]
    if len({_basis(p) for p in with_share}) < 2:
        return
    first = _basis(with_share[0])
    odd = next(p for p in with_share if _basis(p) != first)
    groups = {b: [p for p in with_share if _basis(p) == b] for b in BASES}
    summary = "; ".join(f"{b}: {_ids(ps)}" for b, ps in groups.items() if ps)
    where = "share_basis" if odd.has_share_basis else "share"
    yield Hit((*odd.path, where), f"parts measure `share` in different units ({summary})",
              help="use one `share_basis` for every part and recompute the shares")


def _split_names(config: Mapping[str, Any]) -> set[str] | None:
    """Split names a Hub config's `data_files` defines, as `datasets` reads them; None if unknown."""
    files = config.get("data_files")
    if isinstance(files, str):
        return {"train"}
    if isinstance(files, Mapping):
        return {str(k) for k in files}
    if isinstance(files, list) and files:
        if all(isinstance(f, str) for f in files):
            return {"train"}
        if all(isinstance(f, Mapping) and isinstance(f.get("split"), str) for f in files):
            return {f["split"] for f in files}
    return None


@rule("DCL114", "unknown-split-binding", W, "origin")
def unknown_split_binding(ctx: RuleContext) -> Iterable[Hit]:
    """A part is bound to a split its config does not define

    Why it matters
    --------------
    A split binding tells users which files hold the part. When the config's `data_files`
    define other splits only, the part describes no loadable data; often a split was
    renamed and the card was not updated.

    Failing example
    ---------------
    ```yaml
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
          split: validation  # <- DCL114
          share: 1.0
          origin: {class: direct_human_record}
    ```

    Passing example
    ---------------
    ```yaml
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
          split: test
          share: 1.0
          origin: {class: direct_human_record}
    ```

    How to fix
    ----------
    Use a split name from the config's `data_files`. A `data_files` value that is a path or
    a list of paths defines the single split `train`. The check runs when the part names its
    config (or the card has exactly one) and that config lists its files.
    """
    configs = _hub_configs(ctx)
    if not configs:
        return
    for part in ctx.parts():
        split = part.split
        if not isinstance(split, str):
            continue
        name = part.config_name
        if isinstance(name, str):
            config = configs.get(name)
        else:
            config = next(iter(configs.values())) if len(configs) == 1 else None
            name = next(iter(configs)) if config is not None else None
        if config is None:
            continue
        splits = _split_names(config)
        if splits is not None and split not in splits:
            yield Hit((*part.path, "split"),
                      f"{label(part)} is bound to split `{split}`, which config `{name}` does not define "
                      f"(defined: {', '.join(f'`{s}`' for s in sorted(splits))})",
                      help="use one of the config's split names")


#: Component roles whose values are labels, ratings or preferences about the other fields.
_LABEL_ROLES = frozenset({"preference_label", "rating", "label"})
#: Classes that say people made the labels (on their own records or on model replies).
_HUMAN_LABEL_CLASSES = _RECORDED_CLASSES | {"direct_human_record", "human_label_on_model_output"}


def _writes(generator: GeneratorView) -> bool:
    """The generator wrote content: a writing role, or a program with no role stated."""
    return generator.role in WRITING_ROLES - {"editor"} or (generator.kind == "algorithm" and generator.role is None)


def _role_contradictions(part: Part) -> Iterable[tuple[Path_, str]]:
    origins: list[tuple[str, str | None, OriginView]] = [(label(part), None, part.origin)]
    origins += [(f"field `{c.field}` of {label(part)}", c.role, c.origin) for c in part.components]
    for where, component_role, origin in origins:
        klass = origin.origin_class
        for generator in origin.generators:
            what = "program" if generator.kind == "algorithm" else "model"
            if klass in _RECORDED_CLASSES and _writes(generator):
                yield (generator.at("role") if generator.role_written else generator.path,
                       f"{where} is {klass} but lists the {what} `{generator.name}` that wrote it "
                       f"(role {generator.role or 'generator'})")
            elif (component_role in _LABEL_ROLES and klass in _HUMAN_LABEL_CLASSES
                  and generator.role in LABELLING_ROLES):
                yield (generator.at("role"),
                       f"{where} holds {component_role} values classed {klass}, but names `{generator.name}` "
                       f"as their {generator.role}")
    if part.origin_class == "human_label_on_model_output":
        accounted = {g.name for c in part.components if c.origin.model_made for g in c.origin.generators}
        for generator in part.origin.generators:
            if generator.role in ("labeler", "rater") and generator.name not in accounted:
                yield (generator.at("role"),
                       f"{label(part)} is human_label_on_model_output, but names `{generator.name}` as its "
                       f"{generator.role} and no field classes those labels as generated")


@rule("DCL115", "generator-role-on-non-synthetic-part", E, "origin")
def generator_role_on_non_synthetic_part(ctx: RuleContext) -> Iterable[Hit]:
    """A part or field classed as made by people names the model or program that made it

    Why it matters
    --------------
    A model with the role `generator` (or `rewriter`), or a program that produced the items,
    wrote the content. Then the part is not a human record, a licensed corpus, a crawl or
    benchmark material, and its class hides that it is synthetic: it skips the purpose,
    verification and renewal checks that synthetic parts need. The same holds for labels:
    preference labels or ratings classed as human while a reward model, labeller or judge
    model is named as their source. The card states both facts, and one of them is false,
    so the severity is an error. Models that only judged or filtered a human part (role
    `judge` on the part) are fine, and a `human_label_on_model_output` part may name the
    models that wrote the replies people rated.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: direct_human_record
            generators:
              - model: acme-research/tessera-lm-8b-instruct
                revision: v1.3
                role: generator  # <- DCL115
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
            generators:
              - model: acme-research/tessera-lm-8b-instruct
                revision: v1.3
                role: judge
    ```

    How to fix
    ----------
    If a model wrote the content, use `model_generated` (or `human_edited_model_output` when
    people revised it); if a program did, `algorithmic_generation` or `simulation`. If a
    model produced the labels, class them `generated_preference_label`. If the model only
    scored, filtered or selected the data, give it the role it really had (`judge`).
    """
    for part in ctx.parts():
        for path, message in _role_contradictions(part):
            yield Hit(path, message,
                      help="use a synthetic class for what the model or program made, or the role it really had")


@rule("DCL116", "collection-period-inverted", E, "origin")
def collection_period_inverted(ctx: RuleContext) -> Iterable[Hit]:
    """A part's collection period ends before it starts

    Why it matters
    --------------
    Collection dates decide, among other things, whether crawled text can contain
    generated content. An inverted period is a typo that makes the dates useless for that
    judgement.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period:
              start: 2021-06-01
              end: 2012-06-01  # <- DCL116
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: forum
          share: 1.0
          origin:
            class: public_web_crawl
            collection_period:
              start: 2012-06-01
              end: 2021-06-01
    ```

    How to fix
    ----------
    Swap or correct the dates.
    """
    for part in ctx.parts():
        period = part.origin.period
        start, end = period.start, period.end
        if start and end and end < start:
            yield Hit((*part.path, "origin", "collection_period", "end"),
                      f"collection period of {label(part)} ends ({end}) before it starts ({start})",
                      help="correct the dates")


@rule("DCL117", "preference-labeler-missing", W, "origin")
def preference_labeler_missing(ctx: RuleContext) -> Iterable[Hit]:
    """A generated-preference part names no model in the role that produced the labels

    Why it matters
    --------------
    In a `generated_preference_label` part the labels are the synthetic content: a reward
    model or judge decided which answer is better. When every listed model has a role and
    none is `labeler` or `judge`, the card names the models that wrote the answers but not
    the one whose preferences the data encodes, and whose biases a model trained on it
    will learn.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: pairs
          share: 1.0
          origin:
            class: generated_preference_label  # <- DCL117
            generators:
              - {model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1, role: generator}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: pairs
          share: 1.0
          origin:
            class: generated_preference_label
            generators:
              - {model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1, role: generator}
              - {model: acme-research/tessera-rm-8b, revision: rm-2026-08, role: labeler}
    ```

    How to fix
    ----------
    Add the reward model or judge that produced the preferences to `origin.generators` with
    `role: labeler` (or `judge`).
    """
    for part in ctx.parts():
        if part.origin_class != "generated_preference_label":
            continue
        generators = part.origin.generators
        if not generators or not all(g.role is not None for g in generators):
            continue  # DCL103 covers no generators; an unstated role may be the labeller
        if not any(g.role in ("labeler", "judge", "rater") for g in generators):
            yield Hit((*part.path, "origin", "class"),
                      f"{label(part)} is generated_preference_label, but no generator has role labeler, rater or judge",
                      help="add the model that produced the preferences with `role: labeler`")


@rule("DCL118", "mixed-without-breakdown", W, "origin")
def mixed_without_breakdown(ctx: RuleContext) -> Iterable[Hit]:
    """A part of class `mixed` does not say what it is mixed from

    Why it matters
    --------------
    `mixed` (schema 1.1) says that a part's items come from several sources, for example
    human-written and model-written answers side by side. Without `origin.breakdown` (or
    `components` for column-wise mixes) nobody can tell how much of the part is synthetic,
    so its grounded share and the dataset's cannot be computed.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: answers
          share: 1.0
          origin: {class: mixed}  # <- DCL118
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
            class: mixed
            breakdown:
              - {class: direct_human_record, share: 0.4, description: Answers by contracted writers.}
              - {class: model_generated, share: 0.6, description: Answers by the instruct model.}
    ```

    How to fix
    ----------
    Add `origin.breakdown` with each source's `class` and `share` of the part (a share
    may be `undisclosed`), or `components` when the sources are fields of every row.
    """
    for part in ctx.parts():
        if part.origin_class == "mixed" and not part.origin.breakdown and not part.components:
            yield Hit((*part.path, "origin", "class"), f"{label(part)} is mixed but gives no `origin.breakdown`",
                      help="add `breakdown: [{class: ..., share: ...}, ...]` with the sources of its items")


@rule("DCL119", "breakdown-shares-do-not-sum", W, "origin")
def breakdown_shares_do_not_sum(ctx: RuleContext) -> Iterable[Hit]:
    """The shares in a mixed part's breakdown do not add up to 1

    Why it matters
    --------------
    The breakdown's shares are fractions of the part; the part's grounded share is
    computed from them. Shares that sum to more or less than the whole make that figure,
    and the dataset's, wrong.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: answers
          share: 1.0
          origin:
            class: mixed
            breakdown:  # <- DCL119
              - {class: direct_human_record, share: 0.4}
              - {class: model_generated, share: 0.4}
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
            class: mixed
            breakdown:
              - {class: direct_human_record, share: 0.4}
              - {class: model_generated, share: 0.6}
    ```

    How to fix
    ----------
    Correct the shares. The check runs only when every share is a number (an
    `undisclosed` share skips it); differences up to the `share-tolerance` threshold are
    rounding.

    Options
    -------
    `share-tolerance` (default 0.01).
    """
    tolerance = ctx.thresholds.share_tolerance
    for part in ctx.parts():
        breakdown = part.origin.breakdown
        shares = [entry.share.value for entry in breakdown]
        if not breakdown or any(s is None for s in shares):
            continue
        total = sum(s for s in shares if s is not None)
        if abs(total - 1.0) > tolerance + _EPS:
            yield Hit((*part.path, "origin", "breakdown"),
                      f"the breakdown of {label(part)} sums to {_fmt(total)}, not 1",
                      help="give each source's share of this part so that they add up to 1", key=True)


@rule("DCL120", "algorithm-unnamed", W, "origin")
def algorithm_unnamed(ctx: RuleContext) -> Iterable[Hit]:
    """An algorithmically generated part does not name its program and version

    Why it matters
    --------------
    Data made by a non-learned program (a symbolic engine, a procedural generator,
    template expansion, a renderer) is only as good as that program: its coverage, its
    bugs, its randomness. Naming the program and its version, as a generator with
    `kind: algorithm`, lets others rerun or audit the generation.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: proofs
          share: 1.0
          origin: {class: algorithmic_generation}  # <- DCL120
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
            generators:
              - {kind: algorithm, algorithm: sympy-problem-generator, version: "1.12", role: generator}
    ```

    How to fix
    ----------
    Add `origin.generators: [{kind: algorithm, algorithm: <name>, version: <version>}]`.
    """
    for part in ctx.parts():
        if part.origin_class != "algorithmic_generation":
            continue
        programs = [g for g in part.origin.generators if g.kind == "algorithm" and g.algorithm]
        if not programs:
            where = "generators" if part.origin.has_generators else "class"
            yield Hit((*part.path, "origin", where), f"{label(part)} is algorithmic_generation but names no program",
                      help="add `generators: [{kind: algorithm, algorithm: <name>, version: <version>}]`")
        for program in programs:
            if program.version is None and not program.version_fact.undisclosed:  # undisclosed: DCL907/DCL908
                yield Hit(program.at("algorithm"),
                          f"program `{program.algorithm}` of {label(part)} gives no `version`",
                          help="add the program's `version`, so that the generation can be rerun")


#: Classes whose every item a model or a program wrote (the language itself is machine-made).
_MACHINE_WRITTEN = frozenset({"model_generated", "algorithmic_generation", "simulation"})


def _machine_written(part: Part) -> bool:
    return part.origin_class in _MACHINE_WRITTEN and not any(
        c.origin.origin_class is not None and not c.origin.synthetic for c in part.components)


def _human_made(part: Part) -> bool:
    return part.origin_class in _RECORDED_CLASSES and not part.synthetic


def _creators_contradictions(ctx: RuleContext) -> list[tuple[Path_, str]]:
    """Hub creators lists that state the opposite of the parts for the whole dataset."""
    parts = ctx.parts()
    if not parts:
        return []
    found: list[tuple[Path_, str]] = []
    language = creators(ctx.view, "language_creators")
    annotations = creators(ctx.view, "annotations_creators")
    if all(_machine_written(p) for p in parts) and language and MACHINE not in language:
        found.append((("language_creators",),
                      f"`language_creators` says {', '.join(language)}, but every part was written by a model "
                      "or a program"))
    labels = [p for p in parts if p.origin_class == "generated_preference_label"]
    if labels and len(labels) == len(parts) and annotations and MACHINE not in annotations \
            and set(annotations) - {"no-annotation"}:
        found.append((("annotations_creators",),
                      f"`annotations_creators` says {', '.join(annotations)}, but every part's labels were "
                      "generated by a model"))
    if all(_human_made(p) for p in parts):
        for key, values in (("language_creators", language), ("annotations_creators", annotations)):
            if values and set(values) == {MACHINE}:
                found.append(((key,), f"`{key}` says only machine-generated, but every part is made by "
                                      "people or recorded from the world"))
    return found


@rule("DCL121", "creators-contradict-origin", E, "origin")
def creators_contradict_origin(ctx: RuleContext) -> Iterable[Hit]:
    """The Hub creators lists state the opposite of the governance block for the whole dataset

    Why it matters
    --------------
    `language_creators` and `annotations_creators` are what the Hub shows and what search
    filters use; the governance block is what this standard checks. When every part was
    written by a model but the creators say `crowdsourced` or `expert-generated` (or every
    part is human-made and the creators say only `machine-generated`), one of the two
    statements is false, and a reader who trusts the Hub page is misled. DCL110 and DCL111
    warn about partial mismatches; a complete contradiction is an error.

    Failing example
    ---------------
    ```yaml
    language_creators:  # <- DCL121
      - expert-generated
    governance:
      schema_version: "1.1"
      parts:
        - id: demonstrations
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
    ```

    Passing example
    ---------------
    ```yaml
    language_creators:
      - machine-generated
    governance:
      schema_version: "1.1"
      parts:
        - id: demonstrations
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
    ```

    How to fix
    ----------
    Correct whichever statement is false: list `machine-generated` among the creators of
    generated text or labels, or give the parts the classes that say how they were made.
    """
    for path, message in _creators_contradictions(ctx):
        yield Hit(path, message, help="make the Hub creators and the origin classes say the same thing",
                  key=True)


@rule("DCL122", "sampling-weights-do-not-sum", W, "origin")
def sampling_weights_do_not_sum(ctx: RuleContext) -> Iterable[Hit]:
    """The parts' sampling weights in the training mix do not add up to 1

    Why it matters
    --------------
    A training mix often draws from its sources in other proportions than their sizes:
    small, high-quality sources are repeated and a large crawl is down-sampled (GPT-3's
    paper gives both each source's tokens and its weight in the mix). `share` says how
    much of the stored data a part is; `sampling_weight` (schema 1.1) says how much of
    what a model is trained on comes from it. Weights that do not add up to 1, or that
    only some parts give, leave the real mixture unknown.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: crawl
          share: 0.8
          sampling_weight: 0.6
          origin: {class: public_web_crawl, collection_period: {start: 2016-01-01, end: 2019-10-31}}
        - id: books
          share: 0.2
          sampling_weight: 0.3  # <- DCL122
          origin: {class: licensed_corpus}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: crawl
          share: 0.8
          sampling_weight: 0.6
          origin: {class: public_web_crawl, collection_period: {start: 2016-01-01, end: 2019-10-31}}
        - id: books
          share: 0.2
          sampling_weight: 0.4
          origin: {class: licensed_corpus}
    ```

    How to fix
    ----------
    Give every part its `sampling_weight` (or `undisclosed`) so that the weights add up to
    1. The sum is checked only when every weight is a number; differences up to the
    `share-tolerance` threshold are rounding.

    Options
    -------
    `share-tolerance` (default 0.01).
    """
    parts = ctx.parts()
    weighted = [p for p in parts if p.sampling_weight.stated]
    if not weighted:
        return
    missing = [p for p in parts if not p.sampling_weight.answered]
    if missing:
        first = missing[0]
        yield Hit(part_anchor(first),
                  f"{label(first)} gives no `sampling_weight`, but {label(weighted[0])} does",
                  help="give every part its weight in the training mix, or `undisclosed`")
        return
    if len(weighted) < len(parts):
        return  # an undisclosed weight: the sum cannot be checked
    total = sum(p.sampling_weight.value or 0.0 for p in weighted)
    if abs(total - 1.0) > ctx.thresholds.share_tolerance + _EPS:
        yield Hit(weighted[-1].sampling_weight.path, f"the parts' sampling weights sum to {_fmt(total)}, not 1",
                  help="correct the weights so that they add up to 1", key=True)
