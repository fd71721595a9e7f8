"""Draft a governance block from a Croissant file's RAI and PROV facts.

The reverse of `export --to croissant`. A file the export wrote carries each part as a
`prov:Entity` under `dct:hasPart` with its `dcl:` facts (class, share, size, AI-content
label, purpose), its generators as PROV software agents with versions, and the
dataset's parents, tail evaluations and contamination checks; all of those come back.
A file written by another tool usually has only `rai:hasSyntheticData` and dataset-level
PROV, so the draft has one part with what those say and TODO for the rest.

Nothing imported is taken as confirmed: the block opens with an `x-imported-from` key
whose value is a TODO, so `datacard-lint check` reports the draft (DCL906) until the author
has read it and deleted that key, and every fact carries a comment naming its source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from datacard_lint.authoring.yamltext import CommentLine, Noted
from datacard_lint.export.croissant_merge import expand
from datacard_lint.export.croissant_vocab import DCL_NAMESPACE, DCT_NAMESPACE, PROV_NAMESPACE, RAI_NAMESPACE

TODO = "TODO"
_HUB_DATASET = re.compile(r"^https://huggingface\.co/datasets/([\w.-]+/[\w.-]+)(?:/tree/([^/]+))?/?$")
_PART_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(slots=True)
class Draft:
    """The drafted block (for yamltext.lines) and what it was drafted from."""

    block: dict[Any, Any]
    facts: list[str] = field(default_factory=list)  # "3 parts from dct:hasPart", ...


class _Reader:
    """Property lookup by IRI, whatever prefix or term the file uses for it."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        context = document.get("@context")
        self.context: Mapping[str, Any] = context if isinstance(context, Mapping) else {}

    def get(self, node: object, namespace: str, name: str) -> Any:
        if not isinstance(node, Mapping):
            return None
        wanted = namespace + name
        for key, value in node.items():
            if isinstance(key, str) and expand(key, self.context) == wanted:
                return value
        return None

    def items(self, node: object, namespace: str, name: str) -> list[Any]:
        value = self.get(node, namespace, name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def text(self, node: object, namespace: str, name: str) -> str | None:
        value = self.get(node, namespace, name)
        if isinstance(value, Mapping):  # a language map or a value object
            value = value.get("@value") or value.get("en") or next(iter(value.values()), None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        return None


SCHEMA = "https://schema.org/"


def draft(document: Mapping[str, Any], source_name: str) -> Draft:
    """The governance block drafted from one Croissant document."""
    reader = _Reader(document)
    result = Draft({})
    body: dict[Any, Any] = {
        "x-imported-from": f"{TODO}: confirm every value drafted from {source_name}, then delete this key",
        CommentLine(f"Drafted by `datacard-lint import --from croissant {source_name}`; each value says where it"):
            None,
        CommentLine("came from. Check them against what you know; Croissant rarely states a part's share."): None,
        "schema_version": "1.1",
    }
    entities = [e for e in reader.items(document, DCT_NAMESPACE, "hasPart") if isinstance(e, Mapping)]
    parts = [_part(reader, e, i) for i, e in enumerate(entities)]
    if parts:
        result.facts.append(f"{len(parts)} part{'s' if len(parts) != 1 else ''} from dct:hasPart")
    else:
        parts = [_part_from_flags(reader, document, result)]
    body["parts"] = _unique(parts)
    renewal = _renewal(reader, document, result)
    if renewal:
        body["renewal"] = renewal
    for key, term in (("tail_evaluations", "tailEvaluations"), ("contamination_checks", "contaminationChecks")):
        records = [r for r in reader.items(document, DCL_NAMESPACE, term) if isinstance(r, Mapping)]
        if records:
            body[key] = Noted([dict(r) for r in records], f"from dcl:{term}")
            result.facts.append(f"{len(records)} {key.replace('_', ' ')} from dcl:{term}")
    result.block = {"governance": body}
    return result


def _part(reader: _Reader, entity: Mapping[str, Any], index: int) -> dict[str, Any]:
    name = reader.text(entity, SCHEMA, "name")
    part: dict[str, Any] = {"id": name if name and _PART_ID.match(name) else f"part-{index + 1}"}
    description = reader.text(entity, SCHEMA, "description")
    if description:
        part["description"] = description
    config = reader.text(entity, DCL_NAMESPACE, "configName")
    if config:
        part["config_name"] = config
    size = reader.get(entity, DCL_NAMESPACE, "size")
    if isinstance(size, Mapping) and size:
        part["size"] = dict(size)
    share = reader.get(entity, DCL_NAMESPACE, "share")
    if share == "undisclosed":
        part["share"] = Noted(share, "from dcl:share")
    elif isinstance(share, (int, float)) and not isinstance(share, bool) and 0 <= share <= 1:
        part["share"] = Noted(share, "from dcl:share")
        basis = reader.text(entity, DCL_NAMESPACE, "shareBasis")
        if basis and basis != "rows":
            part["share_basis"] = basis
    else:
        part["share"] = Noted(TODO, "a number from 0 to 1; the Croissant file does not state it")
    origin: dict[str, Any] = {}
    klass = reader.text(entity, DCL_NAMESPACE, "originClass")
    origin["class"] = Noted(klass, "from dcl:originClass") if klass else Noted(TODO, "origin class of this part")
    breakdown = [dict(b) for b in reader.items(entity, DCL_NAMESPACE, "breakdown") if isinstance(b, Mapping)]
    if breakdown:
        origin["breakdown"] = Noted(breakdown, "from dcl:breakdown")
    generators = [_generator(reader, a) for a in reader.items(entity, PROV_NAMESPACE, "wasAttributedTo")
                  if isinstance(a, Mapping)]
    if generators:
        origin["generators"] = Noted(generators, "from prov:wasAttributedTo")
    sources = [label for s in reader.items(entity, PROV_NAMESPACE, "wasDerivedFrom")
               if (label := reader.text(s, PROV_NAMESPACE, "label"))]
    if sources:
        origin["source_datasets"] = sources
    activity = reader.get(entity, PROV_NAMESPACE, "wasGeneratedBy")
    start = reader.text(activity, PROV_NAMESPACE, "startedAtTime")
    end = reader.text(activity, PROV_NAMESPACE, "endedAtTime")
    if start or end:
        origin["collection_period"] = {k: v[:10] for k, v in (("start", start), ("end", end)) if v}
    part["origin"] = origin
    purposes = [p for p in reader.items(entity, DCL_NAMESPACE, "purpose") if isinstance(p, Mapping)]
    if purposes:
        part["purpose"] = Noted(dict(purposes[0]) if len(purposes) == 1 else [dict(p) for p in purposes],
                                "from dcl:purpose")
    label = reader.get(entity, DCL_NAMESPACE, "aiContent")
    if isinstance(label, Mapping) and label:
        part["contamination"] = Noted(dict(label), "from dcl:aiContent")
    hidden = _hidden(reader, entity)
    for key, target in (("share", part), ("size", part), ("origin.class", origin)):
        if key in hidden:
            target[key.rsplit(".", 1)[-1]] = Noted(hidden[key], "from dcl:undisclosed")
    return part


def _hidden(reader: _Reader, node: object) -> dict[str, Any]:
    """Facts the producer did not publish, as the card wrote them (`dcl:undisclosed`)."""
    value = reader.get(node, DCL_NAMESPACE, "undisclosed")
    if not isinstance(value, Mapping):
        return {}
    return {k: v for k, v in value.items() if v == "undisclosed" or (isinstance(v, Mapping) and
                                                                    isinstance(v.get("undisclosed"), str))}


def _generator(reader: _Reader, agent_node: Mapping[str, Any]) -> dict[str, Any]:
    label = reader.text(agent_node, PROV_NAMESPACE, "label") or ""
    name = reader.text(agent_node, SCHEMA, "name")
    version = reader.text(agent_node, SCHEMA, "version")
    if not name:  # a label `model@revision` from another tool
        name, _, rest = label.partition("@")
        version = version or rest or None
    if reader.text(agent_node, DCL_NAMESPACE, "kind") == "algorithm":
        generator: dict[str, Any] = {"kind": "algorithm", "algorithm": name or f"{TODO}: algorithm name",
                                     "version": version or TODO}
    else:
        snapshot = reader.text(agent_node, DCL_NAMESPACE, "snapshot")
        generator = {"model": name or f"{TODO}: generator model id"}
        generator.update({"snapshot": snapshot} if snapshot else {"revision": version or TODO})
        for key in ("access", "terms"):
            if reader.text(agent_node, DCL_NAMESPACE, key):
                generator[key] = reader.text(agent_node, DCL_NAMESPACE, key)
    hidden = _hidden(reader, agent_node)
    for key in ("model", "revision"):
        if key in hidden and "kind" not in generator:
            generator[key] = dict(hidden[key]) if isinstance(hidden[key], Mapping) else hidden[key]
    provider = reader.text(reader.get(agent_node, PROV_NAMESPACE, "actedOnBehalfOf"), PROV_NAMESPACE, "label")
    if provider:
        generator["provider"] = provider
    role = reader.text(agent_node, DCL_NAMESPACE, "role")
    if role:
        generator["role"] = role
    return generator


def _part_from_flags(reader: _Reader, document: Mapping[str, Any], result: Draft) -> dict[str, Any]:
    """One part from `rai:hasSyntheticData` and the dataset-level PROV agents."""
    flag = reader.get(document, RAI_NAMESPACE, "hasSyntheticData")
    agents = [a for a in reader.items(document, PROV_NAMESPACE, "wasAttributedTo") if isinstance(a, Mapping)]
    software = [a for a in agents if "SoftwareAgent" in str(a.get("@type", ""))]
    part: dict[str, Any] = {"id": "generated" if flag is True else "main", "share": Noted(
        TODO, "a number from 0 to 1; 1.0 if this is the only part")}
    if flag is True:
        origin: dict[str, Any] = {"class": Noted("model_generated", "rai:hasSyntheticData is true; or "
                                                 "human_edited_model_output, generated_preference_label, simulation")}
        if software:
            origin["generators"] = Noted([_generator(reader, a) for a in software], "from prov:wasAttributedTo")
        else:
            origin["generators"] = [{"model": f"{TODO}: generator model id", "revision": TODO}]
        result.facts.append("one synthetic part from rai:hasSyntheticData")
    else:
        note = "rai:hasSyntheticData is false: a grounded class" if flag is False else "origin class of this part"
        origin = {"class": Noted(TODO, note)}
        result.facts.append("one part; the file has no per-part facts")
    explanation = reader.text(document, RAI_NAMESPACE, "syntheticDataExplanation")
    collection = reader.text(document, RAI_NAMESPACE, "dataCollection")
    if explanation or collection:
        origin["description"] = Noted(explanation or collection,
                                      "from rai:syntheticDataExplanation" if explanation else "from rai:dataCollection")
    part["origin"] = origin
    return part


def _renewal(reader: _Reader, document: Mapping[str, Any], result: Draft) -> dict[str, Any]:
    renewal: dict[str, Any] = {}
    grounded = reader.get(document, DCL_NAMESPACE, "groundedShare")
    hidden = _hidden(reader, document)
    if isinstance(grounded, (int, float)) and not isinstance(grounded, bool):
        renewal["grounded_share"] = Noted(grounded, "from dcl:groundedShare")
    elif "renewal.grounded_share" in hidden:
        renewal["grounded_share"] = Noted(hidden["renewal.grounded_share"], "from dcl:undisclosed")
    generation = reader.get(document, DCL_NAMESPACE, "generation")
    if isinstance(generation, int) and not isinstance(generation, bool):
        renewal["generation"] = Noted(generation, "from dcl:generation")
    parents = []
    for entity in reader.items(document, PROV_NAMESPACE, "wasDerivedFrom"):
        identifier = entity.get("@id") if isinstance(entity, Mapping) else entity if isinstance(entity, str) else None
        match = _HUB_DATASET.match(identifier) if isinstance(identifier, str) else None
        if match:
            parent: dict[str, Any] = {"id": match.group(1)}
            if match.group(2):
                parent["revision"] = match.group(2)
            parents.append(parent)
            continue
        label = reader.text(entity, PROV_NAMESPACE, "label") or (identifier if isinstance(identifier, str) else None)
        if label:
            name, _, revision = label.partition("@")
            parents.append({"path": name, **({"revision": revision} if revision else {})})
    if not parents and "renewal.parents" in hidden:
        renewal["parents"] = Noted(hidden["renewal.parents"], "from dcl:undisclosed")
    if parents:
        renewal["parents"] = Noted(parents, "from prov:wasDerivedFrom")
        result.facts.append(f"{len(parents)} parent{'s' if len(parents) != 1 else ''} from prov:wasDerivedFrom")
    return renewal


def _unique(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for part in parts:
        base, n = part["id"], 2
        while part["id"] in seen:
            part["id"], n = f"{base}-{n}", n + 1
        seen.add(part["id"])
    return parts
