"""vznews.tui: the Textual explorer over the local store (the only package that imports Textual)."""

import os

# Textual repaints at most TEXTUAL_FPS (60) times a second, and a repaint asked for soon
# after an idle spell waits one to two ticks: up to 33 ms between search results arriving
# and the screen showing them. 120 halves that wait; nothing repaints unless it changed.
# Set here, before Textual is first imported, and only when the user has not set it.
os.environ.setdefault("TEXTUAL_FPS", "120")
