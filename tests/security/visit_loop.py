"""Child process for the crash test: records walk-in visits for ever, printing each id after commit.

Run as ``python -m tests.security.visit_loop LEDGER``. A line is printed only once
``record_visit`` has returned, i.e. once the attendant would have seen "saved".
"""

from __future__ import annotations

import sys

from station_app.data.db import open_ledger
from station_app.services import visits


def main() -> None:
    ledger = open_ledger(sys.argv[1])
    kinds = ("delivery_rider", "courier", "truck_driver")
    n = 0
    # Warm up (lazy imports, first page reads) so that the kills land among steady writes.
    first = visits.record_visit(ledger, ["water"], by="loop", walk_in=visits.WalkIn("courier"))
    print("ready", flush=True)
    sys.stdout.write(first.id + "\n")
    while True:
        entry = visits.record_visit(ledger, ["water"], by="loop",
                                    walk_in=visits.WalkIn(kinds[n % 3]))
        sys.stdout.write(entry.id + "\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    main()
