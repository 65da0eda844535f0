"""The example norm, written by the project in every format, is recognised the same way."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from sgdesk.importer import import_file
from sgdesk.importer.model import ImportFileError
from sgdesk.importer.readers import read_paragraphs
from tests.importer import documents
from tests.importer.conftest import FORMATS

EXPECTED = json.loads((Path(__file__).parent / "expected" / "ejemplo.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_gives_the_expected_structure(write_document: Callable[..., Path], fmt: str) -> None:
    norm = import_file(write_document(documents.EXAMPLE, fmt))
    found = norm.to_json()
    warnings = found.pop("warnings")
    unrecognised = found.pop("unrecognised")
    expected = {k: v for k, v in EXPECTED.items() if k != "unrecognised"}
    if fmt.startswith("sisjur"):  # SISJUR's record: the day is read there; the placeholder is not a date
        assert norm.issued is not None
        assert norm.issued.iso() == "2099-03-15"
    assert found == expected
    if fmt == "docx":  # the italic line the DOCX opens with says it is an example: not part of the norm
        assert unrecognised == ["Ejemplo escrito por las pruebas de sgdesk: no es una norma real."]
        assert len(warnings) == 1
    else:
        assert unrecognised == []
        assert warnings == []


def test_pdf_loses_no_word_to_hyphens_headers_or_page_numbers(write_document: Callable[..., Path]) -> None:
    long_document = documents.long_example(12_000)  # several pages: the header repeats on each
    norm = import_file(write_document(long_document, "pdf", "larga"))
    expected_text = [documents.text_of(p) for p in long_document]
    assert norm.paragraphs == expected_text
    assert not any("Página" in p or "Registro Distrital — ejemplo" in p for p in norm.paragraphs)
    assert norm.warnings == []


def test_pdf_hyphenated_words_are_joined(write_document: Callable[..., Path]) -> None:
    word = "interinstitucionalidad"
    # The long word lands at a different place of the line in each paragraph: some are cut.
    fillers = [("text", f"Ejemplo {'de ' * k}la palabra {word} en un texto.") for k in range(1, 30)]
    document = [*documents.EXAMPLE[:-3], *fillers]
    path = write_document(document, "pdf", "guiones")
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert re.search(r"interinst\w*-\n", raw), "the fixture should hyphenate the word somewhere"
    norm = import_file(path)
    assert norm.paragraphs[-len(fillers) :] == [text for _, text in fillers]


def test_html_without_meta_is_detected_as_windows_1252(tmp_path: Path) -> None:
    path = documents.write_sisjur_html(documents.EXAMPLE, tmp_path / "sin-meta.html", meta=False)
    assert b"\xba" in path.read_bytes()  # «º» in Windows-1252
    norm = import_file(path)
    assert norm.articles[1].label == "ARTÍCULO 2º.-"
    assert norm.epigrafe is not None
    assert "importación" in norm.epigrafe


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><p>DECRETO 5 DE 2099</p>'
        "<p>Artículo 1°. Único texto de ejemplo.</p></body></html>"
    )
    path = tmp_path / "utf8.html"
    path.write_bytes(page.encode("utf-8"))
    norm = import_file(path)
    assert norm.articles[0].label == "Artículo 1°."
    assert norm.articles[0].text == ["Único texto de ejemplo."]


def test_the_declared_charset_wins_over_detection(tmp_path: Path) -> None:
    """Bytes that are also valid UTF-8, declared as Windows-1252: the declaration is honoured."""
    page = '<html><head><meta charset="windows-1252"></head><p>DECRETO 5 DE 2099</p><p>ART. 1. Dirección.</p>'
    path = tmp_path / "declarada.html"
    path.write_bytes(page.encode("utf-8"))
    norm = import_file(path)
    assert norm.articles[0].text == ["DirecciÃ³n."]  # what a browser shows for these bytes


def test_docx_reader_gives_what_python_docx_reads(tmp_path: Path) -> None:
    """The standard-library reader against python-docx on runs, tabs, breaks, tables."""
    import docx

    word = docx.Document()
    word.add_paragraph("DECRETO 7 DE 2099")
    paragraph = word.add_paragraph()
    paragraph.add_run("Artículo 1°.").bold = True
    paragraph.add_run(" Texto\tcon tabulador")
    paragraph.add_run().add_break()
    paragraph.add_run("y otra línea del ejemplo.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Firma de ejemplo"
    table.cell(0, 1).text = "Cargo de ejemplo"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Celda combinada"
    word.add_paragraph("PUBLÍQUESE Y CÚMPLASE.")
    path = tmp_path / "tabla.docx"
    word.save(str(path))

    expected = []
    for block in docx.Document(str(path)).iter_inner_content():
        texts = (
            [block.text]
            if isinstance(block, docx.text.paragraph.Paragraph)
            else [cell.text for row in block.rows for cell in row.cells]
        )
        for text in texts:
            if not expected or expected[-1] != text:
                expected += [line.strip() for line in text.split("\n") if line.strip()]
    assert read_paragraphs(path) == expected
    assert "Artículo 1°. Texto\tcon tabulador" in expected


def test_an_old_or_protected_word_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "protegido.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    with pytest.raises(ImportFileError, match=r"antiguo \(\.doc\) o protegido con contraseña"):
        import_file(path)


def test_a_hard_wrapped_text_file_is_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "envuelto.txt"
    path.write_text(
        "DECRETO 8 DE 2099\nArtículo 1°. Son funciones de la dependencia de ejemplo, que se\n"
        "cumplen con interinsti-\ntucionalidad, las siguientes:\na) Una función de ejemplo que\n"
        "sigue en otra línea.\nb) Otra.\n",
        encoding="utf-8",
    )
    article = import_file(path).articles[0]
    assert article.text == ["Son funciones de la dependencia de ejemplo, que se cumplen con "
                            "interinstitucionalidad, las siguientes:"]  # fmt: skip
    assert [c.text for c in article.children] == [
        ["Una función de ejemplo que sigue en otra línea."],
        ["Otra."],
    ]
