"""#16: the seed (the source page every line of which the corpus must serve verbatim) lives in
the repository, so the verbatim test runs on a clean clone: it can neither read a folder beside
the repository nor skip."""

from __future__ import annotations

import re
from pathlib import Path

import tests.test_seed_verbatim as verbatim
from tests.conftest import REPO, SEED


def test_the_seed_is_read_from_the_repository() -> None:
    assert SEED.is_relative_to(REPO / "data"), SEED
    assert SEED.is_file()
    assert verbatim.SEED == SEED


def test_the_verbatim_test_cannot_skip() -> None:
    assert not getattr(verbatim, "pytestmark", None)
    source = Path(verbatim.__file__).read_text(encoding="utf-8")
    skips = re.findall(r"\b(?:skip|skipif|importorskip|xfail)\(", source)
    assert skips == [], "the verbatim test must fail, not skip, when the seed is missing"
