"""`kiosk-demo seed-analytics`: weeks of made-up but plausible ratings and events for the
demo chain, so that the dashboard has something true-looking to show.

What it builds in: shoppers come at lunch and after work, and most on Saturday; queues
at those times bring waiting-time complaints and lower scores; one store (Marseille in
the demo chain) is weaker, with stock problems; a search in ten or so finds nothing,
with the words shoppers really type; a few bursts of presses flagged as misuse; about
one in five sessions leaves a rating and a few percent end in an order. A fixed seed
gives the same history for the same day.

The rows go in as terminals' rows do (local times worked out the same way, counts bumped
the same way), from one terminal per store made for this and revoked at once.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from central.analytics.local_time import CHAIN_ZONE, local_times
from central.analytics.rollups import Counts
from central.db import models
from central.db.engine import Database, utc_now

TERMINAL_PREFIX = "demo-history-"
WEAK_STORE = "marseille-canebiere"
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_FACTOR = (0.75, 0.8, 0.95, 0.9, 1.15, 1.7, 0.9)
# Shoppers per hour, relative: a lunch peak, a dip, the after-work peak.
_HOUR_FACTOR = {9: 0.35, 10: 0.5, 11: 0.75, 12: 1.35, 13: 1.45, 14: 0.85, 15: 0.8, 16: 0.95,
                17: 1.3, 18: 1.55, 19: 1.05, 20: 0.6}
_BUSY_HOURS = {12, 13, 18}
ZERO_RESULT_TEXTS = (
    ("doudoune", 30), ("chaussures de running", 26), ("maillot de bain", 22),
    ("legging grossesse", 14), ("tapis de yoga liège", 12), ("running shoes", 12),
    ("gourde inox", 11), ("veste gore-tex", 10), ("sac à dos 40l", 9),
    ("pantalon de ski", 9), ("brassière sport grande taille", 8), ("rain jacket kids", 7),
    ("montre gps", 7), ("chaussettes ski", 6), ("legins", 6), ("sweet a capuche", 6),
    ("gants tactiles", 5), ("short cycliste", 5), ("swimsuit", 5), ("bonnet", 5),
    ("yoga block", 4), ("kimono judo", 3), ("raquette de tennis", 3), ("taille 48", 3),
    ("casquette", 3), ("cadeau fête des pères", 2), ("vélo d'appartement", 2),
    ("Doudoune homme", 2), ("trail", 2), ("poncho pluie", 2),
)
SEARCH_TEXTS = ("veste", "yoga", "sac", "pantalon", "sweat", "brassière", "jacket", "hoodie",
                "short", "tee-shirt", "legging", "sac de sport", "montre", "ballon", "tank")
NEGATIVE = {"waiting_time": 3, "product_availability": 3, "staff": 1.5, "prices": 2,
            "store_tidiness": 1, "other": 0.6}
POSITIVE = {"staff_helpful": 3, "found_everything": 2.5, "good_prices": 1.2,
            "tidy_store": 1, "quick_visit": 2, "other_positive": 0.4}


@dataclass
class Seeded:
    stores: int = 0
    days: int = 0
    ratings: int = 0
    flagged: int = 0
    events: int = 0

    def summary(self) -> str:
        return (f"{self.ratings:,} ratings ({self.flagged:,} flagged as bursts) and "
                f"{self.events:,} events over {self.days} days in {self.stores} stores")


def seed_analytics(db: Database, weeks: int = 6, seed: int = 8,
                   now: datetime | None = None) -> Seeded:
    if not 1 <= weeks <= 104:
        raise ValueError("--weeks must be from 1 to 104")
    now = (now or utc_now()).astimezone(CHAIN_ZONE)
    rng = random.Random(f"{seed}-{now.date().isoformat()}")
    with db.writing() as session:
        stores = session.scalars(select(models.Store).order_by(models.Store.id)).all()
        if not stores:
            raise ValueError("no stores: run `kiosk-demo seed-central` (or import stores) first")
        terminals = _terminals(session, stores)
        skus = list(session.scalars(select(models.Product.sku).order_by(models.Product.sku)
                                    .limit(400))) or [f"DEMO-{n:03d}" for n in range(60)]
    result = Seeded(stores=len(stores), days=weeks * 7)
    first = now.date() - timedelta(days=weeks * 7 - 1)
    weak = WEAK_STORE if any(s.id == WEAK_STORE for s in stores) else stores[len(stores) // 2].id
    for offset in range(weeks * 7):
        day = first + timedelta(days=offset)
        ratings, events = [], []
        for store in stores:
            _store_day(rng, store, day, now, terminals[store.id], store.id == weak,
                       (offset / 7) / max(weeks, 1), skus, ratings, events)
        _write(db, ratings, events)
        result.ratings += len(ratings)
        result.flagged += sum(1 for r in ratings if r["misuse"])
        result.events += len(events)
    return result


def _terminals(session: Session, stores: list[models.Store]) -> dict[str, int]:
    ids = {}
    now = utc_now()
    for store in stores:
        name = (TERMINAL_PREFIX + store.id)[:100]
        terminal = session.scalar(select(models.Terminal).where(models.Terminal.name == name))
        if terminal is None:
            # Revoked from the start: it only signs the made-up history.
            terminal = models.Terminal(name=name, store_id=store.id,
                                       token_hash=hashlib.sha256(uuid.uuid4().bytes)
                                       .hexdigest(), created_at=now, revoked_at=now)
            session.add(terminal)
            session.flush()
        elif session.scalar(select(models.Rating.id).where(
                models.Rating.terminal_id == terminal.id).limit(1)) is not None:
            raise ValueError("the demo history is already there (terminals "
                             f"{TERMINAL_PREFIX}*); start from a fresh database to make it again")
        ids[store.id] = terminal.id
    return ids


def _opening(store: models.Store, day: date) -> tuple[int, int] | None:
    """Opening and closing hour of the day, rounded to whole hours."""
    span = (store.opening_hours or {}).get(_WEEKDAY_KEYS[day.weekday()], "")
    try:
        opens, closes = span.split("-")
        return int(opens.split(":")[0]), int(closes.split(":")[0])
    except (ValueError, AttributeError):
        return None


def _store_day(rng: random.Random, store: models.Store, day: date, now: datetime,
               terminal_id: int, weak: bool, progress: float, skus: list[str],
               ratings: list, events: list) -> None:
    hours = _opening(store, day)
    if hours is None:
        return
    size = 7 + _size(store.id)
    quality = (2.55 if weak else 3.15 + _size(store.id) * 0.05) + 0.12 * progress
    for hour in range(hours[0], hours[1]):
        mean = size * _DAY_FACTOR[day.weekday()] * _HOUR_FACTOR.get(hour, 0.3) \
            * (1 + 0.15 * progress)
        for _ in range(_poisson(rng, mean)):
            start = datetime(day.year, day.month, day.day, hour, rng.randrange(60),
                             rng.randrange(60), tzinfo=CHAIN_ZONE)
            if start >= now:
                continue
            busy = hour in _BUSY_HOURS or (day.weekday() == 5 and 14 <= hour <= 17)
            _session(rng, store.id, terminal_id, start, now, busy, weak, quality, skus,
                     ratings, events)
        if rng.random() < 0.012:               # a child hammering the faces
            start = datetime(day.year, day.month, day.day, hour, rng.randrange(50),
                             tzinfo=CHAIN_ZONE)
            if start < now:
                score = rng.choice((1, 4))
                for press in range(rng.randint(6, 12)):
                    ratings.append(_rating(rng, store.id, terminal_id,
                                           start + timedelta(seconds=2 * press), now, score,
                                           [], misuse=True))


def _size(store_id: str) -> int:
    # Bigger stores get more shoppers; fixed per store, not random per run.
    return int(hashlib.sha256(store_id.encode()).hexdigest()[:2], 16) % 6


def _session(rng, store_id, terminal_id, start, now, busy, weak, quality, skus,
             ratings, events) -> None:
    moment = start
    events.append(_event(rng, store_id, terminal_id, moment, now, "session_start", {}))
    views = 0
    for _ in range(rng.choices((0, 1, 2, 3), (0.35, 0.4, 0.17, 0.08))[0]):
        moment += timedelta(seconds=rng.randint(5, 40))
        if rng.random() < (0.17 if weak else 0.11):
            text = rng.choices([t for t, _ in ZERO_RESULT_TEXTS],
                               [w for _, w in ZERO_RESULT_TEXTS])[0]
            events.append(_event(rng, store_id, terminal_id, moment, now,
                                 "zero_result_search", {"text": text}))
        else:
            events.append(_event(rng, store_id, terminal_id, moment, now, "search",
                                 {"text": rng.choice(SEARCH_TEXTS),
                                  "result_count": rng.randint(1, 120)}))
    for _ in range(rng.choices((0, 1, 2, 3, 4), (0.25, 0.35, 0.2, 0.12, 0.08))[0]):
        moment += timedelta(seconds=rng.randint(10, 90))
        views += 1
        events.append(_event(rng, store_id, terminal_id, moment, now, "product_view",
                             {"sku": rng.choice(skus)}))
    if rng.random() < 0.015 + 0.02 * views:
        moment += timedelta(seconds=rng.randint(60, 240))
        items = rng.choices((1, 2, 3), (0.7, 0.22, 0.08))[0]
        events.append(_event(rng, store_id, terminal_id, moment, now, "order_placed",
                             {"lines": items, "items": items,
                              "total_cents": items * rng.randint(1900, 9900),
                              "delivery": rng.choice(("standard", "standard", "express"))}))
    if rng.random() < 0.2:
        moment += timedelta(seconds=rng.randint(5, 30))
        mean = quality - (0.45 if busy else 0.0)
        score = min(4, max(1, round(rng.gauss(mean, 0.75))))
        ratings.append(_rating(rng, store_id, terminal_id, moment, now, score,
                               _reasons(rng, score, busy, weak), misuse=False))
    moment += timedelta(seconds=rng.randint(5, 60))
    events.append(_event(rng, store_id, terminal_id, moment, now, "session_end", {}))


def _reasons(rng: random.Random, score: int, busy: bool, weak: bool) -> list[str]:
    if score <= 2:
        weights = dict(NEGATIVE)
        if busy:
            weights["waiting_time"] *= 3
        if weak:
            weights["product_availability"] *= 2.5
            weights["store_tidiness"] *= 2
        count = rng.choices((0, 1, 2), (0.2, 0.55, 0.25))[0]
    else:
        weights = dict(POSITIVE)
        if not busy:
            weights["quick_visit"] *= 1.5
        count = rng.choices((0, 1, 2), (0.45, 0.4, 0.15))[0]
    chosen: list[str] = []
    while len(chosen) < count:
        code = rng.choices(list(weights), list(weights.values()))[0]
        if code not in chosen:
            chosen.append(code)
    return chosen


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _received(rng: random.Random, moment: datetime, now: datetime) -> datetime:
    # Sent within the minute, mostly; now and then after a network outage.
    delay = timedelta(seconds=rng.randint(2, 90)) if rng.random() > 0.03 \
        else timedelta(minutes=rng.randint(10, 240))
    return min(moment + delay, now).astimezone(timezone.utc)


def _new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _rating(rng, store_id, terminal_id, moment, now, score, reasons, misuse) -> dict:
    payload = {"id": _new_id(rng), "store_id": store_id, "score": score, "reasons": reasons,
               "rated_terminal_at": moment.isoformat(timespec="seconds"), "misuse": misuse}
    received = _received(rng, moment, now)
    times = local_times(payload["rated_terminal_at"], received)
    return {**payload, "content_hash": _digest(payload), "terminal_id": terminal_id,
            "received_at": received, "local_date": times.local_date,
            "local_hour": times.local_hour, "local_dow": times.local_dow, "day": times.day}


def _event(rng, store_id, terminal_id, moment, now, event_type, data) -> dict:
    payload = {"id": _new_id(rng), "store_id": store_id, "type": event_type,
               "occurred_terminal_at": moment.isoformat(timespec="seconds"), "data": data}
    received = _received(rng, moment, now)
    times = local_times(payload["occurred_terminal_at"], received)
    return {**payload, "content_hash": _digest(payload), "terminal_id": terminal_id,
            "received_at": received, "local_date": times.local_date,
            "local_hour": times.local_hour, "local_dow": times.local_dow, "day": times.day}


def _write(db: Database, ratings: list[dict], events: list[dict]) -> None:
    counts = Counts()
    for r in ratings:
        counts.add_rating(r["store_id"], r["day"], r["local_hour"], r["local_dow"],
                          r["score"], r["misuse"], r["reasons"])
    for e in events:
        counts.add_event(e["store_id"], e["day"], e["local_hour"], e["local_dow"], e["type"],
                         e["data"])
    with db.writing() as session:
        for start in range(0, len(ratings), 5000):
            session.execute(insert(models.Rating), ratings[start:start + 5000])
        for start in range(0, len(events), 5000):
            session.execute(insert(models.Event), events[start:start + 5000])
        counts.write(session)
