#!/usr/bin/env bash
# Creates .venv and installs omsorgsbot into it (with the test tools when given "dev").
# Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "omsorgsbot behöver Python 3.11 eller senare." >&2
    exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# One install marker for run.sh and test.sh: it says which extras are installed ("base" or "dev").
# A dev install serves both; run.sh after test.sh installs nothing.
stamp=".venv/.installed"
want=base
[ "${1:-}" = "dev" ] && want=dev
have=$(cat "$stamp" 2>/dev/null || echo none)
if [ "$have" = dev ]; then want=dev; fi
if [ "$have" = none ] || [ pyproject.toml -nt "$stamp" ] || [ "$want" != "$have" ]; then
    extra=""
    [ "$want" = dev ] && extra="[dev]"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"
    rm -f ".venv/.installed[dev]"  # the marker of older versions of this script
    echo "$want" > "$stamp"
fi
