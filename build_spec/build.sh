#!/usr/bin/env bash
# Builds the desktop app into dist/checkin/ (one folder, windowed) with PyInstaller.
# Usage: build_spec/build.sh [--clean]     (--clean: forget PyInstaller's cached analysis)
# Linux and macOS; on Windows run it from Git Bash, or follow build_spec/README.md.
# Then check the build: dist/checkin/checkin self-test   (Windows: dist\checkin\checkin-cli.exe self-test)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

if [ -d .venv/Scripts ]; then BIN=.venv/Scripts; EXE=.exe; else BIN=.venv/bin; EXE=; fi
PY=$BIN/python$EXE
if [ ! -x "$PY" ]; then
  echo "build: creating .venv"
  "${PYTHON:-python3}" -m venv .venv
  if [ -d .venv/Scripts ]; then BIN=.venv/Scripts; EXE=.exe; fi
  PY=$BIN/python$EXE
fi

# PyInstaller is in the dev extras (pyproject is the one place for versions).
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build: installing the app and PyInstaller into .venv"
  "$PY" -m pip install -q -e ".[dev]"
fi
# The version shown by `checkin --version` and the About box is the installed metadata's, which an
# editable install wrote when it was installed: refresh it when pyproject's version has moved on.
if ! "$PY" - <<'EOF'
import sys, tomllib
from importlib.metadata import PackageNotFoundError, version
with open("pyproject.toml", "rb") as f:
    wanted = tomllib.load(f)["project"]["version"]
try:
    sys.exit(0 if version("checkin") == wanted else 1)
except PackageNotFoundError:
    sys.exit(1)
EOF
then
  echo "build: refreshing the package metadata (version from pyproject.toml)"
  "$PY" -m pip install -q --no-deps -e .
fi

# Translations: .qm compiled from the .ts sources, so the build never ships stale ones.
shopt -s nullglob
ts_files=(resources/i18n/*.ts)
if [ ${#ts_files[@]} -gt 0 ]; then
  for ts in "${ts_files[@]}"; do
    "$BIN/pyside6-lrelease$EXE" -silent "$ts" -qm "${ts%.ts}.qm"
  done
  echo "build: translations compiled: ${#ts_files[@]}"
fi

mkdir -p build
# PyInstaller's own cache (processed binaries) stays in build/ too, not in the user's home.
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller-cache"
log=build/pyinstaller.log
echo "build: PyInstaller (log: $log)"
if ! "$PY" -m PyInstaller --noconfirm --log-level WARN "$@" \
    --distpath dist --workpath build/pyinstaller build_spec/checkin.spec >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build: PyInstaller failed; the whole log is in $log" >&2
  exit 1
fi

# CPython's own libraries carry debug symbols when Python was compiled locally (pyenv: ~20 MB).
# Only these are stripped: stripping every library breaks Qt's FFmpeg ones (see checkin.spec).
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null; then
  find dist/checkin/_internal -maxdepth 3 \( -name 'libpython3*.so*' -o -path '*/lib-dynload/*.so' \) \
    -type f -exec strip --strip-unneeded {} +
fi

app=dist/checkin/checkin$EXE
[ -z "$EXE" ] || app=dist/checkin/checkin-cli.exe
files=$(find dist/checkin -type f | wc -l | tr -d ' ')
mb=$(du -sk dist/checkin | awk '{printf "%.0f", $1 / 1024}')
echo "build: $("$app" --version) in dist/checkin/: ${mb} MB, ${files} files, $(( $(date +%s) - started )) s"
