"""A node's text blocks as the database stores them (JSON) and as plain text, from made-up blocks."""

from __future__ import annotations

import json

from sgdesk.content.model import Block, BlockKind, Node, NodeKind

LINK = Block(BlockKind.LINK, ("Ver Decreto 10 de 2000",), "decreto-10-2000")
ITEMS = Block(BlockKind.NUMBERED, ("1. Uno.", "2. Dos."))


def test_blocks_are_stored_with_their_kind_lines_and_link() -> None:
    assert LINK.to_json() == {
        "kind": "link",
        "lines": ["Ver Decreto 10 de 2000"],
        "target": "decreto-10-2000",
    }
    assert ITEMS.to_json() == {"kind": "numbered", "lines": ["1. Uno.", "2. Dos."]}


def test_blocks_read_back_the_same_through_json_text() -> None:
    for block in (LINK, ITEMS, Block(BlockKind.QUOTE, ())):
        assert Block.from_json(json.loads(json.dumps(block.to_json()))) == block
    assert Block.from_json({"kind": "paragraph", "lines": [7], "target": ""}) == Block(
        BlockKind.PARAGRAPH, ("7",)
    )


def test_a_node_s_plain_text_is_one_line_per_paragraph_or_item() -> None:
    node = Node("d/art-1", "d", 1, NodeKind.ARTICLE, "Artículo 1", "Decreto 10 de 2000, art. 1",
                body=(Block(BlockKind.PARAGRAPH, ("Texto.",)), ITEMS))  # fmt: skip
    assert node.plain_text == "Texto.\n1. Uno.\n2. Dos."
