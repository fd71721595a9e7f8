"""Governance coverage scores: per requirement (0-100) and overall, driven by a profile."""
