"""Simulated hurried reporters: personas with a hidden truth who answer whatever the bot asks.

Used by tests/conversation/test_simulated_reporters.py (every persona, every style, every property)
and by bench/dialogue_turns.py (turns per report and the share stored correctly).
"""
