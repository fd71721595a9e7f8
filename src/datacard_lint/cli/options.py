"""Options shared by `check` and `score`, and turning them into per-file settings."""

from __future__ import annotations

import datetime as _dt
import functools
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from datacard_lint.config.files import ConfigError, find_config, load_settings, override
from datacard_lint.config.selection import is_selector_known
from datacard_lint.config.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def _comma_list(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...] | None:
    if not value:
        return None
    items = tuple(item.strip() for chunk in value for item in chunk.split(",") if item.strip())
    for item in items:
        if not is_selector_known(item):
            raise click.BadParameter(f"unknown rule code or name `{item}`")
    return items


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date like 2026-01-31, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class SettingsOptions:
    """The command-line options that shape `Settings`, handed to a command as one value.

    It travels as one object: the command gets it from click, `resolver()` wraps it for the
    engine (and is pickled, with it, to `--jobs` workers), and `apply` lays it over the
    settings a configuration file gives. Nothing unpacks its fields along the way.
    """

    config_path: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    profile: str | None = None
    min_score: float | None = None
    as_of: _dt.date | None = None

    def resolver(self) -> SettingsResolver:
        """Settings per file: its discovered (or the given) config with these options on top."""
        if self.config_path is not None and not self.config_path.is_file():
            raise ConfigError(f"config file not found: {self.config_path}")
        return SettingsResolver(self)

    def apply(self, base: Settings) -> Settings:
        """These options over `base`: `select` replaces, the list options extend, the rest replace."""
        return override(
            base,
            select=self.select,
            extend_select=(base.extend_select + self.extend_select) if self.extend_select else None,
            ignore=(base.ignore + self.ignore) if self.ignore else None,
            exclude=(base.exclude + self.exclude) if self.exclude else None,
            profile=self.profile,
            min_score=self.min_score,
            as_of=self.as_of,
        )


_SETTINGS_PARAMS = tuple(SettingsOptions.__dataclass_fields__)


def settings_options(fn: F) -> F:
    """Decorate a command with the options that shape `Settings`; it receives them as
    one `settings: SettingsOptions` argument instead of nine."""

    @functools.wraps(fn)
    def gather(*args: Any, **kwargs: Any) -> Any:
        picked = {name: kwargs.pop(name) for name in _SETTINGS_PARAMS}
        return fn(*args, settings=SettingsOptions(**picked), **kwargs)

    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this config file instead of discovering one."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
        click.option("--select", multiple=True, callback=_comma_list,
                     help="Rules to enable (codes, prefixes such as DCL1, names, or ALL); replaces the config."),
        click.option("--extend-select", multiple=True, callback=_comma_list, help="Rules to enable in addition."),
        click.option("--ignore", multiple=True, callback=_comma_list,
                     help="Rules to disable (codes, prefixes, names)."),
        click.option("--exclude", multiple=True, help="Glob of paths to skip when walking directories (repeatable)."),
        click.option("--profile", help="Scoring profile: a bundled name (default, strict) or a JSON file."),
        click.option("--min-score", type=click.FloatRange(0, 100), help="Fail cards whose overall score is below N."),
        click.option("--as-of", callback=_date, help="Date that time-based rules compare against (default: today)."),
    ]
    decorated: Any = gather
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


class SettingsResolver:
    """Settings per file from the CLI options; picklable, so `--jobs` workers can rebuild it.

    Settings are frozen values: the engine keys what it derives from them (its `Decision`)
    by value, so a settings object may be dropped and rebuilt without harm.
    """

    def __init__(self, options: SettingsOptions) -> None:
        self.options = options
        self._cache: dict[Path | None, Settings] = {}
        #: Config file per directory; bounded, since a run may visit any number of directories.
        self._config_of: OrderedDict[str, Path | None] = OrderedDict()

    def __reduce__(self) -> tuple[object, ...]:
        return (SettingsResolver, (self.options,))  # the caches are rebuilt in the worker

    def __call__(self, path: Path | None) -> Settings:
        options = self.options
        if options.isolated:
            return self._for_config(None)
        if options.config_path is not None:
            return self._for_config(options.config_path.resolve())
        start = path if path is not None else Path.cwd()
        # Discovery resolves the path (a system call per component): do it once per directory.
        directory = str(start if start.is_dir() else start.parent)
        config_of = self._config_of
        if directory in config_of:
            config_of.move_to_end(directory)
            return self._for_config(config_of[directory])
        config = find_config(start)
        config_of[directory] = config
        if len(config_of) > 4096:
            config_of.popitem(last=False)
        return self._for_config(config)

    def is_excluded(self, path: Path) -> bool:
        """Whether `exclude` skips `path`: configured globs are relative to the directory of the
        config file that declares them, `--exclude` globs to the working directory."""
        from datacard_lint.config.selection import path_matches

        settings = self(path)
        cli = self.options.exclude
        configured = settings.exclude[: len(settings.exclude) - len(cli)] if cli else settings.exclude
        return any(path_matches(_relative_to(path, settings.root), p) for p in configured) or any(
            path_matches(_relative_to(path, Path.cwd()), p) for p in cli)

    def _for_config(self, config: Path | None) -> Settings:
        cached = self._cache.get(config)
        if cached is None:  # one entry per config file in the tree
            cached = self._cache[config] = self.options.apply(load_settings(config))
        return cached


def _relative_to(path: Path, root: Path) -> str:
    import os

    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return str(path)
