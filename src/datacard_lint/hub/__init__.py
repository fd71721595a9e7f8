"""Offline knowledge of the Hugging Face Hub's dataset card metadata."""
