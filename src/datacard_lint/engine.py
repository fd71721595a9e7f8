"""The linting engine: load a card, validate it, run rules, apply settings, return results.

It never prints and never raises for bad input: every problem is a diagnostic. Reporters
and the CLI decide what to show.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from datacard_lint import codes
from datacard_lint.config.settings import Settings
from datacard_lint.decision import Decision
from datacard_lint.diagnostics import FILE_START, Diagnostic, Finding, Severity
from datacard_lint.loading.card import Card, CardKind, load_card, parse_card_str
from datacard_lint.rules import registry
from datacard_lint.rules.base import Rule
from datacard_lint.rules.context import RuleContext, RunCache
from datacard_lint.schemas.validate import validate_governance

if TYPE_CHECKING:
    from datacard_lint.scoring.model import CardScore

SettingsFor = Callable[[Path | None], Settings]
#: Decisions kept per engine: one per distinct settings (config file) met in the run.
MAX_DECISIONS = 256


@dataclass(slots=True)
class CardResult:
    """Everything the engine learnt about one card."""

    path: str
    diagnostics: list[Diagnostic]
    card: Card | None = None
    score: CardScore | None = None
    settings: Settings = field(default_factory=Settings)
    internal_errors: list[str] = field(default_factory=list)
    #: Whether the card has a governance mapping (kept when `card` is dropped by workers).
    has_governance: bool = False
    #: Whether the card's metadata could be read at all (as `huggingface_hub` would).
    readable: bool = True

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def below_min_score(self) -> bool:
        minimum = self.settings.min_score
        return minimum is not None and self.score is not None and self.score.overall < minimum


class Engine:
    """Reusable across many cards: rules and schemas are loaded once per process."""

    def __init__(self, settings_for: SettingsFor | Settings | None = None, *, want_score: bool = False) -> None:
        if settings_for is None:
            settings_for = Settings()
        if isinstance(settings_for, Settings):
            # A partial, not a lambda, so that the engine can be pickled for worker processes.
            self._settings_for: SettingsFor = functools.partial(_same_settings, settings_for)
        else:
            self._settings_for = settings_for
        self.want_score = want_score
        self._rules = [r for r in registry.all_rules() if r.runs_check and r.check is not None]
        self._decisions: OrderedDict[Settings, Decision] = OrderedDict()
        #: What rules share across the cards of this run (parsed parent cards), bounded.
        self._run_cache = RunCache()

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled for `--jobs` workers as its settings resolver; rules and schemas reload there."""
        return (_rebuild_engine, (self._settings_for, self.want_score))

    def check_path(self, path: Path, display: str | None = None) -> CardResult:
        settings = self._settings_for(path)
        try:
            card = load_card(path, display or str(path), settings.limits)
            return self.check_card(card, settings)
        except Exception as exc:  # a bug must cost one file, never the run
            return self._failed(display or str(path), settings, exc)

    def check_text(
        self,
        text: str,
        display: str = "<string>",
        kind: CardKind = "markdown",
        settings: Settings | None = None,
    ) -> CardResult:
        settings = settings or self._settings_for(None)
        try:
            card = parse_card_str(Card(path=display, kind=kind), text, settings.limits)
            return self.check_card(card, settings)
        except Exception as exc:  # a bug must cost one file, never the run
            return self._failed(display, settings, exc)

    def _failed(self, path: str, settings: Settings, exc: Exception) -> CardResult:
        message = f"checking this file failed: {exc.__class__.__name__}: {exc}"
        diagnostics = self.decision(settings).stamp([Finding(codes.INTERNAL_ERROR, message, FILE_START)], path)
        return CardResult(path, diagnostics, settings=settings, internal_errors=[message], readable=False)

    def decision(self, settings: Settings) -> Decision:
        """The decision for `settings`, built once per distinct settings value (they are frozen)."""
        decisions = self._decisions
        found = decisions.get(settings)
        if found is None:
            found = decisions[settings] = Decision(settings)
            if len(decisions) > MAX_DECISIONS:  # one per config file in the tree; bounded all the same
                decisions.popitem(last=False)
        else:
            decisions.move_to_end(settings)
        return found

    def check_card(self, card: Card, settings: Settings) -> CardResult:
        findings: list[Finding] = list(card.findings)
        internal: list[str] = []
        if card.metadata is not None:
            findings.extend(validate_governance(card))
        if card.metadata is not None or card.kind == "markdown":
            context = RuleContext(card, settings.thresholds, settings.as_of or _dt.date.today(),
                                  limits=settings.limits, cache=self._run_cache)
            has_governance = context.has_governance
            for rule in self._rules:
                if (rule.needs_governance and not has_governance) or (rule.needs_metadata and card.metadata is None):
                    continue
                findings.extend(self._run(rule, context, internal))
        if card.text is not None:
            findings = _inside(findings, card)
        diagnostics = self.decision(settings).report(card, findings)
        result = CardResult(card.path, diagnostics, card, settings=settings, internal_errors=internal,
                            has_governance=isinstance(card.governance, Mapping), readable=_readable(card))
        if self.want_score or settings.min_score is not None:
            from datacard_lint.scoring.compute import score_card

            result.score = score_card(card, diagnostics, settings)
        return result

    def raw_findings(self, card: Card, settings: Settings, wanted: frozenset[str]) -> list[Finding]:
        """What the rules in `wanted` find in `card`, before any decision (so that another
        command can ask the card's `Decision` which of them `check` would report)."""
        if card.metadata is None:
            return []
        context = RuleContext(card, settings.thresholds, settings.as_of or _dt.date.today(),
                              limits=settings.limits, cache=self._run_cache)
        if not context.has_governance:
            return []
        findings: list[Finding] = []
        for rule in self._rules:
            if rule.code in wanted:
                findings.extend(self._run(rule, context, []))
        return _inside(findings, card) if card.text is not None else findings

    def _run(self, rule: Rule, context: RuleContext, internal: list[str]) -> list[Finding]:
        assert rule.check is not None
        try:
            hits = list(rule.check(context))
        except Exception as exc:  # a rule bug must not hide the other rules' findings
            message = f"rule {rule.code} ({rule.name}) failed: {exc.__class__.__name__}: {exc}"
            internal.append(message)
            return [Finding(codes.INTERNAL_ERROR, message, FILE_START)]
        card = context.card
        return [Finding(rule.code, h.message, h.span or card.locate(h.path, key=h.key), h.help) for h in hits]


def _readable(card: Card) -> bool:
    """Its metadata could be read, or it has none to read (a Markdown file without front matter)."""
    return card.metadata is not None or (card.text is not None and card.yaml_text is None)


def _inside(findings: list[Finding], card: Card) -> list[Finding]:
    """Every span kept inside the card's text, by the one line index reporters also use."""
    if not findings:
        return findings
    lines = card.lines
    out = []
    for finding in findings:
        span = lines.clamp(finding.span)
        out.append(finding if span is finding.span else Finding(finding.code, finding.message, span, finding.help))
    return out


def _same_settings(settings: Settings, _path: Path | None) -> Settings:
    return settings


def _rebuild_engine(settings_for: SettingsFor, want_score: bool) -> Engine:
    return Engine(settings_for, want_score=want_score)

