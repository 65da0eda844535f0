"""A page as HTML for QTextBrowser and the PDF renderer. Every text is escaped."""

from __future__ import annotations

from html import escape

from sgdesk.content.citations import find_norm_mentions
from sgdesk.content.model import Amendment, Block, BlockKind, NodeKind
from sgdesk.export.common import (
    BREADCRUMB_SEPARATOR,
    citation_line,
    metadata_rows,
    show_norm_record,
    unit_lead,
)  # fmt: skip
from sgdesk.library import Page, Unit

LINK_SCHEME = "sgdesk"

_STYLE_TEMPLATE = """
h1 {{ font-family: 'Noto Sans'; font-size: {h1}pt; font-weight: 600; color: #7a1120; margin-bottom: 2px; }}
h2 {{ font-family: 'Noto Sans'; font-size: {h2}pt; font-weight: 600; color: #333333; margin-top: 18px; }}
h3 {{ font-family: 'Noto Sans'; font-size: {h3}pt; font-weight: 600; margin-top: 14px; }}
p {{ margin-top: 4px; margin-bottom: 8px; line-height: 135%; }}
a {{ text-decoration: none; }}
.crumbs {{ font-family: 'Noto Sans'; font-size: {small}pt; color: #5c6670; margin-bottom: 12px; }}
.epigrafe {{ font-style: italic; }}
.quote {{ margin-left: 24px; color: #333333; }}
.note {{ font-family: 'Noto Sans'; font-size: {small}pt; color: #8a5a00; margin-top: 0px; }}
.cite {{ font-family: 'Noto Sans'; font-size: {small}pt; color: #5c6670; margin-top: 18px; }}
.meta-key {{ font-family: 'Noto Sans'; font-size: {small}pt; color: #5c6670; padding-right: 12px; }}
.unknown {{ color: #5c6670; font-style: italic; }}
"""

_BASE_SIZES = {"body": 11.0, "h1": 19.0, "h2": 13.5, "h3": 12.0, "small": 9.0}


BODY_FONT = "Noto Serif"
LINK_COLOR = "#0b5cad"


def body_point_size(scale: float = 1.0) -> float:
    return round(_BASE_SIZES["body"] * scale, 1)


def style_sheet(scale: float = 1.0) -> str:
    """The reading style, every font size multiplied by ``scale`` (the zoom)."""
    return _STYLE_TEMPLATE.format(**{k: round(v * scale, 1) for k, v in _BASE_SIZES.items()})


def node_href(node_id: str) -> str:
    return f"{LINK_SCHEME}:{node_id}"


def render_html(page: Page, links: bool = True) -> str:
    """The page as HTML; ``links=False`` for paper and PDF, where links lead nowhere."""
    return _HtmlPage(page, links).render()


class _HtmlPage:
    def __init__(self, page: Page, links: bool) -> None:
        self.page = page
        self.links = links

    def render(self) -> str:
        page = self.page
        parts = [f'<h1><a name="{escape(page.node.id)}">{escape(page.node.title)}</a></h1>']
        if page.breadcrumb:
            crumbs = BREADCRUMB_SEPARATOR.join(self._link(n.id, n.title) for n in page.breadcrumb)
            parts.append(f'<p class="crumbs">{crumbs}</p>')
        if page.norm is not None and show_norm_record(page):
            parts.append(self._record())
        elif page.norm is not None:
            parts.append(f'<p class="crumbs">Norma: {self._link(page.norm.id, page.norm.title)}</p>')
        parts += [self._unit(unit) for unit in page.units]
        if page.node.kind is NodeKind.ARTICLE and not page.node.body and len(page.units) > 1:
            parts.append(
                '<p class="unknown">La fuente no registra el número de este artículo ni sus '
                "demás literales; solo los que aquí aparecen.</p>"
            )
        if page.amendments:
            items = "".join(
                f'<li>{self._amendment(a)} <span class="note">— {escape(a.date.format_compact())}</span></li>'
                for a in page.amendments
            )
            parts.append(f"<h2>Cambios que introduce</h2><ul>{items}</ul>")
        if page.children and not page.node.body:
            items = "".join(f"<li>{self._link(c.id, c.title)}</li>" for c in page.children)
            parts.append(f"<h2>Contenido</h2><ul>{items}</ul>")
        parts.append(f'<p class="cite">{escape(citation_line(page))}</p>')
        return "\n".join(parts)

    def _record(self) -> str:
        assert self.page.norm is not None
        rows = []
        for label, value in metadata_rows(self.page.norm):
            css = "epigrafe" if label == "Epígrafe" else "meta-value"
            value_html = escape(value)
            if "no registrad" in value:
                value_html = value_html.replace("(", '<span class="unknown">(').replace(")", ")</span>")
            rows.append(
                f'<tr><td class="meta-key">{escape(label)}</td><td class="{css}">{value_html}</td></tr>'
            )
        return f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'

    def _unit(self, unit: Unit) -> str:
        """A unit's text; its first character carries the node id as an anchor name."""
        node = unit.node
        heading, lead_html = "", f"<b>{escape(node.label)}</b> " if node.label else ""
        if unit.depth > 0 and node.kind is NodeKind.ARTICLE and (". " in node.title or not node.label):
            heading = f"<h3>{self._link(node.id, node.title, anchor=True)}</h3>"
        elif unit.depth > 0:
            lead_html = f"<b>{self._link(node.id, unit_lead(node), anchor=True)}</b> "
        notes = "".join(f'<p class="note">{self._inline(note)}</p>' for note in unit.notes)
        return heading + self._blocks(node.body, lead_html) + notes

    def _blocks(self, blocks: tuple[Block, ...], lead_html: str) -> str:
        return "".join(self._block(block, lead_html if i == 0 else "") for i, block in enumerate(blocks))

    def _amendment(self, amendment: Amendment) -> str:
        """The summary, linked to the first affected unit the corpus holds."""
        for target in amendment.targets:
            if "/" in target and not target.startswith("dependencia/"):
                return self._link(target, amendment.summary)
        return self._inline(amendment.summary)

    def _block(self, block: Block, prefix: str) -> str:
        if block.kind is BlockKind.LINK and block.target:
            return f"<h3>{self._link(block.target, block.lines[0])}</h3>"
        if block.kind is BlockKind.QUOTE:
            return "".join(f'<p class="quote">{self._inline(line)}</p>' for line in block.lines)
        if block.kind in (BlockKind.NUMBERED, BlockKind.BULLETED):
            tag = "ol" if block.kind is BlockKind.NUMBERED else "ul"
            items = "".join(f"<li>{self._inline(item)}</li>" for item in block.lines)
            return f"{prefix}<{tag}>{items}</{tag}>"
        css = ' class="epigrafe"' if block.lines[0].startswith('"Por ') else ""
        return "".join(f"<p{css}>{prefix}{self._inline(line)}</p>" for line in block.lines)

    def _link(self, node_id: str, text: str, anchor: bool = False) -> str:
        name = f' name="{escape(node_id)}"' if anchor else ""
        if not self.links:
            return f"<a{name}>{escape(text)}</a>" if anchor else escape(text)
        return f'<a{name} href="{escape(node_href(node_id))}">{escape(text)}</a>'

    def _inline(self, text: str) -> str:
        """Escape ``text`` and link every mention of a norm the corpus holds."""
        page = self.page
        own = page.norm.id if page.norm and page.node.kind is NodeKind.NORM else None
        out, cursor = [], 0
        for start, end, norm_id in find_norm_mentions(text):
            if norm_id not in page.known_norms or norm_id == own:
                continue
            out += [escape(text[cursor:start]), self._link(norm_id, text[start:end])]
            cursor = end
        out.append(escape(text[cursor:]))
        return "".join(out)
