"""Generations, compounded grounded shares and flags, on real card files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from lineage_cards import figures_of, lineage_of, part, write_card

from datacard_lint.lineage.compute import fmt


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


@pytest.fixture
def human_root(tmp_path: Path) -> Path:
    return write_card(tmp_path / "gen0", [part("chats", "direct_human_record", 1.0)],
                      {"generation": 0, "grounded_share": 1.0})


def test_three_shipped_generations(repo: Path) -> None:
    gen2 = repo / "examples" / "lineage" / "gen2" / "README.md"
    report = lineage_of(gen2)
    gen0, gen1 = (figures_of(report, repo / "examples" / "lineage" / g / "README.md") for g in ("gen0", "gen1"))
    top = figures_of(report, gen2)
    assert [(f.generation, f.generation_exact) for f in (gen0, gen1, top)] == [(0, True), (1, True), (2, True)]
    assert gen0.grounded == approx(1.0)
    assert gen1.grounded == approx(0.4)
    assert top.grounded == approx(0.03 + 0.4 * 0.4)
    assert [f.kind for f in top.flags] == ["collapse-risk"]
    assert gen0.flags == [] and gen1.flags == []
    # The ancestry paths add up to the compounded share and reach generation 0.
    assert sum(p.contribution for p in top.paths) == approx(top.grounded)
    assert [len(p.nodes) for p in top.paths] == [1, 2, 3]
    assert [p.basis for p in top.paths] == ["own", "own", "class"]
    assert top.paths[2].weight == approx(0.4 * 0.2)


def test_rows_generated_from_a_parents_prompts_are_not_grounded(tmp_path: Path, human_root: Path) -> None:
    # The parent share (0.65) covers model output seeded by the parent: the shares-only
    # formula g + share x G(parent) would say 0.35 + 0.65 = 1.0.
    child = write_card(tmp_path / "gen1", [part("fresh", "direct_human_record", 0.35),
                                           part("expanded", "model_generated", 0.65)],
                       {"generation": 1, "grounded_share": 0.35,
                        "parents": [{"path": "../gen0/README.md", "share": 0.65, "generation": 0}]})
    figures = figures_of(lineage_of(child), child)
    assert figures.grounded == approx(0.35)
    assert figures.carries[0].share == approx(0.0)


def _mixed_parent(tmp_path: Path, grounded: float) -> Path:
    """A generation-1 card whose compounded grounded share is `grounded`."""
    return write_card(tmp_path / "mixed", [part("human", "direct_human_record", grounded),
                                           part("generated", "model_generated", round(1 - grounded, 6))],
                      {"generation": 1, "grounded_share": grounded})


def test_acquired_records_inherit_the_parents_share(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.4)
    child = write_card(tmp_path / "child", [part("bought", "licensed_corpus", 0.5),
                                            part("generated", "model_generated", 0.5)],
                       {"grounded_share": 0.0, "parents": [{"path": "../mixed", "share": 0.5}]})
    figures = figures_of(lineage_of(child), child)
    assert figures.grounded == approx(0.5 * 0.4)
    assert figures.generation == 2


def test_source_datasets_outside_the_lineage_keep_records_grounded(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.4)
    child = write_card(tmp_path / "child", [part("bought", "licensed_corpus", 0.5, source_datasets=["other/corpus"]),
                                            part("generated", "model_generated", 0.5)],
                       {"parents": [{"path": "../mixed", "share": 0.5}]})
    assert figures_of(lineage_of(child), child).grounded == approx(0.5)


def test_source_datasets_link_a_part_to_its_parent(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.4)
    child = write_card(tmp_path / "child", [part("bought", "licensed_corpus", 0.6, source_datasets=["../mixed"]),
                                            part("fresh", "licensed_corpus", 0.4)],
                       {"grounded_share": 0.4, "parents": [{"path": "../mixed", "share": 0.6}]})
    figures = figures_of(lineage_of(child), child)
    assert figures.carries[0].linked_parts == ("bought",)
    assert figures.grounded == approx(0.4 + 0.6 * 0.4)


def test_fresh_acquired_data_is_not_attributed_to_a_parent(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.1)
    child = write_card(tmp_path / "child", [part("licensed-now", "licensed_corpus", 0.3),
                                            part("generated", "model_generated", 0.7)],
                       {"grounded_share": 0.3, "parents": [{"path": "../mixed", "share": 0.7}]})
    assert figures_of(lineage_of(child), child).grounded == approx(0.3)


def test_parents_share_the_inherited_records_in_proportion(tmp_path: Path) -> None:
    write_card(tmp_path / "a", [part("h", "direct_human_record", 1.0)], {"generation": 0})
    _mixed_parent(tmp_path, 0.25)
    child = write_card(tmp_path / "child", [part("bought", "licensed_corpus", 0.6),
                                            part("generated", "model_generated", 0.4)],
                       {"grounded_share": 0.0, "parents": [{"path": "../a", "share": 0.2},
                                                           {"path": "../mixed", "share": 0.4}]})
    figures = figures_of(lineage_of(child), child)
    assert [c.share for c in figures.carries] == [approx(0.2), approx(0.4)]
    assert figures.grounded == approx(0.2 * 1.0 + 0.4 * 0.25)


def test_a_parent_without_share_takes_the_unattributed_records(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.5)
    child = write_card(tmp_path / "child", [part("bought", "licensed_corpus", 0.5),
                                            part("generated", "model_generated", 0.5)],
                       {"grounded_share": 0.0, "parents": [{"path": "../mixed"}]})
    assert figures_of(lineage_of(child), child).grounded == approx(0.25)


def test_generation_rules(tmp_path: Path) -> None:
    _mixed_parent(tmp_path, 0.5)
    copied = write_card(tmp_path / "copy", [part("all", "licensed_corpus", 1.0)],
                        {"parents": [{"path": "../mixed"}]})
    built = write_card(tmp_path / "built", [part("new", "model_generated", 1.0)],
                       {"parents": [{"path": "../mixed"}]})
    unknown = write_card(tmp_path / "unknown", [part("new", "model_generated", 1.0)],
                         {"parents": [{"id": "someone/else"}]})
    report = lineage_of(copied, built, unknown)
    assert figures_of(report, copied).generation == 1  # copying adds no round of model output
    assert figures_of(report, built).generation == 2
    lower = figures_of(report, unknown)
    assert (lower.generation, lower.generation_exact) == (1, False)


def test_declared_generation_of_an_unread_parent_is_used(tmp_path: Path) -> None:
    child = write_card(tmp_path / "c", [part("new", "model_generated", 1.0)],
                       {"parents": [{"id": "someone/else", "generation": 3}]})
    figures = figures_of(lineage_of(child), child)
    assert (figures.generation, figures.generation_exact) == (4, True)


def test_fresh_share_estimated_when_not_declared(tmp_path: Path, human_root: Path) -> None:
    child = write_card(tmp_path / "gen1", [part("kept", "direct_human_record", 0.2),
                                           part("new", "direct_human_record", 0.2),
                                           part("generated", "model_generated", 0.6)],
                       {"parents": [{"path": "../gen0", "share": 0.8}]})
    figures = figures_of(lineage_of(child), child)
    assert (figures.fresh, figures.fresh_source) == (approx(0.2), "estimated")


def test_no_fresh_data_is_flagged(tmp_path: Path, human_root: Path) -> None:
    child = write_card(tmp_path / "gen1", [part("kept", "licensed_corpus", 0.5),
                                           part("generated", "model_generated", 0.5)],
                       {"generation": 1, "grounded_share": 0.0,
                        "parents": [{"path": "../gen0", "share": 1.0, "generation": 0}]})
    figures = figures_of(lineage_of(child), child)
    assert figures.grounded == approx(0.5)
    # At generation 1 the kept grounded half is enough; from generation 2 on, adding no
    # fresh grounded data is itself a risk.
    assert figures.flags == []
    later = write_card(tmp_path / "gen2", [part("kept", "licensed_corpus", 0.5),
                                           part("generated", "model_generated", 0.5)],
                       {"generation": 2, "grounded_share": 0.0,
                        "parents": [{"path": "../gen0", "share": 1.0, "generation": 1}]})
    assert [f.kind for f in figures_of(lineage_of(later), later).flags] == ["no-fresh-data"]


def test_floor_is_configurable(tmp_path: Path) -> None:
    card = _mixed_parent(tmp_path, 0.3)
    assert figures_of(lineage_of(card, floor=0.2), card).flags == []
    assert [f.kind for f in figures_of(lineage_of(card, floor=0.35), card).flags] == ["collapse-risk"]


def test_generation_zero_is_never_flagged(tmp_path: Path) -> None:
    card = write_card(tmp_path / "sim", [part("sim", "simulation", 1.0)], {"generation": 0})
    figures = figures_of(lineage_of(card), card)
    assert (figures.generation, figures.grounded, figures.flags) == (0, 0.0, [])


def test_shares_not_adding_up_are_rescaled_with_a_note(tmp_path: Path) -> None:
    card = write_card(tmp_path / "c", [part("h", "direct_human_record", 0.3), part("g", "model_generated", 0.3)])
    figures = figures_of(lineage_of(card), card)
    assert figures.grounded == approx(0.5)
    assert any("add up to 0.60" in note for note in figures.notes)


def test_a_card_without_part_shares_has_no_figure(tmp_path: Path) -> None:
    parent = write_card(tmp_path / "p", [part("a", "direct_human_record", None), part("b", "model_generated", None)])
    child = write_card(tmp_path / "c", [part("all", "licensed_corpus", 1.0)], {"parents": [{"path": "../p"}]})
    report = lineage_of(child)
    assert figures_of(report, parent).grounded is None
    assert any("gives no share" in note for note in figures_of(report, parent).notes)
    # The child cannot discount what it does not know: the parent is taken at face value.
    child_figures = figures_of(report, child)
    assert child_figures.grounded == approx(1.0)
    assert any("unknown; taken as 1" in note for note in child_figures.notes)


def test_cycle_is_reported_once_and_the_figures_still_exist(tmp_path: Path) -> None:
    a = write_card(tmp_path / "a", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../b"}]})
    b = write_card(tmp_path / "b", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "../a/README.md"}]})
    report = lineage_of(a, b)
    assert len(report.cycles) == 1
    assert set(report.cycles[0]) == {str(a.resolve()), str(b.resolve())}
    assert report.cycles[0][0] == report.cycles[0][-1]
    assert all(figures_of(report, f).grounded is not None for f in (a, b))
    assert report.failed()


def test_a_card_naming_itself_is_a_cycle(tmp_path: Path) -> None:
    card = write_card(tmp_path / "a", [part("x", "licensed_corpus", 1.0)], {"parents": [{"path": "README.md"}]})
    report = lineage_of(card)
    assert report.cycles == [(str(card.resolve()), str(card.resolve()))]


def test_missing_and_external_parents(tmp_path: Path) -> None:
    (tmp_path / "c" / "seeds").mkdir(parents=True)
    (tmp_path / "c" / "seeds" / "prompts.jsonl").write_text("{}\n")
    (tmp_path / "notes.md").write_text("just notes, no front matter\n")
    card = write_card(tmp_path / "c", [part("g", "model_generated", 1.0)], {"parents": [
        {"path": "seeds/prompts.jsonl"},          # data file, present: a leaf
        {"path": "seeds/absent.jsonl"},           # data file, absent
        {"path": "../nowhere/README.md"},         # card path, absent
        {"path": "../notes.md"},                  # a Markdown file that is not a card
        {"id": "acme/seed", "revision": "v1"},    # Hub id, not available
        {"path": "https://example.org/data"},     # URL: external
    ]})
    report = lineage_of(card)
    kinds = {m.node.label.split("/")[-1]: (m.node.kind, m.node.card_like) for m in report.missing}
    assert kinds == {
        "absent.jsonl": ("missing", False),
        "README.md": ("missing", True),
        "notes.md": ("missing", True),
        "seed": ("hub", False),
    }
    assert {n.kind for n in report.graph.nodes.values()} == {"card", "missing", "hub", "data", "external"}
    assert len(report.unresolved()) == 4
    assert len(report.unresolved(allow_external=True)) == 2


def test_hub_id_resolves_to_a_given_card_in_an_owner_name_folder(tmp_path: Path) -> None:
    seed = write_card(tmp_path / "acme" / "seed", [part("h", "direct_human_record", 1.0)], {"generation": 0})
    child = write_card(tmp_path / "child", [part("g", "model_generated", 1.0)],
                       {"parents": [{"id": "acme/seed", "revision": "v1"}]})
    report = lineage_of(child, seed)
    assert report.missing == []
    assert report.graph.parents_of(str(child.resolve()))[0].parent == str(seed.resolve())
    # Not named on the command line: not resolved, nothing is fetched.
    assert [m.node.kind for m in lineage_of(child).missing] == ["hub"]


def test_parents_are_parsed_once_per_cache(tmp_path: Path, human_root: Path) -> None:
    from datacard_lint.lineage.graph import CardCache
    from datacard_lint.loading.limits import Limits

    cache = CardCache()
    first = cache.load(human_root, Limits())
    assert cache.load(human_root, Limits()) is first
    text = human_root.read_text()
    human_root.write_text(text + "\nMore text.\n")
    assert cache.load(human_root, Limits()) is not first


def test_fmt_keeps_a_third_decimal_only_when_needed() -> None:
    assert [fmt(0.35), fmt(0.1), fmt(0.125), fmt(1.0), fmt(None)] == ["0.35", "0.10", "0.125", "1.00", "unknown"]
    assert math.isclose(float(fmt(0.19)), 0.19)
