"""Hub metadata: the keys and controlled values that the Hugging Face Hub itself reads."""

from __future__ import annotations

import os
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from datacard_lint import language_table
from datacard_lint.diagnostics import Severity
from datacard_lint.governance.readers import has_text
from datacard_lint.hub import vocabulary as vocab
from datacard_lint.hub.configs import config_problems
from datacard_lint.hub.dataset_info import dataset_info_problems
from datacard_lint.hub.problems import Problem
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import RuleContext

Path_ = tuple[Hashable, ...]
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: `language` values that name no single natural language.
NON_LANGUAGE_VALUES = frozenset({"code", "multilingual", "und", "mul", "zxx", "mis"})

#: Top-level keys the Hub reads from a dataset card (misspellings of these are reported).
HUB_KEYS = frozenset(
    {
        "language", "language_details", "language_bcp47", "license", "license_name", "license_link",
        "license_details", "tags", "annotations_creators", "language_creators", "multilinguality",
        "size_categories", "source_datasets", "task_categories", "task_ids", "pretty_name",
        "paperswithcode_id", "configs", "dataset_info", "train-eval-index", "extra_gated_fields",
        "extra_gated_prompt", "viewer",
    }
)

#: Size buckets as inclusive (low, high) bounds; boundaries are accepted on either side.
_K, _M, _B, _T = 10**3, 10**6, 10**9, 10**12
SIZE_BOUNDS: dict[str, tuple[float, float]] = {
    "n<1K": (0, _K),
    "1K<n<10K": (_K, 10 * _K),
    "10K<n<100K": (10 * _K, 100 * _K),
    "100K<n<1M": (100 * _K, _M),
    "1M<n<10M": (_M, 10 * _M),
    "10M<n<100M": (10 * _M, 100 * _M),
    "100M<n<1B": (100 * _M, _B),
    "1B<n<10B": (_B, 10 * _B),
    "10B<n<100B": (10 * _B, 100 * _B),
    "100B<n<1T": (100 * _B, _T),
    "n>1T": (_T, float("inf")),
}


# --- helpers shared with the tail-evaluation rules --------------------------------------------


_MACROLANGUAGE_RECORD = re.compile(r"^Subtag: ([a-z]{2,3})\n(?:[^%\n][^\n]*\n)*?Macrolanguage: ([a-z]{2,3})$", re.M)


@cache
def _macrolanguages() -> dict[str, str]:
    """ISO 639-3 individual language -> its macrolanguage, from the IANA registry langcodes ships.

    One regular expression over the registry text (rather than a dict per record) keeps this
    to a few milliseconds: it runs in every one-card pre-commit call that has tail slices.
    """
    # Found without importing langcodes (its import compiles a large expression) and without
    # importlib.resources (see `resources.package_file`).
    from importlib.util import find_spec

    spec = find_spec("langcodes")
    try:
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError("langcodes")
        text = Path(spec.origin).parent.joinpath("data", "language-subtag-registry.txt").read_text("utf-8")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - langcodes is a declared dependency
        return {}
    return {m.group(1): m.group(2) for m in _MACROLANGUAGE_RECORD.finditer(text)}


def language_key(code: object) -> str | None:
    """The primary language of a tag, normalised and folded into its macrolanguage.

    ``swa``, ``swh`` and ``sw-KE`` all give ``sw``; ``arz`` gives ``ar``; ``nb`` gives ``no``.
    ``None`` for non-strings, invalid tags and values such as ``code`` or ``und`` that name no
    single natural language.
    """
    if not isinstance(code, str):
        return None
    known = language_table.lookup(code)  # plain codes: precomputed, without importing langcodes
    if known is not language_table.NOT_IN_TABLE:
        return known  # type: ignore[return-value]
    return language_key_by_langcodes(code)


def language_key_by_langcodes(code: str) -> str | None:
    """`language_key` as langcodes computes it (also what the precomputed table holds)."""
    value = code.strip()
    if not value or value.lower() in NON_LANGUAGE_VALUES:
        return None
    try:
        import langcodes

        if not langcodes.tag_is_valid(value):
            return None
        primary = langcodes.Language.get(value).language
    except (ImportError, ValueError):
        return None
    if not primary or primary in NON_LANGUAGE_VALUES:
        return None
    return _macrolanguages().get(primary, primary)


def declared_languages(ctx: RuleContext) -> dict[str, str]:
    """Language key -> the `language` entry it came from, for every natural language listed."""
    keys: dict[str, str] = {}
    for item in ctx.hub_list("language"):
        key = language_key(item)
        if key is not None:
            keys.setdefault(key, str(item).strip())
    return keys


def shorten(items: list[str], limit: int = 8) -> str:
    """`a, b, c` or `a, b, ... (+12 more)` for messages."""
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f", ... (+{len(items) - limit} more)"


def _entries(meta: Mapping[Any, Any], key: str) -> Iterator[tuple[Path_, Any]]:
    """Each value of a Hub key given as a scalar, a list, or the legacy per-config mapping."""
    value = meta.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield (key, index), item
    elif isinstance(value, Mapping):
        for name, inner in value.items():
            if isinstance(inner, list):
                for index, item in enumerate(inner):
                    yield (key, name, index), item
            else:
                yield (key, name), inner
    elif value is not None:
        yield (key,), value


def _strings(meta: Mapping[Any, Any], key: str) -> Iterator[tuple[Path_, str]]:
    """String values of `key`, then those under the deprecated spelling of `key` (`languages`).

    The Hub renamed `languages` and `licenses`; their values are checked as if they stood
    under the current key (DCL804 reports the old spelling itself).
    """
    for name in (key, *_old_spellings(key)):
        for path, value in _entries(meta, name):
            if isinstance(value, str):
                yield path, value


@cache
def _old_spellings(key: str) -> tuple[str, ...]:
    return tuple(old for old, new in vocab.deprecated_keys().items() if new == key)


def _under_old_key(path: Path_, message: str) -> str:
    """`message`, saying so when the value stands under a deprecated key such as `languages`."""
    old = path[0] if path else None
    if isinstance(old, str) and old in vocab.deprecated_keys():
        return f"{message} (under the deprecated `{old}`, read as `{vocab.deprecated_keys()[old]}` once renamed)"
    return message


def _did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    guess = vocab.closest(value, choices)
    return f"did you mean `{guess}`?" if guess and guess != value else None


def _is_legacy_other(value: str) -> bool:
    """The 2022 validator's free-form `other-<name>` values."""
    return value.startswith("other-") and len(value) > len("other-")


def _is_legacy_task(value: str) -> bool:
    """The 2022 validator's free-form tasks: `other-<name>` and `<category>-other-<name>`."""
    return re.fullmatch(r"(?:[a-z0-9]+(?:[-_][a-z0-9]+)*-)?other-\S.*", value) is not None


# --- rules -------------------------------------------------------------------------------------


@rule("DCL801", "unknown-license", E, "hub", needs_governance=False)
def unknown_license(ctx: RuleContext) -> Iterable[Hit]:
    """The `license` is not an identifier the Hub knows

    Why it matters
    --------------
    The Hub only accepts the license identifiers it lists and rejects pushes of cards that
    use anything else. Tools that filter datasets by license, and the people who must check
    whether they may train on the data, cannot read a free-form name.

    Tier: error (the push is refused). Basis: the Hub's metadata validator answers a push whose
    `license` is not one of its identifiers with "Invalid metadata in README.md"; the list is
    the one of hub-docs `repositories-licenses.md` recorded in `vocabularies.json`.

    Failing example
    ---------------
    ```yaml
    license: Apache License 2.0  # <- DCL801
    language: [en]
    ```

    Passing example
    ---------------
    ```yaml
    license: apache-2.0
    language: [en]
    ```

    How to fix
    ----------
    Use an identifier from the Hub's license list (`apache-2.0`, `cc-by-4.0`, `mit`, ...).
    For a licence that is not listed, write `license: other` and name it in `license_name`
    and `license_link`.
    """
    known = vocab.licenses()
    for path, value in _strings(ctx.meta, "license"):
        if value in known:
            continue
        if not value.strip():
            yield Hit(path, "`license` is empty", help="give a Hub license identifier, or `unknown`")
            continue
        if _is_legacy_other(value):
            help_ = f"write `license: other` with `license_name: {value[len('other-'):]}` and a `license_link`"
        else:
            help_ = _did_you_mean(value, known) or (
                "use an identifier from https://huggingface.co/docs/hub/repositories-licenses, "
                "or `other` with `license_name` and `license_link`"
            )
        yield Hit(path, _under_old_key(path, f"`{value}` is not a license identifier the Hub knows"), help=help_)


_LICENSE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt")


def _license_file_beside(ctx: RuleContext) -> bool:
    """Whether a LICENSE file sits next to the card (the Hub links it when `license_link` is absent)."""
    try:
        if not os.path.isfile(ctx.card.path):
            return False
        folder = os.path.dirname(os.path.abspath(ctx.card.path))
        return any(os.path.isfile(os.path.join(folder, name)) for name in _LICENSE_FILES)
    except (OSError, ValueError):
        return False


@rule("DCL802", "license-other-without-name-or-link", W, "hub", needs_governance=False)
def license_other_without_name_or_link(ctx: RuleContext) -> Iterable[Hit]:
    """`license: other` without a `license_name` or without a link to the licence text

    Why it matters
    --------------
    `other` says only that the licence is not on the Hub's list. The Hub's documentation asks
    for a short name in `license_name` and the licence text in a `LICENSE` file of the
    repository or at `license_link`; without them nobody can tell what terms apply.

    Tier: warning (accepted). Basis: the Hub accepts `license: other` without a name or link and
    shows the licence as "other"; hub-docs `repositories-licenses.md` only asks for
    `license_name` and `license_link`.

    Failing example
    ---------------
    ```yaml
    license: other  # <- DCL802
    language: [en]
    ```

    Passing example
    ---------------
    ```yaml
    license: other
    license_name: acme-research-data-1.0
    license_link: LICENSE.md
    language: [en]
    ```

    How to fix
    ----------
    Add `license_name` (a short identifier such as `my-license-1.0`) and `license_link`
    (`LICENSE`, `LICENSE.md`, or a URL). A `LICENSE` or `LICENSE.md` file next to the card
    counts as the link.
    """
    others = [path for path, value in _strings(ctx.meta, "license") if value == "other"]
    if not others:
        return
    missing = []
    if not has_text(ctx.meta.get("license_name")):
        missing.append("`license_name`")
    if not has_text(ctx.meta.get("license_link")) and not _license_file_beside(ctx):
        missing.append("`license_link`")
    if not missing:
        return
    help_ = "add `license_name: <short-id>` and `license_link: LICENSE` (a file in the repository) or a URL"
    if has_text(ctx.meta.get("license_details")):
        help_ += "; `license_details` is a legacy free-text field the Hub does not link"
    yield Hit(others[0], f"license is `other` but the card gives no {' and no '.join(missing)}", help=help_)


@rule("DCL803", "invalid-language-code", E, "hub", needs_governance=False)
def invalid_language_code(ctx: RuleContext) -> Iterable[Hit]:
    """A `language` entry is not an ISO 639 code the Hub accepts

    Why it matters
    --------------
    The Hub indexes datasets by the ISO 639-1/639-3 codes in `language`. Language names,
    locale tags such as `en-US` and language pairs such as `en-de` are not found by a
    language filter, so the dataset is invisible to the speakers it was made for. Regional
    variants belong in `language_details`.

    Tier: error (the push is refused). Basis: the Hub requires `language` values to be ISO
    639-1/2/3 codes (huggingface/huggingface_hub issue 3862, 2026); it refused `es-ES`,
    `zh-CN` and `noinfo` with "Invalid metadata in README.md" (espnet/espnet_model_zoo pull
    request 102, 2026) and `zh-CN` earlier with "must only contain lowercase characters"
    (jonatasgrosman/wav2vec2-sprint issue 11, 2023). Retired codes such as `sh` are DCL816.

    Failing example
    ---------------
    ```yaml
    license: mit
    language:
      - en-US  # <- DCL803
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language:
      - en
    language_details:
      - en-US
    ```

    How to fix
    ----------
    Use the ISO 639-1 code (`en`) or, where there is none, the ISO 639-3 code (`yue`); list
    each language of a translation pair separately; put BCP-47 tags in `language_details`.
    """
    legacy = vocab.vocabulary("legacy_language_values")
    for path, value in _strings(ctx.meta, "language"):
        if value in legacy:
            continue  # DCL814
        if vocab.retired_language_code(value):
            continue  # DCL816
        problem = vocab.language_code_problem(value)
        if problem:
            yield Hit(path, _under_old_key(path, f"invalid language code: {problem}"))


@rule("DCL804", "deprecated-key", INFO, "hub", needs_governance=False)
def deprecated_key(ctx: RuleContext) -> Iterable[Hit]:
    """The card uses a key the Hub renamed, such as `languages` or `licenses`

    Why it matters
    --------------
    The Hub reads `language` and `license`; the plural spellings of early cards are ignored,
    so a card that only has `languages` shows no language at all.

    Tier: info (legacy spelling). Basis: `datasets` renamed the keys when it moved card
    validation to the Hub (`datasets/utils/metadata.py`); the values are checked by the
    rules of the current key, so this finding is only the rename.

    Failing example
    ---------------
    ```yaml
    license: mit
    languages:  # <- DCL804
      - en
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language:
      - en
    ```

    How to fix
    ----------
    Rename the key; if the card already has both, merge the values and delete the old key.
    """
    renamed = vocab.deprecated_keys()
    for key in ctx.meta:
        if isinstance(key, str) and key in renamed:
            new = renamed[key]
            if new in ctx.meta:
                message = f"`{key}` is deprecated and ignored by the Hub; the card also has `{new}`"
                help_ = f"merge the values into `{new}` and delete `{key}`"
            else:
                message = f"`{key}` is deprecated; the Hub reads `{new}`"
                help_ = f"rename `{key}` to `{new}`"
            yield Hit((key,), message, help=help_, key=True)


@rule("DCL805", "unknown-task-category", W, "hub", needs_governance=False)
def unknown_task_category(ctx: RuleContext) -> Iterable[Hit]:
    """A `task_categories` value is not a current Hub task category

    Why it matters
    --------------
    Task categories drive the Hub's task filter. Renamed categories (`conversational`,
    `text2text-generation`) and free-form names drop the dataset from the filter its users
    search with.

    Tier: warning (accepted, not indexed). Basis: the Hub stores unknown task categories but
    its task filter lists only the pipeline types of `huggingface.js` `pipelines.ts`.

    Failing example
    ---------------
    ```yaml
    license: mit
    task_categories:
      - conversational  # <- DCL805
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    task_categories:
      - text-generation
    ```

    How to fix
    ----------
    Use a category from the Hub's list (the pipeline types in `huggingface.js`); for renamed
    categories the message names the replacement. Put finer task names in `task_ids` or
    `tags`.
    """
    known = vocab.task_categories()
    legacy = vocab.legacy_task_categories()
    for path, value in _strings(ctx.meta, "task_categories"):
        if value in known:
            continue
        if value in legacy:
            replacement = legacy[value]
            help_ = (
                f"the Hub replaced it by `{replacement}`" if replacement
                else "the Hub dropped it without a single replacement; choose the closest current category"
            )
            yield Hit(path, f"`{value}` is a retired task category", help=help_)
            continue
        if _is_legacy_task(value):
            continue  # DCL814
        if value in vocab.task_ids():
            help_ = f"`{value}` is a task id: move it to `task_ids` and give its category here"
        else:
            help_ = _did_you_mean(value, known) or "use a category from the Hub's task list"
        yield Hit(path, f"`{value}` is not a Hub task category", help=help_)


@rule("DCL806", "unknown-task-id", W, "hub", needs_governance=False)
def unknown_task_id(ctx: RuleContext) -> Iterable[Hit]:
    """A `task_ids` value is not a Hub sub-task

    Why it matters
    --------------
    `task_ids` refine the task category with the sub-tasks the Hub lists. Values outside the
    list are not indexed, so the refinement is lost.

    Tier: warning (accepted, not indexed). Basis: as DCL805, for the sub-task types of
    `pipelines.ts`.

    Failing example
    ---------------
    ```yaml
    license: mit
    task_categories: [text-classification]
    task_ids:
      - sentiment-clasification  # <- DCL806
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    task_categories: [text-classification]
    task_ids:
      - sentiment-classification
    ```

    How to fix
    ----------
    Use a sub-task from the Hub's list; describe other tasks in `tags`.
    """
    known = vocab.task_ids()
    for path, value in _strings(ctx.meta, "task_ids"):
        if value in known:
            continue
        if _is_legacy_task(value):
            continue  # DCL814
        if value in vocab.task_categories():
            help_ = f"`{value}` is a task category: move it to `task_categories`"
        else:
            help_ = _did_you_mean(value, known) or "use a sub-task from the Hub's list, or describe the task in `tags`"
        yield Hit(path, f"`{value}` is not a Hub task id", help=help_)


@rule("DCL807", "invalid-size-category", W, "hub", needs_governance=False)
def invalid_size_category(ctx: RuleContext) -> Iterable[Hit]:
    """A `size_categories` value is not one of the Hub's size buckets

    Why it matters
    --------------
    The Hub's size filter only knows its own buckets (`n<1K`, `1K<n<10K`, ...). A free-form
    size such as `10k<n<100k` or `~3000 hours` hides the dataset from the filter.

    Tier: warning (accepted, not indexed). Basis: the Hub accepts any string here (cards with
    `100k<n<1M` are published) but filters only on the buckets `huggingface_hub` lists in
    `repocard_data.py`.

    Failing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - 10k<n<100k  # <- DCL807
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - 10K<n<100K
    ```

    How to fix
    ----------
    Use the bucket that contains the number of examples: `n<1K`, `1K<n<10K`, `10K<n<100K`,
    `100K<n<1M`, `1M<n<10M`, `10M<n<100M`, `100M<n<1B`, `1B<n<10B`, `10B<n<100B`,
    `100B<n<1T`, `n>1T`, or `other`.
    """
    known = vocab.size_categories()
    legacy = vocab.vocabulary("legacy_size_categories")
    for path, value in _strings(ctx.meta, "size_categories"):
        if value in known or value in legacy:
            continue  # legacy values are DCL814
        help_ = _did_you_mean(value, known) or "use one of the Hub's buckets, e.g. `10K<n<100K`"
        yield Hit(path, f"`{value}` is not a Hub size category", help=help_)


_CREATOR_HINTS = {
    "none": "no-annotation",
    "n/a": "no-annotation",
    "automatic": "machine-generated",
    "automated": "machine-generated",
    "generated": "machine-generated",
    "machine": "machine-generated",
    "expert": "expert-generated",
    "experts": "expert-generated",
    "crowd": "crowdsourced",
}


@rule("DCL808", "invalid-creators", W, "hub", needs_governance=False)
def invalid_creators(ctx: RuleContext) -> Iterable[Hit]:
    """An `annotations_creators` or `language_creators` value is not in the Hub's list

    Why it matters
    --------------
    These two keys are the only place a plain Hub card says whether text or labels were
    written by people or generated by a machine (`machine-generated`). Values outside the
    list, such as a person's name or `unknown`, carry no such signal.

    Tier: warning (accepted, not indexed). Basis: the Hub accepts other values and its filter
    knows only the `huggingface_hub` lists.

    Failing example
    ---------------
    ```yaml
    license: mit
    annotations_creators:
      - crowd-sourced  # <- DCL808
    language_creators:
      - found
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    annotations_creators:
      - crowdsourced
    language_creators:
      - found
    ```

    How to fix
    ----------
    `annotations_creators` takes `crowdsourced`, `expert-generated`, `found`,
    `machine-generated`, `no-annotation` or `other`; `language_creators` the same without
    `no-annotation`. Name people and organisations in the card body instead.
    """
    for kind in ("annotations_creators", "language_creators"):
        known = vocab.creators(kind)
        for path, value in _strings(ctx.meta, kind):
            if value in known or _is_legacy_other(value):
                continue  # legacy `other-...` is DCL814
            hint = _CREATOR_HINTS.get(value.strip().lower())
            if hint and hint in known:
                help_ = f"use `{hint}`"
            elif kind == "language_creators" and value == "no-annotation":
                help_ = "`no-annotation` is only for `annotations_creators`; use `found` or another source"
            else:
                help_ = _did_you_mean(value, known) or f"use one of: {', '.join(sorted(known))}"
            yield Hit(path, f"`{value}` is not a valid `{kind}` value", help=help_)


@rule("DCL809", "invalid-multilinguality", W, "hub", needs_governance=False)
def invalid_multilinguality(ctx: RuleContext) -> Iterable[Hit]:
    """A `multilinguality` value is not `monolingual`, `multilingual`, `translation` or `other`

    Why it matters
    --------------
    The Hub filters on these four values. Language codes or free text in this key say
    nothing the filter understands; languages belong in `language`.

    Tier: warning (accepted, not indexed). Basis: as DCL808.

    Failing example
    ---------------
    ```yaml
    license: mit
    language: [en, fr]
    multilinguality:
      - en-fr  # <- DCL809
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en, fr]
    multilinguality:
      - translation
    ```

    How to fix
    ----------
    Use `monolingual`, `multilingual`, `translation` or `other`, and list the languages
    themselves in `language`.
    """
    known = vocab.multilinguality()
    for path, value in _strings(ctx.meta, "multilinguality"):
        if value in known or _is_legacy_other(value):
            continue  # legacy `other-...` is DCL814
        if language_key(value) is not None or re.fullmatch(r"[a-z]{2,3}-[a-z]{2,3}", value):
            help_ = "languages go in `language`; here use `monolingual`, `multilingual` or `translation`"
        else:
            help_ = _did_you_mean(value, known) or "use `monolingual`, `multilingual`, `translation` or `other`"
        yield Hit(path, f"`{value}` is not a valid `multilinguality` value", help=help_)


@rule("DCL810", "multilinguality-disagrees-with-language", W, "hub", needs_governance=False)
def multilinguality_disagrees_with_language(ctx: RuleContext) -> Iterable[Hit]:
    """`multilinguality` is monolingual but `language` lists several languages

    Why it matters
    --------------
    A card that calls itself monolingual while listing several languages misleads readers
    about coverage, and one of the two keys is wrong.
    Tail evaluations and language filters both depend on the list being right.

    Tier: warning (accepted; the two keys contradict each other).

    Failing example
    ---------------
    ```yaml
    license: mit
    language: [en, de]
    multilinguality: monolingual  # <- DCL810
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en, de]
    multilinguality: multilingual
    ```

    How to fix
    ----------
    Correct whichever key is wrong. A dataset whose configs are each in one language is still
    multilingual as a whole. Variants of one language (`nb` and `nn`, `ar` and `arz`) count
    as one language here.
    """
    value = ctx.meta.get("multilinguality")
    values = value if isinstance(value, list) else [value]
    if not values or any(v != "monolingual" for v in values):
        return
    languages = declared_languages(ctx)
    path: Path_ = ("multilinguality",) if not isinstance(value, list) else ("multilinguality", 0)
    if len(languages) >= 2:
        shown = shorten(list(languages.values()))
        yield Hit(path, f"`multilinguality` is monolingual but `language` lists {len(languages)} languages ({shown})",
                  help="use `multilingual` (or `translation`), or remove the languages the data does not contain")


@rule("DCL811", "duplicate-config-name", E, "hub", needs_governance=False)
def duplicate_config_name(ctx: RuleContext) -> Iterable[Hit]:
    """Two `configs` (or `dataset_info` entries) have the same `config_name`

    Why it matters
    --------------
    Loaders pick a config by name; with two of the same name one set of files silently
    shadows the other, and governance parts bound to that config become ambiguous.

    Tier: error (mangled). Basis: `MetadataConfigs` and `DatasetInfosDict` are dicts keyed by
    name, so `datasets` keeps only the last entry of a repeated name and drops the other
    silently (checked by the differential test in `tests/integrations/`).

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files: data/a/*.parquet
      - config_name: default  # <- DCL811
        data_files: data/b/*.parquet
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: human
        data_files: data/a/*.parquet
      - config_name: synthetic
        data_files: data/b/*.parquet
    ```

    How to fix
    ----------
    Give every config a unique name, or merge the two entries.
    """
    for key in ("configs", "dataset_info"):
        entries = ctx.meta.get(key)
        if not isinstance(entries, list):
            continue
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if not isinstance(entry, Mapping):
                continue
            name = entry.get("config_name", "default" if key == "dataset_info" else None)
            if not isinstance(name, str):
                continue
            if name in seen:
                yield Hit((key, index, "config_name") if "config_name" in entry else (key, index),
                          f"`{key}` entry {index + 1} repeats config_name `{name}` of entry {seen[name] + 1}",
                          help="rename one of them or merge the entries")
            else:
                seen[name] = index


def _example_counts(info: object) -> list[tuple[str | None, int]] | None:
    """(config name, number of examples) per `dataset_info` entry; None unless every count is clear."""
    entries = info if isinstance(info, list) else [info]
    counts: list[tuple[str | None, int]] = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            return None
        splits = entry.get("splits")
        if isinstance(splits, Mapping):
            splits = list(splits.values())
        if not isinstance(splits, list) or not splits:
            return None
        total = 0
        for split in splits:
            if not isinstance(split, Mapping):
                return None
            n = split.get("num_examples")
            if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                return None
            total += n
        name = entry.get("config_name")
        counts.append((name if isinstance(name, str) else None, total))
    return counts or None


def size_bucket(n: int) -> str:
    """The Hub size bucket of `n` examples."""
    for bucket, (low, high) in SIZE_BOUNDS.items():
        if low <= n < high:
            return bucket
    return "n>1T"


@rule("DCL812", "size-category-disagrees-with-examples", W, "hub", needs_governance=False)
def size_category_disagrees_with_examples(ctx: RuleContext) -> Iterable[Hit]:
    """`size_categories` does not match the example counts in `dataset_info`

    Why it matters
    --------------
    The size bucket is what people filter and sort by; the split sizes in `dataset_info`
    are usually generated by a tool and therefore more reliable. A mismatch means the bucket
    was guessed or went stale when the data changed.

    Tier: warning (accepted; the bucket is stale).

    Failing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - 1K<n<10K  # <- DCL812
    dataset_info:
      splits:
        - name: train
          num_examples: 21500
        - name: test
          num_examples: 2700
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - 10K<n<100K
    dataset_info:
      splits:
        - name: train
          num_examples: 21500
        - name: test
          num_examples: 2700
    ```

    How to fix
    ----------
    Use the bucket of the total number of examples. For several configs, the bucket of the
    whole dataset or of one config is accepted.
    """
    counts = _example_counts(ctx.meta.get("dataset_info"))
    if not counts:
        return
    declared = [(path, value) for path, value in _strings(ctx.meta, "size_categories") if value in SIZE_BOUNDS]
    if not declared or len(declared) != len(ctx.hub_list("size_categories")):
        return
    total = sum(n for _, n in counts)
    candidates = {total, *(n for _, n in counts)}
    candidates.discard(0)
    if not candidates:
        return
    for n in candidates:
        for _, bucket in declared:
            low, high = SIZE_BOUNDS[bucket]
            if low <= n <= high:
                return
    path, bucket = declared[0]
    where = "in total" if len(counts) == 1 else f"in total over {len(counts)} configs"
    yield Hit(path, f"`dataset_info` counts {total:,} examples {where}, outside the declared `{bucket}`",
              help=f"use `{size_bucket(total)}`")


def _normal_key(key: str) -> str:
    words = key.strip().lower().replace("-", "_").replace(" ", "_").replace("licence", "license").split("_")
    return "_".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@cache
def _normal_hub_keys() -> dict[str, str]:
    return {_normal_key(k): k for k in HUB_KEYS}


@rule("DCL813", "misspelt-hub-key", W, "hub", needs_governance=False)
def misspelt_hub_key(ctx: RuleContext) -> Iterable[Hit]:
    """A top-level key is a misspelling of a key the Hub reads, such as `licence` or `task_category`

    Why it matters
    --------------
    The Hub silently ignores keys it does not know. A card that says `licence: mit` or
    `annotation_creators: [...]` looks complete to its author but shows no licence or
    creators on the Hub.

    Tier: warning (accepted, ignored). Basis: the Hub ignores keys it does not know.

    Failing example
    ---------------
    ```yaml
    licence: mit  # <- DCL813
    language: [en]
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en]
    ```

    How to fix
    ----------
    Rename the key to the spelling in the message.
    """
    normal = _normal_hub_keys()
    renamed = vocab.deprecated_keys()
    for key in ctx.meta:
        if not isinstance(key, str) or key in HUB_KEYS or key in renamed:
            continue
        target = normal.get(_normal_key(key))
        if target is None:
            continue
        message = f"`{key}` is not a Hub key; did you mean `{target}`?"
        if target in ctx.meta:
            yield Hit((key,), message, help=f"merge it into `{target}` and delete `{key}`", key=True)
        else:
            yield Hit((key,), message, help=f"rename it to `{target}`", key=True)


@rule("DCL814", "legacy-hub-value", W, "hub", needs_governance=False)
def legacy_hub_value(ctx: RuleContext) -> Iterable[Hit]:
    """A value only the retired 2022 card validator accepted, such as size `unknown` or `other-...`

    Why it matters
    --------------
    Early cards could use `unknown` as a size or language and free-form `other-<name>` or
    `<category>-other-<name>` values for tasks, multilinguality and creators. The Hub's
    current vocabularies no longer contain them, so the values are not indexed, but they
    were valid when written; this is a cleanup, not an error.

    Tier: warning (accepted, not indexed). Basis: the values are missing from today's lists.

    Failing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - unknown  # <- DCL814
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    size_categories:
      - 1K<n<10K
    ```

    How to fix
    ----------
    Replace `unknown` sizes with the real bucket (or `other`); remove a `language: unknown`
    or use `und`; replace `other-<name>` values with `other` (or a listed task), describing
    the specifics in `tags` or the card body.
    """
    legacy_sizes = vocab.vocabulary("legacy_size_categories")
    for path, value in _strings(ctx.meta, "size_categories"):
        if value in legacy_sizes:
            yield Hit(path, f"size category `{value}` is a legacy value the Hub no longer lists",
                      help="give the real size bucket, or `other`")
    legacy_languages = vocab.vocabulary("legacy_language_values")
    for path, value in _strings(ctx.meta, "language"):
        if value in legacy_languages:
            yield Hit(path, f"language `{value}` is a legacy value, not a language code",
                      help="remove it if the data has no natural language, or use `und` (undetermined)")
    for key in ("multilinguality", "annotations_creators", "language_creators"):
        for path, value in _strings(ctx.meta, key):
            if _is_legacy_other(value):
                yield Hit(path, f"`{value}` in `{key}` is a legacy free-form value the Hub no longer indexes",
                          help="use `other` and describe the specifics in `tags` or the card body")
    for key in ("task_categories", "task_ids"):
        for path, value in _strings(ctx.meta, key):
            if _is_legacy_task(value):
                yield Hit(path, f"`{value}` in `{key}` is a legacy free-form task the Hub no longer indexes",
                          help="use a task from the Hub's list if one fits, and describe the task in `tags`")


@rule("DCL815", "template-placeholder-key", W, "hub", needs_governance=False)
def template_placeholder_key(ctx: RuleContext) -> Iterable[Hit]:
    """The front matter still holds the template's `YAML tags` placeholder

    Why it matters
    --------------
    The old card template opened with a `YAML tags:` key asking authors to paste tags from a
    tagging app. Left in place, it is a key nothing reads, and usually a sign that the real
    metadata (license, language, task, size) was never filled in.

    Tier: warning (accepted, ignored).

    Failing example
    ---------------
    ```yaml
    YAML tags:  # <- DCL815
      - copy-paste the tags obtained with the online tagging app
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en]
    task_categories: [text-classification]
    ```

    How to fix
    ----------
    Delete the key and give the real metadata: `license`, `language`, `task_categories`,
    `size_categories` and the other Hub keys.
    """
    placeholders = vocab.vocabulary("template_placeholder_keys")
    for key in ctx.meta:
        if isinstance(key, str) and key in placeholders:
            yield Hit((key,), f"`{key}` is the card template's placeholder, not metadata",
                      help="delete it and fill in the real Hub keys", key=True)


# --- language codes the Hub's list no longer covers --------------------------------------------


@rule("DCL816", "retired-language-code", W, "hub", needs_governance=False)
def retired_language_code(ctx: RuleContext) -> Iterable[Hit]:
    """A `language` entry is a retired or bibliographic ISO 639 code, such as `sh`, `iw` or `ger`

    Why it matters
    --------------
    The Hub's language list (the ISO 639-1 and 639-3 tables of `huggingface.js`) no longer
    has codes that ISO withdrew (`iw`, `in`, `ji`, `jw`, `mo`, `sh`) or the bibliographic
    ISO 639-2 forms (`ger`, `fre`). Cards using them are on the Hub today, but the language
    filter is keyed on the current codes, so the dataset is missing from the page its
    speakers look at.

    Tier: warning (accepted, not indexed). Basis: the Hub's language list recorded in
    `vocabularies.json` (`language_codes`, with its source commit) lacks these codes, and the
    IANA registry that `langcodes` ships names their replacement.

    Failing example
    ---------------
    ```yaml
    license: mit
    language:
      - iw  # <- DCL816
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language:
      - he
    ```

    How to fix
    ----------
    Use the code the message names (`iw` -> `he`, `sh` -> `hbs`, `ger` -> `de`).
    """
    for path, value in _strings(ctx.meta, "language"):
        replacement = vocab.retired_language_code(value)
        if replacement:
            yield Hit(path, _under_old_key(path, f"language code `{value}` is retired; the Hub lists it as "
                                           f"`{replacement}`"),
                      help=f"use `{replacement}`")


# --- `configs` and `dataset_info`, as `datasets` reads them -----------------------------------

#: The last (key, value, problems) computed; one tuple, swapped whole, so threads never mix entries.
_last_problems: list[tuple[str, Any, tuple[Problem, ...]]] = []


def _problems(ctx: RuleContext, key: str) -> tuple[Problem, ...]:
    """The problems of `configs` or `dataset_info`, found once per card and shared by the rules."""
    value = ctx.meta.get(key)
    if value is None:
        return ()
    cached = _last_problems[0] if _last_problems else None
    if cached is not None and cached[0] == key and cached[1] is value:
        return cached[2]
    found = tuple(config_problems(value) if key == "configs" else dataset_info_problems(value))
    _last_problems[:] = [(key, value, found)]
    return found


def _hits(ctx: RuleContext, key: str, *kinds: str) -> Iterator[Hit]:
    for problem in _problems(ctx, key):
        if problem.kind in kinds:
            yield Hit(problem.path, problem.message, help=problem.help, key=problem.key)


@rule("DCL817", "configs-not-a-list", E, "hub", needs_governance=False)
def configs_not_a_list(ctx: RuleContext) -> Iterable[Hit]:
    """`configs` is a mapping or a single value instead of a list of configs

    Why it matters
    --------------
    `datasets` reads `configs` as a list; for anything else
    `MetadataConfigs.from_dataset_card_data` raises "Expected configs to be a list" and
    `load_dataset` fails before reading a file.

    Tier: error (`load_dataset` fails). Basis: `datasets.utils.metadata.MetadataConfigs`,
    run by the differential test in `tests/integrations/test_datasets_differential.py`.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:  # <- DCL817
      default:
        data_files: data/*.parquet
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files: data/*.parquet
    ```

    How to fix
    ----------
    Write one `- config_name: <name>` entry per config.
    """
    return _hits(ctx, "configs", "configs-shape")


@rule("DCL818", "invalid-config-name", E, "hub", needs_governance=False)
def invalid_config_name(ctx: RuleContext) -> Iterable[Hit]:
    """A `configs` entry has no `config_name`, or a name `datasets` cannot use

    Why it matters
    --------------
    Every config needs a `config_name` string. The retired format (a bare list of names,
    `configs: [en, fr]`), an entry without `config_name`, an unquoted number (`config_name:
    2020`) and a name with a character that is not allowed in a Windows path (`<>:/\\|?*`)
    all make `datasets` raise when it builds the configs, so `load_dataset` fails.

    Tier: error (`load_dataset` fails). Basis: `MetadataConfigs.from_dataset_card_data`
    ("Each config must include `config_name`") and `BuilderConfig.__post_init__`
    (`InvalidConfigName`, or a `TypeError` for a number), run by the differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:  # <- DCL818
      - en
      - fr
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: en
        data_files: en/*.parquet
      - config_name: fr
        data_files: fr/*.parquet
    ```

    How to fix
    ----------
    Write each config as a mapping with a quoted `config_name` and its `data_files`.
    """
    return _hits(ctx, "configs", "config-name")


@rule("DCL819", "invalid-data-files", E, "hub", needs_governance=False)
def invalid_data_files(ctx: RuleContext) -> Iterable[Hit]:
    """A config's `data_files` (or `data_dir`) is not in a form `datasets` accepts

    Why it matters
    --------------
    `data_files` is a pattern, a list of patterns, or a list of `{split, path}` mappings
    with exactly those two keys and `path` a pattern or a list of them. A mapping of splits,
    an entry without `path`, extra keys or a number raise in
    `MetadataConfigs._raise_if_data_files_field_not_valid`, so `load_dataset` fails.

    Tier: error (`load_dataset` fails). Basis: `datasets.utils.metadata` and
    `datasets.data_files.sanitize_patterns`, run by the differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: train  # <- DCL819
            pattern: data/train-*.parquet
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: train
            path: data/train-*.parquet
    ```

    How to fix
    ----------
    Give each split one `- split: <name>` entry with a `path` (a pattern or a list of
    patterns), or a single pattern for a dataset with one split.
    """
    return _hits(ctx, "configs", "data-files")


@rule("DCL820", "invalid-split-name", E, "hub", needs_governance=False)
def invalid_split_name(ctx: RuleContext) -> Iterable[Hit]:
    """A split name in `data_files` has characters `datasets` refuses, such as `-` or a space

    Why it matters
    --------------
    Split names must match `^\\w+(\\.\\w+)*$` (letters, digits, `_`, dots between words):
    `datasets` uses them in file names. `dev-clean` or `test 2` make the `data_files`
    check raise, so `load_dataset` fails.

    Tier: error (`load_dataset` fails). Basis: `datasets.naming._split_re`, checked by
    `MetadataConfigs._raise_if_data_files_field_not_valid`, run by the differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: dev-clean  # <- DCL820
            path: dev/*.parquet
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: dev_clean
            path: dev/*.parquet
    ```

    How to fix
    ----------
    Replace dashes and spaces by `_` (the message names the new spelling).
    """
    return _hits(ctx, "configs", "split-name")


@rule("DCL821", "duplicate-split", E, "hub", needs_governance=False)
def duplicate_split(ctx: RuleContext) -> Iterable[Hit]:
    """A config's `data_files` lists the same split twice

    Why it matters
    --------------
    `sanitize_patterns` raises "Some splits are duplicated in data_files", so
    `load_dataset` fails for that config.

    Tier: error (`load_dataset` fails). Basis: `datasets.data_files.sanitize_patterns`, run by
    the differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: train
            path: a/*.parquet
          - split: train  # <- DCL821
            path: b/*.parquet
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files:
          - split: train
            path: [a/*.parquet, b/*.parquet]
    ```

    How to fix
    ----------
    Merge the entries: one `split` with a list of patterns under `path`.
    """
    return _hits(ctx, "configs", "duplicate-split")


@rule("DCL822", "several-default-configs", E, "hub", needs_governance=False)
def several_default_configs(ctx: RuleContext) -> Iterable[Hit]:
    """More than one config is the default (`default: true` or the name `default`)

    Why it matters
    --------------
    `MetadataConfigs.get_default_config_name` raises "Dataset has several default
    configs", so `load_dataset` fails for every config, not only the default.

    Tier: error (`load_dataset` fails). Basis: `datasets.utils.metadata`, run by the
    differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files: all/*.parquet
      - config_name: en
        data_files: en/*.parquet
        default: true  # <- DCL822
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: all
        data_files: all/*.parquet
      - config_name: en
        data_files: en/*.parquet
        default: true
    ```

    How to fix
    ----------
    Keep `default: true` on one config and do not name another one `default`.
    """
    return _hits(ctx, "configs", "default-config")


@rule("DCL823", "invalid-features", E, "hub", needs_governance=False)
def invalid_features(ctx: RuleContext) -> Iterable[Hit]:
    """`features` (in `dataset_info` or a config) are not in the form `datasets` reads

    Why it matters
    --------------
    `Features._from_yaml_list` wants a list of named fields, each typed by its first key.
    Features written as a mapping, fields without `name`, a `class_label` whose ids have
    gaps, an `array2_d` without `shape` or a type without its parameters make it raise and
    `load_dataset` fail. A field listed twice is kept once, silently.

    Tier: error (`load_dataset` fails, or a column definition is silently dropped). Basis:
    `datasets.features.Features._from_yaml_list` and `generate_from_dict`, run by the
    differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      features:  # <- DCL823
        text:
          dtype: string
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      features:
        - name: text
          dtype: string
    ```

    How to fix
    ----------
    Write `- name: <column>` entries, each with `dtype:` (or `list:`, `struct:`,
    `class_label:` with its `names`).
    """
    yield from _hits(ctx, "dataset_info", "features", "duplicate-feature")
    yield from _hits(ctx, "configs", "features", "duplicate-feature")


@rule("DCL824", "unknown-feature-dtype", E, "hub", needs_governance=False)
def unknown_feature_dtype(ctx: RuleContext) -> Iterable[Hit]:
    """A feature's `dtype` or type name is not one `datasets` knows, such as `str` or `text`

    Why it matters
    --------------
    `datasets` turns `dtype: string` into an Arrow type and `dtype: image` into an image
    feature; a misspelt dtype (`strng`, `int`, `text`) matches neither and
    `generate_from_dict` raises "Feature type ... not found", so `load_dataset` fails.

    Tier: error (`load_dataset` fails). Basis: `datasets.features.Value` /
    `string_to_arrow` and the feature-type table `_FEATURE_TYPES`, run by the differential
    test.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      features:
        - name: text
          dtype: strng  # <- DCL824
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      features:
        - name: text
          dtype: string
    ```

    How to fix
    ----------
    Use a dtype such as `string`, `int64`, `float32`, `bool`, `timestamp[s]`, or a media
    type (`image`, `audio`, `video`); the message suggests the closest one.
    """
    yield from _hits(ctx, "dataset_info", "feature-dtype")
    yield from _hits(ctx, "configs", "feature-dtype")


@rule("DCL825", "invalid-dataset-info", E, "hub", needs_governance=False)
def invalid_dataset_info(ctx: RuleContext) -> Iterable[Hit]:
    """A `dataset_info` entry, split or version is not in the form `datasets` reads

    Why it matters
    --------------
    `DatasetInfosDict.from_dataset_card_data` builds one `DatasetInfo` per entry. Entries
    that are not mappings, `splits` given as plain names, a split listed twice, unknown
    split keys and a version that is not `x.y.z` make it raise, so `load_dataset` fails.

    Tier: error (`load_dataset` fails). Basis: `datasets.info.DatasetInfo.__post_init__`,
    `datasets.splits.SplitDict` ("Split ... already present") and `datasets.utils.Version`,
    run by the differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - train  # <- DCL825
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - name: train
          num_bytes: 1048576
          num_examples: 1000
    ```

    How to fix
    ----------
    Give each split as a mapping with `name`, `num_bytes` and `num_examples`, once each.
    """
    return _hits(ctx, "dataset_info", "dataset-info-shape")


@rule("DCL826", "split-count-not-a-number", E, "hub", needs_governance=False)
def split_count_not_a_number(ctx: RuleContext) -> Iterable[Hit]:
    """A split's `num_examples` or `num_bytes` is a string, a fraction or negative

    Why it matters
    --------------
    `datasets` compares the recorded `num_examples` with the examples it prepared
    (`verify_splits`, on by default). A quoted `'1000'` never equals `1000`, so
    `load_dataset` raises `NonMatchingSplitsSizesError` after downloading the whole split.

    Tier: error (`load_dataset` fails). Basis: `datasets.utils.info_utils.verify_splits`,
    called by `DatasetBuilder._download_and_prepare` under the default
    `verification_mode="basic_checks"`.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - name: train
          num_bytes: 1048576
          num_examples: '1000'  # <- DCL826
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - name: train
          num_bytes: 1048576
          num_examples: 1000
    ```

    How to fix
    ----------
    Write the counts as unquoted whole numbers.
    """
    return _hits(ctx, "dataset_info", "split-count")


@rule("DCL827", "split-count-missing", W, "hub", needs_governance=False)
def split_count_missing(ctx: RuleContext) -> Iterable[Hit]:
    """A `dataset_info` split has no `name`, `num_bytes` or `num_examples`

    Why it matters
    --------------
    `datasets` logs "Ignoring part of dataset_info" and loads the data anyway, but without
    the counts it cannot check that the files are complete, and the Hub shows no size for
    the split.

    Tier: warning (accepted, partly ignored). Basis: `datasets.info.DatasetInfo._from_yaml_dict`
    catches the `SplitDict._from_yaml_list` error and only logs it.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - name: train  # <- DCL827
          num_examples: 1000
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      splits:
        - name: train
          num_bytes: 1048576
          num_examples: 1000
    ```

    How to fix
    ----------
    Add the missing fields; `push_to_hub` writes all three.
    """
    return _hits(ctx, "dataset_info", "split-count-missing")


@rule("DCL828", "dataset-info-ignored", W, "hub", needs_governance=False)
def dataset_info_ignored(ctx: RuleContext) -> Iterable[Hit]:
    """`dataset_info` is a string or a number, which `datasets` ignores

    Why it matters
    --------------
    `DatasetInfosDict.from_dataset_card_data` only reads a mapping or a list; any other
    value is dropped without a message, so the features and sizes the author meant to
    record are not there.

    Tier: warning (accepted, ignored). Basis: `datasets.info.DatasetInfosDict.from_dataset_card_data`.

    Failing example
    ---------------
    ```yaml
    license: mit
    dataset_info: see the paper  # <- DCL828
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    dataset_info:
      features:
        - name: text
          dtype: string
    ```

    How to fix
    ----------
    Remove it, or give `features` and `splits` under it.
    """
    return _hits(ctx, "dataset_info", "dataset-info-ignored")


@rule("DCL829", "unknown-config-parameter", W, "hub", needs_governance=False)
def unknown_config_parameter(ctx: RuleContext) -> Iterable[Hit]:
    """A `configs` entry has a key no `datasets` loader reads, such as `data_file` or `split`

    Why it matters
    --------------
    `datasets` passes a config's keys to the loader's configuration and drops the others
    with only a log line. A misspelt `data_file:` therefore does not restrict the config to
    those files: the config silently loads every data file of the repository.

    Tier: warning (accepted, ignored). Basis: `create_builder_configs_from_metadata_configs`
    in `datasets/load.py` logs "Some datasets params were ignored"; the known keys are the
    fields of the packaged loaders' configs, checked against the installed `datasets` by the
    differential test.

    Failing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_file: data/*.parquet  # <- DCL829
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    configs:
      - config_name: default
        data_files: data/*.parquet
        sep: ";"
    ```

    How to fix
    ----------
    Fix the spelling the message suggests, or remove the key.
    """
    return _hits(ctx, "configs", "config-parameter")
