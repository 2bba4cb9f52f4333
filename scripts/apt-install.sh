#!/usr/bin/env bash
# Source this file for apt_install: installs Debian packages with apt-get (as root, or through `sudo -n`), quietly,
# with the log's last lines on failure. Used by ensure-chromium.sh and ensure-queue-services.sh.

# apt_install WHO PACKAGE...: WHO names the caller in messages.
apt_install() {
	local who="$1"
	shift
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo=(sudo -n)
		else
			echo "$who: installing $* needs root (or sudo)" >&2
			return 1
		fi
	fi
	local log
	log="$(mktemp -t "$who.XXXXXX.log")"
	echo "==> Installing Debian's $* with apt (log: $log)"
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
		echo "$who: apt-get update failed; last lines of $log:" >&2
		tail -n 20 "$log" >&2
		return 1
	fi
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1; then
		echo "$who: apt-get install $* failed; last lines of $log:" >&2
		tail -n 20 "$log" >&2
		return 1
	fi
	rm -f "$log"
}
