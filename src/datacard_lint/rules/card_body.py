"""Rules about the card body: the "Data governance" section that `render` writes.

The section is opt-in (only cards with its markers are checked). Its start marker holds a
hash of the text `render` wrote: if the text still matches the hash but no longer matches
what the block would give, the block changed (stale, DCL030); if it does not match the
hash, someone edited the generated text by hand (DCL031), and re-rendering would lose it.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from datacard_lint.diagnostics import Severity, Span
from datacard_lint.rules.base import Hit, rule
from datacard_lint.rules.context import G, RuleContext

if TYPE_CHECKING:
    from datacard_lint.authoring import section as body_section

_FIX_STALE = "run `datacard-lint render` on the card"
#: `authoring.render.MARKER_NAME` (a test keeps them equal): most cards have no section, so
#: the authoring modules are imported only for those that do.
MARKER_NAME = "datacard-lint:governance"


def _body() -> ModuleType:
    from datacard_lint.authoring import section

    return section


def _body_start(ctx: RuleContext) -> int | None:
    card = ctx.card
    if card.kind != "markdown" or card.text is None:
        return None
    split = card.front_matter
    return split.body_start if split is not None and split.found else 0


def _at(ctx: RuleContext, offset: int) -> Span:
    line, col = ctx.card.lines.position(offset)
    return Span(line, col, line, col + 4)


def _section(ctx: RuleContext) -> body_section.Section | None:
    """The marked section of the body (cheap when there is none); MarkerError if broken."""
    start = _body_start(ctx)
    text = ctx.card.text or ""
    if start is None or MARKER_NAME not in text[start:]:
        return None
    return _body().find(text, start)  # type: ignore[no-any-return]


@rule("DCL030", "stale-governance-section", Severity.WARNING, "file", needs_governance=False)
def stale_governance_section(ctx: RuleContext) -> Iterable[Hit]:
    """The generated "Data governance" section no longer matches the governance block.

    Why it matters
    --------------
    Readers on the Hub see the body, not the metadata. After the block changes, the
    section written by `datacard-lint render` tells them something the card no longer
    says, for instance an old share or a verification that was since withdrawn.

    Failing example
    ---------------
    ```markdown
    <!-- datacard-lint:governance:start hash=… -->   <- DCL030
    ## Data governance
    … rendered before `parts[0].share` changed from 0.4 to 0.5 …
    <!-- datacard-lint:governance:end -->
    ```

    Passing example
    ---------------
    ```markdown
    The same section, rendered again after the block changed.
    ```

    How to fix
    ----------
    Run `datacard-lint render README.md`. In CI, `datacard-lint render --check README.md`
    fails while the section is stale.
    """
    try:
        where = _section(ctx)
    except _body().MarkerError:
        return  # DCL031 reports broken markers
    if where is None:
        return
    if not ctx.has_governance:
        yield Hit(G, "the body has a generated governance section, but the card has no governance block",
                  help="restore the block, or delete the section with its markers", span=_at(ctx, where.start))
    elif _body().state(where, ctx.card.text or "", ctx.governance) is _body().State.STALE:
        yield Hit(G, "the \"Data governance\" section is out of date with the governance block", help=_FIX_STALE,
                  span=_at(ctx, where.start))


@rule("DCL031", "governance-section-edited", Severity.WARNING, "file", needs_governance=False)
def governance_section_edited(ctx: RuleContext) -> Iterable[Hit]:
    """The generated "Data governance" section was edited by hand.

    Why it matters
    --------------
    The section between the markers is generated from the governance block. Text typed
    into it disagrees with the block, and `datacard-lint render` refuses to overwrite it
    (it would be lost) until the edit is moved.

    Failing example
    ---------------
    ```markdown
    <!-- datacard-lint:governance:start hash=… -->   <- DCL031
    ## Data governance
    … generated text, plus a sentence typed in by hand …
    <!-- datacard-lint:governance:end -->
    ```

    Passing example
    ---------------
    ```markdown
    The generated section as `render` wrote it; extra prose sits outside the markers.
    ```

    How to fix
    ----------
    Move hand-written text outside the markers (or into the governance block), then run
    `datacard-lint render --force README.md` to regenerate the section.
    """
    try:
        where = _section(ctx)
    except _body().MarkerError as exc:
        yield Hit(G, f"governance section markers are broken: {exc}",
                  help="keep exactly one start and one end marker, in that order", span=_at(ctx, exc.offset))
        return
    if where is None:
        return
    if _body().state(where, ctx.card.text or "", ctx.governance) is _body().State.EDITED:
        yield Hit(G, "the \"Data governance\" section was changed by hand after it was generated",
                  help="move the edit outside the markers, then run `datacard-lint render --force`",
                  span=_at(ctx, where.start))
