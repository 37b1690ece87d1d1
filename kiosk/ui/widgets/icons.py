"""Icons drawn with QPainter: crisp at any type scale, and no emoji font is needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF


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


def stock_level_pixmap(level: str, size: int, color: str, certain: bool = True) -> QPixmap:
    """A stock level's mark, told by its shape as well as its colour: a circle with a tick
    (in stock), a triangle with a bang (only a few left), a square with a cross (out of
    stock), an open circle with a question mark (no figure). A figure that may have
    changed gets a dashed outline and no fill: the same shape, not as sure of itself."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(color)
    width = max(2.0, size / 12)
    filled = certain and level != "unknown"
    outline = QPen(ink, width, Qt.PenStyle.SolidLine if certain else Qt.PenStyle.DashLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(outline)
    painter.setBrush(ink if filled else Qt.BrushStyle.NoBrush)
    inset = width
    box = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    if level == "few_left":
        painter.drawPolygon(QPolygonF([QPointF(size / 2, inset),
                                       QPointF(size - inset, size - inset),
                                       QPointF(inset, size - inset)]))
    elif level == "out_of_stock":
        painter.drawRoundedRect(box, size / 8, size / 8)
    else:
        painter.drawEllipse(box)
    glyph = QPen(QColor("#FFFFFF") if filled else ink, max(2.0, size / 9),
                 Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(glyph)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    if level == "in_stock":
        painter.drawPolyline(QPolygonF([QPointF(s * 0.3, s * 0.52), QPointF(s * 0.44, s * 0.66),
                                        QPointF(s * 0.7, s * 0.36)]))
    elif level == "few_left":
        painter.drawLine(QPointF(s * 0.5, s * 0.38), QPointF(s * 0.5, s * 0.64))
        painter.drawPoint(QPointF(s * 0.5, s * 0.78))
    elif level == "out_of_stock":
        painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
        painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
    else:
        font = QFont()
        font.setPixelSize(round(s * 0.6))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return pixmap


def color_dot_icon(color: str, size: int, gap: int, outline: str) -> QIcon:
    """A round swatch of `color` to stand before its name, `gap` keeping the name off it;
    blank, taking the same room, when the name is not a colour Qt knows."""
    pixmap = QPixmap(size + gap, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if QColor.isValidColorName(color):
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(outline))
        painter.setBrush(QColor.fromString(color))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
    return QIcon(pixmap)


def accessibility_pixmap(size: int, color: str) -> QPixmap:
    """The international symbol of accessibility for information and services: a figure
    with open arms inside a ring (the United Nations' sign for accessible services, used
    for a kiosk's accessibility options rather than the wheelchair, which stands for
    step-free access)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(color)
    s = size
    ring = max(2.0, s / 14)
    painter.setPen(QPen(ink, ring))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(ring / 2, ring / 2, s - ring, s - ring))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawEllipse(QPointF(s * 0.5, s * 0.25), s * 0.075, s * 0.075)   # the head
    limbs = QPen(ink, max(2.0, s / 11), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin)
    painter.setPen(limbs)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(s * 0.24, s * 0.4), QPointF(s * 0.76, s * 0.4))   # open arms
    painter.drawLine(QPointF(s * 0.5, s * 0.4), QPointF(s * 0.5, s * 0.58))    # the body
    painter.drawPolyline(QPolygonF([QPointF(s * 0.36, s * 0.78), QPointF(s * 0.5, s * 0.58),
                                    QPointF(s * 0.64, s * 0.78)]))               # the legs
    painter.end()
    return pixmap
