"""A new user reaches a failing rule's page and its fix from the home page in three clicks."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import yaml

from datacard_lint.rules.registry import all_rules

_HREF = re.compile(r'href="([^"#]*)(#[^"]*)?"')


def _links(page: Path, site: Path) -> set[Path]:
    html = page.read_text(encoding="utf-8")
    base = "/" + page.relative_to(site).as_posix()
    found: set[Path] = set()
    for href, _ in _HREF.findall(html):
        if not href or "://" in href or href.startswith("mailto:"):
            continue
        target = site / urljoin(base, href).lstrip("/")
        found.add(target / "index.html" if target.is_dir() or href.endswith("/") else target)
    return found


def test_home_to_rule_fix_in_three_clicks(site: Path) -> None:
    home = site / "index.html"
    rules_index = site / "rules" / "index.html"
    assert rules_index in _links(home, site)  # click 1: "Rules" in the navigation
    rule = all_rules()[0]
    rule_page = site / "rules" / rule.code / "index.html"
    assert rule_page in _links(rules_index, site)  # click 2: the rule's row in the index
    html = rule_page.read_text(encoding="utf-8")
    assert 'id="how-to-fix"' in html  # click 3 (or a scroll): the fix on that page
    assert rule.name in html


def test_the_docs_workflow_builds_strictly_and_deploys_pages() -> None:
    workflow = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8")
    )
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert any("mkdocs build --strict" in run for run in steps)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert set(workflow[True]["push"]["branches"]) == {"main"}  # YAML 1.1 reads `on:` as True
