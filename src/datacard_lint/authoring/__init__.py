"""Writing governance into cards: `init` (a pre-filled block) and `render` (a Markdown section).

Both change a card only by inserting or replacing text, never by re-serialising the YAML
the user wrote, so comments, quoting, key order and line endings survive.
"""
