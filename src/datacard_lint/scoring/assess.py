"""How far a card documents each requirement, rung by rung and question by question.

Each requirement has three rungs above `absent`: declared, specified, evidenced. A rung asks
questions (has every part a share? is every generator pinned?), and a question is asked
through checks, one per fact (one per part, per generator, per result). Each check earns 1
for a stated fact, `UNDISCLOSED` for a fact honestly marked `undisclosed`, 0 when silent. A
question earns the mean of its checks and a rung the mean of its questions, so a question
weighs the same however many parts it is asked of: a card-level fact (the processing
pipeline) is not drowned by per-part ones, and splitting every part in two changes nothing. Each rung
is worth its share of the profile's points whatever the rungs below it hold, so every true
structured disclosure adds credit and none is wasted; the *level* shown to the reader is
still the highest rung reached with every rung below it complete. The next step names only
the checks missing from the next level, and links to the rung on the scoring page.

Every part is asked the same origin questions in the form its class gives them: a generated
part names its generator and what it was generated from, a collected part its source and
when it was collected. A part a pinned deterministic program made is verified by
construction. Levels depend only on what the card says (read through the governance model,
so wrong-typed values count as absent, never crash); findings cap them afterwards (see
compute.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from datacard_lint._meta import SITE_URL
from datacard_lint.governance import readers as r
from datacard_lint.governance.view import Fact, GovernanceView, ParentView, PartView
from datacard_lint.governance.vocabulary import GROUNDED_CLASSES, LANGUAGE_AXES

#: What an honest `undisclosed` earns in place of the fact: a quarter. It tells readers what
#: is unknown and who says so, which silence does not; but they can act on none of it, so it
#: stays far below the fact (and a card cannot climb a level on undisclosed answers alone).
UNDISCLOSED = 0.25
SCORING_PAGE = f"{SITE_URL}reference/scoring/"


@dataclass(frozen=True, slots=True)
class Check:
    """One fact a rung asks for, and how well the card gives it (0, UNDISCLOSED or 1)."""

    what: str
    credit: float
    #: The question the fact answers (`share`, `maker`, ...); a check is its own question by default.
    question: str | None = None


@dataclass(frozen=True, slots=True)
class Rung:
    name: str
    checks: tuple[Check, ...]

    @property
    def fraction(self) -> float:
        """The mean over the rung's questions of the mean credit of each question's checks."""
        if not self.checks:
            return 1.0
        questions: dict[str, list[float]] = {}
        for check in self.checks:
            questions.setdefault(check.question or check.what, []).append(check.credit)
        return sum(sum(credits) / len(credits) for credits in questions.values()) / len(questions)

    @property
    def complete(self) -> bool:
        return all(c.credit >= 1.0 for c in self.checks)


@dataclass(frozen=True, slots=True)
class Assessment:
    requirement: str
    rungs: tuple[Rung, Rung, Rung]
    #: Set when the requirement cannot be assessed from the card as it is (a hint instead).
    note: str | None = None

    @property
    def level(self) -> int:
        level = 0
        for rung in self.rungs:
            if not rung.complete:
                break
            level += 1
        return level

    def next_step(self) -> str | None:
        if self.note is not None:
            return self.note
        level = self.level
        if level == len(self.rungs):
            return None
        missing = [c.what for c in self.rungs[level].checks if c.credit < 1.0]
        shown = "; ".join(missing[:4]) + (f"; and {len(missing) - 4} more" if len(missing) > 4 else "")
        anchor = f"{self.requirement.replace('_', '-')}-{self.rungs[level].name}"
        partial = any(0.0 < c.credit < 1.0 for c in self.rungs[level].checks)
        note = " (facts marked `undisclosed` earn part of the credit)" if partial else ""
        return f"for `{self.rungs[level].name}`: {shown}{note} ({SCORING_PAGE}#{anchor})"


def credit(fact: Fact[Any]) -> float:
    return 1.0 if fact.stated else UNDISCLOSED if fact.undisclosed else 0.0


def flag(holds: bool) -> float:
    return 1.0 if holds else 0.0


def _assess(requirement: str, declared: Sequence[Check], specified: Sequence[Check],
            evidenced: Sequence[Check], note: str | None = None) -> Assessment:
    return Assessment(requirement, (Rung("declared", tuple(declared)), Rung("specified", tuple(specified)),
                                    Rung("evidenced", tuple(evidenced))), note)


def _none(requirement: str, what: str) -> Assessment:
    """Nothing to climb: every rung holds one unmet check."""
    check = (Check(what, 0.0),)
    return _assess(requirement, check, check, check)


# --- origin -----------------------------------------------------------------------------


def _maker(part: PartView) -> list[Check]:
    """Where the part came from: its generator model (or `undisclosed`), its program, or,
    for a collected part, its named sources."""
    if part.model_made:
        writers = [g for g in part.generators if g.kind != "algorithm"]
        best = max((credit(g.model) for g in writers), default=0.0)
        return [Check(f"name the generator model of `{part.id}`", best, "maker")]
    if part.origin.algorithmic:
        programs = [g for g in part.generators if g.kind == "algorithm" and g.algorithm]
        return [Check(f"name the program that generated `{part.id}`", flag(bool(programs)), "maker")]
    if part.synthetic:
        return []  # a mixed part of unstated kinds: DCL1xx asks for its breakdown
    named = bool(part.origin.source_datasets) or part.origin.has_text("description")
    return [Check(f"say where `{part.id}` came from (`origin.source_datasets` or `origin.description`)",
                  flag(named), "maker")]


def _inputs(part: PartView) -> list[Check]:
    """What fixes the part's content: the seeds of a generated part, the period of a collected one."""
    if part.model_made:
        return [Check(f"say what `{part.id}` was generated from (`origin.seed_source`)",
                      flag(part.origin.seed_source is not None), "inputs")]
    if part.synthetic:
        return []  # a program's output is fixed by the program's version (the `pin` question)
    period = part.origin.collection_period
    return [Check(f"say when `{part.id}` was collected (`origin.collection_period`)",
                  1.0 if period.value is not None and (period.value.start or period.value.end) is not None
                  else UNDISCLOSED if period.undisclosed else 0.0, "inputs")]


def _pinned(part: PartView) -> list[Check]:
    return [Check(f"pin generator `{g.name}` of `{part.id}` (`revision`, `snapshot` or `version`)",
                  1.0 if g.pinned else UNDISCLOSED if g.revision.undisclosed else 0.0, "pin")
            for g in part.generators if g.kind == "algorithm" or g.model.answered]


def origin(view: GovernanceView) -> Assessment:
    parts = view.parts
    if not parts:
        return _none("origin", "list the data's parts under `governance.parts`, each with an `origin.class`")
    declared = [Check(f"give `{p.id}` an `origin.class`", credit(p.origin.class_fact), "class") for p in parts]
    specified = [Check(f"give `{p.id}` a `share`", credit(p.share), "share") for p in parts]
    specified += [c for p in parts for c in _maker(p)]
    evidenced = [Check(f"give `{p.id}` a `size`", credit(p.size), "size") for p in parts]
    evidenced += [c for p in parts for c in _inputs(p)]
    evidenced += [c for p in parts for c in _pinned(p)]
    if str(view.data.get("schema_version", "")).startswith("1.1"):  # `processing` exists from 1.1 on
        processing = view.processing or [s for p in parts for s in p.processing]
        evidenced.append(Check("record how the data was processed (`processing`)",
                               flag(any(s.method is not None for s in processing)), "processing"))
    return _assess("origin", declared, specified, evidenced)


# --- purpose ----------------------------------------------------------------------------


def _synthetic_or_note(view: GovernanceView) -> list[PartView] | None:
    """Synthetic parts, or None when the card has parts but none is synthetic."""
    parts = view.parts
    synthetic = [p for p in parts if p.synthetic]
    if parts and not synthetic:
        return None
    return synthetic


def purpose(view: GovernanceView) -> Assessment:
    synthetic = _synthetic_or_note(view)
    if synthetic is None:
        return _none("purpose", "no part is synthetic: declare `not_applicable.purpose` with that reason")
    if not synthetic:
        return _none("purpose", "list the parts, and give every synthetic part a `purpose`")
    return _assess(
        "purpose",
        [Check(f"give `{p.id}` a `purpose.category`",
               flag(bool(p.purposes) and all(u.category is not None for u in p.purposes))) for p in synthetic],
        [Check(f"explain the purpose of `{p.id}` in `purpose.statement`",
               flag(bool(p.purposes) and all(u.statement is not None for u in p.purposes))) for p in synthetic],
        [Check(f"tie the purpose of `{p.id}` to a checkable `verification.domain`",
               flag(p.verification is not None and p.verification.domain is not None)) for p in synthetic],
    )


# --- verification -----------------------------------------------------------------------


def by_construction(part: PartView) -> float:
    """How far the part is correct by construction: a deterministic program (`algorithmic_generation`,
    not a simulation of the world) made every item and computed its answer. Named and pinned
    (1), rerunning it re-derives each item: nothing else is needed to check such a part, and a
    sample would add nothing. Named with its version honestly `undisclosed` (`UNDISCLOSED`),
    the construction still holds but a rerun may not give the same items; unnamed, unpinned
    or rewritten by a model (0), it proves nothing."""
    if part.origin_class != "algorithmic_generation" or part.model_made:
        return 0.0
    programs = [g for g in part.generators if g.kind == "algorithm"]
    rewritten = any(g.kind != "algorithm" and g.role in (None, "generator", "editor", "rewriter")
                    for g in part.generators)  # a model that wrote or changed items breaks the construction
    if not programs or rewritten or not all(g.algorithm for g in programs):
        return 0.0
    return min(credit(g.pin) for g in programs)


def verification(view: GovernanceView) -> Assessment:
    # Processing steps (filtering, deduplication) are never read here: filtering is not verification.
    synthetic = _synthetic_or_note(view)
    if synthetic is None:
        return _none("verification", "no part is synthetic: declare `not_applicable.verification` with that reason")
    if not synthetic:
        return _none("verification", "list the parts, and give every synthetic part a `verification`")
    built = {p.index: by_construction(p) for p in synthetic}
    return _assess(
        "verification",
        [Check(f"record how `{p.id}` was verified (`methods`, or `none` with a `reason`)",
               flag(bool(p.methods) or (p.verification is not None and p.verification.reason is not None)))
         for p in synthetic],
        [Check(f"pin the `version` of the program that made `{p.id}`, or name a real method"
               if 0.0 < built[p.index] < 1.0 else
               f"name the `verification.domain` of `{p.id}` and a real method (not `none`)",
               0.0 if p.verification is None or p.verification.domain is None
               else max(built[p.index], flag(any(m.real for m in p.methods)))) for p in synthetic],
        [Check(f"record evidence for a method of `{p.id}`: `sample_size`, a pass or reject rate, and the "
               "tool or reviewers", max(built[p.index], flag(any(m.evidenced for m in p.methods))))
         for p in synthetic],
    )


# --- renewal ----------------------------------------------------------------------------


def _grounded_known(view: GovernanceView) -> bool:
    """The parts fix the grounded share on their own (all grounded or all synthetic, or all shares given)."""
    parts = view.parts
    if not parts:
        return False
    if view.grounded_share() is not None:
        return True
    values = [p.grounded_share() for p in parts]
    return all(v == 0.0 for v in values) or all(
        v == 1.0 and p.origin_class in GROUNDED_CLASSES for v, p in zip(values, parts, strict=True))


def _parents_credit(parents: Sequence[ParentView]) -> float:
    """A list earns what its entries state: an entry naming a dataset or a model earns 1, an
    ancestor whose model is `undisclosed` a quarter, an entry that names nothing 0."""
    def one(parent: ParentView) -> float:
        if parent.id or parent.local_path:
            return 1.0
        raw = parent.get("model")
        return UNDISCLOSED if r.is_undisclosed(raw) else 1.0 if parent.model else 0.0
    return sum(one(p) for p in parents) / len(parents)


def renewal(view: GovernanceView) -> Assessment:
    section = view.renewal
    if section is None:
        return _none("renewal", "add `renewal` with the `generation` number and the fresh `grounded_share`")
    generation = section.integer("generation")
    grounded = section.grounded_share
    one_off = section.get("cadence") == "none"  # a one-off release: an answer, not a placeholder
    fresh = section.fresh_data
    basis = fresh.lawful_basis
    declared = [Check("give the `generation` number", flag(generation is not None)),
                Check("give the fresh `grounded_share`",
                      max(credit(grounded), 1.0 if _grounded_known(view) else 0.0))]
    specified = [Check("state the refresh `cadence` (`none` for a one-off release)",
                       flag(section.cadence is not None or one_off))]
    if not one_off:
        specified.append(Check("give the date of the `last_refresh`", flag(section.last_refresh is not None)))
    if generation is not None and generation >= 1:
        specified.append(Check("name the `parents` of a generated dataset",
                               _parents_credit(section.parents) if section.parents
                               else UNDISCLOSED if section.parents_fact.undisclosed else 0.0))
    evidenced = [Check("document the fresh data's `fresh_data.lawful_basis`",
                       credit(basis) if not basis.stated else flag(r.has_text(basis.value)))]
    if basis.value == "consent":
        evidenced.append(Check("link the consent documentation (`fresh_data.consent_documentation`)",
                               flag(fresh.has_text("consent_documentation"))))
    return _assess("renewal", declared, specified, evidenced)


# --- tail evaluations -------------------------------------------------------------------


def _languages(view: GovernanceView) -> set[str]:
    return {v.split("-")[0].lower() for v in r.texts(view.metadata.get("language"))}


def tail_evaluations(view: GovernanceView) -> Assessment:
    results = view.tail_evaluations
    if not results:
        return _none("tail_evaluations", "add `tail_evaluations`: results on rare slices, not only averages")
    languages = _languages(view)
    sliced = {(t.slice or "").split("-")[0].lower() for t in results if t.axis in LANGUAGE_AXES}
    specified = [Check("evaluate at least two axes", flag(len({t.axis for t in results if t.axis}) >= 2))]
    if len(languages) >= 2:
        specified += [Check(f"evaluate language `{code}`", flag(code in sliced), "languages")
                      for code in sorted(languages)]
    specified += [Check(f"give result {t.index} a `metric` and `value`",
                        flag(t.metric is not None and t.value is not None), "results") for t in results]
    evidenced = [Check(f"give result {t.index} a `baseline` and its `benchmark`",
                       flag(t.mapping("baseline") is not None and t.mapping("benchmark") is not None), "baselines")
                 for t in results]
    return _assess("tail_evaluations", [Check("add `tail_evaluations`", 1.0)], specified, evidenced)


# --- contamination ----------------------------------------------------------------------


def contamination(view: GovernanceView) -> Assessment:
    parts = view.parts
    if not parts:
        return _none("contamination", "label every part's AI content in `contamination`")
    checks = view.contamination_checks

    def labelled(p: PartView) -> bool:
        label = p.contamination
        return label is not None and (label.has_text("ai_label") or label.has_text("digital_source_type"))

    def estimated(p: PartView) -> float:
        label = p.contamination
        if label is None:
            return 0.0
        return flag(label.estimated_ai_share is not None or "source_predates_genai" in label.determination)

    specified = [Check(f"say how the label of `{p.id}` was determined",
                       flag(p.contamination is not None and bool(p.contamination.determination)), "determination")
                 for p in parts]
    specified += [Check(f"estimate the AI share of crawled part `{p.id}`", estimated(p), "estimate")
                  for p in parts if p.origin_class == "public_web_crawl"]
    evidenced = [Check(f"give the label of `{p.id}` a `confidence`",
                       flag(p.contamination is not None and p.contamination.has_text("confidence")), "confidence")
                  for p in parts]
    evidenced.append(Check("record benchmark `contamination_checks`", flag(bool(checks))))
    evidenced += [Check(f"give contamination check {c.index} a method and a result",
                        flag(c.method is not None and c.has_result), "check results") for c in checks]
    return _assess(
        "contamination",
        [Check(f"label the AI content of `{p.id}` (`ai_label` or `digital_source_type`)", flag(labelled(p)), "label")
         for p in parts],
        specified, evidenced)


# --- public evidence --------------------------------------------------------------------


def public_evidence(view: GovernanceView) -> Assessment:
    parts = view.parts
    if not parts:
        return _none("public_evidence", "declare `public_evidence` on every synthetic part")
    flagged = [p for p in parts if p.public_evidence is not None and p.public_evidence.synthetic.value is True]
    synthetic = [p for p in parts if p.synthetic]
    declared = [Check(f"declare `public_evidence` on `{p.id}`", flag(p.public_evidence is not None), "declared")
                for p in synthetic or parts]
    specified = [Check(f"declare `public_evidence.synthetic` on `{p.id}`",
                       credit(p.public_evidence.synthetic) if p.public_evidence is not None else 0.0, "synthetic")
                 for p in parts]
    specified += [Check(f"give flagged `{p.id}` its `kinds` and `presumptively_weak: true`",
                        flag(bool(ev.kinds) and ev.presumptively_weak is True), "kinds")
                  for p in flagged if (ev := p.public_evidence) is not None]
    evidenced = [Check(f"say how users of `{p.id}` are told (`disclosure`), with "
                       "`presented_as_public_participation: false`",
                       flag(ev.has_text("disclosure") and ev.presented_as_public_participation is False), "disclosure")
                 for p in flagged if (ev := p.public_evidence) is not None]
    return _assess("public_evidence", declared, specified, evidenced)


ASSESSORS: dict[str, Callable[[GovernanceView], Assessment]] = {
    "origin": origin,
    "purpose": purpose,
    "verification": verification,
    "renewal": renewal,
    "tail_evaluations": tail_evaluations,
    "contamination": contamination,
    "public_evidence": public_evidence,
}
