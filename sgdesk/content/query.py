"""What a user typed in the search field, understood: terms, phrases, alternatives, exclusions.

The parser accepts any text and never fails: whatever it cannot use is dropped or quoted.
Rendering the result as an FTS5 expression is the store's job (``store/search.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sgdesk.content.citations import Citation, parse_citation
from sgdesk.content.stemming import WORD, stem
from sgdesk.content.text import fold

MAX_CLAUSES = 24  # longer input is cut: no query grows without bound
MAX_WORD = 64
MIN_PREFIX = 3

# Very common Spanish words: ignored when the query has other terms.
STOPWORDS = frozenset((
    "a", "al", "ante", "con", "contra", "de", "del", "desde", "e", "el", "en", "entre", "es",
    "la", "las", "lo", "los", "mas", "para", "por", "que", "se", "sin", "sobre", "su", "sus",
    "un", "una", "unos", "unas", "y", "u", "le", "les", "como", "este", "esta", "estos",
    "estas", "ese", "esa",
))  # fmt: skip
_OR_WORDS = frozenset({"o", "or"})
_QUOTED = re.compile(r'"([^"]*)"?')


@dataclass(frozen=True)
class Term:
    """One word (folded), or a prefix when ``prefix`` (``gest*``)."""

    word: str
    prefix: bool = False

    @property
    def stem(self) -> str:
        return stem(self.word)


@dataclass(frozen=True)
class Phrase:
    """Words that must appear together, in order."""

    words: tuple[str, ...]


Clause = Term | Phrase


@dataclass(frozen=True)
class Query:
    """All of ``groups`` (each group: any of its clauses), none of ``excluded``."""

    text: str
    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()
    citation: Citation | None = None
    only_common_words: bool = False
    words: frozenset[str] = field(default=frozenset())  # every folded word, to highlight

    @property
    def is_empty(self) -> bool:
        return not self.groups and self.citation is None


@dataclass(frozen=True)
class SearchFilters:
    """What to search in: kinds ("general", "norma", "disposicion"), norm types, years."""

    kinds: frozenset[str] = field(default=frozenset())
    norm_types: frozenset[str] = field(default=frozenset())
    year_from: int | None = None
    year_to: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.norm_types or self.year_from or self.year_to)


def parse_query(text: str) -> Query:
    """Understand ``text``; an empty or punctuation-only text gives an empty query."""
    text = text[:2000]
    tokens = _tokens(text)
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    join_next = False
    for raw, quoted in tokens:
        if not quoted and fold(raw) in _OR_WORDS:
            join_next = bool(groups)
            continue
        negative = not quoted and raw.startswith("-") and len(raw) > 1
        clause = _clause(raw.lstrip("-") if negative else raw, quoted)
        if clause is None:
            continue
        if negative:
            excluded.append(clause)
        elif join_next:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = False
    kept, common_only = _drop_common_words(groups)
    kept = kept[:MAX_CLAUSES]
    every_word = {w for g in kept for c in g for w in _clause_words(c)}
    return Query(text, tuple(tuple(g) for g in kept), tuple(excluded[:MAX_CLAUSES]),
                 parse_citation(text), common_only, frozenset(every_word))  # fmt: skip


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Quoted phrases (an unclosed quote runs to the end) and whitespace-separated words."""
    found: list[tuple[str, bool]] = []
    cursor = 0
    for match in _QUOTED.finditer(text):
        found += [(t, False) for t in text[cursor : match.start()].split()]
        found.append((match.group(1), True))
        cursor = match.end()
    found += [(t, False) for t in text[cursor:].split()]
    return found


def _clause(raw: str, quoted: bool) -> Clause | None:
    pieces = [fold(w)[:MAX_WORD] for w in WORD.findall(raw.replace("_", " "))]
    if not pieces:
        return None
    if quoted or len(pieces) > 1:  # "5-A", "l'estado", "2.2.5": the words side by side
        return Phrase(tuple(pieces)) if len(pieces) > 1 else Term(pieces[0])
    prefix = raw.endswith("*") and len(pieces[0]) >= MIN_PREFIX
    return Term(pieces[0], prefix)


def _is_common(clause: Clause) -> bool:
    return isinstance(clause, Term) and not clause.prefix and clause.word in STOPWORDS


def _drop_common_words(groups: list[list[Clause]]) -> tuple[list[list[Clause]], bool]:
    """Ignore groups made only of common words when anything else is asked for."""
    selective = [g for g in groups if not all(_is_common(c) for c in g)]
    if selective:
        return selective, False
    return groups, bool(groups)


def _clause_words(clause: Clause) -> tuple[str, ...]:
    return clause.words if isinstance(clause, Phrase) else (clause.word,)
