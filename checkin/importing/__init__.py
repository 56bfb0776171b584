"""Importing registration lists: reading files, recognising columns, merging into an event."""
