#!/usr/bin/env bash
# Makes sure a real n8n (pinned) is installed in the project cache, for the end-to-end tests.
#   source scripts/ensure-n8n.sh          n8n 2.41.1 on Node 24; exports N8N_HOME and N8N_BIN
#   source scripts/ensure-n8n.sh 1.x      n8n 1.123.81 (the last 1.x line) on Node 22; exports N8N1_HOME,
#                                         N8N1_BIN and N8N1_NODE_BIN (the folder of the Node 22 it runs on)
# Source it after scripts/node24.sh (or run it: it then sources node24.sh itself).
#   N8N_HOME / N8N1_HOME  the install folder, $PROJECT_CACHE/n8n-<version>
#   N8N_BIN / N8N1_BIN    the n8n binary, <install folder>/node_modules/.bin/n8n
# n8n is about 3 GB, so it is never a devDependency: it is installed on demand, once per machine.
# The install is atomic: it runs in a temporary folder that is renamed into place only after a completion
# marker is written, so an interrupted install is redone, never trusted. When present this takes well under 1 s.
set -euo pipefail

_ensure_n8n_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${PROJECT_CACHE:-}" ] || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
	# shellcheck source=scripts/node24.sh
	source "$_ensure_n8n_root/scripts/node24.sh"
fi

# The line to install: the version, the Node it runs on, the variables it exports, the npm overrides it needs.
# (Sourced without arguments, $1 is the caller's own first argument: only an exact "1.x" selects the 1.x line.)
_ensure_n8n_line=2.x
if [ "${1:-}" = 1.x ]; then _ensure_n8n_line=1.x; fi
case "$_ensure_n8n_line" in
2.x)
	_ensure_n8n_version=2.41.1
	_ensure_n8n_prefix=N8N
	_ensure_n8n_node_bin="$(dirname "$(command -v node)")"
	_ensure_n8n_node_dir="${npm_config_nodedir:-}"
	_ensure_n8n_manifest='{"private":true}'
	;;
1.x)
	# Node 22 from the npm registry, whatever Node this machine has: within n8n 1.123's engines (>=20.19 <=24.x)
	# and without the N8N_EXPRESSION_ENGINE=legacy that n8n 1.123 needs on Node 20, so 1.x runs as users run it.
	_ensure_n8n_version=1.123.81
	_ensure_n8n_prefix=N8N1
	# shellcheck source=scripts/fetch-node.sh
	source "$_ensure_n8n_root/scripts/fetch-node.sh"
	fetch_node_from_npm 22.23.5
	_ensure_n8n_node_bin="$FETCHED_NODE_BIN"
	_ensure_n8n_node_dir="$FETCHED_NODE_DIR"
	export N8N1_NODE_BIN="$FETCHED_NODE_BIN"
	# n8n-nodes-base 1.x takes xlsx from SheetJS's own CDN (a tarball URL outside the npm registry): the
	# registry's last xlsx stands in for it.
	_ensure_n8n_manifest='{"private":true,"overrides":{"xlsx":"0.18.5"}}'
	;;
esac

_ensure_n8n_home="$PROJECT_CACHE/n8n-$_ensure_n8n_version"
export "${_ensure_n8n_prefix}_HOME=$_ensure_n8n_home"
export "${_ensure_n8n_prefix}_BIN=$_ensure_n8n_home/node_modules/.bin/n8n"
_ensure_n8n_stamp="n8n@$_ensure_n8n_version node-$(PATH="$_ensure_n8n_node_bin:$PATH" node -v)"

# Runs a command with the line's Node first on PATH and its headers for native addons.
_ensure_n8n_with_node() {
	PATH="$_ensure_n8n_node_bin:$PATH" npm_config_nodedir="$_ensure_n8n_node_dir" "$@"
}

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
	[ "$(node -p "require('$dir/node_modules/n8n/package.json').version" 2>/dev/null)" = "$_ensure_n8n_version" ] || return 1
	(cd "$dir" && _ensure_n8n_with_node node -e "require('sqlite3')" 2>/dev/null) || return 1
	echo "$_ensure_n8n_stamp" >"$dir/.install-complete"
}

_ensure_n8n_install() {
	local start tmp
	start=$(date +%s)
	tmp="$PROJECT_CACHE/.n8n-$_ensure_n8n_version.tmp.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	echo "==> Installing n8n $_ensure_n8n_version into $_ensure_n8n_home (about 4 min cold, 3 GB; log: $tmp/install.log)"
	echo "$_ensure_n8n_manifest" >"$tmp/package.json"
	# --ignore-scripts: a Kafka client's install script downloads C libraries and fails offline;
	# sqlite3 is the only native module n8n needs at run time, so it alone is rebuilt (for the line's Node).
	source "$(dirname "${BASH_SOURCE[0]}")/progress.sh"
	progress_start "installing n8n $_ensure_n8n_version"
	if ! (cd "$tmp" &&
		_ensure_n8n_with_node env npm_config_yes=true npm install -E "n8n@$_ensure_n8n_version" --ignore-scripts --no-audit --no-fund --loglevel=error &&
		_ensure_n8n_with_node env npm_config_yes=true npm rebuild sqlite3 --loglevel=error) >"$tmp/install.log" 2>&1; then
		progress_stop
		echo "n8n install failed; last lines of $tmp/install.log:" >&2
		tail -n 30 "$tmp/install.log" >&2
		return 1
	fi
	progress_stop
	(cd "$tmp" && _ensure_n8n_with_node node -e "require('sqlite3')") || {
		echo "n8n install: sqlite3 does not load under $(_ensure_n8n_with_node node -v)" >&2
		return 1
	}
	echo "$_ensure_n8n_stamp" >"$tmp/.install-complete"
	if [ -e "$_ensure_n8n_home" ]; then
		# An incomplete folder (interrupted by-hand install): keep it aside rather than mixing trees.
		mv "$_ensure_n8n_home" "$_ensure_n8n_home.incomplete.$$"
		rm -rf "$_ensure_n8n_home.incomplete.$$"
	fi
	mv -T "$tmp" "$_ensure_n8n_home"
	echo "==> n8n $_ensure_n8n_version installed in $(($(date +%s) - start)) s"
}

if ! _ensure_n8n_complete "$_ensure_n8n_home"; then
	mkdir -p "$PROJECT_CACHE"
	# One installer at a time per cache and version; a second caller waits, then finds the finished install.
	exec {_ensure_n8n_lock_fd}>"$PROJECT_CACHE/.n8n-$_ensure_n8n_version.lock"
	flock "$_ensure_n8n_lock_fd"
	# Leftovers of interrupted installs (their owner is gone: we hold the lock).
	rm -rf "$PROJECT_CACHE/.n8n-$_ensure_n8n_version.tmp."*
	if ! _ensure_n8n_complete "$_ensure_n8n_home"; then
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
	echo "${_ensure_n8n_prefix}_HOME=$_ensure_n8n_home"
	echo "${_ensure_n8n_prefix}_BIN=$_ensure_n8n_home/node_modules/.bin/n8n"
fi
