"""The one facade the UI and the CLI talk to. Returns domain values; hides SQL."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace  # (search results: search_results.py's dataclasses)
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sgdesk.content.citations import canonical_id
from sgdesk.content.currency import Currency
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Amendment, LaterChange, Node, NodeKind, Norm
from sgdesk.content.timeline import InForce, Status, UnitState, note_on, with_later
from sgdesk.errors import UnknownNodeError
from sgdesk.store.corpus import CorpusStore
from sgdesk.store.db import open_readonly

# The search's modules load with the first search (or the first name asked for below), not with
# the window's first frame (#11 start-up: ≈ 20 dataclasses and their modules).
if TYPE_CHECKING:
    from sgdesk.content.highlight import Matcher
    from sgdesk.content.query import Query, SearchFilters
    from sgdesk.content.spelling import Vocabulary
    from sgdesk.content.synonyms import SynonymTable
    from sgdesk.content.timeline_events import Timeline  # (built when first asked for)

    # (the search's results: search_results.py, loaded with the first search; see _bind_result_types)
    from sgdesk.search_results import Hit as Hit
    from sgdesk.search_results import NoteMark as NoteMark
    from sgdesk.search_results import SearchMode as SearchMode
    from sgdesk.search_results import SearchResults as SearchResults
    from sgdesk.search_results import _Reading
    from sgdesk.store.search import SearchStore
    from sgdesk.store.vocab import MAX_COMPLETIONS as MAX_COMPLETIONS  # shown by the UI and the CLI


_RESULT_TYPES = frozenset({"Hit", "NoteMark", "SearchMode", "SearchResults", "_Reading"})


def __getattr__(name: str) -> object:
    if name == "MAX_COMPLETIONS":
        from sgdesk.store.vocab import MAX_COMPLETIONS

        return MAX_COMPLETIONS
    if name in _RESULT_TYPES:
        _bind_result_types()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _bind_result_types() -> None:
    """The search's result types (search_results.py) become this module's own names: the
    search path below names them as globals, and runs only after ``Library._kit`` (whose
    ``_Kit`` calls this) or a lookup through ``__getattr__`` loaded them."""
    global Hit, NoteMark, SearchMode, SearchResults, _Reading
    from sgdesk.search_results import Hit, NoteMark, SearchMode, SearchResults, _Reading


class ContentInfo(NamedTuple):
    """What the corpus says of itself: its file, schema, content version, horizon and edition."""

    path: Path
    schema_version: int
    content_version: str
    as_of: str  # ISO date (possibly partial) of the latest change the corpus incorporates
    edition: int = 1

    @property
    def horizon(self) -> PartialDate | None:
        """The date of the latest change the corpus incorporates (None: none recorded)."""
        try:
            return PartialDate.parse(self.as_of)
        except ValueError:
            return None

    @property
    def as_of_text(self) -> str:
        """Up to when the corpus incorporates changes, as precisely as known, in Spanish."""
        return self.horizon.format_compact() if self.horizon else "sin fecha registrada"


class Unit(NamedTuple):
    """A node as shown on a page, with its provenance notes and its depth below the page."""

    node: Node
    depth: int
    notes: tuple[str, ...]
    status: Status = Status.IN_FORCE  # on the page's date (its "Vigente a" date, or today)
    by: tuple[LaterChange, ...] = ()  # the later changes, not incorporated, that may have altered it


class Page(NamedTuple):
    """Everything needed to render one node: itself, where it sits, what changed it."""

    node: Node
    breadcrumb: tuple[Node, ...]
    norm: Norm | None  # the norm the node is or belongs to
    units: tuple[Unit, ...]  # the node itself (depth 0) and, for norms and articles, its parts
    children: tuple[Node, ...]  # the sections below, listed as a table of contents
    amendments: tuple[Amendment, ...]  # what this norm changes elsewhere
    known_norms: frozenset[str]  # ids that mentions in the text may link to
    as_of: date | None = None  # the "Vigente a" date the statuses are for; None: today's text
    heading: str = ""  # shown instead of the node's title (compiled pages)
    compiled: bool = False  # only the parts in force on ``as_of``, each with its provenance
    currency: Currency | None = None  # how current the corpus is (the banner, the closing block)
    seen_on: date | None = None  # the day the page is for: ``as_of``, or today
    later_ids: frozenset[str] | None = None  # the later changes that concern this page

    @property
    def title(self) -> str:
        return self.heading or self.node.title

    @property
    def after_horizon(self) -> bool:
        """Whether the page's day is after the corpus's horizon: it must say so first."""
        day = self.as_of or self.seen_on
        return self.currency is not None and day is not None and self.currency.is_after(day)


# The compiled "Funciones de la Secretaría General": art. 7 of Decreto 267 de 2007 as in force.
FUNCTIONS_ARTICLE = "decreto-267-2007/art-7"
FUNCTIONS_TITLE = "Funciones de la Secretaría General"
OFFICE_PREFIX = "dependencia/"  # event targets that are offices, not units of the tree


_PATHS_KEPT = 50_000  # breadcrumbs kept per Library (a few MB at most); then read afresh
_HITS_KEPT = 2_000  # hit nodes with their text kept per Library (≈ 2 MB at most); then read afresh
_READINGS_KEPT = 512  # texts kept understood per Library (see _reading); then understood afresh
_PLANS_KEPT = 8  # sets of filters kept per text (see _search)


_new = object.__new__


class _Kit:
    """The search's functions, imported at a Library's first search (not with the window's first
    frame, see above) and kept: an import statement run at every search costs more than
    reading the words of a short text (``from … import`` checks the module each time)."""

    __slots__ = ("filters", "interrupted", "matcher", "max_text", "parse", "plan", "stem", "stopped")

    def __init__(self) -> None:
        from sgdesk.content.highlight import Matcher
        from sgdesk.content.query import MAX_TEXT, SearchFilters, parse_query
        from sgdesk.content.stemming import stem
        from sgdesk.store.search import INTERRUPTED, SearchPlan, stopped

        self.filters = SearchFilters
        self.interrupted = INTERRUPTED  # what a query a newer search stopped raises …
        self.stopped = stopped  # … and the SearchError it becomes
        self.matcher = Matcher.for_query
        self.max_text = MAX_TEXT
        self.parse = parse_query
        self.plan = SearchPlan
        self.stem = stem
        _bind_result_types()


class Library:
    """Read access to one corpus database."""

    def __init__(self, store: CorpusStore, path: Path) -> None:
        self._store = store
        meta = store.meta()
        self.info = ContentInfo(path, meta.schema_version, meta.content_version, meta.as_of, meta.edition)
        self._currency: Currency | None = None
        self._office_norms: frozenset[str] | None = None
        self._norm_ids = store.norm_ids()
        self._synonyms: SynonymTable | None = None  # read at the first search
        self._paths: dict[str, tuple[str, ...]] = {}  # breadcrumbs by parent id (see _breadcrumbs)
        self._hit_nodes: dict[int, tuple[Node, tuple[str, ...], str]] = {}  # by pk (see _hit_parts)
        self._readings: dict[tuple[str, bool], _Reading] = {}  # see _reading
        self._vocabulary: Vocabulary | None = None  # «¿Quiso decir…?» (see _suggestion)
        self._timeline: Timeline | None = None
        self._in_force: InForce | None = None  # until the timeline is built (see _statuses_from)
        self._has_repeals: bool | None = None

    @functools.cached_property
    def _searcher(self) -> SearchStore:
        from sgdesk.store.search import SearchStore

        return SearchStore(self._store.connection)

    @functools.cached_property
    def _kit(self) -> _Kit:
        return _Kit()

    @classmethod
    def open(cls, path: Path) -> Library:
        """Open ``path`` read-only; raises DatabaseError with a Spanish message."""
        return cls(CorpusStore(open_readonly(path), path), path)

    def close(self) -> None:
        self._store.close()

    def interrupt(self) -> None:
        """Stop a search running on another thread (it ends with a SearchError)."""
        self._store.connection.interrupt()

    def on_progress(self, handler: Callable[[], int] | None, every: int = 1000) -> None:
        """Call ``handler`` every ``every`` SQLite steps of a query (a non-zero answer stops
        it); None removes it. Called on the thread that uses this library."""
        self._store.connection.set_progress_handler(handler, every)

    def children(self, node_id: str | None) -> list[Node]:
        """The children of ``node_id``, or the roots for ``None``."""
        return self._store.children(node_id)

    def node(self, node_id: str) -> Node:
        """The node with ``node_id`` (zero padding and case forgiven), or UnknownNodeError."""
        node = self.find(node_id)
        if node is None:
            raise UnknownNodeError(node_id, self.closest_ids(node_id))
        return node

    def find(self, node_id: str) -> Node | None:
        """The node, or None (without the suggestions an error would compute: cheap)."""
        return self._store.node(node_id) or self._store.node(canonical_id(node_id))

    def headings(self, node_ids: Sequence[str]) -> dict[str, Node]:
        """Light nodes (title, kind, place; no text) by exact id, in one read; unknown ids are
        left out (a search listing what notes point at)."""
        return self._store.light_nodes(list(dict.fromkeys(node_ids)))

    def path_to(self, node_id: str) -> list[Node]:
        """The root-first chain of nodes ending with ``node_id`` itself."""
        node = self.node(node_id)
        return [*self._store.ancestors(node.id), node]

    def closest_ids(self, node_id: str, count: int = 5) -> list[str]:
        import difflib  # only on the error path

        wanted = canonical_id(node_id)
        candidates = self._store.similar_ids(wanted)
        return difflib.get_close_matches(wanted, candidates, n=count, cutoff=0.5)

    def norm(self, norm_id: str) -> Norm | None:
        return self._store.norm(norm_id)

    def held_filters(self) -> tuple[frozenset[str], frozenset[str]]:
        """The search filters' values this corpus holds (kinds of content, norm types): a filter
        offering what the corpus lacks can only find nothing."""
        return self._store.held_filters()

    def page(self, node_id: str, as_of: date | None = None, today: date | None = None) -> Page:
        """The node with its parts, each with its status on ``as_of``; without ``as_of`` (today's
        text), their status as of ``today``: a repeal the corpus records greys a unit, and later
        changes not incorporated mark what they may have altered."""
        node = self.node(node_id)
        breadcrumb = tuple(self._store.ancestors(node.id))
        norm = self._store.norm(node.norm) if node.norm else None
        parts: list[tuple[int, Node]] = [(0, node)]
        if node.kind in (NodeKind.NORM, NodeKind.ARTICLE):
            parts += self._store.descendants(node.id)
        notes = self._store.notes_for(n.id for _, n in parts)
        day = as_of or today or date.today()
        states = self.states((n for _, n in parts), as_of) if as_of else self.today_states(
            (n for _, n in parts), day)  # fmt: skip
        units = tuple(
            Unit(n, depth, _notes_on(notes.get(n.id, []), as_of), state.status, state.by)
            for depth, n in parts
            for state in [states.get(n.id, UnitState(Status.IN_FORCE))]
        )
        children = tuple(self._store.children(node.id)) if node.kind is NodeKind.SECTION else ()
        amendments = tuple(self._store.amendments_by(node.id)) if node.kind is NodeKind.NORM else ()
        page = Page(node, breadcrumb, norm, units, children, amendments, self._norm_ids, as_of,
                    currency=self.currency(), seen_on=day)  # fmt: skip
        return page._replace(later_ids=frozenset(c.id for c in self.later_for([page])))

    def search(self, text: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0,
               prefix_last: bool = False, exact: bool = False) -> SearchResults:  # fmt: skip
        """Search ``text`` (any text; invalid SQL is impossible, SQLite errors become
        SearchError with a Spanish message). Cited units come first.

        ``prefix_last``: the text is being typed; its last word is also a prefix. Words the index
        does not have get a suggestion; when the text finds nothing, the suggestion's results
        come back instead (``corrected_from``), unless ``exact``."""
        kit = self._kit
        filters = filters or kit.filters()
        try:
            reading = self._reading(text, prefix_last)
            query = reading.query
            if query.is_empty:
                return SearchResults(query, (), 0, False, offset)
            results = self._search(reading, filters, limit, offset)
            # A word the index lacks is a typo to point out, even when other words found rows.
            suggestion = self._suggested(reading, results) if offset == 0 else None
            if suggestion is None:
                return results
            if results.total == 0 and not exact:
                corrected = self._reading(suggestion, prefix_last)
                found = self._search(corrected, filters, limit, 0)
                if found.total:
                    return replace(found, suggestion=suggestion, corrected_from=text)
            return replace(results, suggestion=suggestion)
        except kit.interrupted as exc:  # a newer search stopped this one
            raise kit.stopped(exc) from exc

    def _reading(self, text: str, prefix_last: bool) -> _Reading:
        """``text`` understood: its query, its matcher, (see _suggested) its suggestion and the
        store's plans, kept per text. They depend only on the text, the filters and this corpus
        (which never changes under us); paging, a filter changed, a search repeated and the
        corrected search read the same text again."""
        kit = self._kit
        key = (text[: kit.max_text], prefix_last)  # the parser reads no further
        reading = self._readings.get(key)
        if reading is None:
            query = kit.parse(text, self._synonyms or self._synonym_table(), prefix_last)
            reading = _Reading(query, kit.matcher(query))
            if len(self._readings) >= _READINGS_KEPT:
                self._readings.clear()
            self._readings[key] = reading
        return reading

    def _suggested(self, reading: _Reading, results: SearchResults) -> str | None:
        """The reading's «¿Quiso decir…?», looked up once (first pages only ask for it).
        Not looked up when ``results`` (of this reading) prove every word known: see _all_known."""
        if not reading.checked:
            if not _all_known(reading.query, results):
                reading.suggestion = self._suggestion(reading.query)
            reading.checked = True
        return reading.suggestion

    def _synonym_table(self) -> SynonymTable:
        if self._synonyms is None:
            self._synonyms = self._searcher.vocab.synonyms()
        return self._synonyms

    def fts_statements(self, text: str, filters: SearchFilters | None = None, limit: int = 20,
                       prefix_last: bool = False) -> list[tuple[str, str]]:  # fmt: skip
        """The ranked FTS5 statements a search of ``text`` runs, for benchmarks to time alone."""
        from sgdesk.content.query import SearchFilters, parse_query

        query = parse_query(text, self._synonym_table(), prefix_last)
        return self._searcher.statements(query, filters or SearchFilters(), limit)

    def _suggestion(self, query: Query) -> str | None:
        """The query's text with each word the index lacks replaced by the closest it has
        (only in groups where no alternative is known: «co-responsabilidad» also looks for
        «corresponsabilidad», which is no typo)."""
        stem = self._kit.stem
        vocab = self._searcher.vocab
        unknown = [w for words in _checked_groups(query) for w in words if not vocab.docs(w, stem(w))]
        if not unknown:
            return None
        from sgdesk.content.spelling import Vocabulary, corrected_text, written_form

        if self._vocabulary is None:  # read at the first unknown word: 37 000 words at 1M units
            self._vocabulary = Vocabulary(vocab.words())
        alone = _alone(query)  # (two words for one: in an «o» group it would change the groups)
        vocabulary = self._vocabulary
        closest = {w: vocabulary.closest(w) or (vocabulary.split(w) if w in alone else None) for w in unknown}
        # each word proposed as the corpus spells it: «secretaría», not the index's «secretaria»
        spelled = {w: " ".join(written_form(p, vocab.texts_with(p)) for p in c.split())
                   for w, c in closest.items() if c}  # fmt: skip
        return corrected_text(query.text, spelled.get)

    def _search(self, reading: _Reading, filters: SearchFilters, limit: int, offset: int) -> SearchResults:
        query, matcher = reading.query, reading.matcher
        plans = reading.plans
        plan = plans.get(filters)
        if plan is None:
            if len(plans) >= _PLANS_KEPT:
                plans.clear()
            plan = plans[filters] = self._kit.plan()
        raw = self._searcher.search(query, filters, limit, offset, plan)
        if plan.known:  # the plan's counts found every word in the index: no «¿Quiso decir…?» to look up
            reading.checked = True
        cited = raw.cited
        hit = Hit.of_corpus
        if cited:
            scores = dict(raw.ranked)
            hits = tuple(
                hit(node, path, scores.get(pk, 0.0), pk in cited, text, matcher)
                for pk, (node, path, text) in self._hit_parts([*cited, *scores]).items()
            )
        else:  # the ranked rows only (each pk once: the store's rowids), without building a dict of them
            ranked = raw.ranked
            found = _ranked_hits(ranked, self._hit_nodes, matcher, True)  # (usually all kept already)
            if found is None:  # a node not read yet: read the page's, then build them again
                found = _ranked_hits(ranked, self._kept_hit_parts([pk for pk, _ in ranked]), matcher, False)
            hits = found or ()  # (never None: see _ranked_hits)
        return SearchResults.of_search(query, hits, raw.total, raw.total_capped, offset, raw.sampled,
                                       raw.bounded)  # fmt: skip

    def _hit_parts(self, pks: list[int]) -> dict[int, tuple[Node, tuple[str, ...], str]]:
        """The hits' nodes with their breadcrumbs and the texts their snippets are cut from, each
        read once: the corpus never changes under us, and each key typed searches again and
        finds most of the same units."""
        kept = self._kept_hit_parts(pks)
        return {pk: parts for pk in pks if (parts := kept.get(pk)) is not None}

    def _kept_hit_parts(self, pks: list[int]) -> dict[int, tuple[Node, tuple[str, ...], str]]:
        """What ``_hit_parts`` reads: every pk of ``pks`` that names a node is kept after this."""
        kept = self._hit_nodes
        missing = [pk for pk in pks if pk not in kept]
        if missing:
            if len(kept) + len(missing) > _HITS_KEPT:
                kept.clear()
                missing = pks
            found = self._store.hit_nodes(missing)
            paths = self._breadcrumbs({node.parent for node, _ in found.values() if node.parent})
            for pk, (node, text) in found.items():
                path = paths.get(node.parent, ()) if node.parent else ()
                kept[pk] = (node, path, text or node.plain_text or node.title)
        return kept

    def _breadcrumbs(self, parents: set[str]) -> dict[str, tuple[str, ...]]:
        """Each parent's breadcrumb (root first, itself last), read once per parent: the
        corpus never changes under us, and searches land under the same norms again and again."""
        missing = [parent for parent in parents if parent not in self._paths]
        if missing:
            if len(self._paths) + len(missing) > _PATHS_KEPT:
                self._paths.clear()
                missing = list(parents)
            self._paths.update(self._store.breadcrumbs(missing))
        return {parent: self._paths.get(parent, ()) for parent in parents}

    # -- time ------------------------------------------------------------------

    def timeline(self) -> Timeline:
        """Events and what they did (built once: the corpus never changes under us)."""
        if self._timeline is None:
            from sgdesk.content.timeline_events import Timeline

            events, dates = self._store.timeline_rows()
            self._timeline = Timeline(events, dates, self._store.offices(), self.later_changes(),
                                      self._store.ancestors_below_changed())  # fmt: skip
        return self._timeline

    @property
    def timeline_built(self) -> bool:
        return self._timeline is not None

    def use_timeline(self, timeline: Timeline) -> None:
        """Adopt a timeline built from this same file elsewhere (a worker thread, say)."""
        if self._timeline is None:
            self._timeline = timeline

    def today_states(self, nodes: Iterable[Node], day: date) -> dict[str, UnitState]:
        """Today's text (``day``, after the horizon). A repeal the corpus records greys its units,
        so a corpus with repeals asks the timeline; one without (the shipped one) needs only the
        later changes not incorporated, and the timeline is left to build off the GUI thread."""
        if self._has_repeals is None:
            self._has_repeals = self._store.has_repeals()
        if self._has_repeals:
            return self.states(nodes, day)
        later = self.currency().later
        return {n.id: with_later(Status.IN_FORCE, n.id, later, day) for n in nodes}

    def later_changes(self) -> list[LaterChange]:
        return self._store.later_changes()

    def event_location(self, event_id: str) -> tuple[str, str | None]:
        """Where a timeline event is read: the page to open and the unit to mark on it.

        A change to a unit opens the norm that holds the unit, at the unit; a change to an
        office (or to a unit the corpus lacks) opens the norm that made it, at its article."""
        event = next((e for e in self.timeline().events if e.id == event_id), None)
        if event is None:
            raise UnknownNodeError(event_id, [])
        for target in event.targets:
            node = None if target.startswith(OFFICE_PREFIX) else self.find(target)
            if node is not None:
                page_id = node.norm or node.id
                return page_id, (node.id if node.id != page_id else None)
        article = self.find(event.article) if event.article else None
        return event.norm, (article.id if article else None)

    def currency(self) -> Currency:
        """The horizon and the later changes: what every page and the "Acerca de" box state."""
        if self._currency is None:
            self._currency = Currency(self.info.horizon, tuple(self.later_changes()), self.info.edition)
        return self._currency

    def later_for(self, pages: Iterable[Page]) -> list[LaterChange]:
        """The later changes that concern these pages: their units, the norms they list, and
        (for pages of norms that made or renamed offices) the structure of the entity."""
        ids: list[str] = []
        for page in pages:
            ids += [unit.node.id for unit in page.units] + [child.id for child in page.children]
            ids += [block.target for block in page.node.body if block.target]
        if self._office_norms is None:  # read once: the corpus never changes under us
            self._office_norms = self._store.office_norms()
        structure = not self._office_norms.isdisjoint(ids)
        return self.currency().touching(ids, structure)

    def compiled(self, node_id: str, day: date, heading: str = "") -> Page:
        """``node_id`` with only the parts in force (or uncertain) on ``day``, each noting where
        its text comes from: the note of the norm that added or changed it, else the original."""
        page = self.page(node_id, as_of=day)
        norm_title = page.norm.title if page.norm else ""
        units = [page.units[0]] + [
            unit._replace(notes=unit.notes or (f"Texto original del {norm_title}",))
            for unit in page.units[1:]
            if unit.status is not Status.NOT_IN_FORCE
        ]
        return page._replace(units=tuple(units), heading=heading, compiled=True)

    def statuses(self, nodes: Iterable[Node], day: date) -> dict[str, Status]:
        """Each node's status on ``day`` (no database access once read)."""
        return self._statuses_from().statuses(((n.id, n.norm) for n in nodes), day)

    def states(self, nodes: Iterable[Node], day: date) -> dict[str, UnitState]:
        """Each node's status on ``day`` with the later changes behind it."""
        in_force = self._statuses_from()
        return {n.id: in_force.state(n.id, n.norm, day) for n in nodes}

    def _statuses_from(self) -> InForce:
        """The timeline's statuses once it is built; before (a page on a date, the tree's marks
        for it: a dated tab restored at start), the same from the records they follow from,
        read alone: the timeline (its events, offices, five classes) waits for the first frame
        and is then built off the GUI thread (ui.timeline_loader; #11 start-up)."""
        if self._timeline is not None:
            return self._timeline.in_force
        if self._in_force is None:
            moments, norm_dates = self._store.in_force_rows()
            self._in_force = InForce.of_moments(moments, norm_dates, self._store.ancestors_below_changed(),
                                                self.later_changes())  # fmt: skip
        return self._in_force

    def all_nodes(self) -> list[Node]:
        """Every node once, siblings in their order (``sgdesk tree`` rebuilds the hierarchy)."""
        return self._store.all_nodes()


def _ranked_hits(ranked: tuple[tuple[int, float], ...], kept: dict[int, tuple[Node, tuple[str, ...], str]],
                 matcher: Matcher, every: bool) -> tuple[Hit, ...] | None:  # fmt: skip
    """The hits of ``ranked`` (pk, score) whose parts ``kept`` has (see Library._kept_hit_parts), as
    ``Hit.of_corpus`` builds them, without a call per hit (a page is 20). ``every``: None unless
    ``kept`` has every pk (the caller reads the missing ones, then asks again)."""
    found = []
    for pk, score in ranked:
        parts = kept.get(pk)
        if parts is None:
            if every:
                return None
            continue
        one = _new(Hit)
        fields = one.__dict__  # set one by one: no keyword dict built per hit
        fields["node"] = parts[0]
        fields["path"] = parts[1]
        fields["score"] = score
        fields["cited"] = False
        fields["text"] = parts[2]
        fields["matcher"] = matcher
        fields["note"] = None
        found.append(one)
    return tuple(found)


def _notes_on(notes: list[tuple[str, PartialDate]], day: date | None) -> tuple[str, ...]:
    """The provenance notes a page dated ``day`` shows (today's text: all of them): not those of
    events that certainly had not happened by then, and those of uncertain date saying so."""
    if day is None:
        return tuple(note for note, _ in notes)
    return tuple(shown for note, when in notes if (shown := note_on(note, when, day)))


def _all_known(query: Query, results: SearchResults) -> bool:
    """Whether ``results`` prove that the index has every word a spelling check would look up
    (see _checked_groups), so that none can be unknown: a row the query's words found (not a
    cited one, which the citation found) holds a word or the stem of each group, and when every
    group is one clause (a word or a phrase: no alternatives, one of which could be a typo) of
    ASCII words (the tokenizer keeps them as the parser does), each of those words or stems is
    in the vocab table. Most searches that find something skip the vocab lookups this way."""
    hits = results.hits
    return (
        bool(hits) and not hits[-1].cited and query.text.isascii() and all(len(g) == 1 for g in query.groups)
    )


def _alone(query: Query) -> set[str]:
    """The words of ``query`` that may be replaced by two: a word alone in its group (no «o»
    beside it) or a word of a phrase."""
    from sgdesk.content.query import Phrase, Term

    found: set[str] = set()
    for group in query.groups:
        for clause in group:
            if isinstance(clause, Phrase):
                found.update(clause.words)
            elif isinstance(clause, Term) and len(group) == 1:
                found.add(clause.word)
    return found


def _checked_groups(query: Query) -> list[list[str]]:
    """Each group's finished words worth a spelling check: not prefixes, not numbers, not the
    word being typed; groups a synonym answered are left out."""
    from sgdesk.content.query import Phrase, Term

    found: list[list[str]] = []
    typed = query.typed
    for group in query.groups:
        words: list[str] = []
        for clause in group:  # a group with anything else (a prefix, a name, the typed word) is left out
            if isinstance(clause, Term) and not clause.prefix and (typed is None or clause != typed):
                words.append(clause.word)
            elif isinstance(clause, Phrase):
                words.extend(clause.words)
            else:
                words = []
                break
        words = [w for w in words if not w.isdigit()]
        if words:
            found.append(list(dict.fromkeys(words)))
    return found
