"""`import --from croissant`: a governance block drafted from a Croissant file.

The round trip card -> Croissant -> import must give back every part's origin class, share
and generators (compared with the card read as plain YAML), for every example card, both
from the export alone and from the export merged into the Hub-shaped file. The draft is
added like `init` adds a block: every other byte of the card stays as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_croissant_base import BASE, EXAMPLES, card_id, parts_of

from datacard_lint.cli.main import main

REPO = Path(__file__).resolve().parents[2]

PLAIN_CARD = "---\r\nlicense: apache-2.0  # kept as written\r\npretty_name: 'Tessera'\r\n---\r\n# Tessera\r\n\r\nText.\r\n"


def governance_of(text: str) -> dict[str, Any]:
    loaded = yaml.safe_load(text.replace("\r\n", "\n").split("\n---", 1)[0].removeprefix("---"))
    assert isinstance(loaded, dict)
    return loaded["governance"]  # type: ignore[no-any-return]


def essentials(parts: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(id, class, share, ((model, revision), ...)) per part, as the card states them."""
    found = []
    for part in parts:
        origin = part.get("origin") if isinstance(part.get("origin"), dict) else {}
        generators = tuple(
            (g.get("model"), str(g["revision"]) if g.get("revision") not in (None, "TODO") else None)
            for g in origin.get("generators") or [] if isinstance(g, dict) and isinstance(g.get("model"), str)
        )
        share = part.get("share")
        found.append((part.get("id"), origin.get("class"), share if isinstance(share, float | int) else None,
                      generators))
    return found


def import_into(croissant: Path, card: Path) -> int:
    return main(["import", "--from", "croissant", str(croissant), str(card)])


ROUND_TRIP = [c for c in EXAMPLES if parts_of(c)]


@pytest.mark.parametrize("with_base", [False, True], ids=["export", "merged"])
@pytest.mark.parametrize("card", ROUND_TRIP, ids=card_id)
def test_round_trip_recovers_classes_shares_and_generators(card: Path, with_base: bool, tmp_path: Path) -> None:
    croissant = tmp_path / "croissant.json"
    extra = ["--base", str(BASE)] if with_base else []
    assert main(["export", "--to", "croissant", str(card), "-o", str(croissant), *extra]) == 0
    target = tmp_path / "README.md"
    target.write_text(PLAIN_CARD, encoding="utf-8", newline="")
    assert import_into(croissant, target) == 0
    drafted = governance_of(target.read_text(encoding="utf-8"))["parts"]
    expected = essentials(parts_of(card))
    got = essentials(drafted)
    assert got == expected
    # A share the card does not state as a number comes back as TODO, for the author to fill.
    assert [p["share"] == "TODO" for p in drafted] == [e[2] is None for e in expected]


def test_the_draft_keeps_every_other_byte_and_is_marked_for_confirmation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    croissant = tmp_path / "croissant.json"
    assert main(["export", "--to", "croissant", str(REPO / "examples" / "synthetic-instruct"), "-o", str(croissant)]) == 0
    assert main(["import", "--from", "croissant", str(croissant)]) == 0
    block = capsys.readouterr().out
    target = tmp_path / "README.md"
    target.write_bytes(PLAIN_CARD.encode())
    assert import_into(croissant, target) == 0
    new = target.read_bytes().decode()
    inserted = block.replace("\n", "\r\n")
    assert inserted in new
    assert new.replace(inserted, "", 1) == PLAIN_CARD
    assert "x-imported-from: \"TODO: confirm every value drafted from croissant.json" in new
    from dcl_testing import lint

    diagnostics = lint(new).diagnostics
    assert ("DCL906", 5) in {(d.code, d.line) for d in diagnostics}  # the confirmation marker
    assert not [d for d in diagnostics if d.code.startswith("DCL05")]  # schema-valid otherwise


def test_a_foreign_file_gives_one_part_from_the_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = json.loads(BASE.read_text(encoding="utf-8"))
    base["@context"]["prov"] = "http://www.w3.org/ns/prov#"
    base["rai:hasSyntheticData"] = True
    base["rai:syntheticDataExplanation"] = "Dialogues written by a chat model from topic seeds."
    base["prov:wasAttributedTo"] = [{"@type": "prov:SoftwareAgent", "prov:label": "northwind-lab/chat-13b@r2"},
                                    {"@type": "prov:Organization", "prov:label": "Northwind Lab"}]
    base["prov:wasDerivedFrom"] = {"@id": "https://huggingface.co/datasets/northwind-lab/topics/tree/v3"}
    foreign = tmp_path / "croissant.json"
    foreign.write_text(json.dumps(base), encoding="utf-8")
    assert main(["import", "--from", "croissant", str(foreign)]) == 0
    out = capsys.readouterr()
    governance = yaml.safe_load(out.out)["governance"]
    (part,) = governance["parts"]
    assert part["id"] == "generated" and part["share"] == "TODO"
    assert part["origin"]["class"] == "model_generated"
    assert part["origin"]["generators"] == [{"model": "northwind-lab/chat-13b", "revision": "r2"}]
    assert part["origin"]["description"] == "Dialogues written by a chat model from topic seeds."
    assert governance["renewal"]["parents"] == [{"id": "northwind-lab/topics", "revision": "v3"}]
    assert "one synthetic part from rai:hasSyntheticData" in out.err
    base["rai:hasSyntheticData"] = False
    foreign.write_text(json.dumps(base), encoding="utf-8")
    assert main(["import", "--from", "croissant", str(foreign)]) == 0
    part = yaml.safe_load(capsys.readouterr().out)["governance"]["parts"][0]
    assert part["origin"]["class"] == "TODO" and "generators" not in part["origin"]


def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_croissant = tmp_path / "data.json"
    not_croissant.write_text('{"rows": [1, 2]}', encoding="utf-8")
    card = tmp_path / "README.md"
    card.write_bytes(PLAIN_CARD.encode())
    assert import_into(not_croissant, card) == 2
    assert "is not a Croissant file" in capsys.readouterr().err
    assert card.read_bytes() == PLAIN_CARD.encode()
    croissant = tmp_path / "croissant.json"
    assert main(["export", "--to", "croissant", str(REPO / "examples" / "human-survey"), "-o", str(croissant)]) == 0
    governed = (REPO / "examples" / "human-survey" / "README.md").read_bytes()
    copy = tmp_path / "governed.md"
    copy.write_bytes(governed)
    assert import_into(croissant, copy) == 1
    assert "already has a governance block" in capsys.readouterr().err
    assert copy.read_bytes() == governed


def test_round_trip_of_schema_1_1_generators_and_breakdown(tmp_path: Path) -> None:
    from dcl_testing import lint
    from test_croissant_base import V11

    croissant = tmp_path / "croissant.json"
    assert main(["export", "--to", "croissant", str(V11), "-o", str(croissant)]) == 0
    target = tmp_path / "README.md"
    target.write_text(PLAIN_CARD, encoding="utf-8", newline="")
    assert import_into(croissant, target) == 0
    text = target.read_text(encoding="utf-8")
    governance = governance_of(text)
    assert governance["schema_version"] == "1.1"
    geometry, chat = governance["parts"]
    assert geometry["origin"]["generators"] == [{"kind": "algorithm", "algorithm": "quarry-geometry-engine",
                                                 "version": "2.4.1"}]
    assert [p["category"] for p in geometry["purpose"]] == ["math", "rare_case_augmentation"]
    assert chat["origin"]["class"] == "mixed"
    assert [(b["class"], b["share"]) for b in chat["origin"]["breakdown"]] == [
        ("direct_human_record", 0.4), ("model_generated", 0.6)]
    assert chat["origin"]["generators"] == [{"model": "undisclosed", "snapshot": "vendor-chat-2026-05-14",
                                             "access": "api", "provider": "Example Vendor", "role": "generator"}]
    assert governance["contamination_checks"][0]["items_removed"] == 37
    assert not [d for d in lint(text).diagnostics if d.code.startswith("DCL05")]
