#!/usr/bin/env python3
"""Regenerate the Hub vocabularies in `src/datacard_lint/hub/data/vocabularies.json`.

Reads local git checkouts of the official sources (nothing is downloaded) and rewrites the
lists that come from them, recording `owner/repo@commit:path` for each in `sources`:

* huggingface.js `packages/tasks/src/pipelines.ts`: `task_categories` (the keys of
  PIPELINE_DATA) and `task_ids` (their subtask types);
* huggingface.js `packages/languages/src/languages_iso_639_1.ts` and `_3.ts`:
  `language_codes`, and `language_names` (lower-cased English name -> ISO 639-1 code);
* huggingface.js `packages/tasks/src/dataset-libraries.ts`: `library_tags`;
* hub-docs `docs/hub/repositories-licenses.md`: `licenses` (the identifier column, plus
  `unknown` and `other`, which the page also documents).

Every other list (legacy values of the retired 2022 validator, the creators and size buckets
of `huggingface_hub`) is kept as it is. Usage:

    python scripts/refresh_hub_vocabulary.py --huggingface-js ../huggingface.js --hub-docs ../hub-docs

`--check` exits 1 instead of writing when the file would change (for CI).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "src" / "datacard_lint" / "hub" / "data" / "vocabularies.json"

PIPELINES = "packages/tasks/src/pipelines.ts"
ISO_639_1 = "packages/languages/src/languages_iso_639_1.ts"
ISO_639_3 = "packages/languages/src/languages_iso_639_3.ts"
LIBRARIES = "packages/tasks/src/dataset-libraries.ts"
LICENSES = "docs/hub/repositories-licenses.md"

_TOP_LEVEL_KEY = re.compile(r'^\t"?([a-z0-9][a-z0-9-]*)"?: \{', re.M)


def commit_of(checkout: Path) -> str:
    """The checked-out commit, so the data records exactly what it was made from."""
    result = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _object_body(text: str, name: str) -> str:
    """The text of `export const NAME = { ... }` (up to the closing brace at column 0)."""
    start = text.index(f"export const {name} = {{")
    end = text.index("\n}", start)
    return text[start:end]


def task_vocabularies(pipelines_ts: str) -> tuple[list[str], list[str]]:
    body = _object_body(pipelines_ts, "PIPELINE_DATA")
    categories = _TOP_LEVEL_KEY.findall(body)
    subtasks = re.findall(r'^\t\t\t\ttype: "([^"]+)"', body, re.M)
    return sorted(set(categories)), sorted(set(subtasks))


def language_vocabularies(iso1_ts: str, iso3_ts: str) -> tuple[list[str], dict[str, str]]:
    codes: set[str] = set()
    names: dict[str, str] = {}
    for text, collect_names in ((iso1_ts, True), (iso3_ts, False)):
        for code, name in re.findall(r'\n\t\t?code: "([^"]+)",\s*\n\t\t?name: "([^"]+)"', text):
            codes.add(code)
            if collect_names:
                names.setdefault(" ".join(name.lower().split()), code)
    return sorted(codes), dict(sorted(names.items()))


def library_vocabulary(libraries_ts: str) -> list[str]:
    return sorted(set(_TOP_LEVEL_KEY.findall(libraries_ts)))


def license_vocabulary(licenses_md: str) -> list[str]:
    found = re.findall(r"^\|[^|\n]*\|\s*`([a-z0-9][a-z0-9.+-]*)`\s*\|", licenses_md, re.M)
    return sorted(set(found) | {"unknown", "other"})


def refresh(data: dict[str, Any], hf_js: Path | None, hub_docs: Path | None) -> dict[str, Any]:
    """`data` with the lists of the given checkouts regenerated and their sources recorded."""
    out = dict(data)
    sources = dict(out.get("sources", {}))
    if hf_js is not None:
        ref = f"huggingface/huggingface.js@{commit_of(hf_js)}"
        categories, subtasks = task_vocabularies((hf_js / PIPELINES).read_text(encoding="utf-8"))
        codes, names = language_vocabularies((hf_js / ISO_639_1).read_text(encoding="utf-8"),
                                             (hf_js / ISO_639_3).read_text(encoding="utf-8"))
        out["task_categories"], out["task_ids"] = categories, subtasks
        out["language_codes"], out["language_names"] = codes, names
        out["library_tags"] = library_vocabulary((hf_js / LIBRARIES).read_text(encoding="utf-8"))
        sources["task_categories"] = [f"{ref}:{PIPELINES}"]
        sources["task_ids"] = [f"{ref}:{PIPELINES}"]
        sources["language_codes"] = [f"{ref}:{ISO_639_1}", f"{ref}:{ISO_639_3}"]
        sources["language_names"] = [f"{ref}:{ISO_639_1}"]
        sources["library_tags"] = [f"{ref}:{LIBRARIES}"]
        if "legacy_task_categories" in sources:  # its third source is the current pipelines.ts
            sources["legacy_task_categories"] = [
                s if "huggingface.js" not in s else f"{ref}:{PIPELINES}" for s in sources["legacy_task_categories"]
            ]
    if hub_docs is not None:
        ref = f"huggingface/hub-docs@{commit_of(hub_docs)}"
        out["licenses"] = license_vocabulary((hub_docs / LICENSES).read_text(encoding="utf-8"))
        sources["licenses"] = [f"{ref}:{LICENSES}"]
    out["sources"] = sources
    return out


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huggingface-js", type=Path, help="local checkout of huggingface/huggingface.js")
    parser.add_argument("--hub-docs", type=Path, help="local checkout of huggingface/hub-docs")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the vocabularies.json to rewrite")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change; write nothing")
    args = parser.parse_args(argv)
    if args.huggingface_js is None and args.hub_docs is None:
        parser.error("give --huggingface-js and/or --hub-docs")
    try:
        original = args.output.read_text(encoding="utf-8")
        updated = render(refresh(json.loads(original), args.huggingface_js, args.hub_docs))
    except (OSError, ValueError, subprocess.CalledProcessError) as exc:
        print(f"refresh_hub_vocabulary: {exc}", file=sys.stderr)
        return 2
    if updated == original:
        print(f"{args.output}: up to date")
        return 0
    if args.check:
        print(f"{args.output}: would change", file=sys.stderr)
        return 1
    fd, tmp = tempfile.mkstemp(dir=args.output.parent, prefix=".vocabularies-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(updated)
    os.replace(tmp, args.output)
    print(f"{args.output}: rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
