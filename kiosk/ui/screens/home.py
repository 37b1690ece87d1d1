"""The shopper's home: a way into search, the top categories as tiles, featured products."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.categories import CategoryTile
from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.theme import Theme
from kiosk.ui.thumbnails import ThumbnailCache
from kiosk.ui.widgets.faces import face_icon
from kiosk.ui.widgets.icons import magnifier_icon
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGrid, ProductGridModel
from kiosk.ui.widgets.status_pane import StatusPane
from kiosk.ui.widgets.text import wrapped_label

# Tiles per row: the menu's top level is short (Women, Men, Gear), so one row holds it.
TILE_COLUMNS = {False: 3, True: 4}    # portrait, landscape


class CategoryButton(Restyling, QAbstractButton):
    """A large tile: the category's picture with its name written under it."""

    def __init__(self, theme: Theme, tile: CategoryTile, thumbnails: ThumbnailCache,
                 formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CategoryTile")
        self.tile = tile
        self._theme = theme
        self._thumbnails = thumbnails
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Shorter than its hint when room is short (large type on a landscape screen),
        # never below two touch targets.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.show_name()
        thumbnails.ready.connect(self._on_image_ready)

    def show_name(self) -> None:
        self.setText(self.tile.name)      # read in the shopper's language
        self.setAccessibleName(self.text())

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._theme.px(240), self._theme.px(220))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._theme.touch_target * 2, self._theme.touch_target * 2)

    @staticmethod
    def label_room(theme: Theme, tile_width: int) -> int:
        """The width the name is written in, on a tile of that width."""
        return tile_width - 2 - 2 * theme.spacing

    def name_width(self) -> int:
        return QFontMetrics(self._name_font()).horizontalAdvance(self.text())

    def _name_font(self) -> QFont:
        font = self.font()
        font.setPixelSize(self._theme.body)
        font.setBold(True)
        return font

    def _on_image_ready(self, image: str) -> None:
        if image == self.tile.image:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        t, c = self._theme, self._theme.colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.rect().adjusted(1, 1, -1, -1)
        outline = QPainterPath()
        outline.addRoundedRect(box, t.px(14), t.px(14))
        pressed = self.isDown()
        painter.fillPath(outline, QColor(c.pressed if pressed else c.surface))
        if pressed:     # an outline as well as a darker fill: not told by colour alone
            painter.setPen(QPen(QColor(c.text), 3))
            painter.drawPath(outline)
        label_height = t.body + t.spacing * 2
        picture_box = box.adjusted(t.spacing, t.spacing, -t.spacing, -label_height)
        pixmap = self._thumbnails.get(self.tile.image)
        if pixmap is not None:
            fitted = pixmap.size().scaled(picture_box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, fitted.width(), fitted.height())
            target.moveCenter(picture_box.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(picture_box, QColor(c.placeholder))
        painter.setFont(self._name_font())
        painter.setPen(QColor(c.text))
        label_box = QRect(box.left() + t.spacing, box.bottom() - label_height,
                          self.label_room(t, self.width()), label_height)
        name = painter.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                label_box.width())
        painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, name)


class HomeScreen(Restyling, Screen):
    """Made anew for each shopper. Its categories and featured products are given by the
    app, which loads them once at start and again after a sync changes the catalog."""

    def __init__(self, context: ShopperContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._formatter = context.formatter
        # The theme in force: the home outlives the session it was made in.
        self._theme = theme = context.theme
        self.search_entry = QPushButton(objectName="SearchEntry")
        self.search_entry.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.search_entry.clicked.connect(lambda: context.navigator.open_search())
        self.scan_hint = wrapped_label("Hint")
        self.categories_title = QLabel(objectName="SectionTitle")
        self.tiles = QWidget(objectName="CategoryTiles")
        self._tiles_layout = QGridLayout(self.tiles)
        self._tiles_layout.setContentsMargins(0, 0, 0, 0)
        self._tile_buttons: list[CategoryButton] = []

        self.selection_title = QLabel(objectName="SectionTitle")
        self.status = StatusPane(self._status_texts, "loading")
        self.model = ProductGridModel(context.thumbnails, context.formatter, self)
        self.delegate = ProductCardDelegate(theme, context.formatter, self)
        self.grid = ProductGrid(theme, self.model, self.delegate)
        self.grid.clicked.connect(
            lambda index: context.navigator.open_product(self.model.card(index.row()).id))
        self.body = QStackedWidget()
        self.body.addWidget(self.status)
        self.body.addWidget(self.grid)
        self.rate_visit = QPushButton(objectName="SecondaryButton")
        self.rate_visit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rate_visit.clicked.connect(lambda: context.navigator.open_rating())

        top = QWidget(objectName="HomeTop")
        top_layout = self._top_layout = QVBoxLayout(top)
        # Landscape screens are short: the rating button shares the search entry's row
        # there, and takes a row of its own under the products on a portrait screen.
        # Or above it, where the two do not fit side by side (large type): see _fit_rows.
        self._search_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._search_row.addWidget(self.search_entry, 1)
        top_layout.addLayout(self._search_row)
        top_layout.addWidget(self.scan_hint)
        top_layout.addWidget(self.categories_title)
        top_layout.addWidget(self.tiles)

        # The whole home scrolls under the finger where it does not fit (large type): the
        # featured products keep at least one row of cards laid on their side, and scroll
        # their own cards, as they do wherever the home fits.
        content = QWidget(objectName="HomeContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(top)
        content_layout.addWidget(self.selection_title)
        content_layout.addWidget(self.body, 1)
        self.scroll = finger_scroll_area(content, "HomeScroller")
        # Whatever width it is given, its content follows: what that content would like
        # (read once, when first shown) is no claim on the window's width.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.grid.installEventFilter(self)      # the keypad on a card: the grid comes into view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        # A bar of its own, hidden when empty: an empty layout's margins still take room.
        self._rate_bar = QWidget(objectName="RateVisitBar")
        self._rate_row = QVBoxLayout(self._rate_bar)
        self._rate_row.addWidget(self.rate_visit)
        layout.addWidget(self._rate_bar)
        self._landscape = False
        self._tile_columns = TILE_COLUMNS[False]
        self.restyle(theme)
        self.retranslate()
        self.show_loading()

    # --- what the app gives it ---------------------------------------------------------

    def title(self) -> str:
        # The top bar's word for the way back here.
        return QCoreApplication.translate("TopBar", "Home")

    def focus_order(self) -> list[QWidget]:
        if self._landscape:         # the rating button beside the search entry
            return [self.search_entry, self.rate_visit, *self._tile_buttons, self.grid]
        return [self.search_entry, *self._tile_buttons, self.grid, self.rate_visit]

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self.delegate.set_formatter(formatter)
        self.model.set_formatter(formatter)
        for button in self._tile_buttons:
            button.show_name()
        self._fit_rows()            # the names' widths in the new language

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self.search_entry.setMinimumHeight(theme.touch_target + theme.spacing)
        self.search_entry.setIcon(magnifier_icon(theme.px(40), theme.colors.text_muted))
        self.search_entry.setIconSize(QSize(theme.px(40), theme.px(40)))
        self._tiles_layout.setSpacing(theme.spacing)
        self.selection_title.setContentsMargins(theme.spacing * 2, 0, 0, 0)
        self.rate_visit.setIcon(face_icon(4, theme.px(48), theme.colors.text))
        self.rate_visit.setIconSize(QSize(theme.px(48), theme.px(48)))
        margin = theme.spacing * 2
        self._top_layout.setContentsMargins(margin, theme.spacing, margin, 0)
        self._top_layout.setSpacing(theme.spacing)
        self._search_row.setSpacing(theme.spacing)
        self._rate_row.setContentsMargins(margin, theme.spacing, margin, theme.spacing)
        self._match_rate_visit_height()
        self.delegate.set_theme(theme)         # whichever is restyled first
        self.body.setMinimumHeight(self.delegate.compact_card_size().height())
        self._fit_rows()

    def set_landscape(self, landscape: bool) -> None:
        if landscape != self._landscape:
            self._landscape = landscape
            self._fit_rows(again=True)
            row = self._search_row if landscape else self._rate_row
            row.addWidget(self.rate_visit)
            self._match_rate_visit_height()
            self._rate_bar.setVisible(not landscape)

    def _match_rate_visit_height(self) -> None:
        # Beside the search entry, as tall as it.
        self.rate_visit.setMinimumHeight(
            self.search_entry.minimumHeight() if self._landscape else 0)

    def show_loading(self) -> None:
        self._show_status("loading")

    def show_out_of_order(self) -> None:
        self._show_status("out_of_order")

    def show_cards(self, cards: list[ProductCard]) -> None:
        if not cards:
            self._show_status("empty")
            return
        self.model.set_cards(cards)
        self.body.setCurrentWidget(self.grid)

    def scroll_to_top(self) -> None:
        """As the next shopper should find it."""
        self.grid.scrollToTop()
        self.scroll.verticalScrollBar().setValue(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.FocusIn:
            self.scroll.ensureWidgetVisible(self.grid, 0, 0)
        return False

    def show_categories(self, tiles: list[CategoryTile]) -> None:
        for button in self._tile_buttons:
            button.hide()           # at once: deleteLater() leaves it on screen a moment
            button.deleteLater()
        self._tile_buttons.clear()
        for tile in tiles:
            if tile.product_count == 0:
                continue    # an empty category would only disappoint
            button = CategoryButton(self._theme, tile, self._context.thumbnails,
                                    self._formatter)
            button.clicked.connect(
                lambda _checked=False, path=tile.path: self._context.navigator.open_category(path))
            self._tile_buttons.append(button)
        self._fit_rows(again=True)
        self.categories_title.setVisible(bool(self._tile_buttons))

    # --- inside ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self, again: bool = False) -> None:
        """In large type: the rating button under the search entry rather than beside it
        where both do not fit, and fewer tiles to a row where a name would be cut."""
        theme = self._theme
        room = self.width() - 4 * theme.spacing       # the top's side margins
        beside = (self.search_entry.minimumSizeHint().width() + theme.spacing
                  + self.rate_visit.minimumSizeHint().width()) <= room
        direction = (QBoxLayout.Direction.LeftToRight if beside
                     else QBoxLayout.Direction.TopToBottom)
        if self._search_row.direction() != direction:
            self._search_row.setDirection(direction)
        columns = TILE_COLUMNS[self._landscape]
        while columns > 1 and not self._names_fit(columns, room):
            columns -= 1
        if again or columns != self._tile_columns:
            self._tile_columns = columns
            self._lay_out_tiles()

    def _names_fit(self, columns: int, room: int) -> bool:
        shown = min(columns, len(self._tile_buttons))
        if shown == 0:
            return True
        tile = (room - self._theme.spacing * (shown - 1)) // shown
        return all(button.name_width() <= CategoryButton.label_room(self._theme, tile)
                   for button in self._tile_buttons)

    def _lay_out_tiles(self) -> None:
        columns = self._tile_columns
        for index, button in enumerate(self._tile_buttons):
            self._tiles_layout.addWidget(button, index // columns, index % columns)

    def retranslate(self) -> None:
        self.search_entry.setText(" " + self.tr("Search for a product…"))
        self.search_entry.setAccessibleName(self.tr("Search for a product"))
        self.scan_hint.setText(self.tr("You can also scan a product's barcode at the scanner."))
        self.categories_title.setText(self.tr("Categories"))
        self.selection_title.setText(self.tr("Our selection"))
        self.selection_title.setAccessibleName(self.selection_title.text())
        self.grid.setAccessibleName(self.tr("Featured products"))
        self.rate_visit.setText(" " + self.tr("Rate your visit"))
        self.rate_visit.setAccessibleName(self.tr("Rate your visit"))
        self._fit_rows()

    def _show_status(self, state: str) -> None:
        self.status.show_state(state)
        self.body.setCurrentWidget(self.status)

    def _status_texts(self) -> dict[str, str]:
        return {
            "loading": self.tr("Loading the catalogue…"),
            "empty": self.tr("The catalogue is not available yet. "
                             "Please ask a member of staff."),
            "out_of_order": self.tr("This terminal is out of order for a moment. "
                                    "Please ask a member of staff."),
        }
