"""One reference page per schema file: a table per object, following `$ref` into `$defs`.

A key is documented where it appears, under its dotted path (`governance.parts[].origin`);
an object shared through `$defs` is therefore shown at every path that uses it. A `$ref` to
the root of another schema file links to that file's page instead of repeating it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

from mkdocs.exceptions import PluginError

from .markdown import code, join_and, relative, slug, table, yaml_block
from .schemas import SchemaFile, SchemaSet

#: Objects that accept `x-` keys and reject every other unknown key are the norm in the
#: governance schema; only departures from it are noted.
EXTENSION_PATTERN = "^x-"
#: Keywords that explain a schema without constraining it.
ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default", "deprecated"})

Node = dict[str, Any]


class Resolved:
    """A subschema after following `$ref`s: where it lives and, for a reference to another
    file's root, that file's page."""

    __slots__ = ("node", "base", "external", "key")

    def __init__(self, node: Node, base: SchemaFile, external: str | None, key: str) -> None:
        self.node, self.base, self.external, self.key = node, base, external, key


class SchemaPage:
    def __init__(self, schema: SchemaFile, schemas: SchemaSet) -> None:
        self.schema = schema
        self.schemas = schemas
        self.out: list[str] = []

    # -- resolution

    def resolve(self, node: Any, base: SchemaFile) -> Resolved:
        key = f"{base.id}#{id(node)}"
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = urljoin(base.id, node["$ref"])
            if ref in seen:
                raise PluginError(f"{base.source}: circular $ref {ref}")
            seen.add(ref)
            doc_id, pointer = urldefrag(ref)
            target = self.schemas.by_id.get(doc_id)
            if target is None:
                raise PluginError(f"{base.source}: $ref {node['$ref']!r} points outside the schema files")
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            if target is not base and not pointer:
                return Resolved({**target.data, **siblings}, target, target.page, ref)
            resolved = _pointer(target, pointer)
            node = {**resolved, **siblings} if siblings else resolved
            base, key = target, ref
        return Resolved(node if isinstance(node, dict) else {}, base, None, key)

    # -- one subschema, as table cells

    def type_of(self, node: Node, base: SchemaFile) -> str:
        r = self.resolve(node, base)
        node, base = r.node, r.base
        if r.external:
            return "object"
        if "const" in node:
            return _json_type(node["const"])
        kind = node.get("type")
        if isinstance(kind, list):
            text = " or ".join(kind)
        elif kind == "array":
            items = node.get("items")
            text = f"array of {self.type_of(items, base)}" if isinstance(items, dict) else "array"
        elif kind:
            text = str(kind)
        elif alternatives := node.get("oneOf") or node.get("anyOf"):
            text = " or ".join(dict.fromkeys(self.type_of(alt, base) for alt in alternatives))
        elif "enum" in node:
            text = " or ".join(dict.fromkeys(_json_type(v) for v in node["enum"]))
        else:
            text = "any"
        if fmt := node.get("format"):
            text += f" ({fmt})"
        return text

    def constraints(self, node: Node, base: SchemaFile) -> list[str]:
        r = self.resolve(node, base)
        node, base = r.node, r.base
        out: list[str] = []
        if r.external:
            return out
        if "const" in node:
            out.append(f"always {code(node['const'])}")
        if "enum" in node:
            out.append("one of " + ", ".join(code(v) for v in node["enum"]))
        if "pattern" in node:
            out.append(f"matches {code(node['pattern'])}")
        for key, sign in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<")):
            if key in node:
                out.append(f"{sign} {node[key]}")
        for key, label in (
            ("minItems", "at least {} item(s)"),
            ("maxItems", "at most {} item(s)"),
            ("minLength", "at least {} character(s)"),
            ("maxLength", "at most {} character(s)"),
            ("minProperties", "at least {} key(s)"),
        ):
            if key in node:
                out.append(label.format(node[key]))
        if node.get("uniqueItems"):
            out.append("items unique")
        items = node.get("items")
        if node.get("type") == "array" and isinstance(items, dict) and self.object_form(items, base) is None:
            inner = self.constraints(items, base)
            if inner:
                out.append("each item: " + "; ".join(inner))
        for key in ("oneOf", "anyOf"):
            alternatives = [a for a in node.get(key, []) if isinstance(a, dict)]
            if alternatives and not all(_only_required(a) for a in alternatives):
                described = [self.constraints(alt, base) for alt in alternatives]
                if any(described):
                    pairs = zip(alternatives, described, strict=True)
                    parts = ["; ".join(d) or self.type_of(a, base) for a, d in pairs]
                    out.append("either " + " — or — ".join(parts))
        if "default" in node:
            out.append(f"default {code(node['default'])}")
        if node.get("deprecated"):
            out.append("**deprecated**")
        return out

    def object_form(self, node: Node, base: SchemaFile) -> tuple[Node, SchemaFile, str] | None:
        """The object with documented keys that a value takes: itself, its items, or one of
        its `anyOf`/`oneOf` alternatives. The suffix is `[]` when it is a list item."""
        r = self.resolve(node, base)
        if r.external:
            return None
        if _is_object(r.node):
            return node, base, ""
        items = r.node.get("items")
        if isinstance(items, dict):
            form = self.object_form(items, r.base)
            if form is not None:
                return form[0], form[1], "[]" + form[2]
        for key in ("anyOf", "oneOf"):
            for alternative in r.node.get(key, []):
                form = self.object_form(alternative, r.base) if isinstance(alternative, dict) else None
                if form is not None:
                    return form
        return None

    # -- one object, as notes above its table

    @staticmethod
    def notes(node: Node) -> list[str]:
        out: list[str] = []
        for cond in [node, *(c for c in node.get("allOf", []) if isinstance(c, dict))]:
            if "if" in cond and "then" in cond:
                out.append(f"If {_describe_match(cond['if'])}, then {_describe_demand(cond['then'])}.")
                if "else" in cond:
                    out.append(f"Otherwise {_describe_demand(cond['else'])}.")
        for key, needs in node.get("dependentRequired", {}).items():
            out.append(f"If {code(key)} is present, {join_and(code(n) for n in needs)} must be present too.")
        for key in ("anyOf", "oneOf"):
            alternatives = [a for a in node.get(key, []) if isinstance(a, dict)]
            word = "at least one" if key == "anyOf" else "exactly one"
            if alternatives and all(_only_required(a) for a in alternatives):
                keys = [code(" + ".join(a["required"])) for a in alternatives]
                out.append(f"Requires {word} of: {', '.join(keys)}.")
            elif alternatives:
                options = "; or ".join(_describe_demand(a) for a in alternatives)
                out.append(f"Requires {word} of the following: {options}.")
        names = node.get("propertyNames")
        if isinstance(names, dict) and "enum" in names:
            out.append("Keys must be one of " + ", ".join(code(n) for n in names["enum"]) + ".")
        patterns = node.get("patternProperties", {})
        out += [f"Keys matching {code(p)} are also allowed." for p in patterns if p != EXTENSION_PATTERN]
        extra = node.get("additionalProperties", True)
        if extra is False and EXTENSION_PATTERN not in patterns:
            out.append("Extension keys (`x-...`) are not allowed here.")
        if extra is True:
            out.append("Keys not listed here are allowed.")
        return out

    # -- the page

    def render(self) -> str:
        schema, out = self.schema, self.out
        prefix = self.schemas.mount_point(schema)
        out += [f"# {schema.title}", ""]
        if description := schema.data.get("description"):
            out += [description, ""]
        facts = [
            ["`$id`", code(schema.id)],
            ["Dialect", code(schema.data.get("$schema", "unspecified"))],
            ["Source", code(schema.source)],
            ["Download", f"[{Path(schema.published).name}]({relative(schema.page, schema.published)})"],
        ]
        if schema.family and self.schemas.is_latest(schema):
            facts.append(["Latest alias", f"[{schema.family}]({relative(schema.page, schema.family)})"])
        out += [table(["Property", "Value"], facts), ""]
        out += [
            "Each table lists the keys of one object. A key whose value is an object, or a list of "
            "objects, links to its own table. Paths use `[]` for list items. Unless a table says "
            "otherwise, an object accepts extension keys starting with `x-` and rejects any other "
            "key it does not list.",
            "",
        ]
        if examples := schema.data.get("examples"):
            out += ["## Example", "", *yaml_block({prefix: examples[0]} if prefix else examples[0]), ""]
        self.section(schema.data, schema, prefix, (), None)
        return "\n".join(out) + "\n"

    def section(self, node: Node, base: SchemaFile, path: str, stack: tuple[str, ...],
                parent: str | None) -> None:
        """A heading and a table for one object, then the same for each nested object.

        Headings nest with the keys (`governance.parts[]` is an h3 below `governance`'s h2),
        so the page's table of contents is the tree of keys; each nested section also links
        back to the object that holds it.
        """
        r = self.resolve(node, base)
        if r.key in stack:  # a recursive schema: document each object once per branch
            return
        node, base, stack = r.node, r.base, (*stack, r.key)
        is_root = len(stack) == 1
        level = "#" * min(len(stack) + 1, 6)
        heading = f"{heading_code(path)} {{#{slug(path)}}}" if path else "Top-level keys {#top-level-keys}"
        self.out += [f"{level} {heading}", ""]
        if parent is not None:
            up = f"[{code(parent)}](#{slug(parent)})" if parent else "[top-level keys](#top-level-keys)"
            self.out += [f'<span class="dcl-parent">In {up}</span>', ""]
        if not is_root and node.get("description"):
            self.out += [node["description"], ""]
        if notes := self.notes(node):
            self.out += [f"- {note}" for note in notes] + [""]
        required = set(node.get("required", []))
        rows: list[list[str]] = []
        children: list[tuple[Node, SchemaFile, str]] = []
        for name, sub in node.get("properties", {}).items():
            child_path = f"{path}.{name}" if path else name
            resolved = self.resolve(sub, base)
            detail = self.constraints(sub, base)
            if resolved.external:
                title = self.schemas.title_of_page(resolved.external)
                detail.insert(0, f"see [{title}]({relative(self.schema.page, resolved.external)})")
            elif (form := self.object_form(sub, base)) is not None:
                form_node, form_base, suffix = form
                children.append((form_node, form_base, child_path + suffix))
                where = f"[below](#{slug(child_path + suffix)})"
                detail.insert(0, f"items: see {where}" if suffix else f"see {where}")
            examples = [] if _is_object(resolved.node) else resolved.node.get("examples", [])
            rows.append(
                [
                    code(name),
                    self.type_of(sub, base),
                    "yes" if name in required else "",
                    "; ".join(detail),
                    str(resolved.node.get("description", "")),
                    ", ".join(code(e) for e in examples[:3]),
                ]
            )
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):  # a map: any key, values of one schema
            detail = self.constraints(extra, base)
            if (form := self.object_form(extra, base)) is not None:
                form_node, form_base, suffix = form
                child_path = f"{path}.<key>{suffix}" if path else f"<key>{suffix}"
                children.append((form_node, form_base, child_path))
                detail.insert(0, f"see [below](#{slug(child_path)})")
            rows.append(
                [
                    "any other key" if rows else "any key",
                    self.type_of(extra, base),
                    "",
                    "; ".join(detail),
                    str(self.resolve(extra, base).node.get("description", "")),
                    "",
                ]
            )
        if rows:
            self.out += [table(["Key", "Type", "Required", "Allowed values", "Description", "Examples"], rows), ""]
        if node.get("examples") and not is_root:
            self.out += ["Example:", "", *yaml_block(node["examples"][0]), ""]
        for sub, sub_base, child_path in children:
            self.section(sub, sub_base, child_path, stack, path)


def heading_code(path: str) -> str:
    """A dotted path as inline HTML code that may wrap only after a `.` (never inside a key).

    Raw HTML rather than a Markdown code span, because a code span cannot carry `<wbr>`;
    the table of contents shows the text without the tags.
    """
    escaped = html.escape(path, quote=False)
    return "<code>" + escaped.replace(".", ".<wbr>") + "</code>"


def render_schema_page(schema: SchemaFile, schemas: SchemaSet) -> str:
    return SchemaPage(schema, schemas).render()


# --------------------------------------------------------------------------- helpers


def _pointer(schema: SchemaFile, pointer: str) -> Node:
    node: Any = schema.data
    for token in (t for t in pointer.lstrip("/").split("/") if t):
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or token not in node:
            raise PluginError(f"{schema.source}: unresolvable $ref pointer #{pointer}")
        node = node[token]
    if not isinstance(node, dict):
        raise PluginError(f"{schema.source}: $ref #{pointer} is not a schema object")
    return node


def _is_object(node: Node) -> bool:
    return "properties" in node or (node.get("type") == "object" and "additionalProperties" in node)


def _only_required(node: Any) -> bool:
    return isinstance(node, dict) and set(node) - ANNOTATIONS == {"required"}


def _constraints_only(node: Node, *handled: str) -> Node:
    return {k: v for k, v in node.items() if k not in ANNOTATIONS and k not in handled}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "string"


def _describe_match(node: Node) -> str:
    """The condition of an `if`, in words."""
    parts = []
    for key, sub in node.get("properties", {}).items():
        if not isinstance(sub, dict):
            continue
        if "const" in sub:
            parts.append(f"{code(key)} is {code(sub['const'])}")
        elif "enum" in sub:
            parts.append(f"{code(key)} is one of " + ", ".join(code(v) for v in sub["enum"]))
        elif isinstance(sub.get("contains"), dict) and "const" in sub["contains"]:
            parts.append(f"{code(key)} contains {code(sub['contains']['const'])}")
        else:
            parts.append(f"{code(key)} matches {code(_constraints_only(sub))}")
    shown = set(node.get("properties", {}))
    parts += [f"{code(k)} is present" for k in node.get("required", []) if k not in shown]
    if rest := _constraints_only(node, "properties", "required"):
        parts.append(f"the object matches {code(rest)}")
    return join_and(parts) or "always"


def _describe_demand(node: Node) -> str:
    """What a `then`, `else` or alternative requires, in words."""
    parts = []
    if required := node.get("required"):
        parts.append(join_and(code(k) for k in required) + (" is" if len(required) == 1 else " are") + " required")
    for key, sub in node.get("properties", {}).items():
        if sub is False:
            parts.append(f"{code(key)} must be absent")
        elif not isinstance(sub, dict):
            continue
        elif "const" in sub:
            parts.append(f"{code(key)} must be {code(sub['const'])}")
        elif "enum" in sub:
            parts.append(f"{code(key)} must be one of " + ", ".join(code(v) for v in sub["enum"]))
        elif _only_required(sub):
            parts.append(f"{code(key)} must contain " + join_and(code(k) for k in sub["required"]))
        elif "minItems" in sub:
            parts.append(f"{code(key)} needs at least {sub['minItems']} item(s)")
        else:
            parts.append(f"{code(key)} must match {code(_constraints_only(sub))}")
    negated = node.get("not")
    if isinstance(negated, dict) and _only_required(negated):
        parts.append(join_and(code(k) for k in negated["required"]) + " must be absent")
    if rest := _constraints_only(node, "properties", "required", "not"):
        parts.append(f"the object must match {code(rest)}")
    return join_and(parts) or "nothing more is required"
