"""One product: pictures, price, the size and colour the shopper wants, and where to get it.

The page is read in one query on the database worker; every later tap (a colour, a size)
only picks another variant from what was read, so nothing waits on the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import quote

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon, QResizeEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.catalog_change import CatalogChange
from kiosk.core.compare import MAX_COMPARED, TrayAdd
from kiosk.core.product_page import (
    ProductPage,
    ProductPageRead,
    VariantOption,
    is_current,
    read_product_page,
    shown_attributes,
    stock_level,
)
from kiosk.core.products import ProductCard
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.stock_words import counted_words, restock_words
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.attribute_table import AttributeTable
from kiosk.ui.widgets.decision_bar import DecisionBar
from kiosk.ui.widgets.gallery import Gallery, PageDots
from kiosk.ui.widgets.icons import color_dot_icon
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.option_chips import OptionChips
from kiosk.ui.widgets.phone_panel import PhonePanel
from kiosk.ui.widgets.product_grid import ProductCardDelegate, ProductGridModel
from kiosk.ui.widgets.similar_strip import SimilarStrip
from kiosk.ui.widgets.status_pane import StatusPane
from kiosk.ui.widgets.text import WrappingButton, show_text, wrapped_label
from kiosk.ui.widgets.toggle import act_on_toggle
from kiosk.ui.wording import limit_message, sentences

FRESHNESS_REFRESH_MS = 60_000     # "updated 3 min ago" must not stay at 3 for long

log = logging.getLogger(__name__)


def date_text(formatter: Formatter, day: date, today: date) -> str:
    """'17 décembre', with the year only when it is not this year's."""
    pattern = "d MMMM" if day.year == today.year else "d MMMM yyyy"
    return formatter.locale.toString(QDate(day.year, day.month, day.day), pattern)


def plain_text(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


class ProductScreen(Restyling, Screen):
    def __init__(self, context: ShopperContext, product_id: int,
                 variant_sku: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProductScreen")
        self._context = context
        self._theme = context.theme
        self._formatter = context.formatter
        self._product_id = product_id
        self._wanted_sku = variant_sku
        self.page: ProductPage | None = None
        self.variant: VariantOption | None = None   # once the choice names one
        self.chosen_size: str | None = None
        self.chosen_color: str | None = None
        self.similar: list[ProductCard] = []
        self._dots: dict[str, QIcon] = {}
        self.landscape: bool | None = None
        self._build()
        context.session.compare_changed.connect(self._show_compare_state)
        context.session.basket_changed.connect(self._show_order_state)
        self._freshness_timer = QTimer(self)
        self._freshness_timer.setInterval(FRESHNESS_REFRESH_MS)
        self._freshness_timer.timeout.connect(self._show_stock)
        self.retranslate()
        self._load()

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        t = self._theme
        self.status = StatusPane(self._status_texts, "loading")

        self.gallery = Gallery(t, self._context.pictures)
        self.dots = PageDots()
        self.gallery.page_changed.connect(
            lambda page: self.dots.show_page(page, self.gallery.page_count()))
        self.gallery_block = QWidget(objectName="GalleryBlock")
        gallery_layout = QVBoxLayout(self.gallery_block)
        gallery_layout.setContentsMargins(0, 0, 0, 0)
        gallery_layout.setSpacing(0)
        gallery_layout.addWidget(self.gallery, 1)
        gallery_layout.addWidget(self.dots)

        self.name = wrapped_label("ProductName")
        self.special = wrapped_label("ProductSpecial")
        self.short_description = wrapped_label("ProductShortDescription")
        self.short_description.setTextFormat(Qt.TextFormat.RichText)
        self.color_title = wrapped_label("ProductSection")
        self.colors = OptionChips(t)
        self.colors.chosen.connect(self._on_color_chosen)
        self.size_title = wrapped_label("ProductSection")
        self.sizes = OptionChips(t)
        self.sizes.chosen.connect(self._on_size_chosen)
        self.restock = wrapped_label("StockDetail")
        self.other_stores = QPushButton(objectName="OtherStores")
        self.other_stores.clicked.connect(self._on_other_stores)
        self.back_in_stock = QPushButton(objectName="OtherStores")
        self.back_in_stock.clicked.connect(self._on_back_in_stock)
        # "Reserve at <this store>" while it has the variant (kiosk/ui/screens/reservation.py)
        self.reserve_here = WrappingButton("OtherStores", t.spacing * 2)  # a long store name
        self.reserve_here.clicked.connect(self._on_reserve_here)
        self.decision_bar = DecisionBar(t)
        bar = self.decision_bar
        self.price, self.choice, self.stock, self.stock_age = (
            bar.price, bar.choice, bar.stock, bar.stock_age)
        self.order_button = bar.order_button
        self.order_button.clicked.connect(self._on_order_clicked)

        self.similar_title = wrapped_label("ProductSection")
        self.similar_model = ProductGridModel(self._context.thumbnails, self._formatter, self)
        self.similar_delegate = ProductCardDelegate(t, self._formatter, self)
        self.similar_list = SimilarStrip(t, self.similar_model, self.similar_delegate)
        self.similar_list.clicked.connect(self._on_similar_tapped)

        self.phone_button = QPushButton(objectName="ProductAction")
        self.phone_button.clicked.connect(self._show_phone_panel)
        self.compare_button = QPushButton(objectName="ProductAction")
        self.compare_button.setCheckable(True)
        # Turned by a tap or by an assistive technology's Toggle.
        act_on_toggle(self.compare_button,
                      lambda: self._product_id in self._context.session.compare,
                      lambda _on: self._on_compare_clicked())

        self.description_title = wrapped_label("ProductSection")
        self.description = wrapped_label("ProductDescription")
        self.description.setTextFormat(Qt.TextFormat.RichText)
        self.attributes_title = wrapped_label("ProductSection")
        self.attributes = AttributeTable(t)

        details = QWidget(objectName="ProductDetails")
        lines = self._detail_lines = QVBoxLayout(details)
        # Chip rows and the strip scroll to the screen's edge and carry their own margin;
        # the rest lines up with the title, leaving a margin each side (see restyle).
        edge_to_edge = (self.colors, self.sizes, self.similar_list)
        self._framed_rows: list[QHBoxLayout] = []
        self._title_rows: dict[QLabel, QHBoxLayout] = {}
        for widget in (self.name, self.special, self.short_description,
                       self.color_title, self.colors,
                       self.size_title, self.sizes, self.restock,
                       self.other_stores, self.back_in_stock, self.reserve_here,
                       self.similar_title, self.similar_list,
                       self.phone_button, self.compare_button, self.description_title,
                       self.description, self.attributes_title, self.attributes):
            row = QHBoxLayout()
            if widget in edge_to_edge:
                row.setContentsMargins(0, 0, 0, 0)
            else:
                self._framed_rows.append(row)
            if widget in self._titles():
                self._title_rows[widget] = row
                widget.installEventFilter(self)     # its row's margin follows it (_space)
            if widget in (self.other_stores, self.back_in_stock, self.reserve_here):  # own width
                row.addWidget(widget)
                row.addStretch(1)
            else:
                row.addWidget(widget)
            lines.addLayout(row)
        lines.addStretch(1)

        self.content = QWidget(objectName="ProductContent")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(0)
        self.content_layout.addWidget(details)
        self.scroll = finger_scroll_area(self.content, "ProductScroll")

        self.page_view = QWidget()
        view_layout = QVBoxLayout(self.page_view)
        view_layout.setContentsMargins(0, 0, 0, 0)
        view_layout.setSpacing(0)
        self.page_layout = QHBoxLayout()
        self.page_layout.setSpacing(0)
        self.page_layout.addWidget(self.scroll, 1)
        view_layout.addLayout(self.page_layout, 1)
        view_layout.addWidget(self.decision_bar)

        self.body = QStackedWidget()
        self.body.addWidget(self.status)
        self.body.addWidget(self.page_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        self.phone_panel = PhonePanel(self._theme, self._context.runner, self)
        self.restyle(t)
        self.set_landscape(False)

    def restyle(self, theme: Theme) -> None:
        self._theme = t = theme
        self._detail_lines.setContentsMargins(0, t.spacing * 2, 0, t.spacing * 4)
        self._detail_lines.setSpacing(t.spacing)
        side = t.spacing * 2
        for row in self._framed_rows:
            row.setContentsMargins(side, 0, side, 0)
        self.reserve_here.set_room(side, side)
        for title in self._titles():
            self._space(title)
        self._dots.clear()              # drawn at the old size
        if self.page is not None:
            self._show_color_chips()
            self._show_price()          # a special price is written in the sale colour
        self._fit_gallery()

    def _titles(self) -> tuple[QLabel, ...]:
        return (self.color_title, self.size_title, self.similar_title,
                self.description_title, self.attributes_title)

    def _space(self, title: QLabel) -> None:
        """A section's title stands a little apart from what comes before it: a margin of
        its row, there while the title is (a label's own margin is the style sheet's to
        reset when larger text fills it in again)."""
        top = 0 if title.isHidden() else self._theme.spacing
        side = self._theme.spacing * 2
        self._title_rows[title].setContentsMargins(side, top, side, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown_or_hidden = (QEvent.Type.ShowToParent, QEvent.Type.HideToParent)
        if event.type() in shown_or_hidden and watched in self._title_rows:
            self._space(watched)
        return super().eventFilter(watched, event)

    def set_landscape(self, landscape: bool) -> None:
        """Pictures above the details on a tall screen; beside them, and still, on a wide one."""
        if landscape == self.landscape:
            return
        self.landscape = landscape
        self.content_layout.removeWidget(self.gallery_block)
        self.page_layout.removeWidget(self.gallery_block)
        if landscape:
            self.gallery_block.setMinimumHeight(0)
            self.page_layout.insertWidget(0, self.gallery_block, 1)
        else:
            self.content_layout.insertWidget(0, self.gallery_block)
        self._fit_gallery()

    def _fit_gallery(self) -> None:
        if not self.landscape:
            # Nearly square on a tall screen, leaving the name and the colours in sight
            # between it and the decision bar.
            self.gallery_block.setFixedHeight(min(self.width(), self.height() * 45 // 100))
        else:
            self.gallery_block.setMaximumHeight(16777215)
        # Beside the details, the pictures take at most what leaves the details' buttons
        # their words' width (large type on a wide screen); else half.
        side = self._theme.spacing * 2
        words = max(button.sizeHint().width()
                    for button in (self.other_stores, self.phone_button, self.compare_button))
        self.gallery_block.setMaximumWidth(max(self.width() - words - 2 * side, 0)
                                           if self.landscape else 16777215)

    # --- loading ----------------------------------------------------------------------

    def _load(self) -> None:
        self._read_page(self._on_loaded, self._on_failed)

    def _read_page(self, on_read: Callable[[ProductPageRead], None],
                   on_failed: Callable[[BaseException], None], sku: str | None = None) -> None:
        """The page and its similar products; found by `sku` if given: ids are the
        cache's own, and a cache rebuilt by sync numbers its products anew."""
        product_id, store_id = self._product_id, self._context.store_id
        today = self._context.clock.today()     # which special prices run
        language = self._context.language       # the catalog's text in the shopper's
        self._context.catalog.fetch(
            self, lambda conn: read_product_page(conn, product_id, store_id, today, sku,
                                                 language),
            on_read, on_failed)

    def catalog_changed(self, change: CatalogChange) -> None:
        page = self.page
        if page is None:
            # Still loading, it reads the new data anyway; gone or unreadable, it may be
            # back.
            if self.status.state != "loading" and change:
                self._load()
        elif change.product(page.sku) or change.stock_of(v.sku for v in page.variants):
            self._read_page(self._on_reloaded, self._on_reload_failed, page.sku)

    def _on_reloaded(self, loaded: ProductPageRead) -> None:
        """The same product read again after a sync: its figures and prices change under
        the shopper's choice, which stays, as does the scroll."""
        page, similar = loaded
        before = self.page
        if page is None or before is None:      # gone meanwhile, or gone before
            self.page = self.variant = None
            self._freshness_timer.stop()        # no figure left to age
            self._on_loaded(loaded)
            return
        self.page, self._product_id = page, page.id
        if similar != self.similar:
            self.similar = similar
            self.similar_model.set_cards(similar)
        if not page.same_apart_from_variants(before):
            self._show_page()
        if page.name != before.name:
            self.title_changed.emit()
        self._choose(*page.kept_choice(self.chosen_size, self.chosen_color))

    def _on_reload_failed(self, error: BaseException) -> None:
        # The shopper keeps what they see; the next sync tries again.
        log.warning("product %s not read again after a sync: %s", self._product_id, error)

    def _on_loaded(self, loaded: ProductPageRead) -> None:
        page, self.similar = loaded
        if page is None:
            self._show_status("gone")
            self.title_changed.emit()
            return
        self.page = page
        self.similar_model.set_cards(self.similar)
        self._context.journal.record("product_view", {"sku": page.sku})
        self.body.setCurrentWidget(self.page_view)
        self._show_page()
        self._choose(*page.initial_choice(self._wanted_sku))
        self._freshness_timer.start()
        self.title_changed.emit()

    def _on_failed(self, _error: BaseException) -> None:
        self._show_status("unavailable")
        self.title_changed.emit()

    def _show_status(self, which: str) -> None:
        self.status.show_state(which)
        self.body.setCurrentWidget(self.status)

    def _status_texts(self) -> dict[str, str]:
        return {
            "loading": self.tr("Loading the product…"),
            "gone": self.tr("Sorry, this product is no longer in our catalogue."),
            "unavailable": self.tr("The catalogue is not available at the moment. "
                                   "Please ask a member of staff."),
        }

    # --- showing ----------------------------------------------------------------------

    def _show_page(self) -> None:
        """What does not depend on the chosen variant."""
        page = self.page
        if page is None:
            return
        show_text(self.name, page.name)
        self._show_color_chips()
        self.color_title.setVisible(bool(page.colors))
        self.short_description.setText(page.short_description_html)
        self.short_description.setAccessibleName(plain_text(page.short_description_html))
        self.short_description.setVisible(bool(page.short_description_html))
        self.description.setText(page.description_html)
        self.description.setAccessibleName(plain_text(page.description_html))
        self.description_title.setVisible(bool(page.description_html))
        self.description.setVisible(bool(page.description_html))
        self._show_attributes()
        self.phone_button.setVisible(bool(self._context.config.product_url_template))
        self._show_compare_state()

    def _show_attributes(self) -> None:
        # Only what IT chose to show, labelled in the shopper's language.
        listed = self._context.config.shown_attributes
        attributes = shown_attributes(self.page, listed) if self.page else []
        language = self._formatter.language      # values come in it from the catalog
        self.attributes.show_rows([(attribute.label(language), value)
                                   for attribute, value in attributes])
        self.attributes_title.setVisible(bool(attributes))

    def _choose(self, size: str | None, color: str | None) -> None:
        """Show the shopper's choice; the variant is known once it names one."""
        page = self.page
        if page is None:
            return
        self.chosen_size, self.chosen_color = size, color
        self.variant = page.variant_for(size, color)
        self._show_color_chips()
        self._show_size_chips()
        self._show_price()
        self._show_pictures()
        self._show_stock()

    def _show_color_chips(self) -> None:
        page = self.page
        # A colour is told as available if it is in any size: sizes follow the colour.
        self.colors.set_chips([(color, page.color_word(color), page.availability(None, color))
                               for color in page.colors], self.chosen_color)
        for color in page.colors:
            chip, dot = self.colors.chip(color), self._color_dot(color)
            chip.setIcon(dot)
            chip.setIconSize(dot.availableSizes()[0])

    def _show_size_chips(self) -> None:
        page, color = self.page, self.chosen_color
        sizes = page.sizes if color is None else page.sizes_for_color(color)
        # Another colour may tell a size elsewhere: its chip keeps room for those words.
        self.sizes.set_chips([(size, page.size_word(size), page.availability(size, color))
                              for size in sizes], self.chosen_size,
                             page.size_may_become(sizes))
        self.size_title.setVisible(bool(sizes))

    def _color_dot(self, color: str) -> QIcon:
        """A round swatch beside the colour's name, when the name is a colour Qt knows."""
        if color not in self._dots:
            t = self._theme
            self._dots[color] = color_dot_icon(color, t.px(28), t.px(10), t.colors.text_muted)
        return self._dots[color]

    def _show_price(self) -> None:
        page = self.page
        shown = page.price_for(self.chosen_size, self.chosen_color)
        now_text = self._formatter.price(shown.price_cents)
        if shown.lowest_of_several:
            now_text = self.tr("from {price}").format(price=now_text)
        if shown.on_special:
            was_text = self._formatter.price(shown.regular_price_cents)
            sale = self._theme.colors.sale
            self.price.setText(f'<span style="color:{sale}">{now_text}</span>'
                               f'&nbsp;&nbsp;<s style="font-weight:400">{was_text}</s>')
            # Read aloud as words: the strike-through is not heard.
            self.price.setAccessibleName(self.tr("{price} instead of {regular}").format(
                price=now_text, regular=was_text))
            special = (self.tr("Special price until {date}").format(
                date=date_text(self._formatter, page.special_until,
                               self._context.clock.today()))
                if page.special_until else self.tr("Special price"))
            show_text(self.special, special)
        else:
            self.price.setText(now_text)
            self.price.setAccessibleName(now_text)
        self.special.setVisible(shown.on_special)

    def _show_pictures(self) -> None:
        images = self.page.pictures_for(self.chosen_size, self.chosen_color)
        images = images or [""]        # the placeholder says a picture would be here
        labels = self.page.picture_labels()
        if images != self.gallery.gallery_model.images():
            self.gallery.set_images(images, labels)
            self.dots.show_page(0, len(images))
        elif labels != self.gallery.gallery_model.labels():     # another language
            self.gallery.gallery_model.set_labels(labels)

    def _show_stock(self) -> None:
        variant = self.variant
        self.other_stores.setVisible(variant is not None)
        self.stock_age.setVisible(variant is not None)
        self.restock.setVisible(variant is not None)
        self.back_in_stock.hide()
        self.reserve_here.hide()
        self._show_choice()
        self._show_order_state()
        if variant is None:
            self._show_open_choice_stock()
            self._describe_order_button()
            return
        level = stock_level(variant.quantity_here, self._context.config.few_left_threshold)
        if level == "in_stock":
            mark, words = "✓", self.tr("In stock here")
        elif level == "few_left":
            mark, words = "!", self.tr("Only %n left here", "", variant.quantity_here)
        elif variant.in_stock_anywhere:
            mark, words = "✕", self.tr("Not in stock here")
        else:
            mark, words = "✕", self.tr("Sold out in every store")
        self.decision_bar.show_stock_level(level, mark, words)
        # Worded as on the stores screen, so that a figure reads the same everywhere; one
        # older than the configured age is never told as certain.
        age = counted_words(variant.taken_at, self._figure_is_current(variant),
                            self._context.clock.now())
        show_text(self.stock_age, age)
        self.stock_age.setVisible(bool(age))
        restock = (restock_words(variant.restock_date, self._formatter.locale,
                                  self._context.clock.today())
                   if level == "out_of_stock" else "")
        show_text(self.restock, restock)
        self.restock.setVisible(bool(restock))
        self._show_similar(level == "out_of_stock")
        self.back_in_stock.setVisible(level == "out_of_stock"
                                      and self._context.navigator.takes_alerts())
        self.reserve_here.setVisible(level != "out_of_stock")
        self._describe_order_button()

    def _describe_order_button(self) -> None:
        """What the bar shows, said with its main action: the price, the stock here in
        words, how old that figure is, when it comes back."""
        shown = [label.accessibleName() for label in (self.price, self.choice,
                                                        self.decision_bar.stock,
                                                        self.stock_age, self.restock)
                 if not label.isHidden()]
        self.order_button.setAccessibleDescription(sentences(shown))

    def _show_open_choice_stock(self) -> None:
        """Before a size or colour is chosen: which of the open options are here."""
        page, size, color = self.page, self.chosen_size, self.chosen_color
        availability = page.availability(size, color)
        show_level = self.decision_bar.show_stock_level
        if availability == "here":
            options = ", ".join(map(page.option_word, page.options_here(size, color)))
            show_level("in_stock", "✓",
                       self.tr("In stock here in {options}").format(options=options))
        elif availability == "elsewhere":
            show_level("out_of_stock", "✕", self.tr("Not in stock here"))
        else:
            show_level("out_of_stock", "✕", self.tr("Sold out in every store"))
        self._show_similar(availability != "here")

    def _show_choice(self) -> None:
        """'Size M · Blue': what the shopper chose (the button asks for the rest)."""
        size, color = self.chosen_size, self.chosen_color
        parts = []
        if size is not None:
            parts.append(self.tr("Size {size}").format(size=self.page.size_word(size)))
        if color is not None:
            parts.append(self.page.color_word(color))
        show_text(self.choice, " · ".join(parts))
        self.choice.setVisible(bool(parts))

    def _still_to_choose(self) -> str:
        missing = self.page.still_to_choose(self.chosen_size, self.chosen_color)
        return {(True, True): self.tr("Choose a size and a colour"),
                (True, False): self.tr("Choose a size"),
                (False, True): self.tr("Choose a colour")}.get(missing, "")

    def _figure_is_current(self, variant: VariantOption) -> bool:
        max_age = timedelta(minutes=self._context.config.stock_max_age_minutes)
        return bool(variant.taken_at) and is_current(
            variant.taken_at, self._context.clock.now(), max_age)

    def _show_similar(self, wanted: bool) -> None:
        shown = wanted and bool(self.similar)
        self.similar_title.setVisible(shown)
        self.similar_list.setVisible(shown)

    def _show_order_state(self) -> None:
        variant, page = self.variant, self.page
        if page is None:
            return
        if variant is None:
            # The main action stays in sight and leads to what is still to choose.
            show_text(self.order_button, self._still_to_choose())
            self.decision_bar.set_action_style("PrimaryButton")
            self.order_button.setVisible(bool(page.variants))
            self.decision_bar.lay_out(self.width())
            return
        self.order_button.setVisible(True)
        in_basket = self._context.session.basket.quantity_of(variant.sku) > 0
        words = (self.tr("In your basket · view") if in_basket
                 else self.tr("Deliver to my home"))
        show_text(self.order_button, words)
        self.decision_bar.set_action_style("PrimaryButton" if not variant.in_stock_here
                                           else "ProductAction")
        self.decision_bar.lay_out(self.width())

    def _show_compare_state(self) -> None:
        in_tray = self._product_id in self._context.session.compare
        self.compare_button.setChecked(in_tray)
        words = self.tr("In comparison") if in_tray else self.tr("Add to compare")
        self.compare_button.setText(f"✓ {words}" if in_tray else words)
        self.compare_button.setAccessibleName(words)

    # --- the shopper's taps -----------------------------------------------------------

    def _on_color_chosen(self, color: str) -> None:
        self._choose(*self.page.choose_color(self.chosen_size, color))

    def _on_size_chosen(self, size: str) -> None:
        self._choose(*self.page.choose_size(size, self.chosen_color))

    def _on_other_stores(self) -> None:
        if self.variant is not None:
            self._context.navigator.open_stores(self.variant.sku)

    def _on_back_in_stock(self) -> None:
        variant = self.variant
        if variant is not None:
            words = " · ".join(part for part in (self.page.name, variant.size, variant.color)
                               if part)
            self._context.navigator.open_back_in_stock(variant.sku, words)

    def _on_reserve_here(self) -> None:
        if self.variant is not None:
            config = self._context.config
            self._context.navigator.open_reservation(self.variant.sku, config.store_id,
                                                     config.store_name or config.store_id)

    def _on_order_clicked(self) -> None:
        """One of this variant goes in the basket (unless it is there), then the basket."""
        page, variant, session = self.page, self.variant, self._context.session
        if page is None:
            return
        if variant is None:        # the button asks for a size or colour: show where
            missing = self.sizes if self.chosen_size is None and page.sizes else self.colors
            self.scroll.ensureWidgetVisible(missing)
            return
        if session.basket.quantity_of(variant.sku) == 0:
            change = session.add_to_basket(page.basket_line(variant))
            if message := limit_message(change, self._context):
                self._context.navigator.notify(message)
                return
        self._show_order_state()
        self._context.navigator.open_basket()

    def _on_similar_tapped(self, index) -> None:
        self._context.navigator.open_product(self.similar_model.card(index.row()).id)

    def _on_compare_clicked(self) -> None:
        session = self._context.session
        if self._product_id in session.compare:
            session.remove_from_compare(self._product_id)
        elif session.add_to_compare(self._product_id) is TrayAdd.FULL:
            self._context.navigator.notify(self.tr(
                "You can compare up to %n products. Remove one from the comparison "
                "to add this one.", "", MAX_COMPARED))
        self._show_compare_state()

    def product_url(self) -> str:
        template = self._context.config.product_url_template
        return template.format(sku=quote(self.page.sku, safe="")) if self.page else ""

    def _show_phone_panel(self) -> None:
        self.phone_panel.show_url(self.product_url())

    # --- what the app asks of a screen -----------------------------------------------

    def title(self) -> str:
        if self.page is not None:
            return self.page.name
        return self._status_texts()[self.status.state]

    def focus_order(self) -> list[QWidget]:
        if self.page is None:
            return []
        # From the top of the page down, then the bar at its foot.
        controls = (self.gallery, self.colors, self.sizes, self.other_stores,
                    self.back_in_stock, self.reserve_here, self.similar_list, self.phone_button,
                    self.compare_button, self.order_button)
        return [control for control in controls if not control.isHidden()]

    def retranslate(self) -> None:
        self.color_title.setText(self.tr("Colour"))
        self.size_title.setText(self.tr("Size"))
        self.similar_title.setText(self.tr("Available here instead"))
        self.description_title.setText(self.tr("Description"))
        self.attributes_title.setText(self.tr("Details"))
        for label in (self.color_title, self.size_title, self.similar_title,
                      self.description_title, self.attributes_title):
            label.setAccessibleName(label.text())
        show_text(self.other_stores, self.tr("Other stores"))
        show_text(self.back_in_stock, self.tr("Tell me when it's back"))
        config = self._context.config
        self.reserve_here.set_text(self.tr("Reserve at %1").replace(
            "%1", config.store_name or config.store_id))
        self.decision_bar.setAccessibleName(self.tr("Your choice"))
        show_text(self.phone_button, self.tr("See it on your phone"))
        self.similar_list.setAccessibleName(self.tr("Available here instead"))
        self.gallery.setAccessibleName(self.tr("Pictures of the product"))
        self._show_compare_state()
        if self.page is not None:
            self._show_page()
            self._choose(self.chosen_size, self.chosen_color)
        self._fit_gallery()         # the buttons' words in the new language

    def set_formatter(self, formatter: Formatter) -> None:
        self._formatter = formatter
        self.similar_model.set_formatter(formatter)
        self.similar_delegate.set_formatter(formatter)
        if self.page is not None:
            self._choose(self.chosen_size, self.chosen_color)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_landscape(self.width() > self.height())
        self._fit_gallery()
        self.decision_bar.lay_out(self.width())
        self.phone_panel.setGeometry(self.rect())

