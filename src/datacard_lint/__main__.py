"""Allow `python -m datacard_lint`."""

from datacard_lint.cli.main import main

raise SystemExit(main())
