"""Every bad pack is refused with a Spanish message, and the installed content keeps every byte."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sgdesk.packs.errors import DowngradeError, PackError
from sgdesk.packs.installed import ContentFolder
from sgdesk.store.schema import SCHEMA_VERSION
from tests.altered import altered_copy
from tests.packs.conftest import KeyFiles, MakePack, entries, signed_pack, snapshot, write_entries

BadPack = Callable[[Path], Path]
OLD, NOW, NEWER = SCHEMA_VERSION - 1, SCHEMA_VERSION, SCHEMA_VERSION + 1


def _not_a_pack(folder: Path, **_: object) -> Path:
    path = folder / "notas.sgpack"
    path.write_text("Esto es un documento de texto, no un paquete.\n", encoding="utf-8")
    return path


def _truncated(folder: Path, good: Path, **_: object) -> Path:
    path = folder / "cortado.sgpack"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _unsigned(folder: Path, good: Path, **_: object) -> Path:
    items = entries(good)
    del items["manifest.json.minisig"]
    return write_entries(folder / "sin-firma.sgpack", items)


def _unknown_key(folder: Path, other: KeyFiles, corpus: Path, **_: object) -> Path:
    return signed_pack(folder / "otra-clave.sgpack", corpus, other.secret)


def _manifest_altered(folder: Path, good: Path, **_: object) -> Path:
    items = entries(good)
    items["manifest.json"] = items["manifest.json"].replace(b'"2026.6"', b'"2099.1"')
    assert b"2099.1" in items["manifest.json"]
    return write_entries(folder / "manifiesto-alterado.sgpack", items)


def _database_altered(folder: Path, good: Path, corpus: Path, **_: object) -> Path:
    items = entries(good)
    altered = altered_copy(
        corpus, folder / "alterada.db", "UPDATE nodes SET title = 'Misión alterada' WHERE id = 'mision'"
    )
    items["sgdesk.db"] = altered.read_bytes()
    return write_entries(folder / "base-alterada.sgpack", items)


def _old_schema(folder: Path, keys: KeyFiles, corpus: Path, **_: object) -> Path:
    old = altered_copy(corpus, folder / "vieja.db", f"PRAGMA user_version = {OLD}")
    return signed_pack(folder / "esquema-viejo.sgpack", old, keys.secret, schema_version=OLD)


def _schema_mismatch(folder: Path, keys: KeyFiles, corpus: Path, **_: object) -> Path:
    old = altered_copy(corpus, folder / "vieja.db", f"PRAGMA user_version = {OLD}")
    return signed_pack(folder / "esquema-distinto.sgpack", old, keys.secret)


def _newer_schema(folder: Path, keys: KeyFiles, corpus: Path, **_: object) -> Path:
    newer = altered_copy(corpus, folder / "nueva.db", f"PRAGMA user_version = {NEWER}")
    return signed_pack(folder / "esquema-nuevo.sgpack", newer, keys.secret, schema_version=NEWER)


def _zip_bomb(folder: Path, **_: object) -> Path:
    path = folder / "bomba.sgpack"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as opened:
        opened.writestr("manifest.json", b"{}")
        opened.writestr("manifest.json.minisig", b"x")
        with opened.open("sgdesk.db", "w", force_zip64=True) as handle:
            for _ in range(64):
                handle.write(bytes(1 << 20))
    return path


def _traversal(folder: Path, good: Path, **_: object) -> Path:
    items = entries(good)
    items["../../x"] = b"fuera de la carpeta"
    return write_entries(folder / "ruta.sgpack", items)


def _fts_damaged(folder: Path, keys: KeyFiles, corpus: Path, **_: object) -> Path:
    damaged = altered_copy(corpus, folder / "fts.db", "DELETE FROM nodes_fts_data WHERE id > 10")
    return signed_pack(folder / "fts-danado.sgpack", damaged, keys.secret)


def _downgrade(folder: Path, make_pack: MakePack, **_: object) -> Path:
    return make_pack("2026.4")


CASES = [
    ("not-a-pack", _not_a_pack, "no es un paquete de contenido de sgdesk"),
    ("truncated", _truncated, "está incompleto o dañado"),
    ("unsigned", _unsigned, "no está firmado"),
    ("unknown-key", _unknown_key, "está firmado con una clave que esta aplicación no reconoce"),
    ("manifest-altered", _manifest_altered, "fue alterado: la firma no corresponde a su manifiesto"),
    ("database-altered", _database_altered, "la base de datos no corresponde a la firmada"),
    ("old-schema", _old_schema, f"usa un esquema antiguo ({OLD}; esta versión de sgdesk necesita el {NOW})"),
    ("schema-mismatch", _schema_mismatch, f"tiene una base de datos con el esquema {OLD}, no el {NOW}"),
    ("newer-schema", _newer_schema, f"es para una versión más reciente de sgdesk (esquema {NEWER}"),
    ("zip-bomb", _zip_bomb, "podría ser una bomba de compresión"),
    ("traversal", _traversal, "contiene una entrada con una ruta no permitida («../../x»)"),
    ("fts-damaged", _fts_damaged, "tiene un índice de búsqueda dañado (FTS5"),
    ("downgrade", _downgrade, "es más antiguo que el contenido instalado (versión 2026.5)"),
]


@pytest.mark.parametrize(("kind", "make_bad", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_pack_is_refused_and_installed_content_is_untouched(
    kind: str,
    make_bad: Callable[..., Path],
    message: str,
    tmp_path: Path,
    content_folder: ContentFolder,
    make_pack: MakePack,
    test_keys: KeyFiles,
    other_keys: KeyFiles,
    corpus_db: Path,
) -> None:
    content_folder.install(make_pack("2026.5"))
    good = make_pack("2026.6")  # what the bad packs are made from: newer than the installed one
    before = snapshot(content_folder.root)
    bad = make_bad(
        tmp_path, good=good, other=other_keys, keys=test_keys, corpus=corpus_db, make_pack=make_pack
    )
    with pytest.raises(PackError) as refused:
        content_folder.install(bad)
    assert message in refused.value.message
    assert snapshot(content_folder.root) == before
    assert content_folder.current().version is not None
    assert content_folder.current().version.version == "2026.5"  # type: ignore[union-attr]
    assert not (tmp_path.parent / "x").exists()
    assert not (tmp_path / "x").exists()
    if kind == "downgrade":
        assert isinstance(refused.value, DowngradeError)


def test_a_downgrade_installs_when_confirmed(content_folder: ContentFolder, make_pack: MakePack) -> None:
    content_folder.install(make_pack("2026.5"))
    content_folder.install(make_pack("2026.4"), allow_downgrade=True)
    assert [v.version for v in content_folder.versions()] == ["2026.5", "2026.4"]
