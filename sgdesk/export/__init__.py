"""Rendering of pages: HTML for the reading pane and PDF, plain text for the CLI."""
