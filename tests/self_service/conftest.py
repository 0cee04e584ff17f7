"""A station ledger file with an admin, an attendant and card-holding members, for self-service."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from station_app.data.db import Ledger, open_ledger
from station_app.services import auth, cards, members
from station_app.services import self_service as kiosk
from station_app.ui import i18n
from station_app.ui.context import AppContext
from tests.helpers import rid, sign_up
from tests.security.conftest import add_staff

NAME = "张小明"
MASKED = "张*明"
PHONE = "13812345678"


@dataclass(frozen=True)
class Station:
    path: Path
    member: str  # active member with a card
    payload: str  # what the scanner types from that card
    gone: str  # withdrawn member
    gone_payload: str


def make_station(path: Path) -> Station:
    ledger = open_ledger(path)
    try:
        add_staff(ledger)  # boss (admin), clerk (attendant), sup (supervisor)
        number = sign_up(ledger, 1, name=NAME, phone=PHONE)
        gone = sign_up(ledger, 2, name="李四")
        payload = cards.card_data(ledger, number).payload
        gone_payload = cards.card_data(ledger, gone).payload
        members.withdraw_member(ledger, gone, "本人申请", by="tester")
    finally:
        ledger.close()
    return Station(path, number, payload, gone, gone_payload)


@pytest.fixture
def station_file(ledger_path: Path) -> Station:
    return make_station(ledger_path)


@pytest.fixture
def ledger(station_file: Station) -> Iterator[Ledger]:
    opened = open_ledger(station_file.path)
    yield opened
    opened.close()


@pytest.fixture
def ctx(qapp: QApplication, station_file: Station) -> Iterator[AppContext]:
    """The app context as ``station-app`` builds it, English UI, nobody signed in yet."""
    i18n.register_fonts(qapp)
    i18n.install("en")
    opened = open_ledger(station_file.path)
    context = AppContext(station_file.path, opened, lang="en", actor="tester")
    yield context
    screen = getattr(context, "self_service_window", None)
    if screen is not None:
        close_screen(screen)
    lock = getattr(context, "idle_lock", None)
    if lock is not None:
        lock.stop()
    i18n.install("en")
    context.close()


def close_screen(screen: Any) -> None:
    """Tests end here: the screen refuses every other close."""
    screen._may_close = True
    screen.close()
    screen.deleteLater()


def sign_in_as(ctx: AppContext, username: str, pin: str) -> auth.Attendant:
    who = auth.authenticate(ctx.ledger, username, pin)
    ctx.attendant = who  # type: ignore[attr-defined]
    ctx.actor = who.username
    return who


def turn_on(ledger: Ledger) -> None:
    kiosk.set_enabled(ledger, True, by="boss", attendant=auth.get_attendant(ledger, "boss"))


SECRETS = (NAME, PHONE, PHONE[-4:], rid(1), rid(1)[-4:])
