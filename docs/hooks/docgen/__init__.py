"""Helpers that turn the project's sources into documentation pages (used by ../generate.py)."""
