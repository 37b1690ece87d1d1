"""The accessibility button, low on every screen, and the panel of choices it opens.

The button stands in a bar of its own under every screen, the attract screen included,
so that it covers nothing of a screen and is always in the same place: the symbol of
accessibility and its name in words. The panel offers speech, larger text in three steps,
high contrast, reach mode, more time, and speech rate and volume; each choice is written
in words (on, off, the size chosen), never told by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.accessibility import SPEECH_STEP, TEXT_SCALES, AccessibilityChoices
from kiosk.ui.accessibility import AccessibilityCoordinator
from kiosk.ui.formatting import Formatter
from kiosk.ui.restyling import Restyling
from kiosk.ui.retranslating import Retranslating
from kiosk.ui.shell import KioskShell, mark_compact
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.icons import accessibility_pixmap
from kiosk.ui.widgets.kinetic import finger_scroll_area
from kiosk.ui.widgets.text import show_text, wrapped_label
from kiosk.ui.widgets.toggle import act_on_toggle


class AccessibilityButton(Retranslating, Restyling, QToolButton):
    """The symbol and the word, the word beside the symbol or (in a narrow column) under
    it; the symbol is drawn in the button's own text colour, so it follows the theme (high
    contrast included)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccessibilityButton")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)     # as every other button
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.compact = False
        self.restyle(theme)
        self.retranslate()

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        # In a compact bar the symbol is as tall as a line and a half of the word.
        self._symbol_size = theme.body * 3 // 2 if self.compact else theme.px(44)
        self._gap = theme.spacing // 2      # between the symbol and the word beside it
        self._draw_symbol()

    def set_word_under_symbol(self, under: bool) -> None:
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon if under
                                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._draw_symbol()

    def retranslate(self) -> None:
        self.setText(self.tr("Accessibility"))
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(self.tr("Speech, larger text, high contrast, controls "
                                              "within reach, more time"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._draw_symbol()

    def showEvent(self, event) -> None:
        self._draw_symbol()
        super().showEvent(event)

    def _draw_symbol(self) -> None:
        size = self._symbol_size
        beside = self.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        icon = QPixmap(size + (self._gap if beside else 0), size)
        icon.fill(Qt.GlobalColor.transparent)
        painter = QPainter(icon)
        painter.drawPixmap(0, 0, accessibility_pixmap(
            size, self.palette().color(QPalette.ColorRole.ButtonText).name()))
        painter.end()
        self.setIconSize(icon.size())
        self.setIcon(QIcon(icon))


class AccessibilityBar(Restyling, QWidget):
    """The strip that holds the accessibility button: under the screens on a tall window,
    the button in its middle; beside them on a wide one, which has no height to spare,
    the button at its foot."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccessibilityBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.button = AccessibilityButton(theme)
        self._theme = theme
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.addStretch(1)
        self._layout.addWidget(self.button)
        self._layout.addStretch(1)
        self.restyle(theme)

    def set_landscape(self, landscape: bool) -> None:
        self._layout.setDirection(QBoxLayout.Direction.TopToBottom if landscape
                                  else QBoxLayout.Direction.LeftToRight)
        self._layout.setStretch(2, 0 if landscape else 1)
        self.button.set_word_under_symbol(landscape)    # the column no wider than the word
        # ... and no narrower: a screen that asks for much width (the search's keyboard in
        # large type) would leave the word cut.
        across = QSizePolicy.Policy.Fixed if landscape else QSizePolicy.Policy.Preferred
        self.setSizePolicy(across, QSizePolicy.Policy.Preferred)

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        vertical = theme.spacing // (4 if self.button.compact else 2)
        self.layout().setContentsMargins(theme.spacing, vertical, theme.spacing, vertical)

    def set_compact(self, compact: bool) -> None:
        """Compact (large type where height is short): a smaller symbol and margins, the
        button still a whole touch target (the style sheet's compact rule)."""
        if compact == self.button.compact:
            return
        self.button.compact = compact
        self.button.restyle(self._theme)
        self.restyle(self._theme)
        mark_compact(self, compact)


def _toggle() -> QPushButton:
    button = QPushButton(objectName="AccessibilityToggle")
    button.setCheckable(True)
    return button


class _Stepper(Restyling, QWidget):
    """What is set and its value ("Speech volume: 80 %"), then less and more: speech rate
    or volume. The value stands with its name, so that the two buttons share the width."""

    def __init__(self, theme: Theme) -> None:
        super().__init__(objectName="AccessibilityStepper")
        self.value = wrapped_label("AccessibilityHeading")
        self.less = QPushButton(objectName="AccessibilityStep")
        self.more = QPushButton(objectName="AccessibilityStep")
        self._row = QHBoxLayout()
        self._row.addWidget(self.less, 1)
        self._row.addWidget(self.more, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value)
        layout.addLayout(self._row)
        self.restyle(theme)

    def restyle(self, theme: Theme) -> None:
        self._row.setSpacing(theme.spacing)
        self.layout().setSpacing(theme.spacing // 2)

    def name(self, less: str, more: str, value: str) -> None:
        self.value.setText(value)
        self.value.setAccessibleName(value)
        self.less.setText(less)
        self.less.setAccessibleName(less)
        self.more.setText(more)
        self.more.setAccessibleName(more)
        # Said with either button, so that a step is heard with the value it gave.
        for button in (self.less, self.more):
            button.setAccessibleDescription(value)


class AccessibilityPanel(Retranslating, Restyling, QFrame):
    """The choices over the whole window; each tap makes new choices (`chosen`), which are
    shown back once the session holds them (`show_choices`)."""

    chosen = Signal(object)      # the AccessibilityChoices the shopper asked for
    closed = Signal()

    def __init__(self, theme: Theme, formatter: Callable[[], Formatter],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("AccessibilityPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._formatter = formatter
        self.choices = AccessibilityChoices()

        self.heading = QLabel(objectName="PanelTitle")
        self.intro = wrapped_label("Hint")
        # Each switch acts on being turned, by a tap or an assistive technology's Toggle.
        self.speech = _toggle()
        act_on_toggle(self.speech, lambda: self.choices.speech,
                      lambda on: self._choose(self.choices.with_speech(on)))
        # The size chosen in words beside the heading ("Text size: Large"): the chosen
        # button's colour is not the only sign of it.
        self.text_heading = wrapped_label("AccessibilityHeading")
        self.text_sizes: dict[float, QPushButton] = {}
        sizes = QButtonGroup(self)
        # Wrapped onto lines where the three do not fit side by side (large type).
        sizes_box = QWidget(objectName="AccessibilityStepper")
        sizes_row = self._sizes_row = FlowLayout(sizes_box)
        sizes_row.setContentsMargins(0, 0, 0, 0)
        for scale in TEXT_SCALES:
            button = QPushButton(objectName="AccessibilityToggle")
            button.setCheckable(True)
            act_on_toggle(button,
                          lambda scale=scale: abs(scale - self.choices.text_scale) < 1e-9,
                          lambda on, scale=scale: on and self._choose(
                              self.choices.with_text_scale(scale)))
            sizes.addButton(button)
            sizes_row.addWidget(button)
            self.text_sizes[scale] = button
        self.high_contrast = _toggle()
        act_on_toggle(self.high_contrast, lambda: self.choices.high_contrast,
                      lambda on: self._choose(self.choices.with_high_contrast(on)))
        self.reach = _toggle()
        act_on_toggle(self.reach, lambda: self.choices.reach,
                      lambda on: self._choose(self.choices.with_reach(on)))
        self.more_time = _toggle()
        act_on_toggle(self.more_time, lambda: self.choices.more_time,
                      lambda on: self._choose(self.choices.with_more_time(on)))
        self.rate = _Stepper(theme)
        self.rate.less.clicked.connect(lambda: self._choose(
            self.choices.with_rate(self.choices.speech_rate - SPEECH_STEP)))
        self.rate.more.clicked.connect(lambda: self._choose(
            self.choices.with_rate(self.choices.speech_rate + SPEECH_STEP)))
        self.volume = _Stepper(theme)
        self.volume.less.clicked.connect(lambda: self._choose(
            self.choices.with_volume(self.choices.speech_volume - SPEECH_STEP)))
        self.volume.more.clicked.connect(lambda: self._choose(
            self.choices.with_volume(self.choices.speech_volume + SPEECH_STEP)))
        self.done_button = QPushButton(objectName="PrimaryButton")
        self.done_button.clicked.connect(self.close_panel)

        text_size = QWidget(objectName="AccessibilityStepper")
        text_sizes = self._text_sizes = QVBoxLayout(text_size)
        text_sizes.setContentsMargins(0, 0, 0, 0)
        text_sizes.addWidget(self.text_heading)
        text_sizes.addWidget(sizes_box)
        # Two columns of choices: one under the other on a tall window, side by side on a
        # wide one (which could show only the first few otherwise).
        self._columns: list[QVBoxLayout] = []
        columns = []
        for widgets in ((self.speech, text_size, self.high_contrast),
                        (self.reach, self.more_time, self.rate, self.volume)):
            column = QWidget(objectName="AccessibilityChoices")
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                column_layout.addWidget(widget)
            column_layout.addStretch(1)
            self._columns.append(column_layout)
            columns.append(column)
        self._left, self._right = columns
        choices = QWidget(objectName="AccessibilityChoices")
        grid = self._grid = QGridLayout(choices)
        grid.addWidget(self.intro, 0, 0, 1, 2)
        grid.setRowStretch(3, 1)
        self.landscape: bool | None = None
        self._arrange(landscape=False)
        scroller = self._scroller = finger_scroll_area(choices, "AccessibilityScroller")
        # Under the choices while some are out of sight below them (large type): words
        # saying that the list goes on, and which way to slide it. At the end of the list
        # they leave their room empty, so that nothing jumps under the finger.
        self.more_below = wrapped_label("Hint")
        self.more_below.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.more_below.hide()
        bar = scroller.verticalScrollBar()
        bar.rangeChanged.connect(self._show_more_below)
        bar.valueChanged.connect(self._show_more_below)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.more_below)
        done_row = self._done_row = QHBoxLayout()
        done_row.addWidget(self.done_button)
        layout.addLayout(done_row)
        self.restyle(theme)
        self.retranslate()
        self.hide()
        parent.installEventFilter(self)

    def restyle(self, theme: Theme) -> None:
        gap = theme.spacing * 2
        self._sizes_row.setSpacing(theme.spacing)
        self.done_button.setMinimumHeight(theme.touch_target)
        self._grid.setContentsMargins(gap, 0, gap, 0)
        self._grid.setSpacing(gap)
        self._text_sizes.setSpacing(theme.spacing // 2)
        for column in self._columns:
            column.setSpacing(gap)
        self.layout().setContentsMargins(0, gap, 0, gap)
        self.layout().setSpacing(gap)
        self._done_row.setContentsMargins(gap, 0, gap, 0)
        self.more_below.setContentsMargins(gap, 0, gap, 0)

    def focus_order(self) -> list[QWidget]:
        return [self.speech, *self.text_sizes.values(), self.high_contrast, self.reach,
                self.more_time, self.rate.less, self.rate.more, self.volume.less,
                self.volume.more, self.done_button]

    def open(self) -> None:
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        # Within the window's contents: in reach mode, the band a shopper reaches.
        area = self.parentWidget().contentsRect()
        self._arrange(landscape=area.width() > area.height())
        self.setGeometry(area)

    def _arrange(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        self.landscape = landscape
        grid = self._grid
        for column in (self._left, self._right):
            grid.removeWidget(column)
        grid.addWidget(self._left, 1, 0, 1, 1 if landscape else 2)
        if landscape:
            grid.addWidget(self._right, 1, 1)
        else:
            grid.addWidget(self._right, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1 if landscape else 0)
        grid.setColumnStretch(0, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window turned, or reach mode changed its contents: the panel follows.
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False

    def _show_more_below(self) -> None:
        bar = self._scroller.verticalScrollBar()
        # Room kept for the words while the list does not fit, none once it does.
        policy = self.more_below.sizePolicy()
        policy.setRetainSizeWhenHidden(bar.maximum() > 0)
        self.more_below.setSizePolicy(policy)
        self.more_below.setVisible(bar.value() < bar.maximum())

    def close_panel(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def show_choices(self, choices: AccessibilityChoices) -> None:
        self.choices = choices
        self.retranslate()
        if self.isVisible():
            self._fit()       # reach mode may have moved the window's contents

    def _choose(self, choices: AccessibilityChoices) -> None:
        # A checkable button flips itself at the tap: it shows the session's choices
        # instead, which the session gives back unless the tap changed nothing.
        self.show_choices(self.choices)
        self.chosen.emit(choices)

    def retranslate(self) -> None:
        choices = self.choices
        self.heading.setText(self.tr("Accessibility"))
        self.heading.setAccessibleName(self.heading.text())
        self.intro.setText(self.tr("What you switch on here stays on until you leave: "
                                   "the next person starts without it."))
        self._show_toggle(self.speech, self.tr("Speech"), choices.speech)
        self._show_toggle(self.high_contrast, self.tr("High contrast"), choices.high_contrast)
        self._show_toggle(self.reach, self.tr("Everything within reach"), choices.reach)
        self._show_toggle(self.more_time, self.tr("More time"), choices.more_time)
        text_size = self.tr("Text size")
        size_names = (self.tr("Standard"), self.tr("Large"), self.tr("Largest"))
        show_text(self.text_heading, text_size)       # a size of the config's own, unnamed
        for (scale, button), name in zip(self.text_sizes.items(), size_names, strict=True):
            button.setText(name)
            button.setAccessibleName(self._labelled(text_size, name))
            chosen = abs(scale - choices.text_scale) < 1e-9
            button.setChecked(chosen)
            button.setAccessibleDescription(self._state(chosen))
            if chosen:
                show_text(self.text_heading, self._labelled(text_size, name))
        self.more_below.setText(self.tr("More choices below: slide the list up"))
        self.more_below.setAccessibleName(self.more_below.text())
        formatter = self._formatter()
        rate_steps = round(choices.speech_rate / SPEECH_STEP)
        rate = self.tr("Normal") if rate_steps == 0 else formatter.locale.toString(rate_steps)
        if rate_steps > 0:
            rate = "+" + rate
        self.rate.name(self.tr("Slower"), self.tr("Faster"),
                       self._labelled(self.tr("Speech rate"), rate))
        volume = self.tr("%1 %").replace("%1", formatter.number(choices.speech_volume * 100))
        self.volume.name(self.tr("Quieter"), self.tr("Louder"),
                         self._labelled(self.tr("Speech volume"), volume))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setAccessibleName(self.done_button.text())
        self.setAccessibleName(self.heading.text())

    def _show_toggle(self, button: QPushButton, name: str, on: bool) -> None:
        state = self._state(on)
        # The state in words, beside the name: the colour of a switched-on toggle is not
        # the only sign of it.
        button.setText(self._labelled(name, state))
        button.setAccessibleName(name)
        button.setAccessibleDescription(state)
        button.setChecked(on)

    def _labelled(self, name: str, value: str) -> str:
        return (self.tr("%1: %2", "a choice and its state or value: 'Speech: On'")
                .replace("%1", name).replace("%2", value))

    def _state(self, on: bool) -> str:
        return self.tr("On") if on else self.tr("Off")


class AccessibilityMenu(QObject):
    """The button under every screen of `window` and its panel, wired to the coordinator:
    the panel shows the current shopper's choices and asks for theirs."""

    def __init__(self, theme: Theme, window: KioskShell, coordinator: AccessibilityCoordinator,
                 formatter: Callable[[], Formatter]) -> None:
        super().__init__(window)
        self._window = window
        self._coordinator = coordinator
        self.bar = AccessibilityBar(theme)
        window.set_accessibility_bar(self.bar)
        self.panel = AccessibilityPanel(theme, formatter, window)
        self.panel.show_choices(coordinator.choices)
        self.bar.button.clicked.connect(self.open)
        self.panel.chosen.connect(coordinator.choose)
        coordinator.applied.connect(self.panel.show_choices)
        coordinator.session_replaced.connect(self.panel.close_panel)

    def open(self) -> None:
        if not self._window.showing_session():
            self._coordinator.start_session()
        self.panel.open()
