"""Reminders, as the best incident tools give them: what is still waiting, to whoever should act,
in one message per person per working day."""
