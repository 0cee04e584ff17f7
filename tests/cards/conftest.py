"""Fixtures for card tests: a station signing key and sample cards."""

from __future__ import annotations

import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.cards import CardData, make_payload
from station_app.domain import member_no
from tests.cards.cards_support import MakeCard


@pytest.fixture(scope="session")
def station_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def make_card(station_key: Ed25519PrivateKey) -> MakeCard:
    def make(n: int = 1, name: str = "翟晓燕", serial: int = 1, **fields: object) -> CardData:
        number = member_no.make("MZL01", n)
        values: dict[str, object] = {
            "name": name,
            "member_no": number,
            "station_name": "满洲里口岸驿站",
            "station_code": "MZL01",
            "issue_date": datetime.date(2026, 11, 20),
            "serial": serial,
            "payload": make_payload(number, serial, station_key),
            "worker_type_label": "货车司机",
        }
        values.update(fields)
        return CardData(**values)  # type: ignore[arg-type]

    return make
