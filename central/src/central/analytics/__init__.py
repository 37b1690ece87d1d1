"""Store analytics: ratings and events counted as they arrive, read by the dashboard."""
