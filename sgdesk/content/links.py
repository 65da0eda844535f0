"""Deep links to a unit of the corpus: ``sgdesk://decreto-267-2007/art-7/lit-n?vigente=2008-06-30``.

A link may arrive from anywhere (an e-mail, a chat, a web page, another program): ``parse_link``
accepts only the form ``format_link`` writes and refuses everything else with a Spanish
``LinkError``, never another exception. Whether the unit exists in the content in use is the
caller's question (the library's); this module knows no corpus, no Qt and no SQL.

The grammar, deliberately narrow:
- ``sgdesk://`` (the scheme in any case), then the node id: segments of ASCII letters and digits
  joined by single hyphens (``decreto-267-2007``, ``art-7``, ``lit-n``), separated by ``/``; one
  trailing ``/`` is forgiven (some mail programs add it); letters are folded to lower case;
- optionally ``?vigente=AAAA-MM-DD``, a real calendar day between 1900 and 2100;
- nothing else: no percent-encoding (ids never need it; decoding would let ``%2F`` or ``%2E%2E``
  change the path), no ``..``, no empty segment, no fragment, no other parameter, no spaces,
  control or non-ASCII characters, and at most ``MAX_LINK_LENGTH`` characters.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from sgdesk.errors import SgdeskError

SCHEME = "sgdesk"
PREFIX = f"{SCHEME}://"
DATE_PARAMETER = "vigente"
MAX_LINK_LENGTH = 1000  # the longest id of a 1-million-unit corpus is under 80 characters
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)  # the «Vigente a» field's range
_SHOWN = 60  # how much of a bad link a message quotes

_SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class LinkError(SgdeskError):
    """A link sgdesk cannot open; ``message`` says why, in Spanish."""


class DeepLink(NamedTuple):
    """The unit a link names, and the «Vigente a» date it asks for (None: today's text).
    (A NamedTuple, not a frozen dataclass: this module loads before the window's first frame,
    and a dataclass compiles its methods then: #11 start-up.)"""

    node_id: str
    day: date | None = None

    def url(self) -> str:
        return format_link(self.node_id, self.day)


def format_link(node_id: str, day: date | None = None) -> str:
    """The link to ``node_id`` (at ``day``). ValueError for an id the grammar cannot carry."""
    if not _valid_id(node_id):
        raise ValueError(f"not a linkable node id: {node_id!r}")
    if day is not None and not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"date out of range: {day}")
    link = PREFIX + node_id
    return f"{link}?{DATE_PARAMETER}={day.isoformat()}" if day is not None else link


def is_link(text: str) -> bool:
    """Whether ``text`` is meant as an sgdesk link (it says so by its scheme), valid or not."""
    return text[: len(SCHEME) + 1].lower() == f"{SCHEME}:"


def parse_link(text: str) -> DeepLink:
    """The unit and date of a link, or LinkError (Spanish) for anything but a well-formed one."""
    if not isinstance(text, str):
        raise LinkError("El enlace no es texto.")
    text = text.strip(" \t\r\n")
    if len(text) > MAX_LINK_LENGTH:
        raise LinkError(
            f"El enlace es demasiado largo: uno de sgdesk tiene como máximo {MAX_LINK_LENGTH} caracteres."
        )
    if not text:
        raise LinkError("El enlace está vacío.")
    if not text.isascii() or not text.isprintable() or " " in text:
        raise LinkError(f"El enlace «{_shown(text)}» tiene espacios o caracteres que sgdesk no usa.")
    if text[: len(PREFIX)].lower() != PREFIX:
        raise LinkError(f"«{_shown(text)}» no es un enlace de sgdesk: estos empiezan por «{PREFIX}».")
    rest = text[len(PREFIX) :]
    if "%" in rest:
        raise LinkError(
            f"El enlace «{_shown(text)}» tiene caracteres codificados (%…): sgdesk no los usa en sus "
            "enlaces. Copie el enlace otra vez desde sgdesk."
        )
    if "#" in rest:
        raise LinkError(f"El enlace «{_shown(text)}» tiene una parte «#…» que sgdesk no usa.")
    path, _, query = rest.partition("?")
    node_id = _node_id(path, text)
    day = _day(query, text) if "?" in rest else None
    return DeepLink(node_id, day)


def _node_id(path: str, text: str) -> str:
    path = path.removesuffix("/").lower()
    if not path:
        raise LinkError(f"El enlace «{_shown(text)}» no dice qué sección abrir.")
    if not _valid_id(path):
        raise LinkError(
            f"El enlace «{_shown(text)}» no nombra una sección: después de «{PREFIX}» van "
            "partes de letras, números y guiones separadas por «/» (como "
            "«decreto-267-2007/art-7/lit-n»)."
        )
    return path


def _valid_id(node_id: str) -> bool:
    return all(_SEGMENT.fullmatch(segment) for segment in node_id.split("/"))


def _day(query: str, text: str) -> date:
    name, equals, value = query.partition("=")
    if name.lower() != DATE_PARAMETER or not equals or "&" in value or "=" in value:
        raise LinkError(
            f"El enlace «{_shown(text)}» trae datos que sgdesk no entiende después de «?»: solo "
            f"admite «?{DATE_PARAMETER}=AAAA-MM-DD»."
        )
    match = _DAY.fullmatch(value)
    day = None
    if match:
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError:
            day = None
    if day is None:
        raise LinkError(f"La fecha del enlace («{_shown(value)}») no es una fecha válida (AAAA-MM-DD).")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise LinkError(
            f"La fecha del enlace ({day.isoformat()}) está fuera del rango que sgdesk admite "
            f"({FIRST_DAY.year}–{LAST_DAY.year})."
        )
    return day


def _shown(text: str) -> str:
    """A bad link as a message quotes it: short, and only printable characters."""
    printable = "".join(char if char.isprintable() else "�" for char in text)
    return printable if len(printable) <= _SHOWN else printable[: _SHOWN - 1] + "…"
