"""PyInstaller entry point of ``station-app`` (the GUI; ``--selftest`` checks the build)."""

from station_app.app import main

raise SystemExit(main())
