"""PyInstaller entry point of ``station-ledger`` (the command line, for scripting a station PC)."""

from station_app.cli import main

raise SystemExit(main())
