"""Card discovery streams: the walk yields in sorted order one directory at a time, and
remembers paths only when the arguments overlap, so memory does not grow with the tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from datacard_lint import collect as collect_module
from datacard_lint.collect import collect

GOVERNANCE_YAML = "governance:\n  schema_version: '1.0'\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for name in ["b/README.md", "b.md", "a/z/README.md", "a/README.md", "a/card.yaml", "a/plain.yaml",
                 "c/README.md/inner/README.md", "node_modules/x/README.md", "d/README.md"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)  # makes `c/README.md` a directory
        path.write_text(GOVERNANCE_YAML if name == "a/card.yaml" else "---\nlicense: mit\n---\n")
    return tmp_path


def test_walk_order_is_the_sorted_order_of_all_paths(tree: Path) -> None:
    found = [t.path for t in collect([tree])]
    assert found == sorted(found)
    names = [str(p.relative_to(tree)) for p in found]
    assert names == ["a/README.md", "a/card.yaml", "a/z/README.md", "b/README.md", "c/README.md",
                     "c/README.md/inner/README.md", "d/README.md"]


def test_targets_come_before_the_walk_ends(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[Path] = []
    real = collect_module._listing

    def counting(directory: Path) -> list:  # type: ignore[type-arg]
        listed.append(directory)
        return real(directory)

    monkeypatch.setattr(collect_module, "_listing", counting)
    targets = collect([tree])
    first = next(targets)
    assert first.path == tree / "a" / "README.md"
    assert tree / "d" not in listed  # later directories are not even listed yet


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["a", "a/README.md"], 3),  # a file inside a directory given too
        (["a", "a/z"], 3),  # a directory inside another
        (["a/README.md", "a/README.md"], 1),
        (["a", "b", "d"], 5),  # disjoint: nothing to remember
    ],
)
def test_overlapping_arguments_yield_each_card_once(tree: Path, arguments: list[str], expected: int) -> None:
    targets = list(collect([tree / a for a in arguments]))
    assert len(targets) == expected
    assert len({t.path for t in targets}) == expected
