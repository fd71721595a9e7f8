"""Project-wide constants that several layers and the docs site must agree on."""

from __future__ import annotations

#: The published documentation site. Schema `$id`s, rule help URIs and the SARIF
#: `informationUri` all derive from this one value (mkdocs.yml `site_url` must match;
#: a test checks it).
SITE_URL = "https://datacard-lint.github.io/datacard-lint/"

#: The top-level front-matter key that holds the governance block.
GOVERNANCE_KEY = "governance"


def rule_url(code: str) -> str:
    """Docs page of one rule."""
    return f"{SITE_URL}rules/{code}/"
