"""Qt dialogs of the counter and the dialogs it opens."""
