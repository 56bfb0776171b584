"""The door window: the scan field on top, the verdict, the guest list, rooms and recent passages.

Built for a volunteer who has never seen it: one field that always has the focus, one large
panel that says what to do, every action on a key (F2 walk-in, F3 exit mode, F4 room display,
F8 override, Ctrl+Z undo, Escape back to ready).
"""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from checkin.backup import RollingBackups
from checkin.db import describe as describe_db
from checkin.engine import EventStats, UndoResult, stats
from checkin.events import EventInfo
from checkin.resources import resource
from checkin.verdicts import RoomCount, Verdict

from . import messages as m
from .desk import DoorDesk
from .door_lock import DoorLock
from .focus import FocusKeeper
from .integration import FailedPrints, GuestArea, Printing
from .occupancy import OccupancyDisplay, OccupancyPanel, RoomPoller
from .recent import RecentList
from .scan_field import ScanField
from .settings import Settings
from .sounds import Sounds
from .verdict_panel import VerdictPanel

if TYPE_CHECKING:
    from .camera_panel import CameraPanel

log = logging.getLogger(__name__)

STATS_EVERY_MS = 3000
RIGHT_COLUMN_PX = 380
START_AFTER_MS = 1000  # at the latest, if the field never gets the focus (window behind another)
LIST_AFTER_VERDICT_MS = 300  # the list catches up while the volunteer talks to the guest
LIST_FOLLOW_MS = 2000  # other stations' check-ins reach the list this often
PANEL_PX = 320  # the verdict panel's height at 1366×768; the guest list gets the rest


def _button(text: str, shortcut_hint: str) -> QPushButton:
    button = QPushButton(f"{text}\n{shortcut_hint}")
    # Buttons never take the focus: a scanner's next code must land in the scan field.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(56)
    return button


class MainWindow(QMainWindow):
    reopenRequested = Signal(str)  # why: "event", "settings" — the app rebuilds the window

    def __init__(self, engine: Engine, event: EventInfo, settings: Settings,
                 sounds: Sounds | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.event_info = event
        self.settings = settings
        self.lock = DoorLock(settings)
        self.sounds = sounds or Sounds(settings.sound)
        self.setWindowTitle(self.tr("Rejestracja gości — {event}").format(event=event.name))
        self.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))
        self.setMinimumSize(1024, 640)
        self.occupancy_display: OccupancyDisplay | None = None
        self.camera: CameraPanel | None = None
        self._shut_down = False

        self.desk = DoorDesk(engine, event, settings, self.lock, self.sounds, self)
        self.field = ScanField()
        self.field.setAccessibleName(self.tr("Kod lub nazwisko"))
        self.field.configure(without_enter=settings.scanner_without_enter,
                             gap_ms=settings.burst_gap_ms, pause_ms=settings.burst_pause_ms)
        self.panel = VerdictPanel()
        self.occupancy = OccupancyPanel(event.timezone)
        self.recent = RecentList(event.timezone)
        self.guests = GuestArea(engine, event.id, self)
        self.printing = Printing(engine, event.id, settings.printer, settings.badge_layout, self)
        self.failed_prints: FailedPrints | None = None
        self.poller = RoomPoller(engine, event.id, self)
        self._build_layout()
        self._build_actions()
        self._wire()
        self.keeper = FocusKeeper(self, self.field)
        self.panel.show_presentation(self.desk.screen.current)
        self.apply_door_only(settings.door_only)
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(STATS_EVERY_MS)
        self._stats_timer.timeout.connect(self._poll_stats)
        self.backups: RollingBackups | None = None
        self.started = False
        self.poller.start()
        # The rest comes up once the scan field is ready: nothing may delay the first scan.
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._finish_start)
        self._start_timer.start(START_AFTER_MS)
        self.field.focused.connect(self._start_timer.start)
        self._list_refresh = QTimer(self)
        self._list_refresh.setSingleShot(True)
        self._list_refresh.setInterval(LIST_AFTER_VERDICT_MS)
        self._list_refresh.timeout.connect(self._refresh_list)
        self._list_follow = QTimer(self)
        self._list_follow.setInterval(LIST_FOLLOW_MS)
        self._list_follow.timeout.connect(self._refresh_list)

    def _finish_start(self) -> None:
        """The guest list, printing, backups, sounds and the totals (after the first paint)."""
        if self.started:
            return
        self.started = True
        self.field.focused.disconnect(self._start_timer.start)
        self.guests.start()
        self.printing.started.connect(self._printing_started)
        if self.settings.print_on_arrival:
            self.printing.start()  # the badge renderer loads now, not at the first arrival
        self.backups = self._start_backups()
        self._stats_timer.start()
        self._poll_stats()
        self._list_follow.start()
        QTimer.singleShot(0, self.sounds.load)  # QtMultimedia takes a while to load
        if self.settings.camera_enabled:
            QTimer.singleShot(0, lambda: self.set_camera_on(True))

    def _printing_started(self, queue: object) -> None:
        self.failed_prints = FailedPrints(queue)  # type: ignore[arg-type]
        self.column.insertWidget(self.column.indexOf(self.camera_area), self.failed_prints)

    def _refresh_list(self) -> None:
        # Never while the door is answering: the verdict comes first.
        if self.desk.client.worker.pending():
            self._list_refresh.start()
            return
        self.guests.refresh()

    # -- building ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.mode = QLabel()
        self.mode.setObjectName("modeLabel")
        self.mode.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mode.setMinimumWidth(130)
        font = QFont(self.mode.font())
        font.setPixelSize(22)
        font.setBold(True)
        self.mode.setFont(font)
        self.undo_button = _button(self.tr("Cofnij"), "Ctrl+Z")
        self.walk_in_button = _button(self.tr("Spoza listy"), "F2")
        header = QHBoxLayout()
        header.addWidget(self.mode)
        header.addWidget(self.field, 1)
        header.addWidget(self.walk_in_button)
        header.addWidget(self.undo_button)

        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(self.panel)
        left.addWidget(self.guests)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        left.setSizes([PANEL_PX, 10_000 - PANEL_PX])
        self.left = left

        rooms = QGroupBox(self.tr("Sale"))
        QVBoxLayout(rooms).addWidget(self.occupancy)
        recent = QGroupBox(self.tr("Ostatnio na tym stanowisku (dwuklik: cofnij)"))
        QVBoxLayout(recent).addWidget(self.recent)
        self.camera_area = QFrame()
        self.camera_area.setObjectName("cameraArea")
        self.camera_layout = QVBoxLayout(self.camera_area)
        self.camera_layout.setContentsMargins(0, 0, 0, 0)
        self.camera_area.hide()
        right = QWidget()
        right.setFixedWidth(RIGHT_COLUMN_PX)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(rooms)
        column.addWidget(recent, 1)
        self.column = column
        column.addWidget(self.camera_area)

        body = QHBoxLayout()
        body.addWidget(left, 1)
        body.addWidget(right)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 4)
        outer.addLayout(header)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.station_label = QLabel()
        self.stats_label = QLabel()
        self.statusBar().addWidget(self.station_label, 1)
        self.statusBar().addPermanentWidget(self.stats_label)

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey | str | None, slot: object,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        event_menu = menu.addMenu(self.tr("&Wydarzenie"))
        self.import_action = self._action(self.tr("&Importuj listę gości…"), "Ctrl+I", self.open_import)
        self.reopen_action = self._action(self.tr("&Otwórz inne wydarzenie lub bazę…"), None,
                                          lambda: self._guarded_reopen("event"))
        self.report_action = self._action(self.tr("&Podsumowanie i eksport…"), "Ctrl+E", self.open_report)
        quit_action = self._action(self.tr("&Zamknij"), QKeySequence.StandardKey.Quit, self.close)
        for a in (self.import_action, self.report_action, self.reopen_action, None, quit_action):
            event_menu.addSeparator() if a is None else event_menu.addAction(a)

        door = menu.addMenu(self.tr("&Drzwi"))
        self.undo_action = self._action(self.tr("&Cofnij ostatnią czynność"), "Ctrl+Z", self.desk.undo_last)
        self.walk_in_action = self._action(self.tr("Osoba &spoza listy…"), "F2", self.open_walk_in)
        self.exit_action = self._action(self.tr("Tryb &wyjścia"), "F3", self.desk.set_exit_mode, True)
        self.override_action = self._action(self.tr("Wpuść ponad &limit (koordynator)"), "F8",
                                            lambda: self.desk.override(self))
        self.door_only_action = self._action(self.tr("Tryb &tylko wejście (bez listy gości)"), "Ctrl+L",
                                             self.toggle_door_only, True)
        ready = self._action(self.tr("Gotowe — wyczyść ekran"), None, self._escape)
        for a in (self.undo_action, self.walk_in_action, self.exit_action, self.override_action, None,
                  self.door_only_action, ready):
            door.addSeparator() if a is None else door.addAction(a)

        view = menu.addMenu(self.tr("&Widok"))
        self.display_action = self._action(self.tr("&Ekran zajętości sal (drugi monitor)"), "F4",
                                           self.toggle_occupancy_display, True)
        full = self._action(self.tr("&Pełny ekran"), "F11", self._toggle_full_screen, True)
        self.camera_action = self._action(self.tr("Skanowanie &kamerą"), "F6", self.set_camera_on, True)
        view.addAction(self.display_action)
        view.addAction(self.camera_action)
        view.addAction(full)

        tools = menu.addMenu(self.tr("&Ustawienia"))
        self.settings_action = self._action(self.tr("&Ustawienia stanowiska…"), "F9", self.open_settings)
        self.pin_action = self._action(self.tr("Ustaw &PIN koordynatora…"), None, self.change_pin)
        tools.addAction(self.settings_action)
        tools.addAction(self.pin_action)
        help_menu = menu.addMenu(self.tr("&Pomoc"))
        help_menu.addAction(self._action(self.tr("&O programie…"), None, self.open_about))
        # The guest list's own keys act while the focus is in the list; from the scan field
        # these do the same for the highlighted guest (Enter is the field's own).
        for keys, slot in (("Ctrl+O", self.guests.check_out_selected),
                           ("Ctrl+P", self.guests.print_selected)):
            action = QAction(self.field)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.field.addAction(action)

    def _wire(self) -> None:
        self.field.submitted.connect(self._submitted)
        self.field.textEdited.connect(self._typed)
        self.field.escaped.connect(self._escape)
        self.field.navigate.connect(self.guests.navigate)
        self.desk.screen.changed.connect(self.panel.show_presentation)
        self.desk.screen.changed.connect(lambda p: self.override_action.setEnabled(p.can_override))
        self.desk.verdictShown.connect(self._after_verdict)
        self.desk.client.undone.connect(self._after_undo)
        self.desk.printRequested.connect(self.printing.print_on_arrival)
        self.guests.printBadgeRequested.connect(self.printing.reprint)
        self.desk.exitModeChanged.connect(self._show_mode)
        self.desk.walkInOpened.connect(lambda d: d.finished.connect(self.keeper.restore))
        self.desk.client.recent.connect(self.recent.set_passages)
        self.desk.client.opened.connect(lambda _c: self._show_station())
        self.panel.overrideRequested.connect(lambda: self.desk.override(self))
        self.undo_button.clicked.connect(self.desk.undo_last)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.recent.undoRequested.connect(self._undo_one)
        self.poller.counts.connect(self._counts)
        self.printing.failed.connect(lambda text: self.statusBar().showMessage(
            self.tr("Nie wydrukowano identyfikatora: {reason}").format(reason=text), 15000))
        self.poller.failed.connect(lambda exc: self.statusBar().showMessage(
            self.tr("Brak połączenia z bazą danych — liczniki sal mogą być nieaktualne"), 10000))
        self.guests.checkInRequested.connect(self.desk.check_in)
        self.guests.checkOutRequested.connect(self.desk.check_out)
        self.guests.importDone.connect(self._poll_stats)
        self.override_action.setEnabled(False)
        self._show_mode(self.desk.exit_mode)

    # -- input -------------------------------------------------------------------------------
    def submit_code(self, code: str) -> None:
        """A code from elsewhere (the camera): scanned exactly as if typed and Entered."""
        self.desk.scan(code)

    def _submitted(self, text: str, burst: bool) -> None:
        if self.desk.submit(text, burst) or self.guests.submit_name(text):
            self.field.clear()
            if not self.settings.door_only:
                self.guests.search("")

    def _typed(self, text: str) -> None:
        if not self.settings.door_only:
            self.guests.search(text)

    def _escape(self) -> None:
        self.field.clear()
        self.desk.screen.reset()
        if not self.settings.door_only:
            self.guests.search("")
        self.keeper.restore()

    def _undo_one(self, passage_id: int, text: str) -> None:
        question = self.tr("Cofnąć ten wpis?\n{entry}").format(entry=text)
        answer = QMessageBox.question(self, self.tr("Cofnij"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.desk.undo(passage_id)
        self.keeper.restore()

    # -- what the window shows ---------------------------------------------------------------
    def _after_verdict(self, verdict: Verdict) -> None:
        if verdict.room is not None:
            self.poller.apply(verdict.room)
        # The list catches up a moment later: the verdict comes first. The totals in the
        # status bar follow on their own timer (counting 50,000 guests takes a while).
        if verdict.recorded and not self._list_refresh.isActive():
            self._list_refresh.start()

    def _after_undo(self, result: UndoResult | None) -> None:
        if result is not None:
            self.poller.apply(result.room)
            self.guests.refresh()

    def _show_mode(self, exit_mode: bool) -> None:
        self.exit_action.setChecked(exit_mode)
        self.mode.setText(m.translate(m.EXIT_MODE if exit_mode else m.ENTRANCE_MODE))
        colour = "#d89200" if exit_mode else "#1e7b34"
        self.mode.setStyleSheet(f"background: {colour}; color: white; border-radius: 8px; padding: 6px")

    def _show_station(self) -> None:
        config = self.desk.client.config
        room = config.room or (self.event_info.rooms[0].name if self.event_info.rooms else "")
        parts = [config.station, room, describe_db(str(self.engine.url))]
        if self.settings.door_only:
            parts.append(self.tr("tryb tylko wejście"))
        self.station_label.setText("  ·  ".join(p for p in parts if p))

    def _counts(self, counts: list[RoomCount]) -> None:
        self.occupancy.set_counts(counts)
        if self.occupancy_display is not None:
            self.occupancy_display.panel.set_counts(counts)

    def _start_backups(self) -> RollingBackups | None:
        """Snapshots of a SQLite file every few minutes on a thread of their own (and at closing);
        a shared PostgreSQL server is backed up by whoever runs it."""
        minutes = self.settings.backup_minutes
        if minutes <= 0 or self.engine.dialect.name != "sqlite":
            return None
        backups = RollingBackups(self.engine, every=minutes * 60.0)
        backups.start()
        return backups

    def _poll_stats(self, *_: object) -> None:
        if not self.started:
            return
        if self.backups is not None and self.backups.last_error:
            self.statusBar().showMessage(self.tr("Kopia zapasowa nie powiodła się: {reason}").format(
                reason=self.backups.last_error), STATS_EVERY_MS)
        if self.poller.worker.pending("stats"):
            return
        self.poller.worker.submit(lambda: stats(self.engine, self.event_info.id), self._show_stats,
                                  lambda _exc: None, channel="stats")

    def _show_stats(self, s: EventStats) -> None:
        text = self.tr("zarejestrowani: {registered}  ·  przybyli: {attended}  ·  w środku: {inside}")
        self.stats_label.setText(
            text.format(registered=s.registered, attended=s.attended, inside=s.inside_now))

    # -- modes and dialogs -------------------------------------------------------------------
    def apply_door_only(self, on: bool) -> None:
        self.settings.door_only = on
        self.door_only_action.setChecked(on)
        self.guests.setVisible(not on)
        for action in (self.import_action, self.report_action):  # both show personal data
            action.setEnabled(not on)
        self.desk.screen.set_door_only(on)
        hint = self.tr("Zeskanuj kod…") if on else self.tr("Zeskanuj kod albo wpisz nazwisko…")
        self.field.setPlaceholderText(hint)
        if on:
            self.guests.search("")
        self._show_station()

    def toggle_door_only(self) -> None:
        want = not self.settings.door_only
        if want:
            ok = self.lock.is_set or self.lock.choose_new(self)
        else:
            ok = self.lock.ask(self, self.tr("Podaj PIN koordynatora, aby pokazać listę gości."))
        self.apply_door_only(want if ok else not want)
        self.keeper.restore()

    def _supervisor(self, why: str) -> bool:
        """Settings and switching events are behind the PIN when one is set."""
        return self.lock.ask(self, why)

    def _guarded_reopen(self, why: str) -> None:
        if self._supervisor(self.tr("Podaj PIN koordynatora, aby zmienić wydarzenie.")):
            self.reopenRequested.emit(why)
        self.keeper.restore()

    def open_walk_in(self) -> None:
        self.desk.open_walk_in(self)

    def open_import(self) -> None:
        if self.settings.door_only:
            return
        self.guests.open_import(self)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        if not self._supervisor(self.tr("Podaj PIN koordynatora, aby zmienić ustawienia.")):
            self.keeper.restore()
            return
        before = (self.settings.language, self.settings.database)
        dialog = SettingsDialog(self.settings, self.event_info, self.lock, self)
        accepted = dialog.exec()
        self.keeper.restore()
        if not accepted:
            return
        self.sounds.enabled = self.settings.sound
        self.field.configure(without_enter=self.settings.scanner_without_enter,
                             gap_ms=self.settings.burst_gap_ms, pause_ms=self.settings.burst_pause_ms)
        self.desk.reconfigure()
        self.printing.configure(self.settings.printer, self.settings.badge_layout)
        if self.camera is not None and self.camera.active:
            self.camera.select_camera(self.settings.camera_device)
        if self.settings.camera_enabled != (self.camera is not None and self.camera.active):
            self.set_camera_on(self.settings.camera_enabled)
        self._show_station()
        if (self.settings.language, self.settings.database) != before:
            self.reopenRequested.emit("settings")

    def change_pin(self) -> None:
        if not self.lock.is_set or self.lock.ask(self, self.tr("Podaj obecny PIN koordynatora.")):
            self.lock.choose_new(self)
        self.keeper.restore()

    def toggle_occupancy_display(self) -> None:
        if self.occupancy_display is not None:
            self.occupancy_display.close()
            return
        display = OccupancyDisplay(self.event_info.name, self.event_info.timezone)
        display.panel.set_counts(self.poller.latest)
        display.closed.connect(self._display_closed)
        self.occupancy_display = display
        self.keeper.windows.append(display)  # a scanner typing at it still reaches the field
        self.display_action.setChecked(True)
        screens = self.screen().virtualSiblings()
        other = next((s for s in screens if s is not self.screen()), None)
        if other is not None:  # a second monitor facing the door: full screen there
            display.setGeometry(other.geometry())
            display.showFullScreen()
        else:
            display.show()
        self.activateWindow()
        self.keeper.restore()

    def _display_closed(self) -> None:
        if self.occupancy_display in self.keeper.windows:
            self.keeper.windows.remove(self.occupancy_display)
        self.occupancy_display = None
        self.display_action.setChecked(False)
        self.keeper.restore()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_camera_widget(self, widget: QWidget) -> None:
        """Put a camera scanner in the right column; its codes go to submit_code()."""
        self.camera_layout.addWidget(widget)
        self.camera_area.show()

    def set_camera_on(self, on: bool) -> None:
        """Show the camera panel and start the camera (F6), or stop and hide it."""
        self.settings.camera_enabled = on
        self.camera_action.setChecked(on)
        if on:
            if self.camera is None:
                from .camera_panel import CameraPanel  # QtMultimedia loads only when wanted

                self.camera = CameraPanel(self.settings)
                self.camera.codeDetected.connect(self.submit_code)
                self.set_camera_widget(self.camera)
            self.camera_area.show()
            self.camera.start()
        elif self.camera is not None:
            self.camera.stop()
            self.camera_area.hide()
        self.keeper.restore()

    def open_report(self) -> None:
        from .report_dialog import ReportDialog

        if self.settings.door_only:
            return
        ReportDialog(self.engine, self.event_info, self).exec()
        self.keeper.restore()

    def open_about(self) -> None:
        from .about import show_about

        show_about(self)
        self.keeper.restore()

    def shutdown(self) -> None:
        """Stop the workers (a scan in flight is still written) and close the display."""
        if self._shut_down:
            return
        self._shut_down = True
        self.keeper.detach()
        self.poller.stop()
        self.desk.stop()
        self.guests.shutdown()
        self.printing.shutdown()
        if self.camera is not None:
            self.camera.stop()
        if self.backups is not None:
            self.backups.stop()  # the closing snapshot
            self.backups = None
        if self.occupancy_display is not None:
            self.occupancy_display.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        self.settings.sync()
        super().closeEvent(event)
