"""Readers that turn catalog files from other systems into kiosk catalog records."""
