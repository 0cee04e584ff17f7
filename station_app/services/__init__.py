"""Use cases that the command line and the UI both call; each validates, then writes once."""
