"""The crawled-data (2.3) and synthetic-data (2.5) sections of the EU AI Act training-content
summary, filled from one dataset card.

The summary (Article 53(1)(d); template annexed to the Commission's Explanatory Notice of
July 2025) is written by a model provider, about all of a model's training data. A card
describes one dataset, so the export is the dataset's contribution to those two sections.
Every field the template asks for and the card cannot supply says so in the same words,
`NOT_DOCUMENTED`, so a reader can tell a gap in the card from an empty answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from datacard_lint.export._card import CardView, PartView, period, strings, text
from datacard_lint.export.croissant_parts import MODEL_MADE, model_name
from datacard_lint.governance.view import GeneratorView
from datacard_lint.governance.vocabulary import ALGORITHMIC_CLASSES

NOT_DOCUMENTED = "not documented in the card"
#: A fact the card marks `undisclosed` (schema 1.1): the producer did not publish it.
UNDISCLOSED = "undisclosed by the producer"
#: Classes whose content a program without a trained model produced: not AI-generated data.
_PROGRAM_MADE = ALGORITHMIC_CLASSES
TEMPLATE = ("Template for the public summary of training content of general-purpose AI models "
            "(annex to the Commission's Explanatory Notice, July 2025)")
#: The Hub's modality tags, in the template's words where they differ.
_MODALITIES = {"text": "text", "image": "image", "audio": "audio", "video": "video", "tabular": "other (tabular)",
               "timeseries": "other (time series)", "geospatial": "other (geospatial)", "3d": "other (3D)"}


def _size(part: PartView) -> dict[str, int | str]:
    return part.size


def _share(part: PartView) -> dict[str, Any] | str:
    share = part.share
    return {"value": share, "basis": part.basis} if share is not None else NOT_DOCUMENTED


def _weight(part: PartView) -> dict[str, Any] | None:
    """The part's weight in the training mix (schema 1.1), when it is stated."""
    weight = part.sampling_weight
    return {"value": weight, "basis": part.basis} if weight is not None else None


def _overall_period(parts: list[PartView]) -> dict[str, str] | str:
    starts, ends = [], []
    for part in parts:
        start, end = period(part.origin.period)
        starts += [start] if start else []
        ends += [end] if end else []
    if not starts and not ends:
        return NOT_DOCUMENTED
    return {"start": min(starts) if starts else NOT_DOCUMENTED, "end": max(ends) if ends else NOT_DOCUMENTED}


def _used(view: CardView, wanted: list[PartView]) -> str:
    if wanted:
        return "yes"
    return "no" if view.parts else NOT_DOCUMENTED


def crawled_section(view: CardView) -> dict[str, Any]:
    parts = [p for p in view.parts if p.origin_class == "public_web_crawl"]
    opt_out = text(view.fresh_data.opt_out)
    section: dict[str, Any] = {
        "title": "Data crawled and scraped from online sources",
        "used": _used(view, parts),
    }
    if not parts:
        return section
    section.update({
        "crawler_names": NOT_DOCUMENTED,
        "crawler_purposes": NOT_DOCUMENTED,
        "crawler_behaviour": [
            {"part": p.id, "description": text(p.origin.description) or NOT_DOCUMENTED} for p in parts
        ],
        "collection_period": _overall_period(parts),
        "content_types": [{"part": p.id, "description": p.description or NOT_DOCUMENTED} for p in parts],
        "top_domain_names": NOT_DOCUMENTED,
        "reservations_of_rights": opt_out or NOT_DOCUMENTED,
        "parts": [_crawled_part(p) for p in parts],
    })
    return section


def _crawled_part(part: PartView) -> dict[str, Any]:
    label = part.contamination
    start, end = period(part.origin.period)
    share = label.estimated_ai_share
    period_undisclosed = part.origin.collection_period.undisclosed
    entry: dict[str, Any] = {
        "id": part.id,
        "share": _share(part),
        "size": _size(part) or NOT_DOCUMENTED,
        "collection_period": UNDISCLOSED if period_undisclosed else
        {"start": start or NOT_DOCUMENTED, "end": end or NOT_DOCUMENTED},
        "estimated_ai_generated_share": share if share is not None else NOT_DOCUMENTED,
        "ai_label": text(label.ai_label) or NOT_DOCUMENTED,
    }
    weight = _weight(part)
    if weight is not None:
        entry["sampling_weight"] = weight
    return entry


def synthetic_section(view: CardView) -> dict[str, Any]:
    parts = [p for p in view.parts if set(p.classes) & MODEL_MADE]
    section: dict[str, Any] = {"title": "Synthetic data", "used": _used(view, parts)}
    simulated = [p.id for p in view.parts if not set(p.classes) & MODEL_MADE
                 and (set(p.classes) & _PROGRAM_MADE or p.contamination.program_made)]
    if simulated:
        section["simulation_parts"] = {
            "parts": simulated,
            "note": "produced by a simulator or program without a trained model; not AI-generated data",
        }
    if not parts:
        return section
    models: dict[str, dict[str, str]] = {}
    for part in parts:
        for generator in part.generators:
            entry = _generator(generator)
            models.setdefault(f"{entry['model']}@{entry['revision']}", entry)
    section.update({
        "modalities": _modalities(view),
        "generating_models": list(models.values()) or NOT_DOCUMENTED,
        "renewal": _renewal(view),
        "parts": [_synthetic_part(p) for p in parts],
    })
    return section


def _renewal(view: CardView) -> dict[str, Any]:
    """How far this data is from grounded data: its generation and its fresh grounded share."""
    parents = []
    for parent in view.renewal.parents:
        name = text(parent.id) or text(parent.local_path) or text(parent.model)
        if name:
            revision = text(parent.revision)
            parents.append(f"{name}@{revision}" if revision else name)
    generation = view.generation
    grounded = view.grounded_share
    return {
        "generation": generation if generation is not None else NOT_DOCUMENTED,
        "fresh_grounded_share": grounded if grounded is not None else NOT_DOCUMENTED,
        "parents": parents or NOT_DOCUMENTED,
    }


def data_processing(view: CardView) -> dict[str, Any]:
    """Benchmark decontamination and (schema 1.1) processing steps, as the card records them."""
    from datacard_lint.export.croissant_parts import check_records, processing_records

    return {
        "contamination_checks": check_records(view) or NOT_DOCUMENTED,
        "processing_steps": processing_records(view) or NOT_DOCUMENTED,
    }


def _modalities(view: CardView) -> list[str] | str:
    found = [_MODALITIES[tag] for tag in view.hub("tags") if tag in _MODALITIES]
    if not found and "text-generation" in view.hub("task_categories"):
        found = ["text"]
    return list(dict.fromkeys(found)) or NOT_DOCUMENTED


def _generator(generator: GeneratorView) -> dict[str, str]:
    if generator.program:
        model = f"{text(generator.algorithm_text) or NOT_DOCUMENTED} (algorithm, not a trained model)"
    else:
        model = model_name(generator) or ("undisclosed by the producer" if generator.model.raw else NOT_DOCUMENTED)
    return {
        "model": model,
        "revision": text(generator.build) or NOT_DOCUMENTED,
        "provider": text(generator.provider) or NOT_DOCUMENTED,
        "role": text(generator.role) or NOT_DOCUMENTED,
    }


def _synthetic_part(part: PartView) -> dict[str, Any]:
    categories = [c for p in part.purposes if (c := text(p.raw_category))]
    statements = [c for p in part.purposes if (c := text(p.raw_statement))]
    methods = [text(m.method) for m in part.part.methods]
    entry: dict[str, Any] = {
        "id": part.id,
        "origin_class": ", ".join(part.classes) if part.origin_class == "mixed" else part.origin_class,
        "share": _share(part),
        "size": _size(part) or NOT_DOCUMENTED,
        "description": part.description or text(part.origin.description) or NOT_DOCUMENTED,
        "purpose": {
            "category": ", ".join(categories) or NOT_DOCUMENTED,
            "statement": " ".join(statements) or NOT_DOCUMENTED,
        },
        "generators": [_generator(g) for g in part.generators] or NOT_DOCUMENTED,
        "seed_source": text(part.origin.seed_text) or NOT_DOCUMENTED,
        "verification_methods": [m for m in methods if m] or NOT_DOCUMENTED,
    }
    weight = _weight(part)
    if weight is not None:
        entry["sampling_weight"] = weight
    return entry


def to_eu_summary(view: CardView, display: str) -> dict[str, Any]:
    """Both sections as plain data."""
    meta = view.meta
    return {
        "template": TEMPLATE,
        "dataset": {
            "name": text(meta.get("pretty_name")) or NOT_DOCUMENTED,
            "card": display,
            "license": strings(meta.get("license")) or NOT_DOCUMENTED,
            "languages": strings(meta.get("language")) or NOT_DOCUMENTED,
        },
        "sections": {"2.3": crawled_section(view), "2.5": synthetic_section(view)},
        "data_processing": data_processing(view),
    }


def render_json(summary: Mapping[str, Any]) -> str:
    return json.dumps(summary, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- Markdown


def _cell(value: object) -> str:
    if isinstance(value, str):
        shown = f"*{value}*" if value == NOT_DOCUMENTED else value
    elif isinstance(value, dict) and set(value) == {"start", "end"}:
        shown = f"{_cell(value['start'])} to {_cell(value['end'])}"
    elif isinstance(value, dict) and set(value) == {"value", "basis"}:
        shown = f"{value['value']:g} of {value['basis']}"
    elif isinstance(value, dict):
        shown = ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {_cell(v)}" for k, v in value.items())
    elif isinstance(value, list):
        shown = "; ".join(_cell(v) for v in value)
    elif isinstance(value, float):
        shown = f"{value:g}"
    else:
        shown = str(value)
    return shown.replace("|", "\\|").replace("\n", " ")


def _table(rows: list[tuple[str, object]]) -> list[str]:
    lines = ["| Field | From the card |", "|---|---|"]
    lines += [f"| {name} | {_cell(value)} |" for name, value in rows]
    return lines


def render_markdown(summary: Mapping[str, Any]) -> str:
    dataset = summary["dataset"]
    crawled, synthetic = summary["sections"]["2.3"], summary["sections"]["2.5"]
    lines = [
        "# EU AI Act training-content summary: crawled and synthetic data",
        "",
        f"Dataset: {_cell(dataset['name'])} (`{dataset['card']}`). Licence: {_cell(dataset['license'])}. "
        f"Languages: {_cell(dataset['languages'])}.",
        "",
        f"Filled from the dataset card for sections 2.3 and 2.5 of the {summary['template']}. "
        f"A provider summarising a model trained on this dataset can copy from it. "
        f"Fields marked *{NOT_DOCUMENTED}* must be completed from other records.",
        "",
        "## 2.3 Data crawled and scraped from online sources",
        "",
    ]
    lines += _table([("Crawled or scraped data used", crawled["used"])])
    if crawled["used"] == "yes":
        lines += [f"| Crawler names | {_cell(crawled['crawler_names'])} |",
                  f"| Purposes of the crawlers | {_cell(crawled['crawler_purposes'])} |",
                  f"| Collection period | {_cell(crawled['collection_period'])} |",
                  f"| Top domain names by size | {_cell(crawled['top_domain_names'])} |",
                  f"| Reservations of rights and opt-outs | {_cell(crawled['reservations_of_rights'])} |"]
        lines += ["", "### Crawled parts", ""]
        for part, behaviour, content in zip(crawled["parts"], crawled["crawler_behaviour"], crawled["content_types"],
                                            strict=True):
            lines += [f"#### Part `{part['id']}`", ""]
            lines += _table([
                ("Share", part["share"]),
                *([("Weight in the training mix", part["sampling_weight"])] if "sampling_weight" in part else []),
                ("Size", part["size"]),
                ("Collection period", part["collection_period"]),
                ("Type of content", content["description"]),
                ("Crawler behaviour (robots.txt, processing)", behaviour["description"]),
                ("Estimated AI-generated share", part["estimated_ai_generated_share"]),
                ("AI-content label", part["ai_label"]),
            ])
            lines.append("")
    lines += ["", "## 2.5 Synthetic data", ""]
    lines += _table([("AI-generated data used", synthetic["used"])])
    if synthetic["used"] == "yes":
        lines += [f"| Modalities | {_cell(synthetic['modalities'])} |"]
        models = synthetic["generating_models"]
        lines += ["", "### Generating models", ""]
        if isinstance(models, str):
            lines.append(f"*{models}*")
        else:
            lines += ["| Model | Revision | Provider | Role |", "|---|---|---|---|"]
            lines += [f"| {_cell(m['model'])} | {_cell(m['revision'])} | {_cell(m['provider'])} | {_cell(m['role'])} |"
                      for m in models]
        renewal = synthetic["renewal"]
        lines += ["", "### Generation and renewal", ""]
        lines += _table([
            ("Generation in a chain of model-generated data (0 = grounded)", renewal["generation"]),
            ("Fresh grounded share of this release", renewal["fresh_grounded_share"]),
            ("Parent datasets", renewal["parents"]),
        ])
        lines += ["", "### Synthetic parts", ""]
        for part in synthetic["parts"]:
            lines += [f"#### Part `{part['id']}`", ""]
            lines += _table([
                ("Origin class", part["origin_class"]),
                ("Share", part["share"]),
                *([("Weight in the training mix", part["sampling_weight"])] if "sampling_weight" in part else []),
                ("Size", part["size"]),
                ("General description", part["description"]),
                ("Purpose", f"{_cell(part['purpose']['category'])}: {_cell(part['purpose']['statement'])}"),
                ("Generators", [f"{g['model']}@{g['revision']} ({g['role']})" for g in part["generators"]]
                 if isinstance(part["generators"], list) else part["generators"]),
                ("Seeds", part["seed_source"]),
                ("Verification", part["verification_methods"]),
            ])
            lines.append("")
    if "simulation_parts" in synthetic:
        simulated = synthetic["simulation_parts"]
        lines += ["", f"Simulation parts ({', '.join(f'`{p}`' for p in simulated['parts'])}): {simulated['note']}."]
    lines += _processing_markdown(summary["data_processing"])
    return "\n".join(line for line in _squeeze(lines)) + "\n"


def _processing_markdown(processing: Mapping[str, Any]) -> list[str]:
    lines = ["", "## Data processing", "", "### Benchmark contamination checks", ""]
    checks = processing["contamination_checks"]
    if isinstance(checks, str):
        lines.append(f"*{checks}*")
    else:
        lines += ["| Benchmarks | Method | Parts | Date | Items removed | Result |", "|---|---|---|---|---|---|"]
        lines += [f"| {_cell(c.get('benchmarks', NOT_DOCUMENTED))} | {_cell(c.get('method', NOT_DOCUMENTED))} | "
                  f"{_cell(c.get('parts', 'all'))} | {_cell(c.get('date', NOT_DOCUMENTED))} | "
                  f"{_cell(c.get('items_removed', NOT_DOCUMENTED))} | {_cell(c.get('result', NOT_DOCUMENTED))} |"
                  for c in checks]
    steps = processing["processing_steps"]
    lines += ["", "### Processing steps", ""]
    if isinstance(steps, str):
        lines.append(f"*{steps}*")
    else:
        lines += ["| Part | Step | Method | Tool | Items removed |", "|---|---|---|---|---|"]
        lines += [f"| {_cell(s.get('part', 'all'))} | {_cell(s.get('step', NOT_DOCUMENTED))} | {_cell(s['method'])} | "
                  f"{_cell(' '.join(str(s[k]) for k in ('tool', 'tool_version') if k in s) or NOT_DOCUMENTED)} | "
                  f"{_cell(s.get('items_removed', NOT_DOCUMENTED))} |" for s in steps]
    return lines


def _squeeze(lines: list[str]) -> list[str]:
    """No runs of blank lines, no blank line at the end."""
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out
