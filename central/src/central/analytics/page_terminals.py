"""The dashboard's Terminals page: each terminal's health in words, trouble first.

Every state is written out ("Silent for 2 h 5 min"), the row's tint only repeats it; what
a terminal from before a heartbeat field did not say is written "unknown".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from central.analytics.local_time import CHAIN_ZONE
from central.analytics.page import _frame, number
from central.analytics.page_text import TEXT
from central.fleet_health import CLOCK_OFF_S, TerminalHealth
from central.page_templates import render

FLEET_TEXT = {
    "fr": {
        "title": "Santé des terminaux",
        "summary": "{count} terminaux en service, dont {trouble} à surveiller.",
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
        "summary": "{count} terminals in service, {trouble} of them to look at.",
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


def terminals_page(language: str, health: list[TerminalHealth], now: datetime,
                   silent_minutes: int, username: str, csrf_token: str) -> str:
    words = FLEET_TEXT[language]
    rows = [_row(language, terminal, now) for terminal in health]
    return render("dashboard/terminals.html", **_frame(language, words["title"]),
                  words=words, rows=rows, username=username, csrf_token=csrf_token,
                  summary=words["summary"].format(
                      count=number(len(rows), language),
                      trouble=number(sum(1 for r in rows if r["trouble"]), language)),
                  silent_rule=words["silent_rule"].format(
                      minutes=number(silent_minutes, language),
                      clock=number(int(CLOCK_OFF_S // 60), language)))


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
