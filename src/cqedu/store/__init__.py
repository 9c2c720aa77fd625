"""The SQLite knowledge base: its tables, the cache of facts files, the FTS5 index."""
