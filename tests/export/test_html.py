"""The HTML renderer escapes every text and links only what the corpus holds."""

from __future__ import annotations

from sgdesk.content.model import Block, BlockKind, Node, NodeKind
from sgdesk.export.html import render_html
from sgdesk.library import Library, Page, Unit


def _page(text: str, known: frozenset[str]) -> Page:
    node = Node("x", None, 0, NodeKind.SECTION, "Título <i>", "Cita & co",
                body=(Block(BlockKind.PARAGRAPH, (text,)),))  # fmt: skip
    return Page(node, (), None, (Unit(node, 0, ()),), (), (), known)


def test_text_is_escaped() -> None:
    html = render_html(_page('<script>alert("x")</script> & "comillas"', frozenset()))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;comillas&quot;" in html
    assert "Título &lt;i&gt;" in html
    assert "Cita: Cita &amp; co" in html


def test_only_known_norms_become_links() -> None:
    html = render_html(_page("Ver Decreto 267 de 2007 y Decreto 1 de 1999", frozenset({"decreto-267-2007"})))
    assert '<a href="sgdesk:decreto-267-2007">Decreto 267 de 2007</a>' in html
    assert "sgdesk:decreto-1-1999" not in html


def test_funciones_page_links_every_norm(library: Library) -> None:
    html = render_html(library.page("funciones"))
    for norm_id, text in [("acuerdo-257-2006", "Ver acuerdo 257 de 2006"),
                          ("decreto-59-2012", "Ver decreto 059 de 2012")]:  # fmt: skip
        assert f'<a href="sgdesk:{norm_id}">{text}</a>' in html


def test_unknown_metadata_is_said(library: Library) -> None:
    html = render_html(library.page("decreto-502-2009"))
    assert '2009 <span class="unknown">(día y mes no registrados)</span>' in html
