"""Rendering: turn derived data into Markdown pages, HTML fragments and data files.

Nothing here knows about MkDocs; the plugin decides where the output goes.
"""
