"""Rules of ``content/query.py`` that a user notices while typing, when excluding words and when
quoting a synonym's form (session 8, #16: each row kills a mutant that survived session 7's run).

Synthetic inputs only; each rule is a row of a table."""

from __future__ import annotations

import pytest

from sgdesk.content.query import Clause, Phrase, Term, parse_query
from sgdesk.content.synonyms import SynonymEntry, SynonymTable

TABLE = SynonymTable((
    SynonymEntry(("Tecnologías de la Información y las Comunicaciones", "TIC")),
    SynonymEntry(("Secretaría General", "SG")),
))  # fmt: skip


def _shape(clauses: tuple[Clause, ...]) -> list[str]:
    return [" ".join(c.words) if isinstance(c, Phrase) else c.word + "*" * c.prefix for c in clauses]  # type: ignore[union-attr]


# -- the word being typed (prefix_last) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "groups", "typed"),
    [
        # «or» (or «o») being typed may be the start of «orden», «oficina»: a word, not a join
        ("gestion or", [["gestion"], ["or"]], "or"),
        ("gestion OR", [["gestion"], ["or"]], "or"),
        # earlier «o»/«or» still join alternatives while the last word is typed
        ("víctimas o paz", [["victimas", "paz"]], "paz"),
        ("víctimas or paz archi", [["victimas", "paz"], ["archi"]], "archi"),
        ("a1 o b1 or c1 de", [["a1", "b1", "c1"], ["de"]], "de"),
        # a one-letter last word waits for its second letter: nothing before it is «being typed»
        ("gestion d", [["gestion"]], None),
        ("gestion documental o", [["gestion"], ["documental"]], None),
        ("víctimas o paz d", [["victimas", "paz"]], None),
        # common words are dropped beside other terms; only the one being typed stays
        ("funciones de la secretaria gen", [["funciones"], ["secretaria"], ["gen"]], "gen"),
        ("de la funciones sobre", [["funciones"], ["sobre"]], "sobre"),
    ],
)
def test_while_typing(text: str, groups: list[list[str]], typed: str | None) -> None:
    query = parse_query(text, prefix_last=True)
    assert [_shape(g) for g in query.groups] == groups
    assert query.typed == (Term(typed) if typed else None)


# -- exclusions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["paz", "Xenofobia", "XX", "l'estado", "co-responsabilidad", "5-A", "2.2.5", "gest*", "snake_case",
     "estado-", "Ñandú"],
)  # fmt: skip
def test_an_exclusion_leaves_out_what_the_word_alone_would_find(token: str) -> None:
    """«-x» excludes exactly the clauses «x» searches: no more (a phrase like «l'estado» is not a
    compound, so no joined form «lestado»), no fewer, none other (the «X» of «Xenofobia» is a
    letter, not part of the «-»)."""
    (alone,) = parse_query(token).groups
    assert parse_query(f"archivo -{token}").excluded == alone
    assert parse_query(f"archivo --{token}").excluded == alone, "a doubled «-» is one exclusion"


# -- a synonym's form in quotes: that word only ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ('"TIC"', [["tic"]]),
        ('"TIC" gestion', [["tic"], ["gestion"]]),
        ('"secretaria general"', [["secretaria general"]]),
        ('"secretaria" general', [["secretaria"], ["general"]]),
        ('secretaria "general"', [["secretaria"], ["general"]]),
    ],
)
def test_a_form_typed_in_quotes_brings_no_synonym(text: str, groups: list[list[str]]) -> None:
    query = parse_query(text, TABLE)
    assert [_shape(g) for g in query.groups] == groups
    assert query.synonyms == ()


def test_the_same_forms_unquoted_bring_their_synonyms() -> None:
    """(The table above is live: without quotes, each form brings the other.)"""
    assert [u.typed for u in parse_query("TIC gestion", TABLE).synonyms] == ["TIC"]
    assert [u.also for u in parse_query("secretaria general", TABLE).synonyms] == [("SG",)]
