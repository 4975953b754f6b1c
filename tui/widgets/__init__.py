"""Widgets of the explorer: virtual lists, the reader, panes and status lines."""
