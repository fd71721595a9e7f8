"""A card opened for editing: its text, its metadata and where each value sits, in characters.

The loader's spans are lines and columns for messages; edits need character offsets, so
the front matter is composed again here with PyYAML, whose marks carry both. Composing
happens only when a finding has a fixer, so plain `check` runs never pay for it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from datacard_lint.diagnostics import Span
from datacard_lint.fixes.model import Path_
from datacard_lint.loading.card import Card

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Located:
    """A node's characters in the card text, and whether it is written as a plain scalar."""

    start: int
    end: int
    plain: bool
    flow: bool  # inside a `[...]` or `{...}` collection


@dataclass(slots=True)
class Document:
    """Edits are offsets into `text` (the decoded card, without a byte-order mark)."""

    card: Card
    text: str
    yaml_offset: int
    root: yaml.Node | None
    _by_span: dict[tuple[Span, bool], Path_] = field(default_factory=dict)

    @property
    def metadata(self) -> Mapping[Any, Any]:
        return self.card.metadata or {}

    def path_of(self, span: Span) -> tuple[Path_, bool] | None:
        """The path a finding at `span` points at, and whether it points at the key."""
        if not self._by_span:
            for path, where in self.card.spans.items():
                self._by_span.setdefault((where, False), path)
            for path, where in self.card.key_spans.items():
                self._by_span.setdefault((where, True), path)
        for is_key in (False, True):
            found = self._by_span.get((span, is_key))
            if found is not None:
                return found, is_key
        return None

    def value(self, path: Path_) -> Any:
        node: Any = self.metadata
        for part in path:
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                return None
        return node

    def locate(self, path: Path_, *, key: bool = False) -> Located | None:
        """Where the value (or the key) at `path` is written, or None if it cannot be found."""
        node, flow = self.root, False
        key_node: yaml.Node | None = None
        for part in path:
            if node is None:
                return None
            flow = flow or bool(getattr(node, "flow_style", False))
            if isinstance(node, yaml.MappingNode):
                pair = _pair(node, part)
                if pair is None:
                    return None
                key_node, node = pair
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return None
        target = key_node if key else node
        if target is None:
            return None
        plain = isinstance(target, yaml.ScalarNode) and not target.style  # C loader: "", Python: None
        return Located(self.yaml_offset + target.start_mark.index, self.yaml_offset + target.end_mark.index,
                       plain, flow)


def _pair(node: yaml.MappingNode, part: Hashable) -> tuple[yaml.Node, yaml.Node] | None:
    found = None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and isinstance(part, str) and key.value == part:
            found = (key, value)  # the last one wins, as when loading
    return found


def open_document(card: Card) -> Document | None:
    """An editable view of a parsed Markdown or YAML card; None for JSON or unparsable cards."""
    if card.text is None or card.metadata is None or card.kind == "json":
        return None
    if card.kind == "markdown":
        if card.front_matter is None or not card.front_matter.found:
            return None
        offset = card.front_matter.yaml_start
    else:
        offset = 0
    try:
        root = yaml.compose(card.yaml_text or "", Loader=_Loader)
    except yaml.YAMLError:
        return None
    if _has_anchors(root):
        return None  # an edit through an alias would change every place that uses it
    return Document(card, card.text, offset, root)


def _has_anchors(root: yaml.Node | None) -> bool:
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True  # the same node reached twice: an alias
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
                if isinstance(key, yaml.ScalarNode) and key.tag == "tag:yaml.org,2002:merge":
                    return True
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False
