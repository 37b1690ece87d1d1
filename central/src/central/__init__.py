"""The reference central server of the kiosk chain: the HTTP contract of docs/api.md."""
