"""Render the built site in headless Chromium: pages draw, and no script throws.

Chromium is optional on a developer machine (the test skips, saying why) but required in CI:
when the `CI` environment variable is set, a missing browser is a failure. Screenshots go to
`$DOCS_SCREENSHOT_DIR` when set, so CI can keep them as artefacts.
"""

from __future__ import annotations

import functools
import html
import os
import shutil
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
WINDOW = (1280, 900)


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:  # a deliberate choice: no fallback if it is wrong
        return shutil.which(explicit)
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        message = "chromium not found (looked for $CHROMIUM or /usr/bin/chromium; `apt-get install chromium`)"
        if os.environ.get("CI"):
            pytest.fail(message + "; it is required when CI is set", pytrace=False)
        pytest.skip(message)
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site over HTTP on an ephemeral localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("DOCS_SCREENSHOT_DIR")
    directory = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (no imaging library needed)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def _pages() -> list[tuple[str, str]]:
    """(path, expected title) for the home page and the first rule page."""
    from datacard_lint.rules.registry import all_rules

    first = all_rules()[0]
    return [("", "datacard-lint"), (f"rules/{first.code}/", f"{first.code} {first.name} - datacard-lint")]


@pytest.mark.parametrize("which", [0, 1], ids=["home", "rule"])
def test_page_renders_without_script_errors(
    which: int, chromium: str, server: str, screenshot_dir: Path, tmp_path: Path
) -> None:
    path, title = _pages()[which]
    url = server + path
    name = "home" if not path else path.strip("/").replace("/", "-")

    shot = screenshot_dir / f"{name}.png"
    shot.unlink(missing_ok=True)
    proc = _run(
        chromium, tmp_path / "profile-shot", f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}", url
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert shot.is_file(), f"no screenshot written; stderr:\n{proc.stderr[-4000:]}"
    data = shot.read_bytes()
    assert len(data) > 10_000, f"screenshot is only {len(data)} bytes"
    width, height, pixels = _png_pixels(data)
    assert (width, height) == WINDOW
    assert len(set(pixels[:: max(1, len(pixels) // 200_000)])) > 16, "screenshot is nearly uniform"

    proc = _run(
        chromium,
        tmp_path / "profile-dom",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        "--dump-dom",
        url,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"<title>{html.escape(title, quote=False)}</title>" in proc.stdout, proc.stdout[:2000]
    uncaught = [line for line in proc.stderr.splitlines() if "Uncaught" in line]
    assert not uncaught, "\n".join(uncaught)
