"""Screens of the explorer: the three views, pages pushed on top of them, and dialogs."""
