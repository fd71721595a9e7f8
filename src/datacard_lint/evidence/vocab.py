"""The detector's vocabulary, read from the TOML files in `vocabulary/`.

Words live in data files so that an author can extend them without touching code (see
`vocabulary/README.md`). Patterns are written in lower case and matched against
lower-cased text without `re.IGNORECASE`, which makes both compiling and matching several
times faster. The cheap `trigger` is compiled on its own: most cards fail it, and never
pay for compiling the rest.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_LEFT = r"(?<![\w/.-])"
_RIGHT = r"(?![\w])"
#: Stands for one character of a model mention in masked text (a private-use character).
MODEL_MARK = "\ue000"
#: A dataset name in a seed phrase (matched on the original text): a Hub id, or one to
#: four capitalised words.
_SOURCE = r"(?P<source>(?-i:[\w.-]+/[\w.-]*\w|[A-Z][\w.-]*\w(?: [A-Z][\w.-]*\w){0,3}))"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    model_names: tuple[str, ...]
    #: Any model; group `m<i>` tells which of `model_names` matched.
    any_model: re.Pattern[str]
    pipelines: re.Pattern[str]
    model_statements: re.Pattern[str]
    #: A participle followed by a link word: "translated by", "generated using".
    passive: re.Pattern[str]
    machine_agent: re.Pattern[str]
    human_agent: re.Pattern[str]
    skip_sentence: re.Pattern[str]
    human_made: re.Pattern[str]
    related_work: re.Pattern[str]
    self_reference: re.Pattern[str]
    skip_heading: re.Pattern[str]
    model_card: re.Pattern[str]
    result_header: re.Pattern[str]


VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"


def _load(name: str) -> dict[str, Any]:
    with (VOCABULARY_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _any(patterns: list[str], wrap: bool = True) -> str:
    body = "|".join(f"(?:{p})" for p in patterns)
    return f"{_LEFT}(?:{body}){_RIGHT}" if wrap else f"(?:{body})"


def fold(text: str) -> str:
    """Lower-cased text of the same length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


@functools.cache
def trigger() -> re.Pattern[str]:
    """The cheap first test, for lower-cased text."""
    return re.compile("|".join(f"(?:{p})" for p in _load("trigger.toml")["trigger"]["patterns"]))


@functools.cache
def seed_patterns() -> tuple[re.Pattern[str], ...]:
    """Seed phrases, for the original text (dataset names keep their case)."""
    patterns = _load("phrases.toml")["seeds"]["patterns"]
    return tuple(re.compile(p.replace("{source}", _SOURCE), re.IGNORECASE) for p in patterns)


@functools.cache
def load_vocabulary() -> Vocabulary:
    model_data = _load("models.toml")["model"]
    phrases = _load("phrases.toml")
    groups = "|".join(f"(?P<m{i}>{'|'.join(e['patterns'])})" for i, e in enumerate(model_data))
    generation = phrases["generation"]
    # Model mentions are masked with MODEL_MARK before phrases are matched, so `{model}`
    # is one cheap character class rather than every model pattern again.
    statements = [p.replace("{model}", f"{MODEL_MARK}+") for p in phrases["model_statements"]["patterns"]]
    passive = _any(generation["verbs"]) + r"[\s,]+(?:\w+[\s,]+){0,2}?" + _any(generation["links"]) + r"\s+"
    skip = phrases["skip_sentence"]
    sections = phrases["sections"]
    return Vocabulary(
        model_names=tuple(e["name"] for e in model_data),
        any_model=re.compile(f"{_LEFT}(?:{groups}){_RIGHT}"),
        pipelines=re.compile(_any(phrases["pipelines"]["patterns"])),
        model_statements=re.compile(_any(statements, wrap=False)),
        passive=re.compile(passive),
        machine_agent=re.compile(_any(generation["machine_agents"])),
        human_agent=re.compile(_any(generation["human_agents"])),
        skip_sentence=re.compile(_any(skip["negations"] + skip["non_generative"])),
        human_made=re.compile(_any(skip["human_made"])),
        related_work=re.compile(_any(skip["related_work"])),
        self_reference=re.compile(_any(skip["self_reference"])),
        skip_heading=re.compile(_any(sections["skip_headings"])),
        model_card=re.compile(_any(sections["model_card_markers"], wrap=False), re.MULTILINE),
        result_header=re.compile(r"^\s*(?:" + "|".join(sections["result_table_headers"]) + r")\b"),
    )


@dataclass(frozen=True, slots=True)
class MetadataVocabulary:
    synthetic_tags: frozenset[str]
    #: Generated dataset id (lower case) -> the model its card names.
    synthetic_datasets: dict[str, str]


@functools.cache
def metadata_vocabulary() -> MetadataVocabulary:
    """Read apart from the rest: every card's metadata is looked at, and this file is small."""
    metadata = _load("metadata.toml")
    return MetadataVocabulary(
        synthetic_tags=frozenset(t.lower() for t in metadata["tags"]["synthetic"]),
        synthetic_datasets={d["id"].lower(): d["generator"] for d in metadata["dataset"]},
    )


def mask_models(folded: str) -> str:
    """Lower-cased text with every model mention replaced by MODEL_MARK characters."""
    return load_vocabulary().any_model.sub(lambda m: MODEL_MARK * len(m.group(0)), folded)


def model_names(text: str) -> list[str]:
    """The display names of the models a text mentions, in order of first mention."""
    vocab = load_vocabulary()
    names: list[str] = []
    for match in vocab.any_model.finditer(fold(text)):
        group = match.lastgroup
        if group is not None:
            name = vocab.model_names[int(group[1:])]
            if name not in names:
                names.append(name)
    return names
