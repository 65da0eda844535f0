"""What the organigrama and «Comparar fechas» print and export: one titled sheet. No Qt.

A sheet is a drawing (the organigrama, painted by the window's own view on a light palette)
and/or flowing text (the comparison), closed like every export by what the content vouches
for: a date after the corpus's horizon is never called «vigente».
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from sgdesk import __version__
from sgdesk.content.citations import ENTITY
from sgdesk.content.currency import Currency
from sgdesk.content.model import EVENT_KIND_LABELS, LaterChange
from sgdesk.content.timeline import ChangeRecord
from sgdesk.export.common import UNCERTAIN_CHANGE, change_text, format_day, later_item
from sgdesk.export.plan import PaperSize

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

COMPARISON_LATER_HEADING = "Cambios conocidos que este contenido no incorpora (no están en el texto)"


@dataclass(frozen=True)
class Drawing:
    """A picture that paints itself from (0, 0) at its natural size, in pixels."""

    width: int
    height: int
    paint: Callable[[QPainter], None]


@dataclass(frozen=True)
class Sheet:
    title: str
    subject: str
    currency: Currency
    exported_on: date
    html: str  # the text, after the drawing (escaped by the functions below)
    drawing: Drawing | None = None
    paper: PaperSize = PaperSize.CARTA
    keywords: tuple[str, ...] = ("Secretaría General", "Alcaldía Mayor de Bogotá")
    file_name: str = "sgdesk.pdf"  # what the save dialog proposes

    is_multi_section = False  # as ExportPlan: one section, no cover, no table of contents

    @property
    def author(self) -> str:
        return ENTITY

    @property
    def creator(self) -> str:
        return f"sgdesk {__version__}"

    @property
    def content_label(self) -> str:
        return self.currency.label


def _closing(what: str, currency: Currency, exported_on: date) -> str:
    """The closing lines: what the sheet vouches for, then the source."""
    label = currency.label[:1].lower() + currency.label[1:]
    source = (f"Fuente: {ENTITY}, página «Información General»; {label}. "
              f"Exportado con sgdesk {__version__} el {format_day(exported_on)}.")  # fmt: skip
    return (f'<p class="cite"><b>Vigencia del contenido</b></p><p class="currency">{escape(what)}</p>'
            f'<p class="cite"><b>{escape(source)}</b></p>')  # fmt: skip


def org_chart_sheet(title: str, caveat: str, day: date, currency: Currency, drawing: Drawing,
                    today: date | None = None) -> Sheet:  # fmt: skip
    """The organigrama on ``day``: ``title`` and ``caveat`` are the dialog's own (the drawing
    shows them); the closing says up to when the structure is vouched for."""
    exported_on = today or date.today()
    if currency.is_after(day):
        what = (f"Estructura con los cambios registrados hasta {currency.as_of_text}; no verificada "
                f"para el {format_day(day)}: puede haber cambios posteriores que este contenido "
                "no registra.")  # fmt: skip
    else:
        what = (f"Estructura vigente al {format_day(day)}, según los cambios registrados hasta "
                f"{currency.as_of_text}.")  # fmt: skip
    html = _closing(what, currency, exported_on)  # the caveat is drawn under the title
    return Sheet(title, f"Estructura organizacional de la Secretaría General: {title}", currency,
                 exported_on, html, drawing, file_name=f"Organigrama-{day.isoformat()}.pdf")  # fmt: skip


def comparison_title(first: date, second: date) -> str:
    low, high = sorted((first, second))
    return f"Cambios entre el {format_day(low)} y el {format_day(high)}"


def grouped_changes(records: Sequence[ChangeRecord]) -> list[tuple[ChangeRecord, list[str]]]:
    """The changes under the event that made them (in order), each event's repeated summaries once."""
    groups: list[tuple[ChangeRecord, list[str]]] = []
    for record in records:
        if not groups or groups[-1][0].event.id != record.event.id:
            groups.append((record, []))
        what = change_text(record)
        if not groups[-1][1] or groups[-1][1][-1] != what:
            groups[-1][1].append(what)
    return groups


def event_heading(record: ChangeRecord) -> str:
    """ "Decreto 502 de 2009 · 30 de diciembre de 2009 · Modificación" (and the doubt)."""
    event = record.event
    text = f"{event.norm_title} · {event.date.format_es()} · {EVENT_KIND_LABELS[event.kind]}"
    return text if record.certain else f"{text} — {UNCERTAIN_CHANGE}"


def comparison_summary(records: Sequence[ChangeRecord], later: Sequence[tuple[LaterChange, bool]],
                       first: date, second: date, currency: Currency | None) -> str:  # fmt: skip
    """The line over the list, as the dialog shows it."""
    low, high = sorted((first, second))
    count = {0: "Ningún cambio registrado", 1: "1 cambio registrado"}.get(
        len(records), f"{len(records)} cambios registrados"
    )
    text = f"{count} después del {format_day(low)} y hasta el {format_day(high)}."
    if currency is not None and currency.is_after(high):
        text += f" Este contenido incorpora los cambios hasta {currency.as_of_text}."
    if later:
        text += (f" {len(later)} cambio(s) posterior(es) conocido(s) en este intervalo se listan aparte, "
                 "al final: no están en el texto.")  # fmt: skip
    return text


def comparison_sheet(records: Sequence[ChangeRecord], later: Sequence[tuple[LaterChange, bool]],
                     first: date, second: date, currency: Currency,
                     today: date | None = None) -> Sheet:  # fmt: skip
    """«Comparar fechas» as text: the summary, each event with its changes, the later changes
    apart, and what the content vouches for."""
    exported_on = today or date.today()
    title = comparison_title(first, second)
    summary = comparison_summary(records, later, first, second, currency)
    parts = [f"<h1>{escape(title)}</h1>", f'<p class="asof">{escape(summary)}</p>']
    for record, changes in grouped_changes(records):
        css = ' class="status"' if not record.certain else ""
        items = "".join(f"<li>{escape(what)}</li>" for what in changes)
        parts.append(f"<h3{css}>{escape(event_heading(record))}</h3><ul>{items}</ul>")
    if later:
        items = "".join(f'<li class="later">{escape(later_item(c, certain))}</li>' for c, certain in later)
        parts.append(f"<h2>{escape(COMPARISON_LATER_HEADING)}</h2><ul>{items}</ul>")
    if currency.is_after(max(first, second)):
        what = (f"Cambios registrados hasta {currency.as_of_text}: no se puede afirmar que sean todos los "
                f"cambios hasta el {format_day(max(first, second))}.")  # fmt: skip
    else:
        what = (
            f"Cambios registrados en este contenido, que incorpora los cambios hasta {currency.as_of_text}."
        )
    parts.append(_closing(what, currency, exported_on))
    low, high = sorted((first, second))
    name = f"Cambios-{low.isoformat()}-a-{high.isoformat()}.pdf"
    return Sheet(title, f"Comparar fechas: {title}", currency, exported_on, "".join(parts), file_name=name)
