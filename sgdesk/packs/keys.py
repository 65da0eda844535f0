"""Ed25519 keys and signatures in minisign's formats (``cryptography`` does the arithmetic).

Files are what minisign reads and writes, so the content team can check a pack with
``minisign -V`` too:

- ``NAME.pub``: ``untrusted comment`` line, then base64 of ``"Ed" | key id (8) | public key (32)``.
- ``NAME.key``: an *unencrypted* minisign secret key (as ``minisign -G -W`` writes it).
- a signature: base64 of ``"ED" | key id | Ed25519(BLAKE2b-512(message))``, then a trusted
  comment and a global signature over ``signature | trusted comment``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.packs.errors import PackError

# ``cryptography`` is imported where keys are read or used, not with this module: the window
# imports the packs at start, and loading it there cost the first frame ~10 ms (#11 start-up).
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_ALG = b"Ed"  # key algorithm
_PREHASHED = b"ED"  # signature over BLAKE2b-512 of the message (minisign's default)
_CHECKSUM_ALG = b"B2"
_UNENCRYPTED = b"\x00\x00"
PUBLIC_SUFFIX = ".pub"
SECRET_SUFFIX = ".key"


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes
    key: Ed25519PublicKey
    origin: str  # the file it came from (for messages)

    @property
    def key_id_text(self) -> str:
        """As minisign prints it: the id as a little-endian 64-bit number, in hex."""
        return key_id_text(self.key_id)

    def verify(self, message: bytes, signature: Signature) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            self.key.verify(signature.signature, _prehash(message))
            self.key.verify(signature.global_signature, signature.signature + signature.trusted_comment)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    key: Ed25519PrivateKey

    def public(self) -> PublicKey:
        return PublicKey(self.key_id, self.key.public_key(), "")

    def sign(self, message: bytes, trusted_comment: str) -> str:
        """A minisign signature file's text for ``message``."""
        comment = trusted_comment.encode("utf-8")
        if b"\n" in comment or b"\r" in comment:
            raise ValueError("the trusted comment must be one line")
        signature = self.key.sign(_prehash(message))
        global_signature = self.key.sign(signature + comment)
        return (
            f"untrusted comment: firma de sgdesk, clave {key_id_text(self.key_id)}\n"
            f"{_b64(_PREHASHED + self.key_id + signature)}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{_b64(global_signature)}\n"
        )


@dataclass(frozen=True)
class Signature:
    key_id: bytes
    signature: bytes
    trusted_comment: bytes
    global_signature: bytes


def key_id_text(key_id: bytes) -> str:
    return key_id[::-1].hex().upper()


def _prehash(message: bytes) -> bytes:
    return hashlib.blake2b(message, digest_size=64).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


# -- key pairs -----------------------------------------------------------------


def generate() -> SecretKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return SecretKey(os.urandom(8), Ed25519PrivateKey.generate())


def write_key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    """Write ``folder/name.key`` (private, owner-only) and ``folder/name.pub``; never overwrite."""
    secret_path, public_path = folder / f"{name}{SECRET_SUFFIX}", folder / f"{name}{PUBLIC_SUFFIX}"
    for path in (secret_path, public_path):
        if path.exists():
            raise PackError(f"Ya existe {path}: no se sobrescribe una clave. Elija otro nombre o carpeta.")
    folder.mkdir(parents=True, exist_ok=True)
    secret = generate()
    _write_new(secret_path, secret_key_text(secret), private=True)
    _write_new(public_path, public_key_text(secret.public()), private=False)
    return secret_path, public_path


def _write_new(path: Path, text: str, private: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600 if private else 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(text.encode("ascii"))
        handle.flush()
        os.fsync(handle.fileno())


def public_key_text(key: PublicKey) -> str:
    return (
        f"untrusted comment: minisign public key {key.key_id_text}\n"
        f"{_b64(_ALG + key.key_id + _raw_public(key.key))}\n"
    )


def secret_key_text(secret: SecretKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    seed = secret.key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    sk = seed + _raw_public(secret.key.public_key())
    checksum = hashlib.blake2b(_ALG + secret.key_id + sk, digest_size=32).digest()
    kdf = bytes(32 + 8 + 8)  # salt, opslimit, memlimit: unused without encryption
    blob = _ALG + _UNENCRYPTED + _CHECKSUM_ALG + kdf + secret.key_id + sk + checksum
    return f"untrusted comment: minisign secret key (sin cifrar)\n{_b64(blob)}\n"


# -- reading -------------------------------------------------------------------


def _payload(text: str, what: str, origin: str) -> bytes:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].startswith("untrusted comment:"):
        raise PackError(f"{origin} no es un archivo de {what} de minisign.")
    try:
        return base64.b64decode(lines[1], validate=True)
    except (binascii.Error, ValueError):
        raise PackError(f"{origin} no es un archivo de {what} válido (base64 dañado).") from None


def read_public_key(path: Path) -> PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    text = _read_text(path, "clave pública")
    blob = _payload(text, "clave pública", str(path))
    if len(blob) != 42 or blob[:2] != _ALG:
        raise PackError(f"{path} no es una clave pública Ed25519 de minisign.")
    return PublicKey(blob[2:10], Ed25519PublicKey.from_public_bytes(blob[10:]), str(path))


def read_secret_key(path: Path) -> SecretKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    text = _read_text(path, "clave privada")
    blob = _payload(text, "clave privada", str(path))
    if len(blob) != 158 or blob[:2] != _ALG or blob[4:6] != _CHECKSUM_ALG:
        raise PackError(f"{path} no es una clave privada Ed25519 de minisign.")
    if blob[2:4] != _UNENCRYPTED:
        raise PackError(
            f"{path} está cifrada con contraseña; sgdesk usa claves sin cifrar (minisign -G -W) que se "
            "guardan fuera del repositorio, en un lugar protegido."
        )
    key_id, sk, checksum = blob[54:62], blob[62:126], blob[126:158]
    if hashlib.blake2b(_ALG + key_id + sk, digest_size=32).digest() != checksum:
        raise PackError(f"La clave privada {path} está dañada (suma de comprobación distinta).")
    return SecretKey(key_id, Ed25519PrivateKey.from_private_bytes(sk[:32]))


def parse_signature(text: str) -> Signature:
    """A minisign signature's fields; PackError when it is not one."""
    lines = text.splitlines()
    if len(lines) < 4 or not lines[2].startswith("trusted comment: "):
        raise PackError("la firma no tiene el formato de minisign")
    try:
        first = base64.b64decode(lines[1].strip(), validate=True)
        global_signature = base64.b64decode(lines[3].strip(), validate=True)
    except (binascii.Error, ValueError):
        raise PackError("la firma está dañada (base64 no válido)") from None
    if len(first) != 74 or first[:2] != _PREHASHED or len(global_signature) != 64:
        raise PackError("la firma no es una firma Ed25519 de minisign")
    comment = lines[2][len("trusted comment: ") :].encode("utf-8")
    return Signature(first[2:10], first[10:], comment, global_signature)


def _read_text(path: Path, what: str) -> str:
    try:
        if path.stat().st_size > 4096:
            raise PackError(f"{path} es demasiado grande para ser una {what}.")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"No se encuentra la {what} {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"No se puede leer la {what} {path}: {exc}.") from None


def trusted_keys(folder: Path, extra: Path | None = None) -> list[PublicKey]:
    """The public keys shipped in ``folder`` (``resources/keys``), plus ``extra`` if given."""
    keys = [read_public_key(path) for path in sorted(folder.glob(f"*{PUBLIC_SUFFIX}"))]
    if extra is not None:
        keys.append(read_public_key(extra))
    return keys
