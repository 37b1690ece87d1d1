"""The dashboard and its login page: server-rendered HTML with inline SVG charts.

No script and nothing fetched: the page works with JavaScript off and on a store's
network with no internet. The markup is in central/templates/dashboard/, which escape
every value they print (store names, search texts, reason codes come from terminals and
the catalog); this module lays the charts out. Charts never rely on colour alone: every
cell and bar has its figure written on it.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from central.analytics import customer_figures
from central.analytics.labels import reason_label, reason_polarity
from central.analytics.page_text import TEXT
from central.analytics.queries import FUNNEL_STEPS, FilterProblem, Filters
from central.page_headers import page_headers
from central.page_templates import render

INK, MUTED, LINK = "#1c1c1c", "#4a4a4a", "#1a4d8f"
STYLE = (
    "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    f"background:#f4f4f1;color:{INK};line-height:1.45}}"
    "main{max-width:76rem;margin:0 auto;padding:1rem}"
    "header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}"
    "header h1{flex:1 1 20rem;font-size:1.4rem;margin:.25rem 0}"
    "h2{font-size:1.1rem;margin:0 0 .5rem}h3{font-size:1rem;margin:.75rem 0 .25rem}"
    "section{background:#fff;border-radius:.5rem;padding:1rem;margin:1rem 0;"
    "box-shadow:0 1px 2px rgba(0,0,0,.12)}"
    f"p.note{{color:{MUTED};font-size:.9rem;margin:.25rem 0 .5rem}}"
    ".scroll{overflow-x:auto}table{border-collapse:collapse;min-width:100%}"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e2e2dd;"
    "vertical-align:middle}th{font-size:.9rem}td.num,th.num{text-align:right;"
    "white-space:nowrap}"
    "form.filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end}"
    "label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem}"
    "label.check{flex-direction:row;align-items:center;gap:.4rem}"
    "input,select,button{font:inherit;padding:.45rem .55rem;border:1px solid #767676;"
    "border-radius:.3rem;background:#fff;color:inherit;min-height:2.5rem}"
    "input[type=checkbox]{min-height:auto;width:1.2rem;height:1.2rem}"
    f"button{{background:{LINK};color:#fff;border-color:{LINK};cursor:pointer}}"
    f"button.quiet{{background:#fff;color:{LINK}}}"
    f"a{{color:{LINK}}}.csv{{font-size:.9rem}}"
    "svg{max-width:100%;height:auto;display:block}svg text{font-family:inherit}"
    # Charts keep their size (and their text its legibility) and scroll on a narrow screen.
    ".scroll svg{max-width:none}th[scope=row]{white-space:nowrap}"
    ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}"
    "ol.moments{margin:.25rem 0;padding-left:1.4rem}.grid2>div{min-width:0}"
    ".message{padding:.6rem .8rem;border-radius:.4rem;background:#fff4e5;"
    "border:1px solid #b26a00}"
    "form.login{max-width:22rem;display:flex;flex-direction:column;gap:.8rem}"
    # The Terminals page: a row in trouble says so in its State column; the tint repeats it.
    "tr.trouble>*{background:#fff4e5}tr.trouble td.state{font-weight:600}"
    "#terminals th[scope=row]{white-space:normal;min-width:8rem}"
    "#terminals td.state{min-width:9rem}#terminals th,#terminals td{padding:.35rem .4rem}"
    # Its links to the pages around: large enough to hit with a finger.
    "nav.pages{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.5rem 0}"
    "nav.pages p{margin:0}nav.pages a{padding:.6rem .9rem;border:1px solid;"
    "border-radius:.3rem}"
)
HEADERS = page_headers(STYLE, form_action="'self'", referrer="same-origin")

# Light fills only, so that dark text on any of them stays above 7:1 contrast.
_LOW, _MID, _HIGH = (244, 165, 130), (246, 246, 240), (146, 197, 235)
_EMPTY = "#ecece8"


def score_fill(average: float) -> str:
    """A diverging scale: orange for 1, near white for 2.5, blue for 4."""
    t = min(max((average - 1) / 3, 0.0), 1.0)
    a, b, u = (_LOW, _MID, t * 2) if t < 0.5 else (_MID, _HIGH, t * 2 - 1)
    return "#" + "".join(f"{round(x + (y - x) * u):02x}" for x, y in zip(a, b, strict=True))


def number(value: float | int | None, language: str, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", "\u202f") if language == "fr" else text
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "fr" else text


def hour_label(hour: int, language: str) -> str:
    return f"{hour} h" if language == "fr" else f"{hour:02d}:00"


def day_label(day: date, language: str) -> str:
    text = TEXT[language]
    return text["date"].format(day=day.day, month=text["months"][day.month - 1],
                               year=day.year)


def query_string(filters: Filters, language: str | None = None, **extra: Any) -> str:
    params: dict[str, Any] = {"start": filters.start.isoformat(),
                              "end": filters.end.isoformat()}
    if filters.store_id:
        params["store_id"] = filters.store_id
    if filters.include_misuse:
        params["include_misuse"] = "true"
    if language:
        params["lang"] = language
    params.update(extra)
    return urlencode(params)


# ---------------------------------------------------------------- whole pages

def login_page(language: str, message: str | None = None, username: str = "") -> str:
    text = TEXT[language]
    return render("dashboard/login.html", **_frame(language, text["login_title"]),
                  message=message, username=username)


def dashboard_page(language: str, data: dict[str, Any], filters: Filters,
                   store_choices: list[tuple[str, str]], username: str, csrf_token: str,
                   problem: FilterProblem | None = None) -> str:
    text = TEXT[language]
    names = {row["store_id"]: row["store"] for row in data["stores"]}
    names.update(dict(store_choices))
    totals = {step: sum(row[step] for row in data["funnel"]) for step in FUNNEL_STEPS}
    return render(
        "dashboard/dashboard.html", **_frame(language, text["title"], query_string(filters)),
        username=username, csrf_token=csrf_token, filters=filters, data=data,
        problem=text["problems"][problem] if problem else None,
        store_choices=store_choices,
        period=text["period"].format(start=day_label(filters.start, language),
                                     end=day_label(filters.end, language)),
        flagged=sum(row["flagged_misuse"] for row in data["stores"]),
        bars=[_distribution_bar([row[f"score_{n}"] for n in (1, 2, 3, 4)], text)
              for row in data["stores"]],
        heatmap=_heatmap(language, data["heatmap"], names) if data["heatmap"] else None,
        legend=_legend(language),
        best=[_moment(language, cell) for cell in data["best_moments"]],
        worst=[_moment(language, cell) for cell in data["worst_moments"]],
        trend=_trend(language, data["trend"]),
        reasons=_reasons(language, data["reasons"]),
        funnel_chart=_funnel(language, totals) if any(totals.values()) else None,
        conversions=[None if not row["sessions"] else 100 * row["orders"] / row["sessions"]
                     for row in data["funnel"]],
        funnel_steps=FUNNEL_STEPS,
        reservation_columns=customer_figures.COLUMNS["reservations"][2:],
        alert_columns=customer_figures.COLUMNS["alerts"][2:])


def _frame(language: str, title: str, query: str = "") -> dict[str, Any]:
    """What every dashboard template is given: its words, its figures in the language,
    and `query`, the filters that the link to the other language and the CSV files keep."""
    return {"language": language, "text": TEXT[language], "title": title,
            "style": Markup(STYLE), "query": query, "number": partial(number, language=language),
            "ink": INK, "muted": MUTED, "link": LINK}


# ---------------------------------------------------------------- charts laid out

_SCORE_FILLS = tuple(score_fill(s) for s in (1, 2, 3, 4))


def _distribution_bar(scores: list[int], text: dict) -> dict[str, Any] | None:
    """One store's scores as a bar of 160 units, each score a share of it."""
    total = sum(scores)
    if not total:
        return None
    parts, x = [], 0.0
    for n, count in enumerate(scores, start=1):
        width = 160 * count / total
        if width:
            # The score is written on its share when there is room for it.
            parts.append({"x": x, "width": width, "fill": _SCORE_FILLS[n - 1], "score": n,
                          "middle": x + width / 2 if width >= 14 else None})
        x += width
    label = ", ".join(f"{text['scores'][n]}: {round(100 * c / total)} %"
                      for n, c in enumerate(scores))
    return {"parts": parts, "label": label}


def _heatmap(language: str, cells: list[dict], names: dict[str, str]) -> dict[str, Any]:
    """A row per store, a column per hour (9 to 19 at least), each cell its average."""
    text = TEXT[language]
    hours = [c["hour"] for c in cells]
    first, last = min(min(hours), 9), max(max(hours), 19)
    stores = sorted({c["store_id"] for c in cells},
                    key=lambda s: (names.get(s, s).lower(), s))
    by_key = {(c["store_id"], c["hour"]): c for c in cells}
    longest = max(len(_shorten(names.get(s, s), 34)) for s in stores)
    label_w, cell_w, cell_h, top = min(280, 24 + round(7.6 * longest)), 46, 30, 24
    rows = []
    for row, store_id in enumerate(stores):
        y = top + row * cell_h
        row_cells = []
        for hour in range(first, last + 1):
            x = label_w + (hour - first) * cell_w
            cell = by_key.get((store_id, hour))
            if cell is None or cell["average_score"] is None:
                row_cells.append({"x": x, "fill": _EMPTY, "average": None})
                continue
            tip = (f"{names.get(store_id, store_id)}, {hour_label(hour, language)}: "
                   f"{number(cell['average_score'], language)} "
                   f"({number(cell['ratings'], language)} {text['ratings'].lower()})")
            row_cells.append({"x": x, "fill": score_fill(cell["average_score"]), "tip": tip,
                              "average": cell["average_score"],
                              "middle": x + (cell_w - 2) / 2})
        rows.append({"y": y, "name": _shorten(names.get(store_id, store_id), 34),
                     "cells": row_cells})
    return {"width": label_w + cell_w * (last - first + 1),
            "height": top + cell_h * len(stores) + 8,
            "label_x": label_w - 8, "cell_width": cell_w - 2, "cell_height": cell_h - 2,
            "hours": [(label_w + (hour - first) * cell_w + cell_w / 2, hour_label(hour, language))
                      for hour in range(first, last + 1)],
            "rows": rows}


def _legend(language: str) -> dict[str, Any]:
    text = TEXT[language]
    items = [(score_fill(s), number(float(s), language, 1)) for s in (1, 2, 2.5, 3, 4)]
    items.append((_EMPTY, text["no_ratings"]))
    parts, x = [], 0
    for fill, label in items:
        parts.append({"x": x, "fill": fill, "label": label})
        x += 24 + 9 * len(label) + 16
    return {"width": x, "parts": parts}


def _moment(language: str, cell: dict) -> str:
    text = TEXT[language]
    return text["moment"].format(
        day=text["days"][cell["day_of_week"]], start=hour_label(cell["hour"], language),
        end=hour_label((cell["hour"] + 1) % 24, language),
        average=number(cell["average_score"], language),
        count=number(cell["ratings"], language))


def _trend(language: str, weeks: list[dict]) -> dict[str, Any] | None:
    """Bars for the number of ratings of each week, a line for their average score."""
    if not any(w["ratings"] or w["sessions"] for w in weeks):
        return None
    left, right, top, plot_h, step = 44, 16, 16, 180, 84
    width = left + right + step * len(weeks)
    most = max(w["ratings"] for w in weeks) or 1
    grid = [(top + plot_h * (4 - score) / 3, score) for score in (1, 2, 3, 4)]
    bars, points = [], []
    for i, week in enumerate(weeks):
        cx = left + step * i + step / 2
        bar_h = (plot_h * 0.45) * week["ratings"] / most
        bars.append({"x": cx, "top": top + plot_h - bar_h, "height": bar_h,
                     "day": _short_day(week["week"], language), "ratings": week["ratings"]})
        if week["average_score"] is not None:
            cy = top + plot_h * (4 - week["average_score"]) / 3
            points.append((cx, cy, week["average_score"]))
    return {"width": width, "height": top + plot_h + 44, "left": left,
            "right_end": width - right, "grid": grid, "bars": bars,
            "baseline": top + plot_h, "points": points,
            "line": " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            if len(points) > 1 else None,
            "days": [day_label(date.fromisoformat(w["week"]), language) for w in weeks]}


def _reasons(language: str, rows: list[dict]) -> list[dict[str, Any]]:
    """A bar chart for the negative reasons, one for the positive, one for other codes."""
    text = TEXT[language]
    groups = [("negative", text["negative"], "#f4a582"),
              ("positive", text["positive"], "#92c5eb"),
              (None, text["other_reasons"], "#d0d0ca")]
    most = max((r["ratings"] for r in rows), default=0)
    label_w, bar_w, row_h = 190, 260, 26
    charts = []
    for polarity, title, fill in groups:
        chosen = [r for r in rows if reason_polarity(r["reason"]) == polarity]
        if chosen:
            charts.append({
                "title": title, "fill": fill, "width": label_w + bar_w + 60,
                "height": row_h * len(chosen) + 4, "label_x": label_w - 8, "bar_x": label_w,
                "bar_height": row_h - 8,
                "bars": [{"y": i * row_h,
                          "label": _shorten(reason_label(row["reason"], language), 26),
                          "width": max(2, bar_w * row["ratings"] / most),
                          "ratings": row["ratings"]} for i, row in enumerate(chosen)]})
    return charts


def _funnel(language: str, totals: dict[str, int]) -> dict[str, Any]:
    """The chain's funnel, a bar a step, each with its share of the sessions."""
    text = TEXT[language]
    label_w, bar_w, row_h = 210, 380, 30
    most = max(totals.values()) or 1
    steps = []
    for i, (step, label) in enumerate(zip(FUNNEL_STEPS, text["steps"], strict=True)):
        value = totals[step]
        share = "" if not totals["sessions"] or step == "sessions" else " " + \
            text["per_100"].format(value=number(100 * value / totals["sessions"], language, 1))
        steps.append({"y": i * row_h, "label": label, "width": max(2, bar_w * value / most),
                      "value": value, "share": share})
    return {"width": label_w + bar_w + 140, "height": row_h * len(FUNNEL_STEPS),
            "label_x": label_w - 8, "bar_x": label_w, "bar_height": row_h - 8,
            "steps": steps}


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _short_day(iso_day: str, language: str) -> str:
    day = date.fromisoformat(iso_day)
    return f"{day.day} {TEXT[language]['months'][day.month - 1]}"
