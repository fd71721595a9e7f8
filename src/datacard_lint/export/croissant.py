"""Croissant 1.1 JSON-LD with the Croissant RAI vocabulary and W3C PROV, from one card.

What maps where is documented in docs/guide/exports.md and docs/guide/croissant-rai.md. In
short: Hub metadata fills the schema.org core (name, description, license, inLanguage,
keywords) and the distribution (one FileSet per config and split of `configs[].data_files`);
the governance block fills RAI properties (named as in `croissant_rai.ttl`, plus the
track's `rai:hasSyntheticData` and `rai:syntheticDataExplanation`) and PROV
(`prov:wasDerivedFrom` for the parents, `prov:wasGeneratedBy` for each generated or crawled
part, `prov:wasAttributedTo` for the generating models). Facts Croissant has no property
for (shares, origin classes, sizes, AI-content labels, tail evaluations, contamination
checks, processing steps) go under the `dcl:` extension terms (see croissant_vocab).

No RecordSet is written: a card does not describe the columns of its files reliably enough
to promise a record structure. To get one, merge into the Croissant file the Hub generates
(`--base`, see croissant_merge), which keeps its record sets as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from datacard_lint.export import croissant_parts as parts_
from datacard_lint.export._card import (
    CardView,
    PartView,
    mappings,
    percent,
    period,
    sections_matching,
    strings,
    text,
)
from datacard_lint.export.croissant_vocab import (
    CONTEXT_ADDITIONS,
    CROISSANT_1_1,
    CROISSANT_RAI_1_0,
    HAS_SYNTHETIC_DATA,
    PARTS,
    SYNTHETIC_DATA_EXPLANATION,
)
from datacard_lint.export.licenses import spdx_url
from datacard_lint.governance.view import GeneratorView

CROISSANT = CROISSANT_1_1
CROISSANT_RAI = CROISSANT_RAI_1_0
HUB = "https://huggingface.co/"

#: The Croissant 1.1 context (as mlcroissant writes it), plus the PROV namespace.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "prov": "http://www.w3.org/ns/prov#",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
    **CONTEXT_ADDITIONS,
}

#: File extensions to MIME types, for FileSet `encodingFormat` (required by Croissant).
ENCODINGS = {
    ".parquet": "application/x-parquet",
    ".jsonl": "application/jsonlines",
    ".jsonl.gz": "application/jsonlines",
    ".json": "application/json",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".txt": "text/plain",
    ".arrow": "application/vnd.apache.arrow.file",
    ".zip": "application/zip",
    ".tar": "application/x-tar",
    ".tar.gz": "application/x-gzip",
    ".gz": "application/gzip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".flac": "audio/flac",
    ".mp4": "video/mp4",
    ".xml": "application/xml",
}

#: Our origin classes to the RAI spec's recommended `dataCollectionType` values. Synthetic
#: classes have no recommended value; they map to "Others" and are described in text.
COLLECTION_TYPES = {
    "direct_human_record": "Manual Human Curator",
    "licensed_corpus": "Secondary Data analysis",
    "public_web_crawl": "Web Scraping",
    "benchmark_material": "Secondary Data analysis",
    "simulation": "Others",
    "model_generated": "Others",
    "human_edited_model_output": "Others",
    "generated_preference_label": "Others",
    "human_label_on_model_output": "Others",
    "algorithmic_generation": "Others",
    "other": "Others",
}

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._/-]+")


def to_croissant(view: CardView, *, hub_id: str | None = None, fallback_name: str = "dataset") -> dict[str, Any]:
    """The JSON-LD document for one card. `hub_id` (OWNER/NAME) sets `url` and file URLs."""
    meta = view.meta
    name = text(meta.get("pretty_name")) or (hub_id.split("/")[-1] if hub_id else None) or fallback_name
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": [CROISSANT, CROISSANT_RAI],
        "name": name,
        "description": view.summary() or f"Dataset card of {name}.",
    }
    if hub_id:
        doc["url"] = f"{HUB}datasets/{hub_id}"
    licence = _licence(view)
    if licence:
        doc["license"] = licence
    languages = [code for code in view.hub("language") if code not in {"multilingual", "code", "unknown"}]
    if languages:
        doc["inLanguage"] = languages
    keywords = view.hub("tags") + view.hub("task_categories")
    if keywords:
        doc["keywords"] = list(dict.fromkeys(keywords))
    last_refresh = _date_text(view.renewal.last_refresh)
    if last_refresh:
        doc["dateModified"] = last_refresh
    doc.update(_rai(view))
    doc.update(_synthetic(view))
    doc.update(_provenance(view, hub_id))
    doc.update(_extension(view))
    distribution = _distribution(view, hub_id)
    if distribution:
        doc["distribution"] = distribution
    return doc


def _date_text(value: object) -> str | None:
    from datacard_lint.export._card import date

    return date(value)


def _licence(view: CardView) -> list[Any] | str | dict[str, Any] | None:
    meta = view.meta
    values: list[Any] = []
    for hub_licence in view.hub("license"):
        url = spdx_url(hub_licence)
        if url:
            values.append(url)
            continue
        work: dict[str, Any] = {"@type": "sc:CreativeWork", "name": text(meta.get("license_name")) or hub_licence}
        link = text(meta.get("license_link"))
        if link and link.startswith(("http://", "https://")):
            work["url"] = link
        values.append(work)
    if not values:
        return None
    return values[0] if len(values) == 1 else values


# ---------------------------------------------------------------- RAI


def _part_line(part: PartView, body: str | None) -> str:
    facts = ", ".join(x for x in (part.origin_class, part.share_text) if x)
    return f"Part `{part.id}` ({facts}): {body}" if body else f"Part `{part.id}` ({facts})."


def _generator_text(generator: GeneratorView) -> str:
    role = text(generator.role)
    return parts_.generator_label(generator) + (f" ({role})" if role else "")


def _collection(part: PartView) -> str | None:
    pieces = [part.description or "", text(part.origin.description) or ""]
    generators = part.generators
    if generators:
        pieces.append("Generated with " + ", ".join(_generator_text(g) for g in generators) + ".")
    seed = text(part.origin.seed_text)
    if seed:
        pieces.append(f"Seeds: {seed}")
    size = parts_.size_phrase(part.size)
    if size:
        pieces.append(f"Size: {size}.")
    label = parts_.label_sentence(part)
    if label:
        pieces.append(label)
    joined = " ".join(p if p.endswith(".") or not p else p + "." for p in pieces if p)
    return _part_line(part, joined) if joined else None


def _rai(view: CardView) -> dict[str, Any]:
    parts = view.parts
    sections = view.body_sections()
    rai: dict[str, Any] = {}

    # A part with nothing but its class and share says nothing about how it was collected.
    collection = [line for p in parts if (line := _collection(p))]
    collection += sections_matching(sections, "data collection", "collection process", "source data")
    if collection:
        rai["rai:dataCollection"] = "\n\n".join(collection)

    types = [kind for p in parts for kind in _collection_types(p)]
    if types:
        rai["rai:dataCollectionType"] = list(dict.fromkeys(types))

    frames = []
    for p in parts:
        start, end = period(p.origin.period)
        if start or end:
            frames.append(f"{start or '..'}/{end or '..'}")
    start, end = period(view.fresh_data.period)
    if start or end:
        frames.append(f"{start or '..'}/{end or '..'}")
    if frames:
        rai["rai:dataCollectionTimeframe"] = list(dict.fromkeys(frames))

    raw = []
    for p in parts:
        sources = p.origin.sources
        if sources:
            raw.append(f"Part `{p.id}` was drawn or derived from {', '.join(sources)}.")
    raw += [f"Hub source_datasets: {', '.join(view.hub('source_datasets'))}."] if view.hub("source_datasets") else []
    if raw:
        rai["rai:dataCollectionRawData"] = " ".join(raw)

    preprocessing = (list(parts_.processing_lines(view)) + list(_verification_lines(parts))
                     + list(_contamination_check_lines(view)))
    if preprocessing:
        rai["rai:dataPreprocessingProtocol"] = preprocessing

    annotation = []
    creators = view.hub("annotations_creators")
    if creators:
        annotation.append(f"Annotations created by: {', '.join(creators)} (Hub annotations_creators).")
    for p in parts:
        labelers = [g for g in p.generators if text(g.role) in {"labeler", "judge"}]
        if p.origin_class == "generated_preference_label" or labelers:
            who = ", ".join(_generator_text(g) for g in labelers) or "a model"
            annotation.append(f"Part `{p.id}`: labels or judgements assigned by {who}.")
    if annotation:
        rai["rai:dataAnnotationProtocol"] = " ".join(annotation)
    tools = [_generator_text(g) for p in parts for g in p.generators if text(g.role) in {"labeler", "judge"}]
    if tools:
        rai["rai:machineAnnotationTools"] = list(dict.fromkeys(tools))

    biases = list(_tail_lines(view)) + sections_matching(sections, "bias")
    if biases:
        rai["rai:dataBiases"] = biases

    limitations = list(_limitation_lines(view)) + sections_matching(sections, "limitation", "known issue")
    if limitations:
        rai["rai:dataLimitations"] = limitations

    uses = [line for p in parts for line in _use_lines(p)]
    uses += sections_matching(sections, "uses", "use cases", "intended use")
    if uses:
        rai["rai:dataUseCases"] = uses

    sensitive = sections_matching(sections, "personal and sensitive", "sensitive information", "personal information")
    fresh = view.fresh_data
    basis = text(fresh.lawful_basis.raw)
    if basis in {"not_personal_data", "public_domain"}:
        sensitive.append(f"The producer states that the fresh data of this release is {basis.replace('_', ' ')} "
                         "(renewal.fresh_data.lawful_basis).")
    elif basis:
        consent = text(fresh.consent_documentation_text)
        sensitive.append(f"Fresh data collected on the lawful basis `{basis}`"
                         + (f"; documentation: {consent}." if consent else "."))
    if sensitive:
        rai["rai:personalSensitiveInformation"] = sensitive

    plan = list(_maintenance_lines(view))
    if plan:  # one text: mlcroissant reads this property with cardinality ONE
        rai["rai:dataReleaseMaintenancePlan"] = " ".join(plan)
    impact = sections_matching(sections, "social impact")
    if impact:
        rai["rai:dataSocialImpact"] = "\n\n".join(impact)
    return rai


def _use_lines(part: PartView) -> Iterable[str]:
    for purpose in part.purposes:
        statement = text(purpose.raw_statement)
        if statement:
            yield f"Part `{part.id}` ({text(purpose.raw_category) or 'purpose'}): {statement}"


def _collection_types(part: PartView) -> list[str]:
    """The RAI collection types of a part (one per source of a mixed part)."""
    surveyed = "survey_response" in part.public_evidence.kinds_list
    return ["Surveys" if klass == "direct_human_record" and surveyed else COLLECTION_TYPES[klass]
            for klass in part.classes if klass in COLLECTION_TYPES]


def _verification_lines(parts: Iterable[PartView]) -> Iterable[str]:
    for p in parts:
        for method in p.part.methods:
            name = text(method.method)
            if not name:
                continue
            tool = " ".join(x for x in (text(method.tool), text(method.tool_version)) if x)
            facts = []
            if method.sample_size is not None:
                facts.append(f"sample {method.sample_size}")
            if method.pass_rate is not None:
                facts.append(f"pass rate {method.pass_rate}")
            if method.rate("reject_rate") is not None:
                facts.append(f"reject rate {method.rate('reject_rate')}")
            line = f"Part `{p.id}` verified by {name}" + (f" ({tool})" if tool else "")
            line += (": " + ", ".join(facts)) if facts else ""
            notes = text(method.notes)
            yield line + (f". {notes}" if notes else ".")
        verification = p.part.verification
        reason = text(verification.reason_text) if verification is not None else None
        if reason:
            yield f"Part `{p.id}`: {reason}"


def _contamination_check_lines(view: CardView) -> Iterable[str]:
    for check in view.contamination_checks:
        benchmarks = check.benchmarks
        method = text(check.method_text)
        if not benchmarks or not method:
            continue
        result = text(check.result)
        action = text(check.action)
        yield (f"Benchmark contamination check against {', '.join(benchmarks)} by {method}"
               + (f" (action: {action})" if action else "") + (f": {result}" if result else "."))


def _tail_lines(view: CardView) -> Iterable[str]:
    """Slices below their baseline one by one, then the slices at or above it in one line."""
    holding = []
    for evaluation in view.tail_evaluations:
        axis, slice_, metric = (text(v) for v in (evaluation.raw_axis, evaluation.raw_slice, evaluation.raw_metric))
        value = evaluation.value
        base = evaluation.baseline_value
        if not (axis and slice_ and metric) or value is None or base is None:
            continue
        lower_is_better = evaluation.higher_is_better is False
        worse = value > base if lower_is_better else value < base
        if not worse:
            holding.append(f"{axis} `{slice_}` {metric} {value:g} against {base:g}")
            continue
        against = text(evaluation.baseline_label) or "the baseline"
        word = "Higher" if lower_is_better else "Lower"
        yield f"{word} {metric} on the {axis} slice `{slice_}`: {value} against {base} ({against})."
    if holding:
        yield "Tail evaluations at or better than their baseline: " + "; ".join(holding) + "."


def _limitation_lines(view: CardView) -> Iterable[str]:
    for p in view.parts:
        label = p.contamination
        share = label.estimated_ai_share
        if share is not None:
            method = text(label.estimate_method_text)
            yield f"An estimated {percent(share)} of part `{p.id}` is machine-written." + (
                f" Estimate: {method}" if method else "")
        evidence = p.public_evidence
        if evidence.synthetic.value is True:
            disclosure = text(evidence.disclosure_text)
            kinds = ", ".join(evidence.kinds_list) or "unspecified kinds"
            ending = f": {disclosure}" if disclosure else "."
            yield f"Part `{p.id}` holds synthetic public evidence ({kinds}){ending}"
    generation = view.generation
    grounded = view.grounded_share
    synthetic = [p for p in view.parts if parts_.is_synthetic(p)]
    if generation is not None and generation >= 1:
        yield (f"Generation {generation} in a chain of model-generated data"
               + (f"; {percent(grounded)} of this release is fresh grounded data." if grounded is not None else "."))
    elif synthetic and grounded is not None:
        yield f"{percent(grounded)} of this release is fresh grounded data."


def _maintenance_lines(view: CardView) -> Iterable[str]:
    renewal = view.renewal
    cadence = text(renewal.cadence_raw)
    refresh = _date_text(renewal.last_refresh)
    if cadence:
        yield (f"Fresh grounded data is added on the cadence `{cadence}`"
               + (f"; last refresh {refresh}." if refresh else "."))
    elif refresh:
        yield f"Last refresh {refresh}."
    opt_out = text(view.fresh_data.opt_out)
    if opt_out:
        yield f"Withdrawal: {opt_out}"


def _synthetic(view: CardView) -> dict[str, Any]:
    found: dict[str, Any] = {}
    verdict = parts_.has_synthetic_data(view)
    if verdict is not None:
        found[HAS_SYNTHETIC_DATA] = verdict
    explanation = parts_.synthetic_explanation(view)
    if explanation:
        found[SYNTHETIC_DATA_EXPLANATION] = explanation
    return found


def _extension(view: CardView) -> dict[str, Any]:
    """The facts Croissant has no property for, under the `dcl:` terms."""
    found: dict[str, Any] = {}
    entities = parts_.part_entities(view, _activity, _hub_url)
    if entities:
        found[PARTS] = entities
    if view.dataset_size:
        found["dcl:size"] = view.dataset_size
    if view.grounded_share is not None:
        found["dcl:groundedShare"] = view.grounded_share
    hidden = view.undisclosed
    if hidden:
        found["dcl:undisclosed"] = hidden
    if view.generation is not None:
        found["dcl:generation"] = view.generation
    for key, records in (("dcl:tailEvaluations", parts_.tail_evaluation_records(view)),
                         ("dcl:contaminationChecks", parts_.check_records(view)),
                         ("dcl:processing", parts_.processing_records(view))):
        if records:
            found[key] = records
    return found


# ---------------------------------------------------------------- PROV


def _hub_url(kind: str, identifier: str, revision: str | None) -> str | None:
    if not _HUB_ID.match(identifier):
        return None
    prefix = f"{HUB}datasets/" if kind == "dataset" else HUB
    return f"{prefix}{identifier}" + (f"/tree/{revision}" if revision else "")


def _agent(generator: GeneratorView) -> dict[str, Any]:
    model = parts_.model_name(generator)
    return parts_.agent(generator, _hub_url("model", model, text(generator.build)) if model else None)


def _provenance(view: CardView, hub_id: str | None) -> dict[str, Any]:
    prov: dict[str, Any] = {}
    derived = []
    for parent in view.renewal.parents:
        identifier, path = text(parent.id), text(parent.local_path)
        revision = text(parent.revision)
        entity: dict[str, Any] = {"@type": "prov:Entity"}
        url = _hub_url("dataset", identifier, revision) if identifier else None
        if url:
            entity["@id"] = url
        elif path and path.startswith(("http://", "https://")):
            entity["@id"] = path
        entity["prov:label"] = (identifier or path or "parent") + (f"@{revision}" if revision else "")
        derived.append(entity)
    if derived:
        prov["prov:wasDerivedFrom"] = derived

    activities = [activity for p in view.parts if (activity := _activity(p))]
    if activities:
        prov["prov:wasGeneratedBy"] = activities

    agents: dict[str, dict[str, Any]] = {}
    for p in view.parts:
        if set(p.classes) & parts_.MODEL_MADE:
            for generator in p.generators:
                agent = _agent(generator)
                agents.setdefault(agent["prov:label"], agent)
    if agents:
        prov["prov:wasAttributedTo"] = list(agents.values())
    return prov


def _activity(part: PartView) -> dict[str, Any] | None:
    klass = part.origin_class
    if not parts_.is_synthetic(part) and klass != "public_web_crawl":
        return None
    verb = "Web crawl" if klass == "public_web_crawl" else "Generation"
    activity: dict[str, Any] = {"@type": "prov:Activity", "prov:label": f"{verb} of part `{part.id}` ({klass})"}
    start, end = period(part.origin.period)
    if start:
        activity["prov:startedAtTime"] = start
    if end:
        activity["prov:endedAtTime"] = end
    if part.generators:
        activity["prov:wasAssociatedWith"] = [_agent(g) for g in part.generators]
    seed = text(part.origin.seed_text)
    used = [{"@type": "prov:Entity", "prov:label": s} for s in part.origin.sources]
    if seed:
        used.append({"@type": "prov:Entity", "prov:label": seed})
    if used:
        activity["prov:used"] = used
    return activity


# ---------------------------------------------------------------- distribution


def encoding_of(pattern: str) -> str:
    lowered = pattern.lower()
    for suffix in sorted(ENCODINGS, key=len, reverse=True):
        if lowered.endswith(suffix) or lowered.endswith(suffix + "*"):
            return ENCODINGS[suffix]
    return "application/octet-stream"


def _file_patterns(data_files: object) -> list[tuple[str | None, list[str]]]:
    """(split, patterns) pairs from a `data_files` value in any of the Hub's spellings."""
    if isinstance(data_files, str) or (isinstance(data_files, list) and all(isinstance(x, str) for x in data_files)):
        return [(None, strings(data_files))]
    found: list[tuple[str | None, list[str]]] = []
    for entry in mappings(data_files):
        patterns = strings(entry.get("path"))
        if patterns:
            found.append((text(entry.get("split")), patterns))
    return found


def _safe_id(value: str) -> str:
    return _UNSAFE_ID.sub("-", value).strip("-") or "files"


def _distribution(view: CardView, hub_id: str | None) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = []
    if hub_id:
        files.append({
            "@type": "cr:FileObject",
            "@id": "repo",
            "name": "repo",
            "description": "The Hugging Face git repository of the dataset.",
            "contentUrl": f"{HUB}datasets/{hub_id}/tree/main",
            "encodingFormat": "git+https",
            "sha256": "main",
        })
    by_config = {p.config_name: p for p in view.parts if p.config_name}
    seen: set[str] = set()
    for config in mappings(view.meta.get("configs")):
        name = text(config.get("config_name"))
        if not name:
            continue
        for split, patterns in _file_patterns(config.get("data_files")):
            identifier = _safe_id(f"{name}/{split}" if split else name)
            while identifier in seen:
                identifier += "-1"
            seen.add(identifier)
            file_set: dict[str, Any] = {
                "@type": "cr:FileSet",
                "@id": identifier,
                "name": identifier,
                "description": f"Files of the `{name}` config" + (f", split `{split}`." if split else "."),
                "encodingFormat": encoding_of(patterns[0]),
                "includes": patterns if len(patterns) > 1 else patterns[0],
            }
            if hub_id:
                file_set["containedIn"] = {"@id": "repo"}
            part = by_config.get(name)
            if part is not None:
                file_set.update(_file_set_provenance(part))
            files.append(file_set)
    return files


def _file_set_provenance(part: PartView) -> dict[str, Any]:
    """Per-part provenance on the files bound to the part (Croissant's resource level)."""
    prov: dict[str, Any] = {}
    activity = _activity(part)
    if activity:
        prov["prov:wasGeneratedBy"] = activity
    if set(part.classes) & parts_.MODEL_MADE and part.generators:
        prov["prov:wasAttributedTo"] = [_agent(g) for g in part.generators]
    sources = part.origin.sources
    if sources:
        prov["prov:wasDerivedFrom"] = [{"@type": "prov:Entity", "prov:label": s} for s in sources]
    return prov
