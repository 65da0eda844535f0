"""A citation as typed in a search: «Decreto 267/2007», «D. 267 de 2007», «art 7 lit n del
decreto 267», «literal n». ``content.citations`` gives these names too.

Loaded with the first search, not with the window's first page (#11 start-up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sgdesk.content.citations import norm_id
from sgdesk.content.text import fold

_CITED_NORM = re.compile(
    r"(?<![\w.])(acuerdo|decreto|resolucion|circular|directiva|ley|d\.|dto\.?)\s*"
    r"(?:n[o.º°]*\s*)?(\d{1,5})(?:\s*(?:de|del|/)\s*(\d{4}))?(?!\d)"
)
_CITED_ARTICLE = re.compile(r"(?<!\w)art(?:iculo|\.)?\s*(\d{1,4})(?!\d)")
_CITED_LITERAL = re.compile(r"(?<!\w)lit(?:eral|\.)?\s*([a-z])(?!\w)")
_ABBREVIATIONS = {"d.": "decreto", "dto": "decreto", "dto.": "decreto"}


@dataclass(frozen=True)
class Citation:
    """A unit cited the way officials write it; any part may be missing."""

    norm_type: str | None = None
    number: int | None = None
    year: int | None = None
    article: str | None = None
    literal: str | None = None

    @property
    def norm_id(self) -> str | None:
        """The norm's id when type, number and year are all known."""
        if self.norm_type and self.number is not None and self.year:
            return norm_id(self.norm_type, self.number, self.year)
        return None


def parse_citation(text: str) -> Citation | None:
    """ "Decreto 267/2007", "D. 267 de 2007", "art 7 lit n del decreto 267", "literal n"."""
    folded = fold(text)
    norm = _CITED_NORM.search(folded)
    article = _CITED_ARTICLE.search(folded)
    literal = _CITED_LITERAL.search(folded)
    if not (norm or article or literal):
        return None
    norm_type = number = year = None
    if norm:
        norm_type = _ABBREVIATIONS.get(norm.group(1), norm.group(1))
        number = int(norm.group(2))
        year = int(norm.group(3)) if norm.group(3) else None
    return Citation(norm_type, number, year, article.group(1) if article else None,
                    literal.group(1) if literal else None)  # fmt: skip
