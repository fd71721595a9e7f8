"""Parse YAML into plain Python values while remembering where every value came from.

PyYAML (with the libyaml C composer when present) builds a node graph that carries marks;
we construct values from it ourselves so that each value and each key keeps its span, and
so that duplicate keys, implicit YAML 1.1 typing, unsafe tags and alias bombs are found
instead of silently accepted. Values equal what `yaml.safe_load` returns, which is what
`huggingface_hub` sees.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from datacard_lint.diagnostics import Finding, Span
from datacard_lint.loading.limits import Limits

try:  # libyaml makes parsing several times faster; fall back silently where absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[Hashable, ...]

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _TS = (
    _TAG + "str",
    _TAG + "null",
    _TAG + "bool",
    _TAG + "int",
    _TAG + "float",
    _TAG + "timestamp",
)
_SAFE_TAGS = frozenset(
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp", "binary", "seq", "map",
                             "set", "omap", "pairs", "merge", "value")
)


@dataclass(frozen=True, slots=True)
class ImplicitScalar:
    """A plain (unquoted) scalar that YAML typed as something other than a string."""

    path: Path_
    tag: str  # short name: bool, int, float, timestamp, null
    raw: str
    span: Span


@dataclass(slots=True)
class YamlTree:
    data: Any = None
    spans: dict[Path_, Span] = field(default_factory=dict)
    key_spans: dict[Path_, Span] = field(default_factory=dict)
    implicit: list[ImplicitScalar] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ok: bool = True


class _Abort(Exception):
    """Stops construction when a limit is hit; the finding is already recorded."""


class _Builder:
    def __init__(self, line_offset: int, limits: Limits, tree: YamlTree) -> None:
        self.line_offset = line_offset
        self.limits = limits
        self.tree = tree
        self.constructor = SafeConstructor()
        self.done: dict[int, tuple[Any, int]] = {}  # id(node) -> (value, expanded size)
        self.active: set[int] = set()
        self.total = 0

    def span(self, node: Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return Span(
            start.line + self.line_offset, start.column + 1, end.line + self.line_offset, end.column + 1
        )

    def build(self, node: Node, path: Path_, depth: int) -> tuple[Any, int]:
        key = id(node)
        if key in self.done:  # an alias: share the value, as yaml.safe_load does
            value, size = self.done[key]
            self._count(size, node)
            return value, size
        if key in self.active:
            self._fail("DCL014", "alias refers to a collection that contains it (recursive alias)", node)
        if depth > self.limits.max_depth:
            self._fail("DCL015", f"nesting deeper than {self.limits.max_depth} levels", node)
        self.tree.spans.setdefault(path, self.span(node))
        if isinstance(node, ScalarNode):
            value = self.scalar(node, path)
            size = 1
            self._count(1, node)
        else:
            self.active.add(key)
            if isinstance(node, MappingNode):
                value, size = self.mapping(node, path, depth)
            elif isinstance(node, SequenceNode):
                value, size = self.sequence(node, path, depth)
            else:  # pragma: no cover - PyYAML has only three node kinds
                value, size = None, 1
            self.active.discard(key)
        self.done[key] = (value, size)
        return value, size

    def _count(self, size: int, node: Node) -> None:
        self.total += size
        if self.total > self.limits.max_nodes:
            self._fail(
                "DCL014",
                f"aliases expand to more than {self.limits.max_nodes:,} values (alias bomb)",
                node,
            )

    def _fail(self, code: str, message: str, node: Node) -> None:
        self.tree.findings.append(Finding(code, message, self.span(node)))
        raise _Abort

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SAFE_TAGS:
            self._fail(
                "DCL013",
                f"YAML tag {tag!r} is not allowed in a dataset card; it is refused, never constructed",
                node,
            )
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError) as exc:
            message = getattr(exc, "problem", None) or str(exc)
            self._fail("DCL010", f"invalid {tag.removeprefix(_TAG)} value: {message}", node)
        if not node.style and tag != _STR:  # plain style: None (Python) or "" (libyaml)
            short = tag.removeprefix(_TAG)
            self.tree.implicit.append(ImplicitScalar(path, short, node.value, self.span(node)))
        return value

    def sequence(self, node: SequenceNode, path: Path_, depth: int) -> tuple[list[Any], int]:
        if node.tag not in (_TAG + "seq",):
            return self._other_collection(node)
        items: list[Any] = []
        size = 1
        for index, child in enumerate(node.value):
            value, child_size = self.build(child, (*path, index), depth + 1)
            items.append(value)
            size += child_size
        return items, size

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> tuple[dict[Any, Any], int]:
        if node.tag != _TAG + "map":
            return self._other_collection(node)
        try:
            self.constructor.flatten_mapping(node)  # resolves `<<` merge keys in place
        except ConstructorError as exc:
            self._fail("DCL010", f"invalid merge key: {exc.problem}", node)
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Span] = {}
        size = 1
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            key_span = self.span(key_node)
            child_path = (*path, key)
            if key in first_seen:
                where = first_seen[key]
                self.tree.findings.append(
                    Finding(
                        "DCL011",
                        f"duplicate key {key!r} (first defined on line {where.line}); the last value wins",
                        key_span,
                        "remove or rename one of the two keys",
                    )
                )
                # The later value wins, as in yaml.safe_load: forget the earlier positions.
                self._forget(child_path)
            first_seen[key] = key_span
            self.tree.key_spans[child_path] = key_span
            value, child_size = self.build(value_node, child_path, depth + 1)
            result[key] = value
            size += child_size
        return result, size

    def _key(self, node: Node, path: Path_) -> Hashable:
        if not isinstance(node, ScalarNode):
            self._fail("DCL010", "a mapping key must be a plain value, not a list or mapping", node)
        assert isinstance(node, ScalarNode)
        key = self.scalar(node, (*path, "<key>"))
        if not isinstance(key, Hashable):  # pragma: no cover - scalars are hashable
            self._fail("DCL010", "unhashable mapping key", node)
        return key

    def _forget(self, path: Path_) -> None:
        width = len(path)
        for table in (self.tree.spans, self.tree.key_spans):
            for stale in [p for p in table if p[:width] == path]:
                del table[stale]

    def _other_collection(self, node: Node) -> tuple[Any, int]:
        if node.tag not in _SAFE_TAGS:
            self._fail(
                "DCL013",
                f"YAML tag {node.tag!r} is not allowed in a dataset card; it is refused, never constructed",
                node,
            )
        # !!set, !!omap, !!pairs: safe, rare; let PyYAML build them.
        try:
            return self.constructor.construct_object(node, deep=True), 1
        except ConstructorError as exc:
            self._fail("DCL010", f"invalid YAML collection: {exc.problem}", node)
            raise  # pragma: no cover - _fail always raises


def parse_yaml(text: str, line_offset: int, limits: Limits) -> YamlTree:
    """Compose `text` and build located values; line numbers start at `line_offset + 1`."""
    tree = YamlTree()
    depth = _nesting_upper_bound(text)
    if depth > limits.max_depth and _exact_depth(text, limits.max_depth, line_offset, tree) is None:
        tree.ok = False
        return tree
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        tree.findings.append(_syntax_finding(exc, text, line_offset))
        tree.ok = False
        return tree
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        tree.findings.append(Finding("DCL010", f"YAML error: {exc}", Span.point(line_offset + 1)))
        tree.ok = False
        return tree
    if node is None:
        return tree
    try:
        tree.data, _ = _Builder(line_offset + 1, limits, tree).build(node, (), 0)
    except _Abort:
        tree.data = None
        tree.ok = False
    return tree


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if mark is None:
        return Finding("DCL010", f"YAML syntax error: {problem}", Span.point(line_offset + 1))
    if exc.context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
        # "unexpected end of stream" is detected at the end; the cause is where the
        # unclosed construct started.
        mark = exc.context_mark
    assert mark is not None
    line, col = mark.line + line_offset + 1, mark.column + 1
    span = Span(line, col, line, col + 1)
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark.line < len(lines) else ""
    at_mark = bad_line[mark.column : mark.column + 1]
    leading = bad_line[: len(bad_line) - len(bad_line.lstrip(" \t"))]
    if at_mark == "\t" or ("\t" in leading and mark.column <= len(leading)):
        return Finding(
            "DCL012",
            "tab character used for indentation; YAML allows only spaces",
            span,
            "replace the tab with spaces",
        )
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return Finding("DCL010", f"YAML syntax error: {problem}{context}", span)


def _nesting_upper_bound(text: str) -> int:
    """A cheap over-estimate of collection depth, so deep input is caught before composing.

    PyYAML's composer recurses once per level; 100,000 levels would exhaust the stack.
    Flow brackets and indentation both bound the depth from above.
    """
    brackets = text.count("[") + text.count("{")
    widest = max((len(line) - len(line.lstrip(" -?")) for line in text.splitlines()), default=0)
    return brackets + widest + 1


def _exact_depth(text: str, limit: int, line_offset: int, tree: YamlTree) -> int | None:
    """Walk parser events (an iterative C state machine) to measure depth without recursion."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    start = event.start_mark
                    line = (start.line if start else 0) + line_offset + 1
                    col = (start.column if start else 0) + 1
                    span = Span(line, col, line, col + 1)
                    tree.findings.append(Finding("DCL015", f"nesting deeper than {limit} levels", span))
                    return None
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        tree.findings.append(_syntax_finding(exc, text, line_offset))
        return None
    return depth
