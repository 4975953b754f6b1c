"""vznews: a keyboard-driven terminal news explorer (headless core; the UI lives in vznews.tui)."""

__version__ = "0.1.0"
