"""Handling reports in chat (chef, MAS, admin; sjuksköterska comments) and automatic feedback to the reporter."""

from intents.report_handling.handling import answer_handling, handles

__all__ = ["answer_handling", "handles"]
