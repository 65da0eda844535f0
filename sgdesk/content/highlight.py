"""Which words of a text match a query, and a snippet around them. Pure, no Qt, no SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sgdesk.content.citations import Citation
from sgdesk.content.compounds import COMPOUND, joined_forms
from sgdesk.content.query import Near, Query, Term, clause_words
from sgdesk.content.stemming import WORD, stem
from sgdesk.content.text import fold

# How a citation is written around its parts («art 7 lit n del decreto 267 de 2007»).
CITATION_WORDS = frozenset({
    "art", "arts", "articulo", "articulos", "lit", "lits", "literal", "literales", "num", "numeral",
    "par", "paragrafo", "de", "del", "no", "nro", "numero",
})  # fmt: skip

# A snippet: pieces of text, each marked True when it is a matched word.
Snippet = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Matcher:
    """Matches words the way the index does: exact, by prefix, or by Spanish stem."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    stems: frozenset[str]
    # A synonym's other form («Dirección Distrital de Relaciones Internacionales» for «DDRI»):
    # its words are marked only together, not wherever one of them appears.
    names: tuple[tuple[str, ...], ...] = ()
    # Each word's answer, as written: snippets of one search see the same words again and again.
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _found: list[re.Pattern[str] | None] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def for_query(cls, query: Query) -> Matcher:
        exact: set[str] = set()
        prefixes: list[str] = []
        names: list[tuple[str, ...]] = []
        groups = query.groups
        if query.typed is None and all(len(g) == 1 and type(g[0]) is Term and not g[0].prefix
                                       for g in groups):  # fmt: skip
            exact = set(query.words)  # plain words (most searches): the parser listed them all
            groups = ()
        for group in groups:
            for clause in group:
                if isinstance(clause, Term) and clause.prefix:
                    prefixes.append(clause.word)
                elif isinstance(clause, Near):
                    names.append(clause.words)
                else:
                    exact.update(clause_words(clause))
        if query.typed is not None:
            prefixes.append(query.typed.word)
        # ``cls(…)`` without the frozen dataclass's ``__init__``: every search builds one
        matcher = object.__new__(cls)
        matcher.__dict__.update(exact=frozenset(exact), prefixes=tuple(prefixes),
                                stems=frozenset([stem(w) for w in exact]), names=tuple(names), _seen={},
                                _found=[])  # fmt: skip
        return matcher

    def without_citation(self, citation: Citation) -> Matcher:
        """The same matcher less the citation's words: its type, number and year, the article
        and literal labels and how they are introduced («art», «lit», «de»), single letters.
        Marking those would light up every «d», «n» and «7» of a page."""
        parts = (citation.norm_type, citation.number, citation.year, citation.article, citation.literal)
        drop = CITATION_WORDS | {fold(str(part)) for part in parts if part is not None}

        def kept(word: str) -> bool:
            return len(word) > 1 and word not in drop and not word.isdigit()

        exact = frozenset(word for word in self.exact if kept(word))
        prefixes = tuple(word for word in self.prefixes if kept(word))
        return Matcher(exact, prefixes, frozenset(stem(word) for word in exact), self.names)

    def cut(self, text: str) -> Snippet:
        """``snippet(text, self)``: what a search's hit shows (without importing this module at
        each hit)."""
        return snippet(text, self)

    def matches(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            folded = fold(word)
            known = self._seen[word] = (folded in self.exact or folded.startswith(self.prefixes)
                                        or (bool(self.stems) and stem(folded) in self.stems))  # fmt: skip
        return known

    def _candidates(self) -> re.Pattern[str] | None:
        """Words that begin with an exact word, a prefix or a stem (a Spanish stem begins its
        folded word): the regular expression finds them in C; ``matches`` decides."""
        if not self._found:
            starts = sorted({*self.exact, *self.prefixes, *self.stems}, key=len, reverse=True)
            pattern = r"\b(?:" + "|".join(map(re.escape, starts)) + r")\w*" if starts else None
            self._found.append(re.compile(pattern) if pattern else None)
        return self._found[0]

    def words(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of every matching word in ``text`` (no compounds); ``folded``:
        ``fold(text)``, when the caller has it."""
        pattern = self._candidates()
        if pattern is None:
            return []
        found = pattern.finditer(folded if folded is not None else fold(text))
        return [m.span() for m in found if self.matches(text[m.start() : m.end()])]

    def spans(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of every matching word in ``text``; a hyphenated compound whose
        joined form matches («co-responsabilidad» for «corresponsabilidad») is one span."""
        found = self.words(text, folded)
        if self.names:
            found = _merged(sorted(found + _name_spans(fold(text) if folded is None else folded, self.names)))
        if "-" in text or "‐" in text or "‑" in text:
            found += [
                (m.start(), m.end()) for m in COMPOUND.finditer(text)
                if any(self.matches(form) for form in joined_forms(m[1], m[2]))
            ]  # fmt: skip
            found = _merged(sorted(found))
        return found


def _name_spans(folded: str, names: tuple[tuple[str, ...], ...], gap: int = 3) -> list[tuple[int, int]]:
    """Where each name's words appear in order, at most ``gap`` other words between two of
    them (by word or by stem, as the index's NEAR finds them)."""
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(folded)]
    found: list[tuple[int, int]] = []
    for name in names:
        wanted = [(word, stem(word)) for word in name]
        for first in range(len(tokens)):
            if not _same(tokens[first][2], wanted[0]):
                continue
            last, position = first, 1
            while position < len(name):
                window = range(last + 1, min(len(tokens), last + gap + 2))
                after = next((i for i in window if _same(tokens[i][2], wanted[position])), None)
                if after is None:
                    break
                last, position = after, position + 1
            if position == len(name):
                found.append((tokens[first][0], tokens[last][1]))
    return found


def _same(token: str, wanted: tuple[str, str]) -> bool:
    return token == wanted[0] or stem(token) == wanted[1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def snippet(text: str, matcher: Matcher, context: int = 90) -> Snippet:
    """The part of ``text`` around its first matches, matched words marked."""
    text = " ".join(text.split())
    spans = matcher.spans(text, fold(text))
    if not spans:
        return ((_cut(text, 2 * context), False),) if text else ()
    first_start, first_end = spans[0]
    start = max(0, first_start - context)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), first_end + 2 * context)
    if end < len(text):
        end = text.rfind(" ", first_end, end) if " " in text[first_end:end] else end
    pieces: list[tuple[str, bool]] = [("… ", False)] if start else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces += [(text[cursor:span_start], False), (text[span_start:span_end], True)]
        cursor = span_end
    pieces.append((text[cursor:end] + (" …" if end < len(text) else ""), False))
    return tuple(p for p in pieces if p[0])


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"


def marked_text(pieces: Snippet, open_mark: str = "«", close_mark: str = "»") -> str:
    """A snippet as plain text, runs of matched words between marks: «gestión documental»."""
    out: list[str] = []
    inside = False
    for text, matched in pieces:
        if matched and not inside:
            out.append(open_mark)
        elif not matched and inside and text.strip():
            out.append(close_mark)
        inside = matched or (inside and not text.strip())
        out.append(text)
    if inside:
        out.append(close_mark)
    return "".join(out)
