"""Documents the project writes itself for the importer's tests and benchmark.

Every document is an EXAMPLE: either the synthetic «Decreto 001 de 2099» written below (it
says in its own text that it is not a norm), or a norm of this project's corpus
(``data/sources``) laid out the way the Régimen Legal de Bogotá (SISJUR), a Word file or a
PDF of the Registro Distrital would show it. No real legal text is invented.

A document is a list of ``(style, text)`` paragraphs; the writers lay it out as a SISJUR page
(Windows-1252, the current ``container-norma`` layout or the older table layout, with or
without the banner), as DOCX (python-docx), as PDF (Qt's QPdfWriter, with a running header,
page numbers and hyphenated words) and as plain text.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path

from sgdesk.content.citations import norm_id as make_norm_id
from sgdesk.content.model import BlockKind, Corpus, NodeKind, Norm

Paragraph = tuple[str, str]  # (style, text); styles: "center", "bold-center", "label", "text"

EXAMPLE_NORM_ID = "decreto-1-2099"
EXAMPLE: list[Paragraph] = [
    ("bold-center", "DECRETO 001 DE 2099."),
    ("center", "(Marzo 15)"),
    ("text", "Modificado parcialmente por los Decretos Distritales 010 y 014 de 2099"),
    ("text", "NOTA: Ver Decreto Distrital 020 de 2100."),
    ("center", '"Por el cual se adopta un ejemplo de norma para las pruebas de importación de sgdesk"'),
    ("bold-center", "EL ALCALDE MAYOR DE BOGOTÁ D. C."),
    ("text", "En uso de sus facultades de ejemplo, y"),
    ("bold-center", "CONSIDERANDO:"),
    ("text", "Que este texto es un ejemplo escrito para las pruebas de sgdesk y no es una norma."),
    (
        "text",
        "Que el ejemplo reúne las partes que suele tener una norma distrital, con palabras largas "
        "como interinstitucionalidad y desconcentración para partirlas al final de la línea.",
    ),
    ("bold-center", "DECRETA:"),
    ("bold-center", "TÍTULO I"),
    ("bold-center", "DISPOSICIONES DE EJEMPLO"),
    ("bold-center", "CAPÍTULO I"),
    ("bold-center", "OBJETO"),
    ("label", "Artículo 1°. Objeto.|El presente ejemplo describe la estructura de una norma de prueba."),
    ("label", "ARTÍCULO 2º.-|Las dependencias de ejemplo son las siguientes:"),
    ("text", "1. Despacho de ejemplo"),
    ("text", "1.1. Oficina primera de ejemplo"),
    ("text", "1.2. Oficina segunda de ejemplo"),
    ("text", "2. Dirección de ejemplo"),
    ("label", "PARÁGRAFO 1°.|Las dependencias de ejemplo no existen."),
    ("label", "PARÁGRAFO TRANSITORIO.|Este parágrafo es de ejemplo."),
    ("bold-center", "CAPÍTULO II"),
    ("bold-center", "FUNCIONES"),
    ("label", "ART. 3. Funciones.|Son funciones de la dependencia de ejemplo:"),
    ("text", "a) Primera función de ejemplo."),
    ("text", "b) Segunda función de ejemplo."),
    ("text", "c) Tercera función de ejemplo."),
    ("text", "Modificado por el art. 2, Decreto Distrital 010 de 2099"),
    (
        "label",
        "Artículo 4º.|Adicionar el artículo 3 del presente ejemplo con el literal d), del siguiente tenor:",
    ),
    ("text", '"(…)'),
    ("text", 'd) Cuarta función de ejemplo."'),
    ("label", "Artículo 5º. Vigencia.|El presente ejemplo rige a partir de su publicación."),
    ("bold-center", "PUBLÍQUESE Y CÚMPLASE."),
    ("text", "Dado en Bogotá, D.C., a los quince días del mes de marzo de dos mil noventa y nueve."),
    ("bold-center", "NOMBRE DE EJEMPLO"),
]

# What SISJUR's page shows around the norm (written here in its layout, not copied).
BANNER = [
    "RÉGIMEN LEGAL DE BOGOTÁ D.C.",
    "© Secretaría Jurídica Distrital de la Secretaría General de la Alcaldía Mayor de Bogotá D.C.",
]
LOADING = ["Cargando el Contenido del Documento", "Por favor espere..."]
DISCLAIMER = (
    "La Secretaría Jurídica Distrital aclara que la información aquí contenida tiene exclusivamente "
    "carácter informativo (texto de ejemplo de las pruebas de sgdesk)."
)


def text_of(paragraph: Paragraph) -> str:
    """The paragraph as read: a «label» joins its marker and its text with a space."""
    return paragraph[1].replace("|", " ")


# -- the corpus' own norms ---------------------------------------------------------------------


def corpus_document(corpus: Corpus, norm_id: str) -> list[Paragraph]:
    """A norm of the corpus laid out as its official text would be."""
    norm = next(n for n in corpus.norms if n.id == norm_id)
    out: list[Paragraph] = [("bold-center", f"{norm.type.upper()} {norm.number} DE {norm.year}.")]
    if norm.issued.day is not None and norm.issued.month is not None:
        months = [
            "Enero",
            "Febrero",
            "Marzo",
            "Abril",
            "Mayo",
            "Junio",
            "Julio",
            "Agosto",
            "Septiembre",
            "Octubre",
            "Noviembre",
            "Diciembre",
        ]
        out.append(("center", f"({months[norm.issued.month - 1]} {norm.issued.day})"))
    out.append(("center", norm.epigrafe))
    out.append(("bold-center", f"EL {norm.issuer.upper()}" if norm.issuer else ""))
    out.append(("bold-center", "DECRETA:" if norm.type == "decreto" else "ACUERDA:"))
    for node in corpus.nodes:
        if node.norm != norm.id or node.kind is not NodeKind.ARTICLE:
            continue
        out += _article(node.label, node.title, node.body)
        for literal in (n for n in corpus.nodes if n.parent == node.id):
            out.append(("text", f"{literal.label} {literal.plain_text}"))
    return [p for p in out if p[1]]


def _article(label: str, title: str, body: tuple[object, ...]) -> list[Paragraph]:
    heading = title.split(". ", 1)[1] if ". " in title else ""
    marker = f"{label or 'Artículo.'} {heading + '.' if heading else ''}".strip()
    lines: list[tuple[BlockKind, str]] = [(b.kind, line) for b in body for line in b.lines]  # type: ignore[attr-defined]
    texts = [line for kind, line in lines if kind is not BlockKind.QUOTE]
    quotes = [line for kind, line in lines if kind is BlockKind.QUOTE]
    first = texts[0] if texts else ""
    out: list[Paragraph] = [("label", f"{marker}|{first}" if first else f"{marker}|")]
    out += [("text", line) for line in texts[1:]]
    out += [("text", line) for line in quotes]
    return out


def corpus_norms_with_articles(corpus: Corpus) -> list[Norm]:
    return [
        n for n in corpus.norms if any(x.norm == n.id and x.kind is NodeKind.ARTICLE for x in corpus.nodes)
    ]


# -- a long example, for the benchmark --------------------------------------------------------------


def long_example(target_bytes: int) -> list[Paragraph]:
    """The example norm with as many numbered example articles as make ``target_bytes`` of text."""
    head = EXAMPLE[: EXAMPLE.index(("bold-center", "PUBLÍQUESE Y CÚMPLASE."))]
    tail = EXAMPLE[len(head) :]
    out = list(head)
    size = sum(len(text_of(p)) for p in out)
    number = 6
    while size < target_bytes:
        article = list(_long_article(number))
        size += sum(len(text_of(p)) + 1 for p in article)
        out += article
        number += 1
    return out + tail


def _long_article(number: int) -> Iterator[Paragraph]:
    if number % 25 == 0:
        yield ("bold-center", f"CAPÍTULO {number // 25 + 2}")
        yield ("bold-center", f"DISPOSICIONES DE EJEMPLO NÚMERO {number // 25}")
    yield (
        "label",
        f"Artículo {number}°. Ejemplo {number}.|Este artículo de ejemplo número {number} describe "
        "funciones de una dependencia imaginaria, con el propósito de medir la importación de una "
        "norma larga. Son funciones de la dependencia de ejemplo las siguientes:",
    )
    for letter in "abcdef":
        yield (
            "text",
            f"{letter}) Formular, orientar y coordinar las políticas de ejemplo de la función "
            f"{letter} del artículo {number}, en armonía con los planes de ejemplo del Distrito "
            "Capital y con las normas de ejemplo que los desarrollen.",
        )
    yield (
        "label",
        "PARÁGRAFO.|Las funciones de este artículo son un ejemplo y no obligan a ninguna entidad.",
    )


# -- writers -----------------------------------------------------------------------------------------


def write_txt(document: list[Paragraph], path: Path, encoding: str = "utf-8") -> Path:
    path.write_text("\n\n".join(text_of(p) for p in document) + "\n", encoding=encoding)
    return path


def _record(norm_title: str, issued: str, in_force: str, publication: str) -> list[str]:
    return [
        f"{norm_title} Alcaldía Mayor de Bogotá, D.C.",
        "Fecha de Expedición:",
        issued,
        "Fecha de Entrada en Vigencia:",
        in_force,
        "Medio de Publicación:",
        publication,
    ]


def write_sisjur_html(
    document: list[Paragraph],
    path: Path,
    *,
    layout: str = "actual",
    banner: bool = True,
    meta: bool = True,
    record: tuple[str, str, str, str] = ("Decreto 1 de 2099", "15/03/2099", "--/ 00/2099", ""),
    shell_only: bool = False,
) -> Path:
    """A page as SISJUR serves it, in Windows-1252 («actual» or «antigua» layout)."""
    meta_tag = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' if meta else ""
    parts = [
        f"<!DOCTYPE html><html><head>{meta_tag}<title>Ejemplo de sgdesk</title>",
        "<script>var cargando = true; document.title = 'x < y';</script>",
        "<style>.container-norma p { margin: 0 }</style></head><body>",
        "<!-- Ejemplo escrito por las pruebas de sgdesk: no es una página ni una norma reales -->",
    ]
    if banner:
        parts.append(f'<div class="banner"><h1>{escape(BANNER[0])}</h1><p>{escape(BANNER[1])}</p></div>')
    parts.append(f'<div id="cargando"><p>{escape(LOADING[0])}</p><p>{escape(LOADING[1])}</p></div>')
    if not shell_only:
        lines = _record(*record)
        if layout == "actual":
            parts.append('<div class="container container-norma">')
            parts.append(f"<h2>{escape(lines[0])}</h2>")
            parts += [
                f"<p>{'<b>' if i % 2 else ''}{escape(v)}{'</b>' if i % 2 else ''}</p>"
                for i, v in enumerate(lines[1:], start=1)
            ]
            parts.append(f"<p>{escape(DISCLAIMER)}</p>")
            for style, text in document:
                parts.append(_html_paragraph(style, text))
                parts.append("<p>&nbsp;</p>")
            parts.append("</div>")
        else:
            parts.append('<table align="center" width="80%"><tr><td><font face="Arial" size="2">')
            parts.append(f"<b>{escape(lines[0])}</b><br>")
            parts += [f"{escape(v)}<br>" for v in lines[1:]]
            parts.append(f"<p>{escape(DISCLAIMER)}</p>")
            for style, text in document:
                parts.append(_old_paragraph(style, text))
                parts.append("<p>&nbsp;</p>")
            parts.append("</font></td></tr></table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode("cp1252"))
    return path


def _html_paragraph(style: str, text: str) -> str:
    if style == "label":
        label, _, rest = text.partition("|")
        return f"<p><b>{escape(label)}</b> {escape(rest)}</p>"
    if "center" in style:
        inner = f"<b>{escape(text)}</b>" if "bold" in style else escape(text)
        return f'<p style="text-align:center">{inner}</p>'
    return f"<p>{escape(text)}</p>"


def _old_paragraph(style: str, text: str) -> str:
    """The older layout: <font> runs, and article numbers in their own markup."""
    if style == "label":
        label, _, rest = text.partition("|")
        word, _, number = label.partition(" ")
        word_html = f'<font color="#000080"><b>{escape(word)}</b></font>'
        return f"<p>{word_html} <b>{escape(number)}</b> {escape(rest)}</p>"
    if "center" in style:
        return f'<p align="center"><font size="2"><b>{escape(text)}</b></font></p>'
    return f"<p><font size=2>{escape(text)}</font></p>"


def write_docx(document: list[Paragraph], path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = docx.Document()
    word.add_paragraph("Ejemplo escrito por las pruebas de sgdesk: no es una norma real.").runs[
        0
    ].italic = True
    for style, text in document:
        paragraph = word.add_paragraph()
        if style == "label":
            label, _, rest = text.partition("|")
            paragraph.add_run(label).bold = True
            if rest:
                paragraph.add_run(f" {rest}")
        else:
            run = paragraph.add_run(text)
            run.bold = "bold" in style
        if "center" in style:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        word.add_paragraph("")  # an empty paragraph between paragraphs, as Word users do
    word.save(str(path))
    return path


def write_pdf(document: list[Paragraph], path: Path, *, header: str = "Registro Distrital — ejemplo") -> Path:
    """A Letter PDF by QPdfWriter: running header, «Página N de M», hyphenated long words."""
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import (
        QFont,
        QFontMetricsF,
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
    )

    if QGuiApplication.instance() is None:
        raise RuntimeError("write_pdf needs a QGuiApplication")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(25, 20, 25, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle("Ejemplo de sgdesk")
    regular, bold = QFont("Noto Serif", 11), QFont("Noto Serif", 11)
    bold.setBold(True)
    metrics = QFontMetricsF(regular, writer)
    width, height = float(writer.width()), float(writer.height())
    line_height = metrics.lineSpacing()
    band = line_height * 2.5
    pages = _layout_pages(document, metrics, width, height - 2 * band, line_height)
    painter = QPainter(writer)
    try:
        for number, lines in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            painter.setFont(regular)
            painter.drawText(QPointF(0, metrics.ascent()), header)
            footer = f"Página {number} de {len(pages)}"
            painter.drawText(
                QPointF(width - metrics.horizontalAdvance(footer), height - metrics.descent()), footer
            )
            for y, text, centred, is_bold in lines:
                painter.setFont(bold if is_bold else regular)
                x = (width - metrics.horizontalAdvance(text)) / 2 if centred else 0.0
                painter.drawText(QPointF(x, band + y + metrics.ascent()), text)
    finally:
        painter.end()
    return path


def _layout_pages(
    document: list[Paragraph], metrics: object, width: float, body: float, line_height: float
) -> list[list[tuple[float, str, bool, bool]]]:
    advance = metrics.horizontalAdvance  # type: ignore[attr-defined]
    pages: list[list[tuple[float, str, bool, bool]]] = [[]]
    y = 0.0
    for style, raw in document:
        text = raw.replace("|", " ")
        for line in _wrap(text, width, advance):
            if y + line_height > body:
                pages.append([])
                y = 0.0
            pages[-1].append((y, line, "center" in style, "bold" in style))
            y += line_height
        y += line_height * 0.8  # space between paragraphs
    return pages


def _wrap(text: str, width: float, advance: object) -> list[str]:
    measure = advance  # QFontMetricsF.horizontalAdvance
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if measure(candidate) <= width:  # type: ignore[operator]
            current = candidate
            continue
        if len(word) >= 12:  # hyphenate a long word where it fits, as typesetters do
            for cut in range(len(word) - 4, 3, -1):
                head = f"{current} {word[:cut]}-".strip()
                if measure(head) <= width:  # type: ignore[operator]
                    lines.append(head)
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def example_norm_id(document: list[Paragraph]) -> str:
    heading = document[0][1].rstrip(".").split()
    return make_norm_id(heading[0].lower(), heading[1], int(heading[3]))
