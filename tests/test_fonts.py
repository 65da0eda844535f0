"""The shipped Noto fonts are subsets (scripts/subset_fonts.py): every character that the
corpus, the help page or the interface shows must still have a glyph in each of them, or a
user would see it in a fallback font, or as a box, in the window and in exported PDFs."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

REPO = Path(__file__).resolve().parent.parent
FONTS = sorted((REPO / "resources" / "fonts").glob("*.ttf"))

# Interface symbols that no shipped Noto font has ever carried (not even before the subset):
# Qt draws them with the system's symbol font (Segoe UI Symbol on Windows).
SYSTEM_SYMBOLS = set("←↑→↓↔−⚠✎")
# What any Spanish text of a future content pack may bring, whatever the corpus has today.
SPANISH = (
    "ABCDEFGHIJKLMNÑOPQRSTUVWXYZabcdefghijklmnñopqrstuvwxyzÁÉÍÓÚÜáéíóúü0123456789"
    "¿?¡!«»“”‘’\"'()[]{}.,;:–—-…•·°ºª§¶%$€£¢#&@*/\\|+=<>±×÷½¼¾¹²³µ©®™ÀÈÌÒÙàèìòùÇçÂÊÎÔÛâêîôûÄËÏÖäëïöÿ"
)


@functools.cache
def corpus_and_help() -> dict[str, str]:
    """Character → where it was first seen, over the corpus sources and the help page."""
    found: dict[str, str] = {}
    paths = [
        *sorted((REPO / "data" / "sources").rglob("*.toml")),
        *sorted((REPO / "resources" / "help").rglob("*")),
    ]
    for path in paths:
        if path.is_file():
            for char in path.read_text(encoding="utf-8"):
                found.setdefault(char, str(path.relative_to(REPO)))
    return found


@functools.cache
def interface_strings() -> dict[str, str]:
    """Character → module, over every string literal of sgdesk (what tr() and the CLI print)."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "sgdesk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for char in node.value:
                    found.setdefault(char, str(path.relative_to(REPO)))
    return found


def without_glyph(font: Path, chars: dict[str, str]) -> list[str]:
    raw = QRawFont(str(font), 12)  # supportsCharacter takes the code point: a str becomes a QChar
    assert raw.isValid(), font
    return [f"U+{ord(c):04X} {c!r} ({where})" for c, where in sorted(chars.items())
            if c.isprintable() and not c.isspace() and c not in SYSTEM_SYMBOLS
            and not raw.supportsCharacter(ord(c))]  # fmt: skip


def test_seven_fonts_are_shipped() -> None:
    assert [f.name for f in FONTS] == [
        "NotoSans-Bold.ttf", "NotoSans-BoldItalic.ttf", "NotoSans-Italic.ttf", "NotoSans-Regular.ttf",
        "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Regular.ttf",
    ]  # fmt: skip


@pytest.mark.parametrize("font", FONTS, ids=[f.stem for f in FONTS])
def test_every_character_of_the_corpus_the_help_and_the_interface_has_a_glyph(
    qapp: object, font: Path
) -> None:
    chars = {**dict.fromkeys(SPANISH, "texto en español"), **interface_strings(), **corpus_and_help()}
    assert len(chars) > 150
    assert without_glyph(font, chars) == []


@pytest.mark.parametrize("font", FONTS, ids=[f.stem for f in FONTS])
def test_the_system_symbols_really_are_missing_from_the_fonts(qapp: object, font: Path) -> None:
    """If a shipped font gains one of them, it leaves SYSTEM_SYMBOLS (and is checked above)."""
    raw = QRawFont(str(font), 12)
    assert [c for c in sorted(SYSTEM_SYMBOLS) if raw.supportsCharacter(ord(c))] == []
