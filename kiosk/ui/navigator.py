"""Where every shopper screen is made and opened: the Navigator of kiosk.ui.screens.context.

Adding a screen is one class against `kiosk.ui.screens.base.Screen` and one `open_…`
method below, which makes it for the current shopper and pushes it onto the shell's
stack, where it is laid out for the window's orientation (declare the method
in the `Navigator` protocol too if other screens open it). Each screen's module is
imported when a shopper first opens it, so that the first screen comes up sooner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.core import journey
from kiosk.core.scans import ScanResult, resolve_scan
from kiosk.ui.ratings import RatingRecorder
from kiosk.ui.screens.context import ShopperContext
from kiosk.ui.shell import KioskShell
from kiosk.ui.widgets.notice import Notice

if TYPE_CHECKING:
    from kiosk.core.orders import PlacedOrder
    from kiosk.core.retention import RetentionDays
    from kiosk.ui.live_stock import LiveStock
    from kiosk.ui.sync import SyncService


class ScreenNavigator:
    def __init__(self, window: KioskShell, notice: Notice,
                 context: Callable[[], ShopperContext], ratings: RatingRecorder,
                 sync: Callable[[], SyncService | None],
                 finish_session: Callable[[], None]) -> None:
        self._window = window
        self._notice = notice
        self._context = context          # the current shopper's: a new one each session
        self._ratings = ratings
        self._sync = sync                # None without a central server, or not yet
        self._finish_session = finish_session
        self._live_stock: LiveStock | None = None    # made when a shopper first asks

    # --- one method per screen --------------------------------------------------------

    def open_category(self, path: str) -> None:
        from kiosk.ui.screens.category import CategoryScreen

        self._window.push(CategoryScreen(self._context(), path))

    def open_search(self, text: str = "") -> None:
        from kiosk.ui.screens.search import SearchScreen

        self._window.push(SearchScreen(self._context(), text))

    def open_product(self, product_id: int, variant_sku: str | None = None) -> None:
        from kiosk.ui.screens.product import ProductScreen

        self._window.push(ProductScreen(self._context(), product_id, variant_sku))

    def open_compare(self) -> None:
        from kiosk.ui.screens.compare import CompareScreen

        self._window.push(CompareScreen(self._context()))

    def open_stores(self, variant_sku: str) -> None:
        from kiosk.ui.live_stock import LiveStock
        from kiosk.ui.screens.stores import StoresScreen

        context = self._context()
        if self._live_stock is None:
            self._live_stock = LiveStock(context.runner, context.config, self._known_offline)
        self._window.push(StoresScreen(context, variant_sku, self._live_stock))

    def open_back_in_stock(self, variant_sku: str, item_words: str) -> None:
        from kiosk.ui.screens.back_in_stock import BackInStockScreen

        self._window.push(BackInStockScreen(self._context(), variant_sku, item_words,
                                            self._known_offline, self._retention_days()))

    def takes_alerts(self) -> bool:
        sync = self._sync()
        messages = sync.status.customer_messages if sync is not None else None
        return messages is not None and messages.order_email

    def open_reservation(self, variant_sku: str, store_id: str, store_name: str) -> None:
        from kiosk.ui.screens.reservation import ReservationScreen

        self._window.push(ReservationScreen(self._context(), variant_sku, store_id,
                                            store_name, self._retention_days()))

    def open_basket(self) -> None:
        from kiosk.ui.screens.basket import BasketScreen

        if not isinstance(self._window.current_screen(), BasketScreen):
            self._window.push(BasketScreen(self._context()))

    def open_customer_form(self) -> None:
        from kiosk.ui.screens.customer_form import CustomerFormScreen

        self._window.push(CustomerFormScreen(self._context()))

    def open_review(self) -> None:
        from kiosk.ui.screens.review import ReviewScreen

        self._window.push(ReviewScreen(self._context(), self._retention_days()))

    def _retention_days(self) -> RetentionDays | None:
        """How long the server keeps each kind of customer data, as it last said: what the
        privacy notice and the consent texts state. None: not heard yet, or no server."""
        sync = self._sync()
        return sync.status.retention_days if sync is not None else None

    def show_confirmation(self, order: PlacedOrder) -> None:
        """The basket, the form and the review go: Back leads home, not to the address."""
        from kiosk.ui.screens.confirmation import ConfirmationScreen

        self._window.home()
        sync = self._sync()
        online = sync is not None and sync.status.online
        messages = sync.status.customer_messages if sync is not None else None
        self._window.push(ConfirmationScreen(self._context(), order, online, messages))

    def open_rating(self, at_end: bool = False) -> None:
        from kiosk.ui.screens.rating import RatingScreen

        context = self._context()
        self._window.push(RatingScreen(
            context, self._ratings, at_end=at_end,
            question_timeout_ms=context.config.rating_question_timeout_seconds * 1000))

    # --- moving about, and what else screens ask for ----------------------------------

    def go_back(self) -> None:
        self._window.back()

    def notify(self, message: str) -> None:
        # A notice speaks of the basket, the comparison or the screen as they are: it goes
        # as soon as one of them changes, rather than stay there, no longer true.
        session = self._context().session
        self._notice.show_message(message, until=(session.basket_changed,
                                                  session.compare_changed,
                                                  self._window.screens.currentChanged))

    def order_sent(self) -> None:
        sync = self._sync()
        if sync is not None:
            sync.sync_now()

    def finish_session(self) -> None:
        self._finish_session()

    def open_scanned_code(self, code: str) -> None:
        """The product a scanned code names, with its variant chosen; or a word saying
        the code was misread or is not ours."""
        self._context().catalog.fetch(self._window, lambda conn: resolve_scan(conn, code),
                                      self._on_scan_resolved)

    def _on_scan_resolved(self, result: ScanResult) -> None:
        self._context().journal.record(journey.SCAN, {"known": result.outcome == "found"})
        if result.outcome == "found":
            self.open_product(result.product_id, result.variant_sku)
        elif result.outcome == "misread":
            self.notify(QCoreApplication.translate(
                "KioskApp", "The code could not be read. Please scan it again."))
        else:
            self.notify(QCoreApplication.translate(
                "KioskApp", "We do not know this product. A member of staff can help you."))

    def _known_offline(self) -> bool:
        # Only once sync has tried: before its first round, a live question may well work.
        sync = self._sync()
        return sync is not None and sync.rounds_done > 0 and not sync.status.online

    def close(self) -> None:
        """Let go of the live stock questions' connection (at shutdown)."""
        if self._live_stock is not None:
            self._live_stock.close()
