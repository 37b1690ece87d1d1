"""The attract screen: featured products in rotation and an invitation to touch.

It is what the terminal shows between shoppers. Any touch anywhere starts a session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.text import FittingButton

ROTATION_MS = 5000
# On a wide screen the words stand beside the picture in a short height: their gaps and
# the screen's margins stay as at the usual text size (larger type would only squeeze the
# words), and the words wrap within at most this width (two thirds of a 1920-pixel screen),
# the picture taking the rest. A fixed width, not a share of the screen's: the screen's
# width follows what the words ask for.
WIDE_GAP_PX = 16
WIDE_MARGIN_PX = 64
WIDE_WORDS_MAX_PX = 1000


class AttractScreen(Restyling, Screen):
    started = Signal()
    language_chosen = Signal(str)    # a shopper who reads another language starts in it

    def __init__(self, theme: Theme, formatter: Formatter, thumbnails: ThumbnailCache,
                 store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)   # paint the whole screen
        self._theme = theme
        self._formatter = formatter
        self._thumbnails = thumbnails
        self._cards: list[ProductCard] = []
        self._shown = 0

        self.welcome = QLabel(objectName="AttractWelcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.store = QLabel(store_name, objectName="AttractStore")
        self.store.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.store.setAccessibleName(store_name)
        # The picture gets whatever room the words leave.
        self.picture = Picture()
        self.picture.setObjectName("AttractPicture")
        self.caption = QLabel(objectName="AttractCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        # Its words in smaller type where they would run past its edges (2x, portrait).
        self.start_button = FittingButton(objectName="PrimaryButton")
        self.start_button.clicked.connect(self.started)
        # One button per other offered language, each written in its own language.
        self.language_row = QWidget(objectName="AttractLanguages")
        self._language_layout = QHBoxLayout(self.language_row)
        self._language_layout.setContentsMargins(0, 0, 0, 0)
        self.language_buttons: dict[str, QPushButton] = {}

        # Beside the picture on a wide screen, the words stand in a column of their own,
        # where each wrapped line gets its height.
        self._words_box = QWidget(objectName="AttractWords")
        self._words_box.setMaximumWidth(WIDE_WORDS_MAX_PX)
        self._words_column = QVBoxLayout(self._words_box)
        self._words_column.setContentsMargins(0, 0, 0, 0)
        self._layout = QGridLayout(self)
        self.landscape: bool | None = None
        self.restyle(theme)
        self.set_landscape(False)

        self._rotation = QTimer(self)
        self._rotation.setInterval(ROTATION_MS)
        self._rotation.timeout.connect(self.show_next)
        thumbnails.ready.connect(self._on_image_ready)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self.start_button.setMinimumHeight(theme.touch_target * 2)
        self._language_layout.setSpacing(theme.spacing * 2)
        self._layout.setHorizontalSpacing(theme.spacing * 2)
        if self.landscape is not None:
            self._space_rows()
            self._show_current()     # the picture decoded again at the new size

    def set_landscape(self, landscape: bool) -> None:
        """Picture above the words on a tall screen, beside them on a wide one."""
        if landscape == self.landscape:
            return
        self.landscape = landscape
        grid, column = self._layout, self._words_column
        words = self._words()
        for widget in (self.picture, self._words_box, *words):
            grid.removeWidget(widget)
        while column.count():
            column.takeAt(0)
        for row in range(8):
            grid.setRowStretch(row, 0)
        grid.setColumnStretch(0, 1)             # the picture takes the room left over
        if landscape:
            # The words stand as one block, centred beside the picture.
            grid.addWidget(self.picture, 0, 0)
            grid.addWidget(self._words_box, 0, 1)
            column.addStretch(1)
            for widget in words:
                column.addWidget(widget)
            column.insertSpacing(column.indexOf(self.caption), 0)   # set by _space_rows
            column.addStretch(1)
            self._words_box.show()
        else:
            self._words_box.hide()
            for row, widget in enumerate((self.store, self.welcome, self.picture,
                                          self.caption, self.start_button, self.language_row)):
                grid.addWidget(widget, row, 0)
            grid.setRowStretch(2, 1)
        self._space_rows()
        self._show_current()

    def _space_rows(self) -> None:
        spacing = self._theme.spacing
        if self.landscape:
            margin = min(spacing * 4, WIDE_MARGIN_PX)
            gap = min(spacing, WIDE_GAP_PX)
            self._words_column.setSpacing(gap)
            # A wider gap before the product's name, which belongs with the picture: four
            # gaps, the column's own spacing being one (a spacer takes none of its own).
            before_caption = self._words_column.itemAt(
                self._words_column.indexOf(self.caption) - 1).spacerItem()
            before_caption.changeSize(0, gap * 3)
            self._words_column.invalidate()
        else:
            margin = spacing * 4
            self._layout.setVerticalSpacing(spacing * 2)
        self._layout.setContentsMargins(margin, margin, margin, margin)

    def _words(self) -> tuple[QWidget, ...]:
        return (self.store, self.welcome, self.caption, self.start_button, self.language_row)

    def title(self) -> str:
        return self.tr("Touch to start")

    def focus_order(self) -> list[QWidget]:
        return [self.start_button, *self.language_buttons.values()]

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Find any product of the chain, see where it is in "
                                     "stock, and order it for home delivery."))
        self.start_button.setText(self.title())
        self.start_button.setAccessibleName(self.start_button.text())
        self._show_current()

    def set_other_languages(self, labels: dict[str, str]) -> None:
        """Offer to start in each of `labels` (code -> "Continue in English", written in
        that language, so that a shopper who cannot read the current one finds theirs)."""
        if labels.keys() == self.language_buttons.keys():
            for code, label in labels.items():     # the same offers: only their words
                self.language_buttons[code].setText(label)
                self.language_buttons[code].setAccessibleName(label)
            return
        for button in self.language_buttons.values():
            button.hide()           # at once: deleteLater() leaves it on screen a moment
            button.deleteLater()
        self.language_buttons = {}
        for code, label in labels.items():
            button = QPushButton(label, objectName="AttractLanguageButton")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, code=code:
                                   self.language_chosen.emit(code))
            self._language_layout.addWidget(button)
            self.language_buttons[code] = button
        self.language_row.setVisible(bool(labels))

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self._show_current()

    def set_cards(self, cards: list[ProductCard]) -> None:
        self._cards = [card for card in cards if card.image]
        self._shown = 0
        self._show_current()
        self._rotate_while_shown()

    def current_card(self) -> ProductCard | None:
        return self._cards[self._shown] if self._cards else None

    def show_next(self) -> None:
        if self._cards:
            self._shown = (self._shown + 1) % len(self._cards)
            self._show_current()
            # The picture after this one is decoded now, so that the next turn shows it at
            # once: the picture cache holds only a few, and a long rotation leaves it.
            self._thumbnails.get(self._cards[(self._shown + 1) % len(self._cards)].image)

    def _show_current(self) -> None:
        card = self.current_card()
        if card is None:
            self.picture.set_pixmap(None)
            self.caption.clear()
            return
        caption = f"{card.name} · {self._formatter.price(card.price_cents)}"
        self.caption.setText(caption)
        self.caption.setAccessibleName(caption)
        self._show_picture(card)

    def _show_picture(self, card: ProductCard) -> None:
        self.picture.set_pixmap(self._thumbnails.get(card.image))
        self.picture.setAccessibleName(card.name)

    def _rotate_while_shown(self) -> None:
        # Hidden behind a session, the rotation would decode pictures nobody sees.
        if self.isVisible() and len(self._cards) > 1:
            self._rotation.start()
        else:
            self._rotation.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rotate_while_shown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._rotate_while_shown()

    def _on_image_ready(self, image: str) -> None:
        card = self.current_card()
        if card is not None and card.image == image:
            self._show_picture(card)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A touch anywhere starts, not only on the button: shoppers tap the picture too.
        self.started.emit()
        event.accept()
