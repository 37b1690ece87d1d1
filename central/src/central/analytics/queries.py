"""What the dashboard shows, summed in the database from the count tables.

Every panel is a list of flat rows, the same for the page, the JSON API and the CSV
files. Averages are divided in SQL, in double precision on both databases, so SQLite and
PostgreSQL give the same figures to the last bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Float, case, cast, func, select
from sqlalchemy.orm import Session

from central.analytics import customer_figures
from central.analytics.labels import reason_label, reason_polarity
from central.analytics.local_time import week_of
from central.db import models

# A day-of-week and hour needs this many ratings before it can be a best or worst moment.
MIN_MOMENT_RATINGS = 5
MOMENTS_SHOWN = 3
ZERO_RESULTS_SHOWN = 20
ZERO_RESULTS_EXPORTED = 1000
MAX_RANGE_DAYS = 366
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)
FUNNEL_STEPS = ("sessions", "searches", "zero_result_searches", "product_views", "orders")
_FUNNEL_TYPES = {"session_start": ("sessions",), "search": ("searches",),
                 "zero_result_search": ("searches", "zero_result_searches"),
                 "product_view": ("product_views",), "order_placed": ("orders",)}
PANELS = ("stores", "heatmap", "moments", "trend", "reasons", "funnel", "zero_results",
          "reservations", "alerts")


class FilterProblem(StrEnum):
    """Why a range of days cannot be shown: a code that each page says in its language."""

    END_BEFORE_START = "end_before_start"
    RANGE_TOO_LONG = "range_too_long"
    OUT_OF_BOUNDS = "out_of_bounds"
    UNREADABLE_DATE = "unreadable_date"


# What the JSON API answers for each problem.
FILTER_PROBLEM_MESSAGES = {
    FilterProblem.END_BEFORE_START: "the end date is before the start date",
    FilterProblem.RANGE_TOO_LONG: f"a range is at most {MAX_RANGE_DAYS} days",
    FilterProblem.OUT_OF_BOUNDS: f"dates are from {EARLIEST} to {LATEST}",
    FilterProblem.UNREADABLE_DATE: "unreadable date",
}


class BadFilters(ValueError):
    def __init__(self, problem: FilterProblem) -> None:
        super().__init__(FILTER_PROBLEM_MESSAGES[problem])
        self.problem = problem


@dataclass(frozen=True)
class Filters:
    start: date
    end: date                       # inclusive
    store_id: str | None = None
    include_misuse: bool = False

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise BadFilters(FilterProblem.END_BEFORE_START)
        if (self.end - self.start).days >= MAX_RANGE_DAYS:
            raise BadFilters(FilterProblem.RANGE_TOO_LONG)
        if self.start < EARLIEST or self.end > LATEST:
            raise BadFilters(FilterProblem.OUT_OF_BOUNDS)


def filters_from_text(start: str | None, end: str | None, store_id: str | None,
                      include_misuse: bool, today: date) -> Filters:
    """Filters from a form's fields: no end is today, no start four weeks before the end."""
    try:
        last = date.fromisoformat(end) if end else today
        first = date.fromisoformat(start) if start else last - timedelta(days=27)
    except (ValueError, OverflowError):
        raise BadFilters(FilterProblem.UNREADABLE_DATE) from None
    return Filters(first, last, store_id, include_misuse)


def default_filters(today: date) -> Filters:
    """The last four full weeks and today."""
    return Filters(start=today - timedelta(days=27), end=today)


def dashboard(session: Session, filters: Filters,
              zero_results_limit: int = ZERO_RESULTS_SHOWN) -> dict[str, Any]:
    names = store_names(session)
    moments = moment_cells(session, filters)
    return {
        "stores": stores(session, filters, names),
        "heatmap": heatmap(session, filters),
        "moments": moments,
        "moment_min_ratings": moment_threshold(moments),
        "best_moments": best_moments(moments),
        "worst_moments": worst_moments(moments),
        "trend": trend(session, filters),
        "reasons": reasons(session, filters),
        "funnel": funnel(session, filters, names),
        "zero_results": zero_results(session, filters, zero_results_limit),
        "reservations": customer_figures.reservations(session, filters, names, _store_ids),
        "alerts": customer_figures.alerts(session, filters, names, _store_ids),
    }


def panel(session: Session, filters: Filters, name: str) -> list[dict[str, Any]]:
    """One panel's rows, for its CSV file."""
    if name == "stores":
        return stores(session, filters, store_names(session))
    if name == "funnel":
        return funnel(session, filters, store_names(session))
    if name == "zero_results":
        return zero_results(session, filters, ZERO_RESULTS_EXPORTED)
    if name in ("reservations", "alerts"):
        figures = getattr(customer_figures, name)
        return figures(session, filters, store_names(session), _store_ids)
    return {"heatmap": heatmap, "moments": moment_cells, "trend": trend,
            "reasons": reasons}[name](session, filters)


def store_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(models.Store.id, models.Store.name)).all())


def _ratings(filters: Filters, *columns):
    table = models.RatingCount
    query = select(*columns).where(table.day >= filters.start, table.day <= filters.end)
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    if not filters.include_misuse:
        query = query.where(table.misuse.is_(False))
    return query


def _total_and_average(table) -> tuple:
    total = func.sum(table.count)
    average = cast(func.sum(table.score * table.count), Float) / cast(total, Float)
    return total.label("ratings"), average.label("average")


def _average(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def stores(session: Session, filters: Filters, names: dict[str, str]) -> list[dict[str, Any]]:
    table = models.RatingCount
    by_score = [func.sum(case((table.score == score, table.count), else_=0))
                for score in (1, 2, 3, 4)]
    rows = {row[0]: row[1:] for row in session.execute(
        _ratings(filters, table.store_id, *_total_and_average(table), *by_score)
        .group_by(table.store_id))}
    # Bursts are counted whether or not they are included, so that they can be seen.
    flagged_query = select(table.store_id, func.sum(table.count)).where(
        table.day >= filters.start, table.day <= filters.end, table.misuse.is_(True))
    if filters.store_id is not None:
        flagged_query = flagged_query.where(table.store_id == filters.store_id)
    flagged = dict(session.execute(flagged_query.group_by(table.store_id)).all())
    ids = _store_ids(filters, names, rows, flagged)
    result = []
    for store_id in ids:
        total, average, *scores = rows.get(store_id, (0, None, 0, 0, 0, 0))
        result.append({"store_id": store_id, "store": names.get(store_id, store_id),
                       "ratings": int(total or 0), "average_score": _average(average),
                       **{f"score_{n}": int(v or 0) for n, v in zip((1, 2, 3, 4), scores,
                                                                     strict=True)},
                       "flagged_misuse": int(flagged.get(store_id, 0))})
    return result


def _store_ids(filters: Filters, names: dict[str, str], *seen: dict) -> list[str]:
    if filters.store_id is not None:
        return [filters.store_id]
    ids = set(names)
    for found in seen:
        ids.update(found)
    return sorted(ids, key=lambda store_id: (names.get(store_id, store_id).lower(), store_id))


def heatmap(session: Session, filters: Filters) -> list[dict[str, Any]]:
    table = models.RatingCount
    rows = session.execute(_ratings(filters, table.store_id, table.hour,
                                    *_total_and_average(table))
                           .group_by(table.store_id, table.hour)
                           .order_by(table.store_id, table.hour))
    return [{"store_id": store_id, "hour": hour, "ratings": int(total),
             "average_score": _average(average)} for store_id, hour, total, average in rows]


def moment_cells(session: Session, filters: Filters) -> list[dict[str, Any]]:
    table = models.RatingCount
    rows = session.execute(_ratings(filters, table.dow, table.hour, *_total_and_average(table))
                           .group_by(table.dow, table.hour).order_by(table.dow, table.hour))
    return [{"day_of_week": dow, "hour": hour, "ratings": int(total),
             "average_score": _average(average)} for dow, hour, total, average in rows]


def moment_threshold(cells: list[dict[str, Any]]) -> int:
    """Ratings a cell needs to be ranked: at least MIN_MOMENT_RATINGS, and a quarter of
    the average cell, so that a quiet hour's few ratings do not top the list."""
    if not cells:
        return MIN_MOMENT_RATINGS
    average = sum(c["ratings"] for c in cells) / len(cells)
    return max(MIN_MOMENT_RATINGS, int(average / 4))


def best_moments(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    threshold = moment_threshold(cells)
    eligible = [c for c in cells if c["ratings"] >= threshold]
    return sorted(eligible, key=lambda c: (-c["average_score"], -c["ratings"],
                                           c["day_of_week"], c["hour"]))[:MOMENTS_SHOWN]


def worst_moments(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best = {(c["day_of_week"], c["hour"]) for c in best_moments(cells)}
    threshold = moment_threshold(cells)
    eligible = [c for c in cells if c["ratings"] >= threshold
                and (c["day_of_week"], c["hour"]) not in best]
    return sorted(eligible, key=lambda c: (c["average_score"], -c["ratings"],
                                           c["day_of_week"], c["hour"]))[:MOMENTS_SHOWN]


def trend(session: Session, filters: Filters) -> list[dict[str, Any]]:
    table = models.RatingCount
    ratings = {week: (total, average) for week, total, average in session.execute(
        _ratings(filters, table.week, *_total_and_average(table)).group_by(table.week))}
    events = models.EventCount
    sessions_query = select(events.week, func.sum(events.count)).where(
        events.day >= filters.start, events.day <= filters.end,
        events.type == "session_start")
    if filters.store_id is not None:
        sessions_query = sessions_query.where(events.store_id == filters.store_id)
    sessions = dict(session.execute(sessions_query.group_by(events.week)).all())
    result, week = [], week_of(filters.start)
    while week <= filters.end:
        total, average = ratings.get(week, (0, None))
        result.append({"week": week.isoformat(), "ratings": int(total or 0),
                       "average_score": _average(average),
                       "sessions": int(sessions.get(week, 0))})
        week += timedelta(days=7)
    return result


def reasons(session: Session, filters: Filters) -> list[dict[str, Any]]:
    table = models.ReasonCount
    query = select(table.reason, *_total_and_average(table)).where(
        table.day >= filters.start, table.day <= filters.end)
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    if not filters.include_misuse:
        query = query.where(table.misuse.is_(False))
    rows = session.execute(query.group_by(table.reason))
    result = [{"reason": reason, "label_fr": reason_label(reason, "fr"),
               "label_en": reason_label(reason, "en"), "polarity": reason_polarity(reason),
               "ratings": int(total), "average_score": _average(average)}
              for reason, total, average in rows]
    return sorted(result, key=lambda row: (-row["ratings"], row["reason"]))


def funnel(session: Session, filters: Filters, names: dict[str, str]) -> list[dict[str, Any]]:
    table = models.EventCount
    query = select(table.store_id, table.type, func.sum(table.count)).where(
        table.day >= filters.start, table.day <= filters.end,
        table.type.in_(list(_FUNNEL_TYPES)))
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    counts: dict[str, dict[str, int]] = {}
    for store_id, event_type, total in session.execute(
            query.group_by(table.store_id, table.type)):
        steps = counts.setdefault(store_id, dict.fromkeys(FUNNEL_STEPS, 0))
        for step in _FUNNEL_TYPES[event_type]:
            steps[step] += int(total)
    return [{"store_id": store_id, "store": names.get(store_id, store_id),
             **counts.get(store_id, dict.fromkeys(FUNNEL_STEPS, 0))}
            for store_id in _store_ids(filters, names, counts)]


def zero_results(session: Session, filters: Filters, limit: int) -> list[dict[str, Any]]:
    table = models.ZeroResultCount
    total = func.sum(table.count)
    query = select(table.text, total, func.count(func.distinct(table.store_id))).where(
        table.day >= filters.start, table.day <= filters.end)
    if filters.store_id is not None:
        query = query.where(table.store_id == filters.store_id)
    rows = session.execute(query.group_by(table.text).order_by(total.desc(), table.text)
                           .limit(limit))
    return [{"text": text, "searches": int(count), "stores": int(stores)}
            for text, count, stores in rows]


# The columns of each panel's rows, in order: the CSV files' headers, even when empty.
PANEL_COLUMNS = {
    "stores": ("store_id", "store", "ratings", "average_score", "score_1", "score_2",
               "score_3", "score_4", "flagged_misuse"),
    "heatmap": ("store_id", "hour", "ratings", "average_score"),
    "moments": ("day_of_week", "hour", "ratings", "average_score"),
    "trend": ("week", "ratings", "average_score", "sessions"),
    "reasons": ("reason", "label_fr", "label_en", "polarity", "ratings", "average_score"),
    "funnel": ("store_id", "store", *FUNNEL_STEPS),
    "zero_results": ("text", "searches", "stores"),
    **customer_figures.COLUMNS,
}
