"""A deterministic synthetic catalog derived from Luma, for benchmarks at 100k and 1M.

Names recombine the words real Luma names are made of (model names, product types,
materials, patterns), so searches see a realistic vocabulary and realistic prefix
collisions rather than random strings. The same size and seed give the same catalog.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

from kiosk_contract.catalog import Product

SEED = "kiosk-synthetic-1"
MAX_VARIANTS = 4


def luma_vocabulary(products: list[Product]) -> tuple[list[str], list[str], list[str]]:
    """Model names (first words), product types (last words) and attribute words."""
    models, kinds, extras = set(), set(), set()
    for product in products:
        words = product.name.split()
        if len(words) >= 2:
            models.add(words[0])
            kinds.add(words[-1])
        for key in ("material", "pattern", "climate", "activity"):
            for value in product.attributes.get(key, "").split(", "):
                if value and " " not in value:
                    extras.add(value)
    return sorted(models), sorted(kinds), sorted(extras)


def synthetic_products(luma: list[Product], count: int, seed: str = SEED) -> Iterator[Product]:
    rng = random.Random(seed)
    models, kinds, extras = luma_vocabulary(luma)
    for index in range(count):
        base = luma[rng.randrange(len(luma))]
        name = f"{rng.choice(models)} {rng.choice(extras)} {rng.choice(kinds)}"
        sku = f"SY{index:07d}"
        chosen = rng.sample(base.variants, min(len(base.variants), rng.randint(1, MAX_VARIANTS)))
        price = _vary_price(rng, base.price_cents)
        variants = tuple(
            dataclasses.replace(v, sku=f"{sku}-{n}", price_cents=price, barcode=None)
            for n, v in enumerate(chosen))
        # The first paragraph is enough text for the description tier of search.
        description = base.description_html.split("</p>")[0]
        yield dataclasses.replace(
            base, sku=sku, name=name, variants=variants, description_html=description,
            price_cents=price, featured=False)


def _vary_price(rng: random.Random, cents: int) -> int:
    return max(100, int(cents * rng.uniform(0.6, 1.6)) // 100 * 100 + 99)

