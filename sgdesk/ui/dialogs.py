"""Small dialogs: errors (non-blocking) and "Acerca de"."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from sgdesk import __version__
from sgdesk.content.currency import Currency
from sgdesk.export.common import horizon_banner
from sgdesk.export.html import currency_html
from sgdesk.library import ContentInfo
from sgdesk.ui import screen_fit
from sgdesk.ui.safe_text import plain, plain_message_box
from sgdesk.ui.screen_fit import dialog_size


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A window-modal error box that does not block the event loop (kept inside its screen,
    also when shown before the window's rest has installed screen_fit)."""
    screen_fit.install()
    box = QMessageBox(QMessageBox.Icon.Critical, plain(title), "", QMessageBox.StandardButton.Ok, parent)
    plain_message_box(box, message)  # messages name files, ids and stored values: data
    box.setObjectName("errorDialog")
    box.open()
    return box


OPEN_HINT = "Puede abrir otra base de datos desde Archivo › Abrir base de datos… (Ctrl+O)."
CANNOT_OPEN = "No se pudo abrir el corpus"


def ask_database(parent: QWidget) -> Path | None:
    """Archivo › Abrir base de datos…: the file chosen, or None."""
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Abrir base de datos del corpus"),
        "",
        parent.tr("Bases de datos de sgdesk (*.db *.sqlite);;Todos los archivos (*)"),
    )
    return Path(path) if path else None


def unavailable_html(message: str) -> str:
    """The page shown when the corpus could not be opened (``message`` says why)."""
    return f"<h1>{escape(CANNOT_OPEN)}</h1><p>{escape(message)}</p><p>{escape(OPEN_HINT)}</p>"


def about_text(info: ContentInfo | None, currency: Currency | None = None, today: date | None = None) -> str:
    lines = [
        f"<h3>sgdesk {__version__}</h3>",
        "<p>Información institucional y jurídica de la Secretaría General de la "
        "Alcaldía Mayor de Bogotá D.C., disponible sin conexión.</p>",
    ]
    if info is not None:
        label = currency.label if currency is not None else f"Contenido con cambios hasta {info.as_of_text}"
        lines += [
            f"<p><b>{escape(label)}</b><br>",
            f"Incorpora cambios hasta: {escape(info.as_of_text)}<br>",
            f"Versión de contenido: {escape(info.content_version)}<br>",
            f"Base de datos: {escape(str(info.path))}</p>",
        ]
        banner = horizon_banner(currency, today or date.today())
        if banner is not None:
            lines.append(f"<p><b>{escape(banner.statement)}</b></p>")
        if currency is not None:
            lines.append(currency_html(currency))
    else:
        lines.append("<p>No hay una base de datos de corpus abierta.</p>")
    lines.append(f"<p>Qt for Python (PySide6) {pyside_version}</p>")
    return "".join(lines)


class AboutDialog(QDialog):
    """«Acerca de sgdesk»: the version and the content's currency, in a scrollable page (the list
    of later changes grows; a message box would outgrow a 1366×768 screen at 125 %)."""

    def __init__(self, html_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Acerca de sgdesk"))
        self._html = html_text
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # offline: nothing here is followed
        self.browser.setAccessibleName(self.tr("Acerca de sgdesk"))
        self.browser.setHtml(html_text)  # about_text escapes every value
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(dialog_size(self, QSize(560, 520)))

    def text(self) -> str:
        """The HTML shown (as QMessageBox.text() gave it)."""
        return self._html


def show_about(parent: QWidget, info: ContentInfo | None, currency: Currency | None = None) -> AboutDialog:
    dialog = AboutDialog(about_text(info, currency), parent)
    dialog.open()
    return dialog
