"""A virtualised grid of product cards: one model, one delegate that paints, no widget per card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPixmapCache,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.core.products import ProductCard, cards_by_sku
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling

if TYPE_CHECKING:
    from kiosk.ui.screens.context import ShopperContext


class ProductGridModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, formatter: Formatter,
                 parent=None) -> None:
        super().__init__(parent)
        self._cards: list[ProductCard] = []
        self._thumbnails = thumbnails
        self._formatter = formatter
        thumbnails.ready.connect(self._on_image_ready)

    def set_cards(self, cards: list[ProductCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def append_cards(self, cards: list[ProductCard]) -> None:
        """The next page of a long list, added after the cards already shown."""
        if cards:
            first = len(self._cards)
            self.beginInsertRows(QModelIndex(), first, first + len(cards) - 1)
            self._cards.extend(cards)
            self.endInsertRows()

    def replace_cards(self, cards: list[ProductCard]) -> None:
        """The same products read again (a sync changed a price or the stock): each card
        shown changes in its place, so the rows and the scroll stay."""
        fresh = {card.sku.lower(): card for card in cards}
        for row, card in enumerate(self._cards):
            new = fresh.get(card.sku.lower())
            if new is not None and new != card:
                self._cards[row] = new
                self.dataChanged.emit(self.index(row), self.index(row))

    def skus(self) -> list[str]:
        return [card.sku for card in self._cards]

    def read_again(self, context: ShopperContext, owner: QObject) -> None:
        """Read the cards shown again, in the shopper's language, and show them in place
        (after a sync, or a language switch); `owner` is the screen that waits."""
        if self._cards:
            skus, store = self.skus(), context.store_id
            today, language = context.clock.today(), context.language
            context.catalog.fetch(
                owner, lambda conn: cards_by_sku(conn, skus, store, today, language),
                self.replace_cards)

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        if self._cards:
            self.dataChanged.emit(self.index(0), self.index(len(self._cards) - 1))

    def card(self, row: int) -> ProductCard:
        """The card itself, for the delegate that paints it."""
        return self._cards[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(card.image)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._formatter.card_description(card)
        return None

    def _on_image_ready(self, image: str) -> None:
        for row, card in enumerate(self._cards):
            if card.image == image:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ProductCardDelegate(QStyledItemDelegate):
    """Paints a card: image (or a neutral placeholder), name, price, stock badge."""

    def __init__(self, theme: Theme, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._formatter = formatter
        self._pressed = QPersistentModelIndex()     # the card under the finger, if any
        self.compact = False        # cards on their side: see compact_card_size

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter

    def set_theme(self, theme: Theme) -> None:
        """Cards are painted at another text size or contrast from now on."""
        self._theme = theme

    def card_size(self) -> QSize:
        return QSize(self._theme.px(320), self._theme.px(470))

    def compact_card_size(self) -> QSize:
        """A card laid on its side, the picture beside the words: for a grid too short for
        a whole card (results above the keyboard on a wide screen)."""
        t = self._theme
        words = self._compact_name_height() + t.body + t.small + t.px(8) * 4   # name, price, stock
        return QSize(t.px(440), words + t.px(12) * 2 + t.px(8) * 2)

    def _compact_name_height(self) -> int:
        return round(self._theme.small * 1.5)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        # A card fills its cell: the grid widens cells to share out the whole width.
        view = option.widget
        if isinstance(view, QListView) and view.gridSize().isValid():
            return view.gridSize()
        return self.card_size()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not index.isValid():
            return
        card = index.model().card(index.row())
        t, c = self._theme, self._theme.colors
        gap = t.px(8)
        box = option.rect.adjusted(gap, gap, -gap, -gap)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addRoundedRect(box, t.px(14), t.px(14))
        pressed = self._is_pressed(index, option.widget)
        painter.fillPath(outline, QColor(c.pressed if pressed else c.surface))
        if pressed:     # an outline as well as a darker fill: not told by colour alone
            painter.setPen(QPen(QColor(c.text), 3))
            painter.drawPath(outline)
        # The focus ring is for keyboard users only (Qt marks the window once Tab is used),
        # not for the first card a touch screen happens to focus.
        state = QStyle.StateFlag
        keyboard_focus = state.State_HasFocus | state.State_KeyboardFocusChange
        if option.state & keyboard_focus == keyboard_focus:
            painter.setPen(QColor(c.primary))
            painter.drawPath(outline)

        pad = t.px(12)
        if self.compact:        # the picture on the left, the words beside it
            side = box.height() - 2 * pad
            image_box = QRect(box.left() + pad, box.top() + pad, side, side)
            text_left = image_box.right() + pad
            y = box.top() + pad
        else:                   # the picture on top, the words under it
            image_box = QRect(box.left() + pad, box.top() + pad, box.width() - 2 * pad,
                              round(box.height() * 0.58))
            text_left = box.left() + pad
            y = image_box.bottom() + pad
        text_width = box.right() - pad - text_left
        pixmap: QPixmap | None = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None:
            fitted = self._fitted(card.image, pixmap, image_box.size())
            target = QRect(0, 0, fitted.width(), fitted.height())
            target.moveCenter(image_box.center())
            painter.drawPixmap(target.topLeft(), fitted)
        else:
            painter.fillRect(image_box, QColor(c.placeholder))

        name_font = QFont(option.font)
        name_font.setPixelSize(t.small)
        name_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(name_font)
        painter.setPen(QColor(c.text))
        if self.compact:        # one line: the card is as short as a row can be
            name_box = QRect(text_left, y, text_width, self._compact_name_height())
            painter.drawText(name_box, Qt.AlignmentFlag.AlignTop, painter.fontMetrics()
                             .elidedText(card.name, Qt.TextElideMode.ElideRight, text_width))
        else:
            name_box = QRect(text_left, y, text_width, t.small * 3)
            painter.drawText(name_box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
                             self._elided_two_lines(painter, card.name, text_width))
        y = name_box.bottom() + gap

        price_font = QFont(option.font)
        price_font.setPixelSize(t.body)
        price_font.setWeight(QFont.Weight.Bold)
        painter.setFont(price_font)
        painter.setPen(QColor(c.sale if card.on_special else c.text))
        price = self._formatter.price(card.price_cents)
        painter.drawText(QRect(text_left, y, text_width, t.body + gap),
                         Qt.AlignmentFlag.AlignLeft, price)
        if card.on_special:
            # The old price struck through beside the new one: a reduction is seen without
            # telling red from black.
            old_left = text_left + painter.fontMetrics().horizontalAdvance(price) + gap * 2
            old_font = QFont(option.font)
            old_font.setPixelSize(t.small)
            old_font.setStrikeOut(True)
            painter.setFont(old_font)
            painter.setPen(QColor(c.text_muted))
            painter.drawText(QRect(old_left, y, text_left + text_width - old_left, t.body + gap),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self._formatter.price(card.regular_price_cents))
        y += t.body + gap * 2

        badge_font = QFont(option.font)
        badge_font.setPixelSize(t.small)
        painter.setFont(badge_font)
        # A mark and a word, never colour alone.
        if card.in_stock_here:
            painter.setPen(QColor(c.in_stock))
            label = "✓ " + self._formatter.in_stock_here
        else:
            painter.setPen(QColor(c.text_muted))
            label = "○ " + self._formatter.not_in_stock_here
        painter.drawText(QRect(text_left, y, text_width, t.small + gap),
                         Qt.AlignmentFlag.AlignLeft, label)
        painter.restore()

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem,
                    index: QModelIndex) -> bool:
        # The view hands the delegate the mouse events on a card: the card answers the
        # finger the moment it lands, and stops when it lifts.
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = QPersistentModelIndex(index)
            option.widget.viewport().update(option.rect)
        elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed.isValid():
            self._pressed = QPersistentModelIndex()
            option.widget.viewport().update()
        return super().editorEvent(event, model, option, index)

    def _is_pressed(self, index: QModelIndex, view: QWidget | None) -> bool:
        """Pressed while the finger is down on the card and not scrolling the list (a
        scroll keeps the release to itself, so the press is not trusted after one)."""
        if index != self._pressed or view is None:
            return False
        if not QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            return False
        viewport = view.viewport() if isinstance(view, QAbstractItemView) else view
        return not QScroller.hasScroller(viewport) or QScroller.scroller(viewport).state() \
            in (QScroller.State.Inactive, QScroller.State.Pressed)

    @staticmethod
    def _fitted(image: str, pixmap: QPixmap, box: QSize) -> QPixmap:
        """The image scaled to the card's picture box once, then drawn as it is: scaling
        while drawing cost most of a scrolling frame. Qt's pixmap cache bounds the copies
        (one per image on screen, not one per paint, which would fragment the heap)."""
        key = f"card:{box.width()}x{box.height()}:{image}"
        fitted = QPixmapCache.find(key)
        if fitted is None:
            fitted = pixmap.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            QPixmapCache.insert(key, fitted)
        return fitted

    @staticmethod
    def _elided_two_lines(painter: QPainter, text: str, width: int) -> str:
        metrics = painter.fontMetrics()
        if metrics.horizontalAdvance(text) <= width * 2 - metrics.averageCharWidth() * 2:
            return text
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width * 2 - width // 4)


WRAP_SLACK = 4


class ProductGrid(Restyling, QListView):
    """Cards in rows that fill the width, scrolled with the finger, no scroll bars."""

    card_tapped = Signal(int)     # the product id of the card the shopper tapped

    def __init__(self, theme: Theme, model: ProductGridModel, delegate: ProductCardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self._delegate = delegate
        self._card = delegate.card_size()     # the smallest a card may be
        self.setGridSize(self._card)
        self._side = theme.spacing            # cards line up with the screen's title
        self.setViewportMargins(self._side, 0, self._side, 0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setModel(model)
        self.setItemDelegate(delegate)
        enable_kinetic_scrolling(self.viewport())
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.card_tapped.emit(self.model().card(index.row()).id)

    def restyle(self, theme: Theme) -> None:
        self._delegate.set_theme(theme)
        self._card = self._delegate.card_size()
        self._side = theme.spacing
        self.setViewportMargins(self._side, 0, self._side, 0)
        self._fit_cells()
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_cells()
        super().resizeEvent(event)

    def _fit_cells(self) -> None:
        # As many columns as fit, widened to share the whole width: no empty band at the
        # side. Computed from our own width (the event may be the viewport's); the few
        # pixels of slack keep Qt from wrapping a row that fits exactly.
        usable = self.width() - 2 * self._side - WRAP_SLACK
        # Too short for a whole card, the grid lays its cards on their side: a row of
        # pictures cut above their names and prices tells the shopper nothing.
        self._delegate.compact = self.height() < self._card.height()
        card = self._delegate.compact_card_size() if self._delegate.compact else self._card
        columns = max(1, usable // card.width())
        cell = QSize(usable // columns, card.height())
        if self.gridSize() != cell:
            self.setGridSize(cell)
