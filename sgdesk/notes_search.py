"""The Búsqueda panel's search, with «Mis notas»: the user's notes and highlights that match the
query come first, marked as such (``Hit.note``), then the corpus's results.

Notes are searched in their own FTS5 index (the corpus's tokenizer and Spanish stems, the same
query syntax), on the first page only, at most NOTES_SHOWN of them, best first; «Solo mis
notas» leaves the corpus out. The corpus's filters (kind, norm type, years) do not apply to
notes. A note whose unit is gone from this version of the content is left out here (the «Mis
notas» dock lists it, «no disponible»).
"""

from __future__ import annotations

from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.highlight import Matcher
from sgdesk.content.query import SearchFilters, parse_query
from sgdesk.library import Hit, Library, NoteMark, SearchMode, SearchResults
from sgdesk.notes import MyNotes, display_name

NOTES_SHOWN = 20


def search_with_notes(
    library: Library, notes: MyNotes | None, text: str, filters: SearchFilters, limit: int, offset: int,
    mode: SearchMode,
) -> SearchResults:  # fmt: skip
    """``Library.search`` with the matching notes before the corpus's hits (first page only);
    with ``mode.only_notes``, the notes alone (``total``: how many)."""
    if mode.only_notes:
        found = note_hits(library, notes, text, mode.prefix_last) if offset == 0 else ()
        query = parse_query(text, prefix_last=mode.prefix_last)
        return SearchResults(query, found, len(found), False, offset, notes=len(found))
    results = library.search(text, filters, limit, offset, mode.prefix_last, mode.exact)
    return with_notes(library, notes, results, mode)


def with_notes(
    library: Library, notes: MyNotes | None, results: SearchResults, mode: SearchMode
) -> SearchResults:
    """The corpus's ``results`` with the matching notes first (first page only); ``results``
    itself when no note matches. The panel's thread shows ``results`` before asking this: the
    corpus's hits do not wait for the notes' index."""
    if results.offset or notes is None:
        return results
    # The notes of the text shown: the correction's, when the corpus ran it instead.
    found = note_hits(library, notes, results.query.text, mode.prefix_last)
    if not found:
        return results
    return SearchResults(
        results.query, (*found, *results.hits), results.total, results.total_capped, 0, results.sampled,
        results.suggestion, results.corrected_from, results.bounded, notes=len(found),
    )  # fmt: skip


def note_hits(library: Library, notes: MyNotes | None, text: str, prefix_last: bool) -> tuple[Hit, ...]:
    """The notes matching ``text`` as search hits on their units (best first, NOTES_SHOWN at
    most): the note's words make the snippet; a highlight's, its passage."""
    if notes is None:
        return ()
    found = notes.search(library, text, NOTES_SHOWN, prefix_last)
    if not found:
        return ()
    matcher = Matcher.for_query(parse_query(text, prefix_last=prefix_last))
    hits: list[Hit] = []
    nodes = library.headings([placed.node_id for placed in found])
    for placed in found:
        node = nodes.get(placed.node_id)
        if node is None:
            continue
        annotation = placed.annotation
        anchor = annotation.anchor
        quote = placed.current_text or (anchor.exact if anchor is not None else "")
        highlight = annotation.kind is AnnotationKind.HIGHLIGHT or not annotation.text.strip()
        path = (f"«{_short(quote)}»",) if quote else ("Sobre toda la disposición",)
        mark = NoteMark(annotation.id, placed.current_text, highlight, display_name(node))
        hits.append(Hit(node, path, 0.0, False, quote if highlight else annotation.text, matcher, mark))
    return tuple(hits)


def _short(quote: str, size: int = 160) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= size else quote[:size].rsplit(" ", 1)[0] + " …"
