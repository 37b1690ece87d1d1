"""Everything that is not a widget: config, storage, search, import. Imports no Qt."""
