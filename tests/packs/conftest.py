"""Packs for the tests: a key pair made here, packs of the corpus built from the real sources."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from sgdesk.packs import archive
from sgdesk.packs.build import build_pack
from sgdesk.packs.installed import ContentFolder
from sgdesk.packs.keys import SecretKey, read_secret_key, write_key_pair
from sgdesk.packs.manifest import Manifest
from sgdesk.store.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class KeyFiles:
    secret_path: Path
    public_path: Path
    folder: Path  # what the app trusts: this key's .pub only

    @property
    def secret(self) -> SecretKey:
        return read_secret_key(self.secret_path)


@pytest.fixture(scope="session")
def test_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyFiles:
    secret, public = write_key_pair(tmp_path_factory.mktemp("private"), "prueba")
    trusted = tmp_path_factory.mktemp("trusted")
    (trusted / public.name).write_bytes(public.read_bytes())
    return KeyFiles(secret, public, trusted)


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyFiles:
    secret, public = write_key_pair(tmp_path_factory.mktemp("other"), "otra")
    return KeyFiles(secret, public, public.parent)


MakePack = Callable[..., Path]
NEW_WORD = "zarzaparrilla"  # only the «new» sources have it


@pytest.fixture(scope="session")
def new_sources(tmp_path_factory: pytest.TempPathFactory, sources_dir: Path) -> Path:
    """The corpus sources with the Misión and the Decreto 077 de 2012 changed (synthetic), edition 2."""
    import shutil

    folder = tmp_path_factory.mktemp("new") / "sources"
    shutil.copytree(sources_dir, folder)
    general = folder / "informacion-general.toml"
    text = general.read_text(encoding="utf-8")
    changed = text.replace("Bogotá Mejor para Todos.", f"Bogotá Mejor para Todos, {NEW_WORD}.")
    changed = changed.replace("\nedition = 1\n", "\nedition = 2\n")  # as the content team does
    general.write_text(changed, "utf-8")
    norm = folder / "normas" / "decreto-77-2012.toml"
    text = norm.read_text(encoding="utf-8")
    norm.write_text(text.replace("Crea la Oficina", "Crea, de nuevo, la Oficina"), "utf-8")
    return folder


@pytest.fixture(scope="session")
def make_pack(tmp_path_factory: pytest.TempPathFactory, corpus_db: Path, test_keys: KeyFiles) -> MakePack:
    """``make_pack("2026.1")``: a good pack of the corpus with that version (cached by arguments)."""
    folder = tmp_path_factory.mktemp("packs")
    made: dict[tuple[object, ...], Path] = {}

    def make(version: str, sources: Path | None = None, key: Path | None = None) -> Path:
        wanted = (version, sources, key)
        if wanted not in made:
            output = folder / f"p{len(made)}-{version}{archive.SUFFIX}"
            database = None if sources else corpus_db
            key_path = key or test_keys.secret_path
            build_pack(output, key_path, sources, database, previous=corpus_db, version=version)
            made[wanted] = output
        return made[wanted]

    return make


@pytest.fixture
def content_folder(tmp_path: Path, corpus_db: Path, test_keys: KeyFiles) -> ContentFolder:
    return ContentFolder(tmp_path / "datos", corpus_db, test_keys.folder)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def entries(pack: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(pack) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def write_entries(path: Path, items: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as opened:
        for name, data in items.items():
            opened.writestr(name, data)
    return path


def signed_pack(path: Path, database: Path, secret: SecretKey, **changes: object) -> Path:
    """A pack of ``database`` signed by ``secret``, its manifest changed by ``changes``."""
    data = database.read_bytes()
    manifest = Manifest("2030.1", SCHEMA_VERSION, "2030-01-01T00:00:00Z", "2012",
                        hashlib.sha256(data).hexdigest(), len(data))  # fmt: skip
    archive.write_pack(database, replace(manifest, **changes), secret, path)  # type: ignore[arg-type]
    return path
