"""Names whose classes live in modules loaded when first used (#11 start-up) are still given by
the modules they always came from: the same objects, and nothing loaded to show a page."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LAZY = [  # (the module that gives the names, the module they live in, the names)
    ("sgdesk.content.model", "sgdesk.content.records", ("Change", "Office")),
    ("sgdesk.content.model", "sgdesk.content.events", ("Corpus", "Event")),
    ("sgdesk.content.citations", "sgdesk.content.cited", ("Citation", "parse_citation")),
    ("sgdesk.content.timeline", "sgdesk.content.timeline_events",
     ("ChangeRecord", "OfficeState", "Timeline", "TimelineEvent", "later_event")),
    ("sgdesk.library", "sgdesk.search_results",
     ("Hit", "NoteMark", "SearchMode", "SearchResults", "_Reading")),
    ("sgdesk.ui.reading_pane", "sgdesk.ui.pane_passages", ("MarkStep", "Passage")),
]  # fmt: skip


@pytest.mark.parametrize(("module_name", "home_name", "names"), LAZY)
def test_the_names_are_the_same_objects(module_name: str, home_name: str, names: tuple[str, ...]) -> None:
    module, home = importlib.import_module(module_name), importlib.import_module(home_name)
    for name in names:
        assert getattr(module, name) is getattr(home, name), name
    with pytest.raises(AttributeError, match=rf"^module '{module_name}' has no attribute 'no_existe'$"):
        _ = module.no_existe


def test_from_imports_of_those_names_work() -> None:
    from sgdesk.content.model import Corpus, Event
    from sgdesk.content.timeline import Timeline, TimelineEvent

    assert Corpus.__module__ == "sgdesk.content.events"
    assert Event.__name__ == "Event"
    assert Timeline.__module__ == TimelineEvent.__module__ == "sgdesk.content.timeline_events"


def test_a_page_is_read_without_them(corpus_db: Path) -> None:
    """What the window's first page needs (the library, a page, the index's statuses for today)
    loads none of the three modules."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from sgdesk.library import Library
        library = Library.open(Path({str(corpus_db)!r}))
        page = library.page("mision")
        assert page.units and library.currency() is not None
        loaded = sorted(m for m in {sorted(home for _, home, _ in LAZY)!r} if m in sys.modules)
        print("loaded:", loaded)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "loaded: []" in run.stdout, run.stdout


def test_a_first_search_finds_with_the_result_types_loaded_then(corpus_db: Path) -> None:
    """The library's search names Hit, SearchResults and _Reading as its own globals: they are
    bound by the first search (Library._kit), in a process where nothing asked for them before;
    an empty text and a real one both answer with the same classes the library gives."""
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        import sgdesk.library as library
        assert "Hit" not in vars(library) and "SearchResults" not in vars(library)
        lib = library.Library.open(Path({str(corpus_db)!r}))
        empty = lib.search("   ")
        found = lib.search("secretaría general")
        from sgdesk.search_results import Hit, SearchResults
        assert type(empty) is SearchResults and empty.total == 0 and empty.hits == ()
        assert type(found) is SearchResults and found.total > 0
        assert found.hits and all(type(hit) is Hit for hit in found.hits)
        assert library.Hit is Hit and library.SearchResults is SearchResults
        print("hits:", len(found.hits), found.hits[0].node.id)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "hits: " in run.stdout, run.stdout


def test_lazy_names_takes_each_name_from_its_home_and_refuses_the_others() -> None:
    """The helper itself, called here (the modules call it when they load, before any test)."""
    from sgdesk.content.dates import PartialDate
    from sgdesk.lazy_names import lazy_names

    attribute = lazy_names("sgdesk.prueba", {"PartialDate": "sgdesk.content.dates"})
    assert attribute("PartialDate") is PartialDate
    with pytest.raises(AttributeError, match=r"^module 'sgdesk.prueba' has no attribute 'Otro'$"):
        attribute("Otro")
