"""General rules: the block as a whole, YAML typing traps and suppressions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from datacard_lint import codes
from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.diagnostics import Severity
from datacard_lint.governance.readers import is_placeholder as is_placeholder
from datacard_lint.paths import Path_, dotted
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext

#: Hub keys whose values are strings or lists of strings.
HUB_STRING_KEYS = frozenset(
    {
        "language", "language_details", "license", "license_name", "license_link", "tags",
        "annotations_creators", "language_creators", "multilinguality", "size_categories",
        "source_datasets", "task_categories", "task_ids", "pretty_name", "paperswithcode_id",
    }
)
_YAML11_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})


@rule("DCL901", "missing-governance-block", Severity.WARNING, "general", needs_governance=False)
def missing_governance_block(ctx: RuleContext) -> Iterable[Hit]:
    """The card has front matter but no governance block.

    Why it matters
    --------------
    Without the block, nothing in the card says which parts are synthetic, why, how they
    were checked, or whether grounded data is renewed. The card scores 0 on all seven
    requirements.

    Failing example
    ---------------
    ```yaml
    license: mit  # <- DCL901
    language: [en]
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    language: [en]
    governance:
      schema_version: "1.0"
      parts:
        - id: forum-posts
          share: 1.0
          origin: {class: public_web_crawl, collection_period: {start: 2015-01-01, end: 2019-12-31}}
    ```

    How to fix
    ----------
    Run `datacard-lint init README.md` to add a pre-filled block, then replace its TODOs.
    """
    metadata = ctx.card.metadata
    if metadata is None or GOVERNANCE_KEY in metadata:
        return
    message = "card has no `governance` block; no governance requirement is documented"
    if metadata:
        yield Hit((next(iter(metadata)),), message, key=True)
    elif () in ctx.card.spans:  # an explicit `{}` (the Hub's template); blank blocks get DCL021
        yield Hit((), message)


@rule(codes.UNUSED_SUPPRESSION, "unused-suppression", Severity.WARNING, "general", runs_check=False,
      needs_governance=False)
def unused_suppression(ctx: RuleContext) -> Iterable[Hit]:
    """A `# datacard-lint: disable=…` comment silences nothing.

    Why it matters
    --------------
    Stale suppressions hide future problems: once the original finding is fixed, the
    comment would silently swallow a new one on the same line.

    Failing example
    ---------------
    ```yaml
    license: mit  # datacard-lint: disable=DCL801  # <- DCL902
    ```

    Passing example
    ---------------
    ```yaml
    license: mit
    ```

    How to fix
    ----------
    Delete the comment, or correct the code it names.
    """
    return ()


@rule("DCL903", "not-applicable-without-reason", Severity.ERROR, "general")
def not_applicable_without_reason(ctx: RuleContext) -> Iterable[Hit]:
    """A requirement is declared not applicable without a reason.

    Why it matters
    --------------
    "Not applicable" removes a requirement from the score's denominator. Without a reason
    nobody can check the claim, so it counts as absent instead.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
        tail_evaluations: ""  # <- DCL903
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
        tail_evaluations: An index has no model behaviour to evaluate.
    ```

    How to fix
    ----------
    Write one sentence explaining why the requirement does not apply.
    """
    table = ctx.view.not_applicable_table
    if table is None:
        return
    for requirement, reason in table.items():
        if is_placeholder(reason) or (isinstance(reason, str) and len(reason.strip()) < 10):
            yield Hit((*G, "not_applicable", requirement),
                      f"`{requirement}` is declared not applicable without a reason")


@rule("DCL904", "boolean-in-string-field", Severity.ERROR, "general", needs_governance=False)
def boolean_in_string_field(ctx: RuleContext) -> Iterable[Hit]:
    """An unquoted value in a Hub string field was read as a boolean, number, date or null.

    Why it matters
    --------------
    YAML 1.1 reads `no` (Norwegian) as `false`, `on` as `true`, `1.10` as `1.1` and
    `2020-01-01` as a date. The Hub then sees `language: [false]`, a recurring real bug.

    Failing example
    ---------------
    ```yaml
    language:
      - en
      - no  # <- DCL904
    ```

    Passing example
    ---------------
    ```yaml
    language:
      - en
      - "no"
    ```

    How to fix
    ----------
    Quote the value.
    """
    for scalar in ctx.card.implicit:
        if scalar.tag == "null":
            continue  # an empty value is not a typing trap
        if scalar.path and scalar.path[0] in HUB_STRING_KEYS:
            shown = f"a {scalar.tag}"
            yield Hit(scalar.path, f"`{scalar.raw}` in `{scalar.path[0]}` is read as {shown}, not a string",
                      help=f"quote it: '{scalar.raw}'")


@rule("DCL905", "yaml11-boolean", Severity.WARNING, "general", needs_governance=False)
def yaml11_boolean(ctx: RuleContext) -> Iterable[Hit]:
    """An unquoted yes/no/on/off was read as a boolean.

    Why it matters
    --------------
    YAML 1.1 (PyYAML, the Hub) reads these words as booleans; YAML 1.2 tools read them as
    strings. The same card means different things to different readers.

    Failing example
    ---------------
    ```yaml
    extra_gated_prompt: Access needs approval
    x-reviewed: yes  # <- DCL905
    ```

    Passing example
    ---------------
    ```yaml
    extra_gated_prompt: Access needs approval
    x-reviewed: true
    ```

    How to fix
    ----------
    Write `true`/`false` for booleans, or quote the word if a string is meant.
    """
    for scalar in ctx.card.implicit:
        if scalar.tag != "bool" or scalar.raw.lower() not in _YAML11_BOOLEAN_WORDS:
            continue
        if scalar.path and scalar.path[0] in HUB_STRING_KEYS:
            continue  # DCL904 already reports it as an error
        meaning = "true" if scalar.raw.lower() in {"yes", "on"} else "false"
        yield Hit(scalar.path, f"`{scalar.raw}` is read as the boolean {meaning}")


@rule(codes.TODO_MARKER, "todo-marker", Severity.ERROR, "general")
def todo_marker(ctx: RuleContext) -> Iterable[Hit]:
    """A governance value still holds a TODO placeholder.

    Why it matters
    --------------
    `datacard-lint init` pre-fills the block with TODO markers so that nothing inferred
    is mistaken for a checked claim. A release whose card still says TODO has not been
    documented yet.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: org/model, revision: v1}]
          purpose:
            category: instruction_following
            statement: "TODO: why was this part generated?"  # <- DCL906
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: org/model, revision: v1}]
          purpose:
            category: instruction_following
            statement: Multi-turn requests in rare support scenarios.
    ```

    How to fix
    ----------
    Replace every TODO with the real value, or remove the field.
    """
    yield from _todos(ctx.governance, G)


def _todos(value: object, path: Path_) -> Iterable[Hit]:
    if isinstance(value, str):
        if "TODO" in value:
            yield Hit(path, f"`{dotted(path)}` is still a TODO placeholder")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _todos(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _todos(item, (*path, index))


@rule(codes.INTERNAL_ERROR, "internal-error", Severity.ERROR, "general", runs_check=False, needs_governance=False)
def internal_error(ctx: RuleContext) -> Iterable[Hit]:
    """The linter failed on this card.

    Why it matters
    --------------
    A bug in the linter must never pass a card silently. The run exits with status 2 and
    names the rule that failed so it can be reported.

    Failing example
    ---------------
    ```text
    A card that triggers a defect in a rule.
    ```

    Passing example
    ---------------
    ```text
    Every other card.
    ```

    How to fix
    ----------
    Report the message and the card to the datacard-lint issue tracker.
    """
    return ()
