#!/usr/bin/env bash
# Makes sure Debian's Chromium (and the Liberation fonts the editor's screenshots need) is installed, for the
# browser tests (test/browser). Source it from scripts/test (or run it). It never downloads a browser of its own
# (no `npx playwright install`): playwright-core drives /usr/bin/chromium. When Chromium is there it only prints
# its version (well under 1 s). Installing needs root (or sudo) and Debian's package mirror.
# Exports CHROMIUM_BIN (/usr/bin/chromium).
set -euo pipefail

export CHROMIUM_BIN=/usr/bin/chromium

_ensure_chromium_apt() {
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo=(sudo -n)
		else
			echo "ensure-chromium: $CHROMIUM_BIN is missing and installing it needs root (or sudo)" >&2
			return 1
		fi
	fi
	local log
	log="$(mktemp -t ensure-chromium.XXXXXX.log)"
	echo "==> Installing Debian's chromium and fonts-liberation with apt (log: $log)"
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
		echo "ensure-chromium: apt-get update failed; last lines of $log:" >&2
		tail -n 20 "$log" >&2
		return 1
	fi
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium fonts-liberation >>"$log" 2>&1; then
		echo "ensure-chromium: apt-get install chromium fonts-liberation failed; last lines of $log:" >&2
		tail -n 20 "$log" >&2
		return 1
	fi
	rm -f "$log"
}

if [ ! -x "$CHROMIUM_BIN" ] || [ ! -d /usr/share/fonts/truetype/liberation ]; then
	_ensure_chromium_apt || { return 1 2>/dev/null || exit 1; }
	if [ ! -x "$CHROMIUM_BIN" ]; then
		echo "ensure-chromium: apt finished but $CHROMIUM_BIN is still missing" >&2
		return 1 2>/dev/null || exit 1
	fi
fi

echo "==> $("$CHROMIUM_BIN" --version 2>/dev/null || echo "chromium at $CHROMIUM_BIN (version unknown)")"
