"""The dialog shown when sgdesk meets an error it cannot go on from (see sgdesk/toplevel.py).

Plain text only (the details are a traceback: data, never rich text), a «Copiar detalles»
button that puts them on the clipboard without closing the dialog, and «Cerrar».
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sgdesk.ui.screen_fit import dialog_size

TITLE = "sgdesk — error inesperado"
MESSAGE = (
    "sgdesk encontró un error inesperado y tiene que cerrarse.\n\n"
    "Vuelva a abrirlo. Si el error se repite, pulse «Copiar detalles» y envíe el texto a la "
    "mesa de ayuda de la Secretaría General."
)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(TITLE)
        self.details = details
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size))
        message = QLabel(MESSAGE)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setObjectName("crashDetails")
        self.text.setReadOnly(True)
        # the application's own font (Noto Sans): the system's fixed font may be missing (Wine
        # fell back to a serif), and a traceback reads well enough in it
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("Copiar detalles")
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Cerrar", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(dialog_size(self, QSize(620, 380)))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Detalles copiados")


def run_crash_dialog(details: str, close_after_ms: int | None = None) -> None:
    """Show the dialog and wait until it is closed (or, for automated checks, a delay ends)."""
    dialog = CrashDialog(details)
    if close_after_ms is not None:
        QTimer.singleShot(close_after_ms, dialog.reject)
    dialog.exec()
