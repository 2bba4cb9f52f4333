#!/usr/bin/env bash
# Installs the project's dev dependencies with Node 24 (sourced by the other scripts after node24.sh).
# `npm ci` installs exactly package-lock.json and never writes it; skipped when node_modules already matches.
set -euo pipefail

stamp=node_modules/.install-stamp
wanted() { echo "$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)-$(node -v)"; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(wanted)" ]; then
	echo "==> Installing dev dependencies (npm ci, exactly package-lock.json; about 1,100 packages, a few minutes cold)"
	# `npm ci` installs what the lockfile says and never rewrites it, so a clone's tracked files stay as they are.
	# eslint-plugin-n8n-nodes-base runs `npx only-allow pnpm` on install; npx must not stop to ask.
	source "$(dirname "${BASH_SOURCE[0]}")/progress.sh"
	progress_start "installing dev dependencies"
	npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error || { progress_stop; return 1; }
	progress_stop
	wanted >"$stamp"
fi
