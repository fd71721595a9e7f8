"""Parse YAML into plain Python values while remembering where every value came from.

PyYAML (with the libyaml C composer when present) builds a node graph that carries marks;
we construct values from it ourselves so that each value and each key keeps its span, and
so that duplicate keys, implicit YAML 1.1 typing, unsafe tags and alias bombs are found
instead of silently accepted. Values equal what `yaml.safe_load` returns, which is what
`huggingface_hub` sees.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from datacard_lint import codes
from datacard_lint.diagnostics import Finding, Span
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.lines import BREAK_CHARS, LineIndex, count_breaks

try:  # libyaml makes parsing several times faster; fall back silently where absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Plain scalars shorter than this have their resolved tag remembered.
_MEMO_LENGTH = 64
_MEMO_SIZE = 8192


class _Loader(_BaseLoader):
    """The safe loader, minus per-scalar Python work that cannot change its result.

    The composer asks the resolver for the tag of every scalar: regular expressions run on
    each value, in Python. For a plain scalar the answer depends only on its text (there
    are no path resolvers), so short values, which repeat across a card (`name`, `dtype`,
    `string`, `train`), are looked up once. The path-resolver hooks do nothing without
    path resolvers, so they are skipped.
    """

    _memo: dict[str, str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and implicit[0] and len(value) < _MEMO_LENGTH:
            tag = self._memo.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(self._memo) < _MEMO_SIZE:
                    self._memo[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call,no-any-return]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


assert not _BaseLoader.yaml_path_resolvers, "the loader shortcuts assume no path resolvers"

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
_SEQ, _MAP = _TAG + "seq", _TAG + "map"
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
    spans: Mapping[Path_, Span] = field(default_factory=dict)
    key_spans: Mapping[Path_, Span] = field(default_factory=dict)
    implicit: list[ImplicitScalar] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ok: bool = True


class _NodeIndex:
    """Finds the node at a path of a composed document that has no anchors and no merges.

    Such a document is a tree, and the value at a path is reached by following the path
    (for a key written twice, its last occurrence, as in the values). Positions are read
    from the nodes only when a rule or reporter asks for them.
    """

    def __init__(self, root: Node, line_offset: int, keys: dict[int, Hashable], rebuild: Callable[[], YamlTree],
                 last: _Last):
        self.root = root
        self.line_offset = line_offset
        self.last = last
        self.keys = keys  # id(key node) -> key, for keys that are not plain strings
        self.rebuild = rebuild
        self.full: YamlTree | None = None
        #: id(mapping node) -> {key: (key node, value node)}, built on the first lookup in a
        #: large mapping, so that a finding per key costs one dictionary look-up, not a scan.
        self.entries: dict[int, dict[Hashable, tuple[Node, Node]]] = {}

    def span(self, node: Node) -> Span:
        return _node_span(node, self.line_offset, self.last)

    def find(self, path: Path_) -> tuple[Node | None, Node] | None:
        """(key node, value node) at `path`, or None when no value is there."""
        key_node: Node | None = None
        node = self.root
        for part in path:
            if type(node) is MappingNode and node.tag == _MAP:
                found = self._entry(node, part)
                if found is None:
                    return None
                key_node, node = found
            elif type(node) is SequenceNode and node.tag == _SEQ and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return None
                key_node, node = None, node.value[part]
            else:
                return None
        return key_node, node

    def _entry(self, node: MappingNode, part: Hashable) -> tuple[Node, Node] | None:
        """The last (key node, value node) of `node` whose key equals `part`."""
        if len(node.value) <= _SCAN_ENTRIES:
            found = None
            for candidate, value in node.value:
                key = self._key_of(candidate)
                if key is part or key == part:
                    found = (candidate, value)
            return found
        table = self.entries.get(id(node))
        if table is None:
            table = self.entries[id(node)] = {}
            for candidate, value in node.value:
                key = self._key_of(candidate)
                if key is not _MISSING:
                    table[key] = (candidate, value)  # a later duplicate wins, as in the values
        return table.get(part)

    def _key_of(self, candidate: Node) -> Any:
        if type(candidate) is ScalarNode and candidate.tag == _STR:
            return candidate.value
        return self.keys.get(id(candidate), _MISSING)

    def materialized(self) -> YamlTree:
        if self.full is None:
            self.full = self.rebuild()
        return self.full


class SpanTable(Mapping[Path_, Span]):
    """Positions of values (or of their keys) by path, computed when asked for.

    A card needs a few positions (one per finding) out of thousands of values, so they are
    not built up front: a lookup walks the nodes along the path, and iterating builds the
    whole table once, exactly as an eager build would have.
    """

    __slots__ = ("_index", "_of_keys")

    def __init__(self, index: _NodeIndex, *, of_keys: bool) -> None:
        self._index = index
        self._of_keys = of_keys

    def _table(self) -> Mapping[Path_, Span]:
        full = self._index.materialized()
        return full.key_spans if self._of_keys else full.spans

    def __getitem__(self, path: Path_) -> Span:
        if self._index.full is not None:
            return self._table()[path]
        found = self._index.find(path) if isinstance(path, tuple) else None
        if found is None:
            raise KeyError(path)
        key_node, node = found
        target = key_node if self._of_keys else node
        if target is None:  # the root and list items have no key
            raise KeyError(path)
        return self._index.span(target)

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def items(self):  # type: ignore[no-untyped-def]
        return self._table().items()

    def values(self):  # type: ignore[no-untyped-def]
        return self._table().values()

    def __reduce__(self) -> tuple[object, ...]:
        return (dict, (dict(self._table()),))

    def __repr__(self) -> str:
        return f"SpanTable({dict(self._table())!r})"


_MISSING = object()

#: (line, column), 0-based, of the end of a text that does not end with a line break.
_Last = tuple[int, int] | None


def _last_position(text: str) -> _Last:
    """Where the text ends, when libyaml would place collection ends past it.

    libyaml adds a line break at the end of a stream that lacks one, so block collections
    closed by the end of the stream end on a line that does not exist (PyYAML's Python
    scanner, which `huggingface_hub` uses, ends them at their last character).
    """
    if not text or text[-1] in BREAK_CHARS:
        return None
    lines = count_breaks(text)
    last_break = max(text.rfind(c) for c in BREAK_CHARS)
    return lines, len(text) - last_break - 1


def _node_span(node: Node, offset: int, last: _Last) -> Span:
    start, end = node.start_mark, node.end_mark
    end_line, end_col = end.line, end.column
    if last is not None and end_line > last[0]:
        end_line, end_col = last
    return Span(start.line + offset, start.column + 1, end_line + offset, end_col + 1)
#: Mappings up to this size are scanned; larger ones get a key table on first look-up.
_SCAN_ENTRIES = 16


class _Abort(Exception):
    """Stops construction when a limit is hit; the finding is already recorded."""


#: Scalar tags whose SafeConstructor method returns the value directly (not a generator).
_DIRECT = {
    tag: SafeConstructor.yaml_constructors[tag]
    for tag in (_NULL, _BOOL, _INT, _FLOAT, _TS, _TAG + "binary")
}


class _Builder:
    """Builds values from composed nodes, recording spans, implicit typing and duplicates.

    Most cards use neither anchors nor merge keys, so the bookkeeping those need (shared
    values, expansion counts, recursion checks, merge flattening) runs only when the text
    contains `&` or `<<`. Without anchors, the size and depth checks made on the text
    before composing already bound the result, so nothing is counted per node.
    """

    def __init__(self, line_offset: int, limits: Limits, tree: YamlTree, text: str, last: _Last) -> None:
        self.line_offset = line_offset
        self.last = last
        self.limits = limits
        self.tree = tree
        self.spans: dict[Path_, Span] = {}
        self.key_spans: dict[Path_, Span] = {}
        tree.spans, tree.key_spans = self.spans, self.key_spans
        self.keys: dict[int, Hashable] = {}  # id(key node) -> key, for keys that are not strings
        self.constructor = SafeConstructor()
        self.aliases = "&" in text  # an alias needs an anchor
        self.merges = "<<" in text
        self.done: dict[int, tuple[Any, int]] = {}  # id(node) -> (value, expanded size)
        self.active: set[int] = set()
        self.total = 0
        #: Child paths per path, built on the first duplicated collection (see `_forget`).
        self.children: dict[Path_, set[Path_]] | None = None

    def span(self, node: Node) -> Span:
        return _node_span(node, self.line_offset, self.last)

    def run(self, node: Node) -> Any:
        if self.aliases:
            return self.build(node, (), 0)[0]
        if self.merges:
            return self.plain(node, ())
        value = self.lazy(node, ())
        # A partial of a plain function, not a bound method: the index must not keep the
        # builder (and through it the tree) alive, or every card becomes cyclic garbage.
        rebuild = functools.partial(_eager_tree, node, self.line_offset, self.limits, self.last)
        index = _NodeIndex(node, self.line_offset, self.keys, rebuild, self.last)
        self.tree.spans = SpanTable(index, of_keys=False)
        self.tree.key_spans = SpanTable(index, of_keys=True)
        return value

    # --- documents without anchors or merges: values now, positions on demand ----------

    def lazy(self, node: Node, path: Path_) -> Any:
        kind = type(node)
        if kind is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node, path)  # type: ignore[arg-type]
        if kind is SequenceNode:
            if node.tag != _SEQ:
                return self._other_collection(node)[0]
            lazy = self.lazy
            return [
                child.value if type(child) is ScalarNode and child.tag == _STR else lazy(child, (*path, index))
                for index, child in enumerate(node.value)
            ]
        if kind is MappingNode:
            if node.tag != _MAP:
                return self._other_collection(node)[0]
            result: dict[Any, Any] = {}
            key_nodes: dict[Any, Node] = {}
            for key_node, value_node in node.value:
                if type(key_node) is ScalarNode and key_node.tag == _STR:
                    key: Hashable = key_node.value
                else:
                    key = self._key(key_node, path)
                    self.keys[id(key_node)] = key
                if key in result:
                    self._duplicate(key, key_node, key_nodes[key])
                key_nodes[key] = key_node
                if type(value_node) is ScalarNode and value_node.tag == _STR:
                    result[key] = value_node.value
                else:
                    result[key] = self.lazy(value_node, (*path, key))
            return result
        return None  # pragma: no cover - PyYAML has only three node kinds

    def _duplicate(self, key: Hashable, key_node: Node, earlier: Node) -> None:
        self.tree.findings.append(
            Finding(
                codes.DUPLICATE_KEY,
                f"duplicate key {key!r} (first defined on line {self.span(earlier).line}); the last value wins",
                self.span(key_node),
                "remove or rename one of the two keys",
            )
        )

    # --- documents without anchors: no sharing, no counting -------------------------

    def plain(self, node: Node, path: Path_) -> Any:
        spans = self.spans
        if path not in spans:
            spans[path] = _node_span(node, self.line_offset, self.last)
            if self.children is not None:
                self._register(path)
        kind = type(node)
        if kind is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node, path)  # type: ignore[arg-type]
        if kind is SequenceNode:
            if node.tag != _SEQ:
                return self._other_collection(node)[0]
            plain = self.plain
            return [plain(child, (*path, index)) for index, child in enumerate(node.value)]
        if kind is MappingNode:
            if node.tag != _MAP:
                return self._other_collection(node)[0]
            result: dict[Any, Any] = {}
            for key, _key_node, value_node, child_path in self._entries(node, path, result):  # type: ignore[arg-type]
                result[key] = self.plain(value_node, child_path)
            return result
        return None  # pragma: no cover - PyYAML has only three node kinds

    # --- documents with anchors: shared values, expansion counted ---------------------

    def build(self, node: Node, path: Path_, depth: int) -> tuple[Any, int]:
        key = id(node)
        if key in self.done:  # an alias: share the value, as yaml.safe_load does
            value, size = self.done[key]
            self._count(size, node)
            return value, size
        if key in self.active:
            self._fail(codes.YAML_ALIAS_LIMIT, "alias refers to a collection that contains it (recursive alias)", node)
        if depth > self.limits.max_depth:
            self._fail(codes.YAML_TOO_DEEP, f"nesting deeper than {self.limits.max_depth} levels", node)
        if path not in self.spans:
            self.spans[path] = self.span(node)
            if self.children is not None:
                self._register(path)
        if isinstance(node, ScalarNode):
            value = node.value if node.tag == _STR else self.scalar(node, path)
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
                codes.YAML_ALIAS_LIMIT,
                f"aliases expand to more than {self.limits.max_nodes:,} values (alias bomb)",
                node,
            )

    def sequence(self, node: SequenceNode, path: Path_, depth: int) -> tuple[list[Any], int]:
        if node.tag != _SEQ:
            return self._other_collection(node)
        items: list[Any] = []
        size = 1
        for index, child in enumerate(node.value):
            value, child_size = self.build(child, (*path, index), depth + 1)
            items.append(value)
            size += child_size
        return items, size

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> tuple[dict[Any, Any], int]:
        if node.tag != _MAP:
            return self._other_collection(node)
        result: dict[Any, Any] = {}
        size = 1
        for key, _key_node, value_node, child_path in self._entries(node, path, result):
            value, child_size = self.build(value_node, child_path, depth + 1)
            result[key] = value
            size += child_size
        return result, size

    # --- shared by both ---------------------------------------------------------------

    def _fail(self, code: str, message: str, node: Node) -> None:
        self.tree.findings.append(Finding(code, message, self.span(node)))
        raise _Abort

    def _entries(
        self, node: MappingNode, path: Path_, result: dict[Any, Any]
    ) -> Iterator[tuple[Hashable, Node, Node, Path_]]:
        """Each key of a mapping with its nodes and path; duplicates are reported here."""
        if self.merges:
            try:
                self.constructor.flatten_mapping(node)  # resolves `<<` merge keys in place
            except ConstructorError as exc:
                self._fail(codes.YAML_SYNTAX_ERROR, f"invalid merge key: {exc.problem}", node)
        key_spans = self.key_spans
        offset = self.line_offset
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode and key_node.tag == _STR:
                key: Hashable = key_node.value
            else:
                key = self._key(key_node, path)
            start, end = key_node.start_mark, key_node.end_mark
            key_span = Span(start.line + offset, start.column + 1, end.line + offset, end.column + 1)
            child_path = (*path, key)
            if key in result:
                where = key_spans[child_path]
                self.tree.findings.append(
                    Finding(
                        codes.DUPLICATE_KEY,
                        f"duplicate key {key!r} (first defined on line {where.line}); the last value wins",
                        key_span,
                        "remove or rename one of the two keys",
                    )
                )
                # The later value wins, as in yaml.safe_load: forget the earlier positions.
                self._forget(child_path, result[key])
            key_spans[child_path] = key_span
            if self.children is not None:
                self._register(child_path)
            yield key, key_node, value_node, child_path

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SAFE_TAGS:
            self._fail(
                codes.UNSAFE_YAML_TAG,
                f"YAML tag {tag!r} is not allowed in a dataset card; it is refused, never constructed",
                node,
            )
        direct = _DIRECT.get(tag)
        try:
            if direct is not None:
                value = direct(self.constructor, node)
            else:
                value = self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError) as exc:
            message = getattr(exc, "problem", None) or str(exc)
            self._fail(codes.YAML_SYNTAX_ERROR, f"invalid {tag.removeprefix(_TAG)} value: {message}", node)
        if not node.style:  # plain style: None (Python) or "" (libyaml)
            short = tag.removeprefix(_TAG)
            self.tree.implicit.append(ImplicitScalar(path, short, node.value, self.span(node)))
        return value

    def _key(self, node: Node, path: Path_) -> Hashable:
        if node.tag not in _SAFE_TAGS:  # refuse an unsafe tag before any other complaint
            self._fail(
                codes.UNSAFE_YAML_TAG,
                f"YAML tag {node.tag!r} is not allowed in a dataset card; it is refused, never constructed",
                node,
            )
        if not isinstance(node, ScalarNode):
            self._fail(codes.YAML_SYNTAX_ERROR, "a mapping key must be a plain value, not a list or mapping", node)
        assert isinstance(node, ScalarNode)
        key = self.scalar(node, (*path, "<key>"))
        if not isinstance(key, Hashable):  # pragma: no cover - scalars are hashable
            self._fail(codes.YAML_SYNTAX_ERROR, "unhashable mapping key", node)
        return cast(Hashable, key)

    def _forget(self, path: Path_, earlier: Any) -> None:
        """Drop the positions recorded under `path` for a value that a duplicate key replaces."""
        spans, key_spans = self.spans, self.key_spans
        if not isinstance(earlier, (dict, list)) or not earlier:
            spans.pop(path, None)  # a scalar (or empty collection) has one position
            key_spans.pop(path, None)
            return
        if self.children is None:
            # Scanning every position per duplicate would be quadratic on hostile input;
            # index children once, then each forget costs only the size of its subtree.
            self.children = {}
            for table in (spans, key_spans):
                for known in table:
                    self._register(known)
        stack = [path]
        while stack:
            current = stack.pop()
            spans.pop(current, None)
            key_spans.pop(current, None)
            stack.extend(self.children.pop(current, ()))

    def _register(self, path: Path_) -> None:
        assert self.children is not None
        if path:
            self.children.setdefault(path[:-1], set()).add(path)

    def _other_collection(self, node: Node) -> tuple[Any, int]:
        if node.tag not in _SAFE_TAGS:
            self._fail(
                codes.UNSAFE_YAML_TAG,
                f"YAML tag {node.tag!r} is not allowed in a dataset card; it is refused, never constructed",
                node,
            )
        # !!set, !!omap, !!pairs: safe, rare; let PyYAML build them.
        try:
            return self.constructor.construct_object(node, deep=True), 1
        except ConstructorError as exc:
            self._fail(codes.YAML_SYNTAX_ERROR, f"invalid YAML collection: {exc.problem}", node)
            raise  # pragma: no cover - _fail always raises


def parse_yaml(text: str, line_offset: int, limits: Limits) -> YamlTree:
    """Compose `text` and build located values; line numbers start at `line_offset + 1`."""
    tree = YamlTree()
    if not _within_limits(text, limits, line_offset, tree):
        tree.ok = False
        return tree
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        tree.findings.append(_syntax_finding(exc, text, line_offset))
        tree.ok = False
        return tree
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        tree.findings.append(Finding(codes.YAML_SYNTAX_ERROR, f"YAML error: {exc}", Span.point(line_offset + 1)))
        tree.ok = False
        return tree
    if "\t" in text:
        _cross_check_tabs(text, line_offset, tree)
    if node is None:
        return tree
    last = _last_position(text)
    builder = _Builder(line_offset + 1, limits, tree, text, last)
    try:
        tree.data = builder.run(node)
    except _Abort:
        tree.data = None
        tree.ok = False
        if not builder.aliases and not builder.merges:  # keep the positions found before the failure
            partial = _eager_tree(node, line_offset + 1, limits, last)
            tree.spans, tree.key_spans = partial.spans, partial.key_spans
    except RecursionError:  # only reachable with a max-depth raised far above the default
        tree.findings.append(
            Finding(codes.YAML_TOO_DEEP, "nesting too deep to process; lower the nesting", Span.point(line_offset + 1))
        )
        tree.data = None
        tree.ok = False
    return tree


def _eager_tree(node: Node, line_offset: int, limits: Limits, last: _Last) -> YamlTree:
    """The positions an eager build records (also the partial ones, after a failure)."""
    scratch = YamlTree()
    try:
        _Builder(line_offset, limits, scratch, "", last).plain(node, ())
    except _Abort:
        pass
    return scratch


def _cross_check_tabs(text: str, line_offset: int, tree: YamlTree) -> None:
    """libyaml accepts some tabs that PyYAML's pure-Python scanner, used by
    `huggingface_hub` (`yaml.safe_load`), rejects; ask that scanner too so the card is not
    reported clean when the Hub's client cannot read it."""
    try:
        for _ in yaml.scan(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as exc:
        finding = _syntax_finding(exc, text, line_offset)
        tree.findings.append(
            Finding(finding.code, finding.message + " (as read by huggingface_hub's YAML loader)", finding.span,
                    finding.help)
        )


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if _PARSER_DEPTH_LIMIT in problem and mark is not None:
        line, col = mark.line + line_offset + 1, mark.column + 1
        message = "nesting deeper than the YAML parser allows (1,000 levels)"
        return Finding(codes.YAML_TOO_DEEP, message, Span(line, col, line, col + 1))
    if mark is None:
        return Finding(codes.YAML_SYNTAX_ERROR, f"YAML syntax error: {problem}", Span.point(line_offset + 1))
    if exc.context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
        # "unexpected end of stream" is detected at the end; the cause is where the
        # unclosed construct started.
        mark = exc.context_mark
    assert mark is not None
    line, col = mark.line + line_offset + 1, mark.column + 1
    span = Span(line, col, line, col + 1)
    bad_line = LineIndex(text).line_text(mark.line + 1)
    at_mark = bad_line[mark.column : mark.column + 1]
    leading = bad_line[: len(bad_line) - len(bad_line.lstrip(" \t"))]
    if at_mark == "\t" or ("\t" in leading and mark.column <= len(leading)):
        where = "for indentation" if mark.column <= len(leading) else "where YAML does not allow one"
        return Finding(
            codes.TAB_INDENTATION,
            f"tab character used {where}; YAML allows only spaces there",
            span,
            "replace the tab with spaces",
        )
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return Finding(codes.YAML_SYNTAX_ERROR, f"YAML syntax error: {problem}{context}", span)


#: libyaml's composer recurses in C once per nesting level and overflows the C stack
#: somewhere past 10,000 levels, so `max-depth` is honoured only up to this ceiling.
HARD_MAX_DEPTH = 1_000


def _within_limits(text: str, limits: Limits, line_offset: int, tree: YamlTree) -> bool:
    """Refuse too-deep or too-big YAML before composing it, in constant memory.

    Composing builds a node (with two marks) per value and recurses per level, so both
    must be bounded first. Cheap over-estimates from the text settle almost every card;
    only when one of them is over its limit are the parser's events counted exactly.
    """
    max_depth = min(limits.max_depth, HARD_MAX_DEPTH)
    deep = _nesting_upper_bound(text) > max_depth
    big = _node_upper_bound(text) > limits.max_nodes
    if not deep and not big:
        return True
    return _measure(text, max_depth, limits.max_nodes, line_offset, tree)


def _node_upper_bound(text: str) -> int:
    """An over-estimate of the number of values: each needs an indicator or a separator.

    A mapping entry needs `:` or `?` (or `,` in a flow mapping), a sequence entry `-` or a
    flow `,`, a collection `[`, `{`, `-`, `:` or `?`; each such character yields at most two
    values, and a document with none of them is a single scalar.
    """
    indicators = sum(text.count(c) for c in ":?,-[{")
    return 2 * indicators + 1


#: The run of spaces and block indicators that starts each line (any line break).
_LEADING_RUN = re.compile(r"(?:^|(?<=[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]))[ ?:-]+")


def _nesting_upper_bound(text: str) -> int:
    """A cheap over-estimate of collection depth, so deep input is caught before composing.

    PyYAML's composer recurses once per level; 100,000 levels would exhaust the stack.
    In flow style each `{` opens one level and each `[` at most two (a sequence, and the
    one-pair mapping that `[a: ...` or `[? ...` opens inside it). A block collection starts
    a line or follows a `- `, `? ` or `: ` indicator, and each column of the leading run of
    spaces and indicators adds at most two levels (a sequence may sit at its parent key's
    indentation), so twice the longest such run bounds the rest.
    """
    brackets = 2 * text.count("[") + text.count("{")
    widest = max(map(len, _LEADING_RUN.findall(text)), default=0)
    return brackets + 2 * widest + 2


def _measure(text: str, max_depth: int, max_nodes: int, line_offset: int, tree: YamlTree) -> bool:
    """Walk parser events (an iterative C state machine): exact depth and value count.

    Only the first document is measured, and a syntax error is left for the composer to
    report: it reads the same events, so it stops there too, and its message is the one
    every other card gets.
    """
    depth = nodes = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, starts):
                depth += 1
                nodes += 1
                if depth > max_depth:
                    message = f"nesting deeper than {max_depth} levels"
                    tree.findings.append(Finding(codes.YAML_TOO_DEEP, message, _event_span(event, line_offset)))
                    return False
            elif isinstance(event, ends):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent):
                nodes += 1
            elif isinstance(event, yaml.DocumentEndEvent):
                return True
            else:
                continue
            if nodes > max_nodes:
                message = f"front matter holds more than {max_nodes:,} values"
                tree.findings.append(Finding(codes.YAML_ALIAS_LIMIT, message, _event_span(event, line_offset)))
                return False
    except yaml.YAMLError as exc:
        if _PARSER_DEPTH_LIMIT in str(exc):
            # PyYAML 6.0.4+ stops flow nesting at 1,000 levels in its scanner, which reads
            # ahead of the parser: say where our own, lower limit was crossed instead.
            message = f"nesting deeper than {max_depth} levels"
            tree.findings.append(Finding(codes.YAML_TOO_DEEP, message, _flow_depth_span(text, max_depth, line_offset)))
            return False
        return True  # everything before the error is within the limits
    return True


_PARSER_DEPTH_LIMIT = "maximum nesting depth"


def _flow_depth_span(text: str, max_depth: int, line_offset: int) -> Span:
    """Where flow brackets first nest deeper than `max_depth` (quoted text skipped).

    The block mapping or sequence that holds them counts as the first level, as it does
    for the parser events the rest of the loader counts.
    """
    root_is_block = not text.lstrip().startswith(("[", "{"))
    depth, quote = int(root_is_block), ""
    for offset, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                line, col = LineIndex(text).position(offset)
                return Span(line + line_offset, col, line + line_offset, col + 1)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return Span.point(line_offset + 1)


def _event_span(event: yaml.Event, line_offset: int) -> Span:
    start = event.start_mark
    line = (start.line if start else 0) + line_offset + 1
    col = (start.column if start else 0) + 1
    return Span(line, col, line, col + 1)
