"""Turning files into `Card` objects: bytes → text → front matter → located YAML tree."""
