"""What a rule is: identity, default severity, documentation and a check function.

A rule is a small function decorated with :func:`rule`. Its docstring is its user
documentation (rendered by the docs site and `datacard-lint rule CODE`), in fixed
numpydoc-style sections. Rules yield :class:`Hit` objects that name a place in the card;
the engine turns them into located diagnostics and decides the final severity.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from datacard_lint.diagnostics import Severity, Span

if TYPE_CHECKING:
    from datacard_lint.rules.context import RuleContext

Path_ = tuple[Hashable, ...]

SECTION_TITLES = {
    "Why it matters": "why",
    "Failing example": "failing",
    "Passing example": "passing",
    "How to fix": "fix",
    "Options": "options",
}
REQUIRED_SECTIONS = ("why", "failing", "passing", "fix")
_SECTION = re.compile(r"^(" + "|".join(SECTION_TITLES) + r")\n-{3,}\n", re.MULTILINE)
_CODE = re.compile(r"^DCL\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Hit:
    """A problem at `path` in the front matter (`key=True` points at the key itself).

    Problems in the card body have no front-matter path; they give `span` instead.
    """

    path: Path_
    message: str
    help: str | None = None
    key: bool = False
    span: Span | None = None


CheckFn = Callable[["RuleContext"], Iterable[Hit]]
#: What a loader finding says about reading the card's metadata: none could be read
#: ("unreadable"), the card has none ("no-metadata"), or it was read and the finding is about
#: the bytes around it ("cosmetic"). Commands that explain an unreadable card read this.
Reading = Literal["unreadable", "no-metadata", "cosmetic"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    requirement: str
    summary: str
    #: The check function's docstring as written; `doc` is its dedented form.
    raw_doc: str
    check: CheckFn | None = field(default=None, compare=False)
    #: False for findings raised by the loader or schema validation rather than a check.
    runs_check: bool = True
    #: Whether the check only makes sense when the card has a governance block.
    needs_governance: bool = True
    #: False for checks that read the Markdown body, which exists even without front matter.
    needs_metadata: bool = True
    #: For loader findings, what they mean for reading the metadata (see `Reading`).
    reading: Reading | None = None

    @property
    def doc(self) -> str:
        """The docstring, dedented (the rule's docs page); built on first use, not at start-up."""
        return _dedent(self.raw_doc)

    @property
    def category(self) -> str:
        """The family the rule belongs to: `file`, `schema`, a requirement, `hub` or `general`."""
        return self.requirement

    def sections(self) -> dict[str, str]:
        """The docstring's sections keyed why/failing/passing/fix/options."""
        return parse_sections(self.doc)


def parse_sections(doc: str) -> dict[str, str]:
    parts = _SECTION.split(doc)
    sections: dict[str, str] = {"summary": parts[0].strip()}
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        sections[SECTION_TITLES[title]] = body.strip()
    return sections


@functools.cache
def _dedent(doc: str) -> str:
    return inspect.cleandoc(doc)


_DEFINED: list[Rule] = []


def rule(
    code: str,
    name: str,
    severity: Severity,
    requirement: str,
    *,
    runs_check: bool = True,
    needs_governance: bool = True,
    needs_metadata: bool = True,
    reading: Reading | None = None,
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as a rule; the first docstring line is its summary."""
    if not _CODE.match(code) or not _NAME.match(name):
        raise ValueError(f"bad rule identity {code} {name}")

    def register(fn: CheckFn) -> CheckFn:
        raw = fn.__doc__ or ""
        # The summary is the first line, as `inspect.cleandoc` would give it; dedenting all 164
        # docstrings here cost about 4 ms of every one-card start-up.
        first = raw.lstrip().split("\n", 1)[0].strip()
        summary = first.rstrip(".") if first else name
        _DEFINED.append(
            Rule(code, name, severity, requirement, summary, raw, fn, runs_check, needs_governance, needs_metadata,
                 reading)
        )
        return fn

    return register


def defined_rules() -> list[Rule]:
    return list(_DEFINED)
