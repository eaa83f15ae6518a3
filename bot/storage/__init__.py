"""Where misses and votes are kept: SQLite in the data directory, or PostgreSQL when
DATABASE_URL is set, behind the one `Store` interface. Never imports discord."""
