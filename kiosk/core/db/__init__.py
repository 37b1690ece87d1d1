"""The terminal's two SQLite files: a rebuildable cache and a precious journal."""
