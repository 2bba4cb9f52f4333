#!/usr/bin/env bash
# Installs the project's dev dependencies with Node 24 (sourced by the other scripts after node24.sh).
# `npm ci` installs exactly package-lock.json and never writes it; skipped when node_modules already matches.
set -euo pipefail

stamp=node_modules/.install-stamp
wanted() { echo "$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)-$(node -v)"; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(wanted)" ]; then
	echo "==> Installing dev dependencies (npm ci, exactly package-lock.json)"
	# eslint-plugin-n8n-nodes-base runs `npx only-allow pnpm` on install; npx must not stop to ask.
	npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error
	wanted >"$stamp"
fi
