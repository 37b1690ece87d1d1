"""Reading a QR code off the screen, as a shopper's phone would."""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QImage


class _GreyPixels:
    """A grey image as zxing-cpp reads it (the array interface), without numpy."""

    def __init__(self, image: QImage) -> None:
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        self.__array_interface__ = {
            "shape": (grey.height(), grey.width()), "typestr": "|u1", "version": 3,
            "data": bytes(grey.constBits()), "strides": (grey.bytesPerLine(), 1)}


def read_qr_codes(widget) -> list[str]:
    """The text of every QR code in what `widget` shows on screen."""
    return [code.text for code in zxingcpp.read_barcodes(_GreyPixels(widget.grab().toImage()))]
