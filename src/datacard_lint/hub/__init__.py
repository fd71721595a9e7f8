"""Offline knowledge of the Hugging Face Hub's dataset card metadata."""

from __future__ import annotations

#: How a path names a dataset card on the Hub (`hf://datasets/OWNER/NAME[@REVISION]`).
SCHEME = "hf://"


def is_hub_path(text: str) -> bool:
    """Told apart here, without importing `hub.remote`, so a local check never loads it."""
    return text.startswith(SCHEME)
