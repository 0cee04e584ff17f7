"""Child process for the import crash test: imports the bundles given, one line per bundle.

Run as ``python -m tests.sync.import_loop LEDGER BUNDLE...``. A line ``<result> <file>`` is
printed only once ``import_bundles`` has returned for that bundle, i.e. once the supervisor
would have seen it in the result list.
"""

from __future__ import annotations

import sys
from pathlib import Path

from station_app.data.db import open_ledger
from station_app.services import sync_ops


def main() -> None:
    ledger = open_ledger(sys.argv[1])
    paths = [Path(p) for p in sys.argv[2:]]
    print("ready", flush=True)

    def done(n: int, _total: int) -> None:
        pass

    for path in paths:
        outcome = sync_ops.import_bundles(ledger, [path], actor="loop", progress=done)[0]
        sys.stdout.write(f"{outcome.result} {path.name}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
