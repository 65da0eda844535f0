"""Text helpers shared by search and find-in-page: accent-insensitive matching."""

import re
import unicodedata


def fold_char(char: str) -> str:
    """One character, lower-cased and without diacritics (``Á`` → ``a``, ``ñ`` → ``n``)."""
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLDED: dict[str, str] = {}  # each non-ASCII character met, folded


def _fold_match(match: re.Match[str]) -> str:
    char = match.group()
    folded = _FOLDED.get(char)
    if folded is None:
        folded = _FOLDED[char] = fold_char(char)
    return folded


def fold(text: str) -> str:
    """Fold every character; the result has the same length as ``text``. Search folds every
    snippet: ASCII goes through ``str.lower`` and only the other characters through Python."""
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_match, text).lower()


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of every accent- and case-insensitive occurrence of ``needle``."""
    folded_needle = fold(needle.strip())
    if not folded_needle:
        return []
    folded = fold(haystack)
    hits, start = [], folded.find(folded_needle)
    while start != -1:
        hits.append(start)
        start = folded.find(folded_needle, start + len(folded_needle))
    return hits


def escape_html(text: str, quote: bool = True) -> str:
    """``html.escape``: ``&``, ``<``, ``>`` (and with ``quote`` both quotes) as entities. Here so
    that the first page does not import ``html``, whose ``unescape`` table of 2 000 entities
    costs the start-up a few milliseconds (#11)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
