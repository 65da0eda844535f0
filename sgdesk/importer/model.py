"""What the importer recognised in a document: a draft norm for a person to review."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sgdesk.content.dates import PartialDate
from sgdesk.errors import SgdeskError


class ImportFileError(SgdeskError):
    """A file that cannot be imported; the message says why, in Spanish."""


class UnitKind(StrEnum):
    ARTICLE = "artículo"
    LITERAL = "literal"
    NUMERAL = "numeral"
    PARAGRAFO = "parágrafo"


class NoteKind(StrEnum):
    """SISJUR's notes: amendments (as in the corpus' event kinds) and plain references."""

    REPEAL = "repeal"
    MODIFICATION = "modification"
    INSERTION = "insertion"
    REPLACEMENT = "replacement"
    REFERENCE = "reference"


@dataclass
class Unit:
    """An article or a part of one. ``text`` holds its paragraphs (incisos) in order."""

    kind: UnitKind
    number: str | None  # "7", "1.1", "a", "1" (parágrafo 1), None when unnumbered
    label: str  # the marker as printed: "Artículo 7º.", "a)", "PARÁGRAFO 1°."
    title: str | None = None
    text: list[str] = field(default_factory=list)
    quote: list[str] = field(default_factory=list)  # lines quoted verbatim by an amending article
    children: list[Unit] = field(default_factory=list)
    line: int = 0  # where it starts in the extracted text (0-based paragraph index)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind.value,
            "number": self.number,
            "label": self.label,
            "title": self.title,
            "text": list(self.text),
            "children": [c.to_json() for c in self.children],
        }
        if self.quote:
            data["quote"] = list(self.quote)
        return data


@dataclass(frozen=True)
class Note:
    """A vigencia or «Ver …» note, with the norms it cites as citation ids."""

    kind: NoteKind
    text: str
    norms: tuple[str, ...]
    article: str | None  # the cited article as a citation id: "decreto-94-2006/art-29"
    under: str | None  # the imported norm's article the note sits under (None: the whole norm)

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "text": self.text, "norms": list(self.norms),
                "article": self.article, "under": self.under}  # fmt: skip


@dataclass(frozen=True)
class Division:
    """A TÍTULO, CAPÍTULO or SECCIÓN heading, placed before the article it opens."""

    kind: str  # "título", "capítulo", "sección"
    number: str
    title: str
    before_article: int  # index in ``ImportedNorm.articles``

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "number": self.number, "title": self.title,
                "before_article": self.before_article}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """Something a person must check, with the paragraph it is about (0-based, or None)."""

    message: str
    line: int | None = None


@dataclass
class ImportedNorm:
    type: str | None = None  # "decreto", "acuerdo", "resolución", …
    number: str | None = None  # as printed, zero padding kept
    year: int | None = None
    issuer: str | None = None
    issued: PartialDate | None = None
    in_force: PartialDate | None = None
    publication: str | None = None
    epigrafe: str | None = None
    authority: str | None = None
    preamble: list[str] = field(default_factory=list)  # facultades
    considerations: list[str] = field(default_factory=list)
    divisions: list[Division] = field(default_factory=list)
    articles: list[Unit] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # the extracted text, as read

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(Finding(message, line))

    @property
    def title(self) -> str:
        if self.type and self.number and self.year:
            return f"{self.type.capitalize()} {self.number} de {self.year}"
        return "Norma sin identificar"

    def to_json(self) -> dict[str, object]:
        """The structure documented in the README (``sgdesk import --json``)."""
        return {
            "type": self.type,
            "number": self.number,
            "year": self.year,
            "issuer": self.issuer,
            "issued": self.issued.iso() if self.issued else None,
            "issued_precision": self.issued.precision.value if self.issued else None,
            "in_force": self.in_force.iso() if self.in_force else None,
            "in_force_precision": self.in_force.precision.value if self.in_force else None,
            "publication": self.publication,
            "epigrafe": self.epigrafe,
            "authority": self.authority,
            "preamble": list(self.preamble),
            "considerations": list(self.considerations),
            "notes": [n.to_json() for n in self.notes],
            "divisions": [d.to_json() for d in self.divisions],
            "articles": [a.to_json() for a in self.articles],
            "closing": list(self.closing),
            "unrecognised": list(self.unrecognised),
            "warnings": [w.message for w in self.warnings],
        }
