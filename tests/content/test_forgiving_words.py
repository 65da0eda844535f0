"""Compounds, typo limits and the synonym table's validation, message by message (what a user
or the content team reads), from made-up words and tables."""

from __future__ import annotations

import pytest

from sgdesk.content.compounds import joined_forms
from sgdesk.content.spelling import Vocabulary, max_distance, written_form
from sgdesk.content.synonyms import (
    MAX_FORM_WORDS,
    SynonymEntry,
    SynonymTable,
    form_key,
    read_synonyms,
    table_from_rows,
    table_rows,
)

WHERE = "sinonimos.toml"


def _read(data: dict[str, object]) -> tuple[SynonymTable, list[tuple[str, str]]]:
    found: list[tuple[str, str]] = []
    table = read_synonyms(data, WHERE, lambda where, message: found.append((where, message)))
    return table, found


def test_a_long_prefix_ending_in_a_vowel_doubles_the_r_too() -> None:
    assert joined_forms("vice", "rector") == ("vicerector", "vicerrector")
    assert joined_forms("anti", "rrobo") == ("antirrobo",)


def test_an_underscore_separates_the_words_of_a_form() -> None:
    assert form_key("Secretaría_General") == ("secretaria", "general")
    assert form_key("oficina_de_TIC") == ("oficina", "tic")


@pytest.mark.parametrize(("word", "limit"), [("ley", 0), ("acto", 1), ("carta", 1), ("codigo", 2)])
def test_typos_allowed_grow_with_the_word(word: str, limit: int) -> None:
    assert max_distance(word) == limit


def test_a_word_with_digits_is_not_corrected() -> None:
    vocabulary = Vocabulary([("secretaria", 50), ("decreto", 9)])
    assert vocabulary.closest("secretari4") is None
    assert vocabulary.closest("decret0") is None
    assert vocabulary.closest("secretaira") == "secretaria"


def test_the_most_frequent_of_many_equally_close_words_wins() -> None:
    """More than five words one edit away: the most frequent is found even listed last."""
    neighbours = [(f"carta{letter}", 1) for letter in "bcdefgh"]
    vocabulary = Vocabulary([*neighbours, ("cartaz", 90)])
    assert vocabulary.closest("cartax") == "cartaz"


def test_a_valid_table_keeps_every_entry_in_order() -> None:
    table, problems = _read({"synonyms": [{"forms": ["SG", "Secretaría General"]},
                                          {"forms": ["TIC", "Tecnologías de la Información"]}]})  # fmt: skip
    assert problems == []
    assert table.entries == (SynonymEntry(("SG", "Secretaría General")),
                             SynonymEntry(("TIC", "Tecnologías de la Información")))  # fmt: skip
    assert table.forms[("secretaria", "general")] == table.entries[0]


@pytest.mark.parametrize("raw", ["", "SG", [1], [{"forms": ["a", "b"]}, "x"], {}])
def test_synonyms_that_are_not_a_list_of_tables_are_reported(raw: object) -> None:
    table, problems = _read({"synonyms": raw})
    assert problems == [(WHERE, "«synonyms» debe ser una lista de tablas [[synonyms]]")]
    assert table.entries == ()


def test_a_bad_entry_is_reported_and_the_next_ones_are_kept() -> None:
    table, problems = _read({"synonyms": [{"forms": ["SG"]}, {"forms": ["TIC", "Tecnologías"]}]})
    assert problems == [(f"{WHERE} › sinónimo 1", "«forms» necesita al menos dos formas equivalentes")]
    assert table.entries == (SynonymEntry(("TIC", "Tecnologías")),)


def test_an_unknown_field_in_an_entry_is_named_with_the_entry() -> None:
    table, problems = _read({"synonyms": [{"forms": ["SG", "Secretaría"], "nota": "x"}]})
    assert problems == [(f"{WHERE} › sinónimo 1", "campo desconocido «nota»")]
    assert table.entries == (SynonymEntry(("SG", "Secretaría")),)


def test_a_form_repeated_in_its_own_entry_says_so() -> None:
    _, problems = _read({"synonyms": [{"forms": ["SG", "Secretaría General", "secretaria general"]}]})
    assert problems == [
        (f"{WHERE} › sinónimo 1", "la forma «secretaria general» ya está en esta misma entrada")
    ]


def test_forms_without_words_or_with_too_many_drop_the_entry() -> None:
    longest = " ".join(f"palabra{n}" for n in range(MAX_FORM_WORDS))
    table, problems = _read({"synonyms": [{"forms": ["larga", longest]}]})
    assert (problems, len(table.entries)) == ([], 1)
    too_long = f"{longest} otra"
    table, problems = _read({"synonyms": [{"forms": ["larga", too_long]}]})
    assert problems == [(f"{WHERE} › sinónimo 1", f"la forma «{too_long}» tiene más de 12 palabras")]
    assert table.entries == ()
    table, problems = _read({"synonyms": [{"forms": ["SG", "..."]}, {"forms": ["SG", "Secretaría"]}]})
    assert problems == [(f"{WHERE} › sinónimo 1", "la forma «...» no tiene palabras")]
    assert table.entries == (SynonymEntry(("SG", "Secretaría")),)


def test_the_table_survives_the_database_rows() -> None:
    table = SynonymTable(
        (SynonymEntry(("SG", "Secretaría General")), SynonymEntry(("TIC", "Tecnologías", "T.I.C.")))
    )
    rows = list(table_rows(table))
    assert rows == [(0, 0, "SG"), (0, 1, "Secretaría General"), (1, 0, "TIC"), (1, 1, "Tecnologías"),
                    (1, 2, "T.I.C.")]  # fmt: skip
    assert table_from_rows(reversed(rows)) == table
    assert table_from_rows([]) == SynonymTable()


def test_a_proposed_word_is_spelled_as_the_texts_write_it_most_often() -> None:
    texts = ["La Secretaría General y la secretaría técnica.", "Una secretaria toma nota.",
             "Las secretarías distritales; SECRETARÍA."]  # fmt: skip
    assert written_form("secretaria", texts) == "secretaría", "3 «secretaría» (any case) against 1"
    assert written_form("secretaria", texts[1:2]) == "secretaria", "no accent where the text has none"
    assert written_form("secretaria", ["secretaría", "secretaria y secretaria"]) == "secretaria", (
        "2 against 1"
    )
    assert written_form("secretarias", texts) == "secretarías", "a longer word is another word"
    assert written_form("boletin", texts) == "boletin", "no text has it: the word as the index keeps it"
    assert written_form("boletin", []) == "boletin"


GLUED = Vocabulary([("secretaria", 50), ("general", 40), ("secreta", 90), ("riageneral", 2),
                    ("gestion", 30), ("documental", 8), ("de", 99), ("legado", 5), ("mayor", 20),
                    ("alcaldia", 25)])  # fmt: skip


def test_two_indexed_words_written_together_are_proposed_apart() -> None:
    assert GLUED.split("gestiondocumental") == "gestion documental"
    assert GLUED.split("GestiónDocumental") == "gestion documental", "folded first, as the index folds"
    assert GLUED.split("mayoralcaldia") == "mayor alcaldia"
    # «secreta» + «riageneral» is a split too, but «riageneral» is in 2 units: the rarer word decides
    assert GLUED.split("secretariageneral") == "secretaria general"


def test_a_glued_word_with_a_typo_in_one_of_its_words_is_split_and_corrected() -> None:
    assert GLUED.split("secretriageneral") == "secretaria general"
    assert GLUED.split("gestiondocumentl") == "gestion documental"
    assert GLUED.split("gestoindocumental") == "gestion documental", "a swap is one typo"
    two = Vocabulary([("gestion", 30), ("documental", 8), ("documentar", 80)])
    assert two.split("gestiondocumentxl") == "gestion documental", "one typo before two, however frequent"
    # two ways to split: «gestion» + «documentl» (1 typo) and «gestiondo» + «cumentl» → «cemento» (2)
    cuts = Vocabulary([("gestion", 30), ("documental", 8), ("gestiondo", 99), ("cemento", 99)])
    assert cuts.split("gestiondocumentl") == "gestion documental", "the split with fewer typos wins"


def test_no_split_for_short_words_known_words_digits_or_two_typos_apart() -> None:
    assert GLUED.split("delegado") is None, "«de» is shorter than 3 letters"
    assert GLUED.split("legadode") is None, "at the end too"
    assert Vocabulary([("gestion", 3), ("red", 2)]).split("gestionred") == "gestion red", "3 letters will do"
    indexed = Vocabulary([("contra", 5), ("tacion", 5), ("contratacion", 9)])
    assert indexed.split("contratacion") is None, "an indexed word is not split, even where it could be"
    assert GLUED.split("general") is None, "an indexed word is no glued word"
    assert GLUED.split("gestion2documental") is None
    assert GLUED.split("gestoindocumentl") is None, "neither word is indexed as written"
    assert GLUED.split("gen") is None
    assert GLUED.split("") is None
    assert Vocabulary([]).split("gestiondocumental") is None
