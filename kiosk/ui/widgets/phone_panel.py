"""A product's web page for the shopper's phone: a QR code large enough to scan from arm's
length, over the product page, with the address written out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.text import wrapped_label

QR_SIZE_PX = 480                  # about 12 cm on the panel: a phone reads it from arm's length
ZERO_WIDTH_SPACE = "\u200b"


class PhonePanel(Retranslating, Restyling, QWidget):
    """Over the product: its web page as a large QR code, and the address written out.

    A tap anywhere closes it, as well as the Close button.
    """

    def __init__(self, theme: Theme, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("PhonePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card = QFrame(objectName="PhoneCard")
        self.title = wrapped_label("PhoneTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QrCode(runner, QR_SIZE_PX)
        self.address = wrapped_label("PhoneAddress")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.close_button = QPushButton(objectName="PrimaryButton")
        self.close_button.clicked.connect(self.hide)
        lines = self._lines = QVBoxLayout(card)
        lines.addWidget(self.title)
        lines.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        lines.addWidget(self.address)
        lines.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.restyle(theme)
        self.hide()

    def restyle(self, theme: Theme) -> None:
        self._lines.setContentsMargins(theme.spacing * 3, theme.spacing * 3,
                                       theme.spacing * 3, theme.spacing * 3)
        self._lines.setSpacing(theme.spacing * 2)
        self.layout().setContentsMargins(theme.spacing * 2, theme.spacing * 2,
                                         theme.spacing * 2, theme.spacing * 2)
        self.retranslate()

    def show_url(self, url: str) -> None:
        self.code.set_text(url)
        # Break points after each slash, so a long address wraps instead of running off.
        self.address.setText(url.replace("/", "/" + ZERO_WIDTH_SPACE))
        self.address.setAccessibleName(url)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def url(self) -> str:
        return self.code.text()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scan this code with your phone's camera "
                                   "to open this product's page"))
        self.title.setAccessibleName(self.title.text())
        self.code.setAccessibleName(self.tr("QR code of the product's web page"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.close_button.text())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()
