"""What an export contains: sections in order, metadata, and a good file name. No Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sgdesk import __version__
from sgdesk.content.citations import ENTITY
from sgdesk.content.currency import Currency
from sgdesk.content.model import LaterChange, NodeKind
from sgdesk.content.text import fold
from sgdesk.export.common import Banner, date_line, horizon_banner, status_line
from sgdesk.export.common import format_day as format_day  # re-exported: pdf, timeline_view
from sgdesk.library import Library, Page

if TYPE_CHECKING:  # the notes (and the user database) load only when an export includes them
    from sgdesk.export.annotated import PageNotes

COMPENDIUM_TITLE = "Información General de la Secretaría General"


class PaperSize(StrEnum):
    CARTA = "carta"  # Letter: what Colombian offices print on
    A4 = "a4"


@dataclass(frozen=True)
class ExportPlan:
    title: str
    subject: str
    keywords: tuple[str, ...]
    pages: tuple[Page, ...]
    content_version: str  # the hash of the sources (kept in the file's metadata, not shown)
    currency: Currency
    exported_on: date
    paper: PaperSize = PaperSize.CARTA
    as_of: date | None = None  # the "Vigente a" date the pages show; None: today's text
    later: tuple[LaterChange, ...] = ()  # the later changes that concern the exported sections
    whole: bool = False  # the whole compendium
    notes: tuple[PageNotes, ...] = ()  # «Incluir mis notas»: one per page; () when not included

    @property
    def is_multi_section(self) -> bool:
        return len(self.pages) > 1

    @property
    def author(self) -> str:
        return ENTITY

    @property
    def creator(self) -> str:
        return f"sgdesk {__version__}"

    @property
    def day(self) -> date:
        """The day the text is for: the "Vigente a" date, or the day of the export."""
        return self.as_of or self.exported_on

    @property
    def as_of_text(self) -> str:
        return self.currency.as_of_text

    @property
    def date_line(self) -> str:
        """The cover's date, worded as the reading pane words it."""
        if self.as_of is not None and not self.currency.is_after(self.as_of):
            return self._status_line(self.as_of)
        return date_line(self.day, self.currency)

    def _status_line(self, day: date) -> str:
        """«Texto vigente al …» only when every exported unit was certainly in force that day."""
        own = None
        if len(self.pages) == 1:  # one page: its own node's status words the line
            own = next((u.status for u in self.pages[0].units if u.depth == 0), None)
        return status_line(day, [unit for page in self.pages for unit in page.units], own)

    @property
    def banner(self) -> Banner | None:
        """The caveat when the day is after the corpus's horizon."""
        return horizon_banner(self.currency, self.day)

    @property
    def content_label(self) -> str:
        """ "Contenido con cambios hasta 2012, edición 1": the content, for people."""
        return self.currency.label

    @property
    def source_line(self) -> str:
        """The last line of the closing block of every export."""
        return (f"Fuente: {ENTITY}, página «Información General»; {self.currency_text}; "
                f"{self.content_label[:1].lower()}{self.content_label[1:]}. "
                f"Exportado con {self.creator} el {format_day(self.exported_on)}.")  # fmt: skip

    @property
    def currency_text(self) -> str:
        """Which text the export holds: the one in force on a date, or the corpus's own."""
        if self.as_of is not None and not self.currency.is_after(self.as_of):
            line = self._status_line(self.as_of)
            return f"{line[:1].lower()}{line[1:]}, según los cambios registrados hasta {self.as_of_text}"
        return (f"texto con los cambios registrados hasta {self.as_of_text}, no verificado para "
                f"el {format_day(self.day)}")  # fmt: skip

    def file_name(self) -> str:
        """ "Decreto-267-de-2007.pdf": the title without accents or punctuation."""
        words = re.findall(r"[A-Za-z0-9]+", _ascii(self.title))
        return "-".join(words)[:80] + ".pdf" if words else "sgdesk.pdf"


def _ascii(text: str) -> str:
    """Accents dropped, case kept ("Misión" → "Mision")."""
    return "".join(c if c.isascii() else (fold(c).upper() if c.isupper() else fold(c)) for c in text)


def export_ids(library: Library, ids: list[str], include_children: bool) -> list[str]:
    """The ids to export, in tree order: each one and, if asked, the sections below it.

    Norm pages already hold their articles and literals, so those are never repeated.
    """
    ordered: list[str] = []
    for node_id in ids:
        node = library.node(node_id)
        for found in [node.id, *(_below(library, node.id) if include_children else [])]:
            if found not in ordered:
                ordered.append(found)
    return ordered


def _below(library: Library, node_id: str) -> list[str]:
    found: list[str] = []
    for child in library.children(node_id):
        if child.kind in (NodeKind.ARTICLE, NodeKind.LITERAL):
            continue  # printed inside their norm's page
        found += [child.id, *_below(library, child.id)]
    return found


def plan_export(library: Library, ids: list[str], include_children: bool = False,
                paper: PaperSize = PaperSize.CARTA, today: date | None = None,
                as_of: date | None = None) -> ExportPlan:  # fmt: skip
    """An export of ``ids`` (unknown ids raise UnknownNodeError before anything is written),
    with ``as_of`` the text in force that day (units not in force greyed and noted)."""
    ids = export_ids(library, ids, include_children)
    pages = tuple(library.page(node_id, as_of, today) for node_id in ids)
    if len(pages) == 1:
        title = pages[0].node.title
        subject = pages[0].node.citation
    else:
        title = f"{COMPENDIUM_TITLE}: selección de {len(pages)} secciones"
        subject = "; ".join(p.node.title for p in pages[:12]) + ("; …" if len(pages) > 12 else "")
    return _plan(library, title, subject, pages, paper, today, as_of)


def plan_compendium(library: Library, paper: PaperSize = PaperSize.CARTA,
                    today: date | None = None, as_of: date | None = None) -> ExportPlan:  # fmt: skip
    """Every section and norm of the corpus, in tree order."""
    # From the roots' children: the PDF has its own table of contents.
    tops = [child.id for root in library.children(None) for child in library.children(root.id)]
    ids = export_ids(library, tops, include_children=True)
    pages = tuple(library.page(node_id, as_of, today) for node_id in ids)
    subject = "Compendio completo del corpus de sgdesk"
    return replace(_plan(library, COMPENDIUM_TITLE, subject, pages, paper, today, as_of), whole=True)


def _plan(library: Library, title: str, subject: str, pages: tuple[Page, ...], paper: PaperSize,
          today: date | None, as_of: date | None = None) -> ExportPlan:  # fmt: skip
    info = library.info
    keywords = ("Secretaría General", "Alcaldía Mayor de Bogotá", *dict.fromkeys(
        p.norm.title for p in pages if p.norm is not None))  # fmt: skip
    return ExportPlan(title, subject, tuple(keywords)[:20], pages, info.content_version,
                      library.currency(), today or date.today(), paper, as_of,
                      tuple(library.later_for(pages)))  # fmt: skip
