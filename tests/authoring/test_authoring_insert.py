"""Byte-preserving insertion: only the block's bytes are added, and the metadata around it
reads exactly as before."""

from __future__ import annotations

import pytest
import yaml

from datacard_lint.authoring.block import block_lines
from datacard_lint.authoring.infer import infer
from datacard_lint.authoring.insert import Insertion, Refusal, detect_newline, insert, locate
from datacard_lint.loading.frontmatter import split_front_matter

BOM = b"\xef\xbb\xbf"


def apply(data: bytes, kind: str = "markdown") -> Insertion:
    site = locate(data, kind)  # type: ignore[arg-type]
    return insert(site, block_lines(infer(site.metadata)))


def removed(ins: Insertion) -> bytes:
    return ins.data[: ins.offset] + ins.data[ins.offset + len(ins.inserted) :]


def metadata(data: bytes) -> dict[str, object]:
    text = data.decode("utf-8-sig")
    return yaml.safe_load(split_front_matter(text).yaml or "") or {}


def assert_only_block_added(original: bytes, ins: Insertion) -> dict[str, object]:
    assert removed(ins) == original
    assert ins.original == original
    after = metadata(ins.data)
    governance = after.pop("governance")
    assert after == metadata(original)
    assert isinstance(governance, dict) and governance["schema_version"] == "1.0"
    return governance


CASES = {
    "lf": b"---\nlicense: mit # keep this comment\nlanguage:\n- en\n- 'no'\n---\n# Title\n\nBody.\n",
    "crlf": b"---\r\nlicense: mit\r\nlanguage: [en]\r\n---\r\n# Title\r\n",
    "bom": BOM + b"---\nlicense: mit\n---\nbody",
    "no-final-newline": b"---\nlicense: mit\n---",
    "trailing-space-closing": b"---\npretty_name: \"Q\"\n--- \t\nbody\n",
    "leading-blank": b"\n\n---\nlicense: mit\n---\nbody\n",
    "indented-root": b"---\n  license: mit\n  tags:\n    - a\n---\nbody\n",
    "zero-indent-seq-last": b"---\ntags:\n- a\n- b\n---\n",
    "comment-last": b"---\nlicense: mit\n# a closing comment\n---\n",
    "null-last": b"---\nlicense: mit\ntags:\n---\n",
    "block-scalar-last": b"---\nlicense: mit\nextra_gated_prompt: |\n  Please agree.\n---\nbody\n",
    "block-scalar-keep": b"---\nlicense: mit\nnote: |+\n  kept\n\n---\nbody\n",
    "unicode": "---\npretty_name: Données « ouvertes »\n---\n# Café\n".encode(),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_only_the_block_is_added(name: str) -> None:
    original = CASES[name]
    assert_only_block_added(original, apply(original))


def test_block_uses_the_files_line_breaks_and_indentation() -> None:
    ins = apply(CASES["crlf"])
    assert b"\r\n" in ins.inserted and b"\n" not in ins.inserted.replace(b"\r\n", b"")
    ins = apply(CASES["indented-root"])
    assert ins.inserted.startswith(b"  governance:\n    ")


def test_block_goes_just_before_the_closing_fence() -> None:
    ins = apply(CASES["lf"])
    assert ins.data[ins.offset + len(ins.inserted) :].startswith(b"---\n# Title")
    assert ins.data[: ins.offset].endswith(b"- 'no'\n")


def test_block_scalar_at_the_end_keeps_its_value_by_moving_the_block_up() -> None:
    ins = apply(CASES["block-scalar-last"])
    assert ins.data[: ins.offset] == b"---\n"  # at the top: after the scalar it would gain a line break
    assert metadata(ins.data)["extra_gated_prompt"] == "Please agree."


def test_bom_is_kept_in_front() -> None:
    ins = apply(CASES["bom"])
    assert ins.data.startswith(BOM + b"---\nlicense: mit\ngovernance:")


def test_card_without_front_matter_gets_one_prepended() -> None:
    original = b"# Just a title\n\nSome text.\n"
    ins = apply(original)
    assert ins.offset == 0 and ins.inserted.startswith(b"---\ngovernance:\n") and ins.inserted.endswith(b"---\n")
    assert removed(ins) == original
    assert list(metadata(ins.data)) == ["governance"]
    crlf = apply(b"# T\r\n\r\nx\r\n")
    assert crlf.inserted.startswith(b"---\r\n") and crlf.inserted.endswith(b"---\r\n")


def test_empty_front_matter_is_filled() -> None:
    for original in (b"---\n---\nbody\n", b"---\n\n---\nbody\n"):
        ins = apply(original)
        assert removed(ins) == original
        assert list(metadata(ins.data)) == ["governance"]


def test_yaml_card_gets_the_block_appended() -> None:
    original = b"license: mit\nlanguage: [en]"
    ins = apply(original, "yaml")
    assert ins.data.startswith(original + b"\ngovernance:")
    assert removed(ins) == original
    assert set(yaml.safe_load(ins.data)) == {"license", "language", "governance"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"---\ngovernance:\n  schema_version: '1.0'\n---\n", "has-governance"),
        (b"---\ngovernance:\n---\n", "has-governance"),
        (b"---\n{}\n---\nbody\n", "flow-mapping"),
        (b"---\n{license: mit}\n---\n", "flow-mapping"),
        (b"---\n- a\n- b\n---\n", "not-mapping"),
        (b"---\njust text\n---\n", "not-mapping"),
        (b"---\nlicense: [mit\n---\n", "yaml-error"),
        (b"---\nlicense:\n\t- mit\n---\n", "yaml-error"),
        (b"---\nlicense: caf\xe9\n---\n", "not-utf8"),
        (b"\xff\xfe-\x00-\x00-\x00", "not-utf8"),
        (b"---\nlicense: mit\x00\n---\n", "binary"),
        (b"# Title\n\n---\nlicense: mit\n---\n", "not-at-top"),
        (b"--- \nlicense: mit\n---\nbody\n", "malformed-marker"),
    ],
)
def test_cards_that_cannot_take_a_block_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(Refusal) as caught:
        apply(data)
    assert caught.value.reason == reason
    assert str(caught.value)


def test_json_cards_are_refused() -> None:
    with pytest.raises(Refusal) as caught:
        apply(b'{"license": "mit"}', "json")
    assert caught.value.reason == "json-card"


def test_detect_newline_takes_the_majority() -> None:
    assert detect_newline("a\r\nb\r\nc\n") == "\r\n"
    assert detect_newline("a\nb\r\nc\n") == "\n"
    assert detect_newline("a\rb\r") == "\r"
    assert detect_newline("no breaks") == "\n"
