"""Numbered schema migrations (NNNN_name.py), each with `up(migrator, db)` and frozen models."""
