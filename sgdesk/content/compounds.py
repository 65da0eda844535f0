"""Hyphenated compounds and their joined forms: «co-responsabilidad» is «corresponsabilidad».

Spanish joins a prefix to a word without the hyphen, doubling an initial «r» after a vowel
(«co-responsabilidad» → «corresponsabilidad», «vice-rector» → «vicerrector»); texts use both.
The index stores the joined forms of every hyphenated pair; a hyphenated query also looks for
them.
"""

from __future__ import annotations

import re

from sgdesk.content.text import fold

# Two words joined by a hyphen (ASCII, Unicode hyphen or non-breaking hyphen), not digits
# («5-A» and «2007-2010» are not compounds).
COMPOUND = re.compile(r"\b([^\W\d_]+)[-‐‑]([^\W\d_]+)\b")
_VOWELS = frozenset("aeiou")


def joined_forms(first: str, second: str) -> tuple[str, ...]:
    """The joined spellings of ``first-second`` (folded): plain, and with «rr» when Spanish doubles it."""
    first, second = fold(first), fold(second)
    forms = [first + second]
    if first[-1:] in _VOWELS and second.startswith("r") and not second.startswith("rr"):
        forms.append(first + "r" + second)
    return tuple(forms)


def compound_variants(text: str) -> list[str]:
    """The joined forms of every hyphenated compound in ``text``, in order."""
    return [form for match in COMPOUND.finditer(text) for form in joined_forms(match[1], match[2])]
