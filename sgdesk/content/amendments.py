"""Spanish sentences that describe amendment events, from both ends."""

from __future__ import annotations

from collections.abc import Callable

from sgdesk.content.citations import of, the
from sgdesk.content.model import Change, Event, EventKind

# target id -> how to name it inside a sentence ("el literal n del artículo 7 del …")
Describe = Callable[[str], str]

_VERBS = {
    EventKind.ISSUANCE: "Expide",
    EventKind.INSERTION: "Adiciona",
    EventKind.MODIFICATION: "Modifica",
    EventKind.REPLACEMENT: "Subroga",
    EventKind.RENAMING: "Cambia la denominación de",
    EventKind.CREATION: "Crea",
    EventKind.REPEAL: "Deroga",
}

_PARTICIPLES = {
    EventKind.ISSUANCE: "Expedido por",
    EventKind.INSERTION: "Adicionado por",
    EventKind.MODIFICATION: "Modificado por",
    EventKind.REPLACEMENT: "Subrogado por",
    EventKind.RENAMING: "Denominación modificada por",
    EventKind.CREATION: "Creada por",
    EventKind.REPEAL: "Derogado por",
}


def with_article(name: str) -> str:
    """Prefix an office name or unit with its Spanish definite article."""
    feminine = name.split(" ", 1)[0] in {"Oficina", "Dirección", "Subdirección", "Secretaría"}
    return f"{'la' if feminine else 'el'} {name}"


def _change_phrase(event: Event, change: Change, describe: Describe) -> str:
    target = describe(change.target)
    if event.kind is EventKind.RENAMING and change.new_name:
        old = with_article(change.old_name) if change.old_name else target
        return f"{old} por «{change.new_name}»"
    return target


def event_summary(event: Event, norm_title: str, describe: Describe) -> str:
    """ "Adiciona el literal n del artículo 7 del Decreto 267 de 2007"."""
    if event.kind is EventKind.ISSUANCE:
        return f"Expide {the(norm_title)}"
    verb = _VERBS[event.kind]
    phrases = [_change_phrase(event, c, describe) for c in event.changes]
    if event.kind is EventKind.RENAMING:
        verb = verb.removesuffix(" de")
        phrases = [f"de {p}" for p in phrases]
    return f"{verb} {'; '.join(phrases)}"


def source_of(event: Event, norm_title: str, article_number: str | None) -> str:
    """ "el artículo 2 del Decreto 163 de 2008", or the norm alone."""
    if article_number:
        return f"el artículo {article_number} {of(norm_title)}"
    return the(norm_title)


def provenance_note(event: Event, source: str) -> str:
    """The note shown under the affected unit: "Adicionado por el artículo 2 del …"."""
    return f"{_PARTICIPLES[event.kind]} {source}"
