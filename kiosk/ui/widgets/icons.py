"""Icons drawn with QPainter: crisp at any type scale, and no emoji font is needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def magnifier_icon(size: int, color: str) -> QIcon:
    """A magnifying glass: a ring with a handle down to the right."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), max(2.0, size / 10), Qt.PenStyle.SolidLine,
               Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    radius = size * 0.3
    centre = QPointF(size * 0.42, size * 0.42)
    painter.drawEllipse(centre, radius, radius)
    handle_start = centre + QPointF(radius * 0.72, radius * 0.72)
    painter.drawLine(handle_start, QPointF(size * 0.9, size * 0.9))
    painter.end()
    return QIcon(pixmap)
