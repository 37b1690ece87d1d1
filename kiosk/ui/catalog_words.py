"""The catalog words translators are asked for, listed for lupdate.

Catalog words shoppers read: colours, sizes, attribute names and values, yes/no and the
demo catalog's category names. Listed here, they land in the "CatalogWords" context of
kiosk/i18n/kiosk_<language>.ts, from which kiosk.core.catalog_words reads them for every
screen (through Formatter.word) and for the central server's order page. Any other word is
shown as the catalog writes it (a chain with its catalog in French needs no list).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

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
    QT_TRANSLATE_NOOP("CatalogWords", "Promotions"),
    QT_TRANSLATE_NOOP("CatalogWords", "Women Sale"), QT_TRANSLATE_NOOP("CatalogWords", "Men Sale"),
    QT_TRANSLATE_NOOP("CatalogWords", "Collections"),
    QT_TRANSLATE_NOOP("CatalogWords", "New Luma Yoga Collection"),
    QT_TRANSLATE_NOOP("CatalogWords", "Erin Recommends"),
    QT_TRANSLATE_NOOP("CatalogWords", "Erin Recommends New"),
    QT_TRANSLATE_NOOP("CatalogWords", "Performance Fabrics"),
    QT_TRANSLATE_NOOP("CatalogWords", "Eco Friendly"),
    # Sizes written in words: the yoga straps' lengths.
    QT_TRANSLATE_NOOP("CatalogWords", "6 foot"), QT_TRANSLATE_NOOP("CatalogWords", "8 foot"),
    QT_TRANSLATE_NOOP("CatalogWords", "10 foot"),
    # Attribute values, each an item of a list such as "Men, Women, Unisex".
    QT_TRANSLATE_NOOP("CatalogWords", "Unisex"), QT_TRANSLATE_NOOP("CatalogWords", "Boys"),
    QT_TRANSLATE_NOOP("CatalogWords", "Girls"),
    QT_TRANSLATE_NOOP("CatalogWords", "Solid"), QT_TRANSLATE_NOOP("CatalogWords", "Striped"),
    QT_TRANSLATE_NOOP("CatalogWords", "Checked"),
    QT_TRANSLATE_NOOP("CatalogWords", "Color-Blocked"),
    QT_TRANSLATE_NOOP("CatalogWords", "Solid-Highlight"),
    QT_TRANSLATE_NOOP("CatalogWords", "Graphic Print"),
    QT_TRANSLATE_NOOP("CatalogWords", "All-weather"), QT_TRANSLATE_NOOP("CatalogWords", "Cold"),
    QT_TRANSLATE_NOOP("CatalogWords", "Cool"), QT_TRANSLATE_NOOP("CatalogWords", "Mild"),
    QT_TRANSLATE_NOOP("CatalogWords", "Warm"), QT_TRANSLATE_NOOP("CatalogWords", "Hot"),
    QT_TRANSLATE_NOOP("CatalogWords", "Indoor"), QT_TRANSLATE_NOOP("CatalogWords", "Rainy"),
    QT_TRANSLATE_NOOP("CatalogWords", "Windy"), QT_TRANSLATE_NOOP("CatalogWords", "Wintry"),
    QT_TRANSLATE_NOOP("CatalogWords", "Spring"),
    QT_TRANSLATE_NOOP("CatalogWords", "Yoga"), QT_TRANSLATE_NOOP("CatalogWords", "Gym"),
    QT_TRANSLATE_NOOP("CatalogWords", "Athletic"), QT_TRANSLATE_NOOP("CatalogWords", "Sports"),
    QT_TRANSLATE_NOOP("CatalogWords", "Recreation"),
    QT_TRANSLATE_NOOP("CatalogWords", "Outdoor"), QT_TRANSLATE_NOOP("CatalogWords", "Hiking"),
    QT_TRANSLATE_NOOP("CatalogWords", "Trail"), QT_TRANSLATE_NOOP("CatalogWords", "Travel"),
    QT_TRANSLATE_NOOP("CatalogWords", "Overnight"), QT_TRANSLATE_NOOP("CatalogWords", "Urban"),
    QT_TRANSLATE_NOOP("CatalogWords", "School"),
    QT_TRANSLATE_NOOP("CatalogWords", "Exercise"), QT_TRANSLATE_NOOP("CatalogWords", "Cardio"),
    QT_TRANSLATE_NOOP("CatalogWords", "Electronic"),
    QT_TRANSLATE_NOOP("CatalogWords", "Timepiece"),
    QT_TRANSLATE_NOOP("CatalogWords", "Fashion"), QT_TRANSLATE_NOOP("CatalogWords", "Hydration"),
    QT_TRANSLATE_NOOP("CatalogWords", "Cotton"),
    QT_TRANSLATE_NOOP("CatalogWords", "Organic Cotton"),
    QT_TRANSLATE_NOOP("CatalogWords", "Polyester"), QT_TRANSLATE_NOOP("CatalogWords", "Nylon"),
    QT_TRANSLATE_NOOP("CatalogWords", "Spandex"), QT_TRANSLATE_NOOP("CatalogWords", "Wool"),
    QT_TRANSLATE_NOOP("CatalogWords", "Fleece"), QT_TRANSLATE_NOOP("CatalogWords", "Mesh"),
    QT_TRANSLATE_NOOP("CatalogWords", "Canvas"), QT_TRANSLATE_NOOP("CatalogWords", "Leather"),
    QT_TRANSLATE_NOOP("CatalogWords", "Plastic"), QT_TRANSLATE_NOOP("CatalogWords", "Rubber"),
    QT_TRANSLATE_NOOP("CatalogWords", "Foam"), QT_TRANSLATE_NOOP("CatalogWords", "Metal"),
    QT_TRANSLATE_NOOP("CatalogWords", "Silicone"), QT_TRANSLATE_NOOP("CatalogWords", "Hemp"),
    QT_TRANSLATE_NOOP("CatalogWords", "Rayon"),
)
