"""Spanish stems for the search index and for queries: the same function on both sides.

snowballstemmer's Spanish algorithm; it uses PyStemmer's C implementation when installed.
Words are folded (no accents, lower case) before stemming so the index and queries agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from sgdesk.content.text import fold

WORD = re.compile(r"\w+")
_STEMMER = snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """The stem of one word: ``funciones`` → ``funcion``, ``Políticas`` → ``polit``."""
    return str(_STEMMER.stemWord(fold(word)))


def words(text: str) -> list[str]:
    """The words of ``text`` as the index tokenizer sees them (letters and digits)."""
    return WORD.findall(text)


def stem_text(text: str) -> str:
    """One stem per word, in order, so phrases match on stems too."""
    return " ".join(stem(w) for w in words(text))
