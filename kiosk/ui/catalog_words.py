"""Words of the catalog itself, shown in the shopper's language when they are known ones."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Catalog words shoppers read: colours, attribute names, yes/no values and the demo
# catalog's category names. They are translated when listed here; any other word is shown
# as the catalog writes it (a chain with its catalog in French needs no list).
_CATALOG_WORDS = (
    QT_TRANSLATE_NOOP("CatalogWords", "Black"), QT_TRANSLATE_NOOP("CatalogWords", "Blue"),
    QT_TRANSLATE_NOOP("CatalogWords", "Brown"), QT_TRANSLATE_NOOP("CatalogWords", "Gray"),
    QT_TRANSLATE_NOOP("CatalogWords", "Green"), QT_TRANSLATE_NOOP("CatalogWords", "Lavender"),
    QT_TRANSLATE_NOOP("CatalogWords", "Orange"), QT_TRANSLATE_NOOP("CatalogWords", "Purple"),
    QT_TRANSLATE_NOOP("CatalogWords", "Red"), QT_TRANSLATE_NOOP("CatalogWords", "White"),
    QT_TRANSLATE_NOOP("CatalogWords", "Yellow"),
    QT_TRANSLATE_NOOP("CatalogWords", "Yes"), QT_TRANSLATE_NOOP("CatalogWords", "No"),
    QT_TRANSLATE_NOOP("CatalogWords", "Price"), QT_TRANSLATE_NOOP("CatalogWords", "Sizes"),
    QT_TRANSLATE_NOOP("CatalogWords", "Colours"), QT_TRANSLATE_NOOP("CatalogWords", "Material"),
    QT_TRANSLATE_NOOP("CatalogWords", "Pattern"), QT_TRANSLATE_NOOP("CatalogWords", "Climate"),
    QT_TRANSLATE_NOOP("CatalogWords", "Eco collection"),
    QT_TRANSLATE_NOOP("CatalogWords", "Performance fabric"),
    QT_TRANSLATE_NOOP("CatalogWords", "Erin recommends"),
    QT_TRANSLATE_NOOP("CatalogWords", "New"), QT_TRANSLATE_NOOP("CatalogWords", "Sale"),
    QT_TRANSLATE_NOOP("CatalogWords", "Style"), QT_TRANSLATE_NOOP("CatalogWords", "Features"),
    QT_TRANSLATE_NOOP("CatalogWords", "Strap"), QT_TRANSLATE_NOOP("CatalogWords", "Activity"),
    QT_TRANSLATE_NOOP("CatalogWords", "Category"), QT_TRANSLATE_NOOP("CatalogWords", "Gender"),
    QT_TRANSLATE_NOOP("CatalogWords", "Women"), QT_TRANSLATE_NOOP("CatalogWords", "Men"),
    QT_TRANSLATE_NOOP("CatalogWords", "Gear"), QT_TRANSLATE_NOOP("CatalogWords", "Tops"),
    QT_TRANSLATE_NOOP("CatalogWords", "Bottoms"), QT_TRANSLATE_NOOP("CatalogWords", "Jackets"),
    QT_TRANSLATE_NOOP("CatalogWords", "Hoodies & Sweatshirts"),
    QT_TRANSLATE_NOOP("CatalogWords", "Tees"), QT_TRANSLATE_NOOP("CatalogWords", "Tanks"),
    QT_TRANSLATE_NOOP("CatalogWords", "Bras & Tanks"),
    QT_TRANSLATE_NOOP("CatalogWords", "Pants"), QT_TRANSLATE_NOOP("CatalogWords", "Shorts"),
    QT_TRANSLATE_NOOP("CatalogWords", "Bags"),
    QT_TRANSLATE_NOOP("CatalogWords", "Fitness Equipment"),
    QT_TRANSLATE_NOOP("CatalogWords", "Watches"),
)


def catalog_word(word: str) -> str:
    """A catalog word in the shopper's language when it is a known one, else as written."""
    return QCoreApplication.translate("CatalogWords", word)
