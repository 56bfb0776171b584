#!/usr/bin/env bash
# Sets up everything the app and its tests need on a Debian machine (idempotent, quick when done).
# Usage: scripts/setup.sh            -> system packages + .venv with the app and dev tools
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Qt's runtime libraries, sound, PDF/QR tools the tests read results with,
# CUPS with the cups-pdf virtual printer, Xvfb for a real window.
APT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libpulse0 libxcb-cursor0 poppler-utils zbar-tools cups printer-driver-cups-pdf xvfb xdotool
  libxcb-icccm4 libxcb-keysyms1)  # Qt's X11 platform plugin loads these (and the build bundles them)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages (install them as root): ${missing[*]}" >&2
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  # pip's chatter goes to a log; it is shown only if the install fails.
  if ! { .venv/bin/python -m pip install -q --upgrade pip &&
         .venv/bin/python -m pip install -q -e ".[dev]"; } >.venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    exit 1
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# Translations are compiled from .ts sources so the .qm files never drift from them.
if ls resources/i18n/*.ts >/dev/null 2>&1 && [ -x .venv/bin/pyside6-lrelease ]; then
  for ts in resources/i18n/*.ts; do
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
