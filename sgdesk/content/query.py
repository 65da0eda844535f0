"""What a user typed in the search field, understood: terms, phrases, alternatives, exclusions.

The parser accepts any text and never fails: whatever it cannot use is dropped or quoted.
Rendering the result as an FTS5 expression is the store's job (``store/search.py``).

Beyond the syntax: a hyphenated compound also looks for its joined forms; acronyms and short
names from the synonym table bring their other forms («TIC» ↔ «Tecnologías de la Información
y las Comunicaciones»); and while the user types (``prefix_last``) the last, unfinished word is
also searched as a prefix, its completions ranked below the word itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sgdesk.content.citations import Citation, parse_citation
from sgdesk.content.compounds import joined_forms
from sgdesk.content.stemming import WORD, stem
from sgdesk.content.synonyms import SynonymEntry, SynonymTable, form_key
from sgdesk.content.text import fold

MAX_CLAUSES = 24  # longer input is cut: no query grows without bound
MAX_WORD = 64
MAX_TEXT = 2000  # characters of a query read; the rest is ignored
# Prefixes from 2 letters: officials search by acronyms and short words («SG», «ley», «art»),
# and two letters already narrow Spanish's vocabulary to a few hundred words. The store
# bounds the cost (the most frequent completions only), so 2 letters stays fast at 1M units;
# one letter would match nearly the whole vocabulary and say nothing.
MIN_PREFIX = 2

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


@dataclass(frozen=True)
class Near:
    """A name's words close together, fillers between them allowed (a synonym's other form)."""

    words: tuple[str, ...]

    @property
    def distance(self) -> int:
        return 2 * len(self.words)


@dataclass(frozen=True)
class AllOf:
    """Words as typed, all required (a synonym's typed form, kept beside its other forms)."""

    terms: tuple[Term, ...]


Clause = Term | Phrase | Near | AllOf


@dataclass(frozen=True)
class SynonymUse:
    """«TIC» was searched together with «Tecnologías de la Información y las Comunicaciones»."""

    typed: str
    also: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """All of ``groups`` (each group: any of its clauses), none of ``excluded``."""

    text: str
    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()
    citation: Citation | None = None
    only_common_words: bool = False
    words: frozenset[str] = field(default=frozenset())  # every folded word, to highlight
    typed: Term | None = None  # the unfinished last word, also searched as a prefix
    too_short: str = ""  # an unfinished last word left out until it has MIN_PREFIX letters
    synonyms: tuple[SynonymUse, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups and self.citation is None

    @classmethod
    def of_parse(cls, text: str, groups: tuple[tuple[Clause, ...], ...], excluded: tuple[Clause, ...],
                 citation: Citation | None, only_common_words: bool, words: frozenset[str],
                 typed: Term | None, too_short: str, synonyms: tuple[SynonymUse, ...]) -> Query:  # fmt: skip
        """``Query(…)`` without the frozen dataclass's ``__init__`` (one ``object.__setattr__``
        per field): every search parses its text."""
        query = object.__new__(cls)
        query.__dict__.update(text=text, groups=groups, excluded=excluded, citation=citation,
                              only_common_words=only_common_words, words=words, typed=typed,
                              too_short=too_short, synonyms=synonyms)  # fmt: skip
        return query


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


def parse_query(text: str, synonyms: SynonymTable | None = None, prefix_last: bool = False) -> Query:
    """Understand ``text``; an empty or punctuation-only text gives an empty query.

    ``prefix_last``: the text is being typed, so its last word, when it has no space after it
    and at least MIN_PREFIX letters, is unfinished (shorter, it is left out until it grows).
    """
    text = text[:MAX_TEXT]
    if not (prefix_last and text[-1:].isalnum()):  # no word being typed (see _typing_last)
        plain = _plain_query(text, synonyms)
        if plain is not None:
            return plain
    return _parsed(text, synonyms, prefix_last)


def _plain_query(text: str, synonyms: SynonymTable | None) -> Query | None:
    """``_parsed(text, synonyms)`` when every word of ``text`` is letters and digits and none is
    a common word or «o»/«or» (most searches), in one pass; None for any other text."""
    words = []
    for raw in text.split():
        if not raw.isalnum():  # quotes, «-», «*», punctuation: the parser proper
            return None
        words.append(fold(raw)[:MAX_WORD])
    if not STOPWORDS.isdisjoint(words) or not _OR_WORDS.isdisjoint(words):
        return None
    words = words[:MAX_CLAUSES]
    if synonyms is not None and synonyms.entries:
        return _query(text, [[_word(w)] for w in words], [], False, None, "", synonyms, set())
    return Query.of_parse(text, tuple([(_word(w),) for w in words]), (), _citation(text), False,
                          frozenset(words), None, "", ())  # fmt: skip


def _word(word: str) -> Term:
    """``Term(word)`` without the frozen dataclass's ``__init__`` (see ``Query.of_parse``)."""
    term = _new(Term)
    term.__dict__.update(word=word, prefix=False)
    return term


_new = object.__new__


def _parsed(text: str, synonyms: SynonymTable | None, prefix_last: bool) -> Query:
    """``parse_query`` of a text already cut to MAX_TEXT, any text."""
    tokens = _tokens(text)
    typing = prefix_last and _typing_last(text, tokens)
    too_short = ""
    if typing and len(WORD.findall(tokens[-1][0])[0]) < MIN_PREFIX:
        too_short = tokens[-1][0]
        tokens, typing = tokens[:-1], False
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    typed: Term | None = None
    exact: set[int] = set()  # ids of the groups typed in quotes: that word only, no synonyms
    join_next = False
    for index, (raw, quoted) in enumerate(tokens):
        # «o»/«or» join groups (folding never shortens a word: two letters at most)
        last = typing and index == len(tokens) - 1
        if not quoted and len(raw) <= 2 and fold(raw) in _OR_WORDS and not last:
            join_next = bool(groups)
            continue
        negative = not quoted and raw.startswith("-") and len(raw) > 1
        clauses = _clauses(raw.lstrip("-") if negative else raw, quoted)
        if not clauses:
            continue
        if typing and index == len(tokens) - 1 and isinstance(clauses[0], Term):
            typed = clauses[0]
        if negative:
            excluded.extend(clauses)
        elif join_next:
            groups[-1].extend(clauses)
        else:
            groups.append(clauses)
        if quoted and not negative:
            exact.add(id(groups[-1]))
        join_next = False
    kept, common_only = _drop_common_words(groups, typed)
    return _query(text, kept, excluded, common_only, typed, too_short, synonyms, exact)


def _query(text: str, kept: list[list[Clause]], excluded: list[Clause], common_only: bool, typed: Term | None,
           too_short: str, synonyms: SynonymTable | None, exact: set[int]) -> Query:  # fmt: skip
    """The query of the groups parsed from ``text``: cut to MAX_CLAUSES, with synonyms."""
    kept = kept[:MAX_CLAUSES]
    used: list[SynonymUse] = []
    if synonyms is not None and synonyms.entries:
        kept, used = _with_synonyms(kept, synonyms, exact)
    every_word = {w for g in kept for c in g for w in ((c.word,) if type(c) is Term else clause_words(c))}
    return Query.of_parse(text, tuple(tuple(g) for g in kept), tuple(excluded[:MAX_CLAUSES]),
                          _citation(text), common_only, frozenset(every_word), typed,
                          too_short, tuple(used))  # fmt: skip


# Every way ``parse_citation`` finds a citation starts one of these at the start of a word of
# the folded text: a text without any (most searches) is not read by its regular expressions.
_CITATION_MARK = re.compile(r"(?<!\w)(?:acuerdo|decreto|resolucion|circular|directiva|ley|d\.|dto|art|lit)")


def _citation(text: str) -> Citation | None:
    return parse_citation(text) if _CITATION_MARK.search(fold(text)) else None


def _typing_last(text: str, tokens: list[tuple[str, bool]]) -> bool:
    """Whether the last token is a word still being typed: unquoted, no exclusion, no space
    after it, no explicit ``*``, a single word."""
    if not tokens or not text[-1:].isalnum():
        return False
    raw, quoted = tokens[-1]
    return not quoted and not raw.startswith("-") and len(WORD.findall(raw.replace("_", " "))) == 1


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Quoted phrases (an unclosed quote runs to the end) and whitespace-separated words."""
    if '"' not in text:
        return [(t, False) for t in text.split()]
    found: list[tuple[str, bool]] = []
    cursor = 0
    for match in _QUOTED.finditer(text):
        found += [(t, False) for t in text[cursor : match.start()].split()]
        found.append((match.group(1), True))
        cursor = match.end()
    found += [(t, False) for t in text[cursor:].split()]
    return found


def _clauses(raw: str, quoted: bool) -> list[Clause]:
    """The alternatives one token stands for (a hyphenated compound: split and joined)."""
    if raw.isalnum():  # letters and digits only (``\w`` is ``str.isalnum`` or «_»): one word
        return [Term(fold(raw)[:MAX_WORD])]
    pieces = [fold(w)[:MAX_WORD] for w in WORD.findall(raw.replace("_", " "))]
    if not pieces:
        return []
    if quoted or len(pieces) > 1:  # "5-A", "l'estado", "2.2.5": the words side by side
        if len(pieces) == 1:
            return [Term(pieces[0])]
        found: list[Clause] = [Phrase(tuple(pieces))]
        if not quoted and len(pieces) == 2 and all(p.isalpha() for p in pieces) and "-" in raw:
            found += [Term(form[:MAX_WORD]) for form in joined_forms(*pieces)]
        return found
    prefix = raw.endswith("*") and len(pieces[0]) >= MIN_PREFIX
    return [Term(pieces[0], prefix)]


def _is_common(clause: Clause) -> bool:
    return isinstance(clause, Term) and not clause.prefix and clause.word in STOPWORDS


def _drop_common_words(groups: list[list[Clause]], typed: Term | None) -> tuple[list[list[Clause]], bool]:
    """Ignore groups made only of common words when anything else is asked for (the word
    being typed stays beside them: «de» may be the start of «decreto»)."""

    if STOPWORDS.isdisjoint([c.word for group in groups for c in group if type(c) is Term]):
        return groups, False  # no group is made of common words only (most texts)
    common = [all(map(_is_common, group)) for group in groups]
    if not all(common):
        kept = zip(groups, common, strict=True)
        return [g for g, only_common in kept if not only_common or (typed and typed in g)], False
    return groups, bool(groups)


def _with_synonyms(
    groups: list[list[Clause]], table: SynonymTable, exact: set[int]
) -> tuple[list[list[Clause]], list[SynonymUse]]:
    """Runs of single-word groups that spell a form of the table («alta consejeria victimas»)
    become one group: the words as typed, or any other form of the entry. Longest runs first;
    groups typed in quotes (``exact``: their ids) are left as they are."""
    forms = table.forms
    longest = max((len(key) for key in forms), default=0)
    out: list[list[Clause]] = []
    used: list[SynonymUse] = []
    index = 0
    while index < len(groups):
        for size in range(min(longest, len(groups) - index), 0, -1):
            run = groups[index : index + size]
            words = tuple(None if id(g) in exact else _plain_word(g) for g in run)
            entry = forms.get(words) if all(words) else None  # type: ignore[arg-type]
            if entry is not None:
                out.append(_synonym_group(run, words, entry))  # type: ignore[arg-type]
                used.append(SynonymUse(_form_of(entry, words), _other_forms(entry, words)))  # type: ignore[arg-type]
                index += size
                break
        else:
            out.append(groups[index])
            index += 1
    return out, used


def _plain_word(group: list[Clause]) -> str | None:
    clause = group[0]
    return clause.word if len(group) == 1 and isinstance(clause, Term) and not clause.prefix else None


def _synonym_group(run: list[list[Clause]], words: tuple[str, ...], entry: SynonymEntry) -> list[Clause]:
    typed: list[Clause] = [run[0][0]] if len(run) == 1 else [AllOf(tuple(g[0] for g in run))]  # type: ignore[misc]
    others: list[Clause] = [
        Term(key[0]) if len(key) == 1 else Near(key) for key in dict.fromkeys(entry.keys) if key != words
    ]
    return typed + others


def _form_of(entry: SynonymEntry, words: tuple[str, ...]) -> str:
    """The form of the table the words typed spell («TIC» for «tic»), as the table writes it."""
    return next((form for form in entry.forms if form_key(form) == words), " ".join(words))


def _other_forms(entry: SynonymEntry, words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(form for form in entry.forms if form_key(form) != words)


def clause_words(clause: Clause) -> tuple[str, ...]:
    """Every word a clause looks for (to highlight)."""
    if isinstance(clause, Phrase | Near):
        return clause.words
    if isinstance(clause, AllOf):
        return tuple(t.word for t in clause.terms)
    return (clause.word,)


def typed_as_prefix(query: Query) -> Query:
    """``query`` with the word being typed searched as a plain prefix (``x*``), for an index
    without the corpus's vocabulary of completions (Mis notas)."""
    typed = query.typed
    if typed is None:
        return query
    groups = tuple(
        tuple(Term(c.word, prefix=True) if c == typed else c for c in group) for group in query.groups
    )
    return replace(query, groups=groups, typed=None)
