"""Draw the application icon (resources/icons/sgdesk.png and a multi-size sgdesk.ico).

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py

A maroon rounded square with a bold white "SG" and the yellow band of Bogotá's flag;
simple shapes so it stays readable at 16 px. The .ico holds PNG images of every size.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
MAROON, YELLOW, WHITE = QColor("#7a1120"), QColor("#f2c12e"), QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    radius = size * 0.18
    square = QPainterPath()
    square.addRoundedRect(QRectF(0, 0, size, size), radius, radius)
    painter.fillPath(square, MAROON)
    painter.setClipPath(square)
    painter.fillRect(QRectF(0, size * 0.80, size, size * 0.20), YELLOW)
    font = QFont("Noto Sans")
    font.setBold(True)
    font.setPixelSize(max(7, round(size * 0.50)))
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 92 if size > 24 else 100)
    painter.setFont(font)
    painter.setPen(WHITE)
    painter.drawText(QRectF(0, -size * 0.06, size, size * 0.86), Qt.AlignmentFlag.AlignCenter, "SG")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(images: list[QImage], path: Path) -> None:
    """ICO with PNG-compressed entries (Windows Vista and later read them)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 256 is written as 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication(sys.argv)
    for font in sorted((ROOT / "resources" / "fonts").glob("NotoSans-*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    images = [draw(size) for size in SIZES]
    folder = ROOT / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    images[-1].save(str(folder / "sgdesk.png"))
    images[2].save(str(folder / "sgdesk-32.png"))
    write_ico(images, folder / "sgdesk.ico")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
