"""Build-time generation of the reference part of the docs site.

MkDocs loads this file through `hooks:` in mkdocs.yml. No reference page is written by hand:
each build derives them from the sources they document (the helpers live in `docgen/`).

- on_config         find the checkout, import the package, read the schema files, and list
                    one navigation entry per schema file
- on_files          add the generated pages (schema reference, rules, command line) and publish
                    each schema file, byte for byte, at the path of its `$id`, plus a `latest`
                    alias for the newest major version
- on_page_markdown  fill the `<!-- generated: NAME -->` markers of hand-written pages and check
                    their examples against the schema, the configuration loader and the rules
- on_post_build     check that the published schema files equal their sources

Any inconsistency raises PluginError, which fails the build with or without --strict.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docgen.cli import render_cli  # noqa: E402
from docgen.examples import ExampleChecker  # noqa: E402
from docgen.rules import INDEX, load_rules, page_of, render_index, render_rule, rules_for  # noqa: E402
from docgen.schema_page import render_schema_page  # noqa: E402
from docgen.schemas import SchemaSet  # noqa: E402
from docgen.scoring import render_gallery_scores, render_profiles  # noqa: E402

SCHEMA_NAV_ENTRY = "reference/schema/index.md"
MARKER = re.compile(r"<!--\s*generated:\s*([a-z0-9-]+)\s*-->")


class _Build:
    """What one build has gathered; reset by on_config."""

    root: Path
    schemas: SchemaSet
    rules: list[Any]
    checker: ExampleChecker
    published: dict[str, bytes]


BUILD = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    if importlib.util.find_spec("datacard_lint") is None:  # a checkout without an install
        sys.path.insert(0, str(root / "src"))
    from datacard_lint._meta import SITE_URL

    if config.site_url != SITE_URL and not _serving(config, SITE_URL):
        raise PluginError(f"mkdocs.yml site_url {config.site_url!r} differs from _meta.SITE_URL {SITE_URL!r}")
    BUILD.root = root
    BUILD.schemas = SchemaSet(root, SITE_URL)
    BUILD.checker = ExampleChecker(BUILD.schemas)
    BUILD.published = {}
    _add_schema_nav(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    BUILD.published = {}
    schemas = BUILD.schemas
    for schema in schemas.files:
        _publish(files, config, schema.published, schema.raw)
        files.append(File.generated(config, schema.page, content=render_schema_page(schema, schemas)))
    for family, schema in schemas.latest.items():
        _publish(files, config, family, schema.raw)

    BUILD.rules = load_rules()
    files.append(File.generated(config, INDEX, content=render_index(BUILD.rules)))
    for rule in BUILD.rules:
        files.append(File.generated(config, page_of(rule), content=render_rule(rule)))

    files.append(File.generated(config, "reference/cli.md", content=render_cli()))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    if page.file.generated_by is None:
        BUILD.checker.check(markdown, src_uri)
    return MARKER.sub(lambda match: _generated_block(match.group(1), src_uri), markdown)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for rel, raw in BUILD.published.items():
        built = site / rel
        if not built.is_file() or built.read_bytes() != raw:
            raise PluginError(f"published schema {rel} is missing or differs from its source")


def _serving(config: MkDocsConfig, site_url: str) -> bool:
    """Whether `mkdocs serve` replaced site_url by its own address (it keeps the path).

    The check that mkdocs.yml's site_url matches the published `$id`s is for real builds; a
    local preview must not abort on it. Schemas are still published at SITE_URL's paths.
    """
    from urllib.parse import urlsplit

    served, expected = urlsplit(config.site_url or ""), urlsplit(site_url)
    host, port = config.dev_addr.host, config.dev_addr.port
    return served.netloc == f"{host}:{port}" and served.path == expected.path


def _generated_block(name: str, src_uri: str) -> str:
    if name.startswith("rules-"):  # e.g. rules-tail-evaluations
        return rules_for(name.removeprefix("rules-").replace("-", "_"), BUILD.rules, src_uri)
    if name == "schema-files":
        return BUILD.schemas.files_table(src_uri)
    if name == "schema-changelog":
        return BUILD.schemas.changelog(src_uri)
    if name == "changelog":  # the repository's CHANGELOG.md, without its title and preamble
        text = (BUILD.root / "CHANGELOG.md").read_text("utf-8")
        first = text.find("\n## ")
        if first < 0:
            raise PluginError("CHANGELOG.md has no `## VERSION` section")
        return text[first + 1:]
    if name == "scoring-profiles":
        return render_profiles(BUILD.root, BUILD.schemas, src_uri)
    if name == "gallery-scores":
        return render_gallery_scores(BUILD.root, src_uri)
    raise PluginError(f"{src_uri}: unknown generated block {name!r}")


def _publish(files: Files, config: MkDocsConfig, rel: str, raw: bytes) -> None:
    if rel in BUILD.published:
        raise PluginError(f"two schema files publish to {rel}")
    BUILD.published[rel] = raw
    files.append(File.generated(config, rel, content=raw))


def _add_schema_nav(config: MkDocsConfig) -> None:
    """Turn the nav entry of the schema index into a section that lists every schema page."""
    entries: list[Any] = [SCHEMA_NAV_ENTRY, *({s.label: s.page} for s in BUILD.schemas.ordered())]

    def replace(items: list[Any]) -> bool:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for title, value in item.items():
                if value == SCHEMA_NAV_ENTRY:
                    items[i] = {title: entries}
                    return True
                if isinstance(value, list) and replace(value):
                    return True
        return False

    if not replace(config.nav or []):
        raise PluginError(f"mkdocs.yml nav has no entry for {SCHEMA_NAV_ENTRY}")
