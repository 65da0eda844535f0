"""The corpus as frozen values: nodes of the tree, norms, events and offices."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from sgdesk.content.dates import PartialDate
from sgdesk.lazy_names import lazy_names

# What only the timeline, the sources and the build use is in modules loaded when first used,
# not with the window's first page (#11 start-up): content.records (what an event changes, the
# offices) and content.events (events, the corpus as a whole). Their names are still given here.
if TYPE_CHECKING:
    from sgdesk.content.events import Corpus as Corpus
    from sgdesk.content.events import Event as Event
    from sgdesk.content.records import Change as Change
    from sgdesk.content.records import Office as Office

__getattr__ = lazy_names(
    __name__,
    dict.fromkeys(("Change", "Office"), "sgdesk.content.records")
    | dict.fromkeys(("Corpus", "Event"), "sgdesk.content.events"),
)


class NodeKind(StrEnum):
    SECTION = "section"
    NORM = "norm"
    ARTICLE = "article"
    LITERAL = "literal"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    QUOTE = "quote"  # lines quoted verbatim by an amending article
    NUMBERED = "numbered"
    BULLETED = "bulleted"
    LINK = "link"  # "Ver decreto 267 de 2007": text that opens another node


class EventKind(StrEnum):
    ISSUANCE = "issuance"  # expedición
    INSERTION = "insertion"  # adición
    MODIFICATION = "modification"  # modificación
    REPLACEMENT = "replacement"  # subrogación
    RENAMING = "renaming"  # cambio de denominación
    CREATION = "creation"  # creación de dependencia
    REPEAL = "repeal"  # derogación


EVENT_KIND_LABELS = {
    EventKind.ISSUANCE: "Expedición",
    EventKind.INSERTION: "Adición",
    EventKind.MODIFICATION: "Modificación",
    EventKind.REPLACEMENT: "Subrogación",
    EventKind.RENAMING: "Cambio de denominación",
    EventKind.CREATION: "Creación de dependencia",
    EventKind.REPEAL: "Derogación",
}


class Block(NamedTuple):
    """A piece of a node's own text. ``lines`` holds one string per paragraph or item."""

    kind: BlockKind
    lines: tuple[str, ...]
    target: str | None = None  # for LINK blocks

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": self.kind.value, "lines": list(self.lines)}
        if self.target:
            data["target"] = self.target
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Block:
        lines = data["lines"]
        assert isinstance(lines, list)
        target = data.get("target")
        return cls(
            BlockKind(str(data["kind"])), tuple(str(x) for x in lines), str(target) if target else None
        )


class Node(NamedTuple):
    """One entry of the navigation tree: a section, a norm, an article or a literal."""

    id: str
    parent: str | None
    position: int
    kind: NodeKind
    title: str
    citation: str  # short citation: "Decreto 267 de 2007, art. 7, lit. n"
    label: str = ""  # the unit's own marker as printed: "Artículo 7º.", "a."
    body: tuple[Block, ...] = ()
    norm: str | None = None  # the norm this unit belongs to
    child_count: int = 0
    preview: str = ""  # light nodes (tree rows, breadcrumbs) carry no body, only this

    @property
    def plain_text(self) -> str:
        """The node's own text, one paragraph or item per line."""
        return "\n".join(line for block in self.body for line in block.lines)


class Norm(NamedTuple):
    """A norm of the corpus (a decreto, an acuerdo…): how it is cited and when it took effect."""

    id: str
    type: str  # "acuerdo", "decreto", …
    number: str  # as printed, zero padding kept: "059"
    year: int
    issuer: str
    issued: PartialDate
    epigrafe: str  # verbatim, with its quotation marks
    in_force: PartialDate | None = None

    @property
    def title(self) -> str:
        return f"{self.type.capitalize()} {self.number} de {self.year}"

    @property
    def see_text(self) -> str:
        """The source's link text: "Ver decreto 267 de 2007"."""
        return f"Ver {self.type} {self.number} de {self.year}"


STRUCTURE_TARGET = "estructura"  # a later change's target: the organizational structure (the offices)


class LaterChange(NamedTuple):
    """A change known from public records that the corpus does not incorporate yet.

    ``targets`` names what it may have altered: node ids (a norm, an article: each covers the
    units below it; a section such as «mision») and ``STRUCTURE_TARGET`` for the structure of
    the entity. Its date is the day it came into force when known, else the day it was issued,
    each with its precision (a year alone, for some)."""

    id: str  # as norm ids are written: "decreto-140-2021"
    norm: str  # as cited: "Decreto 140 de 2021"
    affects: str
    issued: PartialDate
    in_force: PartialDate | None = None
    publication: str | None = None
    targets: tuple[str, ...] = ()

    @property
    def date(self) -> PartialDate:
        """From when the change may apply."""
        return self.in_force or self.issued

    def covers(self, node_id: str) -> bool:
        """Whether it may have altered ``node_id`` (a target itself, or a unit below one)."""
        return any(node_id == t or node_id.startswith(t + "/") for t in self.targets)

    def touches(self, node_id: str) -> bool:
        """Whether it concerns ``node_id`` or anything below or above it (for listing it)."""
        return self.covers(node_id) or any(t.startswith(node_id + "/") for t in self.targets)

    @property
    def changes_structure(self) -> bool:
        return STRUCTURE_TARGET in self.targets


class Amendment(NamedTuple):
    """A stored event with its Spanish summary, as the reading pane lists it."""

    id: str
    norm: str
    kind: EventKind
    date: PartialDate
    summary: str
    targets: tuple[str, ...]
