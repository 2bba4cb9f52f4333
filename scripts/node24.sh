#!/usr/bin/env bash
# Source this file: it makes sure Node 24 is on PATH for every later step.
# n8n 2.x and n8n-workflow 2.41 need Node 24; machines here ship Node 20, so when the running
# Node is older we fetch the official build from the npm registry into a cache that outlives clones.
set -euo pipefail

NODE24_VERSION=24.21.0
export PROJECT_CACHE="${NCP_NHN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ncp-nhn-attachment}"
mkdir -p "$PROJECT_CACHE"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
	# shellcheck source=scripts/fetch-node.sh
	source "$(dirname "${BASH_SOURCE[0]}")/fetch-node.sh"
	fetch_node_from_npm "$NODE24_VERSION"
	export PATH="$FETCHED_NODE_BIN:$PATH"
	# ~/.npmrc may point nodedir at the system Node's headers; native addons must build against Node 24.
	export npm_config_nodedir="$FETCHED_NODE_DIR"
fi
