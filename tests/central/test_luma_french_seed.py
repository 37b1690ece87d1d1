"""The demo chain's central catalog carries our French (assets/demo/luma_fr_store_view.csv),
so every terminal that syncs with it gets the catalog in French."""

from sqlalchemy import select

from central.db import models


def test_the_seeded_demo_catalog_is_in_french_too(seeded_database):
    with seeded_database.reading() as session:
        products = {p.sku: p for p in session.scalars(select(models.Product))}
        variants = {v.sku: v for v in session.scalars(
            select(models.Variant).where(models.Variant.sku.in_(
                ["WJ06-XS-Blue", "MP01-36-Gray", "24-WG085", "24-MB01"])))}
        categories = {c.path: c for c in session.scalars(select(models.Category))}
    assert all("fr" in p.translations for p in products.values())
    juno = products["WJ06"]
    assert juno.name == "Juno Jacket"
    assert juno.translations["fr"]["name"] == "Veste Juno"
    assert juno.translations["fr"]["description_html"].startswith("<p>")
    assert juno.translations["fr"]["attributes"]["pattern"] == "Uni"
    assert products["24-MB01"].translations["fr"]["name"] == "Sac polochon Joust"
    assert variants["WJ06-XS-Blue"].translations == {"fr": {"color": "Bleu"}}
    assert variants["MP01-36-Gray"].translations == {"fr": {"color": "Gris"}}
    assert variants["24-WG085"].translations == {"fr": {"size": "1,8 m"}}
    assert variants["24-MB01"].translations == {}
    assert categories["Men/Tops/Hoodies & Sweatshirts"].translations == {
        "fr": {"name": "Sweats à capuche et sweat-shirts"}}
    assert categories["Gear/Fitness Equipment"].translations == {
        "fr": {"name": "Matériel de fitness"}}
