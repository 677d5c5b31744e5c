"""Scoring predictions against gold (ANNOTATION.md §4), gold validation and reports."""
