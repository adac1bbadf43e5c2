#!/usr/bin/env bash
# Makes sure a system Chromium exists at /usr/bin/chromium for the browser tests.
# Playwright never downloads a browser here; it drives Debian's chromium package.
set -euo pipefail
CHROMIUM="${SHENGUAN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing at $CHROMIUM; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "installing chromium (Debian package)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
"$CHROMIUM" --version
