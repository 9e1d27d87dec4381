#!/usr/bin/env bash
# The test suite starts its own PostgreSQL server; this makes sure the server's programs exist.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar PostgreSQL för testerna ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
else
    echo "PostgreSQL saknas och kan inte installeras här; PostgreSQL-testerna hoppas över (utom i CI)." >&2
fi
