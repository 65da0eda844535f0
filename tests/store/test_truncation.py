"""A database cut short is refused before SQLite reads it, however little is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdesk.errors import DatabaseError
from sgdesk.store.db import open_readonly


def _cut(corpus_db: Path, folder: Path, missing: int) -> tuple[Path, int]:
    data = corpus_db.read_bytes()
    path = folder / f"cut-{missing}.db"
    path.write_bytes(data[: len(data) - missing])
    return path, len(data)


@pytest.mark.parametrize("missing", [1, 4096, "one page", "half"])
def test_any_missing_byte_is_refused(corpus_db: Path, tmp_path: Path, missing: int | str) -> None:
    data = corpus_db.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    cut = {"one page": page_size, "half": len(data) // 2}.get(str(missing), missing)
    assert isinstance(cut, int)
    path, size = _cut(corpus_db, tmp_path, cut)
    with pytest.raises(DatabaseError) as caught:
        open_readonly(path)
    assert f"está incompleta: tiene {size - cut} bytes de los {size} esperados" in caught.value.message


def test_the_whole_file_and_a_longer_one_open(corpus_db: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole.db"
    whole.write_bytes(corpus_db.read_bytes())
    open_readonly(whole).close()
    longer = tmp_path / "longer.db"  # trailing bytes past the last page: SQLite ignores them
    longer.write_bytes(corpus_db.read_bytes() + b"\0" * 100)
    open_readonly(longer).close()
