"""Acronyms, short names and variants that search treats as the same thing («TIC», «SG»).

The table lives in the sources (``data/sources/sinonimos.toml``), not in code, so the content
team can extend it; ``sgdesk db build`` validates it and stores it in the database. Pure: no
Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from sgdesk.content.stemming import WORD
from sgdesk.content.text import fold

SYNONYMS_FILE = "sinonimos.toml"
MAX_FORM_WORDS = 12

# Words a form may drop and still be the same name («Tecnologías de la Información y las
# Comunicaciones» = «Tecnologías de Información y Comunicaciones»).
FILLERS = frozenset((
    "a", "al", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "para", "por", "u", "un",
    "una", "y",
))  # fmt: skip


def form_key(form: str) -> tuple[str, ...]:
    """The words that identify a form: folded, without filler words."""
    words = [fold(w) for w in WORD.findall(form.replace("_", " "))]
    return tuple(w for w in words if w not in FILLERS) or tuple(words)


@dataclass(frozen=True)
class SynonymEntry:
    """Forms that name the same thing; the first is the one shown («Secretaría General»)."""

    forms: tuple[str, ...]

    @property
    def keys(self) -> tuple[tuple[str, ...], ...]:
        return tuple(form_key(f) for f in self.forms)


@dataclass(frozen=True)
class SynonymTable:
    entries: tuple[SynonymEntry, ...] = ()

    @cached_property
    def forms(self) -> dict[tuple[str, ...], SynonymEntry]:
        """Every form's key, to the entry it belongs to."""
        return {key: entry for entry in self.entries for key in entry.keys}


def read_synonyms(data: dict[str, object], where: str, problem: Callable[[str, str], None]) -> SynonymTable:
    """The table in ``data`` (parsed TOML); each problem reported as ``problem(where, message)``."""
    for key in sorted(set(data) - {"synonyms"}):
        problem(where, f"campo desconocido «{key}»")
    raw = data.get("synonyms", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        problem(where, "«synonyms» debe ser una lista de tablas [[synonyms]]")
        return SynonymTable()
    entries: list[SynonymEntry] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, item in enumerate(raw, start=1):
        here = f"{where} › sinónimo {number}"
        forms = _forms(item, here, problem)
        if forms is None:
            continue
        for form in forms:
            words = form_key(form)
            if words in seen:
                other = "esta misma entrada" if seen[words] == number else f"el sinónimo {seen[words]}"
                problem(here, f"la forma «{form}» ya está en {other}")
            seen[words] = number
        entries.append(SynonymEntry(tuple(forms)))
    return SynonymTable(tuple(entries))


def _forms(item: dict[str, object], where: str, problem: Callable[[str, str], None]) -> list[str] | None:
    for key in sorted(set(item) - {"forms"}):
        problem(where, f"campo desconocido «{key}»")
    forms = item.get("forms")
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        problem(where, "«forms» debe ser una lista de textos")
        return None
    if len(forms) < 2:
        problem(where, "«forms» necesita al menos dos formas equivalentes")
        return None
    good = True
    for form in forms:
        if not form_key(form):
            problem(where, f"la forma «{form}» no tiene palabras")
            good = False
        elif len(form_key(form)) > MAX_FORM_WORDS:
            problem(where, f"la forma «{form}» tiene más de {MAX_FORM_WORDS} palabras")
            good = False
    return forms if good else None


def table_rows(table: SynonymTable) -> Iterable[tuple[int, int, str]]:
    """(entry, position, form) rows, for the database."""
    for number, entry in enumerate(table.entries):
        for position, form in enumerate(entry.forms):
            yield number, position, form


def table_from_rows(rows: Iterable[tuple[int, int, str]]) -> SynonymTable:
    grouped: dict[int, list[str]] = {}
    for number, _, form in sorted(rows):
        grouped.setdefault(number, []).append(form)
    return SynonymTable(tuple(SynonymEntry(tuple(forms)) for _, forms in sorted(grouped.items())))
