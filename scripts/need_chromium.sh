#!/usr/bin/env sh
# The browser tests drive Debian's Chromium; they never download a browser of their own.
# Install it when we can (root with apt-get), otherwise say exactly what to install.
CHROMIUM="${VERME_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "The browser tests need Chromium at $CHROMIUM. Install it with: sudo apt-get install chromium" >&2
echo "(or set VERME_CHROMIUM to a Chromium binary)" >&2
exit 1
