"""An imported norm as a corpus source file (``data/sources/normas/*.toml``).

The corpus format holds articles with their text, quotations and literals. What it has no
field for (the record, notes, divisions, considerandos, closing formula) is written as
comments, so the content team sees it while reviewing; vigencia notes become draft events,
commented out, for the file of the norm that made the change.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from sgdesk.atomicfile import write_atomically
from sgdesk.content import citations
from sgdesk.content.sources import GENERAL_FILE, NORMS_DIR, load_corpus
from sgdesk.errors import SourceError
from sgdesk.importer.model import ImportedNorm, ImportFileError, NoteKind, Unit, UnitKind

MISSING_EPIGRAFE = "[epígrafe no reconocido: cópielo del documento]"
MISSING_ISSUER = "no registrado"


def source_id(norm: ImportedNorm) -> str:
    if not (norm.type and norm.number and norm.year):
        raise ImportFileError(
            "No se reconoció el tipo, el número y el año de la norma: no se puede escribir la fuente."
        )
    if norm.type not in citations.NORM_TYPES:
        raise ImportFileError(f"El tipo de norma «{norm.type}» no está en el formato del corpus.")
    return citations.norm_id(norm.type, norm.number, norm.year)


def _s(text: str) -> str:
    """A TOML string: literal (single quotes, as the corpus sources use) when possible."""
    if "'" not in text and not any(ord(c) < 32 or ord(c) == 127 for c in text):
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, prefix: str = "# ") -> str:
    return f"{prefix}{' '.join(text.split())}"


def _strings(key: str, values: list[str]) -> list[str]:
    if not values:
        return [f"{key} = []"]
    return [f"{key} = [", *(f"  {_s(v)}," for v in values), "]"]


def _unit_lines(unit: Unit) -> list[str]:
    """A unit written out as paragraphs, marker first: «PARÁGRAFO 1°. …», «1.1. …»."""
    first, *rest = unit.text or [""]
    lead = f"{unit.title}. " if unit.title else ""
    lines = [f"{unit.label} {lead}{first}".strip(), *rest]
    for child in unit.children:
        lines += _unit_lines(child)
    return lines


def _literal_block(article: Unit) -> tuple[list[Unit], list[Unit]]:
    """(children written as text, trailing literals kept as literal nodes)."""
    children = article.children
    for start, child in enumerate(children):
        if child.kind is UnitKind.LITERAL:
            tail = children[start:]
            if all(c.kind is UnitKind.LITERAL for c in tail) and len({c.number for c in tail}) == len(tail):
                return children[:start], tail
            break
    return children, []


def render_source(norm: ImportedNorm, origin: str) -> str:
    """The TOML text of the source file for ``norm`` (read from ``origin``)."""
    norm_id = source_id(norm)
    out = [
        f"# Importado con «sgdesk import» desde «{' '.join(origin.split())}» el {date.today().isoformat()}.",
        "# BORRADOR: revise cada advertencia contra el documento antes de agregarlo al corpus, y",
        f"# agregue «{norm_id}» a la lista «norms» de una sección de {GENERAL_FILE}.",
    ]
    out += [_comment(f"Advertencia: {w.message}") for w in norm.warnings]
    if norm.publication:
        out.append(_comment(f"Medio de publicación: {norm.publication}"))
    if norm.authority:
        out.append(_comment(f"Autoridad: {norm.authority}"))
    out += [_comment(f"Preámbulo: {p}") for p in norm.preamble]
    out += [_comment(f"Considerando: {p}") for p in norm.considerations]
    assert norm.type is not None
    assert norm.number is not None
    assert norm.year is not None
    assert norm.issued is not None
    out += [
        "",
        f"id = {_s(norm_id)}",
        f"type = {_s(norm.type)}",
        f"number = {_s(norm.number)}",
        f"year = {norm.year}",
        f"issuer = {_s(norm.issuer or MISSING_ISSUER)}",
        f"issued = {_s(norm.issued.iso())}",
    ]
    if norm.in_force:
        out.append(f"in_force = {_s(norm.in_force.iso())}")
    out.append(f"epigrafe = {_s(norm.epigrafe or MISSING_EPIGRAFE)}")
    out += _strings("summary", [])
    used: set[str] = set()
    for position, article in enumerate(norm.articles):
        for division in (d for d in norm.divisions if d.before_article == position):
            out += ["", _comment(f"{division.kind.upper()} {division.number}. {division.title}".rstrip(". "))]
        out += _article(article, position, used)
    out += _draft_events(norm, norm_id)
    if norm.closing:
        out += ["", *(_comment(f"Cierre: {line}") for line in norm.closing)]
    return "\n".join(out) + "\n"


def _article(article: Unit, position: int, used: set[str]) -> list[str]:
    number = article.number if article.number and f"art-{article.number}" not in used else None
    local_id = f"art-{number}" if number else f"art-sin-numero-{position + 1}"
    used.add(local_id)
    out = ["", "[[articles]]", f"id = {_s(local_id)}"]
    if number:
        out.append(f"number = {_s(number)}")
    out.append(f"label = {_s(article.label)}")
    if article.title:
        out.append(f"heading = {_s(article.title)}")
    as_text, literals = _literal_block(article)
    text = list(article.text) + [line for child in as_text for line in _unit_lines(child)]
    out += _strings("text", text)
    if article.quote:
        out += _strings("quote", article.quote)
    for literal in literals:
        body = " ".join([*literal.text, *(line for c in literal.children for line in _unit_lines(c))])
        out += ["", "[[articles.literals]]", f"letter = {_s(str(literal.number))}", f"text = {_s(body)}"]
    return out


def _draft_events(norm: ImportedNorm, norm_id: str) -> list[str]:
    out: list[str] = []
    for note in norm.notes:
        out += ["", _comment(f"Nota: {note.text}")]
        if note.kind is NoteKind.REFERENCE or not note.norms:
            continue
        target = f"{norm_id}/{note.under}" if note.under else norm_id
        for cited in note.norms:
            out.append(f"# Borrador de evento para {NORMS_DIR}/{cited}.toml (si la norma está en el corpus):")
            out += ["# [[events]]", f"# kind = {_s(note.kind.value)}"]
            if note.article and note.article.startswith(f"{cited}/"):
                out.append(f"# article = {_s(note.article.split('/', 1)[1])}")
            out += ["# [[events.changes]]", f"# target = {_s(target)}"]
    return out


def validate_source(text: str, norm_id: str) -> None:
    """Load the file with the corpus validator, placed in a section of a minimal corpus."""
    with tempfile.TemporaryDirectory(prefix="sgdesk-import-") as folder:
        root = Path(folder)
        (root / NORMS_DIR).mkdir()
        (root / NORMS_DIR / f"{norm_id}.toml").write_text(text, encoding="utf-8")
        (root / GENERAL_FILE).write_text(
            f'id = "raiz"\ntitle = "Prueba"\n[[sections]]\nid = "s"\ntitle = "S"\nnorms = ["{norm_id}"]\n',
            encoding="utf-8",
        )
        try:
            load_corpus(root)
        except SourceError as exc:
            message = f"La fuente generada no pasa la validación del corpus:\n{exc.message}"
            raise ImportFileError(message) from None


def write_source(norm: ImportedNorm, origin: str, folder: Path) -> Path:
    """Validate and write ``<folder>/<id>.toml`` atomically; never overwrite a file."""
    norm_id = source_id(norm)
    text = render_source(norm, origin)
    validate_source(text, norm_id)
    if not folder.is_dir():
        raise ImportFileError(f"La carpeta de salida «{folder}» no existe.")
    target = folder / f"{norm_id}.toml"
    exists = f"Ya existe «{target}»: bórrelo o elija otra carpeta; no se sobrescribe."
    if target.exists():
        raise ImportFileError(exists)
    try:
        write_atomically(target, text, overwrite=False)
    except FileExistsError:  # written by someone else meanwhile
        raise ImportFileError(exists) from None
    except OSError as exc:
        reason = "no hay permiso" if isinstance(exc, PermissionError) else "error del sistema de archivos"
        raise ImportFileError(f"No se pudo escribir «{target}»: {reason}.") from None
    return target
