#!/usr/bin/env bash
# Installs the project's dev dependencies with Node 24 (sourced by the other scripts after node24.sh).
# Skips the install when node_modules already matches package-lock.json.
set -euo pipefail

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash-$(node -v)" ]; then
	echo "==> Installing dev dependencies (npm ci)"
	# eslint-plugin-n8n-nodes-base runs `npx only-allow pnpm` on install; npx must not stop to ask.
	npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error
	echo "$lock_hash-$(node -v)" >"$stamp"
fi
