"""Property-based tests over generated YAML and Markdown cards.

Whatever the card, no exception escapes the engine (and no rule fails internally), the
same input gives the same diagnostics, and the CLI's exit status follows the documented
rule: 0 without error-level findings, 1 with them, 2 only for usage or internal errors.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacard_lint.cli.main import main
from datacard_lint.config.settings import Settings
from datacard_lint.diagnostics import Severity
from datacard_lint.engine import CardResult, Engine
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.yamltree import _nesting_upper_bound, _node_upper_bound

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 24)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HUB_KEYS = ["license", "language", "tags", "task_categories", "pretty_name", "size_categories", "configs",
            "dataset_info", "annotations_creators", "multilinguality", "source_datasets", "governance"]
GOVERNANCE_KEYS = ["schema_version", "parts", "renewal", "tail_evaluations", "contamination_checks",
                   "not_applicable", "origin", "class", "generators", "verification", "methods", "share"]
WORDS = ["mit", "en", "no", "yes", "on", "1.0", "2024-01-31", "model_generated", "TODO", "null", "~",
         "x-note", "id", "direct_human_record", "0.5", "-1", "1e3", "0o17", "", " ", "\t", "é", "\u2028"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.sampled_from(WORDS), st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(HUB_KEYS + GOVERNANCE_KEYS), st.text(max_size=12), st.integers(0, 3),
                 st.booleans(), st.dates())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=40,
)


def _example_governance() -> dict[str, Any]:
    text = (REPO / "examples" / "synthetic-instruct" / "README.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


EXAMPLE = _example_governance()


@st.composite
def mutated_cards(draw: st.DrawFn, start: dict[str, Any] | None = None) -> dict[str, Any]:
    """A real governance-rich card (or `start`) with a few values replaced, deleted or retyped."""
    card = copy.deepcopy(EXAMPLE if start is None else start)
    for _ in range(draw(st.integers(1, 6))):
        node: Any = card
        for _ in range(draw(st.integers(1, 6))):
            if isinstance(node, dict) and node:
                child = node[draw(st.sampled_from(sorted(node, key=str)))]
            elif isinstance(node, list) and node:
                child = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
            if not isinstance(child, (dict, list)) or not child:
                break
            node = child
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node, key=str)))
            if draw(st.booleans()):
                node[key] = draw(values)
            else:
                del node[key]
        elif isinstance(node, list) and node:
            node[draw(st.integers(0, len(node) - 1))] = draw(values)
    return card


def dump(data: Any, flow: bool | None, width: int) -> str:
    return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, width=width, sort_keys=False)


YAML_NOISE = list(":-?[]{},&*!|>'\"#%@`\n\t ") + ["---", "...", "<<", "!!", "\r\n", "\ufeff", "\x85", "a", "1"]

front_matters = st.one_of(
    st.builds(dump, values, st.sampled_from([None, True, False]), st.sampled_from([20, 80, 1000])),
    st.builds(dump, mutated_cards(), st.sampled_from([None, True, False]), st.sampled_from([40, 80])),
    st.lists(st.sampled_from(YAML_NOISE), max_size=60).map("".join),
    st.text(max_size=200),
)
bodies = st.one_of(
    st.just("# Card\n"),
    st.lists(st.sampled_from(["# T\n", "---\n", "text\n", "```yaml\n", "license: mit\n", "\n", "<!-- -->\n",
                              "# datacard-lint: disable=DCL901\n", "\r\n"]), max_size=12).map("".join),
    st.text(max_size=100),
)


@st.composite
def markdown_cards(draw: st.DrawFn) -> str:
    opening = draw(st.sampled_from(["---\n", "---\r\n", "\n---\n", "--- \n", ""]))
    closing = draw(st.sampled_from(["\n---\n", "---\n", "\n---", "\r\n---\r\n"]))
    return opening + draw(front_matters) + closing + draw(bodies)


def lint(text: str, kind: str = "markdown") -> CardResult:
    engine = Engine(Settings(as_of=AS_OF, limits=Limits(max_nodes=20_000)))
    return engine.check_text(text, "card.md", kind=kind)  # type: ignore[arg-type]


def fingerprint(result: CardResult) -> list[tuple[object, ...]]:
    return [(d.code, d.severity, d.span, d.message, d.help) for d in result.diagnostics]


def assert_sound(result: CardResult) -> None:
    assert not result.internal_errors, result.internal_errors
    assert all(d.code != "DCL999" for d in result.diagnostics), [d.message for d in result.diagnostics]
    assert all(d.line >= 1 and d.col >= 1 for d in result.diagnostics)


@PROPERTY
@given(markdown_cards())
def test_markdown_cards_never_break_the_engine_and_are_deterministic(text: str) -> None:
    first = lint(text)
    assert_sound(first)
    assert fingerprint(first) == fingerprint(lint(text))


@PROPERTY
@given(front_matters, st.sampled_from(["yaml", "json"]))
def test_yaml_cards_never_break_the_engine_and_are_deterministic(text: str, kind: str) -> None:
    first = lint(text, kind)
    assert_sound(first)
    assert fingerprint(first) == fingerprint(lint(text, kind))


@PROPERTY
@given(markdown_cards())
def test_exit_status_follows_the_documented_rule(text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory, "README.md")
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        with _quiet():
            status = main(["check", "--isolated", "--as-of", AS_OF.isoformat(), "--format", "json", str(path)])
        expected = Engine(Settings(as_of=AS_OF)).check_path(path, "README.md")
    has_errors = any(d.severity is Severity.ERROR for d in expected.diagnostics)
    assert status in (0, 1, 2)
    assert status == (2 if expected.internal_errors else 1 if has_errors else 0)


@PROPERTY
@given(st.one_of(front_matters, st.lists(st.sampled_from(["- ", "? ", ": ", "[", "{", "]", "}", "a: ", "\n", "  ",
                                                           ", ", "&a ", "*a", "!!seq "]),
                                          max_size=80).map("".join)))
def test_cheap_bounds_never_underestimate(text: str) -> None:
    """The pre-compose guards are sound only if their estimates bound the real figures."""
    depth = deepest = nodes = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                nodes += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent):
                nodes += 1
    except yaml.YAMLError:
        pass  # the events seen so far still have to be bounded
    assert _nesting_upper_bound(text) >= deepest
    assert _node_upper_bound(text) >= nodes


class _quiet:
    """Swallow the CLI's output (capsys cannot be used inside a hypothesis test)."""

    def __enter__(self) -> None:
        import contextlib
        import io

        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        self._stack.enter_context(contextlib.redirect_stderr(io.StringIO()))

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


@pytest.mark.parametrize("name", sorted(p.parent.name for p in (REPO / "examples").glob("*/README.md")))
def test_examples_are_deterministic_across_engines(name: str) -> None:
    path = REPO / "examples" / name / "README.md"
    runs = [Engine(Settings(as_of=AS_OF)).check_path(path, "README.md") for _ in range(2)]
    assert fingerprint(runs[0]) == fingerprint(runs[1])
    assert_sound(runs[0])
