"""What the HTML and plain-text renderers share: labels, metadata and unit lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from sgdesk.content.citations import the
from sgdesk.content.currency import Currency
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import EVENT_KIND_LABELS, LaterChange, Node, NodeKind, Norm
from sgdesk.content.timeline import UNCERTAIN_NOTE, Status
from sgdesk.library import Page, Unit

if TYPE_CHECKING:  # (the timeline loads when first built: #11 start-up)
    from sgdesk.content.timeline_events import ChangeRecord

BREADCRUMB_SEPARATOR = " › "
UNCERTAIN_TEXT = UNCERTAIN_NOTE[0].upper() + UNCERTAIN_NOTE[1:]  # "Vigencia incierta: fecha …"
UNCERTAIN_CHANGE = "fecha exacta no registrada: pudo ser antes"
NOT_ALL_IN_FORCE = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"
MAYBE_NOT_YET = "; puede no haber entrado aún en vigencia"  # a later change inside its uncertain date


def format_day(day: date) -> str:
    """ "30 de junio de 2008"."""
    return PartialDate(day.year, day.month, day.day).format_es()


def as_of_line(page: Page) -> str | None:
    """The line under the heading of a page seen on a "Vigente a" date. After the corpus's
    horizon the corpus cannot vouch for that day: the banner (``horizon_banner``) speaks."""
    if page.as_of is None or page.after_horizon:
        return None
    own = next((unit.status for unit in page.units if unit.depth == 0), None)
    return status_line(page.as_of, page.units, own)


def status_line(day: date, units: Sequence[Unit], own: Status | None = None) -> str:
    """How text seen on ``day`` (up to the horizon) is worded: «Texto vigente al …» only when
    every unit was certainly in force that day; otherwise what stands in the way (``own``: the
    status of the page's own node, when the units are one page's). Each unit has its own mark."""
    when = format_day(day)
    statuses = {unit.status for unit in units}
    if statuses <= {Status.IN_FORCE}:
        return f"Texto vigente al {when}"
    if own is Status.NOT_IN_FORCE:
        return f"Texto al {when}: no vigente en esa fecha"
    if own is Status.UNCERTAIN and Status.NOT_IN_FORCE not in statuses:
        return f"Texto al {when}: vigencia incierta en esa fecha"
    return f"Texto al {when}: {NOT_ALL_IN_FORCE}"


def date_line(day: date | None, currency: Currency | None) -> str:
    """The date of a view as the pane, the cover and the CLI word it: "Texto vigente al …"
    only up to the horizon; after it, what the text is and that it is not verified."""
    if day is not None and currency is not None and not currency.is_after(day):
        return f"Texto vigente al {format_day(day)}"
    horizon = currency.as_of_text if currency else "una fecha no registrada"
    when = f" para el {format_day(day)}" if day else ""
    return f"Texto con los cambios incorporados hasta {horizon}; no verificado{when}"


class Banner(NamedTuple):
    """What a view says first for a date after the horizon: a statement and the later changes."""

    statement: str
    changes: tuple[tuple[LaterChange, bool], ...]  # (change, certainly in force by then): in full
    others: tuple[LaterChange, ...] = ()  # known by then too, but not about this page: named only

    def others_line(self, details: str = "") -> str | None:
        """The later changes that do not touch the page, named; ``details`` says where to read more."""
        if not self.others:
            return None
        names = ", ".join(change.norm for change in self.others)
        more = f" ({details})" if details else ""
        return f"Otros cambios conocidos para esa fecha, que no tocan esta página: {names}{more}."


def horizon_banner(
    currency: Currency | None, day: date, concerning: frozenset[str] | None = None
) -> Banner | None:
    """The caveat for ``day`` when it is after the horizon (None up to the horizon). With
    ``concerning`` (the ids of the later changes that touch a page), the others are only named."""
    if currency is None or not currency.is_after(day):
        return None
    known = currency.known_by(day)
    shown = tuple((c, certain) for c, certain in known if concerning is None or c.id in concerning)
    others = tuple(c for c, _ in known if concerning is not None and c.id not in concerning)
    text = (f"Texto con los cambios incorporados hasta {currency.as_of_text}: no se puede afirmar "
            f"que sea el vigente el {format_day(day)}.")  # fmt: skip
    if shown and concerning is not None:
        text += " Cambios conocidos que afectan esta página y que este contenido no incluye:"
    elif shown:
        text += " Para esa fecha hay cambios conocidos que este contenido no incluye:"
    elif not others:
        text += " Puede haber cambios posteriores que este contenido no registra."
    return Banner(text, shown, others)


def page_banner(page: Page) -> Banner | None:
    day = page.as_of or page.seen_on
    return horizon_banner(page.currency, day, page.later_ids) if day is not None else None


def later_date_text(change: LaterChange) -> str:
    """From when a later change applies: "desde el 12 de noviembre de 2015", "2016 (…)"."""
    when = change.date
    if when.day is not None:
        return f"desde el {when.format_es()}"
    return f"{when.format_compact()}, fecha exacta no registrada"


def later_item(change: LaterChange, certain: bool = True) -> str:
    """One later change in a banner: "Decreto 456 de 2015 (desde el …) — Modifica …"."""
    doubt = "" if certain else MAYBE_NOT_YET
    return f"{change.norm} ({later_date_text(change)}{doubt}) — {change.affects}"


def status_note(unit: Unit, day: date | None) -> str | None:
    """What a unit not (certainly) in force on ``day`` says about it; the text itself stays."""
    if day is None or unit.status is Status.IN_FORCE:
        return None
    if unit.status is Status.NOT_IN_FORCE:
        return f"No vigente el {format_day(day)}"
    names = " y ".join(f"{the(c.norm)} ({later_date_text(c)})" for c in unit.by)
    if unit.status is Status.POSSIBLY_MODIFIED:
        return f"Posiblemente modificada por {names}: cambio conocido que este contenido no incorpora"
    if unit.by:
        return f"{UNCERTAIN_TEXT}; pudo modificarla {names}, cambio que este contenido no incorpora"
    return UNCERTAIN_TEXT


def currency_statement(currency: Currency) -> str:
    text = f"Esta información incorpora los cambios registrados hasta {currency.as_of_text}."
    if currency.later:
        text += " Cambios posteriores conocidos que aún no se incorporan:"
    return text


def later_change_line(change: LaterChange) -> str:
    """ "Decreto 140 de 2021 (expedición: 14 de abril de 2021; …) — Modifica …"."""
    known = [
        f"expedición: {change.issued.format_compact()}",
        f"vigencia: {change.in_force.format_compact()}" if change.in_force else "",
        f"publicación: {change.publication}" if change.publication else "",
    ]
    details = "; ".join(k for k in known if k)
    return f"{change.norm} ({details}) — {change.affects}"


def change_text(record: ChangeRecord) -> str:
    """What one change did, for people: "A → B", or the event's summary ("Crea la Oficina …")."""
    return f"{record.old} → {record.new}" if record.new else record.event.summary


def change_line(record: ChangeRecord) -> str:
    """One change between two dates: "Decreto 502 de 2009 (2009), Cambio de denominación: A → B"."""
    event = record.event
    what = change_text(record)
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


def org_chart_title(day: date, currency: Currency | None) -> str:
    """ "Organigrama al 30 de junio de 2019" only up to the horizon."""
    if currency is None or not currency.is_after(day):
        return f"Organigrama al {format_day(day)}"
    return (f"Organigrama con los cambios incorporados hasta {currency.as_of_text} "
            f"(consulta para el {format_day(day)})")  # fmt: skip


def structure_caveat(
    currency: Currency | None, changes: list[tuple[LaterChange, bool]], day: date
) -> str | None:
    """What the organigrama says under its title when the structure may have changed by ``day``."""
    if changes:
        names = " y ".join(f"{the(c.norm)} ({later_date_text(c)}{'' if certain else MAYBE_NOT_YET})"
                           for c, certain in changes)  # fmt: skip
        verb = "modifican" if len(changes) > 1 else "modifica"
        return (f"Atención: {names} {verb} la estructura organizacional; "
                "este organigrama no incorpora esos cambios.")  # fmt: skip
    if currency is not None and currency.is_after(day):
        return (f"Atención: este organigrama incorpora los cambios registrados hasta {currency.as_of_text}; "
                "puede haber cambios posteriores que no registra.")  # fmt: skip
    return None
