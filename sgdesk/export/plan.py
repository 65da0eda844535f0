"""What an export contains: sections in order, metadata, and a good file name. No Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sgdesk import __version__
from sgdesk.content.citations import ENTITY
from sgdesk.content.model import NodeKind
from sgdesk.content.text import fold
from sgdesk.export.common import format_day as format_day  # re-exported: pdf, timeline_view
from sgdesk.library import Library, Page

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
    content_version: str
    as_of_text: str
    exported_on: date
    paper: PaperSize = PaperSize.CARTA
    as_of: date | None = None  # the "Vigente a" date the pages show; None: today's text

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
    def source_line(self) -> str:
        """The closing citation block of every export."""
        return (f"Fuente: {ENTITY}, página «Información General»; {self.currency_text}; "
                f"versión de contenido {self.content_version}. "
                f"Exportado con {self.creator} el {format_day(self.exported_on)}.")  # fmt: skip

    @property
    def currency_text(self) -> str:
        """Which text the export holds: the one in force on a date, or today's."""
        if self.as_of is not None:
            return (f"texto vigente al {format_day(self.as_of)}, según los cambios registrados "
                    f"hasta {self.as_of_text}")  # fmt: skip
        return f"texto que incorpora los cambios registrados hasta {self.as_of_text}"

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
    pages = tuple(library.page(node_id, as_of) for node_id in export_ids(library, ids, include_children))
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
    pages = tuple(library.page(node_id, as_of) for node_id in ids)
    subject = "Compendio completo del corpus de sgdesk"
    return _plan(library, COMPENDIUM_TITLE, subject, pages, paper, today, as_of)


def _plan(library: Library, title: str, subject: str, pages: tuple[Page, ...], paper: PaperSize,
          today: date | None, as_of: date | None = None) -> ExportPlan:  # fmt: skip
    info = library.info
    keywords = ("Secretaría General", "Alcaldía Mayor de Bogotá", *dict.fromkeys(
        p.norm.title for p in pages if p.norm is not None))  # fmt: skip
    return ExportPlan(title, subject, tuple(keywords)[:20], pages, info.content_version,
                      info.as_of_text, today or date.today(), paper, as_of)  # fmt: skip
