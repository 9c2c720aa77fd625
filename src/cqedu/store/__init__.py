"""The SQLite knowledge base: its tables, the cache of read facts files, and the FTS5 search index."""
