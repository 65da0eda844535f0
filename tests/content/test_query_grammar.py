"""The query grammar as a contract: one table row per rule of ``content/query.py``'s docstrings,
then generated queries composed from that grammar (words, quotes, o/OR, -x, x*, citations,
punctuation, long repetitions) that the parser must take without failing or growing."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sgdesk.content.query import MAX_CLAUSES, MAX_WORD, MIN_PREFIX, Phrase, Query, Term, parse_query
from sgdesk.content.text import fold


def _shape(query: Query) -> tuple[list[list[str]], list[str]]:
    """Groups and exclusions as plain strings: "w" a word, "w*" a prefix, "a b" a phrase."""

    def text(clause: Term | Phrase) -> str:
        if isinstance(clause, Phrase):
            return " ".join(clause.words)
        return clause.word + ("*" if clause.prefix else "")

    return [[text(c) for c in group] for group in query.groups], [text(c) for c in query.excluded]


@pytest.mark.parametrize(
    ("text", "groups", "excluded"),
    [
        # words: every word must appear (AND), folded (accents, case)
        ("Gestión DOCUMENTAL", [["gestion"], ["documental"]], []),
        ("  espacios \t y\nsaltos  ", [["espacios"], ["saltos"]], []),
        # "quoted": the words together, in order; an unclosed quote runs to the end
        ('"Daño antijurídico"', [["dano antijuridico"]], []),
        ('"sin cerrar', [["sin cerrar"]], []),
        ('"uno"', [["uno"]], []),
        ('"" vacías', [["vacias"]], []),
        # o / OR: alternatives within one group, in any case
        ("víctimas o paz", [["victimas", "paz"]], []),
        ("víctimas OR paz O tierra", [["victimas", "paz", "tierra"]], []),
        ("a1 o b1 c1", [["a1", "b1"], ["c1"]], []),
        # a leading or trailing o has nothing to join: dropped
        ("o víctimas", [["victimas"]], []),
        ("víctimas o", [["victimas"]], []),
        ("o o víctimas o o", [["victimas"]], []),
        # -word excludes; a lone "-" is nothing; quoted text is never an exclusion
        ("archivo -distrital", [["archivo"]], ["distrital"]),
        ("archivo -", [["archivo"]], []),
        ('archivo "-distrital"', [["archivo"], ["distrital"]], []),
        ("archivo -o", [["archivo"]], ["o"]),
        # word* is a prefix from MIN_PREFIX letters; shorter, a plain word
        ("gest*", [["gest*"]], []),
        ("ges*", [["ges*"]], []),
        ("ge*", [["ge*"]], []),
        ("g*", [["g"]], []),
        # a hyphenated compound: the words side by side, or joined (Spanish doubles the r)
        ("co-responsabilidad", [["co responsabilidad", "coresponsabilidad", "corresponsabilidad"]], []),
        ("*gest", [["gest"]], []),
        # punctuation inside a token: the pieces side by side, as a phrase
        ("5-A", [["5 a"]], []),
        ("l'estado", [["l estado"]], []),
        ("2.2.5", [["2 2 5"]], []),
        ("snake_case", [["snake case"]], []),
        ("¿cuál? ¡sí!", [["cual"], ["si"]], []),
        # common words: dropped beside other terms, kept when there is nothing else
        ("funciones de la secretaría", [["funciones"], ["secretaria"]], []),
        ("de la", [["de"], ["la"]], []),
        ("de o funciones", [["de", "funciones"]], []),  # a group with one selective term stays
    ],
)
def test_each_rule_of_the_grammar(text: str, groups: list[list[str]], excluded: list[str]) -> None:
    assert _shape(parse_query(text)) == (groups, excluded)


def test_quotes_make_plain_terms_and_keep_the_order() -> None:
    assert parse_query('"uno"').groups == ((Term("uno"),),)  # one quoted word: a word, not a phrase
    assert parse_query('"gest*"').groups == ((Term("gest"),),)  # quoted: no prefix
    query = parse_query('uno -paz "dos" tres "cuatro cinco"')
    assert _shape(query) == ([["uno"], ["dos"], ["tres"], ["cuatro cinco"]], ["paz"])


def test_only_common_words_is_said() -> None:
    assert parse_query("de la").only_common_words
    assert not parse_query("de la secretaría").only_common_words
    assert not parse_query("").only_common_words


def test_words_to_highlight_are_the_kept_ones() -> None:
    assert parse_query('Gestión "daño antijurídico" -paz de').words == {"gestion", "dano", "antijuridico"}


@pytest.mark.parametrize(
    "text", ["", "   ", "...", "¿?¡!", '"', '""', "o", "o o", "OR", "*", "-", "--", "-o"]
)
def test_nothing_to_search(text: str) -> None:
    assert parse_query(text).is_empty


def test_a_citation_alone_is_something_to_search() -> None:
    query = parse_query("D. 267/2007")
    assert query.citation is not None
    assert query.citation.norm_id == "decreto-267-2007"
    assert not query.is_empty


def test_words_are_cut_at_max_word() -> None:
    (group,) = parse_query("x" * 500).groups
    assert group == (Term("x" * MAX_WORD),)


def test_clauses_and_exclusions_are_capped() -> None:
    query = parse_query(" ".join(f"w{i}" for i in range(100)) + " " + " ".join(f"-e{i}" for i in range(100)))
    assert len(query.groups) == MAX_CLAUSES
    assert _shape(query)[0][0] == ["w0"]  # the first ones are kept
    assert len(query.excluded) == MAX_CLAUSES


def test_the_text_is_read_up_to_2000_characters() -> None:
    query = parse_query("x" * 1999 + " tarde")
    assert query.groups == ((Term("x" * MAX_WORD),),)
    assert len(query.text) == 2000


# -- generated queries ---------------------------------------------------------------------

WORDS = ["gestión", "documental", "funciones", "de", "la", "Víctimas", "paz", "archivo", "ÁRBOL", "x",
         "2007", "5-A", "l'estado", "snake_case", "ñandú", "o", "OR", "y"]  # fmt: skip
CITATIONS = ["decreto 267 de 2007", "D. 267/2007", "acuerdo 257", "art 7 lit n", "literal n",
             "Resolución 630 de 2024", "dto. 59 de 2012", "artículo 7, literal n"]  # fmt: skip
PUNCTUATION = [*list(".,;:!?¿¡()[]{}\"'*-_/\\«»–—…"), "--", "**", '""', "-*", "*-"]

word = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(categories=["L", "Nd"]), min_size=1, max_size=12),
)
token = st.one_of(
    word,
    st.builds(lambda ws: '"' + " ".join(ws) + '"', st.lists(word, max_size=4)),  # phrase
    st.builds(lambda ws: '"' + " ".join(ws), st.lists(word, min_size=1, max_size=3)),  # unclosed
    st.sampled_from(["o", "O", "OR", "or"]),
    st.builds(lambda w: "-" + w, word),
    st.builds(lambda w: w + "*", word),
    st.sampled_from(CITATIONS),
    st.sampled_from(PUNCTUATION),
    st.builds(lambda w, n: " ".join([w] * n), st.sampled_from(["-a", "o", "x", "de", "gest*", '"a"']),
              st.integers(min_value=20, max_value=700)),  # long repetitions
)  # fmt: skip
queries = st.builds(
    lambda ts, sep: sep.join(ts), st.lists(token, max_size=30), st.sampled_from([" ", "  ", "\t"])
)


@given(queries)
@example("o x")
@example("x o")
@example("-a " * 600)
@example("o")
@example('"')
@example("- * -* *- o OR o")
def test_generated_queries_are_understood_within_bounds(text: str) -> None:
    query = parse_query(text)
    assert len(query.groups) <= MAX_CLAUSES
    assert len(query.excluded) <= MAX_CLAUSES
    for clause in [c for group in query.groups for c in group] + list(query.excluded):
        words = clause.words if isinstance(clause, Phrase) else (clause.word,)
        assert words, clause
        for w in words:
            assert w
            assert len(w) <= MAX_WORD
            assert fold(w) == w  # folded: accents and case never reach the index
        if isinstance(clause, Term) and clause.prefix:
            assert len(clause.word) >= MIN_PREFIX
    assert all(group for group in query.groups)
    assert query.is_empty == (not query.groups and query.citation is None)


@given(st.lists(st.sampled_from(["gestion", "archivo", "paz", "tierra"]), min_size=1, max_size=8))
def test_or_between_words_makes_one_group(words: list[str]) -> None:
    assert _shape(parse_query(" o ".join(words))) == ([words], [])
    assert _shape(parse_query(" ".join(words))) == ([[w] for w in words], [])
