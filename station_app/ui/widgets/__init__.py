"""Qt widgets of the counter and the dialogs it opens."""
