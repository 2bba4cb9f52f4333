#!/usr/bin/env bash
# Makes sure what n8n's queue mode needs besides n8n is installed: Debian's Redis (the Bull queue) and PostgreSQL
# (the database the main and the workers share), for the queue-mode tests (test/e2e-queue) and the benchmark's
# scale-out figure. Source it from scripts/test (or run it). When both are there it only prints their versions
# (well under 1 s); installing needs root (or sudo) and Debian's package mirror.
# Nothing is started here and Debian's own clusters and services are left alone: each test file starts its own
# redis-server and postgres on free 127.0.0.1 ports in a temporary folder and stops them after
# (tools/n8n-harness/queue-services.ts).
# Exports REDIS_SERVER_BIN (the redis-server binary) and PG_BIN_DIR (the folder of initdb and postgres).
set -euo pipefail

_ensure_queue_pg_bin_dir() {
	local dir
	# The newest major version Debian installed (postgresql-NN puts its binaries under /usr/lib/postgresql/NN/bin).
	dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
	if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then echo "$dir"; fi
}

_ensure_queue_missing=()
command -v redis-server >/dev/null 2>&1 || _ensure_queue_missing+=(redis-server)
[ -n "$(_ensure_queue_pg_bin_dir)" ] || _ensure_queue_missing+=(postgresql)
if [ "${#_ensure_queue_missing[@]}" -gt 0 ]; then
	# shellcheck source=scripts/apt-install.sh
	source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
	apt_install ensure-queue-services "${_ensure_queue_missing[@]}" || { return 1 2>/dev/null || exit 1; }
	# Debian starts both as services on their default ports; the tests use their own instances, on other ports.
fi

REDIS_SERVER_BIN="$(command -v redis-server || true)"
PG_BIN_DIR="$(_ensure_queue_pg_bin_dir)"
if [ -z "$REDIS_SERVER_BIN" ] || [ -z "$PG_BIN_DIR" ]; then
	echo "ensure-queue-services: apt finished but redis-server or PostgreSQL's initdb/postgres is still missing" >&2
	return 1 2>/dev/null || exit 1
fi
export REDIS_SERVER_BIN PG_BIN_DIR
echo "==> $("$REDIS_SERVER_BIN" --version | cut -d' ' -f1-3), $("$PG_BIN_DIR/postgres" --version)"
