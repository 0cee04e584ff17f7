"""Rules and values of the station ledger: no I/O, no Qt."""
