"""Rules raised by validating the governance block against the versioned JSON Schema.

The engine validates the block once with a compiled validator and translates each schema
error into one of these codes, located at the offending value or key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from datacard_lint import codes
from datacard_lint.diagnostics import Severity
from datacard_lint.rules.base import CheckFn, Hit, rule
from datacard_lint.rules.context import RuleContext

E, W = Severity.ERROR, Severity.WARNING


def _schema(code: str, name: str, severity: Severity = E) -> Callable[[CheckFn], CheckFn]:
    return rule(code, name, severity, "schema", runs_check=False)


@_schema(codes.UNKNOWN_SCHEMA_VERSION, "unknown-schema-version")
def unknown_schema_version(ctx: RuleContext) -> Iterable[Hit]:
    """The governance block declares a schema major version this linter does not know.

    Why it matters
    --------------
    Validating a card against the wrong version of the standard would produce misleading
    findings, so the block is not validated at all; upgrade the linter instead.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "9.0"  # <- DCL050
      parts: []
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
    ```

    How to fix
    ----------
    Use a released version (`1.0` or `1.1`), or upgrade datacard-lint.
    """
    return ()


@_schema(codes.NEWER_SCHEMA_MINOR, "newer-schema-minor", W)
def newer_schema_minor(ctx: RuleContext) -> Iterable[Hit]:
    """The block declares a newer minor version than this linter knows.

    Why it matters
    --------------
    Minor versions only add fields, so the card is still checked, but fields added after
    this linter's version are reported as unknown properties.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.99"  # <- DCL051
      not_applicable:
        origin: The repository holds only an index of other datasets.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
    ```

    How to fix
    ----------
    Upgrade datacard-lint.
    """
    return ()


@_schema(codes.MISSING_PROPERTY, "missing-property")
def missing_property(ctx: RuleContext) -> Iterable[Hit]:
    """A property the standard requires is missing.

    Why it matters
    --------------
    Required properties are the minimum that makes a claim checkable: a part without an
    origin class, an evaluation without a metric.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web  # <- DCL052
          share: 1.0
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin: {class: public_web_crawl}
    ```

    How to fix
    ----------
    Add the property named in the message.
    """
    return ()


@_schema(codes.UNKNOWN_PROPERTY, "unknown-property")
def unknown_property(ctx: RuleContext) -> Iterable[Hit]:
    """The governance block contains a property the standard does not define.

    Why it matters
    --------------
    A misspelt key (`verfication`) is a claim that nothing reads. Extensions are welcome
    under keys starting with `x-`.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin: {class: public_web_crawl}
          verfication: {}  # <- DCL053
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: web
          share: 1.0
          origin: {class: public_web_crawl}
          x-internal-ticket: DATA-123
    ```

    How to fix
    ----------
    Fix the spelling (the message suggests the closest name) or prefix the key with `x-`.
    """
    return ()


@_schema(codes.WRONG_TYPE, "wrong-type")
def wrong_type(ctx: RuleContext) -> Iterable[Hit]:
    """A value has the wrong type (a list where a mapping is expected, a string for a number…).

    Why it matters
    --------------
    Tools that consume the block cannot interpret it. YAML's implicit typing is a frequent
    cause: `version: 1.10` is the number 1.1, and `no` is the boolean false.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: 1.0  # <- DCL054
      not_applicable:
        origin: The repository holds only an index of other datasets.
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      not_applicable:
        origin: The repository holds only an index of other datasets.
    ```

    How to fix
    ----------
    Write the type the message asks for; quote strings that YAML would read as numbers,
    dates or booleans.
    """
    return ()


@_schema(codes.INVALID_VALUE, "invalid-value")
def invalid_value(ctx: RuleContext) -> Iterable[Hit]:
    """A value is outside the allowed set or range.

    Why it matters
    --------------
    Controlled vocabularies are what make cards comparable: `model-generated` and
    `model_generated` must not both exist.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 1.0
          origin: {class: llm_output}  # <- DCL055
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: chat
          share: 1.0
          origin: {class: model_generated, generators: [{model: org/model, revision: v1}]}
    ```

    How to fix
    ----------
    Use one of the values listed in the help text; the message suggests the closest.
    """
    return ()


@_schema(codes.SCHEMA_VIOLATION, "schema-violation")
def schema_violation(ctx: RuleContext) -> Iterable[Hit]:
    """The governance block breaks another constraint of the schema.

    Why it matters
    --------------
    Catch-all for schema constraints that have no more specific code, so that no schema
    error is ever dropped.

    Failing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin: {class: model_generated, generators: [{model: org/model}]}
          public_evidence: {synthetic: true, presumptively_weak: false}  # <- DCL055
    ```

    Passing example
    ---------------
    ```yaml
    governance:
      schema_version: "1.0"
      parts:
        - id: reviews
          share: 1.0
          origin: {class: model_generated, generators: [{model: org/model}]}
          public_evidence: {synthetic: true, presumptively_weak: true}
    ```

    How to fix
    ----------
    Read the message; it quotes the constraint that failed.
    """
    return ()
