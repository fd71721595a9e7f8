"""A tiny stand-in for the Hub's file-resolve endpoint, for offline tests of `hf://` paths.

It answers `HEAD` and `GET /datasets/{owner}/{name}/resolve/{revision}/README.md` with the
headers `huggingface_hub.file_download` relies on (`ETag`, `X-Repo-Commit`,
`Content-Length`) and reports failures the way the Hub does, through `X-Error-Code`
(`RepoNotFound`, `GatedRepo`, `RevisionNotFound`, `EntryNotFound`), which
`huggingface_hub.utils.hf_raise_for_status` turns into its typed errors.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


@dataclass
class Repo:
    """A dataset repository: revision -> README.md text (None: the repo has no card)."""

    revisions: dict[str, str | None]
    commits: dict[str, str] = field(default_factory=dict)
    gated_token: str | None = None  # when set, only this bearer token may read

    def commit_of(self, revision: str) -> str:
        return self.commits.setdefault(revision, hashlib.sha1(revision.encode()).hexdigest())


class HubStub:
    def __init__(self, repos: dict[str, Repo]) -> None:
        self.repos = repos
        self.requests: list[tuple[str, str, str | None]] = []  # (method, path, authorization)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                pass

            def do_HEAD(self) -> None:
                self._answer(body=False)

            def do_GET(self) -> None:
                self._answer(body=True)

            def _answer(self, body: bool) -> None:
                path = urlsplit(self.path).path
                stub.requests.append((self.command, path, self.headers.get("Authorization")))
                parts = path.strip("/").split("/")
                if len(parts) < 6 or parts[0] != "datasets" or parts[3] != "resolve":
                    return self._error(404, None, "Not Found", body)
                repo_id, revision, filename = f"{parts[1]}/{parts[2]}", unquote(parts[4]), "/".join(parts[5:])
                repo = stub.repos.get(repo_id)
                if repo is None:
                    return self._error(404, "RepoNotFound", "Repository not found", body)
                if repo.gated_token is not None and self.headers.get("Authorization") != f"Bearer {repo.gated_token}":
                    message = f"Access to dataset {repo_id} is restricted. You must have access to it."
                    return self._error(403, "GatedRepo", message, body)
                if revision not in repo.revisions:
                    return self._error(404, "RevisionNotFound", "Invalid rev id", body)
                text = repo.revisions[revision]
                commit = repo.commit_of(revision)
                if text is None or filename != "README.md":
                    return self._error(404, "EntryNotFound", "Entry not found", body, commit)
                data = text.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/markdown; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", f'"{hashlib.sha1(data).hexdigest()}"')
                self.send_header("X-Repo-Commit", commit)
                self.end_headers()
                if body:
                    self.wfile.write(data)

            def _error(
                self, status: int, code: str | None, message: str, body: bool, commit: str | None = None
            ) -> None:
                data = json.dumps({"error": message}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if code is not None:
                    self.send_header("X-Error-Code", code)
                self.send_header("X-Error-Message", message)
                if commit is not None:
                    self.send_header("X-Repo-Commit", commit)
                self.end_headers()
                if body:
                    self.wfile.write(data)

        return Handler


@contextmanager
def running(repos: dict[str, Repo]) -> Iterator[HubStub]:
    stub = HubStub(repos)
    stub.start()
    try:
        yield stub
    finally:
        stub.stop()
