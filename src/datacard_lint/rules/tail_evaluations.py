"""Tail evaluations: results on rare languages, dialects and other under-served slices, each readable."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterable, Mapping

from datacard_lint import language_table
from datacard_lint.diagnostics import Severity
from datacard_lint.governance.view import TailEvaluationView
from datacard_lint.governance.vocabulary import LANGUAGE_AXES, SYNTHETIC_CLASSES
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext
from datacard_lint.rules.hub import declared_languages, language_key, shorten

E, W = Severity.ERROR, Severity.WARNING
REQ = "tail_evaluations"


def _evaluations(ctx: RuleContext) -> list[tuple[int, TailEvaluationView]]:
    return [(t.index, t) for t in ctx.view.tail_evaluations]


def _axis(item: TailEvaluationView) -> str | None:
    return item.axis


def _language_slices(ctx: RuleContext) -> list[tuple[int, TailEvaluationView, str]]:
    """(index, evaluation, slice) for language and dialect results with a string slice."""
    out = []
    for index, item in _evaluations(ctx):
        slice_ = item.raw_slice
        if _axis(item) in LANGUAGE_AXES and isinstance(slice_, str):
            out.append((index, item, slice_))
    return out


def _primary(tag: str) -> str | None:
    """The primary language subtag as written in canonical form (`yue-Hant` -> `yue`)."""
    try:
        import langcodes

        return langcodes.Language.get(tag).language
    except (ImportError, ValueError):
        return None


def _tag_is_valid(value: str) -> bool:
    """langcodes' verdict; plain codes and code-region tags from the precomputed table."""
    known = language_table.is_valid(value)
    if known is not language_table.NOT_IN_TABLE:
        return bool(known)
    import langcodes

    try:
        return bool(langcodes.tag_is_valid(value))
    except ValueError:
        return False


def _slice_key(slice_: str) -> str | None:
    """The language key of a well-formed BCP-47 slice; None for malformed ones (DCL505)."""
    if "_" in slice_ or slice_ != slice_.strip() or " " in slice_:
        return None
    return language_key(slice_)


def _is_multilingual(ctx: RuleContext, languages: Mapping[str, str]) -> bool:
    return (
        len(languages) >= 2
        or "multilingual" in ctx.hub_list("multilinguality")
        or "multilingual" in ctx.hub_list("language")
    )


def _where(index: int, item: TailEvaluationView) -> str:
    axis, slice_ = item.raw_axis, item.raw_slice
    if isinstance(axis, str) and isinstance(slice_, str):
        return f"tail evaluation {index + 1} ({axis} `{slice_}`)"
    return f"tail evaluation {index + 1}"


def _value_path(index: int, item: TailEvaluationView) -> tuple[Hashable, ...]:
    base = (*G, REQ, index)
    return (*base, "value") if item.has_value else base


@rule("DCL501", "multilingual-without-language-slice", W, REQ)
def multilingual_without_language_slice(ctx: RuleContext) -> Iterable[Hit]:
    """The card lists several languages but reports no result per language or dialect

    Why it matters
    --------------
    Averaged over all languages, a result is dominated by the largest one. Models trained
    on generated data lose low-resource languages and dialects first, and only a result per
    language shows it. A multilingual card without one says nothing about its tails.

    Failing example
    ---------------
    ```yaml
    language: [en, sw]  # <- DCL501
    multilinguality: multilingual
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2019-01-01, end: 2021-12-31}}
    ```

    Passing example
    ---------------
    ```yaml
    language: [en, sw]
    multilinguality: multilingual
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2019-01-01, end: 2021-12-31}}
      tail_evaluations:
        - {axis: language, slice: sw, metric: accuracy, value: 0.61, n: 800, baseline: {value: 0.74, slice: en}}
    ```

    How to fix
    ----------
    Add a `tail_evaluations` entry with `axis: language` (or `dialect`) for each language,
    starting with the smallest. If no model has been evaluated yet, say so under
    `not_applicable.tail_evaluations`.
    """
    if ctx.not_applicable(REQ):
        return
    languages = declared_languages(ctx)
    if not _is_multilingual(ctx, languages) or _language_slices(ctx):
        return
    if any(_axis(item) in LANGUAGE_AXES for _, item in _evaluations(ctx)):
        return  # slices that are not strings are the schema's business
    if len(languages) >= 2:
        detail = f"lists {len(languages)} languages ({shorten(list(languages.values()))})"
    else:
        detail = "is multilingual"
    path: tuple[Hashable, ...] = ("language",) if len(languages) >= 2 else ("multilinguality",)
    written = ctx.view.raw_tail_evaluations
    if isinstance(written, list) and written:
        path = (*G, REQ)
    yield Hit(path, f"the card {detail} but no tail evaluation has axis `language` or `dialect`",
              help="report a result per language, lowest-resource first", key=True)


@rule("DCL502", "result-without-baseline", W, REQ)
def result_without_baseline(ctx: RuleContext) -> Iterable[Hit]:
    """A tail evaluation gives no baseline to compare its value with

    Why it matters
    --------------
    A tail result is only readable against a reference: the same metric on the head of the
    distribution, or the same slice for a model trained without this dataset. 0.58 on
    Yoruba is good or bad depending on whether English scores 0.60 or 0.90; a slice alone,
    like an average alone, says nothing about the gap.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo
          metric: accuracy
          value: 0.58  # <- DCL502
          n: 500
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo
          metric: accuracy
          value: 0.58
          n: 500
          baseline: {value: 0.74, slice: en, description: Same model on the English portion.}
    ```

    How to fix
    ----------
    Add `baseline` with the `value` of the same metric on the head slice (name it in
    `baseline.slice`) or for a model trained without this dataset (say so in
    `baseline.description`).
    """
    for index, item in _evaluations(ctx):
        baseline = item.raw_baseline
        if baseline is None:
            yield Hit(_value_path(index, item), f"{_where(index, item)} has no baseline to compare its value with",
                      help="add `baseline: {value: ..., slice: ...}` with the head slice "
                           "or a model trained without this data")
        elif item.baseline_without_value:
            yield Hit((*G, REQ, index, "baseline"), f"the baseline of {_where(index, item)} has no `value`",
                      help="give the reference result in `baseline.value`")


@rule("DCL503", "slice-language-not-declared", W, REQ)
def slice_language_not_declared(ctx: RuleContext) -> Iterable[Hit]:
    """A language or dialect slice is in a language the card's `language` list does not include

    Why it matters
    --------------
    Either the card's language list is incomplete, and the dataset is missing from the
    Hub's language filter for that language, or the slice tag is wrong and the result is
    attributed to the wrong language. Codes are compared by primary language, so `sw`,
    `swa` and `sw-KE` match, as do individual languages and their macrolanguage (`arz` and
    `ar`).

    Failing example
    ---------------
    ```yaml
    language: [en, sw]
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo  # <- DCL503
          metric: accuracy
          value: 0.58
    ```

    Passing example
    ---------------
    ```yaml
    language: [en, sw, yo]
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo
          metric: accuracy
          value: 0.58
    ```

    How to fix
    ----------
    Add the language to the Hub `language` list, or correct the slice's BCP-47 tag.
    """
    languages = declared_languages(ctx)
    if not languages:
        return
    for index, item, slice_ in _language_slices(ctx):
        key = _slice_key(slice_)
        if key is None or key in languages:
            continue
        yield Hit((*G, REQ, index, "slice"),
                  f"slice `{slice_}` ({item.raw_axis}) is not in a language the card lists "
                  f"under `language` ({shorten(list(languages.values()))})",
                  help=f"add `{_primary(slice_) or key}` to `language`, or correct the slice tag")


@rule("DCL504", "no-tail-evaluations", W, REQ)
def no_tail_evaluations(ctx: RuleContext) -> Iterable[Hit]:
    """The card has synthetic parts but reports no tail evaluations

    Why it matters
    --------------
    Training on generated data erodes the rare parts of the distribution first, while the
    average can look unchanged. A dataset with synthetic parts should show how models
    trained on it do on rare languages, dialects, domains or cases, or say why it cannot.

    Failing example
    ---------------
    ```yaml
    governance:  # <- DCL504
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-8b-instruct, revision: v1.3}]
      not_applicable:
        tail_evaluations: No model has been trained on this release yet; results follow with v1.1.
    ```

    How to fix
    ----------
    Add `tail_evaluations` with results on the slices where the synthetic data matters
    most, or give the reason under `not_applicable.tail_evaluations`.
    """
    if ctx.not_applicable(REQ):
        return
    synthetic = [p for p in ctx.parts() if p.origin_class in SYNTHETIC_CLASSES]
    if not synthetic:
        return
    value = ctx.view.raw_tail_evaluations
    if value is not None and not (isinstance(value, list) and not value):
        return  # present (a non-list is a schema error)
    names = shorten([f"`{p.id}` ({p.origin_class})" for p in synthetic], 4)
    path: tuple[Hashable, ...] = (*G, REQ) if value is not None else G
    yield Hit(path, f"the card has synthetic part{'s' if len(synthetic) > 1 else ''} {names} "
                    "but reports no tail evaluations",
              help="add `tail_evaluations`, or explain under `not_applicable.tail_evaluations`", key=True)


@rule("DCL505", "invalid-slice-tag", E, REQ)
def invalid_slice_tag(ctx: RuleContext) -> Iterable[Hit]:
    """A language or dialect slice is not a valid BCP-47 tag

    Why it matters
    --------------
    Language and dialect slices are BCP-47 tags so that results can be matched with the
    card's languages and compared across datasets. A name such as `Swahili` or a locale
    written with an underscore (`sw_KE`) cannot be matched reliably.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: dialect
          slice: sw_KE  # <- DCL505
          metric: accuracy
          value: 0.61
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: dialect
          slice: sw-KE
          metric: accuracy
          value: 0.61
    ```

    How to fix
    ----------
    Write the slice as a BCP-47 tag: language subtag, then optional script and region,
    joined with hyphens (`yo`, `sw-KE`, `sr-Latn`, `ar-MA`).
    """
    for index, item, slice_ in _language_slices(ctx):
        value = slice_.strip()
        help_ = None
        if "_" in value or value != slice_ or " " in value:
            import langcodes

            fixed = value.replace("_", "-").replace(" ", "-")
            valid = False
            if langcodes.tag_is_valid(fixed):
                help_ = f"BCP-47 joins subtags with hyphens and has no spaces: use `{langcodes.standardize_tag(fixed)}`"
        else:
            valid = _tag_is_valid(value)
        if valid:
            continue
        if help_ is None:
            from datacard_lint.hub.vocabulary import language_code_problem

            problem = language_code_problem(value) if value else None
            if problem and "language name" in problem:
                help_ = problem
            else:
                help_ = "use a BCP-47 tag such as `yo` or `sw-KE`"
        yield Hit((*G, REQ, index, "slice"),
                  f"slice `{slice_}` of a {item.raw_axis} evaluation is not a valid BCP-47 tag", help=help_)


@rule("DCL506", "evaluation-without-sample-size", W, REQ)
def evaluation_without_sample_size(ctx: RuleContext) -> Iterable[Hit]:
    """A tail evaluation does not say how many items it was computed on

    Why it matters
    --------------
    Tail slices are small by nature, and on 40 items a difference of ten points is noise.
    Without `n` nobody can tell whether a gap to the baseline is real.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: rare_case
          slice: unusual-units
          metric: accuracy
          value: 0.71  # <- DCL506
          baseline: {value: 0.84, slice: standard-units}
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: rare_case
          slice: unusual-units
          metric: accuracy
          value: 0.71
          n: 200
          baseline: {value: 0.84, slice: standard-units}
    ```

    How to fix
    ----------
    Add `n`, the number of evaluation items in the slice.
    """
    for index, item in _evaluations(ctx):
        if not item.has_n:
            yield Hit(_value_path(index, item), f"{_where(index, item)} gives no sample size `n`",
                      help="add `n`, the number of evaluation items in the slice")


@rule("DCL507", "listed-language-without-slice", W, REQ)
def listed_language_without_slice(ctx: RuleContext) -> Iterable[Hit]:
    """Some languages the card lists have no language or dialect result

    Why it matters
    --------------
    When only some languages are evaluated, it is usually the largest ones; the languages
    left out are the tails the requirement is about. The standard asks for a result for
    every language the card lists.

    Failing example
    ---------------
    ```yaml
    language:
      - en
      - yo  # <- DCL507
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - {axis: language, slice: en, metric: accuracy, value: 0.81, n: 800}
    ```

    Passing example
    ---------------
    ```yaml
    language:
      - en
      - yo
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - {axis: language, slice: en, metric: accuracy, value: 0.81, n: 800}
        - {axis: language, slice: yo, metric: accuracy, value: 0.58, n: 500}
    ```

    How to fix
    ----------
    Add a `language` (or `dialect`) result for each language in the message.
    """
    if ctx.not_applicable(REQ):
        return
    languages = declared_languages(ctx)
    slices = _language_slices(ctx)
    if len(languages) < 2 or not slices:
        return  # none at all is DCL501
    covered = {language_key(s.replace("_", "-").strip()) for _, _, s in slices}
    missing = [key for key in languages if key not in covered]
    if not missing:
        return
    listed = ctx.meta.get("language")
    first = languages[missing[0]]
    path: tuple[Hashable, ...] = ("language",)
    if isinstance(listed, list):
        for index, item in enumerate(listed):
            if isinstance(item, str) and item.strip() == first:
                path = ("language", index)
                break
    shown = shorten([f"`{languages[k]}`" for k in missing])
    yield Hit(path, f"no tail evaluation covers listed language{'s' if len(missing) > 1 else ''} {shown}",
              help="add a `language` or `dialect` result for each")


def _freeze(value: object) -> Hashable:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (_dt.date, str, int, float, bool)) or value is None:
        return value
    return repr(value)


@rule("DCL508", "duplicate-tail-evaluation", W, REQ)
def duplicate_tail_evaluation(ctx: RuleContext) -> Iterable[Hit]:
    """Two tail evaluations have the same axis, slice, metric, benchmark and date

    Why it matters
    --------------
    The same measurement reported twice either double-counts a result or, with different
    values, contradicts itself; readers cannot tell which number holds.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - {axis: language, slice: yo, metric: accuracy, value: 0.58, n: 500}
        - {axis: language, slice: yo, metric: accuracy, value: 0.61, n: 500}  # <- DCL508
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - {axis: language, slice: yo, metric: accuracy, value: 0.58, n: 500, date: 2026-04-10}
        - {axis: language, slice: yo, metric: accuracy, value: 0.61, n: 500, date: 2026-10-02}
    ```

    How to fix
    ----------
    Delete the repeated entry, or tell the two apart by `benchmark`, `date` or a more
    specific slice.
    """
    seen: dict[Hashable, tuple[int, TailEvaluationView]] = {}
    for index, item in _evaluations(ctx):
        slice_ = item.raw_slice
        if isinstance(slice_, str) and _axis(item) in LANGUAGE_AXES:
            slice_ = slice_.strip().lower()
        key = (_freeze(item.raw_axis), _freeze(slice_), _freeze(item.raw_metric),
               _freeze(item.raw_benchmark), _freeze(item.date or item.raw_date))
        if key in seen:
            first, other = seen[key]
            values = (other.raw_value, item.raw_value)
            differs = values[0] != values[1]
            detail = f" with a different value ({values[0]} vs {values[1]})" if differs else ""
            yield Hit((*G, REQ, index), f"{_where(index, item)} repeats tail evaluation {first + 1}{detail}",
                      help="delete one, or distinguish them by `benchmark`, `date` or slice")
        else:
            seen[key] = (index, item)


@rule("DCL509", "evaluation-date-in-future", W, REQ)
def evaluation_date_in_future(ctx: RuleContext) -> Iterable[Hit]:
    """A tail evaluation is dated after today

    Why it matters
    --------------
    A result cannot have been measured in the future; the date is a typo, or the entry is a
    placeholder for an evaluation that has not run and whose value is therefore not a
    result.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo
          metric: accuracy
          value: 0.58
          date: 2062-04-10  # <- DCL509
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
      tail_evaluations:
        - axis: language
          slice: yo
          metric: accuracy
          value: 0.58
          date: 2026-04-10
    ```

    How to fix
    ----------
    Correct the date, or remove results that have not been measured yet.
    """
    for index, item in _evaluations(ctx):
        when = item.date
        if when is not None and when > ctx.as_of:
            yield Hit((*G, REQ, index, "date"),
                      f"{_where(index, item)} is dated {when.isoformat()}, after {ctx.as_of.isoformat()}",
                      help="correct the date, or remove a result that has not been measured")
