"""All rules, looked up by code or name.

Modules are imported explicitly (no entry-point scan) so the set of rules is fixed by the
installed version and the order of imports cannot change the results.
"""

from __future__ import annotations

import functools

from datacard_lint.rules.base import Reading, Rule, defined_rules

#: One module per requirement, plus the card file, the schema, Hub metadata and general rules.
RULE_MODULES = (
    "file",
    "schema",
    "hub",
    "origin",
    "purpose",
    "verification",
    "renewal",
    "lineage",
    "tail_evaluations",
    "contamination",
    "public_evidence",
    "general",
    "disclosure",
    "card_body",
    "generated_content",
    "croissant_requirements",
)

#: Renamed rules keep working in configurations and suppressions (old -> new).
REDIRECTS: dict[str, str] = {}


@functools.cache
def _load() -> tuple[dict[str, Rule], dict[str, Rule]]:
    import importlib

    for module in RULE_MODULES:
        importlib.import_module(f"datacard_lint.rules.{module}")
    by_code: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for item in defined_rules():
        if item.code in by_code or item.name in by_name:
            raise RuntimeError(f"rule defined twice: {item.code} {item.name}")
        by_code[item.code] = item
        by_name[item.name] = item
    return by_code, by_name


def all_rules() -> list[Rule]:
    by_code, _ = _load()
    return [by_code[code] for code in sorted(by_code)]


def get(code_or_name: str) -> Rule:
    """A rule by code (`DCL101`), name (`origin-shares-do-not-sum`) or a redirected old code."""
    by_code, by_name = _load()
    key = REDIRECTS.get(code_or_name, code_or_name)
    if key.upper() in by_code:
        return by_code[key.upper()]
    if key in by_name:
        return by_name[key]
    raise KeyError(code_or_name)


def codes() -> frozenset[str]:
    return frozenset(_load()[0])


def codes_reading(reading: Reading) -> frozenset[str]:
    """The loader codes that mean `reading` for the card's metadata (see `Rule.reading`)."""
    return frozenset(r.code for r in _load()[0].values() if r.reading == reading)
