#!/usr/bin/env bash
# Makes sure a real n8n (pinned, see N8N_VERSION) is installed in the project cache, for the end-to-end tests.
# Source it after scripts/node24.sh (or run it: it then sources node24.sh itself). It exports
#   N8N_HOME  the install folder, $PROJECT_CACHE/n8n-<version>
#   N8N_BIN   the n8n binary, $N8N_HOME/node_modules/.bin/n8n
# n8n is 2.9 GB, so it is never a devDependency: it is installed on demand, once per machine.
# The install is atomic: it runs in a temporary folder that is renamed into place only after a completion
# marker is written, so an interrupted install is redone, never trusted. When present this takes well under 1 s.
set -euo pipefail

N8N_VERSION=2.41.1

_ensure_n8n_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${PROJECT_CACHE:-}" ] || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
	# shellcheck source=scripts/node24.sh
	source "$_ensure_n8n_root/scripts/node24.sh"
fi

export N8N_HOME="$PROJECT_CACHE/n8n-$N8N_VERSION"
export N8N_BIN="$N8N_HOME/node_modules/.bin/n8n"
_ensure_n8n_marker="$N8N_HOME/.install-complete"
_ensure_n8n_stamp="n8n@$N8N_VERSION node-$(node -v)"

# True when $1 holds a complete install: the marker, or (for a folder installed by hand before this script
# existed) every artefact the recipe leaves at its very end, plus a sqlite3 binding that loads in this Node.
_ensure_n8n_complete() {
	local dir="$1"
	if [ -f "$dir/.install-complete" ] && [ "$(cat "$dir/.install-complete")" = "$_ensure_n8n_stamp" ]; then
		return 0
	fi
	[ -x "$dir/node_modules/.bin/n8n" ] || return 1
	[ -f "$dir/package-lock.json" ] && [ -f "$dir/node_modules/.package-lock.json" ] || return 1
	[ -f "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ] || return 1
	[ "$(node -p "require('$dir/node_modules/n8n/package.json').version" 2>/dev/null)" = "$N8N_VERSION" ] || return 1
	(cd "$dir" && node -e "require('sqlite3')" 2>/dev/null) || return 1
	echo "$_ensure_n8n_stamp" >"$dir/.install-complete"
}

_ensure_n8n_install() {
	local start tmp
	start=$(date +%s)
	tmp="$PROJECT_CACHE/.n8n-$N8N_VERSION.tmp.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	echo "==> Installing n8n $N8N_VERSION into $N8N_HOME (about 4 min cold, 2.9 GB; log: $tmp/install.log)"
	echo '{"private":true}' >"$tmp/package.json"
	# --ignore-scripts: a Kafka client's install script downloads C libraries and fails offline;
	# sqlite3 is the only native module n8n needs at run time, so it alone is rebuilt (for Node 24).
	source "$(dirname "${BASH_SOURCE[0]}")/progress.sh"
	progress_start "installing n8n $N8N_VERSION"
	if ! (cd "$tmp" &&
		npm_config_yes=true npm install -E "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error &&
		npm_config_yes=true npm rebuild sqlite3 --loglevel=error) >"$tmp/install.log" 2>&1; then
		progress_stop
		echo "n8n install failed; last lines of $tmp/install.log:" >&2
		tail -n 30 "$tmp/install.log" >&2
		return 1
	fi
	progress_stop
	(cd "$tmp" && node -e "require('sqlite3')") || {
		echo "n8n install: sqlite3 does not load under $(node -v)" >&2
		return 1
	}
	echo "$_ensure_n8n_stamp" >"$tmp/.install-complete"
	if [ -e "$N8N_HOME" ]; then
		# An incomplete folder (interrupted by-hand install): keep it aside rather than mixing trees.
		mv "$N8N_HOME" "$N8N_HOME.incomplete.$$"
		rm -rf "$N8N_HOME.incomplete.$$"
	fi
	mv -T "$tmp" "$N8N_HOME"
	echo "==> n8n $N8N_VERSION installed in $(($(date +%s) - start)) s"
}

if ! _ensure_n8n_complete "$N8N_HOME"; then
	mkdir -p "$PROJECT_CACHE"
	# One installer at a time per cache; a second caller waits, then finds the finished install.
	exec {_ensure_n8n_lock_fd}>"$PROJECT_CACHE/.n8n-$N8N_VERSION.lock"
	flock "$_ensure_n8n_lock_fd"
	# Leftovers of interrupted installs (their owner is gone: we hold the lock).
	rm -rf "$PROJECT_CACHE/.n8n-$N8N_VERSION.tmp."*
	if ! _ensure_n8n_complete "$N8N_HOME"; then
		_ensure_n8n_install || {
			flock -u "$_ensure_n8n_lock_fd"
			exec {_ensure_n8n_lock_fd}>&-
			return 1 2>/dev/null || exit 1
		}
	fi
	flock -u "$_ensure_n8n_lock_fd"
	exec {_ensure_n8n_lock_fd}>&-
fi

# Run directly (not sourced): say where it is.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	echo "N8N_HOME=$N8N_HOME"
	echo "N8N_BIN=$N8N_BIN"
fi
