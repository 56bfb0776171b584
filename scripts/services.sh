#!/usr/bin/env bash
# Starts the local services the tests talk to, if they are installed and not running.
set -uo pipefail
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$ver" ] && pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
# CUPS with the cups-pdf virtual printer "PDF" for the printing tests (output lands in $HOME/PDF/).
if command -v cupsd >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
    cupsd
    for _ in $(seq 1 20); do lpstat -r 2>/dev/null | grep -q "scheduler is running" && break; sleep 0.5; done
  fi
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  if [ -f "$ppd" ] && ! lpstat -p PDF >/dev/null 2>&1; then
    lpadmin -p PDF -v cups-pdf:/ -E -P "$ppd" || echo "services: could not add the cups-pdf queue" >&2
  fi
fi
exit 0
