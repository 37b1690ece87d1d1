"""One file per shopper screen."""
