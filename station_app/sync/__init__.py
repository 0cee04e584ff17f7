"""Signed, file-based sync: bundle format, export, verification, import, return bundles, relays."""
