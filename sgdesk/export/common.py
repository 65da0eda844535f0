"""What the HTML and plain-text renderers share: labels, metadata and unit lines."""

from __future__ import annotations

from datetime import date

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import EVENT_KIND_LABELS, LaterChange, Node, NodeKind, Norm
from sgdesk.content.timeline import UNCERTAIN_NOTE, ChangeRecord, Status
from sgdesk.library import Currency, Page, Unit

BREADCRUMB_SEPARATOR = " › "
UNCERTAIN_TEXT = UNCERTAIN_NOTE[0].upper() + UNCERTAIN_NOTE[1:]  # "Vigencia incierta: fecha …"
UNCERTAIN_CHANGE = "fecha exacta no registrada: pudo ser antes"


def format_day(day: date) -> str:
    """ "30 de junio de 2008"."""
    return PartialDate(day.year, day.month, day.day).format_es()


def as_of_line(page: Page) -> str | None:
    """The line under the heading of a page seen on a "Vigente a" date."""
    return f"Texto vigente al {format_day(page.as_of)}" if page.as_of else None


def status_note(unit: Unit, day: date | None) -> str | None:
    """What a unit not (certainly) in force on ``day`` says about it; the text itself stays."""
    if day is None or unit.status is Status.IN_FORCE:
        return None
    if unit.status is Status.NOT_IN_FORCE:
        return f"No vigente el {format_day(day)}"
    return UNCERTAIN_TEXT


def currency_statement(currency: Currency) -> str:
    text = f"Esta información incorpora los cambios registrados hasta {currency.as_of_text}."
    if currency.later:
        text += " Cambios posteriores conocidos que aún no se incorporan:"
    return text


def later_change_line(change: LaterChange) -> str:
    """ "Decreto 140 de 2021 (expedición: 14 de abril de 2021; …) — Modifica …"."""
    known = [
        f"expedición: {change.issued.format_compact()}" if change.issued else "",
        f"vigencia: {change.in_force.format_compact()}" if change.in_force else "",
        f"publicación: {change.publication}" if change.publication else "",
    ]
    details = "; ".join(k for k in known if k)
    return f"{change.norm}{f' ({details})' if details else ''} — {change.affects}"


def change_line(record: ChangeRecord) -> str:
    """One change between two dates: "Decreto 502 de 2009 (2009), Cambio de denominación: A → B"."""
    event = record.event
    what = f"{record.old} → {record.new}" if record.new else event.summary
    doubt = "" if record.certain else f" ({UNCERTAIN_CHANGE})"
    label = EVENT_KIND_LABELS[event.kind]
    return f"{event.norm_title} ({event.date.format_compact()}), {label}: {what}{doubt}"


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
