"""The schema files of the checkout, where they are published, and the schema index page."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

from mkdocs.exceptions import PluginError

from .markdown import code, relative, table

_VERSION_DIR = re.compile(r"v(\d+)")
#: A minor version frozen at its own `$id` beside the major's newest (`governance-1.0.schema.json`):
#: published and documented, but never served under `latest/`.
_FROZEN_MINOR = re.compile(r"-\d+\.\d+\.schema\.json$")


@dataclass(frozen=True)
class SchemaFile:
    source: str  # path relative to the checkout, e.g. schema/v1/governance.schema.json
    raw: bytes
    data: dict[str, Any]
    id: str
    published: str  # path of `$id` relative to site_url
    family: str | None  # `published` with its version directory replaced by `latest`
    major: int | None  # None outside the versioned tree (the profile schema)
    page: str  # the docs page documenting it

    @property
    def label(self) -> str:
        stem = Path(self.published).name.removesuffix(".schema.json")
        return stem if self.major is None else f"{stem} v{self.major}"

    @property
    def title(self) -> str:
        title = str(self.data.get("title") or Path(self.published).name)
        if _FROZEN_MINOR.search(self.published):
            return f"{title}, {self.data.get('x-schema-version', '')} (frozen)"
        if self.major is None or re.search(rf"\bv{self.major}\b", title):
            return title
        return f"{title} (v{self.major})"


class SchemaSet:
    """Every `*.schema.json` under schema/, keyed by `$id`."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.files = [self._load(path, site_url) for path in sorted((root / "schema").rglob("*.schema.json"))]
        if not self.files:
            raise PluginError(f"no *.schema.json files under {root / 'schema'}")
        self.by_id = {schema.id: schema for schema in self.files}
        #: family -> newest major version; served again under `latest/`.
        self.latest: dict[str, SchemaFile] = {}
        for schema in self.files:
            if schema.family is None or schema.major is None:
                continue
            current = self.latest.get(schema.family)
            if current is None or schema.major > (current.major or 0):
                self.latest[schema.family] = schema

    def _load(self, path: Path, site_url: str) -> SchemaFile:
        source = path.relative_to(self.root).as_posix()
        raw = path.read_bytes()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise PluginError(f"{source}: not valid JSON: {exc}") from exc
        schema_id = data.get("$id")
        if not isinstance(schema_id, str) or not schema_id.startswith(site_url):
            raise PluginError(f"{source}: $id {schema_id!r} does not start with site_url {site_url!r}")
        published = schema_id[len(site_url) :]
        parts = published.split("/")
        versions = [i for i, part in enumerate(parts) if _VERSION_DIR.fullmatch(part)]
        major = family = None
        if versions and not _FROZEN_MINOR.search(published):
            at = versions[-1]
            major = int(parts[at][1:])
            family = "/".join(parts[:at] + ["latest"] + parts[at + 1 :])
        page = "reference/" + published.removesuffix(".schema.json") + ".md"
        return SchemaFile(source, raw, data, schema_id, published, family, major, page)

    def ordered(self) -> list[SchemaFile]:
        """Versioned schemas first, grouped by family, newest major first."""
        return sorted(self.files, key=lambda s: (s.major is None, s.family or s.published, -(s.major or 0)))

    def is_latest(self, schema: SchemaFile) -> bool:
        return schema.family is not None and self.latest.get(schema.family) is schema

    def title_of_page(self, page: str) -> str:
        return next((s.title for s in self.files if s.page == page), page)

    def mount_point(self, schema: SchemaFile) -> str:
        """The key under which another schema embeds this one (`governance`), or ""."""
        for other in self.files:
            for name, sub in other.data.get("properties", {}).items():
                ref = sub.get("$ref") if isinstance(sub, dict) else None
                if ref and not urldefrag(ref)[1] and urljoin(other.id, ref) == schema.id:
                    return str(name)
        return ""

    def governance(self) -> SchemaFile:
        """The newest governance block schema, which the docs' examples must satisfy."""
        for schema in self.latest.values():
            if Path(schema.published).name == "governance.schema.json":
                return schema
        raise PluginError("no versioned governance.schema.json under schema/")

    # -- blocks for the hand-written schema index page

    def files_table(self, src_uri: str) -> str:
        rows = [
            [
                f"[{schema.title}]({relative(src_uri, schema.page)})",
                code(schema.source),
                f"[{schema.published}]({relative(src_uri, schema.published)})",
                f"[{schema.family}]({relative(src_uri, schema.family)})"
                if schema.family and self.is_latest(schema)
                else "",
            ]
            for schema in self.ordered()
        ]
        return table(["Reference", "Source", "Published at", "Latest alias"], rows)

    def changelog(self, src_uri: str) -> str:
        path = self.root / "schema" / "CHANGELOG.md"
        if not path.is_file():
            raise PluginError("schema/CHANGELOG.md is missing")
        text = path.read_text(encoding="utf-8")
        # One level down, so the file's title becomes a section of the page that includes it.
        text = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.MULTILINE)

        def relink(match: re.Match[str]) -> str:
            # Links relative to schema/ point at the published copy of the same tree.
            target = match.group(2)
            if re.match(r"[a-z][a-z0-9+.-]*:|#|/", target):
                return match.group(0)
            return f"{match.group(1)}({relative(src_uri, posixpath.normpath('schema/' + target))})"

        return re.sub(r"(\]\s?)\(([^)\s]+)\)", relink, text).strip()
