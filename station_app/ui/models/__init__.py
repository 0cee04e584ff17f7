"""Qt item models (lazy, SQL-sorted) of the counter and the dialogs it opens."""
