"""Ingest: the network (or local files) -> plain, normalized records for the store.

fetch (conditional GET, limits, politeness) -> parse (bytes + headers -> ParsedFeed)
-> filters (keywords) -> sync (parallel fetch, serial writes, later phases).
Nothing here imports Textual or Rich.
"""
