"""The visible text of an HTML page as paragraphs (SISJUR pages, pages saved from a browser)."""

from __future__ import annotations

from html.parser import HTMLParser

# Elements whose start or end breaks the text into a new paragraph.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt",
     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
     "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul"}
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template", "select", "option"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def _break(self) -> None:
        text = " ".join("".join(self._current).split())  # HTML collapses white space, NBSP too
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # a page whose <head> was never closed
            self._hidden = 0
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)


def html_paragraphs(markup: str) -> list[str]:
    """Paragraphs of visible text; scripts, styles and the page title are left out."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    collector._break()
    return collector.paragraphs
