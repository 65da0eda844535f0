"""The importer's fixtures: the corpus, and the example documents written in every format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sgdesk.app import configure_application
from sgdesk.content.model import Corpus
from sgdesk.content.sources import load_corpus
from tests.importer import documents

Writer = Callable[[list[documents.Paragraph], Path], Path]

# Every way the project lays the example norm out; the file suffix is the reader used.
FORMATS: dict[str, tuple[str, Writer]] = {
    "sisjur-actual-con-banner": (".html", lambda d, p: documents.write_sisjur_html(d, p)),
    "sisjur-actual-sin-banner": (".htm", lambda d, p: documents.write_sisjur_html(d, p, banner=False)),
    "sisjur-antigua-con-banner": (".html", lambda d, p: documents.write_sisjur_html(d, p, layout="antigua")),
    "sisjur-antigua-sin-banner-sin-meta": (
        ".html",
        lambda d, p: documents.write_sisjur_html(d, p, layout="antigua", banner=False, meta=False),
    ),
    "docx": (".docx", documents.write_docx),
    "pdf": (".pdf", documents.write_pdf),
    "txt-utf8": (".txt", documents.write_txt),
    "txt-cp1252": (".txt", lambda d, p: documents.write_txt(d, p, encoding="cp1252")),
}


@pytest.fixture(scope="session")
def corpus(sources_dir: Path) -> Corpus:
    return load_corpus(sources_dir)


@pytest.fixture(scope="session")
def write_document(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Write a document in one of FORMATS (the PDF writer needs the app's fonts)."""
    configure_application(qapp)
    folder = tmp_path_factory.mktemp("documents")

    def write(document: list[documents.Paragraph], fmt: str, name: str = "norma") -> Path:
        suffix, writer = FORMATS[fmt]
        return writer(document, folder / f"{name}-{fmt}{suffix}")

    return write
