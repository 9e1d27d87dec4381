"""Gallring: removing what the municipality's document plan says may go, on command and nightly."""
