"""``sgdesk pack …``: content packs (keygen, build, verify, install, list, rollback)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk import paths
from sgdesk.cli.common import EXIT_FAILED, EXIT_OK, Subcommands, content_folder, print_json

if TYPE_CHECKING:
    from sgdesk.packs.installed import InstalledVersion
    from sgdesk.packs.manifest import Manifest


def register(commands: Subcommands) -> None:
    pack = commands.add_parser("pack", help="paquetes de contenido firmados (actualizar sin conexión)")
    actions = pack.add_subparsers(dest="pack_command", metavar="ACCIÓN", required=True)

    keygen = actions.add_parser("keygen", help="crear un par de claves (NOMBRE.key privada, NOMBRE.pub)")
    keygen.add_argument("-o", "--output", type=Path, required=True, metavar="CARPETA")
    keygen.add_argument("--name", default="sgdesk-contenido", metavar="NOMBRE", help="nombre de los archivos")
    keygen.set_defaults(handler=_keygen)

    build = actions.add_parser("build", help="construir y firmar un paquete")
    source = build.add_mutually_exclusive_group(required=True)
    source.add_argument("--sources", type=Path, metavar="CARPETA", help="fuentes del corpus (data/sources)")
    source.add_argument(
        "--from-database", type=Path, metavar="ARCHIVO", help="una base de datos ya construida"
    )
    build.add_argument("--key", type=Path, required=True, metavar="PRIVADA.key", help="la clave privada")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="ARCHIVO.sgpack")
    build.add_argument("--previous", type=Path, metavar="ARCHIVO",
                       help="versión anterior (.db o .sgpack) para el resumen de cambios; por defecto, el "
                            "corpus incluido")  # fmt: skip
    build.add_argument("--version", dest="content_version", metavar="VERSIÓN",
                       help="versión de contenido (por defecto, la hora UTC: AAAA.MM.DD.HHMMSS)")  # fmt: skip
    build.set_defaults(handler=_build)

    verify = actions.add_parser("verify", help="qué dice el manifiesto y si la firma y el hash se sostienen")
    verify.add_argument("file", type=Path, metavar="ARCHIVO.sgpack")
    verify.add_argument("--trust-key", type=Path, metavar="PUB", help="confiar también en esta clave pública")
    verify.add_argument("--json", action="store_true", help="salida en JSON")
    verify.set_defaults(handler=_verify)

    install = actions.add_parser("install", help="verificar e instalar un paquete en la carpeta de datos")
    install.add_argument("file", type=Path, metavar="ARCHIVO.sgpack")
    install.add_argument("--trust-key", type=Path, metavar="PUB",
                         help="confiar también en esta clave pública (pruebas)")  # fmt: skip
    install.add_argument("--allow-downgrade", action="store_true",
                         help="instalar aunque no sea más reciente que el contenido instalado")  # fmt: skip
    install.add_argument("--verbose", action="store_true", help="anunciar cada fase en la salida de errores")
    install.set_defaults(handler=_install)

    listing = actions.add_parser("list", help="versiones instaladas, cuál es la actual y su origen")
    listing.add_argument("--json", action="store_true", help="salida en JSON")
    listing.set_defaults(handler=_list)

    rollback = actions.add_parser("rollback", help="restaurar la versión anterior del contenido")
    rollback.set_defaults(handler=_rollback)


def _keygen(args: argparse.Namespace) -> int:
    from sgdesk.packs.keys import write_key_pair

    secret, public = write_key_pair(args.output, args.name)
    print(f"Clave privada: {secret}  (guárdela fuera del repositorio, en un lugar protegido)")
    print(f"Clave pública: {public}  (cópiela en resources/keys/ para que la aplicación confíe en ella)")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from sgdesk.packs.build import build_pack

    shipped = paths.shipped_database()
    previous = args.previous or (shipped if shipped.exists() else None)
    built = build_pack(
        args.output, args.key, args.sources, args.from_database, previous, args.content_version
    )
    manifest = built.manifest
    print(f"Paquete escrito: {built.path}")
    print(f"  versión de contenido {manifest.content_version}, edición {manifest.edition}, "
          f"esquema {manifest.schema_version}, "
          f"cambios hasta {manifest.horizon or 'sin fecha'}, {manifest.database_size:,} bytes")  # fmt: skip
    if previous is not None:
        print(f"  frente a {previous}:")
    for line in manifest.summary.lines():
        print(f"  {line}")
    for warning in built.warnings:
        print(f"Aviso: {warning}")
    return EXIT_OK


def _manifest_json(manifest: Manifest) -> dict[str, object]:
    return {
        "content_version": manifest.content_version,
        "schema_version": manifest.schema_version,
        "edition": manifest.edition,
        "created": manifest.created,
        "horizon": manifest.horizon,
        "sha256": manifest.database_sha256,
        "size": manifest.database_size,
        "sources_hash": manifest.sources_hash,
        "summary": manifest.summary.lines(),
        "changes": manifest.summary.to_json(),
    }


def _verify(args: argparse.Namespace) -> int:
    from sgdesk.packs.archive import PackReader
    from sgdesk.packs.errors import PackError
    from sgdesk.store.schema import SCHEMA_VERSION

    keys = content_folder(args).keys(args.trust_key)
    with PackReader(args.file) as reader:
        manifest = reader.unverified_manifest()
        signature: dict[str, object] = {"ok": True, "detail": "la firma se sostiene"}
        try:
            signed = reader.verify_signature(keys)
            signature["key"] = signed.key.key_id_text
        except PackError as exc:
            signature = {"ok": False, "detail": exc.message}
        digest: dict[str, object] = {"ok": True, "detail": "SHA-256 y tamaño coinciden"}
        try:
            reader.copy_database(None, manifest)
        except PackError as exc:
            digest = {"ok": False, "detail": exc.message}
    schema_ok = manifest.schema_version == SCHEMA_VERSION
    valid = bool(signature["ok"]) and bool(digest["ok"]) and schema_ok
    if args.json:
        print_json({"file": str(args.file), "valid": valid, "signature": signature, "hash": digest,
                    "schema_compatible": schema_ok, "manifest": _manifest_json(manifest)})  # fmt: skip
        return EXIT_OK if valid else EXIT_FAILED
    print(f"Paquete {args.file}")
    print(f"  versión de contenido {manifest.content_version}, creado {manifest.created_text}")
    compatible = "compatible" if schema_ok else "NO compatible"
    print(f"  esquema {manifest.schema_version} ({compatible} con esta versión, que usa el "
          f"{SCHEMA_VERSION}); cambios hasta {manifest.horizon or 'sin fecha'}")  # fmt: skip
    print(f"  [{'ok' if signature['ok'] else 'FALLA'}] firma: {signature['detail']}")
    print(f"  [{'ok' if digest['ok'] else 'FALLA'}] base de datos: {digest['detail']}")
    for line in manifest.summary.lines():
        print(f"  {line}")
    print(f"Veredicto: {'el paquete es válido' if valid else 'el paquete NO es válido'}")
    return EXIT_OK if valid else EXIT_FAILED


def _install(args: argparse.Namespace) -> int:
    from sgdesk.packs.errors import DowngradeError

    announced: set[str] = set()

    def progress(phase: str, _done: int, _total: int) -> None:
        if args.verbose and phase not in announced:
            announced.add(phase)
            print(f"sgdesk: fase: {phase}", file=sys.stderr, flush=True)

    folder = content_folder(args)
    try:
        installed = folder.install(args.file, args.trust_key, args.allow_downgrade, progress)
    except DowngradeError as exc:
        raise DowngradeError(
            f"{exc.message} Para instalarlo de todos modos use --allow-downgrade.",
            exc.pack_version,
            exc.installed_version,
        ) from None
    print(
        f"Contenido instalado: versión {installed.version} (cambios hasta {installed.horizon or 'sin fecha'})"
    )
    print(f"  en {folder.database_of(installed)}")
    return EXIT_OK


def _version_json(version: InstalledVersion, current: bool) -> dict[str, object]:
    return {"version": version.version, "current": current, "origin": version.origin,
            "installed": version.installed, "created": version.created, "horizon": version.horizon,
            "sha256": version.sha256, "size": version.size}  # fmt: skip


def _list(args: argparse.Namespace) -> int:
    folder = content_folder(args)
    content = folder.current()
    versions = folder.versions()
    current = content.version.folder if content.version else None
    rows = [_version_json(v, v.folder == current) for v in reversed(versions)]
    shipped = {"version": "incluido", "current": content.version is None, "origin": "aplicación",
               "path": str(folder.shipped)}  # fmt: skip
    if args.json:
        print_json({"data_dir": str(folder.root.parent), "warning": content.warning,
                    "versions": [*rows, shipped]})  # fmt: skip
        return EXIT_OK
    if content.warning:
        print(f"Aviso: {content.warning}")
    print(f"Contenido de {folder.root.parent}:")
    for row in rows:
        mark = "*" if row["current"] else " "
        print(f" {mark} versión {row['version']}  instalada {row['installed']}  desde {row['origin']}")
    print(f" {'*' if shipped['current'] else ' '} contenido incluido con la aplicación ({folder.shipped})")
    return EXIT_OK


def _rollback(args: argparse.Namespace) -> int:
    content = content_folder(args).rollback()
    print(f"Restaurado: ahora se usa el {content.label}.")
    return EXIT_OK
