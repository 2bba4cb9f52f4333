#!/usr/bin/env bash
# Makes sure Debian's Chromium (and the Liberation fonts the editor's screenshots need) is installed, for the
# browser tests (test/browser). Source it from scripts/test (or run it). It never downloads a browser of its own
# (no `npx playwright install`): playwright-core drives /usr/bin/chromium. When Chromium is there it only prints
# its version (well under 1 s). Installing needs root (or sudo) and Debian's package mirror.
# Exports CHROMIUM_BIN (/usr/bin/chromium).
set -euo pipefail

export CHROMIUM_BIN=/usr/bin/chromium

if [ ! -x "$CHROMIUM_BIN" ] || [ ! -d /usr/share/fonts/truetype/liberation ]; then
	# shellcheck source=scripts/apt-install.sh
	source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
	apt_install ensure-chromium chromium fonts-liberation || { return 1 2>/dev/null || exit 1; }
	if [ ! -x "$CHROMIUM_BIN" ]; then
		echo "ensure-chromium: apt finished but $CHROMIUM_BIN is still missing" >&2
		return 1 2>/dev/null || exit 1
	fi
fi

echo "==> $("$CHROMIUM_BIN" --version 2>/dev/null || echo "chromium at $CHROMIUM_BIN (version unknown)")"
