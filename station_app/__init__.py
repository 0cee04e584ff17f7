"""Station Ledger (驿站台账): offline ledger for trade-union service stations."""

__version__ = "0.1.0"
