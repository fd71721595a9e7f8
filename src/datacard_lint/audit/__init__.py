"""Audit a corpus of cards: lint and score them all, then summarise (JSON) and chart (HTML)."""
