"""How printed lines become paragraphs across a page break (PDFium's lines, made by hand)."""

from __future__ import annotations

from sgdesk.importer.pdftext import _Line, _paragraphs


def _page(*texts: str, gap_after: int | None = None) -> list[_Line]:
    """Lines 12 points high, 2 points apart; a wider gap after line ``gap_after``."""
    lines, top = [], 700.0
    for index, text in enumerate(texts):
        lines.append(_Line(text, top, top - 12))
        top -= 14 + (10 if index == gap_after else 0)
    return lines


def test_a_literal_at_the_top_of_a_page_starts_a_paragraph() -> None:
    pages = [_page("c) Tercera función de ejemplo, que no termina en", "esta línea sino en la siguiente"),
             _page("d) Cuarta función de ejemplo.")]  # fmt: skip
    assert _paragraphs(pages) == [
        "c) Tercera función de ejemplo, que no termina en esta línea sino en la siguiente",
        "d) Cuarta función de ejemplo.",
    ]


def test_a_sentence_cut_by_the_page_goes_on() -> None:
    pages = [
        _page("Artículo 1°. Texto de ejemplo que sigue en la"),
        _page("página siguiente.", "Otro párrafo.", gap_after=0),
    ]
    assert _paragraphs(pages) == [
        "Artículo 1°. Texto de ejemplo que sigue en la página siguiente.",
        "Otro párrafo.",
    ]


def test_space_between_lines_separates_paragraphs() -> None:
    pages = [
        _page("Primer párrafo de ejemplo", "que sigue aquí.", "segundo párrafo en minúscula.", gap_after=1)
    ]
    assert _paragraphs(pages) == [
        "Primer párrafo de ejemplo que sigue aquí.",
        "segundo párrafo en minúscula.",
    ]
