"""`checkin self-test` from the source tree: every step passes, a failure is named, no user data."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkin.badges import guest_by_code
from checkin.cli import main
from checkin.db import open_database
from checkin.engine import Door
from checkin.selftest import GUI_STEP, STEPS, GuiContext, StepFailed, run_self_test
from checkin.verdicts import VerdictKind

ROOT = Path(__file__).resolve().parent.parent
STEP_NAMES = [name for name, _ in STEPS]


def step_lines(output: str) -> dict[str, str]:
    """'ok: NAME — detail' lines by step name."""
    lines = {}
    for line in output.splitlines():
        status, _, rest = line.partition(": ")
        if status in ("ok", "FAILED"):
            lines[rest.split(" — ", 1)[0]] = status
    return lines


def test_self_test_passes_with_the_window_and_leaves_no_data(tmp_path: Path) -> None:
    """The console command as installed (ui.launcher): every domain step and the window's part."""
    home = tmp_path / "home"
    env = {**os.environ, "CHECKIN_HOME": str(home)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test picks offscreen itself
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert step_lines(done.stdout) == {name: "ok" for name in [*STEP_NAMES, GUI_STEP]}
    assert "skipped" not in done.stdout
    gui = next(line for line in done.stdout.splitlines() if line.startswith(f"ok: {GUI_STEP}"))
    assert "offscreen platform" in gui
    assert "door window scan → welcome_back" in gui
    assert done.stdout.rstrip().splitlines()[-1].startswith("self-test passed")
    # Only the log folder every command opens; no database, settings or backups of the user's.
    assert sorted(p.name for p in home.iterdir()) == ["logs"]


def test_without_the_window_only_the_gui_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    """Through a CLI that was not given the window (no ui/), the domain steps still all run."""
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert step_lines(out) == {name: "ok" for name in STEP_NAMES}
    assert f"skipped: {GUI_STEP} (Qt not available)" in out


def test_the_gui_check_gets_a_real_database_and_a_failure_is_named() -> None:
    seen: list[str] = []

    def gui_check(context: GuiContext) -> str:
        # What ui/selftest_gui relies on: the guest has left, so a scan is a re-entry.
        engine = open_database(context.database)
        try:
            guest = guest_by_code(engine, context.event_id, context.code)
            assert f"{guest.first_name} {guest.last_name}" == context.guest_name
            assert context.badge_pdf.read_bytes().startswith(b"%PDF-")
            verdict = Door(engine, context.event_id, "test").scan(context.code)
            seen.append(verdict.kind.value)
        finally:
            engine.dispose()
        raise StepFailed("the window did not open")

    out = io.StringIO()
    assert run_self_test(gui_check, out) == 1
    assert seen == [VerdictKind.WELCOME_BACK.value]
    lines = out.getvalue().splitlines()
    assert step_lines(out.getvalue()) == {**{name: "ok" for name in STEP_NAMES}, GUI_STEP: "FAILED"}
    assert lines[-1] == f"FAILED: {GUI_STEP} — the window did not open"


def test_an_unexpected_error_stops_the_run_and_names_its_type() -> None:
    def gui_check(context: GuiContext) -> str:
        raise RuntimeError("plugin xcb could not be loaded")

    out = io.StringIO()
    assert run_self_test(gui_check, out) == 1
    assert out.getvalue().splitlines()[-1] == (
        f"FAILED: {GUI_STEP} — RuntimeError: plugin xcb could not be loaded")
    assert "self-test passed" not in out.getvalue()


def test_the_user_folders_are_restored_after_the_run(tmp_path: Path) -> None:
    before = os.environ["CHECKIN_HOME"]
    assert run_self_test(None, io.StringIO()) == 0
    assert os.environ["CHECKIN_HOME"] == before
    assert not (Path(before) / "data").exists()
