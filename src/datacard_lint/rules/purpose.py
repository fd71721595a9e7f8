"""Purpose: every synthetic part states why it was generated, as a category and a statement."""

from __future__ import annotations

from collections.abc import Iterable

from datacard_lint.diagnostics import Severity
from datacard_lint.governance.signals import generated_content_signals
from datacard_lint.rules._util import label, part_anchor
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext

E, W = Severity.ERROR, Severity.WARNING

#: A statement shorter than this cannot name a gap and the reason real data did not fill it.
MIN_STATEMENT = 10


def _statement_ok(statement: str | None) -> bool:
    """A statement that says something, at least MIN_STATEMENT characters long."""
    return statement is not None and len(statement) >= MIN_STATEMENT


@rule("DCL201", "synthetic-part-without-purpose", E, "purpose")
def synthetic_part_without_purpose(ctx: RuleContext) -> Iterable[Hit]:
    """A synthetic part does not say why it was generated

    Why it matters
    --------------
    Generated data made for a stated purpose can be judged against it: a part generated for
    rare cases can be checked for coverage of those cases. Without a purpose, generated data
    can only be judged by volume, and volume is what makes replacing real data with cheap
    generated data attractive, the path to model collapse.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: dialogues  # <- DCL201
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
          purpose:
            category: rare_case_augmentation
            statement: Support dialogues about product faults too rare to collect from real tickets.
    ```

    How to fix
    ----------
    Add `purpose` with a `category` and a one- or two-sentence `statement` of the gap the
    part fills and why real data did not fill it. Synthetic classes are `model_generated`,
    `human_edited_model_output`, `generated_preference_label` and `simulation`.
    """
    for part in ctx.synthetic_parts():
        # One purpose or a list of them (1.1): any purpose that says something counts.
        if any(p.category is not None or p.statement is not None for p in part.purposes):
            continue
        where = (*part.path, "purpose") if part.has_purpose else part_anchor(part)
        yield Hit(where, f"{label(part)} is {part.origin_class} but states no purpose",
                  help="add `purpose: {category: ..., statement: ...}`", key=part.has_purpose)


@rule("DCL202", "purpose-without-statement", W, "purpose")
def purpose_without_statement(ctx: RuleContext) -> Iterable[Hit]:
    """A purpose gives a category but no statement

    Why it matters
    --------------
    The category makes datasets comparable; the statement keeps the reason honest. "math"
    says what the part is about, not which gap it fills or why real data could not fill it,
    so nobody can check whether the generated data serves its purpose.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          purpose:
            category: math
            statement: TBD  # <- DCL202
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          purpose:
            category: math
            statement: Worked solutions in Yoruba, where human-written step-by-step solutions are scarce.
    ```

    How to fix
    ----------
    Write one or two sentences: the gap the part fills, and why real data was unavailable
    or insufficient. Empty values, fillers such as `TBD` and texts under ten characters do
    not count.
    """
    for part in ctx.parts():
        for purpose in part.purposes:
            if purpose.category is None:
                continue  # no purpose at all is DCL201's; no category is DCL204's
            if _statement_ok(purpose.statement):
                continue
            if purpose.has_statement:
                yield Hit(purpose.at("statement"),
                          f"purpose statement of {label(part)} says nothing ({purpose.raw_statement!r})",
                          help="say which gap the part fills and why real data did not fill it")
            else:
                yield Hit(purpose.at("category"),
                          f"{label(part)} gives purpose category `{purpose.category}` without a `statement`",
                          help="add `purpose.statement`: the gap the part fills and why real data did not fill it")


@rule("DCL204", "purpose-without-category", W, "purpose")
def purpose_without_category(ctx: RuleContext) -> Iterable[Hit]:
    """A purpose statement is given without a category

    Why it matters
    --------------
    The category, from a fixed list, is what lets users filter and compare synthetic parts
    across datasets (all privacy stand-ins, all distillation data). A statement alone
    cannot be searched or counted.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          purpose:  # <- DCL204
            statement: Worked solutions in Yoruba, where human-written step-by-step solutions are scarce.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: solutions
          share: 1.0
          origin:
            class: model_generated
            generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1}]
          purpose:
            category: math
            statement: Worked solutions in Yoruba, where human-written step-by-step solutions are scarce.
    ```

    How to fix
    ----------
    Add `purpose.category`; use `other` only when no category fits.
    """
    for part in ctx.parts():
        for purpose in part.purposes:
            if purpose.category is not None or purpose.statement is None:
                continue
            where = "category" if purpose.has_category else None
            path = purpose.at(where) if where else purpose.path
            yield Hit(path, f"purpose of {label(part)} has a statement but no `category`",
                      help="add `purpose.category` from the fixed list", key=where is None)


@rule("DCL205", "purpose-exemption-contradicted", E, "purpose")
def purpose_exemption_contradicted(ctx: RuleContext) -> Iterable[Hit]:
    """Purpose is declared not applicable, but the card has synthetic parts

    Why it matters
    --------------
    An exemption takes the requirement out of the score. It is only true when no part is
    synthetic; with synthetic parts listed, the exemption hides the missing purposes
    instead of explaining their absence.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: scenes
          share: 1.0
          origin: {class: simulation}
          purpose:
            category: rare_case_augmentation
            statement: Traffic scenes with rare road layouts that are too few in recorded drives.
      not_applicable:
        purpose: Nothing in this dataset is generated.  # <- DCL205
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: scenes
          share: 1.0
          origin: {class: simulation}
          purpose:
            category: rare_case_augmentation
            statement: Traffic scenes with rare road layouts that are too few in recorded drives.
    ```

    How to fix
    ----------
    Remove `not_applicable.purpose` and give every synthetic part a `purpose`, or correct
    the origin classes if no part is in fact synthetic.

    The exemption is also contradicted when the rest of the card shows generated content: a
    generator that wrote content listed on a part of a human class, the Hub tag `synthetic`,
    or `machine-generated` in `annotations_creators` or `language_creators` (the Hub's own
    signals of generated data); and when a part fills in the `purpose` it calls not
    applicable. An exemption that the card itself contradicts is a hidden synthetic part,
    not an honest answer, so the severity is an error.
    """
    if not ctx.not_applicable("purpose"):
        return
    signs = generated_content_signals(ctx.view)
    if signs:
        yield Hit((*G, "not_applicable", "purpose"),
                  f"purpose is declared not applicable, but {'; '.join(signs)}",
                  help="remove the exemption and document each synthetic part's purpose")
    filled = [p for p in ctx.parts() if p.has_purpose]
    if filled:
        names = ", ".join(f"`{p.id}`" for p in filled)
        yield Hit((*G, "not_applicable", "purpose"),
                  f"purpose is declared not applicable, but {names} {'states' if len(filled) == 1 else 'state'} "
                  "a purpose",
                  help="keep one answer: remove the exemption or the parts' `purpose`")
