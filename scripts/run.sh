#!/usr/bin/env bash
# Sets up and starts the bot: in Slack when tokens are configured, otherwise in the terminal
# on an embedded SQLite database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/omsorgsbot start "$@"
