"""Fixtures shared by the sync tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .kit import link, new_ledger


@pytest.fixture
def net(tmp_path: Path):
    """A supervisor (HLB00) with two enrolled stations that trust it (MZL01, EEH01)."""
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    a = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    b = new_ledger(tmp_path / "b" / "b.db", "EEH01", "二连浩特驿站")
    link(sup, a, tmp_path / "ids")
    link(sup, b, tmp_path / "ids")
    yield sup, a, b, tmp_path
    for ledger in (sup, a, b):
        ledger.close()
