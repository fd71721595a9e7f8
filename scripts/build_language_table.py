"""Regenerate src/datacard_lint/data/language_keys.json from the installed langcodes.

    python scripts/build_language_table.py

Computes the language key (`datacard_lint.rules.hub.language_key_by_langcodes`) of every
lower-case string of two or three letters, the whole domain of the table, so that the
table answers exactly as langcodes would. Run it after upgrading langcodes; the test
`tests/hardening/test_language_table.py` fails until the shipped file matches.
"""

from __future__ import annotations

import itertools
import json
import re
import string
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from datacard_lint.language_table import RESOURCE, table_data  # noqa: E402


def build() -> dict[str, object]:
    from importlib.metadata import version

    import langcodes
    from langcodes.data_dicts import LANGUAGE_REPLACEMENTS

    from datacard_lint.rules.hub import language_key_by_langcodes

    keys = {}
    for length in (2, 3):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            code = "".join(letters)
            keys[code] = language_key_by_langcodes(code)
    # Regions valid after normalisation, as langcodes judges them (`und-` has no other effect).
    candidates = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)]
    candidates += [f"{n:03d}" for n in range(1000)]
    regions = {r for r in candidates if langcodes.tag_is_valid(f"und-{r}")}
    whole_tags = {tag for tag in LANGUAGE_REPLACEMENTS if re.fullmatch(r"[a-z]{2,3}-([a-z]{2}|[0-9]{3})", tag)}
    own_region = {code for code in keys if langcodes.Language.get(code).territory is not None}
    keyless = {code for code, key in keys.items() if key is None and langcodes.tag_is_valid(code)}
    return table_data(keys, regions, whole_tags, own_region, keyless,
                      f"langcodes {version('langcodes')} (IANA language subtag registry)")


def main() -> int:
    target = REPO / "src" / "datacard_lint" / Path(*RESOURCE)
    target.write_text(json.dumps(build(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
