"""The Spanish sentences that describe an amendment (the timeline's list and the notes under a
unit), from made-up events: articles, renamings with and without the old name, several changes."""

from __future__ import annotations

import pytest

from sgdesk.content.amendments import event_summary, provenance_note, source_of, with_article
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, Event, EventKind

DAY = PartialDate(2009, 5, 4)
NAMES = {"d/art-1": "el artículo 1 del Decreto 10 de 2000", "d/art-2": "el artículo 2 del Decreto 10 de 2000",
         "of/x": "la Oficina de Archivo"}  # fmt: skip


def _event(kind: EventKind, *changes: Change) -> Event:
    return Event("decreto-5-2009#1", "decreto-5-2009", kind, DAY, "art-3", changes)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Oficina Asesora de Prensa", "la Oficina Asesora de Prensa"),
        ("Dirección de Talento Humano", "la Dirección de Talento Humano"),
        ("Subdirección Financiera", "la Subdirección Financiera"),
        ("Secretaría", "la Secretaría"),
        ("Despacho del Secretario", "el Despacho del Secretario"),
        ("Archivo Oficina", "el Archivo Oficina"),  # the first word decides
    ],
)
def test_an_office_gets_its_article(name: str, expected: str) -> None:
    assert with_article(name) == expected


def test_issuance_names_the_norm() -> None:
    assert event_summary(_event(EventKind.ISSUANCE), "Resolución 7 de 2009", NAMES.get) == (
        "Expide la Resolución 7 de 2009"
    )


def test_several_changes_are_listed_in_one_sentence() -> None:
    event = _event(EventKind.MODIFICATION, Change("d/art-1"), Change("d/art-2"))
    assert event_summary(event, "Decreto 5 de 2009", NAMES.get) == (
        "Modifica el artículo 1 del Decreto 10 de 2000; el artículo 2 del Decreto 10 de 2000"
    )


def test_a_renaming_says_from_what_to_what() -> None:
    named = _event(
        EventKind.RENAMING, Change("of/x", "Dirección de Archivo", "Oficina de Gestión Documental")
    )
    assert event_summary(named, "Decreto 5 de 2009", NAMES.get) == (
        "Cambia la denominación de la Dirección de Archivo por «Oficina de Gestión Documental»"
    )
    unnamed = _event(EventKind.RENAMING, Change("of/x", None, "Oficina de Gestión Documental"))
    assert event_summary(unnamed, "Decreto 5 de 2009", NAMES.get) == (
        "Cambia la denominación de la Oficina de Archivo por «Oficina de Gestión Documental»"
    )
    without_new = _event(EventKind.RENAMING, Change("of/x", "Dirección de Archivo", None))
    assert event_summary(without_new, "Decreto 5 de 2009", NAMES.get) == (
        "Cambia la denominación de la Oficina de Archivo"
    )


def test_a_new_name_outside_a_renaming_is_not_told() -> None:
    event = _event(EventKind.MODIFICATION, Change("of/x", "Dirección de Archivo", "Oficina Nueva"))
    assert event_summary(event, "Decreto 5 de 2009", NAMES.get) == "Modifica la Oficina de Archivo"


def test_the_note_under_a_unit_names_its_source() -> None:
    event = _event(EventKind.INSERTION, Change("d/art-1"))
    assert provenance_note(event, source_of(event, "Decreto 5 de 2009", "3")) == (
        "Adicionado por el artículo 3 del Decreto 5 de 2009"
    )
    assert provenance_note(event, source_of(event, "Resolución 7 de 2009", None)) == (
        "Adicionado por la Resolución 7 de 2009"
    )
