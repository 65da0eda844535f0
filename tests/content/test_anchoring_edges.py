"""Anchors at their edges, from made-up texts: the first occurrence, the start of the text,
repeated quotes told apart by their prefix alone or their suffix alone, the closest of equally
good places, overlapping occurrences, and which moved node is «the same unit»."""

from __future__ import annotations

import pytest

from sgdesk.content.anchoring import (
    Location,
    NodeName,
    Placement,
    anchor_at,
    anchor_quote,
    locate,
    normalised_text,
    relocate,
    selection_span,
)
from sgdesk.content.annotations import TextAnchor


def test_an_anchor_keeps_its_span() -> None:
    assert anchor_at("uno dos tres", 4, 7) == TextAnchor("dos", "uno ", " tres", 4, 7)


def test_a_quote_is_anchored_at_its_first_occurrence_even_at_the_start() -> None:
    assert anchor_quote("Artículo 1. El Artículo", "Artículo") == TextAnchor(
        "Artículo", "", " 1. El Artículo", 0, 8
    )
    assert anchor_quote("uno de dos de tres", "de") == TextAnchor("de", "uno ", " dos de tres", 4, 6)
    folded = anchor_quote("Él dijo que él", "EL")
    assert folded is not None
    assert (folded.start, folded.end) == (0, 2)


def test_a_selection_as_written_is_preferred_to_one_in_other_case() -> None:
    assert selection_span("De prueba de", "de") == (10, 12)


def test_every_occurrence_counts_when_choosing_the_selected_one() -> None:
    text = "x de y de z de w"
    assert selection_span(text, "de", before="x de y ") == (7, 9)
    assert selection_span(text, "de", before="x de y de z ") == (12, 14)
    assert selection_span("aaa", "aa", before="a") == (1, 3)  # overlapping occurrences


def test_a_label_then_a_repeated_word_keeps_the_page_text_before_it() -> None:
    """«b. uno de dos de tres» selected from «de» on, with the label printed first."""
    text = "uno de dos de tres"
    assert selection_span(text, "b. de tres", before="Literal b uno de dos", label="b.") == (11, 18)


def test_the_prefix_alone_chooses_among_repeats() -> None:
    anchor = anchor_at("gama dice de uno.", 5, 12)
    assert locate(anchor, "alfa dice de uno. gama dice de uno.") == Location(Placement.MOVED, 23, 30)


def test_the_suffix_alone_chooses_among_repeats() -> None:
    anchor = anchor_at("uno dice de gama.", 4, 11)
    assert locate(anchor, "uno dice de alfa. uno dice de gama.") == Location(Placement.MOVED, 22, 29)


def test_without_context_the_occurrence_closest_to_the_old_place_wins() -> None:
    anchor = TextAnchor("de", "zzz", "zzz", 9, 11)
    assert locate(anchor, "de x de y de z de") == Location(Placement.MOVED, 10, 12)


def test_a_quote_at_its_old_place_with_new_context_is_still_exact() -> None:
    anchor = anchor_at("antes: plazo de diez días", 7, 12)
    assert locate(anchor, "luego: plazo de ocho días") == Location(Placement.EXACT, 7, 12)


def test_the_same_unit_under_another_parent_by_last_segment_or_by_title() -> None:
    literal = NodeName("decreto-1-2000/art-1/lit-a", "Literal a")
    assert literal.same_unit_as(NodeName("decreto-2-2001/art-5/lit-a", ""))
    assert not literal.same_unit_as(NodeName("decreto-1-2000/art-1/lit-b", ""))
    assert not NodeName("decreto-1-2000/lit-a", "").same_unit_as(NodeName("decreto-1-2000/lit-b", ""))
    assert NodeName("decreto-1-2000", "").same_unit_as(NodeName("decreto-1-2000", ""))
    assert NodeName("d/art-1", "Artículo 1 bis").same_unit_as(NodeName("d/art-9", "Artículo 1 bis"))
    assert not NodeName("d/art-1", "").same_unit_as(NodeName("e/art-9", ""))  # no title is no match


def test_a_moved_node_is_the_candidate_whose_context_fits_best() -> None:
    anchor = anchor_at("Corresponde a la oficina expedir los actos.", 14, 24)  # «la oficina»
    original = NodeName("decreto-1-2000/art-1/lit-a", "")
    weak = (NodeName("decreto-2-2001/art-3/lit-a", ""), "Dirige la oficina con cuidado.")
    strong = (NodeName("decreto-2-2001/art-4/lit-a", ""), "Corresponde a la oficina expedir los actos.")
    assert relocate(anchor, original, [weak, strong]) == (
        "decreto-2-2001/art-4/lit-a",
        Location(Placement.RELOCATED, 14, 24),
    )
    assert relocate(anchor, original, [strong, weak]) == (
        "decreto-2-2001/art-4/lit-a",
        Location(Placement.RELOCATED, 14, 24),
    )


def test_a_quote_under_eight_characters_is_never_placed_approximately() -> None:
    anchor = anchor_at("Dijo que y plazo fijo era lo acordado.", 9, 16)  # «y plazo»
    assert locate(anchor, "Dijo que o plazo fijo era lo acordado.") == Location(Placement.UNPLACED)


def test_a_quote_that_keeps_one_word_but_is_rewritten_is_unplaced() -> None:
    text = "Se fija un plazo de diez días hábiles para responder la solicitud."
    anchor = anchor_at(text, 11, 37)  # «plazo de diez días hábiles»
    rewritten = "Nada que ver: el plazo fue ampliado sin límite alguno por la entidad."
    assert locate(anchor, rewritten) == Location(Placement.UNPLACED)


def test_an_edited_quote_is_looked_for_by_an_intact_word_of_four_letters_not_three() -> None:
    text = "Al norte queda el gran lote casa piedra del barrio antiguo de la ciudad."
    anchor = anchor_at(text, 23, 39)  # «lote casa piedra»: «casa» is left intact
    edited = "Al norte queda el gran lota casa piedro del barrio antiguo de la ciudad."
    assert locate(anchor, edited) == Location(Placement.APPROXIMATE, 23, 39)
    short = anchor_at(text.replace("casa", "sol"), 23, 38)  # «lote sol piedra»: only «sol»
    assert locate(short, edited.replace("casa", "sol")) == Location(Placement.UNPLACED)


LONG = (
    "Primero. Corresponde a la Secretaría General expedir los actos administrativos de carácter general "
    "y vigilar su cumplimiento en todas las dependencias. Segundo. Otra cosa distinta."
)
LONG_QUOTE = "expedir los actos administrativos de carácter general y vigilar su cumplimiento"


def _placed(text: str) -> str:
    start = LONG.index(LONG_QUOTE)
    location = locate(anchor_at(LONG, start, start + len(LONG_QUOTE)), text)
    assert location.placement is Placement.APPROXIMATE
    return text[location.start : location.end]


def test_a_long_edited_quote_covers_exactly_the_edited_passage() -> None:
    assert _placed(LONG.replace("su cumplimiento", "su debido cumplimiento")) == (
        "expedir los actos administrativos de carácter general y vigilar su debido cumplimiento"
    )
    assert _placed(LONG.replace("expedir los actos", "expedir todos los actos")) == (
        "expedir todos los actos administrativos de carácter general y vigilar su cumplimiento"
    )
    moved = "Nuevo párrafo inicial añadido. " + LONG.replace(
        "carácter general", "carácter general o particular"
    )
    assert _placed(moved) == (
        "expedir los actos administrativos de carácter general o particular y vigilar su cumplimiento"
    )


@pytest.mark.parametrize(
    ("old", "new", "quote", "expected"),
    [
        # near the start of the unit: the passage does not take in the words before it
        ("Se fija un plazo de diez días hábiles.", "Se fija un plazo de once días hábiles.",
         "plazo de diez", "plazo de once"),
        ("Se fija un plazo de diez días hábiles.", "Se fija un plazo de once días hábiles.",
         "plazo de diez días", "plazo de once días"),
        # near its end: nor the words after it
        ("Se responde en el plazo de diez días", "Se responde en el plazo de once días",
         "el plazo de diez", "el plazo de once"),
    ],
)  # fmt: skip
def test_an_edited_passage_near_the_edge_of_its_text_keeps_its_extent(
    old: str, new: str, quote: str, expected: str
) -> None:
    """A note on «plazo de diez» whose text becomes «plazo de once» stays on those three words:
    the context compared at a start or end near the edge of the text is not cut shorter than
    the stored one (which made the earlier start, or the later end, look more alike)."""
    anchor = anchor_quote(old, quote)
    assert anchor is not None
    found = locate(anchor, normalised_text(new))
    assert found.placement is Placement.APPROXIMATE
    assert new[found.start : found.end] == expected


@pytest.mark.parametrize(
    ("old", "new", "quote", "expected"),
    [
        # the quote's first intact run («alcalde expedirá el») stands whole only in the other
        # sentence; the run that places it («expedirá el decreto») is as long
        ("El alcalde expedirá el decreto en un mes. Luego el alcalde expedirá el acta.",
         "El alcalde mayor expedirá el decreto en un mes. Luego el alcalde expedirá el acta.",
         "El alcalde expedirá el decreto", "El alcalde mayor expedirá el decreto"),
        # the same with the sentences the other way round
        ("Luego el alcalde expedirá el acta. El alcalde expedirá el decreto en un mes.",
         "Luego el alcalde expedirá el acta. El alcalde mayor expedirá el decreto en un mes.",
         "El alcalde expedirá el decreto", "El alcalde mayor expedirá el decreto"),
    ],
)  # fmt: skip
def test_an_edited_quote_is_aligned_on_every_longest_intact_run(
    old: str, new: str, quote: str, expected: str
) -> None:
    """A note on «El alcalde expedirá el decreto» after «mayor» is inserted lands on the edited
    passage, not «sin ubicar», although another sentence repeats part of its words."""
    anchor = anchor_quote(old, quote)
    assert anchor is not None
    found = locate(anchor, normalised_text(new))
    assert found.placement is Placement.APPROXIMATE
    assert new[found.start : found.end] == expected
