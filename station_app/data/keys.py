"""Keys kept beside the ledger (never inside it): data key, signing key, box key, region key."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.errors import LedgerUnavailable, Refused

DATA_KEY = "data.key"
SIGNING_KEY = "signing.pem"
BOX_KEY = "box.pem"
REGION_KEY = "region.key"
_SEAL_INFO = b"station-ledger seal v1"


def key_dir_for(ledger_path: Path) -> Path:
    """``/x/station.db`` -> ``/x/station.keys``."""
    return ledger_path.with_name(ledger_path.stem + ".keys")


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def fingerprint(public_key: bytes) -> str:
    """A short fingerprint people can compare aloud: 8 groups of 4 hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass
class KeyRing:
    """The keys of one ledger. ``None`` path means in-memory only (tests)."""

    data_key: bytes
    signing: Ed25519PrivateKey
    box: X25519PrivateKey
    region_key: bytes
    path: Path | None = None

    # ---- creation and loading ----
    @classmethod
    def generate(cls, path: Path | None = None) -> KeyRing:
        ring = cls(secrets.token_bytes(32), Ed25519PrivateKey.generate(),
                   X25519PrivateKey.generate(), secrets.token_bytes(32), path)
        if path is not None:
            ring.save()
        return ring

    @classmethod
    def load(cls, path: Path) -> KeyRing:
        try:
            data_key = (path / DATA_KEY).read_bytes()
            signing = serialization.load_pem_private_key((path / SIGNING_KEY).read_bytes(), None)
            box = serialization.load_pem_private_key((path / BOX_KEY).read_bytes(), None)
            region_key = (path / REGION_KEY).read_bytes()
        except FileNotFoundError:
            raise LedgerUnavailable("keys_missing", path=str(path)) from None
        if not isinstance(signing, Ed25519PrivateKey) or not isinstance(box, X25519PrivateKey):
            raise LedgerUnavailable("keys_missing", path=str(path))
        if len(data_key) != 32 or len(region_key) != 32:
            raise LedgerUnavailable("keys_missing", path=str(path))
        return cls(data_key, signing, box, region_key, path)

    @classmethod
    def exists(cls, path: Path) -> bool:
        return (path / DATA_KEY).exists()

    def save(self) -> None:
        assert self.path is not None
        self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        pem = serialization.Encoding.PEM
        pkcs8 = serialization.PrivateFormat.PKCS8
        none = serialization.NoEncryption()
        _write_private(self.path / DATA_KEY, self.data_key)
        _write_private(self.path / SIGNING_KEY, self.signing.private_bytes(pem, pkcs8, none))
        _write_private(self.path / BOX_KEY, self.box.private_bytes(pem, pkcs8, none))
        _write_private(self.path / REGION_KEY, self.region_key)

    def set_region_key(self, key: bytes) -> None:
        self.region_key = key
        if self.path is not None:
            _write_private(self.path / REGION_KEY, key)

    def reload_region_key(self) -> None:
        """Take the region key from disk again: another connection to the same ledger (a
        background job trusting the supervisor) may have replaced it."""
        if self.path is not None:
            key = (self.path / REGION_KEY).read_bytes()
            if len(key) == 32:
                self.region_key = key

    # ---- public halves ----
    @property
    def public_key(self) -> bytes:
        return raw_public(self.signing.public_key())

    @property
    def box_public_key(self) -> bytes:
        return raw_public(self.box.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    # ---- personal data ----
    def id_hash(self, id_number: str) -> str:
        """Keyed hash of an ID number: equal IDs hash alike across the region, nothing leaks."""
        return hmac.new(self.region_key, id_number.encode("ascii"), hashlib.sha256).hexdigest()

    def seal(self, plaintext: str) -> bytes:
        """Encrypt personal data at rest with this ledger's data key (scheme ``A``)."""
        nonce = secrets.token_bytes(12)
        return b"A" + nonce + AESGCM(self.data_key).encrypt(nonce, plaintext.encode(), b"A")

    def unseal(self, sealed: bytes) -> str:
        try:
            if sealed[:1] == b"A":
                nonce, body = sealed[1:13], sealed[13:]
                return AESGCM(self.data_key).decrypt(nonce, body, b"A").decode()
            if sealed[:1] == b"X":
                return open_sealed_box(self.box, sealed)
        except (InvalidTag, ValueError):
            pass
        raise Refused("cannot_unseal")

    def sign(self, message: bytes) -> bytes:
        return self.signing.sign(message)


def _box_key(shared: bytes, eph_public: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, eph_public + recipient, _SEAL_INFO).derive(shared)


def seal_for(recipient_public: bytes, plaintext: str) -> bytes:
    """Encrypt to an X25519 public key (scheme ``X``): only its owner can read it."""
    eph = X25519PrivateKey.generate()
    eph_public = raw_public(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _box_key(shared, eph_public, recipient_public)
    nonce = secrets.token_bytes(12)
    return b"X" + eph_public + nonce + AESGCM(key).encrypt(nonce, plaintext.encode(), b"X")


def open_sealed_box(private: X25519PrivateKey, sealed: bytes) -> str:
    eph_public, nonce, body = sealed[1:33], sealed[33:45], sealed[45:]
    recipient = raw_public(private.public_key())
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
    key = _box_key(shared, eph_public, recipient)
    return AESGCM(key).decrypt(nonce, body, b"X").decode()


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
