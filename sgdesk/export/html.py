"""A page as HTML for QTextBrowser and the PDF renderer. Every text is escaped."""

from __future__ import annotations

from sgdesk.content.citations import find_norm_mentions
from sgdesk.content.currency import Currency
from sgdesk.content.model import STRUCTURE_TARGET, Amendment, Block, BlockKind, LaterChange, NodeKind
from sgdesk.content.text import escape_html as escape
from sgdesk.content.timeline import LATER_PREFIX, Status
from sgdesk.export.common import (
    BREADCRUMB_SEPARATOR,
    Banner,
    as_of_line,
    citation_line,
    currency_statement,
    later_change_line,
    later_item,
    metadata_rows,
    page_banner,
    show_norm_record,
    status_note,
    unit_lead,
)  # fmt: skip
from sgdesk.export.page_colors import PAPER, PageColors
from sgdesk.library import Page, Unit

LINK_SCHEME = "sgdesk"
END_ANCHOR = "_fin"  # names the first character after the units: not a node id
ORG_CHART_LINK = "ver/organigrama"  # a link that opens the organigrama, not a node
OTHER_CHANGES_LINK = "ver/otros-cambios"  # a link that shows or hides a banner's other changes
ACTION_LINKS = frozenset({ORG_CHART_LINK, OTHER_CHANGES_LINK})  # links that open no page

_STYLE_TEMPLATE = """
body {{ color: {text}; }}
h1 {{ font-family: 'Noto Sans'; font-size: {h1}pt; font-weight: 600; color: {title}; margin-bottom: 2px; }}
h2 {{ font-family: 'Noto Sans'; font-size: {h2}pt; font-weight: 600; color: {heading}; margin-top: 18px; }}
h3 {{ font-family: 'Noto Sans'; font-size: {h3}pt; font-weight: 600; margin-top: 14px; }}
p {{ margin-top: 4px; margin-bottom: 8px; line-height: 135%; }}
a {{ text-decoration: none; }}
a[href] {{ color: {link}; }}
.crumbs {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {muted}; margin-bottom: 12px; }}
.epigrafe {{ font-style: italic; }}
.quote {{ margin-left: 24px; color: {heading}; }}
.note {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {note}; margin-top: 0px; }}
.cite {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {muted}; margin-top: 18px; }}
.meta-key {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {muted}; padding-right: 12px; }}
.unknown {{ color: {muted}; font-style: italic; }}
.asof {{ font-family: 'Noto Sans'; font-size: {small}pt; font-weight: 600; color: {title}; }}
.lapsed {{ color: {lapsed}; }}
.status {{ font-family: 'Noto Sans'; font-size: {small}pt; font-style: italic; color: {note}; }}
.currency {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {muted}; }}
.banner-box {{ background-color: {banner_background}; border-color: {banner_border}; }}
.banner {{ font-family: 'Noto Sans'; font-size: {banner}pt; color: {banner_text}; }}
.banner-head {{ font-family: 'Noto Sans'; font-size: {banner}pt; font-weight: 600; color: {banner_text}; }}
.mynote {{ font-family: 'Noto Sans'; font-size: {small}pt; color: {heading}; margin-top: 2px; }}
.later {{ font-family: 'Noto Sans'; font-size: {small}pt; font-weight: 600; color: {later}; }}
"""

_BASE_SIZES = {"body": 11.0, "h1": 19.0, "h2": 13.5, "h3": 12.0, "small": 9.0, "banner": 10.0}
BODY_FONT = "Noto Serif"
LINK_COLOR = PAPER.link  # paper's; the window's themes have their own (sgdesk.ui.theme)


def body_point_size(scale: float = 1.0) -> float:
    return round(_BASE_SIZES["body"] * scale, 1)


def style_sheet(scale: float = 1.0, colors: PageColors = PAPER) -> str:
    """The reading style, every font size multiplied by ``scale`` (the zoom), in ``colors``
    (paper's light set unless a window theme gives another)."""
    sizes = {k: round(v * scale, 1) for k, v in _BASE_SIZES.items()}
    return _STYLE_TEMPLATE.format(**sizes, **colors._asdict())


def node_href(node_id: str) -> str:
    return f"{LINK_SCHEME}:{node_id}"


def render_html(
    page: Page, links: bool = True, currency: Currency | None = None, other_changes: bool = True
) -> str:
    """The page as HTML; ``links=False`` for paper and PDF, where links lead nowhere; with
    ``currency``, the statement of currency closes the page, under the citation. The window
    (``links``) gives its banner a compact form; ``other_changes=False`` there folds the later
    changes that do not touch the page into a link that unfolds them (paper has them all)."""
    return _HtmlPage(page, links, other_changes or not links).render(currency)


def currency_html(currency: Currency, links: bool = False) -> str:
    """The statement of currency and the list of later changes not yet incorporated."""
    return _HtmlPage(None, links).currency(currency)


def banner_html(banner: Banner) -> str:
    """A horizon banner alone (the PDF cover, the organigrama's caveat)."""
    return _HtmlPage(None, False).banner(banner)


class _HtmlPage:
    def __init__(self, page: Page | None, links: bool, other_changes: bool = True) -> None:
        self._page = page
        self.links = links
        self.other_changes = other_changes

    @property
    def page(self) -> Page:
        assert self._page is not None
        return self._page

    def render(self, currency: Currency | None = None) -> str:
        page = self.page
        parts = [f'<h1><a name="{escape(page.node.id)}">{escape(page.title)}</a></h1>']
        banner = page_banner(page)
        if banner is not None:
            parts.append(self.banner(banner))
        line = as_of_line(page)
        if line:
            parts.append(f'<p class="asof">{escape(line)}</p>')
        if page.compiled:
            what = "solo el texto vigente en esa fecha"
            if page.after_horizon and page.currency:  # the corpus cannot vouch for that day
                what = f"lo que rige según los cambios incorporados hasta {page.currency.as_of_text}"
            parts.append(
                f'<p class="crumbs">Compilación de {self._link(page.node.id, page.node.citation)}: '
                f"{escape(what)}, con el origen de cada parte.</p>"
            )
        elif page.breadcrumb:
            crumbs = BREADCRUMB_SEPARATOR.join(self._link(n.id, n.title) for n in page.breadcrumb)
            parts.append(f'<p class="crumbs">{crumbs}</p>')
        if page.norm is not None and show_norm_record(page):
            parts.append(self._record())
        elif page.norm is not None:
            parts.append(f'<p class="crumbs">Norma: {self._link(page.norm.id, page.norm.title)}</p>')
        parts += [self._unit(unit) for unit in page.units]
        # What follows the units starts with an anchor that ends the last unit (see END_ANCHOR).
        tail = []
        if page.node.kind is NodeKind.ARTICLE and not page.node.body and len(page.units) > 1:
            tail.append(("p", "unknown", "La fuente no registra el número de este artículo ni sus "
                         "demás literales; solo los que aquí aparecen.", ""))  # fmt: skip
        if page.amendments:
            items = "".join(
                f'<li>{self._amendment(a)} <span class="note">— {escape(a.date.format_compact())}</span></li>'
                for a in page.amendments
            )
            tail.append(("h2", "", "Cambios que introduce", f"<ul>{items}</ul>"))
        if page.children and not page.node.body:
            items = "".join(f"<li>{self._link(c.id, c.title)}</li>" for c in page.children)
            tail.append(("h2", "", "Contenido", f"<ul>{items}</ul>"))
        tail.append(("p", "cite", citation_line(page), ""))
        for number, (tag, css, text, after) in enumerate(tail):
            css_attr = f' class="{css}"' if css else ""
            inner = f'<a name="{END_ANCHOR}">{escape(text)}</a>' if number == 0 else escape(text)
            parts.append(f"<{tag}{css_attr}>{inner}</{tag}>{after}")
        if currency is not None:
            parts.append(self.currency(currency))
        return "\n".join(parts)

    def banner(self, banner: Banner) -> str:
        """The caveat of a date after the horizon, boxed, before anything else of the page; each
        later change's name links to its page (in the window)."""
        if self.links:
            return self._window_banner(banner)
        items = "".join(f'<li class="banner">{self._later(c, certain)}</li>' for c, certain in banner.changes)
        listing = f"<ul>{items}</ul>" if items else ""
        others = banner.others_line()
        if others:
            listing += f'<p class="banner">{escape(others)}</p>'
        return (f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
                'class="banner-box" style="border-style: solid; margin-bottom: 10px;"><tr><td>'
                f'<p class="banner-head">{escape(banner.statement)}</p>{listing}'
                "</td></tr></table>")  # fmt: skip

    def _window_banner(self, banner: Banner) -> str:
        """The banner in the window, compact (a small screen shows the text under it): the
        same statement and every change that touches the page, each on one tight line; the
        changes that do not touch it are counted behind a link that unfolds them (and folds
        them again), a link like any other of the page («Enlaces de la página» reaches it)."""
        tight = ' style="margin-top: 2px; margin-bottom: 2px;"'
        lines = "".join(f'<p class="banner"{tight}>•&nbsp;{self._later(c, certain)}</p>'
                        for c, certain in banner.changes)  # fmt: skip
        if banner.others:
            href, count = escape(node_href(OTHER_CHANGES_LINK)), len(banner.others)
            which = "el otro cambio" if count == 1 else "los otros cambios"  # the link says what it does
            if self.other_changes:
                text = escape(banner.others_line("detalle en Ayuda › Acerca de") or "")
                lines += f'<p class="banner"{tight}>{text} <a href="{href}">ocultar {which}</a></p>'
            else:
                what = ("Otro cambio conocido para esa fecha no toca esta página" if count == 1 else
                        f"Otros {count} cambios conocidos para esa fecha no tocan esta página")  # fmt: skip
                lines += f'<p class="banner"{tight}>{what}: <a href="{href}">mostrar {which}</a></p>'
        return (f'<table width="100%" cellspacing="0" cellpadding="5" border="1" '
                'class="banner-box" style="border-style: solid; margin-bottom: 6px;"><tr><td>'
                f'<p class="banner-head"{tight}>{escape(banner.statement)}</p>{lines}'
                "</td></tr></table>")  # fmt: skip

    def _later(self, change: LaterChange, certain: bool) -> str:
        text = later_item(change, certain)
        if not self.links or not text.startswith(change.norm):
            return self._inline(text)
        link = f'<a href="{escape(node_href(LATER_PREFIX + change.id))}">{escape(change.norm)}</a>'
        return link + self._inline(text[len(change.norm) :])

    def currency(self, currency: Currency) -> str:
        html = f'<p class="currency">{escape(currency_statement(currency))}</p>'
        if currency.later:
            items = "".join(f"<li>{self._inline(later_change_line(c))}</li>" for c in currency.later)
            html += f'<ul class="currency">{items}</ul>'
        return html

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
        status = status_note(unit, self.page.as_of or self.page.seen_on)
        if status:
            css = "later" if unit.by else "status"
            notes = f'<p class="{css}">{self._inline(status)}</p>' + notes
        html = heading + self._blocks(node.body, lead_html) + notes
        if unit.status is Status.NOT_IN_FORCE:
            return f'<div class="lapsed">{html}</div>'  # greyed, the text itself unchanged
        return html

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
        page = self._page
        if page is None or not self.links:
            return escape(text)
        own = page.norm.id if page.norm and page.node.kind is NodeKind.NORM else None
        out, cursor = [], 0
        for start, end, norm_id in find_norm_mentions(text):
            if norm_id not in page.known_norms or norm_id == own:
                continue
            out += [escape(text[cursor:start]), self._link(norm_id, text[start:end])]
            cursor = end
        out.append(escape(text[cursor:]))
        return "".join(out)


def later_change_page(change: LaterChange, targets: dict[str, str], currency: Currency | None) -> str:
    """The page of a later change the corpus does not incorporate: its record and, linked, what it
    may have altered (``targets``: id → title; the structure opens the organigrama)."""
    rows = [
        ("Norma", change.norm),
        ("Fecha de expedición", change.issued.format_es()),
        ("Entrada en vigencia", change.in_force.format_es() if change.in_force else "no registrada"),
        ("Publicación", change.publication or "no registrada"),
        ("Qué cambia", change.affects),
    ]
    table = "".join(
        f'<tr><td class="meta-key">{escape(label)}</td><td>{escape(value)}</td></tr>' for label, value in rows
    )
    items = []
    for target in change.targets:
        if target == STRUCTURE_TARGET:
            href = escape(node_href(ORG_CHART_LINK))
            items.append(f'<li><a href="{href}">La estructura organizacional de la Secretaría General '
                         "(el organigrama)</a></li>")  # fmt: skip
        else:
            title = targets.get(target, target)
            items.append(f'<li><a href="{escape(node_href(target))}">{escape(title)}</a></li>')
    horizon = currency.as_of_text if currency else "una fecha no registrada"
    when = change.date
    since = f"Desde el {when.format_es()}"
    if when.day is None:
        since = f"Desde {when.format_compact()} (fecha exacta no registrada: en ese lapso, vigencia incierta)"
    return (
        f"<h1>{escape(change.norm)}</h1>"
        f'<p class="asof">Cambio posterior conocido que este contenido no incorpora (el contenido '
        f"llega hasta {escape(horizon)}).</p>"
        f'<table cellspacing="0" cellpadding="2">{table}</table>'
        f"<h2>Lo que puede haber cambiado</h2><ul>{''.join(items)}</ul>"
        f'<p class="note">{escape(since)}, lo que afecta se marca «posiblemente modificada» y el texto '
        "que aquí se muestra puede no ser el vigente; el texto nuevo no está en este contenido.</p>"
    )
