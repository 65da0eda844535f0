"""Installing, listing and rolling back content; which content a data folder reads."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from sgdesk.library import Library
from sgdesk.packs.build import build_pack, summarize
from sgdesk.packs.errors import PackError
from sgdesk.packs.installed import ContentFolder
from sgdesk.packs.keys import read_public_key, read_secret_key, write_key_pair
from sgdesk.packs.location import policy_update_folder
from sgdesk.packs.updates import find_newer
from sgdesk.paths import default_data_dir
from tests.altered import altered_copy
from tests.packs.conftest import NEW_WORD, KeyFiles, MakePack


def test_a_new_data_folder_reads_the_shipped_corpus(content_folder: ContentFolder, corpus_db: Path) -> None:
    content = content_folder.current()
    assert (content.path, content.version, content.warning) == (corpus_db, None, None)


def test_install_makes_the_pack_current_and_keeps_its_bytes(
    content_folder: ContentFolder, make_pack: MakePack
) -> None:
    installed = content_folder.install(make_pack("2026.5"))
    content = content_folder.current()
    assert content.version == installed
    library = Library.open(content.path)
    try:
        assert library.info.content_version == "2026.5"  # what the status bar and «Acerca de» show
        assert library.info.as_of == "2012"
    finally:
        library.close()
    import hashlib

    assert hashlib.sha256(content.path.read_bytes()).hexdigest() == installed.sha256
    assert not list(content_folder.root.glob(".staging-*"))


def test_new_content_is_what_the_library_reads(
    content_folder: ContentFolder, make_pack: MakePack, new_sources: Path
) -> None:
    content_folder.install(make_pack("2026.7", sources=new_sources))
    library = Library.open(content_folder.current().path)
    try:
        assert [hit.node.id for hit in library.search(NEW_WORD).hits] == ["mision"]
    finally:
        library.close()


def test_rollback_walks_back_to_the_previous_version_then_the_shipped_corpus(
    content_folder: ContentFolder, make_pack: MakePack, corpus_db: Path
) -> None:
    content_folder.install(make_pack("2026.5"))
    content_folder.install(make_pack("2026.6"))
    content_folder.install(make_pack("2026.7"))
    assert [v.version for v in content_folder.versions()] == ["2026.6", "2026.7"]  # two kept
    assert len(list((content_folder.root / "versiones").iterdir())) == 2
    assert content_folder.rollback().version.version == "2026.6"  # type: ignore[union-attr]
    assert content_folder.rollback().path == corpus_db
    with pytest.raises(PackError, match="No hay una versión anterior"):
        content_folder.rollback()


def test_a_damaged_installed_version_falls_back_to_the_shipped_corpus(
    content_folder: ContentFolder, make_pack: MakePack, corpus_db: Path
) -> None:
    content_folder.install(make_pack("2026.5"))
    database = content_folder.current().path
    database.write_bytes(database.read_bytes()[:4096])
    content = content_folder.current()
    assert content.path == corpus_db
    assert content.warning is not None
    assert "El contenido instalado (versión 2026.5) está dañado" in content.warning
    assert "Se usa el contenido incluido con la aplicación" in content.warning


def test_a_damaged_pointer_falls_back_to_the_shipped_corpus(
    content_folder: ContentFolder, make_pack: MakePack, corpus_db: Path
) -> None:
    content_folder.install(make_pack("2026.5"))
    (content_folder.root / "actual.json").write_text("{ roto", encoding="utf-8")
    content = content_folder.current()
    assert content.path == corpus_db
    assert "está dañado" in (content.warning or "")
    content_folder.install(make_pack("2026.6"))  # and a new install starts again from there
    assert content_folder.current().version.version == "2026.6"  # type: ignore[union-attr]


def test_summary_names_the_norms_and_sections_that_changed(
    tmp_path: Path, corpus_db: Path, new_sources: Path, test_keys: KeyFiles
) -> None:
    built = build_pack(tmp_path / "n.sgpack", test_keys.secret_path, sources=new_sources, previous=corpus_db)
    assert built.manifest.summary.lines() == [
        "Normas modificadas: Decreto 077 de 2012.",
        "Secciones modificadas: Funciones, Misión.",  # «Funciones» lists each norm's summary
    ]
    assert (built.manifest.edition, built.warnings) == (2, [])
    same = build_pack(tmp_path / "s.sgpack", test_keys.secret_path, database=corpus_db, previous=corpus_db)
    assert same.warnings
    assert "La edición (1) no es mayor que la de la versión anterior (1)" in same.warnings[0]
    fewer = altered_copy(corpus_db, tmp_path / "menos.db",
                         "DELETE FROM nodes WHERE norm = 'decreto-77-2012'",
                         "DELETE FROM norms WHERE id = 'decreto-77-2012'")  # fmt: skip
    assert summarize(fewer, corpus_db).lines() == ["Normas nuevas: Decreto 077 de 2012."]
    assert summarize(corpus_db, fewer).lines() == ["Normas retiradas: Decreto 077 de 2012."]


def test_the_default_version_is_the_build_time_so_later_packs_are_newer(
    tmp_path: Path, corpus_db: Path, test_keys: KeyFiles
) -> None:
    first = build_pack(tmp_path / "a.sgpack", test_keys.secret_path, database=corpus_db).manifest
    assert first.content_version.startswith(first.created[:4] + ".")
    with pytest.raises(PackError, match="Versión de contenido no válida"):
        build_pack(tmp_path / "b.sgpack", test_keys.secret_path, database=corpus_db, version="v2")


def test_keygen_never_overwrites_and_keeps_the_private_key_private(tmp_path: Path) -> None:
    secret, public = write_key_pair(tmp_path, "equipo")
    assert (secret.name, public.name) == ("equipo.key", "equipo.pub")
    assert secret.stat().st_mode & 0o077 == 0
    assert read_secret_key(secret).key_id == read_public_key(public).key_id
    with pytest.raises(PackError, match="no se sobrescribe"):
        write_key_pair(tmp_path, "equipo")


@pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign is not installed")
def test_minisign_verifies_the_manifest_and_signs_what_sgdesk_verifies(
    tmp_path: Path, make_pack: MakePack, test_keys: KeyFiles
) -> None:
    with zipfile.ZipFile(make_pack("2026.5")) as opened:
        opened.extract("manifest.json", tmp_path)
        opened.extract("manifest.json.minisig", tmp_path)
    manifest = tmp_path / "manifest.json"
    checked = subprocess.run(["minisign", "-V", "-p", str(test_keys.public_path), "-m", str(manifest)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "sgdesk-pack version:2026.5" in checked.stdout


def test_the_update_folder_offers_the_newest_signed_pack_only(
    tmp_path: Path, make_pack: MakePack, test_keys: KeyFiles, other_keys: KeyFiles, corpus_db: Path
) -> None:
    share = tmp_path / "actualizaciones"
    share.mkdir()
    for version in ("2026.5", "2026.6"):
        shutil.copy(make_pack(version), share / f"{version}.sgpack")
    shutil.copy(make_pack("2027.1", key=other_keys.secret_path), share / "ajeno.sgpack")
    (share / "roto.sgpack").write_bytes(b"PK\x03\x04roto")
    keys = ContentFolder(tmp_path, corpus_db, test_keys.folder).keys()
    found = find_newer(share, "2026.5", keys)
    assert found is not None
    assert (found.path.name, found.manifest.content_version) == ("2026.6.sgpack", "2026.6")
    assert find_newer(share, "2026.6", keys) is None
    assert find_newer(tmp_path / "no-existe", None, keys) is None


def test_the_policy_file_names_the_update_folder(tmp_path: Path) -> None:
    assert policy_update_folder(tmp_path) is None
    (tmp_path / "sgdesk-politica.ini").write_text(
        "[actualizaciones]\ncarpeta = \\\\servidor\\sgdesk\\actualizaciones\n", encoding="utf-8"
    )
    assert policy_update_folder(tmp_path) == "\\\\servidor\\sgdesk\\actualizaciones"


def test_the_default_data_folder_is_qts_app_local_data_location(qapp: object) -> None:
    from PySide6.QtCore import QStandardPaths

    from sgdesk.app import configure_application

    configure_application(qapp)  # type: ignore[arg-type]
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    assert default_data_dir() == Path(location)


def test_build_refuses_a_database_whose_index_disagrees_with_its_text(
    tmp_path: Path, corpus_db: Path, test_keys: KeyFiles
) -> None:
    """The install checks the index's structure; its agreement with the text is checked here."""
    from sgdesk.store import packing

    stale = altered_copy(corpus_db, tmp_path / "indice-viejo.db",
                         "UPDATE nodes SET text = 'otro texto' WHERE id = 'mision'")  # fmt: skip
    assert packing.fts_problems(stale, against_content=False) == []
    assert packing.fts_problems(stale, against_content=True)
    with pytest.raises(PackError, match="no pasa las comprobaciones de integridad"):
        build_pack(tmp_path / "x.sgpack", test_keys.secret_path, database=stale)
    assert not (tmp_path / "x.sgpack").exists()


def test_an_app_update_with_a_newer_edition_wins_over_an_older_installed_pack(
    tmp_path: Path, corpus_db: Path, make_pack: MakePack, test_keys: KeyFiles
) -> None:
    from sgdesk.packs.errors import DowngradeError

    data = tmp_path / "datos"
    ContentFolder(data, corpus_db, test_keys.folder).install(make_pack("2026.5"))  # edition 1
    newer_app = altered_copy(corpus_db, tmp_path / "incluida-2.db",
                             "UPDATE meta SET value = '2' WHERE key = 'edition'")  # fmt: skip
    updated = ContentFolder(data, newer_app, test_keys.folder)
    assert updated.current().path == newer_app  # the app's own, newer content
    assert updated.current().warning is None
    with pytest.raises(
        DowngradeError, match=r"más antiguo que el contenido incluido con la aplicación \(edición 2\)"
    ):
        updated.install(make_pack("2026.6"))
    assert updated.preview(make_pack("2026.6")).is_downgrade
    updated.install(make_pack("2026.6"), allow_downgrade=True)  # asked for: it stays current
    assert updated.current().version.version == "2026.6"  # type: ignore[union-attr]
