"""The pack file: a ZIP archive with exactly three entries, read defensively.

``manifest.json`` (what the pack holds), ``manifest.json.minisig`` (its minisign signature)
and ``sgdesk.db`` (the corpus database, deflated). The manifest carries the database's SHA-256
and size, so one signature covers everything. Reading checks, in this order: size limits,
entry names, the signature against trusted keys; then ``copy_database`` checks hash and size
while it streams the database out, never writing more bytes than the manifest announced.
"""

from __future__ import annotations

import contextlib
import hashlib
import queue
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sgdesk.atomicfile import atomic_writer
from sgdesk.packs.errors import PackError
from sgdesk.packs.keys import PublicKey, SecretKey, key_id_text, parse_signature
from sgdesk.packs.manifest import Manifest

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
DATABASE = "sgdesk.db"
ENTRIES = (MANIFEST, SIGNATURE, DATABASE)
SUFFIX = ".sgpack"

MAX_PACK_BYTES = 4 << 30
MAX_DATABASE_BYTES = 8 << 30
MAX_SMALL_ENTRY = {MANIFEST: 1 << 20, SIGNATURE: 4096}
MAX_ENTRIES = 8
MAX_RATIO = 50  # a corpus database deflates 3-6 times; far more is a compression bomb
CHUNK = 1 << 20

Progress = Callable[[int, int], None]  # bytes done, bytes in all


def write_pack(database: Path, manifest: Manifest, secret: SecretKey, output: Path) -> None:
    """Write the pack to ``output`` atomically (sgdesk.atomicfile): no half-written pack is left."""
    raw = manifest.to_bytes()
    signature = secret.sign(raw, f"sgdesk-pack version:{manifest.content_version} file:{MANIFEST}")
    try:
        with (
            atomic_writer(output) as handle,
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
        ):
            archive.writestr(MANIFEST, raw)
            archive.writestr(SIGNATURE, signature)
            archive.write(database, DATABASE)
    except OSError as exc:
        raise PackError(f"No se pudo escribir el paquete {output}: {exc.strerror or exc}.") from exc


@dataclass(frozen=True)
class SignedManifest:
    manifest: Manifest
    key: PublicKey
    raw: bytes  # the manifest's bytes, as signed


class PackReader:
    """An open pack whose size limits and entry names were checked; then the signature."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self._archive = self._open()
        try:
            self._check_limits()
            self._check_names()
        except PackError:
            self.close()
            raise

    def __enter__(self) -> PackReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    def _open(self) -> zipfile.ZipFile:
        try:
            size = self.path.stat().st_size
            with self.path.open("rb") as handle:
                head = handle.read(4)
        except FileNotFoundError:
            raise PackError(f"No se encuentra el paquete {self.path}.") from None
        except OSError as exc:
            raise PackError(f"No se puede leer el paquete {self.path}: {exc.strerror or exc}.") from None
        if size > MAX_PACK_BYTES:
            raise self._error(f"pesa {size >> 20} MB, más que el máximo de {MAX_PACK_BYTES >> 20} MB")
        try:
            return zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError):
            if head == b"PK\x03\x04":
                raise self._error("está incompleto o dañado (¿se copió a medias?)") from None
            raise PackError(f"«{self.name}» no es un paquete de contenido de sgdesk.") from None

    def _error(self, reason: str) -> PackError:
        return PackError(f"El paquete «{self.name}» {reason}. No se instaló nada.")

    def _check_limits(self) -> None:
        entries = self._archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise self._error(f"tiene {len(entries)} entradas; un paquete tiene {len(ENTRIES)}")
        for entry in entries:
            limit = MAX_SMALL_ENTRY.get(entry.filename, MAX_DATABASE_BYTES)
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > limit or (entry.file_size > CHUNK and ratio > MAX_RATIO):
                raise self._error(
                    f"excede los límites de tamaño: la entrada «{entry.filename}» se expandiría a "
                    f"{entry.file_size:,} bytes ({ratio:.0f} veces su tamaño comprimido); podría ser una "
                    "bomba de compresión"
                )

    def _check_names(self) -> None:
        names = [entry.filename for entry in self._archive.infolist()]
        for name in names:
            if _escapes(name):
                raise self._error(f"contiene una entrada con una ruta no permitida («{name}»)")
            if name not in ENTRIES:
                raise self._error(f"contiene una entrada inesperada («{name}»)")
        if len(set(names)) != len(names):
            raise self._error("repite una entrada")
        if SIGNATURE not in names:
            raise self._error("no está firmado: sgdesk no instala contenido sin firma")
        missing = [name for name in (MANIFEST, DATABASE) if name not in names]
        if missing:
            raise self._error(f"está incompleto: le falta «{missing[0]}»")

    def _read_small(self, name: str) -> bytes:
        try:
            with self._archive.open(name) as handle:
                data = handle.read(MAX_SMALL_ENTRY[name] + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise self._error(f"está dañado ({exc})") from None
        if len(data) > MAX_SMALL_ENTRY[name]:
            raise self._error(f"excede los límites de tamaño en «{name}»")
        return data

    def unverified_manifest(self) -> Manifest:
        """The manifest without checking its signature (a previous pack of the content team's)."""
        return Manifest.from_bytes(self._read_small(MANIFEST))

    def raw_signature(self) -> bytes:
        return self._read_small(SIGNATURE)

    def verify_signature(self, keys: list[PublicKey]) -> SignedManifest:
        """The manifest, once its signature holds for one of ``keys``; PackError otherwise."""
        raw = self._read_small(MANIFEST)
        try:
            signature = parse_signature(self._read_small(SIGNATURE).decode("utf-8"))
        except UnicodeDecodeError:
            raise self._error("tiene una firma dañada") from None
        except PackError as exc:
            raise self._error(f"tiene una firma no válida: {exc.message}") from None
        key = next((k for k in keys if k.key_id == signature.key_id), None)
        if key is None:
            raise self._error(
                f"está firmado con una clave que esta aplicación no reconoce (clave "
                f"{key_id_text(signature.key_id)}): no es contenido publicado por la Secretaría General"
            )
        if not key.verify(raw, signature):
            raise self._error("fue alterado: la firma no corresponde a su manifiesto")
        try:
            manifest = Manifest.from_bytes(raw)
        except PackError as exc:
            raise self._error(f"tiene un manifiesto no válido: {exc.message}") from None
        return SignedManifest(manifest, key, raw)

    def copy_database(
        self, target: BinaryIO | None, manifest: Manifest, progress: Progress | None = None
    ) -> None:
        """Stream the database into ``target`` (or nowhere), checking its SHA-256 and size."""
        digest = hashlib.sha256()
        expected = manifest.database_size
        done = 0
        with _Inflater(self.path, self._archive.getinfo(DATABASE), self._error) as source:
            for chunk in read_ahead(source.read):
                done += len(chunk)
                if done > expected:
                    break  # never write more than the signed manifest announced
                digest.update(chunk)
                if target is not None:
                    _write(target, chunk)
                if progress is not None:
                    progress(done, expected)
        if done != expected or digest.hexdigest() != manifest.database_sha256:
            raise self._error(
                "fue alterado o está dañado: la base de datos no corresponde a la firmada (SHA-256 o "
                "tamaño distintos)"
            )


class _Inflater:
    """An entry's bytes, inflated straight from the file: zipfile's reader also computes a
    CRC-32 (a third of the time here), which the SHA-256 checked after makes redundant."""

    def __init__(self, path: Path, info: zipfile.ZipInfo, error: Callable[[str], PackError]) -> None:
        self._error = error
        self._handle = path.open("rb")
        try:
            self._handle.seek(info.header_offset)
            header = self._handle.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04" or info.flag_bits & 0x1:
                raise error("está dañado (encabezado de la base de datos)")
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            self._handle.seek(info.header_offset + 30 + name_length + extra_length)
        except BaseException:
            self._handle.close()
            raise
        self._remaining = info.compress_size
        if info.compress_type == zipfile.ZIP_DEFLATED:
            self._inflate: zlib._Decompress | None = zlib.decompressobj(-zlib.MAX_WBITS)
        elif info.compress_type == zipfile.ZIP_STORED:
            self._inflate = None
        else:
            self._handle.close()
            raise error("usa una compresión que sgdesk no conoce")

    def __enter__(self) -> _Inflater:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._handle.close()

    def read(self) -> bytes:
        """The next inflated chunk (at most CHUNK bytes: a bomb cannot fill the memory); b"" at the end."""
        try:
            return self._next()
        except (OSError, zlib.error) as exc:
            raise self._error(f"está dañado ({exc})") from None

    def _next(self) -> bytes:
        inflate = self._inflate
        while True:
            if inflate is not None and inflate.unconsumed_tail:
                data = inflate.decompress(inflate.unconsumed_tail, CHUNK)
            elif self._remaining > 0:
                raw = self._handle.read(min(CHUNK, self._remaining))
                if not raw:
                    raise self._error("está incompleto o dañado (¿se copió a medias?)")
                self._remaining -= len(raw)
                data = raw if inflate is None else inflate.decompress(raw, CHUNK)
            else:
                return inflate.flush() if inflate is not None else b""
            if data:
                return data


def read_ahead(read: Callable[[], bytes], depth: int = 4) -> Iterator[bytes]:
    """The chunks ``read()`` returns until an empty one, read (inflated) on a second thread
    while the caller hashes and writes the previous ones: zlib, hashlib and file writes release
    the GIL, so the two overlap. An error in ``read`` is raised here, in order."""
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            while not stop.is_set():
                chunk = read()
                chunks.put(chunk or None)
                if not chunk:
                    return
        except BaseException as exc:  # handed to the consumer, who raises it
            chunks.put(exc)

    worker = threading.Thread(target=produce, name="sgdesk-pack-inflate", daemon=True)
    worker.start()
    try:
        while (item := chunks.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # let a producer blocked on a full queue see the stop
            with contextlib.suppress(queue.Empty):
                chunks.get(timeout=0.05)
        worker.join()


def _write(target: BinaryIO, chunk: bytes) -> None:
    try:
        target.write(chunk)
    except OSError as exc:
        raise PackError(
            f"No se pudo escribir el contenido: {exc.strerror or exc}. No se instaló nada."
        ) from exc


def _escapes(name: str) -> bool:
    """A name that could land outside a folder: absolute, a drive, a parent step, a backslash."""
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("..", ".") for part in parts)
        or "\x00" in name
    )
