"""Extraction: quotations and their speakers (pure Python), entities (spaCy, loaded lazily)."""
