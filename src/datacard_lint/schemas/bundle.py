"""Build the self-contained card schema that editors and check-jsonschema read.

`card.schema.json` reaches the governance block through a `$ref` to another file, which
tools that load one file cannot follow offline. The bundle embeds the governance schema
under `$defs/governance` and rewrites its internal references to point there, so the file
has no `$ref` outside itself. Run ``python -m datacard_lint.schemas.bundle`` to regenerate
it; `tests/schema/test_bundle.py` keeps the shipped file equal to what this builds.
"""

from __future__ import annotations

import copy
import json
import sys
from typing import Any

from datacard_lint.resources import schema_dir

BUNDLE_FILE = "card.bundled.schema.json"
_EMBED_AT = "#/$defs/governance"


def bundled_card_schema(major: int = 1) -> dict[str, Any]:
    root = schema_dir() / f"v{major}"
    card = json.loads((root / "card.schema.json").read_text(encoding="utf-8"))
    governance = json.loads((root / "governance.schema.json").read_text(encoding="utf-8"))
    bundle: dict[str, Any] = copy.deepcopy(card)
    bundle["$id"] = card["$id"].rsplit("/", 1)[0] + "/" + BUNDLE_FILE
    bundle["title"] = card["title"] + " (self-contained)"
    bundle["description"] = (
        card["description"] + " This copy embeds the governance schema under `$defs/governance`, so it can be "
        "used offline by editors and validators that read a single file."
    )
    embedded: dict[str, Any] = _rewrite(governance)
    for key in ("$schema", "$id"):
        embedded.pop(key, None)
    bundle["$defs"] = {**bundle.get("$defs", {}), "governance": embedded}
    governance_property = bundle["properties"]["governance"]
    governance_property["$ref"] = _EMBED_AT
    return bundle


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#"):
                value = _EMBED_AT + value[1:]
            out[key] = _rewrite(value)
        return out
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


def render(major: int = 1) -> str:
    return json.dumps(bundled_card_schema(major), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    path = schema_dir() / "v1" / BUNDLE_FILE
    path.write_text(render(1), encoding="utf-8")
    sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
