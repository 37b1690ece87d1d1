"""Writing the catalog: every write also renumbers the record in the change log.

Call inside `Database.writing(catalog=True)`, which lets one writer in at a time, so
that change numbers follow commit order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central.db import models
from central.db.engine import utc_now
from central.feed import build_records, encode
from kiosk_contract import catalog as records

CHUNK = 500


class CatalogWriter:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._insert = postgresql.insert if session.bind.dialect.name == "postgresql" \
            else sqlite.insert
        # Above every number ever handed out: the newest rows may be tombstones that were
        # pruned, and a terminal already past them must not be given their numbers again.
        pruned = session.get(models.Meta, "pruned_through")
        highest = session.scalar(select(func.max(models.ChangeLog.seq))) or 0
        self._next = max(highest, int(pruned.value) if pruned else 0) + 1
        self.now = utc_now()

    # --- records ---------------------------------------------------------------------

    def categories(self, items: Sequence[records.Category]) -> None:
        self._upsert(models.Category, ["path"], [
            {"path": c.path, "name": c.name, "position": c.position, "in_menu": c.in_menu,
             "image": c.image, "translations": c.translations} for c in items])
        self._log("category", [c.path for c in items])

    def products(self, items: Sequence[records.Product]) -> None:
        self._upsert(models.Product, ["sku"], [
            {"sku": p.sku, "name": p.name, "price_cents": p.price_cents,
             "special_price_cents": p.special_price_cents, "special_from": p.special_from,
             "special_to": p.special_to, "description_html": p.description_html,
             "image": p.image, "gallery": list(p.gallery), "attributes": dict(p.attributes),
             "categories": list(dict.fromkeys(p.categories)), "featured": p.featured,
             "short_description_html": p.short_description_html, "image_label": p.image_label,
             "translations": p.translations}
            for p in items])
        skus = [p.sku for p in items]
        for chunk in _chunks(skus):
            self.session.execute(delete(models.Variant).where(
                models.Variant.product_sku.in_(chunk)))
        self._upsert(models.Variant, ["sku"], [
            {"sku": v.sku, "product_sku": p.sku, "position": n, "price_cents": v.price_cents,
             "special_price_cents": v.special_price_cents, "size": v.size, "color": v.color,
             "barcode": v.barcode, "image": v.image, "translations": v.translations}
            for p in items for n, v in enumerate(p.variants)])
        self._log("product", skus)

    def product_translations(self, items: Sequence[records.Product]) -> None:
        """Write the translations of products that exist and of their variants, and
        nothing else of them (a file of store-view rows brings no more)."""
        self._set_translations(models.Product, [(p.sku, p.translations) for p in items])
        self._set_translations(models.Variant, [(v.sku, v.translations)
                                                for p in items for v in p.variants])
        self._log("product", [p.sku for p in items])

    def category_translations(self, translations: dict[str, records.Translations]) -> None:
        """Set the translations of categories that exist, by path, each replacing what the
        category held. Unknown paths are left out."""
        known = set()
        for chunk in _chunks(list(translations)):
            known |= set(self.session.scalars(select(models.Category.path)
                                              .where(models.Category.path.in_(chunk))))
        paths = [path for path in translations if path in known]
        self._set_translations(models.Category, [(path, translations[path]) for path in paths])
        self._log("category", paths)

    def stores(self, items: Sequence[records.Store]) -> None:
        self._upsert(models.Store, ["id"], [
            {"id": s.id, "name": s.name, "address": s.address, "postal_code": s.postal_code,
             "city": s.city, "latitude": s.latitude, "longitude": s.longitude,
             "phone": s.phone, "opening_hours": dict(s.opening_hours)} for s in items])
        self._log("store", [s.id for s in items])

    def stock(self, items: Sequence[records.StockLevel]) -> None:
        self._upsert(models.Stock, ["variant_sku", "store_id"], [
            {"variant_sku": s.variant_sku, "store_id": s.store_id, "quantity": s.quantity,
             "taken_at": _moment(s.taken_at),
             "restock_date": date.fromisoformat(s.restock_date) if s.restock_date else None}
            for s in items])
        self._log("stock", [f"{s.variant_sku}@{s.store_id}" for s in items])

    def stock_changed(self, keys: Sequence[str]) -> None:
        """Send again the stock figures `SKU@STORE` whose held units changed (a
        reservation made, settled or expired): what the store can promise moved."""
        self._log("stock", keys)

    def delete(self, kind: str, keys: Sequence[str]) -> None:
        if kind == "stock":
            pairs = [tuple(key.rsplit("@", 1)) for key in keys]
            for chunk in _chunks(pairs):
                self.session.execute(delete(models.Stock).where(
                    tuple_(models.Stock.variant_sku, models.Stock.store_id).in_(chunk)))
        else:
            model, column = {"product": (models.Product, models.Product.sku),
                             "category": (models.Category, models.Category.path),
                             "store": (models.Store, models.Store.id)}[kind]
            for chunk in _chunks(list(keys)):
                self.session.execute(delete(model).where(column.in_(chunk)))
        self._log(kind, keys, deleted=True)

    # --- plumbing --------------------------------------------------------------------

    def _upsert(self, model: type, keys: list[str], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        # One statement run for every row (the driver's executemany), on the table: a
        # multi-row VALUES statement through the ORM was checked and compiled anew for
        # every chunk, which took far longer than the writing itself.
        statement = self._insert(model.__table__)
        updated = {c: statement.excluded[c] for c in rows[0] if c not in keys}
        self.session.connection().execute(
            statement.on_conflict_do_update(index_elements=keys, set_=updated), rows)

    def _set_translations(self, model: type, rows: list[tuple[str, records.Translations]]
                          ) -> None:
        """One UPDATE statement run for every row (executemany), by primary key."""
        if not rows:
            return
        table = model.__table__
        [key] = table.primary_key.columns
        statement = update(table).where(key == bindparam("key")) \
            .values(translations=bindparam("translations"))
        self.session.connection().execute(
            statement, [{"key": key_value, "translations": translations}
                        for key_value, translations in rows])

    def _log(self, kind: str, keys: Iterable[str], *, deleted: bool = False) -> None:
        """Renumber the records and store the JSON the feed will serve for each.

        The JSON is read back from the tables just written, by the code that builds a
        record the log holds none for: one way to make it, whatever wrote the record.
        """
        keys = list(dict.fromkeys(keys))
        records: dict[str, str] = {}
        if not deleted:
            for chunk in _chunks(keys, 5000):
                records.update(build_records(self.session.connection(), kind, chunk))
        rows = []
        for key in keys:
            record = encode({"kind": kind, "key": key}) if deleted else records.get(key)
            rows.append({"kind": kind, "key": key, "seq": self._next, "deleted": deleted,
                         "changed_at": self.now, "record": record})
            self._next += 1
        self._upsert(models.ChangeLog, ["kind", "key"], rows)


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
