"""Spanish stems for the search index and for queries: the same function on both sides.

snowballstemmer's Spanish algorithm; it uses PyStemmer's C implementation when installed.
Words are folded (no accents, lower case) before stemming so the index and queries agree.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from sgdesk.content.text import fold

WORD = re.compile(r"\w+")


@cache
def _stemmer() -> Any:
    """Loaded on the first stem: snowballstemmer imports every language's algorithm (about
    12 ms), which the window does not need before the first search."""
    import snowballstemmer

    return snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """The stem of one word: ``funciones`` → ``funcion``, ``Políticas`` → ``polit``."""
    return str(_stemmer().stemWord(fold(word)))


def words(text: str) -> list[str]:
    """The words of ``text`` as the index tokenizer sees them (letters and digits)."""
    return WORD.findall(text)


def stem_text(text: str) -> str:
    """One stem per word, in order, so phrases match on stems too."""
    return " ".join(stem(w) for w in words(text))
