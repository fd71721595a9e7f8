"""Build-time generation of the reference part of the docs site.

MkDocs loads this file through `hooks:` in mkdocs.yml. Nothing here is copied by hand into
docs/: every reference page is derived, on each build, from the sources it documents.

- on_config          resolve the checkout, import the package, list the schema files, add
                     one navigation entry per schema file
- on_files           add the generated pages (schema reference, rules, CLI) and publish each
                     schema file, byte for byte, at the path of its `$id` plus a `latest` alias
- on_page_markdown   fill the `<!-- generated: NAME -->` markers of hand-written pages, and
                     validate every `governance:` YAML example against the newest schema
- on_post_build      check that the published schema files are identical to their sources

Any inconsistency raises PluginError, which fails the build whether or not it is strict.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import posixpath
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import click
import jsonschema
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.generate")

#: Rule sections every rule docstring must provide; "options" is optional.
REQUIRED_RULE_SECTIONS = ("why", "failing", "passing", "fix")

#: Requirement keys whose hand-written page lives under standard/.
STANDARD_PAGES = {
    "origin": "standard/origin.md",
    "purpose": "standard/purpose.md",
    "verification": "standard/verification.md",
    "renewal": "standard/renewal.md",
    "tail_evaluations": "standard/tail-evaluations.md",
    "contamination": "standard/contamination.md",
    "public_evidence": "standard/public-evidence.md",
}

SCHEMA_NAV_ENTRY = "reference/schema/index.md"
#: Objects that accept `x-` keys and reject every other unknown key are the norm; only
#: departures from it are noted on the reference pages.
EXTENSION_PATTERN = "^x-"
MARKER = re.compile(r"<!--\s*generated:\s*([a-z0-9-]+)\s*-->")
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[a-z]+)[^\n]*\n(?P<body>.*?)^(?P=indent)```\s*$", re.MULTILINE | re.DOTALL)
RULE_CODE = re.compile(r"\bDCL\d{3}\b")


# --------------------------------------------------------------------------- state


@dataclass
class SchemaFile:
    source: Path  # absolute path in the checkout
    rel_source: str  # path relative to the checkout, e.g. schema/v1/governance.schema.json
    raw: bytes
    data: dict[str, Any]
    id: str
    published: str  # path of `$id` relative to site_url
    family: str | None  # published path with the version directory replaced by "latest"
    major: int | None  # None for files outside the versioned tree, such as the profile schema
    page: str  # docs page documenting it

    @property
    def label(self) -> str:
        stem = Path(self.published).name.removesuffix(".schema.json")
        return stem if self.major is None else f"{stem} v{self.major}"

    @property
    def title(self) -> str:
        title = str(self.data.get("title") or Path(self.published).name)
        if self.major is None or re.search(rf"\bv{self.major}\b", title):
            return title
        return f"{title} (v{self.major})"


@dataclass
class State:
    root: Path = Path()
    site_url: str = ""
    schemas: list[SchemaFile] = field(default_factory=list)
    latest: dict[str, SchemaFile] = field(default_factory=dict)  # family -> newest major
    published: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes
    rules: list[Any] = field(default_factory=list)  # from the registry, sorted by code


STATE = State()


# --------------------------------------------------------------------------- hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    STATE.root = root
    STATE.site_url = config.site_url or ""
    if importlib.util.find_spec("datacard_lint") is None:
        sys.path.insert(0, str(root / "src"))
    from datacard_lint._meta import SITE_URL

    if STATE.site_url != SITE_URL:
        raise PluginError(f"mkdocs.yml site_url {STATE.site_url!r} differs from _meta.SITE_URL {SITE_URL!r}")

    STATE.schemas = _load_schemas(root, SITE_URL)
    STATE.latest = {}
    for schema in STATE.schemas:
        if schema.family is None or schema.major is None:
            continue
        current = STATE.latest.get(schema.family)
        if current is None or schema.major > (current.major or 0):
            STATE.latest[schema.family] = schema
    _add_schema_nav(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    STATE.published = {}
    for schema in STATE.schemas:
        _publish(files, config, schema.published, schema.raw)
        files.append(File.generated(config, schema.page, content=render_schema_page(schema)))
    for family, schema in STATE.latest.items():
        _publish(files, config, family, schema.raw)  # the `latest` alias

    rules = STATE.rules = _load_rules()
    files.append(File.generated(config, "rules/index.md", content=render_rules_index(rules)))
    for rule in rules:
        files.append(File.generated(config, f"rules/{rule.code}.md", content=render_rule(rule)))

    files.append(File.generated(config, "reference/cli.md", content=render_cli()))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("rules-"):
            return gen_rules_for(name.removeprefix("rules-").replace("-", "_"), page.file.src_uri)
        if name not in GENERATORS:
            raise PluginError(f"{page.file.src_uri}: unknown generated block {name!r}")
        return GENERATORS[name](page.file.src_uri)

    markdown = MARKER.sub(fill, markdown)
    if page.file.generated_by is None:
        _validate_examples(markdown, page.file.src_uri)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for rel, raw in STATE.published.items():
        built = site / rel
        if not built.is_file() or built.read_bytes() != raw:
            raise PluginError(f"published schema {rel} is missing or differs from its source")


# --------------------------------------------------------------------------- schemas


def _load_schemas(root: Path, site_url: str) -> list[SchemaFile]:
    schema_root = root / "schema"
    found: list[SchemaFile] = []
    for path in sorted(schema_root.rglob("*.schema.json")):
        raw = path.read_bytes()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise PluginError(f"{path}: not valid JSON: {exc}") from exc
        schema_id = data.get("$id")
        if not isinstance(schema_id, str) or not schema_id.startswith(site_url):
            raise PluginError(f"{path}: $id {schema_id!r} does not start with site_url {site_url!r}")
        published = schema_id[len(site_url) :]
        parts = published.split("/")
        versions = [i for i, part in enumerate(parts) if re.fullmatch(r"v\d+", part)]
        major: int | None = None
        family: str | None = None
        if versions:  # versioned files also get a `latest` alias
            at = versions[-1]
            major = int(parts[at][1:])
            family = "/".join(parts[:at] + ["latest"] + parts[at + 1 :])
        page = "reference/" + published.removesuffix(".schema.json") + ".md"
        found.append(
            SchemaFile(
                source=path,
                rel_source=path.relative_to(root).as_posix(),
                raw=raw,
                data=data,
                id=schema_id,
                published=published,
                family=family,
                major=major,
                page=page,
            )
        )
    if not found:
        raise PluginError(f"no *.schema.json files under {schema_root}")
    return found


def _schema_order(schema: SchemaFile) -> tuple[bool, str, int]:
    """Versioned schemas first, grouped by family, newest major first."""
    return (schema.major is None, schema.family or schema.published, -(schema.major or 0))


def _add_schema_nav(config: MkDocsConfig) -> None:
    """Replace the schema index entry of the nav by a section listing every schema page."""
    entries: list[Any] = [SCHEMA_NAV_ENTRY]
    for schema in sorted(STATE.schemas, key=_schema_order):
        entries.append({schema.label: schema.page})

    def walk(items: list[Any]) -> bool:
        for i, item in enumerate(items):
            if isinstance(item, dict):
                for key, value in item.items():
                    if value == SCHEMA_NAV_ENTRY:
                        items[i] = {key: entries}
                        return True
                    if isinstance(value, list) and walk(value):
                        return True
        return False

    if not walk(config.nav or []):
        raise PluginError(f"mkdocs.yml nav has no entry for {SCHEMA_NAV_ENTRY}")


def _publish(files: Files, config: MkDocsConfig, rel: str, raw: bytes) -> None:
    if rel in STATE.published:
        raise PluginError(f"two schema files publish to {rel}")
    STATE.published[rel] = raw
    files.append(File.generated(config, rel, content=raw))


# --------------------------------------------------------------------------- Markdown helpers


def code(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def cell(text: str) -> str:
    """One table cell: a single line, pipes escaped outside code spans."""
    text = " ".join(str(text).split())
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(text[last : match.start()].replace("|", r"\|"))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].replace("|", r"\|"))
    return "".join(out)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def relative(from_page: str, to_path: str) -> str:
    """Markdown link from one docs file to another, both relative to docs_dir."""
    target, _, anchor = to_path.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return link + (f"#{anchor}" if anchor else "")


def slug(path: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", path.lower().replace("[]", "")).strip("-") or "root"


# --------------------------------------------------------------------------- schema pages


class SchemaPage:
    """Renders one schema file as nested property tables, following `$ref` into `$defs`."""

    def __init__(self, schema: SchemaFile) -> None:
        self.schema = schema
        self.by_id = {s.id: s for s in STATE.schemas}
        self.out: list[str] = []

    # -- resolution

    def resolve(self, node: Any, base: SchemaFile) -> tuple[dict[str, Any], SchemaFile, str | None]:
        """Follow `$ref`s. Returns the node, the file it lives in, and an external page link
        when the reference points into another schema file's root (documented there)."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = urljoin(base.id, node["$ref"])
            if ref in seen:
                raise PluginError(f"{base.rel_source}: circular $ref {ref}")
            seen.add(ref)
            doc_id, pointer = urldefrag(ref)
            target = self.by_id.get(doc_id)
            if target is None:
                raise PluginError(f"{base.rel_source}: $ref {node['$ref']!r} points outside the schema set")
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            if target is not base and not pointer:
                merged = {**target.data, **siblings}
                return merged, target, target.page
            resolved = _pointer(target.data, pointer, target)
            node = {**resolved, **siblings} if siblings else resolved
            base = target
        return (node if isinstance(node, dict) else {}), base, None

    # -- descriptions of one subschema

    def type_of(self, node: dict[str, Any], base: SchemaFile) -> str:
        node, base, external = self.resolve(node, base)
        if external:
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
            kinds = dict.fromkeys(self.type_of(alt, base) for alt in alternatives)
            text = " or ".join(kinds)
        elif "enum" in node:
            text = " or ".join(dict.fromkeys(_json_type(v) for v in node["enum"]))
        else:
            text = "any"
        if fmt := node.get("format"):
            text += f" ({fmt})"
        return text

    def constraints(self, node: dict[str, Any], base: SchemaFile) -> list[str]:
        node, base, external = self.resolve(node, base)
        out: list[str] = []
        if external:
            return out
        if "const" in node:
            out.append(f"always {code(node['const'])}")
        if "enum" in node:
            out.append("one of " + ", ".join(code(v) for v in node["enum"]))
        if "pattern" in node:
            out.append(f"matches {code(node['pattern'])}")
        bounds = [
            ("minimum", "≥"),
            ("exclusiveMinimum", ">"),
            ("maximum", "≤"),
            ("exclusiveMaximum", "<"),
        ]
        for key, sign in bounds:
            if key in node:
                out.append(f"{sign} {node[key]}")
        for key, label in (("minItems", "at least {} item(s)"), ("maxItems", "at most {} item(s)"),
                           ("minLength", "at least {} character(s)"), ("maxLength", "at most {} character(s)"),
                           ("minProperties", "at least {} key(s)")):
            if key in node:
                out.append(label.format(node[key]))
        if node.get("uniqueItems"):
            out.append("items unique")
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            items, _, _ = self.resolve(node["items"], base)
            if items.get("type") != "object" and "properties" not in items:
                inner = self.constraints(node["items"], base)
                if inner:
                    out.append("each item: " + "; ".join(inner))
        for key in ("oneOf", "anyOf"):
            alternatives = [a for a in node.get(key, []) if isinstance(a, dict)]
            if alternatives and not all(_only_required(a) for a in alternatives):
                described = [self.constraints(alt, base) for alt in alternatives]
                if any(described):
                    parts = ["; ".join(d) or self.type_of(a, base) for a, d in zip(alternatives, described)]
                    out.append("either " + " — or — ".join(parts))
        if "default" in node:
            out.append(f"default {code(node['default'])}")
        if node.get("deprecated"):
            out.append("**deprecated**")
        return out

    def notes(self, node: dict[str, Any]) -> list[str]:
        """Object-level rules: conditionals, alternatives, extension keys, closedness."""
        out: list[str] = []
        conditionals = [node] + [c for c in node.get("allOf", []) if isinstance(c, dict)]
        for cond in conditionals:
            if "if" in cond and "then" in cond:
                out.append(f"If {_describe_match(cond['if'])}, then {_describe_demand(cond['then'])}.")
                if "else" in cond:
                    out.append(f"Otherwise {_describe_demand(cond['else'])}.")
        for key, needs in node.get("dependentRequired", {}).items():
            out.append(f"If {code(key)} is present, {_and(code(n) for n in needs)} must be present too.")
        for key in ("anyOf", "oneOf"):
            alternatives = node.get(key, [])
            word = "at least one" if key == "anyOf" else "exactly one"
            if alternatives and all(_only_required(a) for a in alternatives):
                keys = [code(" + ".join(a["required"])) for a in alternatives]
                out.append(f"Requires {word} of: {', '.join(keys)}.")
            elif alternatives:
                options = "; or ".join(_describe_demand(a) for a in alternatives if isinstance(a, dict))
                out.append(f"Requires {word} of the following: {options}.")
        names = node.get("propertyNames")
        if isinstance(names, dict) and "enum" in names:
            out.append("Keys must be one of " + ", ".join(code(n) for n in names["enum"]) + ".")
        patterns = [p for p in node.get("patternProperties", {}) if p != EXTENSION_PATTERN]
        for pattern in patterns:
            out.append(f"Keys matching {code(pattern)} are also allowed.")
        extra = node.get("additionalProperties", True)
        if extra is False and EXTENSION_PATTERN not in node.get("patternProperties", {}):
            out.append("Extension keys (`x-...`) are not allowed here.")
        if extra is True:
            out.append("Keys not listed here are allowed.")
        return out

    # -- walking

    def render(self) -> str:
        schema = self.schema
        prefix = _mount_point(schema)
        out = self.out
        out.append(f"# {schema.title}")
        out.append("")
        if description := schema.data.get("description"):
            out += [description, ""]
        facts = [
            ["`$id`", code(schema.id)],
            ["Dialect", code(schema.data.get("$schema", "unspecified"))],
            ["Source", code(schema.rel_source)],
            ["Download", f"[{Path(schema.published).name}]({relative(schema.page, schema.published)})"],
        ]
        if schema.family and STATE.latest.get(schema.family) is schema:
            facts.append(["Latest alias", f"[{schema.family}]({relative(schema.page, schema.family)})"])
        out += [table(["Property", "Value"], facts), ""]
        out.append(
            "Each table lists the keys of one object. A key whose value is an object, or a list of "
            "objects, links to its own table. Paths use `[]` for list items. Unless a table says "
            "otherwise, an object accepts extension keys starting with `x-` and rejects any other "
            "key it does not list."
        )
        out.append("")
        examples = schema.data.get("examples")
        if examples:
            sample = {prefix: examples[0]} if prefix else examples[0]
            out += ["## Example", "", "```yaml", yaml.safe_dump(sample, sort_keys=False, allow_unicode=True).rstrip(), "```", ""]
        self.section(schema.data, schema, prefix, [])
        return "\n".join(out) + "\n"

    def section(self, node: dict[str, Any], base: SchemaFile, path: str, stack: list[int]) -> None:
        """One heading and table per object; nested objects get their own sections after it."""
        node, base, _ = self.resolve(node, base)
        if id(node) in stack:
            return
        stack = stack + [id(node)]
        is_root = not stack[:-1]
        heading = f"`{path}`" if path else "Top-level keys"
        self.out += [f"## {heading} {{#{slug(path) if path else 'top-level-keys'}}}", ""]
        if not is_root and node.get("description"):
            self.out += [node["description"], ""]
        notes = self.notes(node)
        if notes:
            self.out += [f"- {note}" for note in notes] + [""]
        required = set(node.get("required", []))
        rows: list[list[str]] = []
        children: list[tuple[dict[str, Any], SchemaFile, str]] = []
        for name, sub in node.get("properties", {}).items():
            child_path = f"{path}.{name}" if path else name
            resolved, _, external = self.resolve(sub, base)
            detail = self.constraints(sub, base)
            if external:
                detail.insert(0, f"see [{_schema_title(external)}]({relative(self.schema.page, external)})")
            else:
                form = self.object_form(sub, base)
                if form is not None:
                    form_node, form_base, suffix = form
                    children.append((form_node, form_base, child_path + suffix))
                    where = f"[below](#{slug(child_path + suffix)})"
                    detail.insert(0, f"items: see {where}" if suffix else f"see {where}")
            examples = [] if _is_object(resolved) else (resolved.get("examples") or [])
            rows.append(
                [
                    code(name),
                    self.type_of(sub, base),
                    "yes" if name in required else "",
                    "; ".join(detail),
                    str(resolved.get("description", "")),
                    ", ".join(code(e) for e in examples[:3]),
                ]
            )
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            rows.append(["any other key", self.type_of(extra, base), "", "; ".join(self.constraints(extra, base)),
                         str(extra.get("description", "")), ""])
        if rows:
            self.out += [table(["Key", "Type", "Required", "Allowed values", "Description", "Examples"], rows), ""]
        if node.get("examples") and not is_root:
            sample = yaml.safe_dump(node["examples"][0], sort_keys=False, allow_unicode=True).rstrip()
            self.out += ["Example:", "", "```yaml", sample, "```", ""]
        for sub, sub_base, child_path in children:
            self.section(sub, sub_base, child_path, stack)

    def object_form(self, node: dict[str, Any], base: SchemaFile) -> tuple[dict[str, Any], SchemaFile, str] | None:
        """The object with documented keys that a value takes: itself, its items, or one of its
        `anyOf`/`oneOf` alternatives. The suffix is `[]` when the object is a list item."""
        resolved, sub_base, external = self.resolve(node, base)
        if external:
            return None
        if _is_object(resolved):
            return resolved, sub_base, ""
        items = resolved.get("items")
        if isinstance(items, dict):
            form = self.object_form(items, sub_base)
            if form is not None:
                return form[0], form[1], "[]" + form[2]
        for key in ("anyOf", "oneOf"):
            for alternative in resolved.get(key, []):
                form = self.object_form(alternative, sub_base) if isinstance(alternative, dict) else None
                if form is not None:
                    return form
        return None


def _schema_title(page: str) -> str:
    for schema in STATE.schemas:
        if schema.page == page:
            return schema.title
    return page


def render_schema_page(schema: SchemaFile) -> str:
    return SchemaPage(schema).render()


def _pointer(document: dict[str, Any], pointer: str, schema: SchemaFile) -> dict[str, Any]:
    node: Any = document
    for token in [t for t in pointer.lstrip("/").split("/") if t]:
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or token not in node:
            raise PluginError(f"{schema.rel_source}: unresolvable $ref pointer #{pointer}")
        node = node[token]
    if not isinstance(node, dict):
        raise PluginError(f"{schema.rel_source}: $ref #{pointer} is not a schema object")
    return node


def _mount_point(schema: SchemaFile) -> str:
    """The key under which another schema embeds this one (e.g. `governance`), if any."""
    for other in STATE.schemas:
        for name, sub in other.data.get("properties", {}).items():
            ref = sub.get("$ref") if isinstance(sub, dict) else None
            if ref and urldefrag(urljoin(other.id, ref))[0] == schema.id and not urldefrag(ref)[1]:
                return str(name)
    return ""


def _is_object(node: dict[str, Any]) -> bool:
    return "properties" in node or (node.get("type") == "object" and "additionalProperties" in node)


#: Keywords that explain a schema without constraining it.
ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default", "deprecated"})


def _only_required(node: Any) -> bool:
    return isinstance(node, dict) and set(node) - ANNOTATIONS == {"required"}


def _constraints_only(node: dict[str, Any], *handled: str) -> dict[str, Any]:
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
    if isinstance(value, dict):
        return "object"
    return "string"


def _and(items: Any) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _describe_match(node: dict[str, Any]) -> str:
    parts = []
    for key, sub in node.get("properties", {}).items():
        if not isinstance(sub, dict):
            continue
        if "const" in sub:
            parts.append(f"{code(key)} is {code(sub['const'])}")
        elif "enum" in sub:
            parts.append(f"{code(key)} is one of " + ", ".join(code(v) for v in sub["enum"]))
        elif "contains" in sub and "const" in sub["contains"]:
            parts.append(f"{code(key)} contains {code(sub['contains']['const'])}")
        else:
            parts.append(f"{code(key)} matches {code(sub)}")
    shown = set(node.get("properties", {}))
    parts += [f"{code(k)} is present" for k in node.get("required", []) if k not in shown]
    rest = _constraints_only(node, "properties", "required")
    if rest:
        parts.append(f"the object matches {code(rest)}")
    return _and(parts) if parts else "always"


def _describe_demand(node: dict[str, Any]) -> str:
    parts = []
    if node.get("required"):
        parts.append(_and(code(k) for k in node["required"]) + (" is" if len(node["required"]) == 1 else " are") + " required")
    for key, sub in node.get("properties", {}).items():
        if sub is False:
            parts.append(f"{code(key)} must be absent")
        elif isinstance(sub, dict) and "const" in sub:
            parts.append(f"{code(key)} must be {code(sub['const'])}")
        elif isinstance(sub, dict) and "enum" in sub:
            parts.append(f"{code(key)} must be one of " + ", ".join(code(v) for v in sub["enum"]))
        elif isinstance(sub, dict) and _only_required(sub):
            parts.append(f"{code(key)} must contain " + _and(code(k) for k in sub["required"]))
        elif isinstance(sub, dict) and "minItems" in sub:
            parts.append(f"{code(key)} needs at least {sub['minItems']} item(s)")
        else:
            parts.append(f"{code(key)} must match {code(_constraints_only(sub))}")
    negated = node.get("not")
    if isinstance(negated, dict) and _only_required(negated):
        parts.append(_and(code(k) for k in negated["required"]) + " must be absent")
    rest = _constraints_only(node, "properties", "required", "not")
    if rest:
        parts.append(f"the object must match {code(rest)}")
    return _and(parts) if parts else "nothing more is required"


# --------------------------------------------------------------------------- schema index, changelog


def gen_schema_files(src_uri: str) -> str:
    rows = []
    for schema in sorted(STATE.schemas, key=_schema_order):
        alias = STATE.latest.get(schema.family) is schema
        rows.append(
            [
                f"[{schema.title}]({relative(src_uri, schema.page)})",
                code(schema.rel_source),
                f"[{schema.published}]({relative(src_uri, schema.published)})",
                f"[{schema.family}]({relative(src_uri, schema.family)})" if alias and schema.family else "",
            ]
        )
    return table(["Reference", "Source", "Published at", "Latest alias"], rows)


def gen_schema_changelog(src_uri: str) -> str:
    path = STATE.root / "schema" / "CHANGELOG.md"
    if not path.is_file():
        raise PluginError("schema/CHANGELOG.md is missing")
    text = path.read_text(encoding="utf-8")
    # Demote headings by one level so the file's title becomes a section of this page.
    text = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.MULTILINE)

    # Links relative to schema/ point at the published copy of the same tree.
    def relink(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"[a-z][a-z0-9+.-]*:|#|/", target):
            return match.group(0)
        return f"{match.group(1)}({relative(src_uri, posixpath.normpath('schema/' + target))})"

    return re.sub(r"(\]\s?)\(([^)\s]+)\)", relink, text).strip()


def gen_rules_for(requirement: str, src_uri: str) -> str:
    """A table of the rules that belong to one requirement, for its standard page."""
    from datacard_lint.requirements import REQUIREMENTS

    if requirement not in REQUIREMENTS:
        raise PluginError(f"{src_uri}: no requirement called {requirement!r}")
    rules = [r for r in STATE.rules if r.requirement == requirement]
    if not rules:
        return "No rule checks this requirement yet."
    rows = [
        [f"[{r.code}]({relative(src_uri, f'rules/{r.code}.md')})", code(r.name), _severity(r), str(r.summary)]
        for r in rules
    ]
    return table(["Code", "Name", "Severity", "Summary"], rows)


# --------------------------------------------------------------------------- scoring profiles


def _profiles() -> list[tuple[str, dict[str, Any]]]:
    paths = sorted(p for p in (STATE.root / "schema" / "profiles").glob("*.json") if not p.name.endswith(".schema.json"))
    if not paths:
        raise PluginError("no scoring profiles under schema/profiles/")
    loaded = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("levels", "weights"):
            if not isinstance(data.get(key), dict):
                raise PluginError(f"{path}: profile lacks a {key!r} object")
        loaded.append((path.relative_to(STATE.root).as_posix(), data))
    # The default profile first, the rest by name.
    loaded.sort(key=lambda item: (item[1].get("name") != "default", item[1].get("name", "")))
    return loaded


def gen_scoring_profiles(src_uri: str) -> str:
    from datacard_lint.requirements import REQUIREMENT_TITLES, REQUIREMENTS

    out: list[str] = []
    formats = [s for s in STATE.schemas if s.published.startswith("schema/profiles/")]
    if formats:
        link = relative(src_uri, formats[0].page)
        out += [f"Each profile is a JSON file in `schema/profiles/`, in the format of the [profile schema]({link}).", ""]
    for rel, data in _profiles():
        name = data.get("name") or Path(rel).stem
        out += [f"### `{name}` {{#profile-{slug(name)}}}", ""]
        if data.get("description"):
            out += [str(data["description"]), ""]
        meta = [["Version", code(data.get("version", ""))], ["Source", code(rel)]]
        if data.get("error_cap") is not None:
            meta.append(["Error cap", code(data["error_cap"])])
        out += [table(["Property", "Value"], meta), ""]
        out += ["**Levels** (points a requirement earns):", ""]
        out += [table(["Level", "Points"], [[code(k), str(v)] for k, v in data["levels"].items()]), ""]
        weights = data["weights"]
        total = sum(float(w) for w in weights.values()) or 1.0
        rows = []
        for key in [*REQUIREMENTS, *[k for k in weights if k not in REQUIREMENTS]]:
            if key not in weights:
                continue
            title = REQUIREMENT_TITLES.get(key, key)
            link = f"[{title}]({relative(src_uri, STANDARD_PAGES[key])})" if key in STANDARD_PAGES else title
            rows.append([code(key), link, _num(weights[key]), f"{100 * float(weights[key]) / total:.1f} %"])
        out += ["**Weights:**", "", table(["Requirement", "Title", "Weight", "Share of total"], rows), ""]
        bands = data.get("bands") or {}
        if bands:
            rows = [[code(k), f"{_num(v)} or more"] for k, v in sorted(bands.items(), key=lambda kv: -float(kv[1]))]
            out += ["**Bands** (overall score needed for each badge band):", "", table(["Band", "Score"], rows), ""]
        thresholds = data.get("thresholds") or {}
        if thresholds:
            flat = _flatten(thresholds)
            out += ["**Thresholds:**", "", table(["Key", "Value"], [[code(k), code(v)] for k, v in flat]), ""]
        known = {"name", "version", "description", "levels", "weights", "error_cap", "bands", "thresholds", "$schema"}
        extra = {k: v for k, v in data.items() if k not in known}
        if extra:
            out += ["**Other settings:**", "", table(["Key", "Value"], [[code(k), code(v)] for k, v in _flatten(extra)]), ""]
    return "\n".join(out).rstrip()


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out += _flatten(value, name + ".")
        else:
            out.append((name, value))
    return out


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


# --------------------------------------------------------------------------- rules


def _load_rules() -> list[Any]:
    # Deliberately unguarded: if the registry cannot be imported the build must fail.
    from datacard_lint.rules.registry import all_rules

    rules = list(all_rules())
    if not rules:
        raise PluginError("the rule registry is empty")
    problems = []
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            problems.append(f"{rule.code}: registered twice")
        seen.add(rule.code)
        sections = rule.sections()
        missing = [key for key in REQUIRED_RULE_SECTIONS if not str(sections.get(key) or "").strip()]
        if missing:
            problems.append(f"{rule.code} ({rule.name}): docstring lacks section(s) {', '.join(missing)}")
    if problems:
        raise PluginError("rule documentation is incomplete:\n  " + "\n  ".join(problems))
    return sorted(rules, key=lambda r: r.code)


def _severity(rule: Any) -> str:
    return str(getattr(rule.severity, "value", rule.severity))


def _requirement_link(rule: Any, src_uri: str) -> str:
    from datacard_lint.requirements import REQUIREMENT_TITLES

    key = rule.requirement
    if key in STANDARD_PAGES:
        return f"[{REQUIREMENT_TITLES.get(key, key)}]({relative(src_uri, STANDARD_PAGES[key])})"
    return code(key)


def render_rules_index(rules: list[Any]) -> str:
    src = "rules/index.md"
    rows = [
        [
            f"[{rule.code}]({rule.code}.md)",
            code(rule.name),
            _severity(rule),
            _requirement_link(rule, src),
            str(rule.summary),
        ]
        for rule in rules
    ]
    counts: dict[str, int] = {}
    for rule in rules:
        counts[_severity(rule)] = counts.get(_severity(rule), 0) + 1
    tally = ", ".join(f"{n} {sev}" for sev, n in sorted(counts.items()))
    return "\n".join(
        [
            "# Rules",
            "",
            f"{len(rules)} rules ({tally} by default). Each rule has a stable code and a readable name; "
            "either one works in `select`, `ignore` and inline suppressions "
            f"(see [Configuration]({relative(src, 'configuration.md')})). "
            "Codes are grouped by hundreds: `DCL0xx` file and YAML loading, `DCL05x` schema, "
            "`DCL1xx`–`DCL7xx` the seven requirements in order, `DCL8xx` Hub metadata, `DCL9xx` general.",
            "",
            "`datacard-lint rule CODE` prints the same text in a terminal.",
            "",
            table(["Code", "Name", "Severity", "Requirement", "Summary"], rows),
            "",
        ]
    )


def _fenced(text: str, lang: str) -> str:
    text = text.strip("\n")
    if text.lstrip().startswith("```"):
        return text
    return f"```{lang}\n{text}\n```"


def _sentence(text: str) -> str:
    text = str(text).strip()
    return text if text[-1:] in ".!?…" else text + "."


def render_rule(rule: Any) -> str:
    src = f"rules/{rule.code}.md"
    sections = rule.sections()
    meta = table(
        ["Property", "Value"],
        [
            ["Code", code(rule.code)],
            ["Name", code(rule.name)],
            ["Default severity", _severity(rule)],
            ["Requirement", _requirement_link(rule, src)],
        ],
    )
    options = str(sections.get("options") or "").strip() or (
        "None. The severity can be changed with `severity` in the "
        f"[configuration]({relative(src, 'configuration.md#severity')})."
    )
    return "\n".join(
        [
            f"# {rule.code} {rule.name}",
            "",
            _sentence(rule.summary),
            "",
            meta,
            "",
            "## Why it matters",
            "",
            sections["why"].strip(),
            "",
            "## Failing example",
            "",
            _fenced(sections["failing"], "yaml"),
            "",
            "## Passing example",
            "",
            _fenced(sections["passing"], "yaml"),
            "",
            "## How to fix",
            "",
            sections["fix"].strip(),
            "",
            "## Options",
            "",
            options,
            "",
            f"[All rules]({relative(src, 'rules/index.md')})",
            "",
        ]
    )


# --------------------------------------------------------------------------- CLI


def render_cli() -> str:
    from datacard_lint.cli.main import cli

    out = [
        "# Command line",
        "",
        "Generated from the command definitions; `datacard-lint COMMAND --help` prints the same text.",
        "",
    ]
    root_ctx = _cli_context(cli, "datacard-lint", None)
    _cli_section(cli, root_ctx, out, level=2)
    return "\n".join(out) + "\n"


def _cli_context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    # A fixed width keeps the generated page identical whatever terminal builds it.
    settings = {**command.context_settings, "terminal_width": 88, "max_content_width": 88}
    return click.Context(command, info_name=name, parent=parent, **settings)


def _cli_section(command: click.Command, ctx: click.Context, out: list[str], level: int) -> None:
    path = ctx.command_path
    out += [f"{'#' * level} `{path}` {{#{slug(path)}}}", ""]
    if command.help:
        first = command.help.split("\n\n")[0]
        out += [" ".join(first.split()), ""]
    out += ["```text", command.get_help(ctx).rstrip(), "```", ""]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            sub_ctx = _cli_context(sub, name, ctx)
            _cli_section(sub, sub_ctx, out, level=min(level + 1, 3))


# --------------------------------------------------------------------------- example validation


def _fences(markdown: str, lang: str) -> Iterator[tuple[int, str]]:
    """(line number, dedented body) of each fenced block in `lang`, also inside tabs."""
    for match in FENCE.finditer(markdown):
        if match.group("lang") != lang:
            continue
        indent = len(match.group("indent"))
        body = "".join(line[indent:] for line in match.group("body").splitlines(keepends=True))
        yield markdown.count("\n", 0, match.start()) + 2, body


def _validate_examples(markdown: str, src_uri: str) -> None:
    """Hand-written examples must be valid: `governance:` YAML against the newest schema,
    TOML against the configuration loader, and every rule code mentioned must exist."""
    from datacard_lint.rules.registry import codes

    unknown = sorted(set(RULE_CODE.findall(markdown)) - codes())
    if unknown:
        raise PluginError(f"{src_uri}: mentions rule code(s) that do not exist: {', '.join(unknown)}")

    validator = _governance_validator()
    for line, text in _fences(markdown, "yaml"):
        first = next((ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
        if not first.startswith("governance:"):
            continue
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise PluginError(f"{src_uri}:{line}: example is not valid YAML: {exc}") from exc
        errors = sorted(validator.iter_errors(_stringify_dates(data["governance"])), key=lambda e: list(e.path))
        if errors:
            detail = "\n  ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors[:10])
            raise PluginError(f"{src_uri}:{line}: governance example fails the schema:\n  {detail}")

    for line, text in _fences(markdown, "toml"):
        from datacard_lint.config.files import ConfigError, settings_from_mapping

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PluginError(f"{src_uri}:{line}: example is not valid TOML: {exc}") from exc
        tool = data.get("tool")
        section = tool.get("datacard-lint", {}) if isinstance(tool, dict) else data
        try:
            settings_from_mapping(section, where=f"{src_uri}:{line}", source=None)
        except ConfigError as exc:
            raise PluginError(f"configuration example rejected: {exc}") from exc


_VALIDATOR: Any = None


def _governance_validator() -> Any:
    global _VALIDATOR
    candidates = [s for s in STATE.latest.values() if Path(s.published).name == "governance.schema.json"]
    if not candidates:
        raise PluginError("no governance.schema.json found to validate examples against")
    schema = candidates[0]
    if _VALIDATOR is None or _VALIDATOR.schema is not schema.data:
        from referencing import Registry, Resource

        registry = Registry().with_resources((s.id, Resource.from_contents(s.data)) for s in STATE.schemas)
        cls = jsonschema.validators.validator_for(schema.data)
        _VALIDATOR = cls(schema.data, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return _VALIDATOR


def _stringify_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


GENERATORS = {
    "schema-files": gen_schema_files,
    "schema-changelog": gen_schema_changelog,
    "scoring-profiles": gen_scoring_profiles,
}
