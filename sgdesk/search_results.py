"""What a search gives back: its hits (``Hit``, ``NoteMark``), the page of them
(``SearchResults``), how the text was read (``SearchMode``), and a text understood
(``_Reading``, the library's). Loaded with a Library's first search, not with the window's
first frame (#11 start-up: a frozen dataclass compiles its methods when its module loads);
``sgdesk.library`` still gives these names (and uses them as its own once loaded)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sgdesk.content.highlight import Matcher, Snippet
    from sgdesk.content.model import Node
    from sgdesk.content.query import Query, SearchFilters
    from sgdesk.store.search import SearchPlan


@dataclass(frozen=True)
class NoteMark:
    """A hit that is one of the user's notes or highlights («Mi nota»), not a unit's text."""

    annotation_id: str
    passage: str  # the annotated passage as the unit reads now, marked when opened ("": the whole unit)
    highlight: bool  # a highlight: no words of its own, its passage is what was found
    heading: str = ""  # how the unit is named in Mis notas («Decreto 267 de 2007, art. 7, lit. n»)


@dataclass(frozen=True)
class Hit:
    """One search result: the node, where it sits, a snippet with the matched words."""

    node: Node
    path: tuple[str, ...]
    score: float
    cited: bool  # named by a citation in the query ("decreto 267 de 2007")
    text: str = field(default="", repr=False)  # what the snippet is cut from
    matcher: Matcher | None = field(default=None, repr=False, compare=False)
    note: NoteMark | None = None  # one of Mis notas (the Búsqueda panel lists them first)

    @classmethod
    def of_corpus(cls, node: Node, path: tuple[str, ...], score: float, cited: bool, text: str,
                  matcher: Matcher) -> Hit:  # fmt: skip
        """``Hit(node, path, score, cited, text, matcher)`` in half the time: a search builds a
        page of these, and a frozen dataclass sets each field through ``object.__setattr__``."""
        hit = object.__new__(cls)
        hit.__dict__.update(node=node, path=path, score=score, cited=cited, text=text, matcher=matcher,
                            note=None)  # fmt: skip
        return hit

    @functools.cached_property
    def snippet(self) -> Snippet:
        """Cut when first asked for: a list shows a few rows of the page, and only those need one."""
        return self.matcher.cut(self.text) if self.matcher is not None else ()


@dataclass(frozen=True)
class SearchMode:
    """How to read the text: ``prefix_last`` while it is being typed; ``exact``: no automatic
    correction (the user asked to search exactly what was typed)."""

    prefix_last: bool = False
    exact: bool = False
    only_notes: bool = False  # «Solo mis notas» (callers that search Mis notas too; not Library)


@dataclass(frozen=True)
class SearchResults:
    """One page of a search's hits, with its count and what the search made of the text."""

    query: Query
    hits: tuple[Hit, ...]
    total: int
    total_capped: bool  # more than ``total`` matched; the count stopped there
    offset: int = 0
    sampled: bool = False  # so many matched that only the first 20 000 were ranked
    suggestion: str | None = None  # «¿Quiso decir…?»: the text with unknown words corrected
    corrected_from: str | None = None  # these are the suggestion's results: the text typed had none
    bounded: tuple[str, ...] = ()  # prefixes searched as their most frequent completions only
    notes: int = 0  # the first ``notes`` hits are Mis notas (``Hit.note``); ``total`` counts the corpus's

    @property
    def matcher(self) -> Matcher:
        from sgdesk.content.highlight import Matcher

        return Matcher.for_query(self.query)

    @classmethod
    def of_search(cls, query: Query, hits: tuple[Hit, ...], total: int, total_capped: bool, offset: int,
                  sampled: bool, bounded: tuple[str, ...]) -> SearchResults:  # fmt: skip
        """``SearchResults(query, hits, total, total_capped, offset, sampled, bounded=bounded)``
        without the frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field): every
        search builds one (see ``Hit.of_corpus``)."""
        results = object.__new__(cls)
        results.__dict__.update(query=query, hits=hits, total=total, total_capped=total_capped, offset=offset,
                                sampled=sampled, suggestion=None, corrected_from=None, bounded=bounded,
                                notes=0)  # fmt: skip
        return results


@dataclass(slots=True)
class _Reading:
    """A search text understood (see ``Library._reading``)."""

    query: Query
    matcher: Matcher  # shared by the hits of every search of the text (it only keeps answers)
    suggestion: str | None = None  # «¿Quiso decir…?», once ``checked``
    checked: bool = False
    plans: dict[SearchFilters, SearchPlan] = field(default_factory=dict)  # the store's, by filters
