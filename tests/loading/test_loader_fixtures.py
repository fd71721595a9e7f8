"""Each loader oddity, reproduced by a small fixture file, gives its own code at its own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from datacard_lint.engine import Engine

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loader"

EXPECTED = {
    "bom.md": ("DCL004", 1, 1),
    "crlf.md": ("DCL005", 1, 1),
    "mixed_endings.md": ("DCL005", 1, 1),
    "latin1.md": ("DCL003", 3, 17),
    "utf16.md": ("DCL003", 1, 1),
    "nul.md": ("DCL006", 4, 1),
    "tab_indent.md": ("DCL012", 3, 1),
    "duplicate_key.md": ("DCL011", 3, 1),
    "yaml11_no.md": ("DCL904", 5, 5),
    "yaml11_on.md": ("DCL905", 3, 13),
    "empty_front_matter.md": ("DCL021", 1, 1),
    "empty_front_matter_adjacent.md": ("DCL021", 1, 1),
    "not_mapping.md": ("DCL022", 2, 1),
    "not_at_top.md": ("DCL023", 5, 1),
    "marker_trailing_space.md": ("DCL024", 1, 1),
    "leading_blank.md": ("DCL025", 2, 1),
    "no_front_matter.md": ("DCL020", 1, 1),
    "syntax_error.md": ("DCL010", 3, 11),
    "unsafe_tag.md": ("DCL013", 2, 10),
    "alias_bomb.md": ("DCL014", 6, 5),
    "recursive_alias.md": ("DCL014", 3, 7),
    "deep_nesting.md": ("DCL015", 3, 103),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reports_its_code_at_its_position(engine: Engine, name: str) -> None:
    code, line, col = EXPECTED[name]
    result = engine.check_path(FIXTURES / name, name)
    found = {(d.code, d.line, d.col) for d in result.diagnostics}
    assert (code, line, col) in found, found


def test_every_fixture_is_covered() -> None:
    on_disk = {p.name for p in FIXTURES.iterdir() if p.suffix == ".md"}
    assert on_disk == set(EXPECTED)


def test_unsafe_tag_is_never_constructed(engine: Engine, tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    card = tmp_path / "README.md"
    card.write_text(f"---\nlicense: !!python/object/apply:os.system ['touch {marker}']\n---\n")
    result = engine.check_path(card)
    assert [d.code for d in result.diagnostics] == ["DCL013"]
    assert not marker.exists()


def test_yaml_and_json_cards_keep_positions(engine: Engine) -> None:
    yaml_result = engine.check_path(FIXTURES / "card.yaml")
    assert [d.code for d in yaml_result.diagnostics] == []
    json_result = engine.check_path(FIXTURES / "card.json")
    found = {(d.code, d.line, d.col) for d in json_result.diagnostics}
    assert ("DCL054", 4, 23) in found  # the unquoted 1.0 in "schema_version": 1.0


def test_missing_file_is_a_finding_not_an_exception(engine: Engine, tmp_path: Path) -> None:
    result = engine.check_path(tmp_path / "nope.md")
    assert [d.code for d in result.diagnostics] == ["DCL001"]


def test_directory_named_readme_is_reported(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "README.md").mkdir()
    result = engine.check_path(tmp_path / "README.md")
    assert [d.code for d in result.diagnostics] == ["DCL001"]
    assert "directory" in result.diagnostics[0].message
