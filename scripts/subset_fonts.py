"""Subset the shipped Noto fonts to what Spanish legal text and the interface need.

    .venv/bin/pip install -e '.[fonts]' && .venv/bin/python scripts/subset_fonts.py

Reads the complete fonts from the commit that added them (FULL_FONTS_COMMIT, through git: no
download) and writes the subsets over resources/fonts/*.ttf. Kept: Latin (Basic, Latin-1,
Extended-A/B: every Spanish letter, «», ¿¡, º ª, names from other languages), combining
accents, Greek (formulas, «Δ»), punctuation (– — “ ” ‘ ’ … •), super/subscripts, currency,
letterlike symbols and number forms, arrows, mathematical operators, geometric shapes, the
f-ligatures and U+FFFD (shown for bytes that are not text), with every OpenType feature and
the hinting (Windows draws small text with it). Dropped: Cyrillic, Vietnamese and the other
scripts (3.9 MB → 1.6 MB). A character outside the subset, as in a user's own note, is drawn
with a system font by Qt's fallback. tests/test_fonts.py checks that every character of the
corpus, the help page and the interface's strings has a glyph.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset

REPO = Path(__file__).resolve().parent.parent
FONTS = REPO / "resources" / "fonts"
FULL_FONTS_COMMIT = "36c018e"  # where the complete Noto Sans / Noto Serif files entered the repository
UNICODES = (
    "U+0000-024F,U+0300-036F,U+0370-03FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F,"
    "U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FB00-FB06,U+FFFD"
)
OPTIONS = [
    f"--unicodes={UNICODES}", "--layout-features=*", "--name-IDs=*", "--name-languages=*",
    "--notdef-outline", "--glyph-names", "--symbol-cmap", "--legacy-cmap", "--no-prune-unicode-ranges",
]  # fmt: skip


def main() -> int:
    names = sorted(path.name for path in FONTS.glob("*.ttf"))
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            full = Path(folder) / name
            source = f"{FULL_FONTS_COMMIT}:resources/fonts/{name}"
            full.write_bytes(subprocess.run(["git", "-C", str(REPO), "show", source], check=True,
                                            capture_output=True).stdout)  # fmt: skip
            subset.main([str(full), f"--output-file={FONTS / name}", *OPTIONS])
            print(f"{name}: {full.stat().st_size:,} → {(FONTS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
