"""Renewal across generations: parents followed through local card paths, generations and compounded grounded shares."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.view import Status
from datacard_lint.lineage.compute import EPSILON, Figures, Flag, LineageReport, analyse, fmt, has_model_part
from datacard_lint.lineage.graph import (
    CardCache,
    Edge,
    GraphBuilder,
    LineageGraph,
    Root,
    is_remote,
)
from datacard_lint.loading.card import Card
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext

E, W = Severity.ERROR, Severity.WARNING
R = (*G, "renewal")


@dataclass(frozen=True, slots=True)
class _Lineage:
    card: Card
    floor: float
    root: str
    graph: LineageGraph
    report: LineageReport

    @property
    def figures(self) -> Figures:
        return self.report.figures[self.root]

    def root_edges(self) -> list[tuple[int, Edge]]:
        return [(i, e) for i, e in enumerate(self.graph.edges) if e.child == self.root]

    def followed(self) -> list[Edge]:
        """The card's own parents that are local cards (and do not close a cycle)."""
        cyclic = set(self.figures.cyclic_parents)
        return [e for _, e in self.root_edges()
                if self.graph.nodes[e.parent].kind == "card" and e.parent not in cyclic]


def _lineage(ctx: RuleContext) -> _Lineage:
    """Built once per card (the rules of one card share it), parents parsed once per run."""
    return ctx.memo(("lineage", ctx.thresholds.grounded_share_floor), lambda: _build(ctx))


def _build(ctx: RuleContext) -> _Lineage:
    floor = ctx.thresholds.grounded_share_floor
    display = ctx.card.path
    file = None if is_remote(display) else Path(display)
    root = Root(ctx.card, file if file is not None and file.is_file() else None)
    # Only `path` parents are followed: Hub ids are never fetched or guessed at check time.
    # Parents are read under the run's limits, through the run's bounded card cache.
    cards = ctx.cache.get(CardCache, CardCache)
    graph = GraphBuilder(cards, ctx.limits, match_hub_ids=False).build([root])
    return _Lineage(ctx.card, floor, root.key, graph, analyse(graph, floor))


def follows_local_parents(ctx: RuleContext) -> bool:
    """Whether the card names parent cards on disk, so the compounded share (DCL422) applies."""
    return bool(_lineage(ctx).followed())


def risk_flags(ctx: RuleContext) -> list[Flag]:
    """The lineage risk flags of this card: the same ones `datacard-lint lineage` prints."""
    return list(_lineage(ctx).figures.flags)


def compounded_judges(ctx: RuleContext) -> bool:
    """DCL422 reports the collapse risk (parent cards followed and a compounded share computed)."""
    lineage = _lineage(ctx)
    return bool(lineage.followed()) and lineage.figures.grounded is not None


def _reachable(graph: LineageGraph, start: str) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        key = queue.popleft()
        for edge in graph.edges:
            if edge.child == key and edge.parent not in seen:
                seen.add(edge.parent)
                queue.append(edge.parent)
    return seen


def _where(edge: Edge, field: str) -> tuple[object, ...]:
    return (*R, "parents", edge.ref.index, field)


@rule("DCL420", "lineage-cycle", E, "renewal")
def lineage_cycle(ctx: RuleContext) -> Iterable[Hit]:
    """Following the card's parent paths leads back to a card already on the path

    Why it matters
    --------------
    A dataset cannot be built from itself or from its own descendants. A loop in the
    lineage means a parent path is wrong, and it makes the generation count and the
    compounded grounded share undefined: every round trip would add a generation.

    Failing example
    ---------------
    ```text
    # v1/README.md
    governance:
      renewal:
        parents:
          - path: ../v2/README.md  # <- DCL420
    # v2/README.md
    governance:
      renewal:
        parents:
          - path: ../v1/README.md
    ```

    Passing example
    ---------------
    ```text
    # v1/README.md
    governance:
      renewal:
        generation: 0
    # v2/README.md
    governance:
      renewal:
        parents:
          - path: ../v1/README.md
    ```

    How to fix
    ----------
    Point each `parents[].path` at the release the data was actually built from; the
    older release must not name the newer one as its parent.
    """
    lineage = _lineage(ctx)
    if not lineage.report.cycles:
        return
    graph = lineage.graph
    reported: set[tuple[str, ...]] = set()
    for _, edge in lineage.root_edges():
        if edge.ref.path is None:
            continue
        reachable = _reachable(graph, edge.parent) | {edge.parent}
        for cycle in lineage.report.cycles:
            if cycle in reported or not set(cycle) & reachable:
                continue
            reported.add(cycle)
            loop = " -> ".join(graph.nodes[key].label for key in cycle)
            yield Hit(_where(edge, "path"), f"the lineage through parent `{edge.ref.path}` loops: {loop}",
                      help="a release cannot descend from itself; correct the parent path that points forward")


@rule("DCL421", "missing-local-parent", E, "renewal")
def missing_local_parent(ctx: RuleContext) -> Iterable[Hit]:
    """A parent `path` that names a card does not exist or is not a dataset card

    Why it matters
    --------------
    The lineage is only as good as its links. A parent card path that leads nowhere hides
    the parent's own generation and grounded share, so the collapse risk of this release
    cannot be computed, and readers following the link find nothing.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      renewal:
        generation: 1
        parents:
          - path: ../release-0/README.md  # <- DCL421
            generation: 0
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      renewal:
        generation: 1
        parents:
          - id: acme-research/tessera-seed
            revision: v1.2
            generation: 0
    ```

    How to fix
    ----------
    Correct the path: it is relative to the folder of the card that names it, and must
    lead to a card (a `.md` file with YAML front matter, a folder holding a `README.md`,
    or a YAML/JSON card with a governance block). Name a dataset on the Hub with `id`
    instead. Paths to data files (seed prompts, for example) are not checked: they are not
    cards, and the linter does not follow them.
    """
    lineage = _lineage(ctx)
    for _, edge in lineage.root_edges():
        node = lineage.graph.nodes[edge.parent]
        if node.kind == "missing" and node.card_like and edge.ref.path is not None:
            yield Hit(_where(edge, "path"), f"parent `{edge.ref.path}` {node.reason} ({node.label})",
                      help="paths are relative to this card's folder; use `id` for a Hub dataset")


@rule("DCL422", "compounded-grounded-share-below-floor", E, "renewal")
def compounded_grounded_share_below_floor(ctx: RuleContext) -> Iterable[Hit]:
    """Counting what the local parent cards pass on, too little of the data is grounded

    Why it matters
    --------------
    Records carried over from a parent are only as grounded as the parent. Across
    generations the grounded share compounds: a release can look healthy on its own while
    most of what it inherited was itself model output. Below the floor, training on the
    release risks model collapse. The rule runs when at least one parent is a local card;
    the computation is explained in the lineage guide.

    Failing example
    ---------------
    ```text
    # v1/README.md: generation 1, compounded grounded share 0.40
    # v2/README.md
    governance:
      schema_version: "1.0"
      parts:
        - {id: v1-corpus, share: 0.4, origin: {class: licensed_corpus}}
        - id: generated
          share: 0.57
          origin:
            class: model_generated
            generators: [{model: quay-labs/skiff-chat-3b, revision: v0.4}]
        - {id: fresh, share: 0.03, origin: {class: direct_human_record}}
      renewal:
        generation: 2
        grounded_share: 0.03  # <- DCL422 (0.03 + 0.4 x 0.40 = 0.19 < 0.2)
        parents:
          - {path: ../v1/README.md, share: 0.97, generation: 1}
    ```

    Passing example
    ---------------
    ```text
    # v1/README.md: generation 1, compounded grounded share 0.40
    # v2/README.md
    governance:
      schema_version: "1.0"
      parts:
        - {id: v1-corpus, share: 0.4, origin: {class: licensed_corpus}}
        - id: generated
          share: 0.35
          origin:
            class: model_generated
            generators: [{model: quay-labs/skiff-chat-3b, revision: v0.4}]
        - {id: fresh, share: 0.25, origin: {class: direct_human_record}}
      renewal:
        generation: 2
        grounded_share: 0.25
        parents:
          - {path: ../v1/README.md, share: 0.75, generation: 1}
    ```

    How to fix
    ----------
    Add fresh grounded data, keep more of the parents' grounded records, or carry fewer
    of their generated records. `datacard-lint lineage CARD` shows where the grounded
    share comes from, path by path.

    Options
    -------
    `thresholds.grounded-share-floor` (default 0.2).
    """
    lineage = _lineage(ctx)
    figures = lineage.figures
    if not compounded_judges(ctx) or not any(f.kind == "collapse-risk" for f in figures.flags):
        return
    pieces = [f"own {fmt(figures.own)}"]
    for carry in figures.carries:
        if carry.share > EPSILON:
            pieces.append(f"{fmt(carry.share)} from `{carry.edge.ref.label}` x its {fmt(carry.parent_grounded)}")
        if carry.by_class > EPSILON:
            pieces.append(f"{fmt(carry.by_class)} human-made from `{carry.edge.ref.label}`")
    renewal = ctx.view.renewal
    written = renewal is not None and renewal.grounded_share.status is not Status.ABSENT
    anchor = (*R, "grounded_share") if written else (*R, "parents")
    yield Hit(anchor,
              f"compounded grounded share {fmt(figures.grounded)} ({' + '.join(pieces)}) is below the floor "
              f"{fmt(lineage.floor)} for a generation-{figures.effective_generation} dataset",
              help="add fresh grounded data or keep more grounded records; "
                   "`datacard-lint lineage` shows the ancestry paths")


@rule("DCL423", "generation-disagrees-with-lineage", W, "renewal")
def generation_disagrees_with_lineage(ctx: RuleContext) -> Iterable[Hit]:
    """A generation number disagrees with what the local parent cards say

    Why it matters
    --------------
    Generation numbers are what make the recursion visible: each round of model output
    adds one. When a parent card says it is generation 1 but the entry pointing to it says
    0, or the card's own number ignores what its parents are, the chain undercounts (or
    overcounts) the rounds of model output in the data.

    Failing example
    ---------------
    ```text
    # v1/README.md: renewal.generation 1
    # v2/README.md
    governance:
      schema_version: "1.0"
      renewal:
        generation: 1
        parents:
          - path: ../v1/README.md
            generation: 0  # <- DCL423
    ```

    Passing example
    ---------------
    ```text
    # v1/README.md: renewal.generation 1
    # v2/README.md
    governance:
      schema_version: "1.0"
      renewal:
        generation: 2
        parents:
          - path: ../v1/README.md
            generation: 1
    ```

    How to fix
    ----------
    Copy each parent's generation from its card. A release that contains model output is
    one generation above its highest parent; one that only carries parent data over keeps
    the highest parent generation.
    """
    lineage = _lineage(ctx)
    graph = lineage.graph
    entry_findings = False
    for edge in lineage.followed():
        parent = graph.nodes[edge.parent]
        parent_figures = lineage.report.figures.get(edge.parent)
        if parent.facts is None or edge.ref.generation is None:
            continue
        actual = parent.facts.generation
        if actual is None and parent_figures is not None and parent_figures.generation_exact:
            actual = parent_figures.generation
        if actual is not None and actual != edge.ref.generation:
            entry_findings = True
            yield Hit(_where(edge, "generation"),
                      f"parent `{edge.ref.path}` is generation {actual} according to its card, "
                      f"not {edge.ref.generation}",
                      help=f"set this entry's `generation` to {actual}")
    declared = lineage.figures.declared_generation
    if entry_findings or declared is None or not lineage.followed():
        return
    figures = lineage.figures
    if not _disagrees(declared, figures.generation, figures.generation_exact):
        return
    # Report only what the lineage reveals: disagreements visible from the entries alone
    # are the single-card renewal rules' business.
    facts = graph.nodes[lineage.root].facts
    model = has_model_part(facts) if facts is not None else None
    entries = [e.ref.generation for _, e in lineage.root_edges()]
    known = [g for g in entries if g is not None]
    alone = max(known, default=0) + (1 if model else 0)
    alone_exact = model is not None and len(known) == len(entries)
    if _disagrees(declared, alone, alone_exact):
        return
    expected = f"{figures.generation}" if figures.generation_exact else f"at least {figures.generation}"
    yield Hit((*R, "generation"),
              f"renewal.generation is {declared}, but the parent cards make this release generation {expected}",
              help="one more than the highest parent when the release contains model output, "
                   "else equal to the highest parent")


def _disagrees(declared: int, computed: int | None, exact: bool) -> bool:
    if computed is None:
        return False
    return declared != computed if exact else declared < computed
