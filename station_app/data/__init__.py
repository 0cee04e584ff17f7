"""The SQLite ledger: opening, migrations, the append-only entry log and its projections."""
