"""Identifiers and citations of norms and their units, as Colombian norms are cited."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sgdesk.content.model import Node, NodeKind, Norm
from sgdesk.lazy_names import lazy_names

# A citation typed in a search («art 7 lit n del decreto 267») is read by content.cited, loaded
# with the first search, not with the window's first page (#11 start-up); its names are given here.
if TYPE_CHECKING:
    from sgdesk.content.cited import Citation as Citation
    from sgdesk.content.cited import parse_citation as parse_citation

__getattr__ = lazy_names(__name__, dict.fromkeys(("Citation", "parse_citation"), "sgdesk.content.cited"))


ENTITY = "Secretaría General de la Alcaldía Mayor de Bogotá D.C."

NORM_TYPES = ("acuerdo", "decreto", "resolución", "circular", "directiva", "ley")

_MENTION = re.compile(
    r"\b(acuerdo|decreto|resoluci[oó]n|circular|directiva|ley)\s+(\d{1,5})\s*(?:de|/)\s*(\d{4})\b",
    re.IGNORECASE,
)
_NORM_ID = re.compile(r"^([a-zñ]+)-0*(\d+)-(\d{4})(/.*)?$")


_FEMININE_TYPES = ("resolución", "resolucion", "circular", "directiva", "ley")


def the(title: str) -> str:
    """A norm title with its article: "el Decreto 267 de 2007", "la Resolución 630 de 2024"."""
    return f"{'la' if title.split(' ', 1)[0].lower() in _FEMININE_TYPES else 'el'} {title}"


def of(title: str) -> str:
    """ "del Decreto 267 de 2007", "de la Resolución 630 de 2024"."""
    article = the(title)
    return f"del {title}" if article.startswith("el ") else f"de {article}"


def slug(text: str) -> str:
    return text.lower().replace("ó", "o").replace(" ", "-")


def norm_id(norm_type: str, number: str | int, year: int) -> str:
    """The citation id of a norm: ``decreto-59-2012`` for "Decreto 059 de 2012"."""
    return f"{slug(norm_type)}-{int(number)}-{year}"


def canonical_id(raw: str) -> str:
    """Normalise an id as typed: trimmed, lower-case, zero padding dropped."""
    text = raw.strip().strip("/").lower()
    match = _NORM_ID.match(text)
    if match:
        kind, number, year, rest = match.groups()
        text = f"{kind}-{int(number)}-{year}{rest or ''}"
    return text


def find_norm_mentions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, norm id)`` of every "Decreto 267 de 2007" written in ``text``."""
    return [
        (m.start(), m.end(), norm_id(m.group(1), m.group(2), int(m.group(3))))
        for m in _MENTION.finditer(text)
    ]


def article_short(number: str | None) -> str:
    return f"art. {number}" if number else "art. sin número registrado"


def short_citation(
    norm: Norm, article: str | None = None, literal: str | None = None, with_article: bool = False
) -> str:
    """ "Decreto 267 de 2007, art. 7, lit. n"."""
    parts = [norm.title]
    if with_article or article:
        parts.append(article_short(article))
    if literal:
        parts.append(f"lit. {literal}")
    return ", ".join(parts)


def section_citation(titles: list[str]) -> str:
    """ "Secretaría General …, Información General, Misión"."""
    return ", ".join([ENTITY, *titles])


def long_citation(node: Node, nodes: dict[str, Node], norms: dict[str, Norm]) -> str:
    """From the smallest unit up: "literal n del artículo 7 del Decreto 267 de 2007"."""
    if node.kind is NodeKind.LITERAL and node.parent:
        return f"literal {node.label.rstrip('.')} del {long_citation(nodes[node.parent], nodes, norms)}"
    if node.kind is NodeKind.ARTICLE and node.norm:
        number = article_number(node)
        norm_title = norms[node.norm].title
        if number:
            return f"artículo {number} {of(norm_title)}"
        heading = node.title.split(". ", 1)[-1]
        return f"artículo de número no registrado {of(norm_title)} («{heading}»)"
    if node.kind is NodeKind.NORM:
        return norms[node.id].title
    return node.title


def article_number(node: Node) -> str | None:
    """The number of an article node, from its id (``…/art-7``), if it has one."""
    return number_in_id(node.id.rsplit("/", 1)[-1])


def number_in_id(local_id: str) -> str | None:
    """The article number an id's last segment says (``art-7``, ``7``): what citations print."""
    number = local_id.removeprefix("art-")
    return number if number.isdigit() else None
