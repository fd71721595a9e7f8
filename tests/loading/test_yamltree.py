"""Values match yaml.safe_load, and every value and key keeps its span."""

from __future__ import annotations

import datetime as dt

import yaml

from datacard_lint.diagnostics import Span
from datacard_lint.loading.limits import Limits
from datacard_lint.loading.yamltree import parse_yaml

TEXT = """\
license: mit
language:
  - en
  - "no"
when: 2024-01-31
base: &base {a: 1}
merged:
  <<: *base
  b: 2
"""


def test_values_equal_safe_load() -> None:
    tree = parse_yaml(TEXT, 0, Limits())
    assert tree.ok
    assert tree.data == yaml.safe_load(TEXT)
    assert tree.data["when"] == dt.date(2024, 1, 31)


def test_spans_are_one_based_and_offset() -> None:
    tree = parse_yaml(TEXT, 10, Limits())
    assert tree.spans[("language", 1)] == Span(14, 5, 14, 9)
    assert tree.key_spans[("language",)] == Span(12, 1, 12, 9)
    assert tree.spans[("merged", "b")].line == 19


def test_implicit_scalars_are_recorded() -> None:
    tree = parse_yaml("a: no\nb: 'no'\nc: 1.10\n", 0, Limits())
    implicit = {(s.path, s.tag, s.raw) for s in tree.implicit}
    assert (("a",), "bool", "no") in implicit
    assert (("c",), "float", "1.10") in implicit
    assert all(s.path != ("b",) for s in tree.implicit)


def test_duplicate_key_keeps_last_value_and_its_position() -> None:
    tree = parse_yaml("a: 1\nb: 2\na: 3\n", 0, Limits())
    assert tree.data == {"a": 3, "b": 2}
    assert [f.code for f in tree.findings] == ["DCL011"]
    assert tree.spans[("a",)].line == 3


def test_limits_are_configurable() -> None:
    text = "x: " + "[" * 20 + "]" * 20 + "\n"
    assert parse_yaml(text, 0, Limits(max_depth=10)).findings[0].code == "DCL015"
    assert parse_yaml(text, 0, Limits(max_depth=50)).ok
    bomb = "a: &a [1, 1, 1]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
    assert parse_yaml(bomb, 0, Limits(max_nodes=20)).findings[0].code == "DCL014"
    assert parse_yaml(bomb, 0, Limits(max_nodes=1000)).ok
