"""The dashboard's Terminals page: each terminal's health in words, trouble first.

Every state is written out ("Silent for 2 h 5 min"), the row's tint only repeats it; what
a terminal from before a heartbeat field did not say is written "unknown". A chain has
thousands of terminals: the page shows PAGE_SIZE of them, with links to the pages before
and after that keep the store and "needing attention" filters, and counts over them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from central.analytics.local_time import CHAIN_ZONE
from central.analytics.page import _frame, number
from central.analytics.page_text import TEXT
from central.fleet_health import (
    CLOCK_OFF_S,
    LARGE_OUTBOX_ITEMS,
    PROBLEMS,
    FleetCounts,
    FleetView,
    TerminalHealth,
    fleet_counts,
    fleet_health,
    store_choices,
)
from central.page_templates import render

PAGE_SIZE = 100

FLEET_TEXT = {
    "fr": {
        "title": "Santé des terminaux",
        "summary": "{count} {terminals} en service, dont {trouble} à surveiller.",
        "summary_store": "{count} {terminals} en service à {store}, dont {trouble} à "
                         "surveiller.",
        "terminal_1": "terminal", "terminal_n": "terminaux",
        "counts": "Parmi eux :",
        "count": "{label} : {count}",
        "count_never_heard": "Jamais entendus", "count_silent": "Silencieux",
        "count_dead_letters": "Avec des envois refusés",
        "count_outbox_large": "Avec {limit} envois ou plus en attente",
        "count_clock_off": "Horloge décalée",
        "order": "Les terminaux à surveiller d'abord (les plus longtemps silencieux en "
                 "tête), puis les autres par magasin et par nom.",
        "attention_only": "Seulement ceux à surveiller",
        "none_attention": "Aucun terminal à surveiller.",
        "unknown_store": "Aucun magasin « {store} ». Choisissez-en un dans la liste.",
        "pages": "Pages", "page_of": "Page {page} sur {pages} : terminaux {first} à {last}",
        "previous": "← Page précédente", "next": "Page suivante →",
        "outbox_large": "{count} envois en attente",
        "silent_rule": "Un terminal est dit silencieux sans signe de vie depuis {minutes} min "
                       "(réglage du serveur CENTRAL_TERMINAL_SILENT_MINUTES) ; son horloge "
                       "est dite décalée au-delà de {clock} min d'écart avec le serveur. "
                       "Heures de Paris.",
        "none": "Aucun terminal en service.",
        "terminal": "Terminal", "status": "État", "version": "Version",
        "config": "Configuration", "last_heartbeat": "Dernier signe de vie",
        "clock": "Horloge", "outbox": "À envoyer", "dead_letters": "Refusés",
        "last_pull": "Catalogue mis à jour",
        "ok": "En service", "never_heard": "Jamais entendu",
        "silent": "Silencieux depuis {duration}",
        "dead_letters_1": "1 envoi refusé", "dead_letters_n": "{count} envois refusés",
        "clock_off": "Horloge décalée ({drift})",
        "unknown": "inconnu", "not_yet": "pas encore",
        "ago": "il y a {duration}", "ahead": "{duration} d'avance",
        "behind": "{duration} de retard", "on_time": "à l'heure",
        "config_current": "à jour", "config_behind": "nouvelle version en route",
        "no_fleet": "aucun réglage central",
        "format": "format {version}",
        "days": "{days} j {hours} h", "hours": "{hours} h {minutes:02d}",
        "minutes": "{minutes} min", "seconds": "{seconds} s",
        "back": "Avis et fréquentation",
    },
    "en": {
        "title": "Terminal health",
        "summary": "{count} {terminals} in service, {trouble} of them to look at.",
        "summary_store": "{count} {terminals} in service at {store}, {trouble} of them to "
                         "look at.",
        "terminal_1": "terminal", "terminal_n": "terminals",
        "counts": "Among them:",
        "count": "{label}: {count}",
        "count_never_heard": "Never heard from", "count_silent": "Silent",
        "count_dead_letters": "With refused items",
        "count_outbox_large": "With {limit} or more items waiting to be sent",
        "count_clock_off": "Clock off",
        "order": "Terminals to look at come first (the longest silent at the top), then "
                 "the others by store and name.",
        "attention_only": "Only those to look at",
        "none_attention": "No terminal to look at.",
        "unknown_store": "There is no store “{store}”. Choose one from the list.",
        "pages": "Pages", "page_of": "Page {page} of {pages}: terminals {first} to {last}",
        "previous": "← Previous page", "next": "Next page →",
        "outbox_large": "{count} items waiting to be sent",
        "silent_rule": "A terminal is called silent after {minutes} min without a heartbeat "
                       "(the server's CENTRAL_TERMINAL_SILENT_MINUTES setting); its clock is "
                       "called off when more than {clock} min from the server's. Paris "
                       "time.",
        "none": "No terminal in service.",
        "terminal": "Terminal", "status": "Status", "version": "Version",
        "config": "Configuration", "last_heartbeat": "Last heartbeat",
        "clock": "Clock", "outbox": "To send", "dead_letters": "Refused",
        "last_pull": "Catalog updated",
        "ok": "Working", "never_heard": "Never heard from",
        "silent": "Silent for {duration}",
        "dead_letters_1": "1 refused item", "dead_letters_n": "{count} refused items",
        "clock_off": "Clock off ({drift})",
        "unknown": "unknown", "not_yet": "not yet",
        "ago": "{duration} ago", "ahead": "{duration} ahead",
        "behind": "{duration} behind", "on_time": "on time",
        "config_current": "up to date", "config_behind": "newer settings on their way",
        "no_fleet": "no central settings",
        "format": "format {version}",
        "days": "{days} d {hours} h", "hours": "{hours} h {minutes} min",
        "minutes": "{minutes} min", "seconds": "{seconds} s",
        "back": "Ratings and visits",
    },
}


@dataclass(frozen=True)
class TerminalsAsk:
    """What the page's address asks for: a view of the fleet and a page of it."""
    view: FleetView
    page: int               # from 1; a page past the last shows the last
    store_asked: str        # as typed, to name a store that does not exist

    def query(self, page: int | None = None) -> str:
        """The address's filters and page (only those not at their default), for links."""
        params: dict[str, Any] = {}
        if self.view.store_id is not None:
            params["store_id"] = self.view.store_id
        if self.view.attention_only:
            params["attention"] = "1"
        page = self.page if page is None else page
        if page > 1:
            params["page"] = page
        return urlencode(params)


def terminals_ask(params: Mapping[str, str]) -> TerminalsAsk:
    """The page's query parameters, read leniently: a page that is not a whole number is
    the first, one past the last is the last; an unknown store is for `terminals_page`."""
    store = (params.get("store_id") or "").strip()
    return TerminalsAsk(
        FleetView(store or None, params.get("attention", "").lower() in ("1", "true", "on")),
        page=_page_number((params.get("page") or "").strip()),
        store_asked="".join(c for c in store if c.isprintable())[:64])


def _page_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        return 1
    return max(1, int(text)) if len(text) < 19 else 10 ** 18     # huge: past any last page


def terminals_page(session: Session, language: str, ask: TerminalsAsk, now: datetime,
                   silent_minutes: int, username: str, csrf_token: str) -> tuple[str, int]:
    """The page and its HTTP status: 404 for a store that does not exist."""
    words = FLEET_TEXT[language]
    stores = store_choices(session)
    store_names = dict(stores)
    if ask.view.store_id is not None and ask.view.store_id not in store_names:
        return _render(language, ask, silent_minutes, username, csrf_token, stores,
                       rows=[], counts=None, pager=None, summary=None,
                       problem=words["unknown_store"].format(store=ask.store_asked)), 404
    counts = fleet_counts(session, now, silent_minutes, ask.view.store_id)
    shown = counts.attention if ask.view.attention_only else counts.terminals
    pages = max(1, -(-shown // PAGE_SIZE))
    ask = replace(ask, page=min(ask.page, pages))
    health = fleet_health(session, now, silent_minutes, ask.view,
                          offset=(ask.page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    first = (ask.page - 1) * PAGE_SIZE + 1
    pager = None if shown <= PAGE_SIZE else {
        "text": words["page_of"].format(
            page=number(ask.page, language), pages=number(pages, language),
            first=number(first, language), last=number(first + len(health) - 1, language)),
        "previous": ask.query(ask.page - 1) if ask.page > 1 else None,
        "next": ask.query(ask.page + 1) if ask.page < pages else None}
    return _render(language, ask, silent_minutes, username, csrf_token, stores,
                   rows=[_row(language, terminal, now) for terminal in health],
                   counts=_counts(language, counts), pager=pager, problem=None,
                   summary=_summary(language, counts, store_names.get(ask.view.store_id))), 200


def _render(language: str, ask: TerminalsAsk, silent_minutes: int, username: str,
            csrf_token: str, stores: list[tuple[str, str]], **parts: Any) -> str:
    words = FLEET_TEXT[language]
    return render("dashboard/terminals.html", **_frame(language, words["title"], ask.query()),
                  words=words, username=username, csrf_token=csrf_token, stores=stores,
                  view=ask.view, silent_rule=words["silent_rule"].format(
                      minutes=number(silent_minutes, language),
                      clock=number(int(CLOCK_OFF_S // 60), language)), **parts)


def _summary(language: str, counts: FleetCounts, store: str | None) -> str:
    words = FLEET_TEXT[language]
    figures = {"count": number(counts.terminals, language),
               "terminals": words["terminal_1" if counts.terminals == 1 else "terminal_n"],
               "trouble": number(counts.attention, language)}
    return words["summary_store"].format(store=store, **figures) if store \
        else words["summary"].format(**figures)


def _counts(language: str, counts: FleetCounts) -> list[str]:
    """Each problem's count, in the page's order."""
    words = FLEET_TEXT[language]
    return [words["count"].format(
        label=words[f"count_{problem}"].format(limit=number(LARGE_OUTBOX_ITEMS, language)),
        count=number(counts.problems[problem], language)) for problem in PROBLEMS]


def _row(language: str, terminal: TerminalHealth, now: datetime) -> dict[str, Any]:
    words = FLEET_TEXT[language]
    unknown = words["unknown"]
    return {
        "terminal": terminal.terminal, "store": terminal.store,
        "trouble": bool(terminal.problems),
        "states": [_state(language, terminal, problem) for problem in terminal.problems]
        or [words["ok"]],
        "version": terminal.version or unknown,
        "config": _config(language, terminal),
        "last_heartbeat": _moment(language, terminal.last_heartbeat_at, now)
        if terminal.last_heartbeat_at else (words["never_heard"], ""),
        "clock": unknown if terminal.clock_drift_s is None
        else _drift(language, terminal.clock_drift_s),
        "outbox": unknown if terminal.outbox is None else number(terminal.outbox, language),
        "dead_letters": unknown if terminal.dead_letters is None
        else number(terminal.dead_letters, language),
        "last_pull": _terminal_time(language, terminal.last_pull_at, now),
    }


def _state(language: str, terminal: TerminalHealth, problem: str) -> str:
    words = FLEET_TEXT[language]
    if problem == "silent":
        return words["silent"].format(duration=duration(terminal.silent_minutes * 60,
                                                        language))
    if problem == "dead_letters":
        return words["dead_letters_1"] if terminal.dead_letters == 1 else \
            words["dead_letters_n"].format(count=number(terminal.dead_letters, language))
    if problem == "outbox_large":
        return words["outbox_large"].format(count=number(terminal.outbox, language))
    if problem == "clock_off":
        return words["clock_off"].format(drift=_drift(language, terminal.clock_drift_s))
    return words[problem]


def _config(language: str, terminal: TerminalHealth) -> str:
    words = FLEET_TEXT[language]
    if terminal.config_revision is None:
        return words["unknown"]
    parts = [words["format"].format(version=terminal.config_version)] \
        if terminal.config_version is not None else []
    if terminal.config_revision == "":
        parts.append(words["no_fleet"])
    else:
        state = words["config_current"] if terminal.config_current else words["config_behind"]
        parts.append(f"{terminal.config_revision[:8]} ({state})")
    return ", ".join(parts)


def duration(seconds: float, language: str) -> str:
    words = FLEET_TEXT[language]
    whole = int(round(abs(seconds)))
    if whole < 60:
        return words["seconds"].format(seconds=whole)
    minutes = whole // 60
    if minutes < 60:
        return words["minutes"].format(minutes=minutes)
    if minutes < 24 * 60:
        return words["hours"].format(hours=minutes // 60, minutes=minutes % 60)
    return words["days"].format(days=minutes // (24 * 60), hours=minutes // 60 % 24)


def _drift(language: str, drift_s: float) -> str:
    words = FLEET_TEXT[language]
    if abs(drift_s) < 1:
        return words["on_time"]
    return words["ahead" if drift_s > 0 else "behind"].format(
        duration=duration(drift_s, language))


def _moment(language: str, moment: datetime, now: datetime) -> tuple[str, str]:
    """How long ago, then the date and time in the chain's zone."""
    local = moment.astimezone(CHAIN_ZONE)
    text = TEXT[language]
    day = text["date"].format(day=local.day, month=text["months"][local.month - 1],
                              year=local.year)
    ago = FLEET_TEXT[language]["ago"].format(
        duration=duration(max(0.0, (now - moment).total_seconds()), language))
    return ago, f"{day} {local:%H:%M}"


def _terminal_time(language: str, written: str | None, now: datetime) -> tuple[str, str]:
    """A time the terminal wrote with its own clock ("" when it said it has none yet)."""
    words = FLEET_TEXT[language]
    if written is None:
        return words["unknown"], ""
    if written == "":
        return words["not_yet"], ""
    try:
        moment = datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:
        return written, ""
    return _moment(language, moment, now) if moment.tzinfo else (written, "")
