"""Answers for statistics questions: plain counts, groupings, trends, open and severe reports."""
