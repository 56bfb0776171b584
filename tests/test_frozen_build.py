"""The desktop build (build_spec/): built with PyInstaller on Linux, its own self-test run offscreen.

One build per test session (a module fixture); it lands in dist/checkin/ as build_spec/build.sh
makes it, with PyInstaller's cache in build/ (both ignored by git).
"""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from checkin.selftest import GUI_STEP, STEPS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CI build runs on Linux"),
]

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "checkin" / "checkin"
INTERNAL = APP.parent / "_internal"
BUILD_TIMEOUT_S = 900  # a cold build takes 1–3 minutes on the 2-core CI machine
ALL_STEPS = [name for name, _ in STEPS] + [GUI_STEP]


def pyproject_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        version: str = tomllib.load(f)["project"]["version"]
    return version


def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "CHECKIN_"))}
    env["CHECKIN_HOME"] = str(tmp_path / "home")  # the self-test uses its own; this is for the log
    return env


@pytest.fixture(scope="module")
def build_output() -> str:
    # PyInstaller's subprocesses open /dev/null; say so plainly if something on the machine removed it.
    assert os.path.exists(os.devnull), f"{os.devnull} is missing on this machine"
    done = subprocess.run(["bash", str(ROOT / "build_spec" / "build.sh")], cwd=ROOT,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def run_self_test(tmp_path: Path, *extra: str, wrapper: tuple[str, ...] = ()) -> str:
    done = subprocess.run([*wrapper, str(APP), "self-test", *extra], env=app_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in ALL_STEPS:
        assert any(line.startswith(f"ok: {name} — ") for line in lines), f"{name}:\n{done.stdout}"
    assert not [line for line in lines if line.startswith(("FAILED", "skipped"))], done.stdout
    return done.stdout


def test_build_reports_version_and_size(build_output: str) -> None:
    summary = build_output.strip().splitlines()[-1]
    match = re.fullmatch(r"build: checkin (\S+) in dist/checkin/: (\d+) MB, \d+ files, \d+ s", summary)
    assert match, build_output
    assert match.group(1) == pyproject_version()
    assert 50 < int(match.group(2)) < 400  # PySide6 alone is ~130 MB; a WebEngine build is ~500


def test_frozen_app_passes_its_self_test_offscreen(build_output: str, tmp_path: Path) -> None:
    out = run_self_test(tmp_path)
    assert "offscreen platform" in out
    assert "QtMultimedia back end decodes" in out


def test_frozen_app_opens_its_window_on_a_real_x_display(build_output: str, tmp_path: Path) -> None:
    """The platform plugin volunteers' Linux laptops use (xcb), on Xvfb."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("CI") == "true":
            pytest.fail("xvfb-run missing: scripts/setup.sh installs xvfb")
        pytest.skip("xvfb-run not installed (scripts/setup.sh installs it)")
    out = run_self_test(tmp_path, "--show", wrapper=(xvfb_run, "-a", "-s", "-screen 0 1366x768x24"))
    assert "xcb platform" in out


def test_frozen_version_matches_pyproject(build_output: str, tmp_path: Path) -> None:
    done = subprocess.run([str(APP), "--version"], env=app_env(tmp_path), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"checkin {pyproject_version()}"


def test_build_carries_resources_and_only_the_qt_it_uses(build_output: str) -> None:
    resources = INTERNAL / "resources"
    shipped = {p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file()}
    source = ROOT / "resources"
    for pattern in ("events/*.toml", "sample/*.csv", "fonts/*.ttf", "icons/*.svg", "sounds/*.wav",
                    "i18n/*.qm"):
        expected = {p.relative_to(source).as_posix() for p in source.glob(pattern)}
        assert expected, pattern
        assert expected <= shipped, pattern
    assert not [name for name in shipped if name.endswith(".ts")]
    assert (INTERNAL / "checkin" / "migrations" / "env.py").is_file()
    assert list((INTERNAL / "checkin" / "migrations" / "versions").glob("0001_*.py"))

    qt = INTERNAL / "PySide6"
    modules = sorted(p.name.split(".")[0] for p in qt.glob("Qt*.abi3.so"))
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtPrintSupport", "QtPdf"} <= set(modules)
    unused = re.compile(r"WebEngine|Qml|Quick|3D|Charts|DataVisualization|Graphs|Designer|Help|Test|Sql")
    assert not [m for m in modules if unused.search(m)], modules
    assert not list(qt.rglob("*WebEngine*"))
    translations = sorted(p.name for p in (qt / "Qt" / "translations").glob("*.qm"))
    assert "qtbase_pl.qm" in translations
    assert all(name.endswith(("_pl.qm", "_en.qm")) for name in translations), translations
