"""The built docs site: schemas served at their `$id`, one page per rule, no broken links."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from datacard_lint._meta import SITE_URL

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = sorted((ROOT / "schema").rglob("*.schema.json"))
LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src")}


def published_path(schema_file: Path) -> str:
    schema_id = json.loads(schema_file.read_bytes())["$id"]
    assert schema_id.startswith(SITE_URL), f"{schema_file}: $id {schema_id} is not under {SITE_URL}"
    return schema_id[len(SITE_URL) :]


def test_site_url_is_the_one_in_meta() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_url"] == SITE_URL


def test_governance_schema_served_at_its_id(site: Path) -> None:
    source = ROOT / "schema" / "v1" / "governance.schema.json"
    assert published_path(source) == "schema/v1/governance.schema.json"
    built = site / "schema" / "v1" / "governance.schema.json"
    assert built.read_bytes() == source.read_bytes()
    assert (site / "schema" / "latest" / "governance.schema.json").read_bytes() == source.read_bytes()


@pytest.mark.parametrize("schema_file", SCHEMAS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_schema_served_byte_identical(site: Path, schema_file: Path) -> None:
    built = site / published_path(schema_file)
    assert built.is_file(), f"{built} missing"
    assert built.read_bytes() == schema_file.read_bytes()


def test_latest_alias_is_newest_major(site: Path) -> None:
    families: dict[str, tuple[int, Path]] = {}
    for schema_file in SCHEMAS:
        rel = published_path(schema_file)
        match = re.search(r"(^|/)v(\d+)/", rel)
        if match is None:  # unversioned files (such as the profile schema) have no alias
            continue
        if re.search(r"-\d+\.\d+\.schema\.json$", rel):  # a frozen minor (governance-1.0) has none either
            assert not (site / (rel[: match.start(2) - 1] + "latest/" + rel[match.end() :])).exists()
            continue
        family = rel[: match.start(2) - 1] + "latest/" + rel[match.end() :]
        major = int(match.group(2))
        if family not in families or major > families[family][0]:
            families[family] = (major, schema_file)
    for family, (_, newest) in families.items():
        assert (site / family).read_bytes() == newest.read_bytes(), family


def test_a_page_per_registered_rule(site: Path) -> None:
    from datacard_lint.rules.registry import all_rules

    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    rules = all_rules()
    assert rules
    for rule in rules:
        page = site / "rules" / rule.code / "index.html"
        assert page.is_file(), f"no page for {rule.code}"
        html = page.read_text(encoding="utf-8")
        assert f"{rule.code} {rule.name}" in html
        for heading in ("Why it matters", "Failing example", "Passing example", "How to fix", "Options"):
            assert heading in html, f"{rule.code}: section {heading!r} missing"
        assert f'href="{rule.code}/"' in index, f"rules index does not link {rule.code}"


def test_reference_pages_are_generated(site: Path) -> None:
    import click

    from datacard_lint.cli.main import cli

    cli_page = (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    for name in cli.list_commands(click.Context(cli)):
        assert f"datacard-lint {name}" in cli_page, name
    scoring = (site / "reference" / "scoring" / "index.html").read_text(encoding="utf-8")
    profiles = [p for p in (ROOT / "schema" / "profiles").glob("*.json") if not p.name.endswith(".schema.json")]
    assert profiles
    for profile in sorted(profiles):
        name = json.loads(profile.read_text(encoding="utf-8")).get("name", profile.stem)
        assert f"profile-{name}" in scoring, name
    for schema_file in SCHEMAS:
        page = site / "reference" / published_path(schema_file).removesuffix(".schema.json") / "index.html"
        assert page.is_file(), page


# --------------------------------------------------------------------------- links


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS:
                self.links.append(value)


def _parse_site(site: Path) -> dict[str, _Page]:
    pages = {}
    for html in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html.relative_to(site).as_posix()] = parser
    return pages


def _resolve(site: Path, page: str, link: str) -> tuple[str | None, str]:
    """Site-relative file a link points to (None if it leaves the site) and its fragment."""
    parts = urlsplit(link)
    target = unquote(parts.path)
    if not target:
        return page, unquote(parts.fragment)
    base_path = urlsplit(SITE_URL).path  # the site is served below this path
    if target.startswith("/"):
        if not target.startswith(base_path):
            return None, ""
        joined = target[len(base_path) :]
    else:
        joined = posixpath.join(posixpath.dirname(page), target)
    resolved = posixpath.normpath(joined)
    if resolved.startswith(".."):
        return None, ""
    resolved = "" if resolved == "." else resolved
    if target.endswith("/") or (site / resolved).is_dir():
        resolved = posixpath.join(resolved, "index.html")
    return resolved, unquote(parts.fragment)


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    pages = _parse_site(site)
    assert "index.html" in pages
    broken = []
    checked = 0
    for page, parsed in pages.items():
        for link in parsed.links:
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", link):  # external, mailto:, data:, ...
                continue
            target, fragment = _resolve(site, page, link)
            checked += 1
            if target is None or not (site / target).is_file():
                broken.append(f"{page}: {link} -> missing file {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page}: {link} -> no id {fragment!r} in {target}")
            elif fragment and target not in pages:
                broken.append(f"{page}: {link} -> fragment on a non-HTML file")
    assert checked > 100
    assert not broken, "\n".join(broken[:50])
