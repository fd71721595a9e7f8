"""The command-line reference, from the click command tree."""

from __future__ import annotations

import click

from .markdown import slug

#: A fixed width keeps the page identical whatever terminal builds it.
WIDTH = 88


def render_cli() -> str:
    from datacard_lint.cli.main import cli

    out = [
        "# Command line",
        "",
        "Generated from the command definitions; `datacard-lint COMMAND --help` prints the same text.",
        "",
    ]
    _command(cli, _context(cli, "datacard-lint", None), out, level=2)
    return "\n".join(out) + "\n"


def _context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    return click.Context(command, info_name=name, parent=parent, **settings)


def _command(command: click.Command, ctx: click.Context, out: list[str], level: int) -> None:
    path = ctx.command_path
    out += [f"{'#' * level} `{path}` {{#{slug(path)}}}", ""]
    if command.help:
        out += [" ".join(command.help.split("\n\n")[0].split()), ""]
    out += ["```text", command.get_help(ctx).rstrip(), "```", ""]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _command(sub, _context(sub, name, ctx), out, level=min(level + 1, 4))
