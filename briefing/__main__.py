"""`python -m briefing` runs the command-line entry point."""

from briefing.cli import main

raise SystemExit(main())
