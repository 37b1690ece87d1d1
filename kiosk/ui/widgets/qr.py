"""QR codes a shopper scans with a phone: a product's web page, later an order's summary.

Choosing the mask pattern makes the `qrcode` package try eight of them: 3 to 10 ms for a
short URL on the kiosk's hardware, too long for the GUI thread. So the image is drawn
on the compute pool and the widget paints it when it arrives.
"""

from __future__ import annotations

import qrcode
import shiboken6
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from qrcode.constants import ERROR_CORRECT_M

from kiosk.ui.tasks import TaskRunner

ERROR_CORRECTION = ERROR_CORRECT_M    # survives a smudge or a reflection on the glass
QUIET_MODULES = 4                     # the light margin readers need around the code


def qr_image(text: str, size_px: int) -> QImage:
    """`text` as a black-on-white QR code filling a `size_px` square, margin included.

    Each module is a whole number of pixels, so the code stays sharp; the pixels left
    over widen the margin. Safe to call on any thread.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=0)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    module = max(1, size_px // (count + 2 * QUIET_MODULES))
    image = QImage(size_px, size_px, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    offset = (size_px - count * module) // 2
    painter = QPainter(image)
    black = QColor(Qt.GlobalColor.black)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.fillRect(offset + column * module, offset + row * module,
                                 module, module, black)
    painter.end()
    return image


class QrCode(QWidget):
    """A square QR code for `set_text`; an empty white square while it is drawn."""

    def __init__(self, runner: TaskRunner, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._size = size_px
        self._text = ""
        self._image: QImage | None = None
        self.setFixedSize(size_px, size_px)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_size(self, size_px: int) -> None:
        """A new side (the shopper chose larger text): the code is drawn again at it,
        whole modules and all, rather than stretched."""
        if size_px == self._size:
            return
        self._size = size_px
        self.setFixedSize(size_px, size_px)
        self._draw()

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._draw()

    def _draw(self) -> None:
        self._image = None
        self.update()
        text, size = self._text, self._size
        if not text:
            return

        def drawn(image: QImage) -> None:
            # The panel may be gone, or showing another text, when the drawing ends.
            if shiboken6.isValid(self) and (self._text, self._size) == (text, size):
                self._image = image
                self.update()

        self._runner.run_compute(lambda: qr_image(text, size), drawn)

    def text(self) -> str:
        return self._text

    def image(self) -> QImage | None:
        """The code as drawn, None while it is being drawn."""
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._image is None:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
        else:
            painter.drawImage(QRect(0, 0, self._size, self._size), self._image)
