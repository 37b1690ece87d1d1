"""The four rating faces, drawn with QPainter: no emoji font needed, crisp at any scale.

Each face is told by its mouth and brows and by the word under it, not by its tint.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme

# Soft tints, light enough for the dark ink of the features to read on every one.
FACE_TINTS = {1: "#F4C7C3", 2: "#F9E0B8", 3: "#D6EBD9", 4: "#B5DFC0"}
# Mouth: height of its ends and how far its middle bends (+ down: a smile), in face units.
_MOUTHS = {1: (0.74, -0.17), 2: (0.70, -0.07), 3: (0.64, 0.09), 4: (0.60, 0.24)}


def paint_face(painter: QPainter, box: QRectF, score: int, ink: str) -> None:
    """Draw face `score` (1 very unhappy ... 4 very happy) in the square `box`."""
    d = min(box.width(), box.height())
    left = box.center().x() - d / 2
    top = box.center().y() - d / 2

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + x * d, top + y * d)

    line = max(2.0, d / 22)
    pen = QPen(QColor(ink), line, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(QColor(FACE_TINTS[score]))
    painter.drawEllipse(QRectF(left + line / 2, top + line / 2, d - line, d - line))
    painter.setBrush(QColor(ink))
    for x in (0.36, 0.64):
        painter.drawEllipse(at(x, 0.40), d * 0.045, d * 0.06)
    if score == 1:           # brows raised in the middle: distress, not only a frown
        painter.drawLine(at(0.26, 0.27), at(0.42, 0.22))
        painter.drawLine(at(0.74, 0.27), at(0.58, 0.22))
    y, bend = _MOUTHS[score]
    mouth = QPainterPath(at(0.30, y))
    mouth.quadTo(at(0.50, y + 2 * bend), at(0.70, y))
    if score == 4:           # a wide open grin, filled
        mouth.closeSubpath()
        painter.drawPath(mouth)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)
    painter.restore()


def face_icon(score: int, size: int, ink: str) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_face(painter, QRectF(0, 0, size, size), score, ink)
    painter.end()
    return QIcon(pixmap)


class FaceButton(Restyling, QAbstractButton):
    """A large face with its word under it (the word is also its accessible name)."""

    def __init__(self, theme: Theme, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FaceButton")
        self.score = score
        self._theme = theme
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # As wide as a quarter of the screen; no taller than a face and its word need.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self.updateGeometry()
        self.update()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def _label_height(self) -> int:
        # Two lines: "Très mécontent" wraps in large type on a portrait screen.
        return self.fontMetrics().lineSpacing() * 2 + self._theme.spacing

    def sizeHint(self) -> QSize:
        t = self._theme
        return QSize(t.px(220), t.px(240) + self._label_height())

    def minimumSizeHint(self) -> QSize:
        t = self._theme
        # One touch target wide at the least: four faces still share a portrait row at 2x.
        return QSize(t.touch_target, t.touch_target + self._label_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        t, c = self._theme, self._theme.colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        outline = QPainterPath()
        outline.addRoundedRect(box, t.px(16), t.px(16))
        pressed = self.isDown()
        painter.fillPath(outline, QColor(c.pressed if pressed else c.surface))
        painter.setPen(QPen(QColor(c.primary if pressed else c.border), 3 if pressed else 2))
        painter.drawPath(outline)
        label_height = self._label_height()
        face_box = box.adjusted(t.spacing, t.spacing, -t.spacing, -label_height)
        paint_face(painter, face_box, self.score, c.text)
        painter.setFont(self.word_font())
        painter.setPen(QColor(c.text))
        painter.drawText(self.word_box(), Qt.AlignmentFlag.AlignHCenter
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, self.text())

    def word_font(self) -> QFont:
        """Bold; smaller where a word of it is wider than the face (one word cannot wrap:
        'Mécontent' on a face a quarter of a portrait screen wide, in the largest type)."""
        font = self.font()
        font.setBold(True)
        room = self.word_box().width()
        widest = max((QFontMetrics(font).horizontalAdvance(word)
                      for word in self.text().split()), default=0)
        if widest > room > 0 and font.pixelSize() > 0:
            font.setPixelSize(max(1, font.pixelSize() * room // widest))
        return font

    def word_box(self) -> QRect:
        """Where the word is written, under the face."""
        t = self._theme
        height = self._label_height()
        return QRect(2 + t.spacing // 2, self.height() - 2 - height,
                     self.width() - 4 - t.spacing, height - t.spacing // 2)
