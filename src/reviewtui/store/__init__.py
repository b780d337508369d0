"""Durable storage on TinyDB: atomic files, one lock per data dir, one file per meeting."""
