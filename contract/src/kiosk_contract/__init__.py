"""What the kiosk terminal and its central server must agree on, declared once for both:
the catalog records the change feed carries, how order references are drawn, and the
terminal's settings schema (the server checks a chain's fleet settings with it)."""
