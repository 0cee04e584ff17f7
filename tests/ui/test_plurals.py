"""Counts in sentences read right in English ("1 entry", "2 entries") and in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from station_app.ui import i18n
from station_app.ui.context import AppContext
from station_app.ui.main_window import MainWindow
from tests.helpers import sign_up
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui


@pytest.fixture
def one_member(qapp: QApplication, ledger_path: Path, fixed_clock: Any) -> Iterator[AppContext]:
    """A ledger whose only entry today is one sign-up, in English."""
    yield from english_context(qapp, ledger_path, members=1)


def _counter(qtbot: Any, ctx: AppContext) -> Any:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window.pages["counter"]


def test_todays_count_is_singular_for_one_entry_and_plural_for_two(
        qtbot: Any, one_member: AppContext) -> None:
    counter = _counter(qtbot, one_member)
    assert counter.today_label.text() == "1 entry today"
    sign_up(one_member.ledger, 2, name="李四")
    one_member.changed()
    assert counter.today_label.text() == "2 entries today"


def test_chinese_has_one_form_for_every_count(qtbot: Any, one_member: AppContext) -> None:
    i18n.install("zh_CN")
    one_member.lang = "zh_CN"
    counter = _counter(qtbot, one_member)
    assert counter.today_label.text() == "今日共 1 条"
    sign_up(one_member.ledger, 2, name="李四")
    one_member.changed()
    assert counter.today_label.text() == "今日共 2 条"


def test_english_loads_only_its_own_plural_forms(qapp: QApplication) -> None:
    english = [Path(p).name for p in i18n.translation_files("en")]
    assert "counter_en.qm" in english and "sync_en.qm" in english
    assert not any("zh_CN" in name for name in english)
    chinese = [Path(p).name for p in i18n.translation_files("zh_CN")]
    assert "counter_zh_CN.qm" in chinese and not any(n.endswith("_en.qm") for n in chinese)
