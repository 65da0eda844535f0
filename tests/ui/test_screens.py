"""The window and every dialog fit the screens the Secretaría's laptops have.

Qt's offscreen platform takes a screen description (``offscreen:configfile=…``) and
``QT_SCALE_FACTOR`` scales it as Windows does at 125 % or 150 %: each case runs
tests/ui/screen_probe.py in a child process on such a screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from sgdesk.ui import screen_fit
from sgdesk.ui.screen_fit import FRAME_ALLOWANCE, first_window_rect, fit_size, placed_inside

REPO = Path(__file__).resolve().parents[2]
# (physical width, height, scale) → what Qt gives a window there (logical pixels).
SCREENS = [(1366, 768, 1.0), (1366, 768, 1.25), (1920, 1080, 1.5)]
NORM = "DECRETO 123 DE 2010\n(marzo 3)\nPor el cual se dicta algo.\nARTÍCULO 1. Objeto. Texto.\n"


def _with_frame(rect: QRect, frame: QSize = FRAME_ALLOWANCE) -> QRect:
    border = frame.width() // 2
    return QRect(rect.x() - border, rect.y() - (frame.height() - border), rect.width() + frame.width(),
                 rect.height() + frame.height())  # fmt: skip


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QRect(0, 0, 1366, 728), QSize(1350, 688)),  # 1366×768 at 100 %, 40 px taskbar: all of it
        (QRect(0, 0, 1093, 582), QSize(1077, 542)),  # 1366×768 at 125 %
        (QRect(0, 0, 1280, 688), QSize(1264, 648)),  # 1920×1080 at 150 %
        (QRect(0, 0, 1920, 1040), QSize(1440, 900)),  # 1920×1080 at 100 %: a comfortable size
        (QRect(1920, 0, 2560, 1400), QSize(1920, 1050)),  # a big second monitor: three quarters
    ],
)
def test_first_window_fits_the_free_area_with_its_frame(available: QRect, expected: QSize) -> None:
    rect = first_window_rect(available)
    assert rect.size() == expected
    assert available.contains(_with_frame(rect))


def test_a_dialog_larger_than_the_screen_is_shrunk_to_it() -> None:
    assert fit_size(QSize(1000, 680), QRect(0, 0, 1093, 582)) == QSize(1000, 542)
    assert fit_size(QSize(400, 300), QRect(0, 0, 1093, 582)) == QSize(400, 300)


def test_a_frame_left_on_a_missing_monitor_comes_back() -> None:
    laptop = QRect(0, 0, 1093, 582)
    assert placed_inside(QRect(2200, 300, 900, 500), laptop) == QRect(193, 82, 900, 500)
    assert placed_inside(QRect(-500, -40, 1400, 900), laptop) == laptop
    assert placed_inside(QRect(10, 10, 300, 200), laptop) == QRect(10, 10, 300, 200)


def test_a_real_dialog_shown_off_screen_is_brought_inside(window: object, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry()
    dialog.resize(available.width() + 300, available.height() + 200)
    dialog.move(available.right() + 500, available.bottom() + 100)
    dialog.show()
    qtbot.waitUntil(lambda: available.contains(dialog.frameGeometry()))
    assert dialog.width() <= available.width()


def test_the_filter_is_installed_once(window: object) -> None:
    from PySide6.QtWidgets import QApplication

    screen_fit.install()
    app = QApplication.instance()
    assert app is not None
    assert len(app.findChildren(screen_fit.ScreenFit)) == 1


def _probe(
    tmp_path: Path, corpus_db: Path, data_dir: Path, width: int, height: int, scale: float, ui_size: int = 0
) -> list[dict]:
    """``ui_size``: «Tamaño del texto de la interfaz» saved before the start (0: never chosen)."""
    if ui_size:
        (data_dir / "sgdesk.ini").write_text(f"[appearance]\nui_size={ui_size}\n", encoding="utf-8")
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "Portátil", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))  # fmt: skip
    norm = tmp_path / "norma.txt"
    norm.write_text(NORM, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_probe", str(corpus_db), str(data_dir), str(norm)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def _outside(results: list[dict]) -> list[str]:
    problems = []
    for result in results:
        frame, available = QRect(*result["frame"]), QRect(*result["available"])
        if not available.contains(frame):
            problems.append(f"{result['name']}: {result['frame']} outside {result['available']}")
        problems += [f"{result['name']} › {part}: {rect} outside {result['available']}"
                     for part, rect in result["parts"] if not available.contains(QRect(*rect))]  # fmt: skip
    return problems


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS)
def test_every_dialog_is_inside_the_screen(
    tmp_path: Path, corpus_db: Path, data_dir: Path, width: int, height: int, scale: float
) -> None:
    results = _probe(tmp_path, corpus_db, data_dir, width, height, scale)
    names = {result["name"] for result in results}
    assert {"Ventana principal", "Exportar a PDF", "Comparar fechas", "Organigrama", "Historial",
            "Actualizar contenido", "Importar norma", "Acerca de"} <= names  # fmt: skip
    expected = QRect(0, 0, round(width / scale), round(height / scale))
    assert all(QRect(*result["available"]) == expected for result in results)  # the simulated screen
    parts = {part for result in results for part, _rect in result["parts"]}
    assert {"Navegación", "Línea de tiempo", "barra de estado", "Cerrar", "Exportar…"} <= parts
    assert _outside(results) == []


# 1366×728: a 1366×768 screen less Windows' 40-pixel taskbar (the offscreen screen has none).
@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1.25), (1366, 768, 1.0), (1366, 728, 1.0),
                                                        (1366, 728, 1.25)])  # fmt: skip
def test_the_timeline_opens_with_three_rows_and_the_text_stays_readable(
    tmp_path: Path, corpus_db: Path, data_dir: Path, width: int, height: int, scale: float
) -> None:
    timeline = _probe(tmp_path, corpus_db, data_dir, width, height, scale)[0]["timeline"]
    rows = (timeline["viewport_height"] - timeline["rows_top"]) / timeline["row_height"]
    assert rows >= 3, f"{rows:.1f} rows of events show: {timeline}"
    assert timeline["reading_height"] >= 7 * timeline["reading_line"], f"the text is squeezed: {timeline}"


@pytest.mark.parametrize(("height", "ui_size"), [(768, 130), (728, 150)])
def test_every_dialog_fits_with_a_larger_interface_text(
    tmp_path: Path, corpus_db: Path, data_dir: Path, height: int, ui_size: int
) -> None:
    """«Tamaño del texto de la interfaz» enlarges every dialog's text: at 1366×768 ×1.25 (and
    with a taskbar) they still fit; a long error continues in its details."""
    results = _probe(tmp_path, corpus_db, data_dir, 1366, height, 1.25, ui_size)
    assert results[0]["ui_point_size"] == pytest.approx(10 * ui_size / 100)
    assert len(results) >= 12
    assert _outside(results) == []


def test_a_window_saved_on_a_big_screen_opens_inside_a_small_one(
    tmp_path: Path, corpus_db: Path, data_dir: Path
) -> None:
    big = _probe(tmp_path, corpus_db, data_dir, 2560, 1440, 1.0)
    assert QRect(*big[0]["frame"]).width() > 1366  # remembered that wide
    assert (data_dir / "sgdesk.ini").is_file()
    small = _probe(tmp_path, corpus_db, data_dir, 1366, 768, 1.25)
    window = QRect(*small[0]["frame"])
    assert QRect(*small[0]["available"]).contains(window), window
