"""Storage: the office's SQLite database, its peewee models and migrations."""
