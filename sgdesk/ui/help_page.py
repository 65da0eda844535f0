"""«Ayuda» (F1): a page shown in the reading pane (so the find bar searches it), from
resources/help/ayuda.html, with the shortcuts listed from the window's own actions."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from sgdesk import paths

HELP_FILE = ("help", "ayuda.html")
SHORTCUTS_MARK = "<!-- ATAJOS -->"
MISSING = (
    "<h1>Ayuda</h1><p>No se encontró la página de ayuda en la instalación "
    "(resources/help/ayuda.html). Reinstale sgdesk o avise al equipo de sistemas.</p>"
)

# (menu title, [(command, keys)]) in the order of the menu bar
ShortcutGroups = list[tuple[str, list[tuple[str, str]]]]


def label(text: str) -> str:
    """A menu text as read: without the mnemonic's ampersand (a doubled one stays)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(sequence.toString(native) for sequence in action.shortcuts())


def _menu_shortcuts(menu: QMenu) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_shortcuts(action.menu())  # type: ignore[arg-type]
        elif not action.isSeparator() and action.shortcuts():
            found.append((label(action.text()), keys(action)))
    return found


def shortcut_groups(window: QMainWindow) -> ShortcutGroups:
    """Every command with a key, by menu; those in no menu last, under «Otros»."""
    groups: ShortcutGroups = []
    in_menus: set[str] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows = _menu_shortcuts(menu)
            in_menus.update(name for name, _keys in rows)
            if rows:
                groups.append((label(top.text()), rows))
    others = [(label(a.text()), keys(a)) for a in window.findChildren(QAction)
              if a.shortcuts() and label(a.text()) not in in_menus]  # fmt: skip
    if others:
        groups.append(("Otros", sorted(set(others))))
    return groups


def shortcuts_html(groups: ShortcutGroups) -> str:
    parts = []
    for title, rows in groups:
        parts.append(f"<h3>{escape(title)}</h3><table cellpadding='3'>")
        parts += [f"<tr><td>{escape(name)}</td><td><b>{escape(key)}</b></td></tr>" for name, key in rows]
        parts.append("</table>")
    return "".join(parts)


def help_html(template: str, groups: ShortcutGroups) -> str:
    """The help page: the shipped text with the shortcut tables in place of the mark."""
    return template.replace(SHORTCUTS_MARK, shortcuts_html(groups), 1)


def page_for(window: QMainWindow) -> str:
    """The help page with the shortcuts of ``window``'s commands."""
    return help_html(load_template(), shortcut_groups(window))


def load_template() -> str:
    try:
        return paths.resources_dir().joinpath(*HELP_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return MISSING
