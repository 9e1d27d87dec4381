"""The Slack channel: a thin Bolt adapter over the dialogue engine (intents.engine)."""
