"""Print the CHANGELOG.md section of one version, for the GitHub release of its tag.

    python .ci/release_notes.py 0.1.0 > notes.md

Exits 1 (with a message) when CHANGELOG.md has no `## VERSION` section, so a tag whose
changes were never written down cannot be released.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"


def section(text: str, version: str) -> str | None:
    """The body under `## VERSION` (a date or a note may follow it) up to the next `## `."""
    heading = re.compile(rf"^## {re.escape(version)}(?:\s|$).*$", re.MULTILINE)
    match = heading.search(text)
    if match is None:
        return None
    rest = text[match.end():]
    end = re.search(r"^## ", rest, re.MULTILINE)
    return rest[: end.start() if end else len(rest)].strip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: release_notes.py VERSION", file=sys.stderr)
        return 2
    version = argv[0].removeprefix("v")
    body = section(CHANGELOG.read_text("utf-8"), version)
    if body is None:
        print(f"CHANGELOG.md has no section `## {version}`", file=sys.stderr)
        return 1
    sys.stdout.write(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
