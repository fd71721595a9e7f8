"""Scores: examples as documented, monotone in documentation, deterministic, profile-driven."""

from __future__ import annotations

import random

import pytest
from cards import build
from dcl_testing import lint
from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.requirements import REQUIREMENTS
from datacard_lint.scoring.profile import ProfileError, load_profile, profile_names

level_vectors = st.fixed_dictionaries(
    {req: st.integers(min_value=1 if req == "origin" else 0, max_value=3) for req in REQUIREMENTS}
)


def overall(text: str, profile: str = "default") -> float:
    result = lint(text, profile=profile, min_score=0.0)
    assert result.score is not None
    return result.score.overall


@settings(max_examples=60, deadline=None)
@given(levels=level_vectors, raised=st.sampled_from(REQUIREMENTS), profile=st.sampled_from(["default", "strict"]))
def test_more_documentation_never_lowers_the_score(levels: dict[str, int], raised: str, profile: str) -> None:
    if levels[raised] == 3:
        return
    richer = {**levels, raised: levels[raised] + 1}
    assert overall(build(richer), profile) >= overall(build(levels), profile)


@settings(max_examples=40, deadline=None)
@given(levels=level_vectors)
def test_assessed_level_matches_documented_level(levels: dict[str, int]) -> None:
    result = lint(build(levels), min_score=0.0)
    assert result.score is not None
    got = {name: req.level for name, req in result.score.requirements.items()}
    # purpose and verification share `verification.domain`, and a card with no synthetic
    # public evidence has nothing beyond declaring that: these may rise through other fields.
    linked = {"purpose", "verification", "public_evidence"}
    for name, level in levels.items():
        if name in linked:
            assert got[name] >= level, (name, got, levels)
        else:
            assert got[name] == level, (name, got, levels)


def test_full_card_scores_100_and_empty_block_scores_0() -> None:
    assert overall(build(dict.fromkeys(REQUIREMENTS, 3))) == 100
    bare = "---\nlicense: mit\ngovernance:\n  schema_version: '1.0'\n  parts:\n    - id: a\n      origin: {class: model_generated}\n---\n"
    assert overall(bare) < 10


def test_not_applicable_with_reason_leaves_the_denominator() -> None:
    base = dict.fromkeys(REQUIREMENTS, 3) | {"tail_evaluations": 0}
    without = overall(build(base))
    text = build(base).replace(
        "  parts:", "  not_applicable:\n    tail_evaluations: Evaluations live in the model card of each model.\n  parts:", 1
    )
    assert overall(text) == 100 > without
    unreasoned = build(base).replace("  parts:", "  not_applicable:\n    tail_evaluations: ''\n  parts:", 1)
    result = lint(unreasoned, min_score=0.0)
    assert result.score is not None
    assert result.score.requirements["tail_evaluations"].applicable
    assert result.score.requirements["tail_evaluations"].score == 0


def test_error_findings_cap_the_requirement() -> None:
    text = build(dict.fromkeys(REQUIREMENTS, 3)).replace("pass_rate: 0.9", "pass_rate: 1.9")
    result = lint(text, min_score=0.0)
    assert result.score is not None
    verification = result.score.requirements["verification"]
    if any(d.code == "DCL304" for d in result.diagnostics):  # the rate rule is part of the rule set
        assert verification.capped and verification.level_name == "declared"


def test_same_card_same_score_regardless_of_order() -> None:
    texts = [build({req: random.Random(seed + i).randint(1, 3) for i, req in enumerate(REQUIREMENTS)})
             for seed in range(8)]
    first = [overall(t) for t in texts]
    order = list(range(len(texts)))
    random.Random(7).shuffle(order)
    assert [overall(texts[i]) for i in order] == [first[i] for i in order]


def test_profiles_are_valid_and_unknown_names_fail() -> None:
    assert {"default", "strict"} <= set(profile_names())
    for name in profile_names():
        assert load_profile(name).points[-1] == 100
    with pytest.raises(ProfileError):
        load_profile("no-such-profile")


def test_strict_profile_is_harsher() -> None:
    text = build({req: 2 for req in REQUIREMENTS})
    assert overall(text, "strict") < overall(text, "default")
