"""Hostile input in the query grammar never raises: quotes, «o», exclusions, prefixes of every
length, citations, hyphenated compounds, acronyms, typos, unfinished last words (as the panel
sends them while typing) and exact searches — not only random text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sgdesk.library import Library

WORDS = st.sampled_from([
    "gestión", "documental", "secretaría", "general", "funciones", "políticas", "pública", "de", "la",
    "secretria", "gestoin", "documnetal", "politcas", "co-responsabilidad", "corresponsabilidad",
    "auto-rregulación", "TIC", "DDRI", "SG", "ACDVPR", "Alta Consejería de Víctimas", "víctimas",
    "5-A", "l'estado", "2.2.5", "ñandú", "x" * 70, "NEAR(a", "AND", "NOT", "{title", "text}:", "^",
])  # fmt: skip
CITATIONS = st.builds(
    lambda kind, number, year: f"{kind} {number} de {year}",
    st.sampled_from(["decreto", "acuerdo", "D.", "resolución", "art", "lit"]),
    st.integers(0, 99999),
    st.integers(0, 3000),
)
TOKENS = st.one_of(
    WORDS,
    WORDS.map(lambda w: f'"{w}"'),
    WORDS.map(lambda w: f'"{w}'),  # an unclosed quote
    WORDS.map(lambda w: f"-{w}"),
    st.tuples(WORDS, st.integers(0, 8)).map(lambda pair: pair[0][: pair[1]] + "*"),  # x*, de*, *
    st.sampled_from(["o", "O", "or", "-", "*", '"', "--", "o o"]),
    CITATIONS,
    st.text(max_size=6),
)
QUERIES = st.builds(
    lambda tokens, cut, space: (" ".join(tokens)[:cut] if cut else " ".join(tokens)) + space,
    st.lists(TOKENS, max_size=8),
    st.integers(0, 80),  # cut anywhere: the text as it is while being typed
    st.sampled_from(["", " "]),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES, st.booleans(), st.booleans())
@example("secretria general", False, False)
@example("secretria gen", True, False)
@example("co-responsabilidad -co-responsabilidad", True, True)
@example("TIC o DDRI -SG", True, False)
@example("de* o la* -a*", True, False)
@example('"alta consejeria de victimas', True, False)
@example("alta consejería de víctimas o", True, False)
def test_the_query_grammar_never_raises(library: Library, text: str, prefix_last: bool, exact: bool) -> None:
    results = library.search(text, limit=5, prefix_last=prefix_last, exact=exact)
    assert len(results.hits) <= 5
    assert results.total >= len(results.hits) or results.total_capped
    if results.corrected_from is not None:
        assert not exact, "an exact search is never replaced by its correction"
        assert results.suggestion is not None
        assert results.query.text == results.suggestion
