"""The main window's commands (QActions with their keys), its menus and its toolbar.

The commands call the window's own slots (``WindowSlots``) and the controllers'; nothing here
keeps state.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from sgdesk.ui.theme import HIGHLIGHT_NAMES  # «Subrayar» colours (my_notes.HIGHLIGHT_COLOURS)
from sgdesk.ui.window_docks import DOCKS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from sgdesk.ui.as_of import PointInTime
    from sgdesk.ui.export_actions import ExportActions
    from sgdesk.ui.my_notes import MyNotesActions
    from sgdesk.ui.page_commands import PageCommands
    from sgdesk.ui.reader_tabs import ReaderTabs

HIGHLIGHT_KEYS = ("Ctrl+Alt+H", "Ctrl+Alt+J", "Ctrl+Alt+K", "Ctrl+Alt+L")


class WindowSlots(Protocol):
    """What the window itself does for its commands."""

    def choose_database(self) -> None: ...
    def close(self) -> bool: ...
    def go_back(self) -> None: ...
    def go_forward(self) -> None: ...
    def go_home(self) -> None: ...
    def switch_focus(self, step: int = 1) -> None: ...
    def show_panel(self, dock_name: str) -> None: ...
    def focus_search(self) -> None: ...
    def back_to_search(self) -> None: ...
    def show_help(self) -> None: ...
    def show_about(self) -> None: ...
    def import_norm(self) -> None: ...
    def focus_as_of(self) -> None: ...
    def reset_layout(self) -> None: ...


def add_action(window: QMainWindow, text: str, slot: Callable[[], object] | None,
               shortcuts: list[QKeySequence | str], icon_text: str | None = None) -> QAction:  # fmt: skip
    """A window-wide command: its keys (repeats dropped), its toolbar text, its slot."""
    action = QAction(window)  # (QAction(text, window) would have PySide6 build QIcon to rule out
    action.setText(window.tr(text))  # QAction(icon, text): 151 ThemeIcon members, #11)
    # A platform's standard key may repeat an explicit one (or be empty); a repeated
    # sequence makes the shortcut ambiguous, and Qt then ignores the key press.
    sequences = [QKeySequence(s) for s in shortcuts]
    action.setShortcuts([s for i, s in enumerate(sequences) if not s.isEmpty() and s not in sequences[:i]])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon_text is not None:  # what the toolbar shows (text, not QStyle icons: faster start)
        action.setIconText(window.tr(icon_text))
    if slot is not None:
        action.triggered.connect(slot)
    window.addAction(action)
    return action


class Commands:
    """Every command of the main window, by name (``window.commands.back_action`` …).

    Made with the first frame (the menus, the toolbar and the keys are there from the start);
    the commands of the controllers, built after that frame, are connected by ``connect``."""

    def __init__(self, window: QMainWindow, slots: WindowSlots, tabs: ReaderTabs) -> None:
        key = QKeySequence.StandardKey

        def act(text: str, slot: Callable[[], object] | None, keys: list[QKeySequence | str],
                icon_text: str | None = None) -> QAction:  # fmt: skip
            return add_action(window, text, slot, keys, icon_text)

        self.open_database_action = act(
            "&Abrir base de datos…", slots.choose_database, [QKeySequence(key.Open)]
        )
        self.quit_action = act("&Salir", slots.close, ["Ctrl+Q"])
        self.copy_action = act("&Copiar", None, [QKeySequence(key.Copy)])
        self.copy_citation_action = act("Copiar con &cita", None, ["Ctrl+Shift+C"])
        self.find_action = act("&Buscar en la página…", None, [QKeySequence(key.Find)])
        self.find_next_action = act("Buscar &siguiente", None, ["F3"])
        self.find_previous_action = act("Buscar &anterior", None, ["Shift+F3"])
        self.back_action = act("&Atrás", slots.go_back, ["Alt+Left", QKeySequence(key.Back)], "← Atrás")
        self.forward_action = act(
            "A&delante", slots.go_forward, ["Alt+Right", QKeySequence(key.Forward)], "Adelante →"
        )
        self.links_action = act("&Enlaces de la página…", None, ["Ctrl+Shift+E"])
        self.home_action = act("&Inicio (Misión)", slots.go_home, ["Alt+Home"])
        self.zoom_in_action = act("A&cercar", None, ["Ctrl+=", "Ctrl++", QKeySequence(key.ZoomIn)])
        self.zoom_out_action = act("A&lejar", None, ["Ctrl+-", QKeySequence(key.ZoomOut)])
        self.zoom_reset_action = act("&Tamaño normal", None, ["Ctrl+0"])
        self.reset_layout_action = act(
            "&Restablecer la disposición de los paneles", slots.reset_layout, ["Ctrl+Alt+0"]
        )
        self.switch_focus_action = act("&Siguiente panel", lambda: slots.switch_focus(1), ["F6"])
        self.previous_pane_action = act("Panel a&nterior", lambda: slots.switch_focus(-1), ["Shift+F6"])
        # Ctrl+1…4 bring a panel forward and into focus; they never hide it (Ver does).
        self.show_panel_actions = [
            act(f"Panel «{spec.title}»", partial(slots.show_panel, spec.name), [spec.shortcut])
            for spec in DOCKS
        ]
        self.search_action = act("Buscar en el &corpus…", slots.focus_search, ["Ctrl+K", "Ctrl+Shift+F"])
        self.back_to_search_action = act("&Volver a la búsqueda", slots.back_to_search, ["Ctrl+Shift+B"])
        self.export_action = act("&Exportar a PDF…", None, ["Ctrl+E"])
        self.print_action = act("&Imprimir…", None, [QKeySequence(key.Print)])
        self.preview_action = act("&Vista previa de impresión…", None, ["Ctrl+Shift+P"])
        self.print_notes_action = act("Incluir mis no&tas al imprimir", None, ["Ctrl+Alt+P"])
        self.print_notes_action.setCheckable(True)  # off at every start: notes are not the official text
        self.help_action = act("&Ayuda", slots.show_help, [QKeySequence(key.HelpContents), "F1"])
        self.about_action = act("&Acerca de sgdesk", slots.show_about, ["Ctrl+F1"])
        self.import_action = act("Importar &norma…", slots.import_norm, ["Ctrl+Shift+I"])
        self.as_of_action = act("&Fecha «Vigente a»…", slots.focus_as_of, ["Ctrl+D"])
        self.functions_action = act("Funciones de la Secretaría &General", None, ["Ctrl+Shift+L"])
        self.org_chart_action = act("&Organigrama…", None, ["Ctrl+Shift+O"])
        self.compare_action = act("Co&mparar fechas…", None, ["Ctrl+Shift+D"])
        self.favorite_action = act("Marcar o quitar &favorito", None, ["Ctrl+B"])
        self.note_action = act("&Nota…", None, ["Ctrl+Alt+M"])
        self.history_action = act("&Historial…", None, ["Ctrl+H"])
        self.next_note_action = act("Nota o subrayado si&guiente de la página", None, ["F8"])
        self.previous_note_action = act("Nota o subrayado ante&rior de la página", None, ["Shift+F8"])
        self.edit_page_note_action = act("&Editar la nota señalada…", None, ["Ctrl+F8"])
        self.highlight_actions = [
            act(f"&Subrayar en {name}", None, [keys])
            for name, keys in zip(HIGHLIGHT_NAMES, HIGHLIGHT_KEYS, strict=True)
        ]
        self.new_tab_action = act(
            "&Nueva pestaña", tabs.duplicate_current, [QKeySequence(key.AddTab), "Ctrl+T"]
        )
        self.close_tab_action = act("&Cerrar pestaña", tabs.close_current, ["Ctrl+W"])
        self.next_tab_action = act("Pestaña s&iguiente", lambda: tabs.step(1), ["Ctrl+Tab"])
        self.previous_tab_action = act("Pestaña an&terior", lambda: tabs.step(-1), ["Ctrl+Shift+Tab"])

    def connect(self, page: PageCommands, exports: ExportActions, time: PointInTime,
                notes: MyNotesActions) -> None:  # fmt: skip
        """The controllers' commands (built after the first frame; a key pressed before that
        builds them first: see after_paint.BuildLater)."""
        slots: list[tuple[QAction, Callable[[], object]]] = [
            (self.copy_action, page.copy), (self.copy_citation_action, page.copy_with_citation),
            (self.find_action, page.open_find), (self.find_next_action, page.find_next),
            (self.find_previous_action, page.find_previous), (self.links_action, page.show_page_links),
            (self.zoom_in_action, page.zoom_in), (self.zoom_out_action, page.zoom_out),
            (self.zoom_reset_action, page.reset_zoom), (self.export_action, exports.export_pdf),
            (self.print_action, exports.print_page), (self.preview_action, exports.preview_print),
            (self.functions_action, time.show_functions), (self.org_chart_action, time.show_org_chart),
            (self.compare_action, time.compare_dates), (self.favorite_action, notes.toggle_favorite),
            (self.note_action, notes.add_note), (self.history_action, notes.show_history),
            (self.next_note_action, lambda: notes.step_note(1)),
            (self.previous_note_action, lambda: notes.step_note(-1)),
            (self.edit_page_note_action, notes.edit_note_at_cursor),
        ]  # fmt: skip
        slots += [(action, partial(notes.highlight, name))
                  for action, name in zip(self.highlight_actions, HIGHLIGHT_NAMES, strict=True)]  # fmt: skip
        for action, slot in slots:
            action.triggered.connect(slot)
        self.print_notes_action.toggled.connect(exports.set_print_with_notes)

    def enable_for(self, library: object | None) -> None:
        """Without a corpus, the commands that need one are disabled."""
        for action in self.needing_a_library():
            action.setEnabled(library is not None)

    def needing_a_library(self) -> list[QAction]:
        """The commands that do nothing without a corpus."""
        return [self.copy_citation_action, self.home_action, self.find_action, self.search_action,
                self.back_to_search_action, self.export_action, self.print_action, self.preview_action,
                self.functions_action, self.org_chart_action, self.compare_action, self.favorite_action,
                self.note_action, self.new_tab_action]  # fmt: skip


class Menus(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start: #11)
    """Where other parts add their commands: content updates go before ``content_anchor`` in
    «Archivo», Tema and Tamaño before ``appearance_anchor`` in «Ver», what the «Mis notas»
    dock's context menu does before ``notes_anchor`` in «Edición» (all after the first frame)."""

    file: QMenu
    content_anchor: QAction
    view: QMenu
    appearance_anchor: QAction
    edit: QMenu
    notes_anchor: QAction


def build_menus(window: QMainWindow, c: Commands, docks: dict[str, QDockWidget], as_of_bar: QWidget,
                copy_actions: list[QAction]) -> Menus:  # fmt: skip
    """The menu bar and the toolbar."""
    bar = window.menuBar()
    file_menu = bar.addMenu(window.tr("&Archivo"))
    file_menu.addActions([c.open_database_action, c.import_action])
    content_anchor = file_menu.addSeparator()  # content updates go before it
    file_menu.addActions([c.export_action, c.print_action, c.preview_action, c.print_notes_action])
    file_menu.addSeparator()
    file_menu.addActions([c.new_tab_action, c.close_tab_action])
    file_menu.addSeparator()
    file_menu.addAction(c.quit_action)
    edit_menu = bar.addMenu(window.tr("&Edición"))
    edit_menu.addActions([c.copy_action, c.copy_citation_action, *copy_actions])
    edit_menu.addSeparator()
    edit_menu.addActions([c.favorite_action, c.note_action, c.edit_page_note_action, *c.highlight_actions])
    edit_menu.addSeparator()  # what the «Mis notas» dock's context menu does to its chosen entry
    notes_anchor = edit_menu.addSeparator()
    edit_menu.addActions([c.find_action, c.find_next_action, c.find_previous_action])
    edit_menu.addSeparator()
    edit_menu.addActions([c.search_action, c.back_to_search_action])
    view_menu = bar.addMenu(window.tr("&Ver"))
    view_menu.addActions([c.zoom_in_action, c.zoom_out_action, c.zoom_reset_action])
    appearance_anchor = view_menu.addSeparator()  # Tema, Tamaño del texto de la interfaz
    view_menu.addActions([dock.toggleViewAction() for dock in docks.values()])
    view_menu.addAction(c.reset_layout_action)
    view_menu.addSeparator()
    view_menu.addActions([c.as_of_action, c.functions_action, c.org_chart_action, c.compare_action])
    go_menu = bar.addMenu(window.tr("&Ir"))
    go_menu.addActions([c.back_action, c.forward_action, c.home_action, c.history_action, c.links_action,
                        c.next_note_action, c.previous_note_action])  # fmt: skip
    go_menu.addSeparator()
    go_menu.addActions([c.next_tab_action, c.previous_tab_action])
    go_menu.addSeparator()
    go_menu.addActions([*c.show_panel_actions, c.switch_focus_action, c.previous_pane_action])
    help_menu = bar.addMenu(window.tr("Ay&uda"))
    help_menu.addAction(c.help_action)
    help_menu.addSeparator()
    help_menu.addAction(c.about_action)
    toolbar = QToolBar(window.tr("Barra de herramientas"), window)
    toolbar.setObjectName("mainToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([c.back_action, c.forward_action, c.home_action])
    toolbar.addSeparator()
    toolbar.addActions([c.search_action, c.find_action, c.copy_citation_action])
    toolbar.addSeparator()
    toolbar.addActions([c.export_action, c.print_action])
    toolbar.addSeparator()
    toolbar.addWidget(as_of_bar)
    window.addToolBar(toolbar)
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # » when the bar is narrow
    if overflow is not None:
        overflow.setAccessibleName(window.tr("Más botones de la barra de herramientas"))
    return Menus(file_menu, content_anchor, view_menu, appearance_anchor, edit_menu, notes_anchor)
