"""Search that forgives, end to end: on the shipped corpus and on synthetic text.

Prefixes while typing, «¿Quiso decir…?», compounds, acronyms and short names.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.highlight import marked_text
from sgdesk.content.sources import load_corpus
from sgdesk.errors import SourceError
from sgdesk.library import Library
from sgdesk.store.build import build_database

# Made-up text (not from any norm): the same situations as the real corpus, under control.
SYNTHETIC_GENERAL = """
id = "informacion-general"
title = 'Información General'

[[sections]]
id = "archivo"
title = 'Archivo'
paragraphs = ['El archivo central conserva los expedientes de la Unidad.']

[[sections]]
id = "archivos"
title = 'Transferencias'
paragraphs = ['Los archivos de gestión se transfieren cada año al archivo central.']

[[sections]]
id = "archivistica"
title = 'Archivística'
paragraphs = ['Normas de archivística y conservación.']

[[sections]]
id = "autorregulacion"
title = 'Gremios'
paragraphs = ['La auto-regulación de los gremios se revisa cada año.']

[[sections]]
id = "ugdd"
title = 'Boletín'
paragraphs = ['La UGDD publica el boletín de la carta de servicios.']

[[sections]]
id = "unidad"
title = 'Unidad de Gestión Documental Distrital'
paragraphs = ['Coordina la carta de trato digno y la carta de servicios.', 'Una corta nota.']
"""
SYNTHETIC_NORM = """
id = "decreto-1-2020"
type = "decreto"
number = "001"
year = 2020
issuer = "Alcalde Mayor de Bogotá"
issued = "2020"
epigrafe = '"Por el cual se ordena el boletín"'
summary = ['Ordena el boletín.']
"""
SYNTHETIC_NORMS_SECTION = """
[[sections]]
id = "normas"
title = 'Normas'
norms = ["decreto-1-2020"]
"""
SYNTHETIC_SYNONYMS = """
[[synonyms]]
forms = ["Unidad de Gestión Documental Distrital", "UGDD"]
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    sources = tmp_path_factory.mktemp("synthetic-sources")
    (sources / "informacion-general.toml").write_text(
        SYNTHETIC_GENERAL + SYNTHETIC_NORMS_SECTION, encoding="utf-8"
    )
    (sources / "normas").mkdir()
    (sources / "normas" / "decreto-1-2020.toml").write_text(SYNTHETIC_NORM, encoding="utf-8")
    (sources / "sinonimos.toml").write_text(SYNTHETIC_SYNONYMS, encoding="utf-8")
    database = sources.parent / "synthetic.db"
    build_database(sources, database)
    library = Library.open(database)
    yield library
    library.close()


def ids(results: object) -> list[str]:
    return [hit.node.id for hit in results.hits]  # type: ignore[attr-defined]


# -- prefix while typing ---------------------------------------------------------


@pytest.mark.parametrize(("typed", "found"), [
    ("gestion docu", "decreto-267-2007/art-7/lit-h"),
    ("funcion publ", "acuerdo-257-2006"),
])  # fmt: skip
def test_an_unfinished_last_word_finds_while_typing(library: Library, typed: str, found: str) -> None:
    assert library.search(typed).total == 0, "as a whole word (Enter, the CLI) it finds nothing"
    results = library.search(typed, prefix_last=True)
    assert found in ids(results)


def test_typing_gestion_documental_settles_on_one_top_hit(library: Library) -> None:
    final = "gestion documental"
    tops = []
    for end in range(1, len(final) + 1):
        text = final[:end]
        results = library.search(text, prefix_last=not text.endswith(" "))
        if end >= 2:
            assert results.total > 0, text
        tops.append(results.hits[0].node.id if results.hits else None)
    settled = tops[-1]
    assert settled == library.search(final).hits[0].node.id, "the same as the finished query"
    # Once «documental» is the only word that starts so (from «gestion d»), the top hit stays.
    first_stable = next(i for i in range(len(tops)) if all(t == settled for t in tops[i:]))
    assert first_stable <= len("gestion do"), tops


def test_typing_gestion_documental_on_synthetic_text(synthetic: Library) -> None:
    tops = [ids(synthetic.search("unidad de gestion documental"[:end], prefix_last=True))[:1]
            for end in range(len("unidad de ge"), len("unidad de gestion documental") + 1)]  # fmt: skip
    assert all(top == ["unidad"] for top in tops), tops


def test_completions_rank_below_the_word_itself(synthetic: Library) -> None:
    """«archivo» as a word (and by its stem, «archivos») comes before «archivística», which
    only the prefix finds, even though bm25 would put its title first."""
    typing = synthetic.search("archiv", prefix_last=True)
    assert set(ids(typing)[:2]) == {"archivo", "archivos"}
    assert ids(typing)[2:] == ["archivistica"]
    assert (
        "«Archivística»" in marked_text(typing.hits[-1].snippet)
        or typing.hits[-1].node.title == "Archivística"
    )
    assert synthetic.search("archiv").total == 2, "Enter: the word only (by its stem)"
    assert synthetic.search("archivo", prefix_last=True).total == 2, "no other word starts with «archivo»"


def test_short_prefixes_are_bounded_to_the_most_frequent_words(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sgdesk.store import vocab

    monkeypatch.setattr(vocab, "MAX_COMPLETIONS", 1)
    results = synthetic.search("ar", prefix_last=True)
    assert results.bounded == ("ar",)
    assert set(ids(results)) == {"archivo", "archivos"}, "only «archivo», the most frequent «ar…» word"


# -- did you mean ----------------------------------------------------------------


def test_a_typo_gets_the_corrected_results_and_says_so(library: Library) -> None:
    results = library.search("secretria general")
    assert results.corrected_from == "secretria general"
    assert results.suggestion == "secretaría general"
    assert results.total > 0
    assert "decreto-267-2007/art-7" in ids(results)


def test_a_typo_in_the_first_letter_is_corrected(library: Library) -> None:
    results = library.search("xecretaria general")
    assert results.corrected_from == "xecretaria general"
    assert results.suggestion == "secretaría general"
    assert "decreto-267-2007/art-7" in ids(results)


def test_a_typo_is_pointed_out_even_when_other_words_find_rows(library: Library) -> None:
    """«general» alone finds rows: they are shown as found (no automatic correction), and
    «¿Quiso decir…?» still names the word the index lacks."""
    results = library.search("secretria o general")
    assert results.total > 0
    assert results.corrected_from is None
    assert results.suggestion == "secretaría o general"
    assert library.search("secretaria o general").suggestion is None


def test_searching_exactly_keeps_the_typo_and_the_suggestion(library: Library) -> None:
    results = library.search("secretria general", exact=True)
    assert results.total == 0
    assert results.corrected_from is None
    assert results.suggestion == "secretaría general"


def test_accents_are_never_a_typo(library: Library) -> None:
    for text in ("secretaría general", "SECRETARIA GENERAL", "políticas", "politicas"):
        assert library.search(text).suggestion is None, text


def test_frequency_breaks_ties_on_synthetic_text(synthetic: Library) -> None:
    results = synthetic.search("cirta")
    assert results.suggestion == "carta", "«carta» (3 times) before «corta» (once)"
    assert results.corrected_from == "cirta"


def test_the_word_proposed_is_spelled_as_the_corpus_writes_it(synthetic: Library) -> None:
    """The index keeps «boletin»; the corpus writes «Boletín» and «boletín»: a reader is offered
    the word with its accent (without it, «secretaria» and «secretaría» are two words)."""
    results = synthetic.search("boletn")
    assert results.suggestion == "boletín"
    assert results.corrected_from == "boletn"
    assert set(ids(results)) == {"ugdd", "decreto-1-2020"}


# -- compounds -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["corresponsabilidad pública", "coresponsabilidad publica",
                                  "co-responsabilidad pública", "co responsabilidad publica"])  # fmt: skip
def test_hyphenated_and_joined_forms_are_the_same_word(library: Library, text: str) -> None:
    results = library.search(text)
    assert ids(results)[0] == "politicas-generales"
    assert results.suggestion is None
    if " responsabilidad" not in text:
        assert "«co-responsabilidad pública»" in marked_text(results.hits[0].snippet)


def test_the_rr_rule_on_synthetic_text(synthetic: Library) -> None:
    for text in ("autorregulacion", "autoregulación", "auto-regulacion"):
        assert ids(synthetic.search(text)) == ["autorregulacion"], text


# -- acronyms and short names ----------------------------------------------------


@pytest.mark.parametrize(("text", "found", "also"), [
    ("TIC", "decreto-77-2012", "Tecnologías de la Información y las Comunicaciones"),
    ("DDRI", "decreto-163-2008", "Dirección Distrital de Relaciones Internacionales"),
    ("Alta Consejería de Víctimas", "decreto-59-2012",
     "Oficina de Alta Consejería para los Derechos de las Víctimas, la Paz y la Reconciliación"),
    ("SG", "decreto-267-2007/art-7", "Secretaría General"),
    ("ACDVPR", "decreto-59-2012", "Alta Consejería de Víctimas"),
])  # fmt: skip
def test_acronyms_and_short_names_of_the_shipped_table(
    library: Library, text: str, found: str, also: str
) -> None:
    results = library.search(text)
    assert found in ids(results)[:3]
    assert any(also in use.also for use in results.query.synonyms), "the results say a synonym was used"


def test_ddri_finds_the_office_by_its_name(library: Library) -> None:
    assert (
        library.search("DDRI").total
        == library.search('"Dirección Distrital de Relaciones Internacionales"').total
    )


def test_acronym_and_name_find_each_other_on_synthetic_text(synthetic: Library) -> None:
    assert set(ids(synthetic.search("UGDD"))) == {"ugdd", "unidad"}
    assert set(ids(synthetic.search("unidad de gestión documental distrital"))) == {"ugdd", "unidad"}
    assert ids(synthetic.search('"ugdd"')) == ["ugdd"]


def test_a_bad_synonym_table_stops_the_build_with_file_and_entry(tmp_path: Path, sources_dir: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    with (sources / "sinonimos.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[[synonyms]]\nforms = ["S.G.", "Secretaría  General"]\n')
    with pytest.raises(SourceError) as error:
        load_corpus(sources)
    assert any(
        "sinonimos.toml › sinónimo" in p and "ya está en el sinónimo" in p for p in error.value.problems
    )


def test_hits_carry_the_same_breadcrumbs_as_the_tree(library: Library) -> None:
    """Hits read their breadcrumbs by parent (kept for the next search): every node's is the
    chain of ancestors a page shows, read cold and read again from what was kept."""
    store = library._store  # the store under the facade: the breadcrumbs' source of truth
    nodes = store.all_nodes()
    expected = {n.id: tuple(a.title for a in store.ancestors(n.id)) for n in nodes}
    for _ in range(2):
        found = library._breadcrumbs({n.parent for n in nodes if n.parent})
        assert {n.id: found[n.parent] if n.parent else () for n in nodes} == expected
    hits = library.search("gestion documental").hits
    assert hits
    assert all(hit.path == expected[hit.node.id] for hit in hits)


def test_pages_continue_from_the_word_into_its_completions(synthetic: Library) -> None:
    pages = [ids(synthetic.search("archiv", limit=1, offset=offset, prefix_last=True)) for offset in range(4)]
    assert sorted(pages[0] + pages[1]) == ["archivo", "archivos"]
    assert pages[2:] == [["archivistica"], []]
    assert {synthetic.search("archiv", limit=1, offset=o, prefix_last=True).total for o in range(3)} == {3}


def test_a_capped_word_leaves_its_completions_out(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the count cap the total already says «más de …»: the completions' tier is not run
    (counting it after a very common word, «de» at 1M units, took a second)."""
    from sgdesk.store import search

    monkeypatch.setattr(search, "COUNT_CAP", 1)
    results = synthetic.search("archiv", prefix_last=True)
    assert results.total_capped
    assert "archivistica" not in ids(results)
