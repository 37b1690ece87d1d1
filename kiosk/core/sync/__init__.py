"""Two-way sync with the central server: catalog and stock down, the journal's outbox up.

Nothing here knows Qt; `kiosk.ui.sync` runs the engine on the network worker.
"""
