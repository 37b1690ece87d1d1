"""The dashboard and its login page: server-rendered HTML with inline SVG charts.

No script and nothing fetched: the page works with JavaScript off and on a store's
network with no internet. Every value that comes from terminals or the catalog (store
names, search texts, reason codes) goes through `escape`. Charts never rely on colour
alone: every cell and bar has its figure written on it.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any
from urllib.parse import urlencode

from central.analytics.labels import reason_label, reason_polarity
from central.analytics.page_text import TEXT
from central.analytics.queries import FUNNEL_STEPS, Filters
from central.page_headers import html_page, page_headers

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

def page(language: str, title: str, body: list[str], header_extra: str = "",
         other_language_query: str = "") -> str:
    text = TEXT[language]
    other = text["other_code"]
    link = f"?{other_language_query}&amp;lang={other}" if other_language_query \
        else f"?lang={other}"
    return html_page(language, title, STYLE,
                     f"<header><h1>{escape(title)}</h1>{header_extra}"
                     f"<a href=\"{link}\" hreflang=\"{other}\" lang=\"{other}\">"
                     f"{escape(text['other_language'])}</a></header>" + "".join(body))


def login_page(language: str, message: str | None = None, username: str = "") -> str:
    text = TEXT[language]
    body = ["<section>"]
    if message:
        body.append(f"<p class=\"message\" role=\"alert\">{escape(message)}</p>")
    body.append(
        "<form class=\"login\" method=\"post\" action=\"/dashboard/login\">"
        f"<input type=\"hidden\" name=\"lang\" value=\"{language}\">"
        f"<label>{escape(text['username'])}<input name=\"username\" autocomplete=\"username\" "
        f"autocapitalize=\"none\" required maxlength=\"64\" value=\"{escape(username)}\"></label>"
        f"<label>{escape(text['password'])}<input name=\"password\" type=\"password\" "
        "autocomplete=\"current-password\" required maxlength=\"1024\"></label>"
        f"<button type=\"submit\">{escape(text['log_in'])}</button></form></section>")
    return page(language, text["login_title"], body)


def dashboard_page(language: str, data: dict[str, Any], filters: Filters,
                   store_choices: list[tuple[str, str]], username: str, csrf_token: str,
                   problem: str | None = None) -> str:
    text = TEXT[language]
    names = {row["store_id"]: row["store"] for row in data["stores"]}
    names.update(dict(store_choices))
    logout = (
        f"<span>{escape(text['logged_in_as'].format(user=username))}</span>"
        "<form method=\"post\" action=\"/dashboard/logout\">"
        f"<input type=\"hidden\" name=\"csrf\" value=\"{escape(csrf_token)}\">"
        f"<input type=\"hidden\" name=\"lang\" value=\"{language}\">"
        f"<button class=\"quiet\" type=\"submit\">{escape(text['log_out'])}</button></form>")
    body = [_filters_form(language, filters, store_choices, problem),
            _stores_section(language, data["stores"], filters),
            _heatmap_section(language, data["heatmap"], names, filters),
            _moments_section(language, data["best_moments"], data["worst_moments"],
                             data["moment_min_ratings"], filters),
            _trend_section(language, data["trend"], filters),
            _reasons_section(language, data["reasons"], filters),
            _funnel_section(language, data["funnel"], filters),
            _zero_results_section(language, data["zero_results"], filters)]
    return page(language, text["title"], body, logout, query_string(filters))


# ---------------------------------------------------------------- sections

def _section(panel_id: str, title: str, content: list[str], filters: Filters,
             language: str, csv_panel: str | None = None) -> str:
    csv = ""
    if csv_panel:
        csv = (f"<p class=\"csv\"><a href=\"/v1/analytics/csv/{csv_panel}?"
               f"{escape(query_string(filters))}\" download>"
               f"{escape(TEXT[language]['csv'])}</a></p>")
    return (f"<section id=\"{panel_id}\" aria-labelledby=\"{panel_id}-title\">"
            f"<h2 id=\"{panel_id}-title\">{escape(title)}</h2>" + "".join(content) + csv
            + "</section>")


def _filters_form(language: str, filters: Filters, choices: list[tuple[str, str]],
                  problem: str | None) -> str:
    text = TEXT[language]
    options = [f"<option value=\"\">{escape(text['all_stores'])}</option>"]
    for store_id, name in choices:
        selected = " selected" if store_id == filters.store_id else ""
        options.append(f"<option value=\"{escape(store_id)}\"{selected}>{escape(name)}</option>")
    checked = " checked" if filters.include_misuse else ""
    period = text["period"].format(start=day_label(filters.start, language),
                                   end=day_label(filters.end, language))
    content = []
    if problem:
        content.append(f"<p class=\"message\" role=\"alert\">"
                       f"{escape(text['bad_filters'].format(problem=problem))}</p>")
    content.append(
        "<form class=\"filters\" method=\"get\" action=\"/dashboard\">"
        f"<input type=\"hidden\" name=\"lang\" value=\"{language}\">"
        f"<label>{escape(text['from'])}<input type=\"date\" name=\"start\" "
        f"value=\"{filters.start.isoformat()}\" required></label>"
        f"<label>{escape(text['to'])}<input type=\"date\" name=\"end\" "
        f"value=\"{filters.end.isoformat()}\" required></label>"
        f"<label>{escape(text['store'])}<select name=\"store_id\">{''.join(options)}"
        "</select></label>"
        f"<label class=\"check\"><input type=\"checkbox\" name=\"include_misuse\" "
        f"value=\"true\"{checked}>{escape(text['include_misuse'])}</label>"
        f"<button type=\"submit\">{escape(text['apply'])}</button></form>"
        f"<p class=\"note\">{escape(period)}</p>")
    return _section("filters", text["filters"], content, filters, language)


def _stores_section(language: str, rows: list[dict], filters: Filters) -> str:
    text = TEXT[language]
    head = "".join(f"<th class=\"num\">{n}<br><small>{escape(label)}</small></th>"
                   for n, label in enumerate(text["scores"], start=1))
    lines = []
    for row in rows:
        scores = [row[f"score_{n}"] for n in (1, 2, 3, 4)]
        lines.append(
            f"<tr><th scope=\"row\">{escape(row['store'])}</th>"
            f"<td class=\"num\">{number(row['ratings'], language)}</td>"
            f"<td class=\"num\"><strong>{number(row['average_score'], language)}</strong></td>"
            f"<td>{_distribution_bar(scores, text)}</td>"
            + "".join(f"<td class=\"num\">{number(s, language)}</td>" for s in scores)
            + f"<td class=\"num\">{number(row['flagged_misuse'], language)}</td></tr>")
    flagged = sum(row["flagged_misuse"] for row in rows)
    content = [f"<p class=\"note\">{escape(text['score_scale'])}</p>",
               "<div class=\"scroll\"><table><thead><tr>"
               f"<th>{escape(text['store'])}</th><th class=\"num\">{escape(text['ratings'])}</th>"
               f"<th class=\"num\">{escape(text['average'])}</th>"
               f"<th>{escape(text['distribution'])}</th>{head}"
               f"<th class=\"num\">{escape(text['flagged'])}</th></tr></thead>"
               f"<tbody>{''.join(lines)}</tbody></table></div>"]
    if flagged:
        note = text["flagged_included" if filters.include_misuse else "flagged_note"]
        content.append(f"<p class=\"note\">{escape(note.format(count=number(flagged, language)))}"
                       "</p>")
    return _section("stores", text["summary"], content, filters, language, "stores")


_SCORE_FILLS = tuple(score_fill(s) for s in (1, 2, 3, 4))


def _distribution_bar(scores: list[int], text: dict) -> str:
    total = sum(scores)
    if not total:
        return ""
    parts, x = [], 0.0
    for n, count in enumerate(scores, start=1):
        width = 160 * count / total
        if width:
            parts.append(f"<rect x=\"{x:.1f}\" y=\"0\" width=\"{width:.1f}\" height=\"16\" "
                         f"fill=\"{_SCORE_FILLS[n - 1]}\" stroke=\"#fff\"/>")
            if width >= 14:
                parts.append(f"<text x=\"{x + width / 2:.1f}\" y=\"12\" font-size=\"11\" "
                             f"text-anchor=\"middle\" fill=\"{INK}\">{n}</text>")
        x += width
    label = ", ".join(f"{text['scores'][n]}: {round(100 * c / total)} %"
                      for n, c in enumerate(scores))
    return (f"<svg class=\"bar\" width=\"160\" height=\"16\" viewBox=\"0 0 160 16\" "
            f"role=\"img\" aria-label=\"{escape(label)}\">{''.join(parts)}</svg>")


def _heatmap_section(language: str, cells: list[dict], names: dict[str, str],
                     filters: Filters) -> str:
    text = TEXT[language]
    if not cells:
        return _section("heatmap", text["heatmap"],
                        [f"<p>{escape(text['no_data'])}</p>"], filters, language, "heatmap")
    hours = [c["hour"] for c in cells]
    first, last = min(min(hours), 9), max(max(hours), 19)
    stores = sorted({c["store_id"] for c in cells},
                    key=lambda s: (names.get(s, s).lower(), s))
    by_key = {(c["store_id"], c["hour"]): c for c in cells}
    longest = max(len(_shorten(names.get(s, s), 34)) for s in stores)
    label_w, cell_w, cell_h, top = min(280, 24 + round(7.6 * longest)), 46, 30, 24
    width = label_w + cell_w * (last - first + 1)
    height = top + cell_h * len(stores) + 8
    parts = [f"<svg class=\"heatmap\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" "
             f"role=\"img\" aria-label=\"{escape(text['heatmap'])}\">"]
    for hour in range(first, last + 1):
        x = label_w + (hour - first) * cell_w + cell_w / 2
        parts.append(f"<text x=\"{x:.0f}\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" "
                     f"fill=\"{MUTED}\">{escape(hour_label(hour, language))}</text>")
    for row, store_id in enumerate(stores):
        y = top + row * cell_h
        parts.append(f"<text x=\"{label_w - 8}\" y=\"{y + 20}\" font-size=\"13\" "
                     f"text-anchor=\"end\" fill=\"{INK}\">"
                     f"{escape(_shorten(names.get(store_id, store_id), 34))}</text>")
        for hour in range(first, last + 1):
            x = label_w + (hour - first) * cell_w
            cell = by_key.get((store_id, hour))
            if cell is None or cell["average_score"] is None:
                parts.append(f"<rect x=\"{x}\" y=\"{y}\" width=\"{cell_w - 2}\" "
                             f"height=\"{cell_h - 2}\" fill=\"{_EMPTY}\"/>")
                continue
            tip = (f"{names.get(store_id, store_id)}, {hour_label(hour, language)}: "
                   f"{number(cell['average_score'], language)} "
                   f"({number(cell['ratings'], language)} {text['ratings'].lower()})")
            parts.append(
                f"<g><title>{escape(tip)}</title><rect x=\"{x}\" y=\"{y}\" "
                f"width=\"{cell_w - 2}\" height=\"{cell_h - 2}\" "
                f"fill=\"{score_fill(cell['average_score'])}\"/>"
                f"<text x=\"{x + (cell_w - 2) / 2:.0f}\" y=\"{y + 19}\" font-size=\"12\" "
                f"text-anchor=\"middle\" fill=\"{INK}\">"
                f"{number(cell['average_score'], language, 1)}</text></g>")
    parts.append("</svg>")
    content = [f"<p class=\"note\">{escape(text['heat_note'])}</p>",
               f"<div class=\"scroll\">{''.join(parts)}</div>", _legend(language)]
    return _section("heatmap", text["heatmap"], content, filters, language, "heatmap")


def _legend(language: str) -> str:
    text = TEXT[language]
    items = [(score_fill(s), number(float(s), language, 1)) for s in (1, 2, 2.5, 3, 4)]
    items.append((_EMPTY, text["no_ratings"]))
    parts, x = [], 0
    for fill, label in items:
        parts.append(f"<rect x=\"{x}\" y=\"2\" width=\"18\" height=\"18\" fill=\"{fill}\" "
                     f"stroke=\"#767676\"/><text x=\"{x + 24}\" y=\"16\" font-size=\"12\" "
                     f"fill=\"{INK}\">{escape(label)}</text>")
        x += 24 + 9 * len(label) + 16
    return (f"<svg class=\"legend\" viewBox=\"0 0 {x} 22\" width=\"{x}\" role=\"img\" "
            f"aria-label=\"{escape(text['legend'])}\">{''.join(parts)}</svg>")


def _moments_section(language: str, best: list[dict], worst: list[dict], threshold: int,
                     filters: Filters) -> str:
    text = TEXT[language]

    def listing(cells: list[dict]) -> str:
        if not cells:
            return f"<p>{escape(text['no_data'])}</p>"
        items = "".join(
            "<li>" + escape(text["moment"].format(
                day=text["days"][c["day_of_week"]], start=hour_label(c["hour"], language),
                end=hour_label((c["hour"] + 1) % 24, language),
                average=number(c["average_score"], language),
                count=number(c["ratings"], language))) + "</li>" for c in cells)
        return f"<ol class=\"moments\">{items}</ol>"

    note = text["moments_note"].format(count=threshold)
    content = [f"<p class=\"note\">{escape(note)}</p>",
               "<div class=\"grid2\">",
               f"<div><h3>{escape(text['best'])}</h3>{listing(best)}</div>",
               f"<div><h3>{escape(text['worst'])}</h3>{listing(worst)}</div></div>"]
    return _section("moments", text["moments"], content, filters, language, "moments")


def _trend_section(language: str, weeks: list[dict], filters: Filters) -> str:
    text = TEXT[language]
    if not any(w["ratings"] or w["sessions"] for w in weeks):
        return _section("trend", text["trend"], [f"<p>{escape(text['no_data'])}</p>"],
                        filters, language, "trend")
    left, right, top, plot_h, step = 44, 16, 16, 180, 84
    width = left + right + step * len(weeks)
    height = top + plot_h + 44
    most = max(w["ratings"] for w in weeks) or 1
    parts = [f"<svg class=\"trend\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" "
             f"role=\"img\" aria-label=\"{escape(text['trend'])}\">"]
    for score in (1, 2, 3, 4):
        y = top + plot_h * (4 - score) / 3
        parts.append(f"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:.1f}\" "
                     f"y2=\"{y:.1f}\" stroke=\"#d6d6d0\"/><text x=\"{left - 8}\" "
                     f"y=\"{y + 4:.1f}\" font-size=\"12\" text-anchor=\"end\" "
                     f"fill=\"{MUTED}\">{score}</text>")
    points = []
    for i, week in enumerate(weeks):
        cx = left + step * i + step / 2
        bar_h = (plot_h * 0.45) * week["ratings"] / most
        parts.append(f"<rect x=\"{cx - 18:.1f}\" y=\"{top + plot_h - bar_h:.1f}\" width=\"36\" "
                     f"height=\"{bar_h:.1f}\" fill=\"#dcdcd6\"/>")
        parts.append(f"<text x=\"{cx:.1f}\" y=\"{top + plot_h + 16}\" font-size=\"12\" "
                     f"text-anchor=\"middle\" fill=\"{MUTED}\">"
                     f"{escape(_short_day(week['week'], language))}</text>"
                     f"<text x=\"{cx:.1f}\" y=\"{top + plot_h + 32}\" font-size=\"11\" "
                     f"text-anchor=\"middle\" fill=\"{MUTED}\">"
                     f"{number(week['ratings'], language)} {escape(text['ratings'].lower())}"
                     "</text>")
        if week["average_score"] is not None:
            cy = top + plot_h * (4 - week["average_score"]) / 3
            points.append((cx, cy, week["average_score"]))
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f"<polyline points=\"{path}\" fill=\"none\" stroke=\"{LINK}\" "
                     "stroke-width=\"2.5\"/>")
    for x, y, value in points:
        parts.append(f"<circle cx=\"{x:.1f}\" cy=\"{y:.1f}\" r=\"4\" fill=\"{LINK}\"/>"
                     f"<text x=\"{x:.1f}\" y=\"{y - 9:.1f}\" font-size=\"12\" "
                     f"text-anchor=\"middle\" fill=\"{INK}\" font-weight=\"600\">"
                     f"{number(value, language)}</text>")
    parts.append("</svg>")
    rows = "".join(
        f"<tr><td>{escape(day_label(date.fromisoformat(w['week']), language))}</td>"
        f"<td class=\"num\">{number(w['ratings'], language)}</td>"
        f"<td class=\"num\">{number(w['average_score'], language)}</td>"
        f"<td class=\"num\">{number(w['sessions'], language)}</td></tr>" for w in weeks)
    table = (f"<div class=\"scroll\"><table><thead><tr><th>{escape(text['week'])}</th>"
             f"<th class=\"num\">{escape(text['ratings'])}</th>"
             f"<th class=\"num\">{escape(text['average'])}</th>"
             f"<th class=\"num\">{escape(text['sessions'])}</th></tr></thead>"
             f"<tbody>{rows}</tbody></table></div>")
    content = [f"<p class=\"note\">{escape(text['trend_note'])}</p>",
               f"<div class=\"scroll\">{''.join(parts)}</div>", table]
    return _section("trend", text["trend"], content, filters, language, "trend")


def _reasons_section(language: str, rows: list[dict], filters: Filters) -> str:
    text = TEXT[language]
    if not rows:
        return _section("reasons", text["reasons"], [f"<p>{escape(text['no_data'])}</p>"],
                        filters, language, "reasons")
    groups = [("negative", text["negative"], "#f4a582"), ("positive", text["positive"],
                                                          "#92c5eb"),
              (None, text["other_reasons"], "#d0d0ca")]
    most = max(r["ratings"] for r in rows)
    content = ["<div class=\"grid2\">"]
    for polarity, title, fill in groups:
        chosen = [r for r in rows if reason_polarity(r["reason"]) == polarity]
        if not chosen:
            continue
        label_w, bar_w, row_h = 190, 260, 26
        height = row_h * len(chosen) + 4
        parts = [f"<svg class=\"reasons\" viewBox=\"0 0 {label_w + bar_w + 60} {height}\" "
                 f"width=\"{label_w + bar_w + 60}\" role=\"img\" aria-label=\"{escape(title)}\">"]
        for i, row in enumerate(chosen):
            y = i * row_h
            width = max(2, bar_w * row["ratings"] / most)
            parts.append(
                f"<text x=\"{label_w - 8}\" y=\"{y + 17}\" font-size=\"13\" text-anchor=\"end\" "
                f"fill=\"{INK}\">{escape(_shorten(reason_label(row['reason'], language), 26))}"
                f"</text><rect x=\"{label_w}\" y=\"{y + 3}\" width=\"{width:.1f}\" "
                f"height=\"{row_h - 8}\" fill=\"{fill}\"/>"
                f"<text x=\"{label_w + width + 6:.1f}\" y=\"{y + 17}\" font-size=\"12\" "
                f"fill=\"{INK}\">{number(row['ratings'], language)}</text>")
        parts.append("</svg>")
        content.append(f"<div><h3>{escape(title)}</h3><div class=\"scroll\">{''.join(parts)}"
                       "</div></div>")
    content.append("</div>")
    return _section("reasons", text["reasons"], content, filters, language, "reasons")


def _funnel_section(language: str, rows: list[dict], filters: Filters) -> str:
    text = TEXT[language]
    totals = {step: sum(r[step] for r in rows) for step in FUNNEL_STEPS}
    content = []
    if totals["sessions"] or any(totals.values()):
        content.append(f"<h3>{escape(text['chain_funnel'])}</h3>"
                       + _funnel_chart(language, totals))
    else:
        content.append(f"<p>{escape(text['no_data'])}</p>")
    head = "".join(f"<th class=\"num\">{escape(label)}</th>" for label in text["steps"])
    lines = []
    for row in rows:
        rate = None if not row["sessions"] else 100 * row["orders"] / row["sessions"]
        lines.append(f"<tr><th scope=\"row\">{escape(row['store'])}</th>"
                     + "".join(f"<td class=\"num\">{number(row[s], language)}</td>"
                               for s in FUNNEL_STEPS)
                     + f"<td class=\"num\">{number(rate, language, 1)}</td></tr>")
    content.append(f"<div class=\"scroll\"><table><thead><tr><th>{escape(text['store'])}</th>"
                   f"{head}<th class=\"num\">{escape(text['conversion'])}</th></tr></thead>"
                   f"<tbody>{''.join(lines)}</tbody></table></div>")
    return _section("funnel", text["funnel"], content, filters, language, "funnel")


def _funnel_chart(language: str, totals: dict[str, int]) -> str:
    text = TEXT[language]
    label_w, bar_w, row_h = 210, 380, 30
    most = max(totals.values()) or 1
    height = row_h * len(FUNNEL_STEPS)
    parts = [f"<svg class=\"funnel\" viewBox=\"0 0 {label_w + bar_w + 140} {height}\" "
             f"width=\"{label_w + bar_w + 140}\" role=\"img\" "
             f"aria-label=\"{escape(text['chain_funnel'])}\">"]
    for i, (step, label) in enumerate(zip(FUNNEL_STEPS, text["steps"], strict=True)):
        y, value = i * row_h, totals[step]
        width = max(2, bar_w * value / most)
        share = "" if not totals["sessions"] or step == "sessions" else " " + \
            text["per_100"].format(value=number(100 * value / totals["sessions"], language, 1))
        parts.append(
            f"<text x=\"{label_w - 8}\" y=\"{y + 20}\" font-size=\"13\" text-anchor=\"end\" "
            f"fill=\"{INK}\">{escape(label)}</text><rect x=\"{label_w}\" y=\"{y + 4}\" "
            f"width=\"{width:.1f}\" height=\"{row_h - 8}\" fill=\"#92c5eb\"/>"
            f"<text x=\"{label_w + width + 6:.1f}\" y=\"{y + 20}\" font-size=\"12\" "
            f"fill=\"{INK}\">{number(value, language)}{escape(share)}</text>")
    parts.append("</svg>")
    return f"<div class=\"scroll\">{''.join(parts)}</div>"


def _zero_results_section(language: str, rows: list[dict], filters: Filters) -> str:
    text = TEXT[language]
    if not rows:
        content = [f"<p>{escape(text['no_data'])}</p>"]
    else:
        lines = "".join(f"<tr><td>{escape(r['text'])}</td>"
                        f"<td class=\"num\">{number(r['searches'], language)}</td>"
                        f"<td class=\"num\">{number(r['stores'], language)}</td></tr>"
                        for r in rows)
        content = [f"<div class=\"scroll\"><table><thead><tr>"
                   f"<th>{escape(text['search_text'])}</th>"
                   f"<th class=\"num\">{escape(text['searches'])}</th>"
                   f"<th class=\"num\">{escape(text['stores'])}</th></tr></thead>"
                   f"<tbody>{lines}</tbody></table></div>"]
    return _section("zero-results", text["zero_results"], content, filters, language,
                    "zero_results")


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _short_day(iso_day: str, language: str) -> str:
    day = date.fromisoformat(iso_day)
    return f"{day.day} {TEXT[language]['months'][day.month - 1]}"
