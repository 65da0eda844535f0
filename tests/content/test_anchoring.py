"""Re-anchoring on synthetic content changes: each passage lands where a reader expects, or
becomes «sin ubicar»; nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.anchoring import (
    Location,
    NodeName,
    Placement,
    anchor_at,
    anchor_quote,
    common_start,
    locate,
    normalised_text,
    relocate,
    selection_span,
)

LITERAL_N = (
    "Formular y orientar las políticas para la gestión que en materia de relaciones, proyección y "
    "estrategia internacional requiera el Despacho del Alcalde Mayor."
)
QUOTE = "proyección y estrategia internacional"
ORIGINAL = NodeName("decreto-267-2007/art-7/lit-n", "Literal n")


def _anchor(text: str = LITERAL_N, quote: str = QUOTE):
    anchor = anchor_quote(text, quote)
    assert anchor is not None
    return anchor


def _located_text(text: str, quote: str = QUOTE, anchored_in: str = LITERAL_N) -> tuple[Placement, str]:
    location = locate(_anchor(anchored_in, quote), normalised_text(text))
    return location.placement, normalised_text(text)[location.start : location.end]


def test_the_unchanged_text_finds_the_quote_where_it_was() -> None:
    anchor = _anchor()
    assert anchor.exact == QUOTE
    assert anchor.prefix.endswith("en materia de relaciones, ")
    assert anchor.suffix.startswith(" requiera el Despacho")
    assert _located_text(LITERAL_N) == (Placement.EXACT, QUOTE)


def test_text_inserted_before_the_quote_moves_the_anchor_with_it() -> None:
    edited = LITERAL_N.replace("Formular y orientar", "Formular, adoptar, ejecutar y orientar")
    assert _located_text(edited) == (Placement.MOVED, QUOTE)


def test_line_breaks_and_double_spaces_do_not_matter() -> None:
    edited = LITERAL_N.replace("proyección y ", "proyección\n  y ")
    assert _located_text(edited) == (Placement.EXACT, QUOTE)


def test_a_slightly_edited_quote_is_found_approximately_and_covers_the_new_words() -> None:
    edited = LITERAL_N.replace(QUOTE, "proyección y estrategias internacionales")
    assert _located_text(edited) == (Placement.APPROXIMATE, "proyección y estrategias internacionales")


def test_a_word_added_inside_the_quote_is_still_found() -> None:
    edited = LITERAL_N.replace("proyección y estrategia", "proyección, cooperación y estrategia")
    placement, found = _located_text(edited)
    assert placement is Placement.APPROXIMATE
    assert found == "proyección, cooperación y estrategia internacional"


def test_a_deleted_quote_becomes_unplaced_not_a_guess() -> None:
    edited = LITERAL_N.replace(" en materia de relaciones, proyección y estrategia internacional", "")
    assert _located_text(edited) == (Placement.UNPLACED, "")


def test_a_rewritten_quote_is_unplaced() -> None:
    edited = LITERAL_N.replace(QUOTE, "cooperación técnica con otros países")
    assert _located_text(edited)[0] is Placement.UNPLACED


def test_a_short_quote_is_never_matched_approximately() -> None:
    text = "El Alcalde Mayor dirige; la Secretaría coordina."
    anchor = _anchor(text, "dirige")
    assert locate(anchor, "El Alcalde Mayor dirigía; la Secretaría coordina.").placement is Placement.UNPLACED


def test_prefix_and_suffix_choose_among_repeated_quotes() -> None:
    text = "a) la gestión documental del Distrito; b) la gestión documental de la Secretaría."
    second = text.rindex("la gestión documental")
    anchor = anchor_at(text, second, second + len("la gestión documental"))
    edited = (
        "a) la gestión documental del Distrito y de todas sus entidades adscritas y vinculadas "
        "del sector; b) la gestión documental de la Secretaría."
    )  # the first repeat is now nearer the stored position: only the context tells them apart
    location = locate(anchor, edited)
    assert location.placement is Placement.MOVED
    assert location.start == edited.rindex("la gestión documental")


def test_a_quote_is_found_ignoring_accents_and_case_when_added() -> None:
    anchor = anchor_quote(LITERAL_N, "PROYECCION Y ESTRATEGIA")
    assert anchor is not None
    assert anchor.exact == "proyección y estrategia"
    assert anchor_quote(LITERAL_N, "texto que no está") is None


def test_a_node_moved_under_another_parent_is_found_by_its_quote() -> None:
    """The literal's id changed (it now hangs from another article): the quote finds it."""
    anchor = _anchor()
    candidates = [
        (
            NodeName("decreto-267-2007/art-8/lit-a", "Literal a"),
            normalised_text("Dirigir la gestión documental."),
        ),
        (
            NodeName("decreto-163-2008/art-2", "Artículo 2"),
            normalised_text(f"Adiciónase el literal n: {LITERAL_N}"),
        ),
        (NodeName("decreto-267-2007/art-8/lit-n", "Literal n"), normalised_text(LITERAL_N)),
    ]
    found = relocate(anchor, ORIGINAL, candidates)
    assert found is not None
    node_id, location = found
    assert node_id == "decreto-267-2007/art-8/lit-n"
    assert location.placement is Placement.RELOCATED
    assert candidates[2][1][location.start : location.end] == QUOTE


def test_a_removed_node_is_not_relocated_by_guessing() -> None:
    anchor = _anchor()
    assert relocate(anchor, ORIGINAL, [(NodeName("a/lit-n", "Literal n"), "Otra cosa.")]) is None
    quoted_by_another_unit = [(NodeName("decreto-163-2008/art-2", "Artículo 2"), normalised_text(LITERAL_N))]
    assert relocate(anchor, ORIGINAL, quoted_by_another_unit) is None
    twice = [(NodeName(f"{n}/lit-n", ""), normalised_text("x " + QUOTE)) for n in ("a", "b")]
    assert relocate(anchor, ORIGINAL, twice) is None  # two equally good places


def test_an_invalid_span_is_refused() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        anchor_at("abc", 2, 2)


@given(
    text=st.text(min_size=1, max_size=200).map(normalised_text).filter(bool),
    data=st.data(),
    inserted=st.text(max_size=50),
)
def test_any_passage_is_found_again_after_text_is_inserted_before_it(
    text: str, data: st.DataObject, inserted: str
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    anchor = anchor_at(text, start, end)
    assert locate(anchor, text).placement is Placement.EXACT
    changed = inserted + text
    location = locate(anchor, changed)
    assert location.found
    assert changed[location.start : location.end] == anchor.exact


# A short word that repeats in a paragraph (the synthetic corpus's «Misión»).
MISION = "Texto de prueba de la misión."
SECOND_DE = MISION.index("prueba de") + len("prueba ")


def test_a_repeated_word_is_anchored_at_the_occurrence_selected() -> None:
    # The page shows the unit's title before its text: what precedes the selection on the page.
    assert selection_span(MISION, "de", before="Misión\u2029Texto de prueba ") == (SECOND_DE, SECOND_DE + 2)
    assert selection_span(MISION, "de", before="Misión\u2029Texto ") == (6, 8)
    assert selection_span(MISION, "DE", before="Misión Texto de prueba ") == (SECOND_DE, SECOND_DE + 2)
    assert selection_span(MISION, "de") == (6, 8)  # nothing known about the page: the first
    anchor = anchor_at(MISION, *selection_span(MISION, "de", before="Misión Texto de prueba "))
    assert (anchor.prefix, anchor.suffix) == ("Texto de prueba ", " la misión.")


def test_a_selection_starting_with_the_printed_label_is_anchored_after_it() -> None:
    literal = "de la gestión y de la prueba."
    assert selection_span(literal, "a. de", before="Artículo 1 ", label="a.") == (0, 2)
    assert selection_span(literal, "de", before="Artículo 1 a. de la gestión y ", label="a.") == (16, 18)


def test_a_short_quote_written_again_at_its_old_position_follows_its_context() -> None:
    anchor = anchor_at(MISION, SECOND_DE, SECOND_DE + 2)
    edited = "Cosas de textos de prueba de la misión."
    assert edited[SECOND_DE : SECOND_DE + 2] == "de"  # another «de» where the selected one was
    location = locate(anchor, edited)
    assert location.start == edited.index("prueba de") + len("prueba ")
    assert location.placement is Placement.MOVED
    assert locate(anchor, MISION) == Location(Placement.EXACT, SECOND_DE, SECOND_DE + 2)


@given(st.text("ab "), st.text("ab "))
def test_common_start_is_the_length_of_the_shared_beginning(first: str, second: str) -> None:
    shared = common_start(first, second)
    assert first[:shared] == second[:shared]
    assert shared == min(len(first), len(second)) or first[shared] != second[shared]
