"""vznews.tui: the Textual explorer over the local store (the only package that imports Textual)."""
