"""A variant's stock in every store of the chain: this store first, then the nearest.

The figures are the cache's, each with the server time it was counted at, so the screen
can say how fresh it is. Distances are great-circle distances between the stores'
coordinates: a shopper wants the store nearest to this one, not a route.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class StoreStock:
    store_id: str
    name: str
    address: str
    postal_code: str
    city: str
    phone: str
    opening_hours: dict[str, str]      # 'mon' -> '10:00-20:00'; a missing day is closed
    distance_km: float                 # from this store; 0 for this store
    quantity: int | None               # None: no figure for this store
    taken_at: str | None               # server time of the figure
    restock_date: str | None

    @property
    def is_here(self) -> bool:
        return self.distance_km == 0


def stock_in_stores(conn: sqlite3.Connection, variant_sku: str,
                    here: str) -> list[StoreStock]:
    rows = conn.execute(
        "SELECT s.id, s.name, s.address, s.postal_code, s.city, s.phone, s.opening_hours, "
        "s.latitude, s.longitude, k.quantity, k.taken_at, k.restock_date "
        "FROM stores s LEFT JOIN stock k ON k.store_id = s.id AND k.variant_sku = ?",
        (variant_sku,)).fetchall()
    origin = next(((row[7], row[8]) for row in rows if row[0] == here), None)
    found = []
    for (store_id, name, address, postal_code, city, phone, hours, latitude, longitude,
         quantity, taken_at, restock_date) in rows:
        distance = 0.0 if store_id == here or origin is None else \
            great_circle_km(origin, (latitude, longitude))
        found.append(StoreStock(store_id, name, address, postal_code, city, phone,
                                json.loads(hours), distance, quantity, taken_at,
                                restock_date))
    # This store first, then by distance; without coordinates for this store, by name.
    found.sort(key=lambda s: (not s.is_here if origin else s.store_id != here,
                              s.distance_km, s.name))
    return found


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
