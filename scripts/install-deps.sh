#!/usr/bin/env bash
# Installs the project's dev dependencies with Node 24 (sourced by the other scripts after node24.sh).
# Skips the install when node_modules already matches package-lock.json.
set -euo pipefail

stamp=node_modules/.install-stamp
wanted() { echo "$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)-$(node -v)"; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(wanted)" ]; then
	echo "==> Installing dev dependencies (npm install, from package-lock.json)"
	# `npm ci` refuses this lockfile (npm drops the other platforms' optional bindings from it), so install.
	# eslint-plugin-n8n-nodes-base runs `npx only-allow pnpm` on install; npx must not stop to ask.
	npm_config_yes=true npm install --no-audit --no-fund --loglevel=error
	wanted >"$stamp"
fi
