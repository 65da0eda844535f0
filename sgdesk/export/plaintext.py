"""A page as plain text, for ``sgdesk show`` and the clipboard."""

from __future__ import annotations

from sgdesk.content.model import Block, BlockKind
from sgdesk.export.common import (
    BREADCRUMB_SEPARATOR,
    Banner,
    as_of_line,
    citation_line,
    later_item,
    metadata_rows,
    page_banner,
    show_norm_record,
    status_note,
    unit_lead,
)  # fmt: skip
from sgdesk.library import Page, Unit


def render_text(page: Page) -> str:
    lines = [page.title]
    banner = page_banner(page)
    if banner is not None:
        lines += banner_lines(banner)
    line = as_of_line(page)
    if line:
        lines.append(line)
    if page.breadcrumb:
        lines.append(BREADCRUMB_SEPARATOR.join(n.title for n in page.breadcrumb))
    lines.append("")
    if page.norm is not None and show_norm_record(page):
        lines += [f"{label}: {value}" for label, value in metadata_rows(page.norm)]
        lines.append("")
    lines.append(render_body(page))
    if page.amendments:
        lines += ["Cambios que introduce:"]
        lines += [f"- {a.summary} — {a.date.format_compact()}" for a in page.amendments]
        lines.append("")
    if page.children and not page.node.body:
        lines += ["Contenido:", *[f"- {child.title}" for child in page.children], ""]
    lines.append(citation_line(page))
    return "\n".join(lines) + "\n"


def banner_lines(banner: Banner) -> list[str]:
    """The caveat of a date after the horizon, as lines: "¡Atención! …" and "- …" items."""
    items = [f"- {later_item(change, certain)}" for change, certain in banner.changes]
    others = banner.others_line("detalle: sgdesk currency")
    return [f"¡Atención! {banner.statement}", *items, *([others] if others else [])]


def render_body(page: Page) -> str:
    """The text of the node and its parts, without heading, record or citation."""
    lines: list[str] = []
    for unit in page.units:
        lines += _unit(unit, page)
    return "\n".join(lines)


def _unit(unit: Unit, page: Page) -> list[str]:
    node = unit.node
    lead = unit_lead(node) if node is not page.node or node.label else ""
    lines = _blocks(node.body, lead)
    if not node.body and lead:
        lines.append(lead)
    status = status_note(unit, page.as_of or page.seen_on)
    lines += [f"[{note}]" for note in ([status] if status else []) + list(unit.notes)]
    return [*lines, ""] if lines else []


def _blocks(blocks: tuple[Block, ...], lead: str) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if block.kind is BlockKind.NUMBERED:
            lines += [f"{i}. {item}" for i, item in enumerate(block.lines, 1)]
        elif block.kind is BlockKind.BULLETED:
            lines += [f"• {item}" for item in block.lines]
        else:
            lines += list(block.lines)
    if lead and lines:
        lines[0] = f"{lead} {lines[0]}"
    return lines
