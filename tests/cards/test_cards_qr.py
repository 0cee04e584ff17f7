"""The fast QR builder makes exactly the symbol qrcode itself would make, mask choice included."""

from __future__ import annotations

import base64
import random

import pytest
import qrcode
import qrcode.constants

from station_app.cards.qr import qr_modules


def reference(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())


def payloads() -> list[str]:
    rng = random.Random(20261120)
    out = []
    for i in range(24):
        sig = base64.urlsafe_b64encode(rng.randbytes(64)).decode().rstrip("=")
        station = ["MZL01", "EL02", "XLGLM0001", "HHHT123"][i % 4]
        out.append(f"SLC1.{station}-{rng.randrange(1, 10**6):06d}K.{i}.{sig}")
    out += ["a", "SLC1", "翟晓燕", "x" * 300, "0123456789" * 20]
    return out


@pytest.mark.parametrize("payload", payloads())
def test_same_symbol_as_qrcode(payload: str) -> None:
    assert qr_modules(payload) == reference(payload)
