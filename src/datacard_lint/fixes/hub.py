"""Fixers for the Hub metadata rules; replacements come from the Hub vocabularies the rules use."""

from __future__ import annotations

from collections.abc import Iterable

from datacard_lint.fixes.candidates import best_match
from datacard_lint.fixes.document import Document
from datacard_lint.fixes.edits import quote_value, rename_key, replace_value
from datacard_lint.fixes.model import Applicability, Fix, Path_
from datacard_lint.fixes.registry import fixer
from datacard_lint.hub import vocabulary as vocab
from datacard_lint.rules import registry
from datacard_lint.rules.general import HUB_STRING_KEYS
from datacard_lint.rules.hub import _example_counts, language_key, size_bucket

#: The rules these fixers fix, by name; their codes come from the rule registry.
UNKNOWN_LICENSE = registry.get("unknown-license").code
DEPRECATED_KEY = registry.get("deprecated-key").code
UNKNOWN_TASK_CATEGORY = registry.get("unknown-task-category").code
UNKNOWN_TASK_ID = registry.get("unknown-task-id").code
INVALID_SIZE_CATEGORY = registry.get("invalid-size-category").code
INVALID_CREATORS = registry.get("invalid-creators").code
INVALID_MULTILINGUALITY = registry.get("invalid-multilinguality").code
SIZE_CATEGORY_DISAGREES_WITH_EXAMPLES = registry.get("size-category-disagrees-with-examples").code
LEGACY_HUB_VALUE = registry.get("legacy-hub-value").code
BOOLEAN_IN_STRING_FIELD = registry.get("boolean-in-string-field").code

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


@fixer(BOOLEAN_IN_STRING_FIELD, SAFE)
def quote_typed_string(doc: Document, path: Path_) -> Fix | None:
    """`language: [no]` -> `language: ["no"]`: quoting keeps what was written, as a string."""
    if not path or path[0] not in HUB_STRING_KEYS:
        return None
    if not any(item.path == path and item.tag != "null" for item in doc.card.implicit):
        return None
    return quote_value(doc, BOOLEAN_IN_STRING_FIELD, path, "quote the value")


@fixer(DEPRECATED_KEY, SAFE, sometimes=True)
def rename_deprecated_key(doc: Document, path: Path_) -> Fix | None:
    """`languages` -> `language`, unless the card has both (then the values need merging by hand)."""
    if len(path) != 1 or not isinstance(path[0], str):
        return None
    new = vocab.deprecated_keys().get(path[0])
    if new is None or new in doc.metadata:
        return None
    return rename_key(doc, DEPRECATED_KEY, path, new, f"rename `{path[0]}` to `{new}`")


def _vocabulary_fix(doc: Document, code: str, path: Path_, choices: Iterable[str], *,
                    typos: bool = True) -> Fix | None:
    value = doc.value(path)
    if not isinstance(value, str):
        return None
    match = best_match(value, choices, typos=typos)
    if match is None or match[0] == value:
        return None
    replacement, applicability = match
    return replace_value(doc, code, path, replacement, applicability, f"replace `{value}` with `{replacement}`")


@fixer(UNKNOWN_TASK_CATEGORY, SAFE, sometimes=True)
def replace_task_category(doc: Document, path: Path_) -> Fix | None:
    """A retired category becomes the one the Hub replaced it with; a misspelt one is respelt."""
    value = doc.value(path)
    if not isinstance(value, str) or value in vocab.task_categories():
        return None
    legacy = vocab.legacy_task_categories()
    if value in legacy:  # checked first, as the rule does: `conversational` is also a task id
        replacement = legacy[value]
        if replacement is None:
            return None
        return replace_value(doc, UNKNOWN_TASK_CATEGORY, path, replacement, SAFE,
                             f"replace `{value}` with `{replacement}`")
    if value in vocab.task_ids():
        return None  # it belongs in `task_ids`, with a category chosen by a person
    return _vocabulary_fix(doc, UNKNOWN_TASK_CATEGORY, path, vocab.task_categories())


@fixer(UNKNOWN_TASK_ID, SAFE, sometimes=True)
def respell_task_id(doc: Document, path: Path_) -> Fix | None:
    value = doc.value(path)
    if not isinstance(value, str) or value in vocab.task_categories():
        return None
    return _vocabulary_fix(doc, UNKNOWN_TASK_ID, path, vocab.task_ids())


@fixer(INVALID_SIZE_CATEGORY, SAFE, sometimes=True)
def respell_size_category(doc: Document, path: Path_) -> Fix | None:
    """Only case and separators: `10k<n<100k` is `10K<n<100K`, but `n>1M` is not `n>1T`."""
    return _vocabulary_fix(doc, INVALID_SIZE_CATEGORY, path, vocab.size_categories(), typos=False)


@fixer(INVALID_CREATORS, SAFE, sometimes=True)
def respell_creators(doc: Document, path: Path_) -> Fix | None:
    kind = path[0] if path else None
    if kind not in ("annotations_creators", "language_creators"):
        return None
    return _vocabulary_fix(doc, INVALID_CREATORS, path, vocab.creators(kind))


@fixer(INVALID_MULTILINGUALITY, SAFE, sometimes=True)
def respell_multilinguality(doc: Document, path: Path_) -> Fix | None:
    value = doc.value(path)
    if not isinstance(value, str) or language_key(value) is not None:
        return None  # a language code here needs a person to say which value is meant
    return _vocabulary_fix(doc, INVALID_MULTILINGUALITY, path, vocab.multilinguality())


@fixer(UNKNOWN_LICENSE, SAFE, sometimes=True)
def respell_license(doc: Document, path: Path_) -> Fix | None:
    """Only case and separators (`Apache-2.0`, `cc-by-2-0`): a licence is a legal claim, not a typo."""
    return _vocabulary_fix(doc, UNKNOWN_LICENSE, path, vocab.licenses(), typos=False)


def _total_examples(doc: Document) -> tuple[int, int] | None:
    """(total examples, number of configs) from `dataset_info`, when every count is clear."""
    counts = _example_counts(doc.metadata.get("dataset_info"))
    if not counts:
        return None
    total = sum(n for _, n in counts)
    return (total, len(counts)) if total > 0 else None


@fixer(LEGACY_HUB_VALUE, SAFE, sometimes=True)
def replace_legacy_size(doc: Document, path: Path_) -> Fix | None:
    """Size `unknown` becomes the bucket of the example counts `dataset_info` gives.

    Safe for a single config; with several, the bucket of the total is one of the buckets
    DCL812 accepts, so the fix is offered as unsafe.
    """
    if not path or path[0] != "size_categories":
        return None
    value = doc.value(path)
    if not isinstance(value, str) or value not in vocab.vocabulary("legacy_size_categories"):
        return None
    counted = _total_examples(doc)
    if counted is None:
        return None
    total, configs = counted
    bucket = size_bucket(total)
    return replace_value(doc, LEGACY_HUB_VALUE, path, bucket, SAFE if configs == 1 else UNSAFE,
                         f"replace `{value}` with `{bucket}` ({total:,} examples in `dataset_info`)")


@fixer(SIZE_CATEGORY_DISAGREES_WITH_EXAMPLES, UNSAFE)
def replace_stale_size(doc: Document, path: Path_) -> Fix | None:
    """Unsafe: the declared bucket may count something `dataset_info` does not (dialogues, not turns)."""
    value = doc.value(path)
    counted = _total_examples(doc)
    if not isinstance(value, str) or counted is None:
        return None
    bucket = size_bucket(counted[0])
    if bucket == value:
        return None
    return replace_value(doc, SIZE_CATEGORY_DISAGREES_WITH_EXAMPLES, path, bucket, UNSAFE,
                         f"replace `{value}` with `{bucket}`")
