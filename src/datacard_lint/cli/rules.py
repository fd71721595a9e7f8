"""`datacard-lint rules` (the table) and `datacard-lint rule CODE` (one rule's documentation)."""

from __future__ import annotations

import json

import click

from datacard_lint._meta import rule_url


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--requirement", help="Only rules of this requirement or group (e.g. origin, hub, file).")
def rules(output_format: str, requirement: str | None) -> None:
    """List every rule: code, name, default severity, fix, requirement and summary.

    The fix column says `safe` (applied by `check --fix`), `unsafe` (needs
    `--unsafe-fixes`), with `*` when only some findings have a fix, or `-` for none.
    """
    from datacard_lint.fixes.registry import label
    from datacard_lint.rules.registry import all_rules

    selected = [r for r in all_rules() if requirement is None or r.requirement == requirement]
    if output_format == "json":
        click.echo(json.dumps([_rule_dict(r, full=False) for r in selected], indent=2))
        return
    width = max((len(r.name) for r in selected), default=4)
    for r in selected:
        fix = label(r.code) or "-"
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {fix:<7}  {r.requirement:<16}  {r.summary}")


@click.command()
@click.argument("code_or_name")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rule(ctx: click.Context, code_or_name: str, output_format: str) -> None:
    """Explain one rule (by code such as DCL101 or by name), as on its docs page."""
    from datacard_lint.fixes.registry import describe
    from datacard_lint.rules.registry import get

    try:
        found = get(code_or_name)
    except KeyError:
        raise click.UsageError(f"no rule called {code_or_name!r}; see `datacard-lint rules`") from None
    if output_format == "json":
        click.echo(json.dumps(_rule_dict(found, full=True), indent=2))
        return
    click.echo(f"{found.code} {found.name}")
    click.echo(f"severity: {found.severity.value}   requirement: {found.requirement}")
    click.echo(f"docs: {rule_url(found.code)}")
    click.echo(f"fix: {describe(found.code)}")
    click.echo("")
    click.echo(found.doc)


def _rule_dict(found: object, *, full: bool) -> dict[str, object]:
    from datacard_lint.fixes.registry import get as fixer_of
    from datacard_lint.rules.base import Rule

    assert isinstance(found, Rule)
    data: dict[str, object] = {
        "code": found.code,
        "name": found.name,
        "severity": found.severity.value,
        "requirement": found.requirement,
        "summary": found.summary,
        "url": rule_url(found.code),
        "fix": _fix_dict(fixer_of(found.code)),
    }
    if full:
        data["sections"] = found.sections()
    return data


def _fix_dict(fixer: object) -> dict[str, object] | None:
    from datacard_lint.fixes.registry import Fixer

    if not isinstance(fixer, Fixer):
        return None
    return {"applicability": fixer.applicability.value, "sometimes": fixer.sometimes}
