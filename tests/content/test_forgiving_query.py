"""Search that forgives, the pure parts: the word being typed, compounds, synonyms, spelling."""

from __future__ import annotations

import pytest

from sgdesk.content.compounds import compound_variants, joined_forms
from sgdesk.content.highlight import Matcher, marked_text, snippet
from sgdesk.content.query import AllOf, Near, Phrase, Term, parse_query, typed_as_prefix
from sgdesk.content.spelling import Vocabulary, closest, corrected_text, distance
from sgdesk.content.synonyms import SynonymEntry, SynonymTable, form_key, read_synonyms

TABLE = SynonymTable((
    SynonymEntry(("Tecnologías de la Información y las Comunicaciones", "TIC")),
    SynonymEntry(("Secretaría General", "SG")),
    SynonymEntry(("Unidad de Gestión Documental Distrital", "UGDD")),
))  # fmt: skip


# -- the word being typed --------------------------------------------------------


def test_the_last_word_typed_is_unfinished_until_a_space_or_enter() -> None:
    typing = parse_query("gestion docu", prefix_last=True)
    assert typing.typed == Term("docu")
    assert typing.groups == ((Term("gestion"),), (Term("docu"),))
    assert parse_query("gestion docu ", prefix_last=True).typed is None, "a trailing space finishes it"
    assert parse_query("gestion docu").typed is None, "Enter (no prefix_last) searches the word"


@pytest.mark.parametrize("text", ['"gestion docu', "gestion -docu", "gest*", "gestion 5-A", "docu."])
def test_quotes_exclusions_stars_and_punctuation_are_not_unfinished_words(text: str) -> None:
    assert parse_query(text, prefix_last=True).typed is None


def test_a_one_letter_last_word_waits_for_the_second() -> None:
    alone = parse_query("g", prefix_last=True)
    assert alone.is_empty
    assert alone.too_short == "g"
    beside = parse_query("gestion d", prefix_last=True)
    assert beside.groups == ((Term("gestion"),),), "the completed words are searched meanwhile"
    assert parse_query("ge", prefix_last=True).typed == Term("ge")


def test_a_common_word_being_typed_is_kept_it_may_be_the_start_of_another() -> None:
    query = parse_query("secretaria de", prefix_last=True)
    assert query.groups == ((Term("secretaria"),), (Term("de"),))
    assert query.typed == Term("de")
    assert parse_query("secretaria de").groups == ((Term("secretaria"),),)


# -- compounds -------------------------------------------------------------------


def test_joined_forms_follow_the_spanish_rr_rule() -> None:
    assert joined_forms("co", "responsabilidad") == ("coresponsabilidad", "corresponsabilidad")
    assert joined_forms("auto", "rretrato") == ("autorretrato",), "already doubled"
    assert joined_forms("pos", "registro") == ("posregistro",), "no vowel before the r: no doubling"
    assert joined_forms("Co", "Gestión") == ("cogestion",)


def test_only_words_make_compounds() -> None:
    text = "cultura de co-responsabilidad; literal 5-A; años 2007-2010; ex–ministro"
    assert compound_variants(text) == ["coresponsabilidad", "corresponsabilidad"]


def test_a_hyphenated_query_also_looks_for_the_joined_forms() -> None:
    query = parse_query("co-responsabilidad")
    assert query.groups == (
        (Phrase(("co", "responsabilidad")), Term("coresponsabilidad"), Term("corresponsabilidad")),
    )
    assert parse_query('"co-responsabilidad"').groups == ((Phrase(("co", "responsabilidad")),),)


def test_the_snippet_marks_the_compound_a_joined_query_found() -> None:
    text = "Se creará una cultura de co-responsabilidad pública y de servicio."
    pieces = snippet(text, Matcher.for_query(parse_query("corresponsabilidad pública")))
    assert marked_text(pieces) == "Se creará una cultura de «co-responsabilidad pública» y de servicio."


# -- synonyms --------------------------------------------------------------------


def test_form_keys_ignore_accents_case_and_filler_words() -> None:
    assert form_key("Tecnologías de la Información y las Comunicaciones") == form_key(
        "tecnologias de informacion y comunicaciones"
    )
    assert form_key("SG") == ("sg",)


def test_an_acronym_brings_the_name_and_says_so() -> None:
    query = parse_query("TIC", TABLE)
    assert query.groups == ((Term("tic"), Near(("tecnologias", "informacion", "comunicaciones"))),)
    assert [(u.typed, u.also) for u in query.synonyms] == [
        ("TIC", ("Tecnologías de la Información y las Comunicaciones",))
    ]


def test_a_name_keeps_its_words_and_brings_the_acronym() -> None:
    query = parse_query("funciones de la Secretaría General", TABLE)
    assert query.groups == (
        (Term("funciones"),),
        (AllOf((Term("secretaria"), Term("general"))), Term("sg")),
    )
    assert query.synonyms[0].also == ("SG",)


def test_no_synonym_without_the_whole_form() -> None:
    assert parse_query("secretaria", TABLE).synonyms == ()
    assert parse_query("gestion documental", TABLE).synonyms == ()


def test_the_word_being_typed_can_be_an_acronym() -> None:
    query = parse_query("UGDD", TABLE, prefix_last=True)
    assert query.typed == Term("ugdd")
    assert query.synonyms[0].also == ("Unidad de Gestión Documental Distrital",)


def _problems(data: dict[str, object]) -> list[str]:
    found: list[str] = []
    read_synonyms(data, "sinonimos.toml", lambda where, message: found.append(f"{where}: {message}"))
    return found


def test_the_table_is_validated_with_file_and_entry() -> None:
    assert _problems({"synonyms": [{"forms": ["SG", "Secretaría General"]}]}) == []
    assert _problems({"synonyms": [{"forms": ["SG"]}]}) == [
        "sinonimos.toml › sinónimo 1: «forms» necesita al menos dos formas equivalentes"
    ]
    assert _problems({"synonyms": [{"forms": ["SG", "S.G."]}]}) == []
    duplicated = _problems({"synonyms": [{"forms": ["SG", "Secretaría General"]},
                                         {"forms": ["secretaria general", "Secretaría"]}]})  # fmt: skip
    assert duplicated == [
        "sinonimos.toml › sinónimo 2: la forma «secretaria general» ya está en el sinónimo 1"
    ]
    assert _problems({"synonyms": [{"forms": ["SG", "..."]}]}) == [
        "sinonimos.toml › sinónimo 1: la forma «...» no tiene palabras"
    ]
    assert _problems({"sinonimos": []}) == ["sinonimos.toml: campo desconocido «sinonimos»"]
    assert _problems({"synonyms": [{"forms": "SG"}]}) == [
        "sinonimos.toml › sinónimo 1: «forms» debe ser una lista de textos"
    ]


# -- spelling --------------------------------------------------------------------


def test_the_closest_word_wins_and_frequency_breaks_ties() -> None:
    vocabulary = [("carta", 30), ("corta", 2), ("secretaria", 50), ("secretario", 1)]
    assert closest("cirta", vocabulary) == "carta", "both are one edit away: the frequent one"
    assert closest("secretria", vocabulary) == "secretaria"
    assert closest("zzzzzzzz", vocabulary) is None
    assert closest("crt", vocabulary) is None, "under four letters there are too many neighbours"


def test_a_typo_in_the_first_letter_is_corrected_too() -> None:
    vocabulary = Vocabulary([("secretaria", 50), ("general", 40), ("gestion", 30), ("2007", 9)])
    assert vocabulary.closest("xecretaria") == "secretaria"
    assert vocabulary.closest("jeneral") == "general"
    assert vocabulary.closest("2008") is None, "numbers are not words to correct"
    assert len(vocabulary) == 3


def test_the_whole_vocabulary_is_searched_by_length_not_by_initial() -> None:
    """Thousands of words of every initial and length: the one-edit neighbour is found among
    them, whatever its first letter; the more frequent of two equally close words wins."""
    filler = [(f"{a}{b}{c}palabra", 1) for a in "abcdefghij" for b in "klmnopqrst" for c in "uvwxyz"]
    vocabulary = Vocabulary([*filler, ("contratacion", 3), ("contrataciones", 2), ("dontratacion", 90)])
    assert vocabulary.closest("kontratacion") == "dontratacion", "one edit each: the frequent one"
    assert vocabulary.closest("contratacionez") == "contrataciones", "one edit beats two"


def test_edit_distance_counts_a_swap_as_one_edit_and_stops_at_the_limit() -> None:
    assert distance("gestoin", "gestion", 2) == 1
    assert distance("secretria", "secretaria", 2) == 1
    assert distance("documental", "documento", 2) == 2
    assert distance("documental", "archivo", 2) == 3, "past the limit: limit + 1"
    assert distance("", "ab", 2) == 2


def test_accents_are_never_a_typo() -> None:
    assert closest("SECRETRÍA", [("secretaria", 50)]) == "secretaria"
    assert closest("secretaría", [("secretaria", 50)]) is None, "the same word, not a correction"
    assert corrected_text("Secretaría", lambda w: None if w == "secretaria" else "x") is None


def test_the_correction_keeps_the_rest_of_the_text() -> None:
    fixes = {"secretria": "secretaria"}
    assert corrected_text('"secretria general" -paz gest*', fixes.get) == '"secretaria general" -paz gest*'
    assert corrected_text("nada que cambiar", fixes.get) is None


def test_a_synonym_name_is_marked_whole_not_word_by_word() -> None:
    text = "La Unidad de Archivo distrital trabaja con la Unidad de Gestión Documental Distrital."
    pieces = snippet(text, Matcher.for_query(parse_query("UGDD", TABLE)))
    assert marked_text(pieces) == (
        "La Unidad de Archivo distrital trabaja con la «Unidad de Gestión Documental Distrital»."
    )


def test_for_mis_notas_the_word_being_typed_becomes_a_plain_prefix() -> None:
    """The notes' index has no vocabulary of completions: «gestion docu» being typed searches
    «gestion» and the prefix «docu*»; the other words stay as they were, and a query with
    nothing being typed is left alone."""
    typing = parse_query("gestion docu", prefix_last=True)
    searched = typed_as_prefix(typing)
    assert searched.groups == ((Term("gestion"),), (Term("docu", prefix=True),))
    assert searched.typed is None
    assert searched.words == typing.words
    finished = parse_query("gestion docu ")
    assert typed_as_prefix(finished) is finished
