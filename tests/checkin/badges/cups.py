"""The real CUPS queue with the cups-pdf virtual printer: where its PDFs land, waiting for one.

scripts/services.sh starts cupsd and adds the queue PDF. cups-pdf writes each job to the folder
named by `Out` in /etc/cups/cups-pdf.conf (${HOME}/PDF), named after the job's title.
"""

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

PRINTER = os.environ.get("CHECKIN_TEST_PRINTER", "PDF")
CONF = Path("/etc/cups/cups-pdf.conf")


def require_cups_pdf() -> str:
    """The cups-pdf queue's name; skips (fails in CI) when the queue is not there."""
    try:
        ok = subprocess.run(["lpstat", "-p", PRINTER], capture_output=True, check=False).returncode == 0
    except FileNotFoundError:
        ok = False
    if not ok:
        message = f"no CUPS printer {PRINTER!r} (scripts/services.sh starts cupsd and adds it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return PRINTER


def output_folder() -> Path:
    folder = "${HOME}/PDF"
    if CONF.exists():
        for line in CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            if m := re.match(r"\s*Out\s+(\S+)", line):
                folder = m.group(1)
    return Path(folder.replace("${HOME}", str(Path.home())))


def wait_for_output(prefix: str, timeout: float = 60.0) -> Path:
    """The PDF cups-pdf wrote for a job whose title starts with prefix, once it is complete."""
    folder = output_folder()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in folder.glob(f"{prefix}*.pdf") if folder.exists() else []:
            data = path.read_bytes()
            if data.rstrip().endswith(b"%%EOF"):
                time.sleep(0.2)
                if path.read_bytes() == data:
                    return path
        time.sleep(0.25)
    raise AssertionError(f"cups-pdf wrote no {prefix}*.pdf into {folder} within {timeout:.0f} s")
