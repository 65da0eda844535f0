"""Runs an export page by page on the GUI thread (QPdfWriter needs it), with progress and
cancel; each step is one timer tick, so the window keeps painting and answering."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sgdesk.export.pdf import ExportError
from sgdesk.ui.safe_text import plain

Steps = Generator[tuple[int, int], None, Path]


class ExportJob(QObject):
    finished = Signal(object)  # Path
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, steps: Steps, parent: QWidget) -> None:
        super().__init__(parent)
        self._steps = steps
        self.progress = QProgressDialog(parent.tr("Exportando a PDF…"), parent.tr("Cancelar"), 0, 0, parent)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle(parent.tr("Exportar a PDF"))
        self.progress.setMinimumDuration(400)
        self.progress.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        if self.progress.wasCanceled():  # also when cancelled from code, which emits nothing
            self.cancel()
            return
        try:
            done, total = next(self._steps)
        except StopIteration as finished:
            self._stop()
            self.finished.emit(finished.value)
            return
        except ExportError as exc:
            self._stop()
            self.failed.emit(exc.message)
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        label = self.tr("Exportando: página %1 de %2").replace("%1", str(done)).replace("%2", str(total))
        self.progress.setLabelText(plain(label))

    def cancel(self) -> None:
        """Stop now: closing the generator removes the temporary file; the target is untouched."""
        if not self._timer.isActive():
            return
        self._stop()
        self.cancelled.emit()

    def _stop(self) -> None:
        self._timer.stop()
        self._steps.close()
        self.progress.reset()
        self.progress.hide()
