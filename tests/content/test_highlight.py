"""Which words of a text are marked for a search: the yellow words of the reading pane and the
marked words of a result's snippet, from made-up texts and queries (the words as written, by
prefix, by stem, a synonym's name only whole, a hyphenated compound as one word, a citation's own
words left alone)."""

from __future__ import annotations

import pytest

from sgdesk.content.highlight import Matcher, marked_text, snippet
from sgdesk.content.query import parse_query
from sgdesk.content.stemming import stem_text
from sgdesk.content.synonyms import SynonymEntry, SynonymTable
from sgdesk.content.text import fold

TABLE = SynonymTable((
    SynonymEntry(("Secretaría General", "SG")),
    SynonymEntry(("Unidad de Gestión Documental Distrital", "UGDD")),
))  # fmt: skip


def _matcher(query: str) -> Matcher:
    parsed = parse_query(query, TABLE)
    matcher = Matcher.for_query(parsed)
    return matcher.without_citation(parsed.citation) if parsed.citation is not None else matcher


def marks(query: str, text: str) -> list[str]:
    """The marked words of ``text``, as the reading pane finds them (``spans`` folds the text
    itself) and as a snippet does (it passes the folded text): both must agree."""
    matcher = _matcher(query)
    alone = [text[a:b] for a, b in matcher.spans(text)]
    assert [text[a:b] for a, b in _matcher(query).spans(text, fold(text))] == alone
    return alone


# -- words as written, by prefix, by stem ---------------------------------------------------------


def test_a_word_is_marked_as_written_in_any_case_and_accent() -> None:
    assert marks("archivo", "El ARCHIVO, el Archivó y el archivo.") == ["ARCHIVO", "Archivó", "archivo"]


def test_a_word_is_marked_in_its_other_forms_but_not_inside_another_word() -> None:
    text = "Funciones y función; la disfunción no; funcionario tampoco."
    assert marks("funciones", text) == ["Funciones", "función"]


def test_a_prefix_marks_the_words_it_begins_and_nothing_else() -> None:
    text = "La gestión, los gestores y la congestión; el gesto."
    assert marks("gesti*", text) == ["gestión"]
    assert marks("gest*", text) == ["gestión", "gestores", "gesto"]


def test_words_that_only_begin_like_a_query_word_are_not_marked() -> None:
    # «archivos» begins with «archivo» and shares its stem: marked; «archivística» only begins
    # with the stem («archiv»): not marked.
    assert marks("archivo", "archivos, archivística, archivó") == ["archivos", "archivó"]


def test_only_the_query_words_are_marked() -> None:
    matcher = _matcher("archivo")
    assert matcher.matches("Archivos")
    assert matcher.matches("archivo")
    assert not matcher.matches("gestión")
    assert not matcher.matches("gestión"), "the same answer twice"
    assert marks("archivo", "gestión documental") == []


def test_no_words_no_marks() -> None:
    assert Matcher(frozenset(), (), frozenset()).spans("archivo y gestión") == []
    assert marked_text(snippet("archivo y gestión", Matcher(frozenset(), (), frozenset()))) == (
        "archivo y gestión"
    )


def test_a_matcher_marks_the_same_words_every_time() -> None:
    matcher = _matcher("archivo gest*")
    text = "El archivo y la gestión del archivo."
    first = matcher.spans(text)
    assert matcher.spans(text) == first == [(3, 10), (16, 23), (28, 35)]


# -- hyphenated compounds -------------------------------------------------------------------------


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011"])
def test_a_hyphenated_compound_is_one_mark_with_any_hyphen(hyphen: str) -> None:
    text = f"La co{hyphen}responsabilidad y la corresponsabilidad del archivo"
    assert marks("corresponsabilidad archivo", text) == [
        f"co{hyphen}responsabilidad", "corresponsabilidad", "archivo"
    ]  # fmt: skip


def test_a_compound_whose_second_word_also_matches_is_one_mark() -> None:
    text = "El archivo de la co-responsabilidad"
    assert marks("archivo corresponsabilidad responsabilidad", text) == ["archivo", "co-responsabilidad"]
    assert marked_text(snippet(text, _matcher("corresponsabilidad responsabilidad"))) == (
        "El archivo de la «co-responsabilidad»"
    )


def test_a_compound_that_matches_no_query_word_is_not_marked() -> None:
    assert marks("archivo", "el archivo socio-económico") == ["archivo"]
    assert marks("socioeconomico", "el archivo socio-económico") == ["socio-económico"]


# -- a synonym's name, only whole ------------------------------------------------------------------


def test_a_name_is_marked_whole_and_its_words_alone_are_not() -> None:
    text = "La Secretaría de Hacienda y la Secretaría General; en general, nada."
    assert marks("SG", text) == ["Secretaría General"]
    assert marks("SG", "la Secretaría de Hacienda y el informe general") == []


def test_a_name_is_marked_in_its_other_forms() -> None:
    assert marks("SG", "las Secretarías Generales") == ["Secretarías Generales"]


def test_a_name_allows_three_other_words_between_two_of_its_words_not_four() -> None:
    assert marks("SG", "la Secretaría uno dos tres General") == ["Secretaría uno dos tres General"]
    assert marks("SG", "la Secretaría uno dos tres cuatro General") == []
    text = "la Unidad para la Gestión en lo Documental del Distrital"
    assert marks("UGDD", text) == ["Unidad para la Gestión en lo Documental del Distrital"]


def test_a_name_cut_short_by_the_end_of_the_text_is_not_marked() -> None:
    assert marks("SG", "lo firma la Secretaría") == []
    assert marks("UGDD", "la Unidad de Gestión Documental") == []
    assert marks("UGDD", "la Unidad de Gestión") == []


def test_each_place_a_name_appears_is_marked() -> None:
    text = "Secretaría General y Secretaría General"
    assert marks("SG", text) == ["Secretaría General", "Secretaría General"]


def test_a_name_and_a_word_inside_it_are_one_mark() -> None:
    text = "la Secretaría General y otra secretaría"
    assert marks("secretaria SG", text) == ["Secretaría General", "secretaría"]
    assert marks("general SG", text) == ["Secretaría General"]
    assert marked_text(snippet(text, _matcher("secretaria SG"))) == (
        "la «Secretaría General» y otra «secretaría»"
    )


def test_a_name_and_the_words_before_and_after_it_are_marked_in_order() -> None:
    text = "archivo de la Secretaría General del archivo"
    assert marks("archivo SG", text) == ["archivo", "Secretaría General", "archivo"]


def test_a_name_and_a_compound_are_marked_in_order() -> None:
    text = "la co-responsabilidad de la Secretaría General"
    assert marks("corresponsabilidad SG", text) == ["co-responsabilidad", "Secretaría General"]
    text = "la Secretaría General y su co-responsabilidad"
    assert marks("corresponsabilidad SG", text) == ["Secretaría General", "co-responsabilidad"]


# -- a citation's own words ------------------------------------------------------------------------


def test_a_citation_leaves_its_words_unmarked() -> None:
    text = "Decreto 267 de 2007, art. 7, lit. n: el archivo del decreto, artículo 15 días"
    assert marks("decreto 267 de 2007 art 7 lit n archivo", text) == ["archivo"]
    assert marks("decreto 267 de 2007 articulo 7 literal n archivo", text) == ["archivo"]


def test_beside_a_citation_other_numbers_and_single_letters_are_not_marked() -> None:
    text = "Decreto 267 de 2007: 15 días, literal b, el archivo"
    assert marks("decreto 267 de 2007 15 b archivo", text) == ["archivo"]


def test_beside_a_citation_two_letter_words_prefixes_and_names_are_still_marked() -> None:
    text = "Decreto 267 de 2007: la TI, la gestión de la Secretaría General"
    assert marks("decreto 267 de 2007 ti gest*", text) == ["TI", "gestión"]
    assert marks("decreto 267 de 2007 SG", text) == ["Secretaría General"]
    assert marks("decreto 267 de 2007 archivos", "los archivos y el archivo") == ["archivos", "archivo"]


# -- the snippet ----------------------------------------------------------------------------------


def test_the_snippet_keeps_90_characters_before_the_first_match_by_default() -> None:
    # The match starts at 100: the snippet starts at the first word after position 10.
    text = "a" * 9 + " " + "b" * 9 + " " + "c" * 79 + " archivo"
    shown = marked_text(snippet(text, _matcher("archivo")))
    assert shown == "… " + "c" * 79 + " «archivo»"


def test_the_snippet_ends_inside_a_long_run_without_spaces() -> None:
    text = "archivo," + "x" * 300
    assert snippet(text, _matcher("archivo"), context=10) == (
        ("archivo", True), ("," + "x" * 19 + " …", False)
    )  # fmt: skip


# -- what the index stores to find other forms ------------------------------------------------------


def test_the_stems_of_a_text_are_its_words_stems_in_order_one_space_apart() -> None:
    # A phrase («funciones del archivo») is found in any of its forms because the index holds
    # this line beside the text: one stem per word, in order, nothing between them.
    assert stem_text("Las funciones, del ARCHIVO distrital: 2007") == "las funcion del archiv distrital 2007"
    assert stem_text("") == ""


def test_the_word_being_typed_is_marked_as_a_prefix() -> None:
    """As you type «gestión docu», the result's «documental» is marked from its first letters."""
    matcher = Matcher.for_query(parse_query("gestion docu", TABLE, prefix_last=True))
    text = "La gestión documental del Distrito."
    assert [text[a:b] for a, b in matcher.spans(text)] == ["gestión", "documental"]
