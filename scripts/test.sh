#!/usr/bin/env bash
# Sets up everything the tests need and runs the whole suite (SQLite and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
bash scripts/ensure_postgres.sh
exec .venv/bin/python -m pytest "$@"
