"""Read and validate the human-edited corpus sources (TOML files under ``data/sources``).

``load_corpus`` returns a :class:`Corpus` or raises :class:`SourceError` listing every
problem with the file and the entry it is in, so an editor can fix them all at once.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from sgdesk.content import amendments, citations
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import (
    STRUCTURE_TARGET,
    Block,
    BlockKind,
    Change,
    Corpus,
    Event,
    EventKind,
    LaterChange,
    Node,
    NodeKind,
    Norm,
    Office,
)  # fmt: skip
from sgdesk.content.synonyms import SYNONYMS_FILE, SynonymTable, read_synonyms
from sgdesk.errors import SourceError, os_reason

GENERAL_FILE = "informacion-general.toml"
NORMS_DIR = "normas"
ROOT_ID = "informacion-general"

Table = dict[str, Any]


class _Problems:
    """Collects problems as "file › entry: message"."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def field(self, table: Table, key: str, kind: type, where: str, required: bool = True) -> Any:
        value = table.get(key)
        if value is None:
            if required:
                self.add(where, f"falta el campo «{key}»")
            return None
        if kind is list and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            self.add(where, f"el campo «{key}» debe ser una lista de textos")
            return None
        if kind is not list and not isinstance(value, kind):
            self.add(where, f"el campo «{key}» debe ser {_TYPE_NAMES[kind]}")
            return None
        if isinstance(value, str) and not value.strip():
            self.add(where, f"el campo «{key}» está vacío")
            return None
        return value

    def keys(self, table: Table, allowed: set[str], where: str) -> None:
        for key in sorted(set(table) - allowed):
            self.add(where, f"campo desconocido «{key}»")

    def date(self, table: Table, key: str, where: str, required: bool = True) -> PartialDate | None:
        text = self.field(table, key, str, where, required)
        if text is None:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError:
            self.add(where, f"fecha no válida en «{key}»: «{text}» (use AAAA, AAAA-MM o AAAA-MM-DD)")
            return None

    def tables(self, table: Table, key: str, where: str, inside: str = "") -> list[Table]:
        """``inside``: the table this list belongs to, for the header to write (``[[events.changes]]``)."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(where, f"«{key}» debe ser una lista de tablas [[{inside}{key}]]")
            return []
        return value


_TYPE_NAMES = {str: "un texto", int: "un número entero", list: "una lista"}


def content_version(sources: Path) -> str:
    """A hash of every source file: the same sources always give the same version."""
    digest = hashlib.sha256()
    for path in sorted(sources.rglob("*.toml")):
        digest.update(path.relative_to(sources).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def _read_toml(path: Path, problems: _Problems) -> Table | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        problems.add(path.name, f"TOML no válido: {exc}")
    except UnicodeDecodeError as exc:
        problems.add(
            path.name,
            f"no es texto UTF-8 válido (byte {exc.object[exc.start]:#04x} en la posición {exc.start})",
        )
    except OSError as exc:
        problems.add(path.name, f"no se pudo leer: {os_reason(exc)}")
    return None


def load_corpus(sources: Path) -> Corpus:
    """Read, validate and assemble the corpus from ``sources``."""
    problems = _Problems()
    general_path = sources / GENERAL_FILE
    if not general_path.is_file():
        raise SourceError([f"{GENERAL_FILE}: no existe en {sources}"])
    loader = _Loader(problems)
    general = _read_toml(general_path, problems)
    norm_files = sorted((sources / NORMS_DIR).glob("*.toml"))
    for path in norm_files:
        data = _read_toml(path, problems)
        if data is not None:
            loader.read_norm(path.name, data)
    if general is not None:
        loader.read_general(GENERAL_FILE, general)
    loader.check_references()
    synonyms = _read_synonyms(sources, problems)
    if problems.items:
        raise SourceError(problems.items)
    return replace(loader.corpus(content_version(sources)), synonyms=synonyms)


def _read_synonyms(sources: Path, problems: _Problems) -> SynonymTable:
    """``sinonimos.toml``, when the sources have one (it is optional)."""
    path = sources / SYNONYMS_FILE
    if not path.is_file():
        return SynonymTable()
    data = _read_toml(path, problems)
    return read_synonyms(data, SYNONYMS_FILE, problems.add) if data is not None else SynonymTable()


class _Loader:
    def __init__(self, problems: _Problems) -> None:
        self.p = problems
        self.nodes: dict[str, Node] = {}
        self.norms: dict[str, Norm] = {}
        self.norm_nodes: dict[str, list[Node]] = {}  # norm id -> its units, in order
        self.norm_summaries: dict[str, tuple[str, ...]] = {}
        self.raw_events: list[tuple[str, Event]] = []  # (where, event)
        self.offices: dict[str, Office] = {}
        self.office_where: dict[str, str] = {}
        self.quotes: dict[str, str] = {}  # article id -> its quoted text
        self.later_changes: list[tuple[LaterChange, str]] = []  # (change, where)
        self.edition = 1

    # -- nodes -----------------------------------------------------------------

    def _add_node(self, node: Node, where: str) -> None:
        if node.id in self.nodes or node.id in self.offices:
            self.p.add(where, f"id duplicado «{node.id}»")
            return
        self.nodes[node.id] = node

    # -- the general file ------------------------------------------------------

    def read_general(self, name: str, data: Table) -> None:
        self.p.keys(data, {"id", "title", "edition", "sections", "offices", "later_changes"}, name)
        root_id = self.p.field(data, "id", str, name) or ROOT_ID
        title = self.p.field(data, "title", str, name) or ""
        edition = self.p.field(data, "edition", int, name, required=False)
        if edition is not None and edition < 1:
            self.p.add(name, f"«edition» debe ser 1 o más, no {edition}")
        self.edition = edition or 1
        root = Node(root_id, None, 0, NodeKind.SECTION, title, citations.section_citation([title]))
        self._add_node(root, name)
        for office in self.p.tables(data, "offices", name):
            self._read_office(name, office)
        for index, later in enumerate(self.p.tables(data, "later_changes", name), start=1):
            self._read_later_change(f"{name} › cambio posterior {index}", later)
        for position, section in enumerate(self.p.tables(data, "sections", name)):
            self._read_section(name, root, position, section)

    def _read_section(self, name: str, root: Node, position: int, data: Table) -> None:
        where = f"{name} › sección {data.get('id', position + 1)}"
        self.p.keys(data, {"id", "title", "paragraphs", "list", "items", "norms"}, where)
        section_id = self.p.field(data, "id", str, where)
        title = self.p.field(data, "title", str, where)
        if section_id is None or title is None:
            return
        body: list[Block] = []
        paragraphs = self.p.field(data, "paragraphs", list, where, required=False) or []
        body += [Block(BlockKind.PARAGRAPH, (text,)) for text in paragraphs]
        items = self.p.field(data, "items", list, where, required=False)
        if items:
            style = data.get("list", "bulleted")
            if style not in ("numbered", "bulleted"):
                self.p.add(where, f"«list» debe ser «numbered» o «bulleted», no «{style}»")
            kind = BlockKind.NUMBERED if style == "numbered" else BlockKind.BULLETED
            body.append(Block(kind, tuple(items)))
        norm_ids = self.p.field(data, "norms", list, where, required=False) or []
        for norm_position, norm_id in enumerate(norm_ids):
            norm = self.norms.get(norm_id)
            if norm is None:
                self.p.add(where, f"la norma «{norm_id}» no existe en {NORMS_DIR}/")
                continue
            body.append(Block(BlockKind.LINK, (norm.see_text,), norm.id))
            body.append(Block(BlockKind.PARAGRAPH, (norm.epigrafe,)))
            body += [Block(BlockKind.PARAGRAPH, (s,)) for s in self.norm_summaries[norm.id]]
            self._place_norm(norm, section_id, norm_position, where)
        if not body:
            self.p.add(where, "la sección no tiene texto («paragraphs», «items» o «norms»)")
        citation = citations.section_citation([root.title, title])
        self._add_node(
            Node(section_id, root.id, position, NodeKind.SECTION, title, citation, body=tuple(body)), where
        )

    def _place_norm(self, norm: Norm, parent: str, position: int, where: str) -> None:
        units = self.norm_nodes[norm.id]
        if units[0].parent is not None:
            self.p.add(where, f"la norma «{norm.id}» ya está en la sección «{units[0].parent}»")
            return
        units[0] = units[0]._replace(parent=parent, position=position)
        for unit in units:
            self._add_node(unit, where)

    def _read_office(self, name: str, data: Table) -> None:
        where = f"{name} › dependencia {data.get('id', '?')}"
        self.p.keys(data, {"id", "name", "parent", "created_by"}, where)
        office_id = self.p.field(data, "id", str, where)
        office_name = self.p.field(data, "name", str, where)
        if office_id is None or office_name is None:
            return
        if office_id in self.offices:
            self.p.add(where, f"id duplicado «{office_id}»")
            return
        self.offices[office_id] = Office(
            office_id,
            office_name,
            self.p.field(data, "parent", str, where, required=False),
            self.p.field(data, "created_by", str, where, required=False),
        )
        self.office_where[office_id] = where

    def _read_later_change(self, where: str, data: Table) -> None:
        self.p.keys(data, {"norm", "affects", "issued", "in_force", "publication", "targets"}, where)
        norm = self.p.field(data, "norm", str, where)
        affects = self.p.field(data, "affects", str, where)
        issued = self.p.date(data, "issued", where)
        in_force = self.p.date(data, "in_force", where, required=False)
        publication = self.p.field(data, "publication", str, where, required=False)
        targets = self.p.field(data, "targets", list, where)
        if norm is None or affects is None or issued is None or targets is None:
            return
        mentions = citations.find_norm_mentions(norm)
        if len(mentions) != 1 or mentions[0][:2] != (0, len(norm)):
            self.p.add(where, f"«norm» debe citar una norma así: «Decreto 140 de 2021», no «{norm}»")
            return
        change_id = mentions[0][2]  # "decreto-140-2021": the year is its last part
        if issued.year != int(change_id.rsplit("-", 1)[1]):
            self.p.add(where, f"la fecha de expedición {issued.iso()} no es del año de «{norm}»")
        if in_force is not None and in_force.key < issued.key:
            self.p.add(where, f"la entrada en vigencia {in_force.iso()} es anterior a la expedición")
        if not targets:
            self.p.add(where, "«targets» no puede estar vacío: diga qué puede haber cambiado")
        if any(c.id == change_id for c, _ in self.later_changes):
            self.p.add(where, f"cambio posterior repetido «{norm}»")
            return
        change = LaterChange(change_id, norm, affects, issued, in_force, publication, tuple(targets))
        self.later_changes.append((change, where))

    # -- norm files ------------------------------------------------------------

    def read_norm(self, name: str, data: Table) -> None:
        allowed = {
            "id",
            "type",
            "number",
            "year",
            "issuer",
            "issued",
            "in_force",
            "epigrafe",
            "summary",
            "articles",
            "events",
        }
        self.p.keys(data, allowed, name)
        identity = [
            self.p.field(data, key, kind, name)
            for key, kind in (("id", str), ("type", str), ("number", str), ("year", int))
        ]
        # Problems in the other fields are reported, but the norm is still registered so
        # that references to it do not produce a cascade of follow-on errors.
        issuer = self.p.field(data, "issuer", str, name) or ""
        epigrafe = self.p.field(data, "epigrafe", str, name) or ""
        issued = self.p.date(data, "issued", name)
        in_force = self.p.date(data, "in_force", name, required=False)
        if any(f is None for f in identity):
            return
        norm_id_, norm_type, number, year = identity
        if norm_type not in citations.NORM_TYPES:
            self.p.add(name, f"tipo de norma desconocido «{norm_type}»")
        if not number.isdigit():
            self.p.add(name, f"el número «{number}» debe tener solo dígitos")
            return
        expected = citations.norm_id(norm_type, number, year)
        if norm_id_ != expected:
            self.p.add(name, f"el id «{norm_id_}» no corresponde a la norma (debe ser «{expected}»)")
            return
        if issued is not None and issued.year != year:
            self.p.add(name, f"la fecha de expedición {issued.iso()} no es del año {year}")
        if norm_id_ in self.norms:
            self.p.add(name, f"id duplicado «{norm_id_}»")
            return
        issued = issued or PartialDate(year)
        norm = Norm(norm_id_, norm_type, number, year, issuer, issued, epigrafe, in_force)
        self.norms[norm.id] = norm
        summary = tuple(self.p.field(data, "summary", list, name, required=False) or ())
        self.norm_summaries[norm.id] = summary
        node = Node(
            norm.id,
            None,
            0,
            NodeKind.NORM,
            norm.title,
            norm.title,
            body=tuple(Block(BlockKind.PARAGRAPH, (s,)) for s in summary),
            norm=norm.id,
        )
        self.norm_nodes[norm.id] = [node]
        for position, article in enumerate(self.p.tables(data, "articles", name)):
            self._read_article(name, norm, position, article)
        for index, event in enumerate(self.p.tables(data, "events", name), start=1):
            self._read_event(name, norm, index, event)

    def _read_article(self, name: str, norm: Norm, position: int, data: Table) -> None:
        where = f"{name} › artículo {data.get('id', position + 1)}"
        self.p.keys(data, {"id", "number", "label", "heading", "text", "quote", "literals"}, where)
        local_id = self.p.field(data, "id", str, where)
        if local_id is None:
            return
        number = self.p.field(data, "number", str, where, required=False)
        heading = self.p.field(data, "heading", str, where, required=False)
        if (local_id == f"art-{number}") != (number is not None):
            self.p.add(where, f"el id «{local_id}» debe ser «art-<número>» cuando hay número")
        elif "number" not in data and (claimed := citations.number_in_id(local_id)):
            # citations would print «artículo 1» and the page «número no registrado»
            self.p.add(
                where, f'el id «{local_id}» indica un número: escriba number = "{claimed}" o use otro id'
            )
        text = self.p.field(data, "text", list, where, required=False) or []
        quote = self.p.field(data, "quote", list, where, required=False) or []
        body = [Block(BlockKind.PARAGRAPH, (line,)) for line in text]
        if quote:
            body.append(Block(BlockKind.QUOTE, tuple(quote)))
        article_id = f"{norm.id}/{local_id}"
        self.quotes[article_id] = " ".join(" ".join(quote).split())  # paragraphs as one line
        title = f"Artículo {number}" if number else "Artículo (número no registrado)"
        if heading:
            title = f"{title}. {heading}"
        node = Node(
            article_id,
            norm.id,
            position,
            NodeKind.ARTICLE,
            title,
            citations.short_citation(norm, number, with_article=True),
            label=self.p.field(data, "label", str, where, required=False) or "",
            body=tuple(body),
            norm=norm.id,
        )
        self.norm_nodes[norm.id].append(node)
        letters: set[str] = set()
        for lit_position, literal in enumerate(self.p.tables(data, "literals", where, "articles.")):
            lit_where = f"{where} › literal {literal.get('letter', lit_position + 1)}"
            self.p.keys(literal, {"letter", "text"}, lit_where)
            letter = self.p.field(literal, "letter", str, lit_where)
            lit_text = self.p.field(literal, "text", str, lit_where)
            if letter is None or lit_text is None:
                continue
            if letter in letters:
                self.p.add(lit_where, f"literal «{letter}» repetido")
            letters.add(letter)
            self.norm_nodes[norm.id].append(
                Node(
                    f"{article_id}/lit-{letter}",
                    article_id,
                    lit_position,
                    NodeKind.LITERAL,
                    f"Literal {letter}",
                    citations.short_citation(norm, number, letter, True),
                    label=f"{letter}.",
                    body=(Block(BlockKind.PARAGRAPH, (lit_text,)),),
                    norm=norm.id,
                )
            )

    def _read_event(self, name: str, norm: Norm, index: int, data: Table) -> None:
        where = f"{name} › evento {index}"
        self.p.keys(data, {"kind", "article", "date", "changes"}, where)
        kind_text = self.p.field(data, "kind", str, where)
        try:
            kind = EventKind(kind_text)
        except ValueError:
            if kind_text is not None:
                known = ", ".join(k.value for k in EventKind)
                self.p.add(where, f"tipo de evento desconocido «{kind_text}» (use: {known})")
            return
        date = self.p.date(data, "date", where, required=False) or norm.issued
        article = self.p.field(data, "article", str, where, required=False)
        changes = []
        for change in self.p.tables(data, "changes", where, "events."):
            self.p.keys(change, {"target", "old_name", "new_name"}, where)
            target = self.p.field(change, "target", str, where)
            if target is not None:
                changes.append(Change(target, change.get("old_name"), change.get("new_name")))
        if not changes:
            self.p.add(where, "el evento no tiene cambios («[[events.changes]]» con «target»)")
        article_id = f"{norm.id}/{article}" if article else None
        event = Event(f"{norm.id}#{index}", norm.id, kind, date, article_id, tuple(changes))
        self.raw_events.append((where, event))

    # -- cross-file checks -----------------------------------------------------

    def check_references(self) -> None:
        for norm_id in self.norms:
            if self.norm_nodes[norm_id][0].parent is None:
                self.p.add(f"{NORMS_DIR}/{norm_id}.toml", "la norma no aparece en ninguna sección")
        for where, event in self.raw_events:
            self._check_event(where, event)
        for change, where in self.later_changes:
            for target in change.targets:
                if target != STRUCTURE_TARGET and target not in self.nodes:
                    hint = f"use un id del índice o «{STRUCTURE_TARGET}»"
                    self.p.add(where, f"destino desconocido «{target}» ({hint})")
        for office_id, office in self.offices.items():
            where = self.office_where[office_id]
            if office.parent and office.parent not in self.offices:
                self.p.add(where, f"dependencia superior desconocida «{office.parent}»")
            if office.created_by and not any(
                e.norm == office.created_by
                and e.kind is EventKind.CREATION
                and any(c.target == office_id for c in e.changes)
                for _, e in self.raw_events
            ):
                self.p.add(where, f"«{office.created_by}» no tiene un evento «creation» para ella")

    def _check_event(self, where: str, event: Event) -> None:
        if event.article and event.article not in self.nodes:
            self.p.add(where, f"el artículo «{event.article}» no existe")
        for change in event.changes:
            target = change.target
            if target not in self.nodes and target not in self.offices:
                self.p.add(where, f"destino desconocido «{target}»")
                continue
            if event.kind is EventKind.RENAMING and not (change.old_name and change.new_name):
                self.p.add(where, f"el cambio de denominación de «{target}» necesita «old_name» y «new_name»")
            if event.kind is EventKind.CREATION and target not in self.offices:
                self.p.add(where, f"«creation» aplica a dependencias, no a «{target}»")
            quote = self.quotes.get(event.article or "", "")
            node = self.nodes.get(target)
            inserted = " ".join(node.plain_text.split()) if node else ""  # its paragraphs as one line
            if event.kind is EventKind.INSERTION and inserted and quote and inserted not in quote:
                self.p.add(where, f"el texto de «{target}» no coincide con el que cita {event.article}")

    # -- result ----------------------------------------------------------------

    def corpus(self, version: str) -> Corpus:
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            if node.parent:
                counts[node.parent] = counts.get(node.parent, 0) + 1
        nodes = tuple(n._replace(child_count=counts.get(n.id, 0)) for n in self.nodes.values())
        issuance = [
            Event(f"{n.id}#0", n.id, EventKind.ISSUANCE, n.issued, None, (Change(n.id),))
            for n in self.norms.values()
        ]
        events = sorted(issuance + [e for _, e in self.raw_events], key=event_sort_key)
        return Corpus(
            nodes,
            tuple(self.norms.values()),
            tuple(events),
            tuple(self.offices.values()),
            version,
            tuple(change for change, _ in self.later_changes),
            self.edition,
        )


def event_sort_key(event: Event) -> tuple[int, int, int, str, int]:
    return (*event.date.key, event.norm, int(event.id.rsplit("#", 1)[1]))


def describe_target(corpus: Corpus) -> amendments.Describe:
    """A function naming any node or office inside a Spanish sentence."""
    nodes = {n.id: n for n in corpus.nodes}
    norms = {n.id: n for n in corpus.norms}
    offices = {o.id: o for o in corpus.offices}

    def describe(target: str) -> str:
        if target in offices:
            return amendments.with_article(offices[target].name)
        node = nodes[target]
        cited = citations.long_citation(node, nodes, norms)
        return citations.the(cited) if node.kind is NodeKind.NORM else f"el {cited}"

    return describe
