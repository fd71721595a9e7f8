"""Nothing is fetched at lint time: the CLI runs with sockets disabled, and schema
references to URLs are refused by the bundled registry instead of being retrieved."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from datacard_lint.schemas import store

REPO = Path(__file__).resolve().parents[2]

#: Runs the CLI in a fresh interpreter in which every way to open a network connection
#: raises; the status of `main()` is the process's exit status.
GUARDED_CLI = """
import socket, sys

def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ACCESS ATTEMPTED\\n")
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from datacard_lint.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

CARD_WITH_URLS = """---
$schema: http://127.0.0.1:9/card.schema.json
license: mit
language: [en]
governance:
  $ref: http://127.0.0.1:9/governance.schema.json
  schema_version: "1.0"
  parts:
    - id: web
      origin:
        class: public_web_crawl
        source_datasets: [http://127.0.0.1:9/dataset]
      verification:
        methods:
          - method: rule_filter
            evidence_url: https://127.0.0.1:9/evidence
---
# A card that names URLs
"""


def guarded(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", GUARDED_CLI, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_the_guard_really_blocks_the_network(tmp_path: Path) -> None:
    probe = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/')\n"
    script = GUARDED_CLI.replace("from datacard_lint", probe + "from datacard_lint")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "NETWORK ACCESS ATTEMPTED" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--isolated", "examples", "card.md"],
        ["check", "--isolated", "--format", "json", "examples", "card.md"],
        ["score", "--isolated", "examples", "card.md"],
        ["rules"],
        ["rule", "DCL101"],
    ],
)
def test_commands_run_with_sockets_disabled(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "card.md").write_text(CARD_WITH_URLS)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    result = guarded(*args, cwd=tmp_path)
    assert "NETWORK ACCESS ATTEMPTED" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.returncode in (0, 1), result.stderr


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests = 0

    def do_GET(self) -> None:  # noqa: N802 - the name is http.server's
        type(self).requests += 1
        body = b'{"type": "string"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def schema_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _CountingHandler.requests = 0
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_registry_refuses_to_retrieve_remote_schemas(schema_server: str) -> None:
    from referencing.exceptions import Unresolvable

    url = f"{schema_server}/remote.schema.json"
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": url}
    validator = store.validator_class()(schema, registry=store._registry())
    with pytest.raises(Unresolvable):
        validator.validate("anything")
    assert _CountingHandler.requests == 0
    # The server is reachable: the refusal is the registry's, not a network failure.
    with socket.create_connection(("127.0.0.1", int(schema_server.rsplit(":", 1)[1])), timeout=5):
        pass


def test_bundled_schemas_resolve_every_reference_locally() -> None:
    validator = store.governance_validator(1)
    validator.validate({"schema_version": "1.0", "not_applicable": {"origin": "An index of datasets."}})
    card = store.card_validator(1)
    card.validate({"license": "mit", "governance": {"schema_version": "1.0",
                                                    "not_applicable": {"origin": "An index of datasets."}}})
