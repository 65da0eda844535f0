"""Which words of a text match a query, and a snippet around them. Pure, no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sgdesk.content.query import Phrase, Query
from sgdesk.content.stemming import WORD, stem
from sgdesk.content.text import fold

# A snippet: pieces of text, each marked True when it is a matched word.
Snippet = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Matcher:
    """Matches words the way the index does: exact, by prefix, or by Spanish stem."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    stems: frozenset[str]

    @classmethod
    def for_query(cls, query: Query) -> Matcher:
        exact: set[str] = set()
        prefixes: list[str] = []
        for group in query.groups:
            for clause in group:
                if isinstance(clause, Phrase):
                    exact.update(clause.words)
                elif clause.prefix:
                    prefixes.append(clause.word)
                else:
                    exact.add(clause.word)
        return cls(frozenset(exact), tuple(prefixes), frozenset(stem(w) for w in exact))

    def matches(self, word: str) -> bool:
        folded = fold(word)
        return (folded in self.exact or folded.startswith(self.prefixes)
                or (bool(self.stems) and stem(folded) in self.stems))  # fmt: skip

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every matching word in ``text``."""
        return [(m.start(), m.end()) for m in WORD.finditer(text) if self.matches(m.group())]


def snippet(text: str, matcher: Matcher, context: int = 90) -> Snippet:
    """The part of ``text`` around its first matches, matched words marked."""
    text = " ".join(text.split())
    spans = matcher.spans(text)
    if not spans:
        return ((_cut(text, 2 * context), False),) if text else ()
    start = max(0, spans[0][0] - context)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), spans[0][1] + 2 * context)
    if end < len(text):
        end = text.rfind(" ", spans[0][1], end) if " " in text[spans[0][1] : end] else end
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
