"""Qt widgets of the kiosk. Everything else lives in kiosk.core, which imports no Qt."""
