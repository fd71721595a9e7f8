"""The small YAML writer: every scalar reads back as itself, comments never change data."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from datacard_lint.authoring.yamltext import CommentLine, Noted, lines, scalar


@given(st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_any_string_reads_back_as_itself(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}") == {"key": text}


def test_yaml11_traps_are_quoted() -> None:
    for word in ("no", "yes", "on", "off", "null", "~", "1.0", "12", "2020-01-01", ".inf", "0x1f"):
        assert scalar(word).startswith('"'), word
    assert scalar("TODO") == "TODO"
    assert scalar("org/model-7b") == "org/model-7b"


def test_nested_data_with_comments_round_trips() -> None:
    data = {
        CommentLine("a whole-line comment"): None,
        "name": Noted("TODO", "fill me"),
        "size": Noted({"rows": 10}, "inline"),
        "parts": [
            {"id": "a", "tags": ["x", "y"], "origin": {"class": Noted("TODO", "choose"), "more": {"deep": True}}},
            Noted({"id": "b", "share": 0.5}, "second"),
        ],
        "empty": [],
        "none": None,
    }
    text = "\n".join(lines({"root": data}))
    assert yaml.safe_load(text) == {
        "root": {
            "name": "TODO",
            "size": {"rows": 10},
            "parts": [
                {"id": "a", "tags": ["x", "y"], "origin": {"class": "TODO", "more": {"deep": True}}},
                {"id": "b", "share": 0.5},
            ],
            "empty": [],
            "none": None,
        }
    }
    assert "  # a whole-line comment" in text
    assert "name: TODO  # fill me" in text
    assert "size: {rows: 10}  # inline" in text


def test_indent_shifts_every_line() -> None:
    out = lines({"a": {"b": Noted(1, "one")}}, indent=4)
    assert out == ["    a:", "      b: 1  # one"]
