"""The bundle file: a ZIP with ``manifest.json``, ``manifest.sig`` and member files.

Entries travel as JSON lines, one per entry::

    [digest, pii_hash, sealed_base64, [id, station, epoch, seq, kind, recorded_at,
                                       recorded_by, target, body_json]]

The inner array is exactly the canonical JSON the digest is computed over, so the importer
checks each digest with one SHA-256 over a slice of the line, never re-serialising the body.
``sealed`` and ``pii_hash`` sit outside the digest (sealing is randomised).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..data.keys import raw_public
from ..domain import canonical
from .errors import refuse

FORMAT = "station-ledger-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
ENTRIES = "entries.jsonl"
STATIONS = "stations.json"
INNER_DIR = "bundles/"

# Limits: far above a real bundle (a busy station makes ~1,000 entries a day, ~300 bytes each).
MAX_BUNDLE_BYTES = 1 << 30
MAX_MEMBER_BYTES = 512 << 20  # a busy station makes ~150 MB of entry lines a year
MAX_MANIFEST_BYTES = 1 << 20
MAX_MEMBERS = 100_000
MAX_RATIO = 200  # JSON lines deflate ~5-15x; more than this is a zip bomb

ENCRYPTED_MAGIC = b"SLBX1\n"
SEAL_MAGIC = b"SLSEAL1:"
SEAL_LEN = len(SEAL_MAGIC) + 64
_ENC_INFO = b"station-ledger bundle encryption v1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def encode_line(digest: str, pii_hash: str | None, sealed: bytes | None,
                fields: list[Any]) -> bytes:
    """One entry line; ``fields`` is the digest preimage list (body as its canonical text)."""
    return canonical.dumps([digest, pii_hash, b64(sealed) if sealed else None,
                            fields]).encode("utf-8")


def preimage_offset(pii_hash: str | None, sealed_b64: str | None) -> int:
    """Byte offset of the preimage array in a canonical line (the digest is 64 hex digits)."""
    return (68 + (len(pii_hash.encode("utf-8")) + 3 if pii_hash is not None else 5)
            + (len(sealed_b64.encode("utf-8")) + 3 if sealed_b64 is not None else 5))


@dataclass
class RawBundle:
    """A bundle read from disk whose structure was checked, not yet its signature."""

    name: str
    sha256: str
    data: bytes  # the zip bytes (decrypted)
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signature: bytes
    members: dict[str, bytes]
    encrypted: bool = False
    # The entries parsed ahead of the checks (verify.parse_ahead), or what the parse raised.
    ahead: Any = field(default=None, repr=False, compare=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- writing ----
def build_zip(manifest: dict[str, Any], signature: bytes, members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        fixed = (2020, 1, 1, 0, 0, 0)
        archive.writestr(zipfile.ZipInfo(MANIFEST, date_time=fixed),
                         canonical.dumps(manifest).encode("utf-8"),
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo(SIGNATURE, date_time=fixed),
                         b64(signature).encode("ascii") + b"\n")
        for name, data in members.items():
            stored = zipfile.ZIP_STORED if name.startswith(INNER_DIR) else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, date_time=fixed), data,
                             compress_type=stored)
    return buffer.getvalue()


def seal_zip(data: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """Sign the whole file into the ZIP comment, so that no byte of the container (timestamps,
    attributes, padding) can change unnoticed. The manifest signature covers the content."""
    if data[-22:-18] != b"PK\x05\x06" or data[-2:] != b"\x00\x00":
        raise ValueError("not a fresh zip without a comment")
    prefix = data[:-2] + SEAL_LEN.to_bytes(2, "little")
    return prefix + SEAL_MAGIC + sign(prefix)


def check_seal(data: bytes, public_key: bytes) -> bool:
    from ..data.keys import verify_signature

    if len(data) < SEAL_LEN + 22:
        return False
    prefix, comment = data[:-SEAL_LEN], data[-SEAL_LEN:]
    if not comment.startswith(SEAL_MAGIC) or prefix[-2:] != SEAL_LEN.to_bytes(2, "little"):
        return False
    return verify_signature(public_key, comment[len(SEAL_MAGIC):], prefix)


def file_members(members: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    return {name: {"sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(members.items())}


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return canonical.dumps(manifest).encode("utf-8")


def write_atomic(folder: Path, name: str, data: bytes) -> Path:
    """Temp file in the same folder, fsync, rename: a half-written bundle never has the name."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / name
    fd, tmp = tempfile.mkstemp(prefix=".partial-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return final
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
    return final


# ---- optional encryption for the supervisor's box key ----
def _enc_key(shared: bytes, eph_public: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, eph_public + recipient, _ENC_INFO).derive(shared)


def encrypt(data: bytes, recipient_box: bytes, header: dict[str, Any]) -> bytes:
    """``SLBX1`` + a plaintext JSON header (station, range, no personal data) + AES-GCM body."""
    eph = X25519PrivateKey.generate()
    eph_public = raw_public(eph.public_key())
    key = _enc_key(eph.exchange(X25519PublicKey.from_public_bytes(recipient_box)), eph_public,
                   recipient_box)
    nonce = secrets.token_bytes(12)
    head = dict(header, eph=b64(eph_public), nonce=b64(nonce))
    head_bytes = canonical.dumps(head).encode("utf-8") + b"\n"
    return ENCRYPTED_MAGIC + head_bytes + AESGCM(key).encrypt(nonce, data,
                                                               ENCRYPTED_MAGIC + head_bytes)


def read_encrypted_header(data: bytes, name: str) -> tuple[dict[str, Any], bytes, bytes]:
    end = data.find(b"\n", len(ENCRYPTED_MAGIC), len(ENCRYPTED_MAGIC) + 65536)
    if end < 0:
        raise refuse("truncated", file=name)
    head_bytes = data[len(ENCRYPTED_MAGIC):end + 1]
    try:
        header = json.loads(head_bytes)
        if not isinstance(header, dict):
            raise ValueError
    except (ValueError, RecursionError):
        raise refuse("damaged", file=name) from None
    return header, head_bytes, data[end + 1:]


def decrypt(data: bytes, box: X25519PrivateKey, name: str) -> bytes:
    header, head_bytes, body = read_encrypted_header(data, name)
    try:
        eph_public = unb64(str(header["eph"]))
        nonce = unb64(str(header["nonce"]))
        recipient = raw_public(box.public_key())
        shared = box.exchange(X25519PublicKey.from_public_bytes(eph_public))
        key = _enc_key(shared, eph_public, recipient)
        return AESGCM(key).decrypt(nonce, body, ENCRYPTED_MAGIC + head_bytes)
    except (KeyError, ValueError, TypeError, InvalidTag):
        if header.get("recipient_fingerprint") not in (None, ""):
            from ..data.keys import fingerprint

            if header["recipient_fingerprint"] != fingerprint(raw_public(box.public_key())):
                raise refuse("cannot_decrypt", file=name) from None
        # Failing its authentication tag: cut short or damaged, which the tag cannot tell
        # apart ("incomplete or damaged" says both).
        raise refuse("truncated", file=name) from None


# ---- reading, with every safety check before anything is trusted ----
def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if len(name) > 2 and name[1] == ":":
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts)


def read_zip(data: bytes, name: str, *, allowed_inner: bool = False,
             budget: list[int] | None = None) -> RawBundle:
    """Open zip bytes safely: names, declared sizes, ratio, actual sizes, CRC; then manifest."""
    import io

    if len(data) > MAX_BUNDLE_BYTES:
        raise refuse("too_large", file=name, size=len(data), limit=MAX_BUNDLE_BYTES)
    if not data.startswith(b"PK"):
        raise refuse("truncated" if b"PK".startswith(data[:2]) else "not_a_bundle", file=name)
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 + int.from_bytes(data[end + 20:end + 22], "little") != len(data):
        raise refuse("truncated", file=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError):  # a damaged header asking for a zip version nobody writes
        # Its end is where a whole file's is (checked above): not cut short, damaged.
        raise refuse("damaged", file=name) from None
    if len(infos) > MAX_MEMBERS:
        raise refuse("zip_bomb", file=name)
    seen: set[str] = set()
    total = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise refuse("zip_unsafe", file=name, path=info.filename)
        if info.filename in seen:
            raise refuse("zip_unsafe", file=name, path=info.filename)
        seen.add(info.filename)
        if info.is_dir() or (info.filename.startswith(INNER_DIR) and not allowed_inner):
            raise refuse("zip_unsafe", file=name, path=info.filename)
        limit = MAX_MANIFEST_BYTES if info.filename in (MANIFEST, SIGNATURE) else MAX_MEMBER_BYTES
        total += info.file_size
        if info.file_size > limit or total > MAX_MEMBER_BYTES:
            raise refuse("zip_bomb", file=name)
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse("zip_bomb", file=name)
    if budget is not None:
        # The bundles inside one relay share one allowance, so many small inner bundles
        # cannot add up to a bomb either.
        budget[0] -= total
        if budget[0] < 0:
            raise refuse("zip_bomb", file=name)
    if MANIFEST not in seen or SIGNATURE not in seen:
        raise refuse("not_a_bundle", file=name)
    members: dict[str, bytes] = {}
    for info in infos:
        members[info.filename] = _read_member(archive, info, name)
    manifest_raw = members.pop(MANIFEST)
    try:
        manifest = json.loads(manifest_raw)
        signature = unb64(members.pop(SIGNATURE).decode("ascii").strip())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise refuse("bad_manifest", file=name, detail="not JSON") from None
    if not isinstance(manifest, dict):
        raise refuse("bad_manifest", file=name, detail="not an object")
    return RawBundle(name=name, sha256=sha256_hex(data), data=data, manifest_bytes=manifest_raw,
                     manifest=manifest, signature=signature, members=members)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """Read at most the declared size (+1 to catch a lie); zipfile checks the CRC at the end."""
    import zlib

    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError,
            NotImplementedError, RuntimeError):  # a CRC or deflate error in a whole file
        raise refuse("damaged", file=name) from None
    if len(data) != info.file_size:  # (the archive's end was found where it belongs)
        raise refuse("zip_bomb" if len(data) > info.file_size else "damaged", file=name)
    return data


def read_bundle_file(path: Path, box: X25519PrivateKey | None) -> RawBundle:
    name = path.name
    size = path.stat().st_size
    if size > MAX_BUNDLE_BYTES:
        raise refuse("too_large", file=name, size=size, limit=MAX_BUNDLE_BYTES)
    data = path.read_bytes()
    file_sha = sha256_hex(data)
    encrypted = data.startswith(ENCRYPTED_MAGIC)
    if encrypted:
        if box is None:
            raise refuse("cannot_decrypt", file=name)
        data = decrypt(data, box, name)
    bundle = read_zip(data, name, allowed_inner=True)
    bundle.encrypted = encrypted
    bundle.sha256 = file_sha
    return bundle
