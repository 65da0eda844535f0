"""The snippet under a search result: which part of the text, cut where, with which words
marked (what the user reads in the result list), from made-up texts."""

from __future__ import annotations

import pytest

from sgdesk.content.highlight import Matcher, marked_text, snippet
from sgdesk.content.query import parse_query

ARCHIVO = Matcher.for_query(parse_query("archivo"))
WORDS = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("", 10, ()),
        ("corto texto", 10, (("corto texto", False),)),
        ("uno dos tres cuatro", 8, (("uno dos tres …", False),)),  # 19 characters, 16 shown
        ("uno dos tres cuatro cinco", 10, (("uno dos tres cuatro …", False),)),
        ("uno dos tres cuatro cincos", 13, (("uno dos tres cuatro cincos", False),)),  # 26 ≤ 26: whole
        ("a" * 20 + " archivo", 10, (("… ", False), ("archivo", True))),
        ("archivo " + "x" * 40, 10, (("archivo", True), (" …", False))),
    ],
)
def test_the_snippet_cuts_at_words(text: str, context: int, expected: tuple[tuple[str, bool], ...]) -> None:
    assert snippet(text, ARCHIVO, context=context) == expected


def test_the_snippet_shows_the_matches_around_the_first_and_marks_them() -> None:
    text = f"{WORDS} el archivo central y otro archivo más {WORDS}"
    assert snippet(text, ARCHIVO, context=10) == (
        ("… ", False), ("el ", False), ("archivo", True), (" central y otro …", False)
    )  # fmt: skip
    assert snippet(text, ARCHIVO, context=20) == (
        ("… ", False), ("catorce quince el ", False), ("archivo", True), (" central y otro ", False),
        ("archivo", True), (" más uno dos …", False),
    )  # fmt: skip
    assert marked_text(snippet(text, ARCHIVO, context=20)) == (
        "… catorce quince el «archivo» central y otro «archivo» más uno dos …"
    )
    assert (
        marked_text(snippet(f"archivo {WORDS}", ARCHIVO, context=10), "[", "]") == "[archivo] uno dos tres …"
    )
