"""The command-line interface (click). Subcommands are imported only when invoked."""
