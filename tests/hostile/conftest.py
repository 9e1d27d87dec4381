"""Hostile input: the NLU, the dialogue engine, the CSV import and the Slack HTTP path fed with
anything. The fixtures are the fault tests' (one shared NLU, the real Slack app over HTTP)."""

from tests.faults.conftest import slack_on_sqlite  # noqa: F401
from tests.slack.conftest import seeded, services_on  # noqa: F401
