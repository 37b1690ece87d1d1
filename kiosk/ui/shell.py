"""The frame every shopper screen lives in: top bar, navigation stack, attract screen.

Screens are pushed onto a stack; Back pops one, Home returns to the first. Between
shoppers the attract screen covers everything, and a new session starts from a fresh
home screen, so nothing a previous shopper typed or chose survives. The frame also knows
which way the window is turned, and lays out every screen it holds that way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kinetic import enable_kinetic_scrolling
from kiosk_contract.reach import ScreenMounting

if TYPE_CHECKING:
    from kiosk.ui.widgets.accessibility_menu import AccessibilityBar

# Each language is offered in its own words, whatever the current language.
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}

# Below this height (at the type's scale: 1,000 px at 1x, 2,000 px at 2x) the bars around
# the screens take their compact form, which leaves the screens the room large type needs.
COMPACT_BELOW_PX = 1000


@runtime_checkable
class Compacting(Protocol):
    """A bar around the screens with a compact form: shorter, its buttons still whole
    touch targets, every control kept with its name."""

    def set_compact(self, compact: bool) -> None: ...


def mark_compact(bar: QWidget, compact: bool) -> None:
    """Give `bar` and all it holds the style sheet's compact rules (`[compact="true"]`),
    or take them back."""
    if bool(bar.property("compact")) == compact:
        return
    bar.setProperty("compact", compact)
    for widget in (bar, *bar.findChildren(QWidget)):
        # A rule that follows a property is only read again when the widget is polished.
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.updateGeometry()


class StoreName(QLabel):
    """The store's name: whole, wrapped onto a second line if need be; in a compact bar,
    one line that ends in "…" where the room is short (read aloud whole all the same)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, objectName="StoreName")
        self._name = name
        self.setAccessibleName(name)
        self.setWordWrap(True)   # a long name takes two lines in large type
        self._eliding = False

    def set_eliding(self, eliding: bool) -> None:
        if eliding == self._eliding:
            return
        self._eliding = eliding
        self.setSizePolicy(QSizePolicy.Policy.Ignored if eliding
                           else QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setWordWrap(not eliding)      # after the policy: it sets its height-for-width
        self._show_name()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._eliding:
            self._show_name()

    def _show_name(self) -> None:
        if not self._eliding:
            self.setText(self._name)
            return
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        text = metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        # The elided text can come out a pixel or two wider than asked (its last letters'
        # bearings): shorten it until it really fits, or show nothing.
        while text and metrics.horizontalAdvance(text) > room:
            text = text[:-2] + "…" if len(text) > 1 else ""
        self.setText(text)


class TopBar(Retranslating, Restyling, QWidget):
    back_requested = Signal()
    home_requested = Signal()
    basket_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, theme: Theme, store_name: str, languages: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back_button = QPushButton(objectName="TopBarButton")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button = QPushButton(objectName="TopBarButton")
        self.home_button.clicked.connect(self.home_requested)
        self.store_label = StoreName(store_name)
        # Shown only while the shopper has something to be delivered.
        self.basket_button = QPushButton(objectName="TopBarButton")
        self.basket_button.clicked.connect(self.basket_requested)
        self.basket_button.hide()
        self._basket_count = 0

        # One row; or, where it is too narrow (a portrait screen at 1.5x), the store's name
        # and the languages on a second row under the other buttons (_place_second_row).
        # Compact (large type where height is short), always one row, the name shortened.
        self._compact = False
        layout = QVBoxLayout(self)
        self._row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        layout.addLayout(self._row)
        layout.addLayout(self._second_row)
        self.restyle(theme)
        self._row.addWidget(self.back_button)
        self._row.addWidget(self.home_button)
        self._row.addWidget(self.store_label, 1)
        self._row.addWidget(self.basket_button)
        self.language_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for index, code in enumerate(languages):
            button = QPushButton(LANGUAGE_NAMES[code], objectName="LanguageButton")
            button.setAccessibleName(LANGUAGE_NAMES[code])
            group.addButton(button, index)
            self._row.addWidget(button)
            self.language_buttons[code] = button
        group.idClicked.connect(self._on_language_clicked)
        self._languages = languages
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        vertical = theme.spacing // (4 if self._compact else 2)
        side = theme.spacing // (2 if self._compact else 1)
        self.layout().setContentsMargins(side, vertical, side, vertical)
        self.layout().setSpacing(theme.spacing // 2)
        self._row.setSpacing(side)
        self._second_row.setSpacing(side)

    def set_compact(self, compact: bool) -> None:
        if compact == self._compact:
            return
        self._compact = compact
        mark_compact(self, compact)
        self.restyle(self._theme)
        self.store_label.set_eliding(compact)
        self._place_second_row()

    def _on_language_clicked(self, index: int) -> None:
        self.language_requested.emit(self._languages[index])

    def retranslate(self) -> None:
        self.back_button.setText("‹ " + self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.home_button.setText(self.tr("Home"))
        self.home_button.setAccessibleName(self.tr("Home"))
        self.show_basket_count(self._basket_count)

    def show_basket_count(self, count: int) -> None:
        self._basket_count = count
        self.basket_button.setText(self.tr("Basket (%n)", "", count))
        self.basket_button.setAccessibleName(self.tr("Basket, %n item(s)", "", count))
        self.basket_button.setVisible(count > 0)

    def minimumSizeHint(self) -> QSize:
        # The name and the languages go under the other buttons rather than widen the window.
        navigation = [self.back_button, self.home_button, self.basket_button]
        if self._compact:       # one row, the name as short as need be
            return QSize(self._row_width([*navigation, *self.language_buttons.values()]),
                         super().minimumSizeHint().height())
        below = [self.store_label, *self.language_buttons.values()]
        return QSize(max(self._row_width(navigation), self._row_width(below)),
                     super().minimumSizeHint().height())

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._place_second_row()      # a button came or went, or the width changed
        return super().event(event)

    def _row_width(self, widgets: list[QWidget]) -> int:
        shown = [widget for widget in widgets if not widget.isHidden()]
        for widget in shown:
            # A button just shown has not taken the style sheet's type yet: measured
            # before, it seems narrower, and the bar would change rows at the next press.
            widget.ensurePolished()
        margins = self.layout().contentsMargins()
        return (margins.left() + margins.right() + self._row.spacing() * (len(shown) - 1)
                + sum(widget.minimumSizeHint().width() for widget in shown))

    def _place_second_row(self) -> None:
        row = [self.back_button, self.home_button, self.store_label, self.basket_button,
               *self.language_buttons.values()]
        beside = self._compact or self.width() >= self._row_width(row)
        if beside == (self._row.indexOf(self.store_label) >= 0):
            return
        for widget in (self.store_label, *self.language_buttons.values()):
            (self._second_row if beside else self._row).removeWidget(widget)
        if beside:
            self._row.takeAt(2)           # the gap kept in the name's place
            self._row.insertWidget(2, self.store_label, 1)
            for button in self.language_buttons.values():
                self._row.addWidget(button)
        else:
            self._row.insertStretch(2, 1)
            self._second_row.addWidget(self.store_label, 1)
            for button in self.language_buttons.values():
                self._second_row.addWidget(button)

    def show_language(self, code: str) -> None:
        # Only the languages one can switch to are offered, each named in itself: the
        # bar stays short enough for large type on a portrait screen.
        # Hide before showing: with both shown for a moment, the bar would ask for more
        # width than a portrait screen in large type has, and the window would grow.
        self.language_buttons[code].hide()
        for language, button in self.language_buttons.items():
            button.setVisible(language != code)


class ShownPageStack(QStackedWidget):
    """A stack that asks for no more room than the page it shows: a page underneath (the
    attract screen under a session, a screen under the one on top) is laid out again when
    it comes back, and its needs in large type must not crowd out the page in sight (in
    reach mode, push the accessibility button below the band)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize())


class KioskShell(Retranslating, Restyling, QWidget):
    def __init__(self, theme: Theme, top_bar: TopBar, attract: Screen,
                 orientation: str = "auto", mounting: ScreenMounting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._orientation = orientation
        self._theme = theme
        # Reach mode (EN 301 549, 8.3): everything keeps to the rows a shopper reaches,
        # from how the screen stands (left out, the screen counts as wholly in reach).
        self._mounting = mounting
        self.reach = False
        # True when the window is wider than tall (or the config says landscape).
        self.landscape = orientation == "landscape"
        self.setObjectName("KioskShell")
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet(theme.style_sheet())
        self.top_bar = top_bar
        self.attract = attract
        attract.set_landscape(self.landscape)
        self.screens = ShownPageStack()
        session = QWidget()
        session_layout = QVBoxLayout(session)
        session_layout.setContentsMargins(0, 0, 0, 0)
        session_layout.setSpacing(0)
        session_layout.addWidget(top_bar)
        session_layout.addWidget(self.screens, 1)
        self._session_layout = session_layout
        self.footer: QWidget | None = None
        # The footer sits in a slot of its own, so that a screen can do without it (the
        # checkout: the compare tray has no place there, and the keyboard needs the room)
        # while the footer still decides for itself whether it has anything to show.
        self._footer_slot = QWidget(objectName="FooterSlot")
        self._footer_layout = QVBoxLayout(self._footer_slot)
        self._footer_layout.setContentsMargins(0, 0, 0, 0)
        session_layout.addWidget(self._footer_slot)
        self.layers = ShownPageStack()
        self.layers.addWidget(attract)
        self.layers.addWidget(session)
        self._session = session
        # Everything but the reach note, in one piece: in reach mode, a band shorter than it
        # (large type) scrolls it, rather than the window growing past the screen.
        self._content = QWidget(objectName="ShellContent")
        layout = self._content_layout = QVBoxLayout(self._content)
        layout.setContentsMargins(0, 0, 0, 0)
        # Named before it has a parent: made under the styled window, its scroll bar takes
        # the sheet's rules before the name that picks its slim form.
        self._reach_scroller = QScrollArea(objectName="ReachScroller")
        self._reach_scroller.setParent(self)
        self._reach_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self._reach_scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._reach_scroller.setWidgetResizable(True)
        self._reach_scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Its bar says there is more below; the finger slides it, as every other list.
        enable_kinetic_scrolling(self._reach_scroller.viewport())
        self._reach_scroller.hide()
        # The content, and after it the accessibility bar: out of what the reach band
        # scrolls, the accessibility button stays in the band on every screen.
        outer = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._content)
        layout.addWidget(self.layers)
        self._accessibility_bar: AccessibilityBar | None = None
        # What stands above the reach band in reach mode: a word to look lower down.
        self.reach_note = QLabel(self, objectName="ReachNote")
        self.reach_note.setWordWrap(True)
        self.reach_note.setAlignment(Qt.AlignmentFlag.AlignHCenter
                                     | Qt.AlignmentFlag.AlignBottom)
        self.reach_note.setContentsMargins(theme.spacing * 2, theme.spacing * 2,
                                           theme.spacing * 2, theme.spacing * 2)
        self.reach_note.hide()
        self.retranslate()
        top_bar.back_requested.connect(self.back)
        top_bar.home_requested.connect(self.home)
        self._update_navigation()

    # --- navigation -------------------------------------------------------------------

    def push(self, screen: QWidget) -> None:
        if isinstance(screen, Screen):
            screen.set_landscape(self.landscape)
            screen.title_changed.connect(self.name_screens)   # a product's name, once read
        self.screens.addWidget(screen)
        self.screens.setCurrentWidget(screen)
        self._update_navigation()

    def back(self) -> None:
        if self.screens.count() > 1:
            self._drop(self.screens.widget(self.screens.count() - 1))
        self._update_navigation()

    def home(self) -> None:
        while self.screens.count() > 1:
            self._drop(self.screens.widget(self.screens.count() - 1))
        self._update_navigation()

    def open_screens(self) -> list[Screen]:
        """The screens on the stack, from the first (home) to the one on top."""
        stacked = (self.screens.widget(index) for index in range(self.screens.count()))
        return [screen for screen in stacked if isinstance(screen, Screen)]

    def current_screen(self) -> QWidget | None:
        return self.screens.currentWidget() if self.showing_session() else self.attract

    def showing_session(self) -> bool:
        return self.layers.currentWidget() is self._session

    def show_session(self) -> None:
        self.layers.setCurrentWidget(self._session)

    def show_attract(self) -> None:
        """End the session: every screen above the first is destroyed, so whatever a
        shopper typed or chose there goes with it; the first (home) holds nothing of theirs."""
        while self.screens.count() > 1:
            self._drop(self.screens.widget(self.screens.count() - 1))
        self._update_navigation()
        self.layers.setCurrentWidget(self.attract)

    def set_footer(self, footer: QWidget) -> None:
        """What stays under every screen of a session (the compare tray), replaced whole
        with the session."""
        if self.footer is not None:
            self.footer.hide()
            self._footer_layout.removeWidget(self.footer)
            self.footer.deleteLater()
        self.footer = footer
        self._footer_layout.addWidget(footer)
        self._fit_bars()

    def set_accessibility_bar(self, bar: AccessibilityBar) -> None:
        """The accessibility button's bar, low on every screen, the attract screen
        included: under the screens on a tall window, beside them on a wide one."""
        self._accessibility_bar = bar
        self._place_accessibility_bar()
        self._fit_bars()

    def _place_accessibility_bar(self) -> None:
        bar = self._accessibility_bar
        if bar is None:
            return
        outer = self.layout()
        outer.removeWidget(bar)
        bar.set_landscape(self.landscape)
        # Beside the screens on a wide window, under them on a tall one.
        outer.setDirection(QBoxLayout.Direction.LeftToRight if self.landscape
                           else QBoxLayout.Direction.TopToBottom)
        outer.setSpacing(0 if self.landscape else self._content_layout.spacing())
        outer.addWidget(bar)

    def _drop(self, screen: QWidget) -> None:
        self.screens.removeWidget(screen)
        screen.deleteLater()

    def name_screens(self) -> None:
        """Each screen's title is its accessible name: renamed whenever the stack changes
        (a title may have changed with what the screen shows) and after a language change."""
        for screen in (self.attract, *self.open_screens()):
            screen.setAccessibleName(screen.title())

    # --- large type ---------------------------------------------------------------------

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self._fit_bars()

    def _fit_bars(self) -> None:
        """The bars around the screens in their compact form where large type leaves the
        screens short of height (the window, or in reach mode the band, is what there is).
        At the usual size their buttons are already the least touch target."""
        theme = self._theme
        compact = theme.scale > 1 and self.contentsRect().height() < theme.px(COMPACT_BELOW_PX)
        for bar in (self.top_bar, self.footer, self._accessibility_bar):
            if isinstance(bar, Compacting):
                bar.set_compact(compact)

    # --- reach mode ---------------------------------------------------------------------

    def set_reach(self, on: bool) -> None:
        """Reach mode on: the attract screen and the session (top bar, screens, footer)
        keep to the band of the screen between 380 and 1,220 mm above the floor; above it
        is a note saying so, below it nothing. Where the whole screen is in reach, nothing
        changes. The overlays placed on the window keep to its contents rect."""
        self.reach = on
        self._fit_to_reach()

    def reachable_rows(self) -> tuple[int, int]:
        """The window's first row in reach and the first one below them."""
        if self._mounting is None:
            return 0, self.height()
        return self._mounting.reachable_rows(self.height())

    def _fit_to_reach(self) -> None:
        first, end = self.reachable_rows() if self.reach else (0, self.height())
        within_band = (first, end) != (0, self.height())
        # The content scrolls before the band narrows, and stops after it widens: with
        # the whole content's height and the margins at once, the window would grow.
        if within_band:
            self._scroll_within_band(True)
        self.setContentsMargins(0, first, 0, self.height() - end)
        self._fit_bars()
        if not within_band:
            self._scroll_within_band(False)
        self.layout().activate()
        note = self.reach_note
        note.setGeometry(0, 0, self.width(), first)
        note.setVisible(first > 0 and note.heightForWidth(self.width()) <= first)

    def _scroll_within_band(self, on: bool) -> None:
        scroller, outer = self._reach_scroller, self.layout()
        if on == (scroller.widget() is self._content):
            return
        if on:
            outer.removeWidget(self._content)
            scroller.setWidget(self._content)
            outer.insertWidget(0, scroller)
            scroller.show()
        else:
            scroller.takeWidget()
            scroller.hide()
            outer.removeWidget(scroller)
            outer.insertWidget(0, self._content)
            self._content.show()
        # Under what the app lays over the screens (notices, the accessibility panel): a
        # widget given back to the window would come above them.
        (scroller if on else self._content).lower()

    def retranslate(self) -> None:
        self.reach_note.setText(self.tr("Everything is lower down, within reach."))
        self.reach_note.setAccessibleName(self.reach_note.text())

    def _update_navigation(self) -> None:
        deeper = self.screens.count() > 1
        self.top_bar.back_button.setEnabled(deeper)
        self.top_bar.home_button.setEnabled(deeper)
        current = self.screens.currentWidget()
        self._footer_slot.setHidden(isinstance(current, Screen) and current.hides_footer)
        self.name_screens()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.reach:
            self._fit_to_reach()
        else:
            self._fit_bars()
        if self._orientation == "auto":
            landscape = self.width() > self.height()
            if landscape != self.landscape:
                self.landscape = landscape
                self.attract.set_landscape(landscape)
                for screen in self.open_screens():
                    screen.set_landscape(landscape)
                self._place_accessibility_bar()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A shopper cannot close the kiosk; the application ends it with exit().
        event.ignore()
