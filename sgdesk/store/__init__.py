"""SQLite storage of the corpus (sqlite-utils at build time, read-only at run time). No Qt."""
