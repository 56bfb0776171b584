#!/usr/bin/env bash
# After changing UI text: refresh resources/i18n/*.ts from ui/ (new strings come in unfinished,
# for a translator in pyside6-linguist), then compile them as scripts/setup.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
for ts in resources/i18n/*.ts; do
  .venv/bin/pyside6-lupdate ui/*.py -ts "$ts" -source-language pl -no-obsolete
  .venv/bin/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
