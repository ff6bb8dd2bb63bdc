#!/bin/sh
# Makes Debian's chromium and chromium-driver available to the browser tests, so that the README's
# single test command (mvn -B verify) runs them on a fresh Debian machine. Selenium Manager cannot
# download a browser from our machines, hence the system packages.
#
# Installs only when both are missing or incomplete, we are root, and apt-get exists. Otherwise it
# explains and leaves the decision to the tests: with CI=true a missing browser fails them, without
# CI they are skipped with a message.
set -eu

driver=/usr/bin/chromedriver
browser=/usr/bin/chromium

if [ -x "$driver" ] && [ -x "$browser" ]; then
  exit 0
fi

if [ "${CDAPKIT_BROWSER_INSTALL:-true}" = "false" ]; then
  echo "[browser-tests] $browser or $driver missing; installation disabled (CDAPKIT_BROWSER_INSTALL=false)."
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[browser-tests] Installing Debian's chromium and chromium-driver for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; then
    echo "[browser-tests] Installed: $("$browser" --version 2>/dev/null || echo chromium)"
    exit 0
  fi
  echo "[browser-tests] apt-get could not install chromium and chromium-driver."
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 0
fi

echo "[browser-tests] $browser or $driver missing and not installable here (needs root and apt-get):"
echo "[browser-tests]   apt-get install chromium chromium-driver"
exit 0
