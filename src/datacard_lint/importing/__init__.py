"""Governance blocks drafted from other standards' files (the reverse of `export`)."""
