"""A slim bar with the products set aside to compare, and the way to the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QWidget,
)

from kiosk.core.compare import MAX_COMPARED
from kiosk.core.products import ProductCard, cards_by_id
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.shell import mark_compact
from kiosk.ui.widgets.layouts import clear_layout
from kiosk.ui.widgets.picture import Picture

if TYPE_CHECKING:
    from kiosk.ui.screens.context import ShopperContext
    from kiosk.ui.theme import Theme


class TapArea(QAbstractButton):
    """A button made of other widgets (a picture and words): the whole area takes the tap."""

    def paintEvent(self, event: QPaintEvent) -> None:
        # Draws the background and border the style sheet gives its object name.
        option = QStyleOption()
        option.initFrom(self)
        if self.isDown():       # the style sheet's :pressed look, as soon as the finger lands
            option.state |= QStyle.StateFlag.State_Sunken
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)


class ElidedLabel(QLabel):
    """One line that ends in "…" when the room is short; the whole text is read aloud."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        text = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        # The elided text can come out a pixel or two wider than asked (its last letters'
        # bearings): shorten it until it really fits.
        while len(text) > 1 and metrics.horizontalAdvance(text) > room:
            text = text[:-2] + "…"
        self.setText(text)


class CompareTrayBar(Retranslating, Restyling, QWidget):
    """Hidden while the tray is empty; follows the session's tray as it changes."""

    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareTrayBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._context = context
        self._cards: list[ProductCard] = []
        self._pictures: dict[str, Picture] = {}
        self._names: list[ElidedLabel] = []
        self._compact = False
        self._items = QHBoxLayout()
        self.compare_button = QPushButton(objectName="CompareTrayButton")
        self.compare_button.clicked.connect(lambda: self._context.navigator.open_compare())
        # The products with the button beside them, or above it where a row is too narrow.
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.addLayout(self._items, 1)
        layout.addWidget(self.compare_button)
        self._space(context.theme)
        context.thumbnails.ready.connect(self._on_image_ready)
        self.follow(context)

    def minimumSizeHint(self) -> QSize:
        # As narrow as the products' row: the button goes under it rather than widen the
        # window (a portrait screen at 2x).
        narrow = max(self._items.minimumSize().width(),
                     self.compare_button.minimumSizeHint().width())
        margins = self.layout().contentsMargins()
        return QSize(margins.left() + narrow + margins.right(),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The button beside the products where they fit, else under them."""
        layout = self.layout()
        margins = layout.contentsMargins()
        # The products' row as it is with their names, shown or not: judged without them,
        # the button would go beside again and the names come back too wide.
        hidden_names = sum(name.minimumSizeHint().width() + name.parentWidget().layout().spacing()
                           for name in self._names if name.isHidden())
        beside = self.width() >= (margins.left() + self._items.minimumSize().width()
                                  + hidden_names + layout.spacing()
                                  + self.compare_button.minimumSizeHint().width()
                                  + margins.right())
        direction = (QBoxLayout.Direction.LeftToRight if beside
                     else QBoxLayout.Direction.TopToBottom)
        if direction != layout.direction():
            layout.setDirection(direction)
            # Another height: the window's layout is told, or the bar keeps the old one and
            # the button its place beside ('Comparer (3)' was cut at 1.5x upright).
            self.updateGeometry()
        # Stacked, each product keeps its picture and its remove button; too little room
        # is left for a readable name (it is still the item's and the button's name).
        for name in self._names:
            name.setVisible(beside)

    def restyle(self, theme: Theme) -> None:
        self._space(theme)
        self._show_cards()          # each product's picture at the new size

    def set_compact(self, compact: bool) -> None:
        """Compact (large type where height is short): smaller pictures, tighter margins,
        buttons still whole touch targets (the style sheet's compact rules)."""
        if compact == self._compact:
            return
        self._compact = compact
        self._space(self._context.theme)
        self._show_cards()
        mark_compact(self, compact)
        self._arrange()

    def _space(self, theme: Theme) -> None:
        self._items.setSpacing(theme.spacing)
        vertical = theme.spacing // (4 if self._compact else 2)
        side = theme.spacing // (2 if self._compact else 1)
        self.layout().setContentsMargins(side, vertical, side, vertical)
        self.layout().setSpacing(theme.spacing)

    def follow(self, context: ShopperContext) -> None:
        """Show the tray of `context`'s session: the app gives each new shopper's."""
        self._context = context
        context.session.compare_changed.connect(self._reload)
        self._cards = []
        self._show_cards()
        self._reload()

    def cards(self) -> list[ProductCard]:
        return list(self._cards)

    def language_changed(self, _language: str) -> None:
        """The products' names, read again in the shopper's new language."""
        self._reload()

    def _reload(self) -> None:
        ids = self._context.session.compare.product_ids
        if not ids:
            self._cards = []
            self._show_cards()
            return
        store_id, language = self._context.store_id, self._context.language
        today = self._context.clock.today()
        self._context.catalog.fetch(
            self, lambda conn: cards_by_id(conn, ids, store_id, today, language),
            self._on_cards)

    def _on_cards(self, cards: list[ProductCard]) -> None:
        # The tray may have changed again while the cards were read.
        self._cards = [card for card in cards if card.id in self._context.session.compare]
        self._show_cards()

    def _show_cards(self) -> None:
        clear_layout(self._items)
        self._pictures.clear()
        self._names = []
        for card in self._cards:
            self._items.addWidget(self._item(card), 1)
        # Room kept for the products not yet added, so an item does not widen as others go.
        self._items.addStretch(MAX_COMPARED - len(self._cards))
        self.retranslate()
        # Again once the new items are shown in the sheet's type (the button was left
        # beside products that had grown too wide for it: 'Comparer (3)' cut at 1.5x).
        QTimer.singleShot(0, self, self._arrange)
        empty = not self._context.session.compare
        if empty or self.parentWidget() is not None:   # unplaced, it would open as a window
            self.setHidden(empty)

    def _item(self, card: ProductCard) -> QWidget:
        t = self._context.theme
        area = TapArea(objectName="CompareTrayItem")
        area.setAccessibleName(card.name)
        area.clicked.connect(lambda: self._context.navigator.open_product(card.id))
        picture = Picture(area)
        # Smaller than a touch target: the tap is the whole item's, not the picture's.
        side = t.body * 3 // 2 if self._compact else t.px(56)
        picture.setFixedSize(side, side)
        picture.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        picture.set_pixmap(self._context.thumbnails.get(card.image))
        if card.image:
            self._pictures[card.image] = picture
        name = ElidedLabel(card.name)
        name.setObjectName("CompareTrayName")
        self._names.append(name)
        remove = QPushButton("✕", objectName="CompareTrayRemove")
        remove.setProperty("product_name", card.name)
        remove.clicked.connect(
            lambda: self._context.session.remove_from_compare(card.id))
        row = QHBoxLayout(area)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(t.spacing // (4 if self._compact else 2))
        row.addWidget(picture)
        row.addWidget(name, 1)
        row.addWidget(remove)
        return area

    def retranslate(self) -> None:
        count = len(self._cards)
        self.compare_button.setText(self.tr("Compare (%n)", "", count))
        self.compare_button.setAccessibleName(self.compare_button.text())
        self.compare_button.setEnabled(count >= 2)
        for remove in self.findChildren(QPushButton, "CompareTrayRemove"):
            remove.setAccessibleName(self.tr("Remove {name} from the comparison").format(
                name=remove.property("product_name")))
        self._arrange()      # the button's words, or the products, may no longer fit beside

    def _on_image_ready(self, image: str) -> None:
        picture = self._pictures.get(image)
        if picture is not None:
            picture.set_pixmap(self._context.thumbnails.get(image))
