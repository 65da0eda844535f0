"""Where a reader's note lands after the content team edits its passage, on made-up texts:
a word changed, inserted or deleted inside the passage, the passage at the very start or end
of its unit (with or without a final period), a passage of eight characters, a whole
paragraph, a long article whose intact words are common ones, and repeated sentences. The
note must cover the edited words the reader would recognise as theirs — not a word more
(the one before, half of the next) nor less — or stay «sin ubicar»; never an error."""

from __future__ import annotations

import pytest

from sgdesk.content.anchoring import Location, Placement, anchor_at, anchor_quote, locate, selection_span

DEROGA = "Se deroga el artículo 5 del Decreto 140 de 2021."
PRORROGA = "Parágrafo. La entidad podrá prorrogar el término por una sola vez."
PLAZO = "El plazo será de diez días hábiles contados a partir de la publicación del acto."
SECRETARIA = "La Secretaría General coordinará las funciones de las dependencias del sector central."
# unit texts that end without a period (a literal of a list, say)
DECRETO = "El alcalde mayor expedirá el decreto reglamentario dentro del mes siguiente"
ARCHIVO = "La Secretaría asumirá el archivo a partir de la fecha"
CITA = "El artículo dice: «La entidad podrá prorrogar el término por una sola vez» y nada más."
INFORME = "Los jefes de oficina deberán presentar el informe anual a la Secretaría General antes de marzo."


def placed(text: str, quote: str, edited: str) -> str | None:
    """The words of ``edited`` a note on ``quote`` in ``text`` covers now (None: «sin ubicar»)."""
    anchor = anchor_quote(text, quote)
    assert anchor is not None
    location = locate(anchor, edited)
    assert location.placement in (Placement.APPROXIMATE, Placement.UNPLACED)
    return edited[location.start : location.end] if location.found else None


@pytest.mark.parametrize(
    ("text", "quote", "edited", "covered"),
    [
        (
            DEROGA,
            "5 del Decreto 140 de 2021.",
            "Se deroga el artículo 5 del 140 de 2021.",
            "5 del 140 de 2021.",
        ),
        (PRORROGA, "por una sola vez.", PRORROGA.replace("sola", "única"), "por una única vez."),
        (
            SECRETARIA,
            "dependencias del sector central",
            SECRETARIA.replace("sector ", ""),
            "dependencias del central",
        ),
        (
            SECRETARIA,
            "dependencias del sector central",
            SECRETARIA.replace("central", "descentralizado"),
            "dependencias del sector descentralizado",
        ),
        (
            PLAZO,
            "de la publicación del acto",
            PLAZO.replace("publicación", "expedición"),
            "de la expedición del acto",
        ),
        (DECRETO, "dentro del mes siguiente", DECRETO.replace("mes", "año"), "dentro del año siguiente"),
        (ARCHIVO, "a partir de la fecha", ARCHIVO.replace("la fecha", "esa fecha"), "a partir de esa fecha"),
    ],
)
def test_an_edited_passage_at_the_end_of_its_text_covers_it_to_the_last_word(
    text: str, quote: str, edited: str, covered: str
) -> None:
    assert placed(text, quote, edited) == covered


@pytest.mark.parametrize(
    ("text", "quote", "edited", "covered"),
    [
        (PLAZO, "El plazo será", PLAZO.replace("plazo", "plazo máximo"), "El plazo máximo será"),
        (PLAZO, "plazo será", PLAZO.replace("plazo", "plazo máximo"), "plazo máximo será"),
        (
            PRORROGA,
            "La entidad podrá prorrogar",
            PRORROGA.replace("La", "La nueva"),
            "La nueva entidad podrá prorrogar",
        ),
        (
            "Y el alcalde expedirá el decreto reglamentario en un mes.",
            "Y el alcalde expedirá",
            "Y el alcalde mayor expedirá el decreto reglamentario en un mes.",
            "Y el alcalde mayor expedirá",
        ),
        (
            "A partir de la fecha, la Secretaría asumirá el archivo.",
            "A partir de la fecha",
            "A partir de esta fecha, la Secretaría asumirá el archivo.",
            "A partir de esta fecha",
        ),
    ],
)
def test_a_word_added_inside_a_passage_is_covered_with_it(
    text: str, quote: str, edited: str, covered: str
) -> None:
    assert placed(text, quote, edited) == covered


@pytest.mark.parametrize(
    ("text", "quote", "edited", "covered"),
    [
        (PRORROGA, "La entidad podrá prorrogar", PRORROGA.replace(" prorrogar", ""), "La entidad podrá"),
        (PRORROGA, "el término por una sola", PRORROGA.replace(" término", ""), "el por una sola"),
        # at the very start of a text that ends in a letter
        (
            DECRETO,
            "El alcalde mayor expedirá",
            DECRETO.replace("expedirá", "firmará"),
            "El alcalde mayor firmará",
        ),
        # a shorter word inside: the passage still starts at its first word, not the space before
        (
            INFORME,
            "deberán presentar el informe",
            INFORME.replace("presentar", "entregar"),
            "deberán entregar el informe",
        ),
        (
            INFORME,
            "presentar el informe anual",
            INFORME.replace("informe", "acta"),
            "presentar el acta anual",
        ),
        # ... and ends at its last word, not the space after it
        (INFORME, "el informe anual a la", INFORME.replace(" a la", " mes la"), "el informe anual mes la"),
        # a passage that began with a sign («, () begins with it again
        (
            CITA,
            "«La entidad podrá prorrogar",
            CITA.replace("podrá", "deberá"),
            "«La entidad deberá prorrogar",
        ),
        (CITA, "«La entidad podrá", CITA.replace("entidad", "secretaría"), "«La secretaría podrá"),
        (
            "Según el (a) del artículo 5 la entidad podrá prorrogar.",
            "(a) del artículo",
            "Según el (a) de este artículo 5 la entidad podrá prorrogar.",
            "(a) de este artículo",
        ),
        (
            "(a) del artículo 5 dice otra cosa.",
            "(a) del artículo",
            "(a) de este artículo 5 dice otra cosa.",
            "(a) de este artículo",
        ),
        # ... and one whose sign the edit removed, with its first word
        (
            CITA,
            "«La entidad podrá",
            "El artículo dice: La secretaría podrá prorrogar el término por una sola vez y nada más.",
            "La secretaría podrá",
        ),
        # ... or whose sign went with the sentence before it (the text now starts with the passage
        # and ends with that sign: the passage must not start before the text)
        (
            "Vale. La entidad podrá prorrogar el término de la convocatoria pública por una sola vez.",
            ". La entidad podrá prorrogar el término de la convocatoria pública por una sola vez",
            "La entidad podrá prorrogar el término de la convocatoria pública por una única vez.",
            "La entidad podrá prorrogar el término de la convocatoria pública por una única vez",
        ),
        # a passage that ended with a sign ends with it again
        (CITA, "por una sola vez»", CITA.replace("sola", "única"), "por una única vez»"),
        (
            CITA,
            "el término por una sola vez»",
            CITA.replace("término", "plazo"),
            "el plazo por una sola vez»",
        ),
        (
            "Dice (por una sola vez), y nada más.",
            "por una sola vez),",
            "Dice (por una única vez), y nada más.",
            "por una única vez),",
        ),
    ],
)
def test_a_word_deleted_or_changed_leaves_the_rest_of_the_passage_covered(
    text: str, quote: str, edited: str, covered: str
) -> None:
    assert placed(text, quote, edited) == covered


def test_a_passage_of_eight_characters_is_still_found_when_edited() -> None:
    """Eight characters is the shortest passage looked for approximately (shorter ones are
    only found as written)."""
    assert placed(PRORROGA, "sola vez", PRORROGA.replace("vez", "ves")) == "sola ves"
    assert placed(PRORROGA, "una sola", PRORROGA.replace("una", "uno")) == "uno sola"


@pytest.mark.parametrize(
    ("text", "quote", "edited"),
    [
        (PRORROGA, "por una sola vez.", "Parágrafo. La entidad podrá prorrogar el término por una"),
        (PRORROGA, "término por una sola", "Parágrafo. La entidad podrá prorrogar el término por"),
        (DEROGA, "5 del Decreto 140 de", "Se deroga el artículo 5 del Decreto 140"),
        (PLAZO, "de la publicación del acto.", "El plazo será de diez días hábiles contados a partir de la"),
    ],
)
def test_a_passage_cut_off_with_the_end_of_its_text_is_kept_unplaced(
    text: str, quote: str, edited: str
) -> None:
    """The text now ends inside the passage: the note stays «sin ubicar» (it keeps its quote),
    and the other notes of the page are placed all the same (no error)."""
    assert placed(text, quote, edited) is None


def test_a_passage_that_lost_a_long_word_is_not_put_on_the_words_before_it() -> None:
    """«de diez días hábiles» without «hábiles»: «será de diez días» is not what was noted."""
    assert placed(PLAZO, "de diez días hábiles", PLAZO.replace(" hábiles", "")) is None


def test_a_note_on_one_of_several_identical_sentences_stays_on_it() -> None:
    """The second of ten «Cúmplase.»: its whole prefix is the text before it."""
    text = " ".join(["Cúmplase."] * 10)
    assert locate(anchor_at(text, 10, 19), text) == Location(Placement.EXACT, 10, 19)


def test_a_whole_paragraph_with_two_words_changed_is_found_whole() -> None:
    """A note on a paragraph of about 300 characters (longer than difflib's 200, where it
    starts to ignore frequent characters unless told not to)."""
    text = (
        "Artículo 3. Funciones. Son funciones de la Secretaría General: dirigir la gestión documental del "
        "distrito, coordinar el archivo de Bogotá, expedir las certificaciones que soliciten los ciudadanos, "
        "llevar el registro de los actos administrativos del alcalde mayor, publicar los decretos en el "
        "registro distrital y asistir al alcalde en las relaciones con las entidades del orden nacional y "
        "territorial."
    )
    quote = text[text.index("Son") :]
    edited = text.replace("dirigir", "orientar").replace("alcalde mayor", "mandatario")
    assert placed(text, quote, edited) == edited[edited.index("Son") :]


def test_in_a_long_article_an_edited_passage_of_common_words_is_found() -> None:
    """Over 200 words, «de», «la» and «ley» are frequent; the passage keeps only them."""
    recitals = " ".join(
        f"Considerando {n}: que la ley de la república asigna a la entidad de la ciudad el deber de la "
        "gestión."
        for n in range(20)
    )
    text = f"Según el plazo de la ley, el trámite dura diez días. {recitals}"
    assert placed(text, "el plazo de la ley", text.replace("plazo", "término", 1)) == "el término de la ley"


def test_a_selection_that_starts_like_the_label_but_is_in_the_text_keeps_its_first_words() -> None:
    """«b. de este artículo» is in the text itself (after «literal»): nothing is cut from it."""
    text = "Lo dispuesto en el literal b. de este artículo"
    assert selection_span(text, "b. de este artículo", "Lo dispuesto en el literal", "b.") == (27, 46)


def test_a_selection_from_the_label_lands_on_the_first_words_even_when_they_repeat() -> None:
    """A unit whose text starts with its words twice (an erratum): the label and «el plazo»
    selected are the first «el plazo», the one right after the label."""
    text = "el plazo el plazo de diez días"
    assert selection_span(text, "a. el plazo", "Literal a", "a.") == (0, 8)


def test_a_selection_begun_inside_a_word_covers_the_whole_word_after_an_edit() -> None:
    """The reader's selection missed the «L» of «La»: after the edit the note covers «La»
    whole, not a character before the text starts."""
    quote = SECRETARIA[1:36]
    assert quote == "a Secretaría General coordinará las"
    anchor = anchor_at(SECRETARIA, 1, 36)
    edited = SECRETARIA.replace("coordinará", "dirigirá")
    assert locate(anchor, edited) == Location(Placement.APPROXIMATE, 0, 34)
    assert edited[:34] == "La Secretaría General dirigirá las"
