"""Fetch dataset cards from the Hugging Face Hub for `hf://datasets/OWNER/NAME[@REVISION]` paths.

Nothing here runs unless the user names an `hf://` path or a `--hub-list` file: the linter
is offline otherwise. `huggingface_hub` (the `datacard-lint[hub]` extra) does the download,
so `HF_ENDPOINT`, `HF_TOKEN` and the user's login work as they do for the `hf` CLI; both
are read when a card is fetched, not when the library is imported.

Where cards are stored: online, in a temporary cache directory that lives for one run, so
the linter never writes to the user's Hugging Face cache and always sees the revision as
it is now. In offline mode (`HF_HUB_OFFLINE=1`) the only place a card can come from is the
user's cache (`HF_HUB_CACHE`, by default `~/.cache/huggingface/hub`), which is then read,
never written.

Every failure is a `HubError` whose message names the card and says what to do.
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from datacard_lint.hub import SCHEME, is_hub_path

DEFAULT_REVISION = "main"
CARD_FILE = "README.md"

# hf://datasets/OWNER/NAME[@REVISION][/README.md]; a revision with `/` (refs/pr/1) is written %2F.
_HUB_PATH = re.compile(
    r"^hf://datasets/(?P<repo>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?:@(?P<rev>[^/@]+))?(?:/README\.md)?/?$"
)
_REPO_ID = re.compile(r"^(?P<repo>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?:@(?P<rev>\S+))?$")
_TRUE = {"1", "ON", "YES", "TRUE"}


class HubError(Exception):
    """A card could not be named or fetched; the message is meant for the user as it is."""


@dataclass(frozen=True, slots=True)
class HubRef:
    """One dataset card on the Hub."""

    repo_id: str
    revision: str | None = None

    @property
    def display(self) -> str:
        """The path diagnostics carry: the requested revision, `main` when none was given."""
        revision = quote(self.revision or DEFAULT_REVISION, safe="")
        return f"{SCHEME}datasets/{self.repo_id}@{revision}/{CARD_FILE}"


def parse_hub_path(text: str) -> HubRef:
    """`hf://datasets/OWNER/NAME[@REVISION]` (optionally ending in `/README.md`) -> HubRef."""
    match = _HUB_PATH.match(text)
    if match is None:
        raise HubError(
            f"{text}: not a Hub dataset path; expected hf://datasets/OWNER/NAME or "
            "hf://datasets/OWNER/NAME@REVISION (only dataset repositories have dataset cards)"
        )
    return _ref(match.group("repo"), match.group("rev"))


def parse_repo_id(text: str) -> HubRef:
    """An entry of a hub list: `OWNER/NAME[@REVISION]` or a full `hf://` path."""
    if is_hub_path(text):
        return parse_hub_path(text)
    match = _REPO_ID.match(text)
    if match is None:
        raise HubError(f"{text!r} is not a dataset id; expected OWNER/NAME or OWNER/NAME@REVISION")
    return _ref(match.group("repo"), match.group("rev"))


def _ref(repo_id: str, revision: str | None) -> HubRef:
    if ".." in repo_id or "--" in repo_id or repo_id.endswith((".", "-")):
        raise HubError(f"{repo_id!r} is not a valid Hub repository id")
    return HubRef(repo_id, unquote(revision) if revision else None)


def read_hub_list(path: Path) -> list[HubRef]:
    """Dataset ids from a file, one per line; `#` starts a comment, blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise HubError(f"{path}: cannot read the hub list: {reason}") from None
    refs: list[HubRef] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        try:
            refs.append(parse_repo_id(entry))
        except HubError as exc:
            raise HubError(f"{path}:{number}: {exc}") from None
    return refs


def offline_mode() -> bool:
    """`HF_HUB_OFFLINE` (or the older `TRANSFORMERS_OFFLINE`), read now rather than at import."""
    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE") or ""
    return value.strip().upper() in _TRUE


def endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or "https://huggingface.co").rstrip("/")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A card fetched to `path`, or the reason it could not be (`error`)."""

    ref: HubRef
    path: Path | None
    error: str | None = None


def fetch_all(refs: Iterable[HubRef], cache_dir: Path) -> Iterator[Fetched]:
    """Fetch each card in turn; after a network failure the rest are not tried (each would
    wait through `huggingface_hub`'s retries only to fail the same way)."""
    unreachable: str | None = None
    for ref in refs:
        if unreachable is not None:
            yield Fetched(ref, None, f"{ref.display}: not fetched: {unreachable}")
            continue
        try:
            yield Fetched(ref, fetch(ref, cache_dir))
        except _Unreachable as exc:
            unreachable = exc.reason
            yield Fetched(ref, None, str(exc))
        except HubError as exc:
            yield Fetched(ref, None, str(exc))


class _Unreachable(HubError):
    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def fetch(ref: HubRef, cache_dir: Path) -> Path:
    """Download the card's README.md and return the local file; raise `HubError` on failure."""
    try:
        import huggingface_hub
    except ImportError:
        raise HubError(
            f"{ref.display}: checking Hub cards needs huggingface_hub; "
            "install it with: pip install huggingface_hub"
        ) from None
    offline = offline_mode()
    options: dict[str, Any] = {
        "repo_type": "dataset",
        "revision": ref.revision,
        "endpoint": endpoint(),
        "local_files_only": offline,
    }
    if not offline:
        options["cache_dir"] = str(cache_dir)
    if "tqdm_class" in inspect.signature(huggingface_hub.hf_hub_download).parameters:
        options["tqdm_class"] = _silent_tqdm()  # older releases have no such parameter
    try:
        return Path(huggingface_hub.hf_hub_download(ref.repo_id, CARD_FILE, **options))
    except Exception as exc:  # every failure becomes one clear line, never a traceback
        raise _explain(ref, exc, offline) from None


def _explain(ref: HubRef, exc: Exception, offline: bool) -> HubError:
    from huggingface_hub import utils

    hf: Any = utils  # the error classes are re-exported there, not declared (`errors` is newer than 0.20)

    where = ref.display
    revision = ref.revision or DEFAULT_REVISION
    if isinstance(exc, hf.GatedRepoError):
        return HubError(
            f"{where}: the dataset is gated; accept its access conditions on the Hub and set HF_TOKEN "
            "to a token of an account that has access"
        )
    if isinstance(exc, hf.RepositoryNotFoundError):
        return HubError(
            f"{where}: dataset repository {ref.repo_id} not found at {endpoint()} "
            "(if it is private, set HF_TOKEN to a token that can read it)"
        )
    if isinstance(exc, hf.RevisionNotFoundError):
        return HubError(f"{where}: revision {revision!r} not found in dataset {ref.repo_id}")
    if isinstance(exc, hf.LocalEntryNotFoundError):
        if offline:
            return HubError(
                f"{where}: offline mode is on (HF_HUB_OFFLINE) and the card is not in the Hugging Face "
                "cache; unset HF_HUB_OFFLINE or download it first"
            )
        cause = _root_cause(exc)
        return _Unreachable(
            f"{where}: cannot reach the Hub at {endpoint()}: {cause}", f"the Hub is unreachable ({cause})"
        )
    if isinstance(exc, hf.EntryNotFoundError):
        return HubError(f"{where}: dataset {ref.repo_id} has no {CARD_FILE} (no dataset card) at revision {revision!r}")
    if isinstance(exc, hf.DisabledRepoError):
        return HubError(f"{where}: access to dataset {ref.repo_id} is disabled on the Hub")
    if isinstance(exc, hf.HfHubHTTPError):
        status = getattr(getattr(exc, "response", None), "status_code", "?")
        return HubError(f"{where}: the Hub answered HTTP {status}: {_first_line(str(exc))}")
    if isinstance(exc, hf.HFValidationError):
        return HubError(f"{where}: {_first_line(str(exc))}")
    if isinstance(exc, (ConnectionError, TimeoutError)) or type(exc).__module__.startswith(("httpx", "requests")):
        cause = _root_cause(exc)
        return _Unreachable(
            f"{where}: cannot reach the Hub at {endpoint()}: {cause}", f"the Hub is unreachable ({cause})"
        )
    if isinstance(exc, OSError):
        return HubError(f"{where}: cannot store the card: {exc.strerror or exc}")
    return HubError(f"{where}: download failed: {exc.__class__.__name__}: {_first_line(str(exc))}")


def _root_cause(exc: BaseException) -> str:
    seen = {id(exc)}
    while exc.__cause__ is not None and id(exc.__cause__) not in seen:
        exc = exc.__cause__
        seen.add(id(exc))
    text = _first_line(str(exc)) or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}" if text != exc.__class__.__name__ else text


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else ""


def _silent_tqdm() -> Any:
    """A progress-bar class that never draws: a card is small and stderr is for findings."""
    from huggingface_hub import utils

    base: Any = utils.tqdm  # type: ignore[attr-defined]  # re-exported, not declared

    class Silent(base):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)

    return Silent
