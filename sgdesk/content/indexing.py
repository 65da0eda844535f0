"""What the full-text index stores for each node: searchable text, stems and facets.

Facets are tokens in their own column (``zknorm``, ``ztdecreto``, ``zn267``, ``zy2007``,
``za7``, ``zln``) so filters and citations are part of the FTS5 match itself, answered by
the index instead of a slow filter after ranking.
"""

from __future__ import annotations

from sgdesk.content.citations import article_number, slug
from sgdesk.content.compounds import compound_variants
from sgdesk.content.model import BlockKind, Node, NodeKind, Norm
from sgdesk.content.stemming import stem_text

KIND_FACETS = {
    NodeKind.SECTION: "zksec",
    NodeKind.NORM: "zknorm",
    NodeKind.ARTICLE: "zkart",
    NodeKind.LITERAL: "zklit",
}


def search_text(node: Node, norm: Norm | None) -> str:
    """The node's own words: a norm adds its issuer and epígrafe; lists of norms are not repeated."""
    lines = [line for block in node.body if block.kind is not BlockKind.LINK for line in block.lines]
    if any(block.kind is BlockKind.LINK for block in node.body):
        lines = []  # a section listing norms: their texts are indexed on the norms themselves
    if node.kind is NodeKind.NORM and norm is not None:
        lines[:0] = [norm.issuer, norm.epigrafe]
    return "\n".join(lines)


def facets(node: Node, norm: Norm | None, article: Node | None) -> str:
    tokens = [KIND_FACETS[node.kind]]
    if norm is not None:
        tokens += [f"zt{slug(norm.type)}", f"zn{int(norm.number)}", f"zy{norm.year}"]
    number = article_number(article) if article is not None else None
    if number:
        tokens.append(f"za{number}")
    if node.kind is NodeKind.LITERAL:
        tokens.append(f"zl{node.label.rstrip('.')}")
    return " ".join(tokens)


def index_fields(node: Node, norm: Norm | None, article: Node | None) -> dict[str, str]:
    """The columns ``text``, ``stems`` and ``facets`` for one node. ``stems`` ends with the
    stems of the joined forms of hyphenated compounds («co-responsabilidad» →
    «coresponsabilidad», «corresponsabilidad»), after the running text so phrases are intact."""
    text = search_text(node, norm)
    whole = f"{node.title}\n{text}"
    stems = stem_text(whole)
    if "-" in whole or "‐" in whole or "‑" in whole:
        joined = compound_variants(whole)
        if joined:
            stems += "\n" + stem_text(" ".join(joined))
    return {"text": text, "stems": stems, "facets": facets(node, norm, article)}
