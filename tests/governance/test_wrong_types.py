"""Wrong-typed values the schema reports never break the model, the rules or the score.

Regressions for values that used to crash the scorer (a tail evaluation whose `axis` is a
list or a mapping, a `determination` of a crawled part that is a scalar, a boolean or a
date: each made `check` report DCL999 and `score` drop the card), and a property
test that puts wrong-typed values into every field of the block and reads every property of
every view, then lints and scores the card.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from dcl_testing import AS_OF, lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacard_lint.api import score_card
from datacard_lint.cli.main import cli
from datacard_lint.governance.view import Fact, GovernanceView, _Node
from datacard_lint.schemas import store

REPO = Path(__file__).resolve().parents[2]


def _example(name: str = "web-crawl-pretraining") -> dict[str, Any]:
    text = (REPO / "examples" / name / "README.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


def _with(path: tuple[Any, ...], value: Any) -> str:
    meta = _example()
    node: Any = meta["governance"]
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n"


BAD = [
    (("tail_evaluations", 0, "axis"), ["language"]),
    (("tail_evaluations", 0, "axis"), {"language": 1}),
    (("parts", 0, "contamination", "determination"), "declared_by_producer"),
    (("parts", 0, "contamination", "determination"), 7),
    (("parts", 0, "contamination", "determination"), True),
    (("parts", 0, "contamination", "determination"), dt.date(2024, 1, 1)),
]


@pytest.mark.parametrize(("path", "value"), BAD, ids=lambda x: str(x))
def test_the_score_is_computed_from_what_is_valid(path: tuple[Any, ...], value: Any) -> None:
    text = _with(path, value)
    result = lint(text, min_score=0.0)
    assert not result.internal_errors
    assert not any(d.code == "DCL999" for d in result.diagnostics)
    assert any(d.code.startswith("DCL05") for d in result.diagnostics)  # the schema still reports it
    assert result.score is not None and result.score.overall > 0
    steps = [r.next_step or "" for r in result.score.requirements.values()]
    assert not any("add a `governance` block" in s for s in steps)


@pytest.mark.parametrize(("path", "value"), [BAD[0], BAD[1], BAD[3], BAD[5]], ids=lambda x: str(x))
def test_score_and_check_min_score_keep_the_card(tmp_path: Path, path: tuple[Any, ...], value: Any) -> None:
    card = tmp_path / "README.md"
    card.write_text(_with(path, value), encoding="utf-8")
    runner = CliRunner()
    scored = runner.invoke(cli, ["score", "--isolated", "--as-of", AS_OF.isoformat(), "--format", "json", str(card)])
    assert scored.exit_code in (0, 1), scored.output
    assert str(card) in scored.output or "README.md" in scored.output
    checked = runner.invoke(cli, ["check", "--isolated", "--as-of", AS_OF.isoformat(), "--min-score", "1",
                                  str(card)])
    assert checked.exit_code == 1 and "DCL999" not in checked.output
    api = score_card(card, settings=None)
    assert api.overall > 0
    assert not any("add a `governance` block" in (r.next_step or "") for r in api.requirements.values())


# --- property: any field, any wrong type ---------------------------------------------------

WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True), st.dates(),
    st.sampled_from(["", "undisclosed", "TODO", "x", "language", "model_generated", "mixed"]),
    st.lists(st.sampled_from(["a", 1, None]), max_size=3),
    st.dictionaries(st.sampled_from(["undisclosed", "source", "class", "x"]), st.sampled_from(["", "a", 1]),
                    max_size=2),
)
STARTS = [_example()["governance"], _example("synthetic-instruct")["governance"],
          store.governance_schema(1)["examples"][0]]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


@st.composite
def damaged_blocks(draw: st.DrawFn) -> dict[str, Any]:
    block = copy.deepcopy(draw(st.sampled_from(STARTS)))
    paths = _paths(block)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        node: Any = block
        try:
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = draw(WRONG)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed the path
    return block


def read_everything(obj: Any, depth: int = 0) -> int:
    """Read every property and computed share of a view, recursively; the count of reads."""
    if depth > 6:
        return 0
    if isinstance(obj, list):
        return sum(read_everything(item, depth + 1) for item in obj)
    if isinstance(obj, tuple):
        return sum(read_everything(item, depth + 1) for item in obj)
    if not isinstance(obj, (_Node, GovernanceView, Fact)):
        return 0
    reads = 0
    for name in dir(type(obj)):
        member = getattr(type(obj), name, None)
        if isinstance(member, property):
            reads += 1 + read_everything(getattr(obj, name), depth + 1)
    for method in ("grounded_share", "component_grounded_shares"):
        if callable(getattr(obj, method, None)):
            reads += 1 + read_everything(getattr(obj, method)(), depth + 1)
    return reads


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_blocks())
def test_wrong_types_anywhere_never_break_the_view_the_rules_or_the_score(block: dict[str, Any]) -> None:
    metadata = {"license": "mit", "language": ["en", "sw"], "governance": block}
    assert read_everything(GovernanceView.of(metadata)) > 20
    text = "---\n" + json.dumps(metadata, default=str) + "\n---\n"
    result = lint(text, min_score=0.0)
    assert not result.internal_errors, result.internal_errors
    assert result.score is not None
    assert all(0.0 <= r.score <= 100.0 for r in result.score.requirements.values())
