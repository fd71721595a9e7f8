"""The Python API: lint and score cards from code with the CLI's exact diagnostics and scores.

Settings work as on the command line: unless given, they come from the configuration file
the CLI would discover (`[tool.datacard-lint]` in pyproject.toml or `.datacard-lint.toml`),
searched upwards from the card's file, or from the working directory for text and card
objects. Pass a `Settings` object, or the path of a configuration file, to choose them.
A configuration problem raises `datacard_lint.config.files.ConfigError`; problems with the
card itself never raise, they are diagnostics in the result.

    import datacard_lint

    result = datacard_lint.lint_path("data/README.md", score=True)
    for d in result.diagnostics:
        print(f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}")
    print(result.score.overall)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from datacard_lint.config.settings import Settings

if TYPE_CHECKING:
    from datacard_lint.engine import CardResult
    from datacard_lint.loading.card import CardKind
    from datacard_lint.scoring.model import CardScore

__all__ = ["lint_card", "lint_path", "lint_text", "score_card"]

SettingsLike: TypeAlias = "Settings | str | os.PathLike[str] | None"


class HasContent(Protocol):
    """What `lint_card` needs: `huggingface_hub.DatasetCard` and `RepoCard` have it."""

    @property
    def content(self) -> str: ...


def lint_text(
    text: str,
    *,
    path: str = "<string>",
    kind: CardKind = "markdown",
    settings: SettingsLike = None,
    score: bool = False,
) -> CardResult:
    """Lint a card given as text. `path` only labels the diagnostics; `kind` is how to parse it."""
    from datacard_lint.engine import Engine

    resolved = _settings(settings, None)
    return Engine(resolved, want_score=score).check_text(text, path, kind, resolved)


def lint_path(path: str | os.PathLike[str], *, settings: SettingsLike = None, score: bool = False) -> CardResult:
    """Lint one card file (README.md, or a card .yaml/.yml/.json), labelled as the CLI labels it."""
    from datacard_lint.collect import display_path
    from datacard_lint.engine import Engine

    file = Path(path)
    resolved = _settings(settings, file)
    return Engine(resolved, want_score=score).check_path(file, display_path(file))


def lint_card(
    card: HasContent, *, path: str = "<card>", settings: SettingsLike = None, score: bool = False
) -> CardResult:
    """Lint a `huggingface_hub` card object (`DatasetCard`, `RepoCard`) through its `content`.

    `content` is the card as `huggingface_hub` would save it: its metadata re-serialised,
    so line numbers refer to that text, not necessarily to the file the card came from.
    """
    content = getattr(card, "content", None)
    if not isinstance(content, str):
        raise TypeError(f"expected a huggingface_hub card with a `content` string, got {type(card).__name__}")
    return lint_text(content, path=path, kind="markdown", settings=settings, score=score)


def score_card(source: str | os.PathLike[str] | HasContent | CardResult, *, settings: SettingsLike = None) -> CardScore:
    """The governance score of a card file (a path), a `huggingface_hub` card, or a lint result.

    To score text, use ``lint_text(text, score=True).score``.
    """
    from datacard_lint.engine import CardResult

    if isinstance(source, CardResult):
        result = source
    elif isinstance(source, (str, os.PathLike)):
        result = lint_path(source, settings=settings, score=True)
    else:
        result = lint_card(source, settings=settings, score=True)
    if result.score is None:
        result.score = _compute(result)
    return result.score


def _compute(result: CardResult) -> CardScore:
    from datacard_lint.loading.card import Card
    from datacard_lint.scoring.compute import score_card as compute

    card = result.card if result.card is not None else Card(path=result.path, kind="markdown")
    return compute(card, result.diagnostics, result.settings)


def _settings(settings: SettingsLike, path: Path | None) -> Settings:
    """The settings the CLI would use for `path` (or the working directory)."""
    from datacard_lint.config.files import ConfigError, find_config, load_settings

    if isinstance(settings, Settings):
        return settings
    if settings is not None:
        config = Path(settings)
        if not config.is_file():
            raise ConfigError(f"config file not found: {config}")
        return load_settings(config.resolve())
    return load_settings(find_config(path if path is not None else Path.cwd()))
