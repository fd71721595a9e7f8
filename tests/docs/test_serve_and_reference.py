"""`mkdocs serve` previews the site locally, and the schema reference reads as a tree of keys."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_missing


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.skipif(mkdocs_missing(), reason="mkdocs is not installed")
def test_mkdocs_serve_previews_the_site_on_a_loopback_port(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
             "-f", str(ROOT / "mkdocs.yml")],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}/datacard-lint/"
        page = None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(base + "rules/DCL904/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(1)
        assert page is not None, f"mkdocs serve did not answer (exit {proc.poll()}):\n{log.read_text()}"
        assert "boolean-in-string-field" in page
        with urllib.request.urlopen(base + "schema/v1/governance.schema.json", timeout=5) as response:
            assert response.read() == (ROOT / "schema/v1/governance.schema.json").read_bytes()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.levels: dict[str, int] = {}
        self.ids: set[str] = set()
        self.parent_links: list[str] = []
        self._in_parent = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
            if re.fullmatch(r"h[2-6]", tag):
                self.levels[str(found["id"])] = int(tag[1])
        if tag == "span" and found.get("class") == "dcl-parent":
            self._in_parent = True
        elif tag == "a" and self._in_parent and found.get("href"):
            self.parent_links.append(str(found["href"]))
            self._in_parent = False


def test_schema_reference_headings_nest_with_the_keys(site: Path) -> None:
    text = (site / "reference/schema/v1/governance/index.html").read_text("utf-8")
    page = _Headings()
    page.feed(text)
    levels = page.levels
    assert levels["governance"] < levels["governance-parts"] < levels["governance-parts-origin"]
    assert levels["governance-parts-origin"] < levels["governance-parts-origin-generators"]
    assert levels["governance-renewal"] == levels["governance-parts"]  # siblings
    assert page.parent_links and all(link.startswith("#") and link[1:] in page.ids for link in page.parent_links)
    assert "#governance-parts" in page.parent_links


def test_key_paths_wrap_only_after_a_dot(site: Path) -> None:
    text = (site / "reference/schema/v1/governance/index.html").read_text("utf-8")
    paths = re.findall(r"<h[2-6] id=\"[^\"]+\"><code>(.*?)</code>", text)
    assert len(paths) > 10
    for path in paths:
        pieces = path.split("<wbr>")
        assert all(piece.endswith(".") for piece in pieces[:-1]), path  # never inside a key
        assert "<" not in "".join(pieces)


def test_key_names_in_tables_never_break_inside_a_word(site: Path) -> None:
    css = (site / "stylesheets/reference.css").read_text("utf-8")
    rule = re.search(r"td:first-child code[^{]*\{([^}]*)\}", css)
    assert rule and "white-space: nowrap" in rule.group(1) and "word-break: normal" in rule.group(1)
    page = (site / "reference/schema/v1/governance/index.html").read_text("utf-8")
    assert "stylesheets/reference.css" in page
