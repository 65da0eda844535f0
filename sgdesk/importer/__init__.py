"""Import a norm from the documents the content team has (SISJUR pages, Word, PDF, text).

``import_file`` reads the file, recognises the parts of the norm and returns a draft for a
person to review; ``source.write_source`` turns it into a corpus source file. This package
depends only on ``sgdesk.content``, ``sgdesk.errors`` and ``sgdesk.paths``.
"""

from __future__ import annotations

from pathlib import Path

from sgdesk.importer.model import ImportedNorm, ImportFileError
from sgdesk.importer.readers import SUFFIXES, read_paragraphs
from sgdesk.importer.recognise import recognise

__all__ = ["SUFFIXES", "ImportFileError", "ImportedNorm", "import_file"]


def import_file(path: Path) -> ImportedNorm:
    """The norm recognised in ``path``; raises ImportFileError (Spanish) when it cannot."""
    return recognise(read_paragraphs(path))
