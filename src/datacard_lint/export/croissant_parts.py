"""What the Croissant export says about the parts: synthetic or not, by whom, how much.

`rai:hasSyntheticData` is derived from the origin classes alone (the producer's own
statement of how each part was made), never from a guess; when a part's class is missing
or a placeholder and no other part is synthetic, the answer is left out, so a
`--require` check reports it instead of the export claiming "no synthetic data".
Each part also becomes a `prov:Entity` under `dct:hasPart` with its share, class, size and
AI-content label (the `dcl:` terms), which is what `datacard-lint import` reads back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from datacard_lint.export._card import CardView, PartView, percent, text
from datacard_lint.governance.readers import plain
from datacard_lint.governance.view import GeneratorView
from datacard_lint.requirements import MODEL_CLASSES, SYNTHETIC_CLASSES

#: Synthetic in the sense of the track's `hasSyntheticData`: a model or a program produced
#: the content (schema 1.1 adds algorithmic generation and human labels on model output).
SYNTHETIC = SYNTHETIC_CLASSES | {"algorithmic_generation", "human_label_on_model_output"}
#: Classes whose content a person or the world produced.
GROUNDED = frozenset({"direct_human_record", "licensed_corpus", "public_web_crawl", "benchmark_material", "other"})
#: Classes whose generators are trained models (PROV software agents of the part).
MODEL_MADE = MODEL_CLASSES | {"human_label_on_model_output"}


def is_synthetic(part: PartView) -> bool | None:
    """True or False when the class says so; None when it is missing, a placeholder or unknown."""
    classes = part.classes
    if any(c in SYNTHETIC for c in classes):
        return True
    if classes and all(c in GROUNDED for c in classes):
        return False
    return None


def has_synthetic_data(view: CardView) -> bool | None:
    verdicts = [is_synthetic(p) for p in view.parts]
    if not verdicts:
        return None
    if any(v is True for v in verdicts):
        return True
    return False if all(v is False for v in verdicts) else None


def model_name(generator: GeneratorView) -> str | None:
    return text(generator.model_name)


def generator_label(generator: GeneratorView) -> str:
    """`model@revision` (or the algorithm and its version); the snapshot stands in for a revision."""
    if generator.program:
        name = text(generator.algorithm_text) or "unnamed algorithm"
    else:
        name = model_name(generator) or "undisclosed model"
    version = text(generator.build)
    return f"{name}@{version}" if version else name


def _generator_phrase(generator: GeneratorView) -> str:
    extras = [x for x in (text(generator.provider), text(generator.role)) if x]
    return generator_label(generator) + (f" ({', '.join(extras)})" if extras else "")


def _share_phrase(part: PartView) -> str:
    if part.share_text:
        return part.share_text
    fact = part.part.share
    return "share undisclosed" if fact.undisclosed or isinstance(fact.raw, Mapping) else "share not stated"


def _purpose_phrase(part: PartView) -> str | None:
    found = []
    for purpose in part.purposes:
        category, statement = text(purpose.raw_category), text(purpose.raw_statement)
        if statement:
            statement = statement.rstrip(".")
            found.append(f"{category}: {statement}" if category else statement)
        elif category:
            found.append(category)
    return "; ".join(found) if found else None


def _verification_phrase(part: PartView) -> str | None:
    found = []
    for method in part.verification_methods:
        if method.method == "none":  # the schema's explicit "not verified"
            continue
        tool = " ".join(x for x in (text(method.tool), text(method.tool_version)) if x)
        facts = []
        if method.pass_rate is not None:
            facts.append(f"pass rate {method.pass_rate:g}")
        if method.sample_size is not None:
            facts.append(f"on {method.sample_size:,} items")
        detail = ", ".join(x for x in (tool, " ".join(facts)) if x)
        found.append(f"{text(method.method)}" + (f" ({detail})" if detail else ""))
    return ", ".join(found) if found else None


def synthetic_fraction(part: PartView) -> float | None:
    """How much of the part is synthetic: all of it, or the synthetic sources of a mixed part."""
    if part.origin_class != "mixed":
        return 1.0 if is_synthetic(part) else 0.0
    shares = [share for klass, share in part.breakdown if klass in SYNTHETIC]
    return None if any(s is None for s in shares) else sum(s or 0.0 for s in shares)


def synthetic_share(view: CardView) -> str | None:
    """The summed synthetic share of the parts, when every one states it on the same basis."""
    synthetic = [p for p in view.parts if is_synthetic(p)]
    if not synthetic or any(p.share is None for p in synthetic) or len({p.basis for p in synthetic}) != 1:
        return None
    fractions = [synthetic_fraction(p) for p in synthetic]
    if any(f is None for f in fractions):
        return None
    total = sum((p.share or 0.0) * (f or 0.0) for p, f in zip(synthetic, fractions, strict=True))
    return f"{percent(round(total, 6))} of {synthetic[0].basis}"


def _class_phrase(part: PartView) -> str:
    if part.origin_class != "mixed":
        return ", ".join(part.classes)
    sources = [f"{klass} {percent(share)}" if share is not None else klass for klass, share in part.breakdown]
    return "mixed: " + ", ".join(sources) if sources else "mixed"


def synthetic_explanation(view: CardView) -> str | None:
    """One paragraph naming each synthetic part's share, generators, purpose and verification."""
    verdict = has_synthetic_data(view)
    if verdict is None:
        return None
    sentences: list[str] = []
    if verdict:
        total = synthetic_share(view)
        sentences.append(f"Synthetic parts make up {total} of this dataset." if total else
                         "Parts of this dataset are synthetic (their shares are not all stated on one basis).")
        for part in (p for p in view.parts if is_synthetic(p)):
            sentence = f"Part `{part.id}` ({_share_phrase(part)}, {_class_phrase(part)})"
            made_by = [_generator_phrase(g) for g in part.generators]
            sentence += f" was generated with {', '.join(made_by)}" if made_by else " names no generator"
            purpose = _purpose_phrase(part)
            sentence += f" for {purpose}" if purpose else ""
            verified = _verification_phrase(part)
            declared_none = any(m.method == "none" for m in part.verification_methods)
            sentence += (f"; verified by {verified}" if verified else
                         "; not verified" if declared_none else "; no verification is stated")
            sentences.append(sentence.rstrip(".") + ".")
    else:
        sentences.append("No part of this dataset was generated by a model or a program.")
    grounded = [p for p in view.parts if is_synthetic(p) is False]
    if grounded:
        listed = ", ".join(f"`{p.id}` ({_share_phrase(p)}, {', '.join(p.classes)})" for p in grounded)
        sentences.append(f"Grounded parts: {listed}.")
    unknown = [p.id for p in view.parts if is_synthetic(p) is None]
    if unknown:
        sentences.append(f"The origin of {', '.join(f'`{u}`' for u in unknown)} is not stated.")
    for part in view.parts:
        share = part.contamination.estimated_ai_share
        if share and is_synthetic(part) is False:
            sentences.append(f"An estimated {percent(share)} of part `{part.id}` is machine-written text "
                             "that was collected, not generated for this dataset.")
    grounded_share = view.grounded_share
    if grounded_share is not None and verdict:
        sentences.append(f"Fresh grounded data: {percent(grounded_share)} of this release"
                         + (f" (generation {view.generation})." if view.generation is not None else "."))
    return " ".join(sentences)


# ---------------------------------------------------------------- per-part entities


def agent(generator: GeneratorView, hub_url: str | None) -> dict[str, Any]:
    """A generator as a PROV software agent: its name, its version and who provides it."""
    node: dict[str, Any] = {"@type": "prov:SoftwareAgent", "prov:label": generator_label(generator)}
    if hub_url:
        node["@id"] = hub_url
    if generator.program:
        node["name"] = text(generator.algorithm_text) or "unnamed algorithm"
        node["dcl:kind"] = "algorithm"
    else:
        node["name"] = model_name(generator) or "undisclosed"
    version = text(generator.build)
    if version:
        node["version"] = version
    snapshot = text(generator.snapshot_text)
    if not generator.program and snapshot and version == snapshot:
        node["dcl:snapshot"] = snapshot
    for key, value in (("access", generator.access), ("terms", generator.terms)):
        if text(value):
            node[f"dcl:{key}"] = text(value)
    role = text(generator.role)
    if role:
        node["dcl:role"] = role
    hidden = generator.undisclosed
    if hidden:
        node["dcl:undisclosed"] = hidden
    provider = text(generator.provider)
    if provider:
        node["prov:actedOnBehalfOf"] = {"@type": "prov:Organization", "prov:label": provider}
    return node


def ai_content(part: PartView) -> dict[str, Any]:
    """The part's AI-content label and how it was determined, as the card states them."""
    label = part.contamination
    found: dict[str, Any] = {}
    for key, value in (("digital_source_type", label.digital_source_type), ("ai_label", label.ai_label),
                       ("confidence", label.confidence), ("estimate_method", label.estimate_method_text)):
        if text(value):
            found[key] = text(value)
    involvement = label.involvement.as_written() if label.involvement is not None else {}
    if involvement:
        found["involvement"] = involvement
    determination = label.determination_list
    if determination:
        found["determination"] = determination
    share = label.estimated_ai_share
    if share is not None:
        found["estimated_ai_share"] = share
    return found


def label_sentence(part: PartView) -> str | None:
    label = ai_content(part)
    if not label.get("ai_label") and not label.get("digital_source_type"):
        return None
    what = " ".join(x for x in (label.get("ai_label"), f"(IPTC {label['digital_source_type']})"
                                if label.get("digital_source_type") else None) if x)
    sentence = f"AI-content label of part `{part.id}`: {what}"
    involvement = label.get("involvement")
    if involvement:
        sentence += "; " + ", ".join(f"{k} by {v}" for k, v in involvement.items())
    if label.get("determination"):
        sentence += f"; determined by {', '.join(label['determination'])}"
    if label.get("confidence"):
        sentence += f" (confidence {label['confidence']})"
    return sentence + "."


def size_phrase(size: Mapping[str, Any]) -> str | None:
    pieces = []
    for unit in ("rows", "tokens", "bytes"):
        if isinstance(size.get(unit), int):
            tokenizer = f" ({size['tokenizer']} tokenizer)" if unit == "tokens" and size.get("tokenizer") else ""
            pieces.append(f"{size[unit]:,} {unit}{tokenizer}")
    return ", ".join(pieces) if pieces else None


def part_entities(view: CardView, activity_of: Any, hub_url: Any) -> list[dict[str, Any]]:
    """One `prov:Entity` per part. `activity_of(part)` and `hub_url(kind, id, rev)` come from
    the PROV writer so the activities and agent ids match the dataset-level ones."""
    entities = []
    for part in view.parts:
        entity: dict[str, Any] = {"@type": "prov:Entity", "name": part.id}
        if part.description:
            entity["description"] = part.description
        if part.origin_class:
            entity["dcl:originClass"] = part.origin_class
        breakdown = [b for b in (plain(e.data) for e in part.origin.breakdown) if b]
        if breakdown:
            entity["dcl:breakdown"] = breakdown
        if part.share is not None:
            entity["dcl:share"] = part.share
            entity["dcl:shareBasis"] = part.basis
        if part.sampling_weight is not None:
            entity["dcl:samplingWeight"] = part.sampling_weight
        if part.part.epochs is not None:
            entity["dcl:epochs"] = part.part.epochs
        hidden = part.undisclosed
        if hidden:
            entity["dcl:undisclosed"] = hidden
        if part.config_name:
            entity["dcl:configName"] = part.config_name
        if part.size:
            entity["dcl:size"] = part.size
        purposes = [{k: v for k, v in (("category", p.raw_category), ("statement", p.raw_statement))
                     if isinstance(v, str)} for p in part.purposes]
        if purposes:
            entity["dcl:purpose"] = purposes
        label = ai_content(part)
        if label:
            entity["dcl:aiContent"] = label
        activity = activity_of(part)
        if activity:
            entity["prov:wasGeneratedBy"] = activity
        made_by = part.generators
        if made_by:
            entity["prov:wasAttributedTo"] = [
                agent(g, hub_url("model", name, text(g.build)) if (name := model_name(g)) else None) for g in made_by]
        sources = part.origin.sources
        if sources:
            entity["prov:wasDerivedFrom"] = [{"@type": "prov:Entity", "prov:label": s} for s in sources]
        entities.append(entity)
    return entities


def tail_evaluation_records(view: CardView) -> list[dict[str, Any]]:
    """Tail evaluations with the fields a reader needs to judge them (plain JSON)."""
    return [record for evaluation in view.tail_evaluations if (record := evaluation.as_record())]


def check_records(view: CardView) -> list[dict[str, Any]]:
    """Contamination checks (benchmarks, method, result; 1.1 adds parts, date, items removed)."""
    return [c.as_record() for c in view.contamination_checks]


def processing_records(view: CardView) -> list[dict[str, Any]]:
    """Processing steps (1.1): dataset-wide ones, then each part's own, tagged with the part."""
    steps = [s.as_record() for s in view.processing]
    for part in view.parts:
        steps += [{"part": part.id, **s.as_record()} for s in part.processing]
    return steps


def processing_lines(view: CardView) -> Iterable[str]:
    for step in processing_records(view):
        where = f"Part `{step['part']}`: " if "part" in step else ""
        tool = " ".join(str(step[k]) for k in ("tool", "tool_version") if k in step)
        line = f"{where}{step.get('step', 'processing')} by {step['method']}" + (f" ({tool})" if tool else "")
        removed = [f"{step['items_removed']:,} items removed" if isinstance(step.get("items_removed"), int) else "",
                   f"{percent(step['share_removed'])} removed" if isinstance(step.get("share_removed"), float) else ""]
        removed = [r for r in removed if r]
        yield line + (f": {', '.join(removed)}." if removed else ".")
