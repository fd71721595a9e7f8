"""Generations and compounded grounded shares over a lineage graph, and the risk flags.

The question the numbers answer is "what fraction of this dataset's records are, at the end
of every chain of copying, real records rather than model output?" The definitions:

*Grounded fraction of a part*, from its origin class.

- Synthetic classes (`model_generated`, `human_edited_model_output`,
  `generated_preference_label`, `simulation`): 0. A model's answer to a real prompt is still
  model output, so rows generated from a parent's seeds do not inherit the parent's grounding.
- `direct_human_record` and `public_web_crawl`: 1. These classes state how the records came
  into being, and the card is taken at its word.
- `licensed_corpus`, `benchmark_material`, `other`: these state only how the records were
  obtained. Records obtained from a parent dataset are as grounded as that parent (its
  compounded grounded share: the card cannot say which of the parent's records it kept, so
  they are taken as a representative sample); records obtained from outside the lineage
  count as 1.

*Which records come from a parent.* A part whose `origin.source_datasets` names a parent
(by id or path) comes from that parent; a human-made or crawled part linked this way still
counts 1, and only shows up in the ancestry paths. Otherwise the parents' `share`s are taken
to cover the unlinked acquired parts, up to what the shares allow and never the fresh
grounded share: fresh data is, by definition, not inherited. A parent's `share` alone is not
used as "inherited grounded data", because it also counts rows generated from the parent's
prompts.

*Compounded grounded share* G(C) = own(C) + sum over parents P of (c(P) x G(P) + h(P)),
where c(P) is the share of C made of P's records in acquired parts, h(P) the share in
human-made or crawled parts linked to P, and own(C) the rest of C's non-synthetic share.
Unrolled, G(C) is a sum over ancestry paths: the product of the shares along the path times
the last card's own share (or 1 for a linked human-made part). Parents that cannot be read (Hub ids not
available locally, URLs, data files, cards without part shares) are taken at face value (1).

*Fresh grounded share* g(C): `renewal.grounded_share` (capped at the non-synthetic share);
when absent, the non-synthetic share minus what the parents' shares must have contributed
beyond the synthetic parts.

*Generation*: 0 without a model-generated part or ancestor; a card with a part of a model
class is one above its highest parent (the linter cannot tell which parent fed which part,
so it assumes the models built on all of them); a card without one inherits the highest
parent generation. Parents that cannot be read contribute their declared `generation`.

*Flags* where the floor applies (a training mix from generation 1, any dataset but an
evaluation set from generation 2; see `governance.roles`): the compounded grounded share is
below the floor (model-collapse risk; when it cannot be computed, the declared fresh share
is used as a lower bound); a generation >= 2 training mix whose grounded share cannot be
computed at all; a generation >= 2 that adds no fresh grounded data. `check` reports the
same flags as DCL401 / DCL422, DCL416 and DCL417.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from datacard_lint.governance.roles import TRAINING_MIX, floor_applies
from datacard_lint.lineage.graph import CardFacts, Edge, LineageGraph, Node, ParentRef, PartFacts
from datacard_lint.requirements import MODEL_CLASSES, SYNTHETIC_CLASSES

#: Classes that state how the records were made; taken at their word.
MADE_CLASSES = frozenset({"direct_human_record", "public_web_crawl"})
#: Classes that state only how the records were obtained; they inherit a parent's grounding.
ACQUIRED_CLASSES = frozenset({"licensed_corpus", "benchmark_material", "other"})
KNOWN_CLASSES = SYNTHETIC_CLASSES | MADE_CLASSES | ACQUIRED_CLASSES

#: Shares are decimals typed by people; differences below this are rounding.
EPSILON = 1e-9
#: How far part shares may sum from 1 before the computation says it rescaled them.
SHARE_TOLERANCE = 0.01
#: Ancestry paths listed per card; a diamond-heavy lineage could have exponentially many.
MAX_PATHS = 200

FlagKind = Literal["collapse-risk", "no-fresh-data", "unknown-risk"]


@dataclass(frozen=True, slots=True)
class Composition:
    """A card's parts as shares of the whole (rescaled to sum to 1)."""

    synthetic: float
    made: tuple[tuple[PartFacts, float], ...]
    acquired: tuple[tuple[PartFacts, float], ...]
    #: The shares as written added up to this.
    declared_total: float

    @property
    def non_synthetic(self) -> float:
        return sum(share for _, share in self.made) + sum(share for _, share in self.acquired)


@dataclass(frozen=True, slots=True)
class Carry:
    """How much of a card is its parent's records in acquired parts, and how grounded they are."""

    edge: Edge
    #: Share of the card made of this parent's records in acquired parts (compounded).
    share: float
    parent_grounded: float
    #: True when the parent's grounded share is unknown and taken as 1.
    assumed: bool
    #: Share of the card in human-made or crawled parts linked to this parent: counted as
    #: grounded by their class, whatever the parent's own share.
    by_class: float = 0.0
    #: Parts attributed to this parent through `origin.source_datasets`.
    linked_parts: tuple[str, ...] = ()

    @property
    def contribution(self) -> float:
        return self.share * self.parent_grounded + self.by_class


PathBasis = Literal["own", "class", "assumed"]


@dataclass(frozen=True, slots=True)
class AncestryPath:
    """`nodes[0]` <- ... <- `nodes[-1]`: a `weight` share of the first card is records of the
    last one, of which `end_share` counts as grounded; the product is the `contribution`.

    basis `own`: the last card's own grounded share (fresh records, or records from outside
    the lineage); `class`: records linked to the last card whose class says they are human-made
    or crawled; `assumed`: a parent that could not be read, taken at face value.
    """

    nodes: tuple[str, ...]
    weight: float
    end_share: float
    contribution: float
    basis: PathBasis


@dataclass(frozen=True, slots=True)
class Flag:
    key: str
    kind: FlagKind
    message: str


@dataclass(slots=True)
class Figures:
    """Everything computed for one card."""

    key: str
    generation: int | None = None
    #: False when a parent's generation is unknown (the value is then a lower bound).
    generation_exact: bool = True
    declared_generation: int | None = None
    non_synthetic: float | None = None
    synthetic: float | None = None
    fresh: float | None = None
    fresh_source: Literal["declared", "estimated"] | None = None
    grounded: float | None = None
    own: float | None = None
    carries: list[Carry] = field(default_factory=list)
    paths: list[AncestryPath] = field(default_factory=list)
    paths_truncated: bool = False
    notes: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    #: Flags the card accepts as `check` does (a waiver, a suppression, the configuration),
    #: each with why; they are shown but do not fail the run.
    waived: list[tuple[Flag, str]] = field(default_factory=list)
    #: Parent edges dropped because they close a cycle.
    cyclic_parents: list[str] = field(default_factory=list)

    @property
    def effective_generation(self) -> int:
        """The higher of the computed and the declared generation (0 when neither is known)."""
        return max(self.generation or 0, self.declared_generation or 0)


@dataclass(frozen=True, slots=True)
class MissingParent:
    child: str
    ref: ParentRef
    node: Node


@dataclass(slots=True)
class LineageReport:
    graph: LineageGraph
    floor: float
    figures: dict[str, Figures] = field(default_factory=dict)
    cycles: list[tuple[str, ...]] = field(default_factory=list)
    missing: list[MissingParent] = field(default_factory=list)

    @property
    def flags(self) -> list[Flag]:
        return [flag for key in self.graph.nodes if key in self.figures for flag in self.figures[key].flags]

    def unresolved(self, allow_external: bool = False) -> list[MissingParent]:
        """Missing parents that fail the run: card paths always; Hub ids and absent data
        files unless `allow_external` (they may simply not be available on this machine)."""
        return [m for m in self.missing if (m.node.kind == "missing" and m.node.card_like) or not allow_external]

    def failed(self, allow_external: bool = False) -> bool:
        return bool(self.flags or self.cycles or self.unresolved(allow_external))


def composition(facts: CardFacts) -> tuple[Composition | None, str | None]:
    """The card's shares by kind, or None and the reason they cannot be computed."""
    parts = facts.parts
    if not parts:
        return None, "the card lists no parts"
    shares: list[float] = []
    for part in parts:
        if part.share is None and len(parts) > 1:
            return None, f"part `{part.id}` gives no share"
        if part.origin_class not in KNOWN_CLASSES:
            return None, f"part `{part.id}` has no known origin class"
        shares.append(1.0 if part.share is None else part.share)
    total = sum(shares)
    if total <= EPSILON:
        return None, "the part shares add up to 0"
    synthetic = 0.0
    made: list[tuple[PartFacts, float]] = []
    acquired: list[tuple[PartFacts, float]] = []
    for part, share in zip(parts, shares, strict=True):
        relative = share / total
        if part.origin_class in SYNTHETIC_CLASSES:
            synthetic += relative
        elif part.origin_class in MADE_CLASSES:
            made.append((part, relative))
        else:
            acquired.append((part, relative))
    return Composition(synthetic, tuple(made), tuple(acquired), total), None


def has_model_part(facts: CardFacts) -> bool | None:
    """Whether any part is a model's output; None when the card lists no parts."""
    if facts.parts is None:
        return None
    return any(part.origin_class in MODEL_CLASSES for part in facts.parts)


def _matches(ref: ParentRef, source: str) -> bool:
    wanted = source.strip().split("@", 1)[0].rstrip("/").removeprefix("./").lower()
    names = [ref.id, ref.path]
    return any(n is not None and n.rstrip("/").removeprefix("./").lower() == wanted for n in names)


FreshSource = Literal["declared", "estimated"]


def fresh_share(facts: CardFacts, comp: Composition | None) -> tuple[float | None, FreshSource | None, str | None]:
    """(fresh grounded share, "declared"/"estimated", note)."""
    declared = facts.grounded_share
    if comp is None:
        return (declared, "declared", None) if declared is not None else (None, None, None)
    ns = comp.non_synthetic
    if declared is not None:
        if declared > ns + SHARE_TOLERANCE:
            note = (f"declared grounded share {fmt(declared)} exceeds the non-synthetic parts' "
                    f"{fmt(ns)}; {fmt(ns)} is used")
            return ns, "declared", note
        return min(declared, ns), "declared", None
    parent_total = sum(ref.share for ref in facts.parents if ref.share is not None)
    inherited = min(ns, max(0.0, parent_total - comp.synthetic))
    return ns - inherited, "estimated", None


def allocate(comp: Composition, fresh: float, parents: Sequence[tuple[Edge, float, bool]]) -> list[Carry]:
    """Attribute non-synthetic parts to parents: explicit links first, then the parents' shares."""

    def linked_to(part: PartFacts) -> list[int]:
        return [i for i, (edge, _, _) in enumerate(parents) if any(_matches(edge.ref, s) for s in part.sources)]

    linked: dict[int, float] = defaultdict(float)
    by_class: dict[int, float] = defaultdict(float)
    linked_ids: dict[int, list[str]] = defaultdict(list)
    for part, share in comp.made:
        matched = linked_to(part)
        for i in matched:
            by_class[i] += share / len(matched)
            linked_ids[i].append(part.id)
    unlinked = 0.0
    for part, share in comp.acquired:
        if not part.sources:
            unlinked += share
            continue
        matched = linked_to(part)
        for i in matched:
            linked[i] += share / len(matched)
            linked_ids[i].append(part.id)
        # sources outside the lineage: the part stays the card's own
    used = sum(linked.values()) + sum(by_class.values())
    room = max(0.0, comp.non_synthetic - fresh - used)
    capacity = {
        i: (math.inf if edge.ref.share is None else max(0.0, edge.ref.share - linked[i] - by_class[i]))
        for i, (edge, _, _) in enumerate(parents)
    }
    finite = {i: c for i, c in capacity.items() if c != math.inf}
    open_ended = [i for i, c in capacity.items() if c == math.inf]
    finite_total = sum(finite.values())
    pool = max(0.0, min(unlinked, room, math.inf if open_ended else finite_total))
    given: dict[int, float] = defaultdict(float)
    if finite_total > EPSILON:
        portion = min(pool, finite_total)
        for i, cap in finite.items():
            given[i] += portion * cap / finite_total
        pool -= portion
    if open_ended and pool > EPSILON:
        for i in open_ended:
            given[i] += pool / len(open_ended)
    return [
        Carry(edge, linked[i] + given[i], grounded, assumed, by_class[i], tuple(linked_ids[i]))
        for i, (edge, grounded, assumed) in enumerate(parents)
    ]


def fmt(value: float | None) -> str:
    """A share for people: two decimals, a third only when it carries information."""
    if value is None:
        return "unknown"
    text = f"{value:.3f}"
    return text[:-1] if text.endswith("0") else text


class _Analysis:
    def __init__(self, graph: LineageGraph, floor: float) -> None:
        self.graph = graph
        self.report = LineageReport(graph, floor)
        self.by_child: dict[str, list[tuple[int, Edge]]] = defaultdict(list)
        for index, edge in enumerate(graph.edges):
            self.by_child[edge.child].append((index, edge))
        self.cyclic: set[int] = set()

    def run(self) -> LineageReport:
        cards = [key for key, node in self.graph.nodes.items() if node.kind == "card"]
        order = [k for k in self.graph.roots if k in cards] + sorted(k for k in cards if k not in self.graph.roots)
        state: dict[str, int] = {}
        for start in order:
            if state.get(start) != 2:
                self._visit(start, state)
        for edge in self.graph.edges:
            node = self.graph.nodes[edge.parent]
            if node.kind in {"missing", "hub"}:
                self.report.missing.append(MissingParent(edge.child, edge.ref, node))
        return self.report

    def _card_parents(self, key: str) -> Iterator[tuple[int, Edge]]:
        for index, edge in self.by_child[key]:
            if self.graph.nodes[edge.parent].kind == "card":
                yield index, edge

    def _visit(self, start: str, state: dict[str, int]) -> None:
        """Post-order walk without recursion (lineages can be long chains)."""
        state[start] = 1
        path = [start]
        stack: list[tuple[str, Iterator[tuple[int, Edge]]]] = [(start, self._card_parents(start))]
        while stack:
            key, parents = stack[-1]
            pushed = False
            for index, edge in parents:
                seen = state.get(edge.parent)
                if seen == 1:
                    self.cyclic.add(index)
                    self._record_cycle(tuple(path[path.index(edge.parent):]) + (edge.parent,))
                    continue
                if seen == 2:
                    continue
                state[edge.parent] = 1
                path.append(edge.parent)
                stack.append((edge.parent, self._card_parents(edge.parent)))
                pushed = True
                break
            if not pushed:
                stack.pop()
                path.pop()
                state[key] = 2
                self.report.figures[key] = self._figures(key)

    def _record_cycle(self, cycle: tuple[str, ...]) -> None:
        body = cycle[:-1]
        rotations = {body[i:] + body[:i] for i in range(len(body))}
        if not any(existing[:-1] in rotations for existing in self.report.cycles):
            self.report.cycles.append(cycle)

    def _parent_inputs(self, key: str, figures: Figures) -> list[tuple[Edge, float, bool, int | None, bool]]:
        """(edge, grounded share to use, assumed?, generation, generation exact?) per parent."""
        inputs: list[tuple[Edge, float, bool, int | None, bool]] = []
        for index, edge in self.by_child[key]:
            node = self.graph.nodes[edge.parent]
            parent = self.report.figures.get(edge.parent) if index not in self.cyclic else None
            if index in self.cyclic:
                figures.cyclic_parents.append(edge.parent)
            if parent is not None and parent.grounded is not None:
                grounded, assumed = parent.grounded, False
            else:
                grounded, assumed = 1.0, True
            generation: int | None
            if parent is not None and parent.generation is not None:
                generation, exact = parent.generation, parent.generation_exact
            else:
                generation, exact = edge.ref.generation, edge.ref.generation is not None
            if node.kind == "card" and parent is not None and parent.grounded is None:
                figures.notes.append(f"grounded share of parent {node.label} is unknown; taken as 1")
            inputs.append((edge, grounded, assumed, generation, exact))
        return inputs

    def _figures(self, key: str) -> Figures:
        node = self.graph.nodes[key]
        facts = node.facts or CardFacts(None, False, None, None, None, ())
        figures = Figures(key, declared_generation=facts.generation)
        inputs = self._parent_inputs(key, figures)
        self._generation(figures, facts, inputs)
        comp, reason = composition(facts)
        fresh, source, note = fresh_share(facts, comp)
        figures.fresh, figures.fresh_source = fresh, source
        if note:
            figures.notes.append(note)
        if comp is None:
            if facts.has_governance:
                figures.notes.append(f"grounded share not computed: {reason}")
        else:
            figures.non_synthetic, figures.synthetic = comp.non_synthetic, comp.synthetic
            if abs(comp.declared_total - 1.0) > SHARE_TOLERANCE:
                figures.notes.append(f"part shares add up to {fmt(comp.declared_total)}; rescaled to 1")
            carries = allocate(comp, fresh or 0.0, [(e, g, a) for e, g, a, _, _ in inputs])
            figures.carries = carries
            figures.own = max(0.0, comp.non_synthetic - sum(c.share + c.by_class for c in carries))
            figures.grounded = _clamp(figures.own + sum(c.contribution for c in carries))
            self._paths(figures)
        self._flags(figures, facts)
        return figures

    @staticmethod
    def _generation(figures: Figures, facts: CardFacts,
                    inputs: list[tuple[Edge, float, bool, int | None, bool]]) -> None:
        model = has_model_part(facts)
        known = [gen for _, _, _, gen, _ in inputs if gen is not None]
        base = max(known, default=0)
        figures.generation = base + 1 if model else base
        figures.generation_exact = model is not None and all(exact for *_, exact in inputs)

    def _paths(self, figures: Figures) -> None:
        paths = [AncestryPath((figures.key,), 1.0, figures.own or 0.0, figures.own or 0.0, "own")]
        for carry in figures.carries:
            parent_key = carry.edge.parent
            if carry.by_class > EPSILON:
                paths.append(AncestryPath((figures.key, parent_key), carry.by_class, 1.0, carry.by_class, "class"))
            if carry.share <= EPSILON:
                continue
            parent = self.report.figures.get(parent_key)
            if carry.assumed or parent is None or not parent.paths:
                paths.append(AncestryPath((figures.key, parent_key), carry.share, carry.parent_grounded,
                                          carry.share * carry.parent_grounded, "assumed"))
                continue
            for tail in parent.paths:
                if len(paths) >= MAX_PATHS:
                    figures.paths_truncated = True
                    break
                paths.append(AncestryPath((figures.key, *tail.nodes), carry.share * tail.weight, tail.end_share,
                                          carry.share * tail.contribution, tail.basis))
            figures.paths_truncated = figures.paths_truncated or parent.paths_truncated
        figures.paths = paths

    def _flags(self, figures: Figures, facts: CardFacts) -> None:
        """Risk flags, where the floor applies (see `governance.roles`): the compounded share
        below the floor; when it cannot be computed, the declared fresh share below the
        floor, or for a training mix of generation >= 2 the fact that nothing can be
        computed; and a generation >= 2 that adds no fresh grounded data."""
        generation = figures.effective_generation
        if not floor_applies(facts.role, generation):
            return
        floor = self.report.floor
        if figures.grounded is not None:
            if figures.grounded < floor - EPSILON:
                figures.flags.append(Flag(figures.key, "collapse-risk",
                                          f"model-collapse risk: compounded grounded share {fmt(figures.grounded)} "
                                          f"is below the floor {fmt(floor)} at generation {generation}"))
        elif figures.fresh is not None:
            if figures.fresh < floor - EPSILON:
                figures.flags.append(Flag(figures.key, "collapse-risk",
                                          f"model-collapse risk: fresh grounded share {fmt(figures.fresh)} is "
                                          f"below the floor {fmt(floor)} at generation {generation}, and no kept "
                                          "grounded share can be computed"))
        elif generation >= 2 and facts.role == TRAINING_MIX:
            why = "; ".join(n.removeprefix("grounded share not computed: ") for n in figures.notes) or \
                "neither `renewal.grounded_share` nor part shares are given"
            figures.flags.append(Flag(figures.key, "unknown-risk",
                                      f"model-collapse risk cannot be computed for a generation-{generation} "
                                      f"training mix: {why}"))
        if generation >= 2 and figures.fresh is not None and figures.fresh <= EPSILON:
            figures.flags.append(Flag(figures.key, "no-fresh-data",
                                      f"generation {generation} adds no fresh grounded data"))


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def analyse(graph: LineageGraph, floor: float) -> LineageReport:
    """Figures for every card in the graph, plus cycles, missing parents and flags."""
    return _Analysis(graph, floor).run()
