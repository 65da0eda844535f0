"""``parse_query`` skips ``parse_citation`` for texts without a citation's marks (busqueda6,
#15.5): it must find exactly what ``parse_citation`` finds, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.citations import parse_citation
from sgdesk.content.query import parse_query

PIECES = ["acuerdo", "Decreto", "resolución", "circular", "directiva", "ley", "d.", "D.", "dto", "dto.",
          "art", "Art.", "artículo", "lit", "literal", "lit.", "no.", "nº", "267", "2007", "7", "n", "b",
          "de", "del", "/", "partes", "calidad", "x", ".", "-", " ", "  ", "ñ", "_"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=12), st.text(max_size=8))
def test_the_query_s_citation_is_parse_citation_s(pieces: list[str], noise: str) -> None:
    for text in ("".join(pieces), " ".join(pieces), " ".join(pieces) + noise, noise + "".join(pieces)):
        assert parse_query(text).citation == parse_citation(text)


def test_words_that_only_contain_a_mark_cite_nothing() -> None:
    assert parse_query("partes de la calidad").citation is None
    for text in ("acuerdo 257", "Decreto 267 de 2007", "resolución 100 de 2015", "circular 5", "directiva 3",
                 "ley 1712 de 2014", "D. 059/2012", "dto. 15 de 1998", "art 7 lit n", "Artículo 3",
                 "literal b", "lit. c"):  # fmt: skip
        assert parse_query(text).citation == parse_citation(text) is not None, text
