#!/usr/bin/env bash
# A line every 15 seconds while a long, quiet step runs (npm installs print nothing for minutes).
#   progress_start "installing dev dependencies"; long command; progress_stop
_progress_pid=""

progress_start() {
	local label="$1" start
	start=$(date +%s)
	progress_stop
	(
		while sleep 15; do echo "    ... still $label ($(($(date +%s) - start)) s so far)"; done
	) &
	_progress_pid=$!
}

progress_stop() {
	if [ -n "$_progress_pid" ]; then
		kill "$_progress_pid" 2>/dev/null || true
		wait "$_progress_pid" 2>/dev/null || true
		_progress_pid=""
	fi
}
