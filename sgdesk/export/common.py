"""What the HTML and plain-text renderers share: labels, metadata and unit lines."""

from __future__ import annotations

from sgdesk.content.model import Node, NodeKind, Norm
from sgdesk.library import Page

BREADCRUMB_SEPARATOR = " › "


def metadata_rows(norm: Norm) -> list[tuple[str, str]]:
    """The norm's record, labelled in Spanish, saying what is not known."""
    in_force = norm.in_force.format_es() if norm.in_force else "no registrada"
    return [
        ("Tipo", norm.type.capitalize()),
        ("Número", norm.number),
        ("Año", str(norm.year)),
        ("Expedida por", norm.issuer),
        ("Fecha de expedición", norm.issued.format_es()),
        ("Entrada en vigencia", in_force),
        ("Epígrafe", norm.epigrafe),
    ]


def unit_lead(node: Node) -> str:
    """What precedes a unit's first paragraph: its printed label, or its title."""
    if node.label:
        return node.label
    return "" if node.kind is NodeKind.LITERAL else node.title


def show_norm_record(page: Page) -> bool:
    return page.norm is not None and page.node.kind is NodeKind.NORM


def citation_line(page: Page) -> str:
    return f"Cita: {page.node.citation}"
