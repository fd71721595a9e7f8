"""The text of a new governance block: inferred facts filled in, the rest marked TODO.

Every placeholder contains the string TODO, so `check` reports it (DCL906) until a person
replaces it; placeholders in enum or number fields also fail schema validation, so a card
cannot pass by accident. Allowed values are listed in comments, read from the bundled
schema so they never drift from it.
"""

from __future__ import annotations

from typing import Any

from datacard_lint._meta import GOVERNANCE_KEY, SITE_URL
from datacard_lint.authoring.infer import Config, Inferred, slug
from datacard_lint.authoring.yamltext import CommentLine, Noted, lines
from datacard_lint.schemas.store import governance_schema

TODO = "TODO"
SCHEMA_VERSION = "1.0"
#: Versions `init` can write: 1.0 (the default) and 1.1 (statement, dataset, lists of purposes).
SCHEMA_VERSIONS = ("1.0", "1.1")
GUIDE_URL = f"{SITE_URL}guide/authoring/"


def block_lines(inferred: Inferred, schema_version: str = SCHEMA_VERSION) -> list[str]:
    """The block as lines without line breaks, starting with `governance:` at column 0."""
    if schema_version not in SCHEMA_VERSIONS:
        raise ValueError(f"unknown schema version {schema_version!r}")
    minor = int(schema_version.split(".")[1])
    body: dict[Any, Any] = {
        CommentLine(f"Added by `datacard-lint init`. Replace every {TODO}; `datacard-lint check` lists those left."):
            None,
        CommentLine(f"Guide: {GUIDE_URL}"): None,
        "schema_version": schema_version,
    }
    if minor >= 1:
        body[CommentLine("A fact the producer did not publish can be `undisclosed` (a share, a size, a model,")] = None
        body[CommentLine("a revision, the parents, the lawful basis): it is neither an error nor a TODO.")] = None
        body["statement"] = {"by": Noted(TODO, _choices(minor, "statement", "properties", "by"))}
        body["dataset"] = {"role": Noted(TODO, _choices(minor, "datasetSummary", "properties", "role"))}
    body["parts"] = _parts(inferred, minor)
    if inferred.languages:
        body["tail_evaluations"] = Noted(_tail_evaluations(inferred.languages), "one per language the card lists")
    body[CommentLine("Still to document: renewal, contamination_checks, and each part's contamination")] = None
    body[CommentLine("and public_evidence; or list a requirement under not_applicable with a reason.")] = None
    return lines({GOVERNANCE_KEY: body})


def skeleton_body(title: str) -> str:
    """The Markdown body of a card created from nothing (LF line breaks)."""
    return (
        f"\n# {title}\n\n"
        "<!-- Describe the dataset: what it contains, how it was made, and how to use it. -->\n"
    )


def _choices(minor: int, *path: str) -> str:
    """The allowed values at `path` under `$defs` of the schema of version 1.`minor`."""
    defs: Any = governance_schema(1, minor)["$defs"]
    node: Any = defs
    for step in path:
        node = node[step]
    return "one of: " + ", ".join(_enum(node, defs))


def _enum(node: Any, defs: Any) -> list[str]:
    """The enum of a subschema, through `$ref` and the first alternative that has one."""
    if "enum" in node:
        return [str(value) for value in node["enum"]]
    if "$ref" in node:
        return _enum(defs[str(node["$ref"]).rsplit("/", 1)[-1]], defs)
    for option in node.get("anyOf", []):
        found = _enum(option, defs)
        if found:
            return found
    return []


def _parts(inferred: Inferred, minor: int) -> list[Any]:
    configs = inferred.configs or (Config(""),)
    total = _total_rows(configs)
    unnamed = "generated" if inferred.synthetic else "main"
    ids = _unique_ids([slug(c.name) if c.name else unnamed for c in configs])
    parts: list[Any] = []
    for part_id, config in zip(ids, configs, strict=True):
        part: dict[str, Any] = {"id": part_id}
        if inferred.configs:
            part["config_name"] = config.name
        if config.rows is not None:
            part["size"] = Noted({"rows": config.rows}, "from dataset_info")
        part["share"] = _share(config, len(configs), total)
        part["origin"] = _origin(inferred, minor)
        if inferred.synthetic:
            purpose = {
                "category": Noted(TODO, _choices(minor, "purpose", "properties", "category")),
                "statement": f"{TODO}: why was this part generated?",
            }
            # From 1.1 a part may serve several purposes, each with its statement.
            part["purpose"] = Noted([purpose], "one entry per purpose") if minor >= 1 else purpose
            part["verification"] = {
                "domain": Noted(TODO, _choices(minor, "verification", "properties", "domain")),
                "methods": [{"method": Noted(TODO, _choices(minor, "verificationMethod", "properties", "method"))}],
            }
        parts.append(part)
    return parts


def _share(config: Config, count: int, total: int | None) -> Any:
    if count == 1:
        return 1.0
    if total and config.rows is not None:
        # Configs may overlap (an `all` config, say), so the user confirms the number.
        hint = f"dataset_info: {config.rows:,} of {total:,} rows = {config.rows / total:.4g}, if configs do not overlap"
        return Noted(TODO, hint)
    return Noted(TODO, "a number from 0 to 1: this part's share of the whole dataset")


def _total_rows(configs: tuple[Config, ...]) -> int | None:
    if any(c.rows is None for c in configs):
        return None
    return sum(c.rows or 0 for c in configs)


def _origin(inferred: Inferred, minor: int) -> Any:
    origin: dict[str, Any]
    if inferred.synthetic:
        revision: Any = TODO
        if minor >= 1:
            revision = Noted(TODO, "a commit or tag; for an API model, `snapshot:` its dated name instead")
        origin = {
            "class": "model_generated",
            "generators": [{"model": f"{TODO}: generator model id", "revision": revision}],
        }
    else:
        origin = {"class": Noted(TODO, _choices(minor, "origin", "properties", "class"))}
    if inferred.source_datasets:
        origin["source_datasets"] = list(inferred.source_datasets)
    if inferred.synthetic:
        because = "; ".join(inferred.synthetic_evidence)
        return Noted(origin, f"inferred from {because}; change the class if this part is not generated")
    return origin


def _tail_evaluations(languages: tuple[str, ...]) -> list[Any]:
    return [
        {
            "axis": "language",
            "slice": code,
            "metric": f"{TODO}: metric name",
            "value": Noted(TODO, "a number"),
        }
        for code in languages
    ]


def _unique_ids(ids: list[str]) -> list[str]:
    """Config names such as `A` and `a` slugify alike; part ids must stay unique."""
    seen: set[str] = set()
    out: list[str] = []
    for base in ids:
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base}-{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out
