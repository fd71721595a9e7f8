"""Facts marked `undisclosed` (schema 1.1) and governance waivers that waive nothing.

An `undisclosed` value is an honest answer, never an error: these rules say which fact is
undisclosed and who states it, so readers see the gaps. Waivers are applied by the engine
(`datacard_lint.waivers`); DCL909 is the code it reports unused waivers under.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

from datacard_lint import codes
from datacard_lint.diagnostics import Severity
from datacard_lint.governance.readers import is_undisclosed, undisclosed_reason
from datacard_lint.paths import dotted
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext

Path_ = tuple[Hashable, ...]
#: Who may say a fact was not published without withholding it themselves.
_OUTSIDE_AUTHORS = frozenset({"third_party", "retrospective"})


def undisclosed_facts(node: Any, path: Path_ = G) -> Iterator[tuple[Path_, Any]]:
    """Every value of the block in the short or long `undisclosed` form, with its path."""
    if is_undisclosed(node):
        yield path, node
        return
    if isinstance(node, Mapping):
        for key, value in node.items():
            if not (isinstance(key, str) and key.startswith("x-")):
                yield from undisclosed_facts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from undisclosed_facts(value, (*path, index))


def _first_paths(node: Any, path: Path_, where: dict[int, Path_]) -> None:
    """Where each mapping and list is first written (its YAML anchor, when it has one)."""
    if not isinstance(node, (Mapping, list)) or id(node) in where:
        return
    where[id(node)] = path
    items = node.items() if isinstance(node, Mapping) else enumerate(node)
    for key, value in items:
        _first_paths(value, (*path, key), where)


def _owned_facts(node: Any, path: Path_) -> Iterator[tuple[Path_, Any, Any, Hashable]]:
    """Like `undisclosed_facts`, with the container and key that hold each value."""
    items = node.items() if isinstance(node, Mapping) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(node, Mapping) and isinstance(key, str) and key.startswith("x-"):
            continue
        if is_undisclosed(value):
            yield (*path, key), value, node, key
        else:
            yield from _owned_facts(value, (*path, key))


def undisclosed_once(governance: Any) -> Iterator[tuple[Path_, Path_, Any, list[Path_]]]:
    """Each undisclosed fact once per place it is written: a YAML alias repeats one node,
    so a fact reached through several aliases is one fact. Yields the location (where the
    value is written, possibly an anchor under an `x-` key), the first path that uses it, the
    value, and every path that uses it."""
    where: dict[int, Path_] = {}
    _first_paths(governance, G, where)
    groups: dict[tuple[int, Hashable], tuple[Any, list[Path_]]] = {}
    for path, value, owner, key in _owned_facts(governance, G):
        groups.setdefault((id(owner), key), (value, []))[1].append(path)
    for (owner_id, key), (value, paths) in groups.items():
        yield (*where.get(owner_id, paths[0][:-1]), key), paths[0], value, paths


def _by(ctx: RuleContext) -> str | None:
    statement = ctx.view.statement
    return statement.by if statement is not None else None


def _message(ctx: RuleContext, path: Path_, value: Any, who: str, uses: list[Path_] | None = None) -> str:
    reason = undisclosed_reason(value)
    where = _dotted(path)
    text = f"`{where}` is undisclosed according to {who}" + (f": {reason}" if reason else "")
    if uses and len(uses) > 1:
        others = ", ".join(f"`{_dotted(p)}`" for p in uses[1:4]) + (f" and {len(uses) - 4} more" if len(uses) > 4 else "")
        text += f" (the same YAML node is also used, through aliases, as {others})"
    return text


def _dotted(path: Path_) -> str:
    return dotted(path[1:]) if len(path) > 1 else dotted(path)


@rule("DCL907", "undisclosed-by-producer", Severity.WARNING, "general")
def undisclosed_by_producer(ctx: RuleContext) -> Iterable[Hit]:
    """The producer's own card marks a fact `undisclosed`

    Why it matters
    --------------
    `undisclosed` lets a card say honestly that a fact was not published, instead of
    guessing or leaving the field out. When the card is the producer's own (its
    `statement.by` is `producer`, or it has no `statement`), the producer is the one who
    knows the fact: marking it undisclosed withholds it. That is allowed and earns part of
    the credit, but readers should see which facts are withheld.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      statement: {by: producer}
      parts:
        - id: web
          share: undisclosed  # <- DCL907
          origin: {class: public_web_crawl}
        - id: books
          share: undisclosed
          origin: {class: licensed_corpus}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      statement: {by: producer}
      parts:
        - id: web
          share: 0.8
          origin: {class: public_web_crawl}
        - id: books
          share: 0.2
          origin: {class: licensed_corpus}
    ```

    How to fix
    ----------
    Publish the fact. If the card is not the producer's, say so with
    `statement: {by: third_party}` (or `retrospective`); the finding then becomes DCL908,
    for information.
    """
    if _by(ctx) in _OUTSIDE_AUTHORS:
        return
    statement = ctx.view.statement
    who = f"the producer{f' ({statement.author})' if statement is not None and statement.author else ''}"
    for location, path, value, uses in undisclosed_once(ctx.governance):
        yield Hit(location, _message(ctx, path, value, who, uses),
                  help="publish the fact, or set `statement.by` if this card is not the producer's")


@rule("DCL908", "undisclosed-fact", Severity.INFO, "general")
def undisclosed_fact(ctx: RuleContext) -> Iterable[Hit]:
    """A third-party or retrospective card records a fact the producer did not publish

    Why it matters
    --------------
    A card written from public reports cannot state what the producer kept to itself; an
    explicit `undisclosed`, ideally with why and where (`{undisclosed: ..., source: ...}`),
    tells readers exactly where the public record stops. This is information, not a fault
    of the card. A fact written once and repeated through YAML aliases (`&name` / `*name`)
    is one fact: it is reported once, where it is written, with the places that reuse it.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      statement: {by: retrospective, basis: the technical report}
      parts:
        - id: mix
          share: 1.0
          origin:
            class: model_generated
            generators:
              - model: acme-research/tessera-lm-70b-instruct
                revision: {undisclosed: "The report names the model but no revision."}  # <- DCL908
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      statement: {by: retrospective, basis: the technical report}
      parts:
        - id: mix
          share: 1.0
          origin:
            class: model_generated
            generators:
              - model: acme-research/tessera-lm-70b-instruct
                revision: 3f9c2a1
    ```

    How to fix
    ----------
    Nothing to fix. When the producer publishes the fact, replace `undisclosed` with it.
    """
    by = _by(ctx)
    if by not in _OUTSIDE_AUTHORS:
        return
    statement = ctx.view.statement
    author = statement.author if statement is not None else None
    who = f"this {by.replace('_', '-')} card" + (f" by {author}" if author else "")
    for location, path, value, uses in undisclosed_once(ctx.governance):
        yield Hit(location, _message(ctx, path, value, who, uses))


@rule(codes.UNUSED_WAIVER, "unused-waiver", Severity.WARNING, "general", runs_check=False)
def unused_waiver(ctx: RuleContext) -> Iterable[Hit]:
    """A `governance.waivers` entry waives nothing

    Why it matters
    --------------
    A waiver accepts a finding on purpose, with its reason, in the card's metadata (where
    it survives a `huggingface_hub` load and save, unlike a YAML comment). A waiver that
    matches no finding, names an unknown rule or part, or gives no reason is stale or
    mistyped, and would silently hide the next real finding of that rule.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
      waivers:
        - rule: DCL401  # <- DCL909
          reason: Component dataset, mixed downstream with human data.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.1"
      parts:
        - id: dialogues
          share: 1.0
          origin: {class: direct_human_record}
    ```

    How to fix
    ----------
    Remove the waiver, or correct its `rule` (a code such as `DCL401` or a name such as
    `grounded-share-below-floor`), its `parts` or its `reason`.
    """
    return ()
