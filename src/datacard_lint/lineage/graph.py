"""Load cards and resolve their `renewal.parents` into a graph, without fetching anything.

A parent entry names a dataset by `path` or by Hub `id`. A `path` is resolved against the
directory of the card that names it; when it points at a card (a `.md` file, a folder
holding a `README.md`, or a YAML/JSON file with a governance block) that card is loaded and
its own parents are followed; so is a path without an extension, taken to be a folder. Any
other path is a data file: a leaf of the graph.

A Hub id resolves to a card the user named when that card declares it as its own
`governance.dataset.hub_id` (schema 1.1), or when the card lives in a folder `…/OWNER/NAME/`
(the layout of a clone or a download of the Hub repository); otherwise it is an external
leaf that the `lineage` command reports as missing. A parent that names a `model` (a
generator whose training data is an ancestor) is an external leaf. Nothing is fetched.

The front matter is read through the governance model (`datacard_lint.governance`).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.governance.readers import as_text
from datacard_lint.governance.roles import COMPONENT, dataset_role
from datacard_lint.governance.view import GovernanceView, ParentView, PartView
from datacard_lint.loading.card import Card, load_card
from datacard_lint.loading.limits import Limits

#: card: a loaded card; missing: a local path that is absent or not a card; hub: a Hub id no
#: given card matches; external: a URL (or a path named by a remote card); data: a local file
#: that is not a card (seeds, prompts), present on disk.
NodeKind = Literal["card", "missing", "hub", "external", "data"]

_CARD_DATA_SUFFIXES = (".yaml", ".yml", ".json")
#: A pathological tree of cards must not run away; real lineages have a handful of nodes.
MAX_NODES = 5000


@dataclass(frozen=True, slots=True)
class PartFacts:
    """What the computation needs from one part: its class, share and named sources."""

    index: int
    id: str
    origin_class: str | None
    share: float | None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParentRef:
    """One `renewal.parents` entry, read defensively (any field may be missing or mistyped)."""

    index: int
    id: str | None
    path: str | None
    revision: str | None = None
    share: float | None = None
    generation: int | None = None
    #: A model ancestor (schema 1.1): a generator whose training data this release inherits.
    model: str | None = None

    @property
    def label(self) -> str:
        name = self.path or self.id or self.model or f"parent #{self.index}"
        return f"{name}@{self.revision}" if self.revision and not self.path else name


@dataclass(frozen=True, slots=True)
class CardFacts:
    """The lineage-relevant facts of one card's front matter."""

    name: str | None
    has_governance: bool
    #: None when the card has no `parts` list at all.
    parts: tuple[PartFacts, ...] | None
    grounded_share: float | None
    generation: int | None
    parents: tuple[ParentRef, ...]
    #: The card's own Hub id (`governance.dataset.hub_id`, schema 1.1).
    hub_id: str | None = None
    #: `dataset.role`, or its default (see `governance.roles`): decides whether the floor applies.
    role: str = COMPONENT

    @classmethod
    def from_metadata(cls, metadata: Mapping[Any, Any] | None) -> CardFacts:
        view = GovernanceView.of(metadata)
        renewal = view.renewal
        dataset = view.dataset
        return cls(
            name=as_text(view.metadata.get("pretty_name")),
            has_governance=view.present,
            parts=tuple(_part(p) for p in view.parts) if view.parts_listed else None,
            grounded_share=renewal.grounded_share.value if renewal is not None else None,
            generation=renewal.generation if renewal is not None else None,
            parents=tuple(_parents(renewal.parents if renewal is not None else [])),
            hub_id=dataset.hub_id if dataset is not None else None,
            role=dataset_role(view),
        )


def _part(part: PartView) -> PartFacts:
    return PartFacts(index=part.index, id=part.id, origin_class=part.origin_class, share=part.share.value,
                     sources=tuple(part.origin.source_datasets))


def _parents(parents: Iterable[ParentView]) -> Iterable[ParentRef]:
    for parent in parents:
        ref = ParentRef(index=parent.index, id=parent.id, path=parent.local_path, revision=parent.revision,
                        share=parent.share, generation=parent.generation, model=parent.model)
        if ref.id or ref.path or ref.model:
            yield ref


@dataclass(slots=True)
class Node:
    """A dataset in the graph: a loaded card, or a leaf that could not be followed."""

    key: str
    kind: NodeKind
    label: str
    file: Path | None = None
    card: Card | None = None
    facts: CardFacts | None = None
    #: Why a `missing` node is missing, in words.
    reason: str | None = None
    #: True for cards the user named, as opposed to parents found by following paths.
    given: bool = False
    #: For `missing` nodes: whether the path looked like a card (the check rule cares).
    card_like: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """`child` names `parent` in its `renewal.parents` entry `ref`."""

    child: str
    parent: str
    ref: ParentRef


@dataclass(slots=True)
class LineageGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)
    #: Set when MAX_NODES stopped the walk.
    truncated: bool = False

    def parents_of(self, key: str) -> list[Edge]:
        return [edge for edge in self.edges if edge.child == key]


class CardCache:
    """Parsed cards by resolved path, reused while the file is unchanged.

    One run checks many cards that share ancestors; each ancestor is parsed once. The cache
    belongs to a run (the engine's `RunCache`, or one `lineage` command) and keeps at most
    `max_entries` cards, least recently used first out, so memory does not grow with the tree.
    """

    def __init__(self, max_entries: int = 1024) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, Limits], tuple[tuple[int, int], Card]] = OrderedDict()

    def load(self, file: Path, limits: Limits) -> Card:
        resolved = file.resolve()
        info = resolved.stat()
        stamp = (info.st_mtime_ns, info.st_size)
        key = (str(resolved), limits)
        hit = self._entries.get(key)
        if hit is not None and hit[0] == stamp:
            self._entries.move_to_end(key)
            return hit[1]
        card = load_card(resolved, display_path(resolved), limits)
        self._entries[key] = (stamp, card)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return card

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, else absolute."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def card_key(file: Path) -> str:
    return str(file.resolve())


def is_remote(display: str) -> bool:
    return "://" in display


@dataclass(frozen=True, slots=True)
class Root:
    """A card to start from: already loaded, with its file when it has one on disk."""

    card: Card
    file: Path | None
    given: bool = True

    @property
    def key(self) -> str:
        return card_key(self.file) if self.file is not None else f"<{self.card.path}>"


def hub_folder_id(file: Path) -> str | None:
    """`owner/name` when the card sits in `…/owner/name/`, the layout of a repository clone."""
    folder = file.resolve().parent
    if folder.parent == folder or not folder.parent.name:
        return None
    return f"{folder.parent.name}/{folder.name}".lower()


class GraphBuilder:
    """Walks from the given cards through their local parents, breadth first."""

    def __init__(self, cache: CardCache | None = None, limits: Limits | None = None, *,
                 match_hub_ids: bool = True) -> None:
        self.cache = cache if cache is not None else CardCache()
        self.limits = limits or Limits()
        self.match_hub_ids = match_hub_ids

    def build(self, roots: Sequence[Root]) -> LineageGraph:
        graph = LineageGraph()
        queue: deque[str] = deque()
        for root in roots:
            key = root.key
            if key in graph.nodes:
                graph.nodes[key].given = graph.nodes[key].given or root.given
                continue
            graph.nodes[key] = self._card_node(key, root.card, root.file, given=root.given)
            graph.roots.append(key)
            queue.append(key)
        hub_cards = self._hub_index(roots) if self.match_hub_ids else {}
        while queue:
            key = queue.popleft()
            node = graph.nodes[key]
            if node.facts is None:
                continue
            base = self._base_dir(node)
            for ref in node.facts.parents:
                target = self._resolve(ref, base, hub_cards, graph)
                if target.key not in graph.nodes:
                    if len(graph.nodes) >= MAX_NODES:
                        graph.truncated = True
                        continue
                    graph.nodes[target.key] = target
                    if target.kind == "card":
                        queue.append(target.key)
                graph.edges.append(Edge(key, target.key, ref))
        return graph

    def _card_node(self, key: str, card: Card, file: Path | None, *, given: bool) -> Node:
        facts = CardFacts.from_metadata(card.metadata)
        return Node(key, "card", card.path, file=file, card=card, facts=facts, given=given)

    @staticmethod
    def _hub_index(roots: Sequence[Root]) -> dict[str, str]:
        index: dict[str, str] = {}
        for root in roots:  # a declared `dataset.hub_id` first: it says which card it is
            declared = CardFacts.from_metadata(root.card.metadata).hub_id if root.given else None
            if declared is not None:
                index.setdefault(declared.lower(), root.key)
        for root in roots:
            if root.file is not None and root.given:
                hub_id = hub_folder_id(root.file)
                if hub_id is not None:
                    index.setdefault(hub_id, root.key)
        return index

    @staticmethod
    def _base_dir(node: Node) -> Path | None:
        """Where a card's relative parent paths start; None for a remote card."""
        if node.file is not None:
            return node.file.resolve().parent
        if node.card is None or is_remote(node.card.path):
            return None
        return Path(node.card.path).resolve().parent

    def _resolve(self, ref: ParentRef, base: Path | None, hub_cards: Mapping[str, str],
                 graph: LineageGraph) -> Node:
        if ref.path is not None:
            return self._resolve_path(ref.path, base, graph)
        if ref.id is None:
            assert ref.model is not None
            return Node(f"model:{ref.model}", "external", ref.model)
        matched = hub_cards.get(ref.id.lower())
        if matched is not None:
            return graph.nodes[matched]
        return Node(f"hub:{ref.id}", "hub", ref.id)

    def _resolve_path(self, text: str, base: Path | None, graph: LineageGraph) -> Node:
        if is_remote(text) or base is None:
            return Node(f"external:{text}", "external", text)
        target = base / text
        # Folders have no extension, data files almost always do: a path without one that
        # does not exist is taken to be a missing card folder.
        card_like = text.endswith(("/", "\\")) or target.is_dir() or target.suffix.lower() in {".md", ""}
        if target.is_dir() or text.endswith(("/", "\\")):
            target = target / "README.md"
        label = display_path(target)
        if not target.exists():
            return Node(f"missing:{target.resolve()}", "missing", label,
                        reason="does not exist", card_like=card_like)
        if not target.is_file():
            return Node(f"missing:{target.resolve()}", "missing", label,
                        reason="is not a regular file", card_like=card_like)
        key = card_key(target)
        if key in graph.nodes:
            return graph.nodes[key]
        maybe_card = card_like or target.suffix.lower() in _CARD_DATA_SUFFIXES
        if not maybe_card:
            return Node(f"data:{key}", "data", label, file=target)
        card = self.cache.load(target, self.limits)
        if not isinstance(card.metadata, dict) or (
            not card_like and GOVERNANCE_KEY not in card.metadata
        ):
            if not card_like:  # a YAML/JSON data file, not a card
                return Node(f"data:{key}", "data", label, file=target)
            return Node(f"missing:{key}", "missing", label, file=target,
                        reason=f"is not a dataset card ({_why_not_card(card)})", card_like=True)
        return self._card_node(key, card, target, given=False)


def _why_not_card(card: Card) -> str:
    return card.findings[0].message if card.findings else "no YAML front matter"


def load_roots(files: Iterable[tuple[Path, str]], cache: CardCache | None = None,
               limits: Limits | None = None) -> list[Root]:
    """Load the cards the user named (path, display) through the cache."""
    cache = cache if cache is not None else CardCache()
    limits = limits or Limits()
    roots: list[Root] = []
    for file, display in files:
        card = cache.load(file, limits) if file.is_file() else load_card(file, display, limits)
        if card.path != display:
            card = _with_display(card, display)
        roots.append(Root(card, file if file.is_file() else None))
    return roots


def _with_display(card: Card, display: str) -> Card:
    """The cached card under the name the user gave (the cache keys by resolved path)."""
    import dataclasses

    return dataclasses.replace(card, path=display)
