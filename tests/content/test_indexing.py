"""What the full-text index stores for a node (text, stems, facets), from made-up nodes: what
a search can find and what its filters match."""

from __future__ import annotations

from sgdesk.content.dates import PartialDate
from sgdesk.content.indexing import facets, index_fields, search_text
from sgdesk.content.model import Block, BlockKind, Node, NodeKind, Norm
from sgdesk.content.stemming import stem_text

NORM = Norm("decreto-059-2000", "decreto", "059", 2000, "El Alcalde Mayor", PartialDate(2000, 1, 2),
            "«Por el cual se organiza la Secretaría»")  # fmt: skip
NORM_NODE = Node("decreto-059-2000", "sec", 1, NodeKind.NORM, "Decreto 059 de 2000", "Decreto 059 de 2000",
                 body=(Block(BlockKind.PARAGRAPH, ("Considerando.",)),))  # fmt: skip
ARTICLE = Node("decreto-059-2000/art-7", "decreto-059-2000", 7, NodeKind.ARTICLE, "Artículo 7",
               "Decreto 059 de 2000, art. 7",
               body=(Block(BlockKind.PARAGRAPH, ("Funciones.",)),))  # fmt: skip
LITERAL = Node("decreto-059-2000/art-7/lit-n", ARTICLE.id, 14, NodeKind.LITERAL, "Literal n",
               "Decreto 059 de 2000, art. 7, lit. n", label="n.",
               body=(Block(BlockKind.PARAGRAPH, ("Promover la co-responsabilidad.",)),))  # fmt: skip
SECTION = Node("sec", None, 0, NodeKind.SECTION, "Normas", "Normas",
               body=(Block(BlockKind.PARAGRAPH, ("Texto propio.",)),
                     Block(BlockKind.LINK, ("Ver Decreto 059 de 2000",), NORM.id)))  # fmt: skip


def test_a_norm_is_found_by_its_issuer_and_epigrafe_first() -> None:
    assert search_text(NORM_NODE, NORM) == (
        "El Alcalde Mayor\n«Por el cual se organiza la Secretaría»\nConsiderando."
    )
    assert search_text(ARTICLE, NORM) == "Funciones."  # only a norm adds them


def test_a_section_listing_norms_indexes_none_of_its_text() -> None:
    assert search_text(SECTION, None) == ""
    plain = Node(
        "sec2", None, 0, NodeKind.SECTION, "Otra", "Otra", body=(Block(BlockKind.PARAGRAPH, ("A.", "B.")),)
    )
    assert search_text(plain, None) == "A.\nB."


def test_facets_name_the_kind_norm_article_and_literal() -> None:
    assert facets(NORM_NODE, NORM, None) == "zknorm ztdecreto zn59 zy2000"
    assert facets(LITERAL, NORM, ARTICLE) == "zklit ztdecreto zn59 zy2000 za7 zln"
    assert facets(SECTION, None, None) == "zksec"
    dotted = Node("x/lit-a", None, 0, NodeKind.LITERAL, "Literal a", "x", label=".a.")
    assert facets(dotted, None, None) == "zklit zl.a"


def test_the_index_row_has_text_stems_with_the_joined_compounds_and_facets() -> None:
    row = index_fields(LITERAL, NORM, ARTICLE)
    assert row["text"] == "Promover la co-responsabilidad."
    assert row["stems"] == (
        stem_text("Literal n\nPromover la co-responsabilidad.")
        + "\n"
        + stem_text("coresponsabilidad corresponsabilidad")
    )
    assert row["facets"] == "zklit ztdecreto zn59 zy2000 za7 zln"
    for hyphen in "‐‑":
        text = index_fields(Node("x", None, 0, NodeKind.SECTION, f"vice{hyphen}rector", "x"), None, None)
        assert text["stems"].endswith("\n" + stem_text("vicerector vicerrector"))
    assert index_fields(ARTICLE, NORM, ARTICLE)["stems"] == stem_text("Artículo 7\nFunciones.")
    assert index_fields(NORM_NODE, NORM, None)["text"].startswith("El Alcalde Mayor")
