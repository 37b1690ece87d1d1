"""Today: what shoppers did at this terminal since midnight, from the journal."""

from __future__ import annotations

from kiosk.core.terminal_status import TodayFigures, start_of_local_day, today_figures
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.parts import FiguresPage
from kiosk.ui.widgets.text import show_text


class TodayPage(FiguresPage):
    def __init__(self, context: AdminContext) -> None:
        super().__init__(context)
        self.today: TodayFigures | None = None
        self.retranslate()

    def refresh(self) -> None:
        since = start_of_local_day(self.context.clock.now())
        self.context.catalog.inspect(self, lambda _cache, journal: today_figures(journal, since),
                                     self._on_figures)

    def _on_figures(self, figures: TodayFigures) -> None:
        self.today = figures
        self._show()

    def _show(self) -> None:
        figures = self.today
        if figures is None:
            self.figures.set_rows([(self.tr("Sessions"), self.tr("reading…"))])
            return
        number = self.context.formatter().number
        average = (self.tr("no rating yet") if figures.average_rating is None else
                   self.tr("%1 out of 4").replace("%1", number(
                       figures.average_rating, 2)))
        self.figures.set_rows([
            (self.tr("Sessions"), number(figures.sessions)),
            (self.tr("Searches"), number(figures.searches)),
            (self.tr("Searches that found nothing"),
             number(figures.zero_result_searches)),
            (self.tr("Orders"), number(figures.orders)),
            (self.tr("Ratings"), number(figures.ratings)),
            (self.tr("Average rating"), average),
        ])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today on this terminal"))
        show_text(self.refresh_button, self.tr("Refresh"))
        self._show()
