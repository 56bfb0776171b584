"""The station's settings dialog (behind the supervisor PIN when one is set)."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checkin.badges import DEFAULT_LAYOUT, LAYOUTS
from checkin.events import EventInfo

from .door_lock import OK_CANCEL, DoorLock
from .settings import Settings, default_station


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, event: EventInfo, lock: DoorLock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lock = lock
        self.setWindowTitle(self.tr("Ustawienia stanowiska"))
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(620)

        self.station = QLineEdit(settings.station)
        self.station.setPlaceholderText(default_station())
        self.room = QComboBox()
        self.room.addItem(self.tr("(pierwsza sala wydarzenia)"), "")
        for room in event.rooms:
            self.room.addItem(room.name, room.name)
        self.room.setCurrentIndex(max(0, self.room.findData(settings.room)))
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Wejście"), False)
        self.direction.addItem(self.tr("Wyjście"), True)
        self.direction.setCurrentIndex(1 if settings.exit_station else 0)
        self.print_on_arrival = QCheckBox(self.tr("Drukuj identyfikator przy wejściu"))
        self.print_on_arrival.setChecked(settings.print_on_arrival)
        self.printer = QComboBox()
        self.printer.addItem(self.tr("(drukarka domyślna)"), "")
        for name in printer_names():
            self.printer.addItem(name, name)
        if settings.printer and self.printer.findData(settings.printer) < 0:
            self.printer.addItem(settings.printer, settings.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.printer)))
        self.layout_choice = QComboBox()
        for badge in LAYOUTS:
            self.layout_choice.addItem(badge.title, badge.name)
        current = settings.badge_layout or DEFAULT_LAYOUT
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(current)))
        self.sound = QCheckBox(self.tr("Dźwięki przy skanowaniu"))
        self.sound.setChecked(settings.sound)
        self.language = QComboBox()
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.scanner = QCheckBox(self.tr("Skaner nie wysyła Enter (szybka seria znaków i przerwa = kod)"))
        self.scanner.setChecked(settings.scanner_without_enter)
        self.camera = QCheckBox(self.tr("Skanowanie kamerą"))
        self.camera.setChecked(settings.camera_enabled)
        self.camera_device = QComboBox()
        self.camera_device.addItem(self.tr("domyślna kamera systemu"), "")
        for camera_id, description in _cameras():
            self.camera_device.addItem(description, camera_id)
        self.camera_device.setCurrentIndex(max(0, self.camera_device.findData(settings.camera_device)))
        self.database = QLineEdit(settings.database)
        self.database.setPlaceholderText(self.tr("domyślny plik w folderze danych"))
        browse = QPushButton(self.tr("Plik…"))
        browse.clicked.connect(self._browse)
        db_row = QHBoxLayout()
        db_row.addWidget(self.database, 1)
        db_row.addWidget(browse)
        self.backup = QSpinBox()
        self.backup.setRange(0, 240)
        self.backup.setSuffix(self.tr(" min"))
        self.backup.setSpecialValueText(self.tr("wyłączona"))
        self.backup.setValue(settings.backup_minutes)
        pin = QPushButton(self.tr("Zmień PIN koordynatora…") if lock.is_set
                          else self.tr("Ustaw PIN koordynatora…"))
        pin.clicked.connect(lambda: lock.choose_new(self))

        form = QFormLayout()
        form.addRow(self.tr("Nazwa stanowiska:"), self.station)
        form.addRow(self.tr("Sala:"), self.room)
        form.addRow(self.tr("Kierunek:"), self.direction)
        form.addRow("", self.print_on_arrival)
        form.addRow(self.tr("Drukarka:"), self.printer)
        form.addRow(self.tr("Format identyfikatora:"), self.layout_choice)
        form.addRow("", self.sound)
        form.addRow(self.tr("Język:"), self.language)
        form.addRow("", self.scanner)
        form.addRow("", self.camera)
        form.addRow(self.tr("Kamera:"), self.camera_device)
        form.addRow(self.tr("Baza danych (plik SQLite lub postgresql://…):"), db_row)
        form.addRow(self.tr("Kopia zapasowa co:"), self.backup)
        form.addRow(self.tr("PIN:"), pin)
        note = QLabel(self.tr("Zmiana języka lub bazy danych otwiera okno programu ponownie."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Plik bazy danych"), self.database.text(), self.tr("Baza SQLite (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def accept(self) -> None:
        s = self.settings
        s.station = self.station.text().strip() or default_station()
        s.room = str(self.room.currentData() or "")
        s.exit_station = bool(self.direction.currentData())
        s.print_on_arrival = self.print_on_arrival.isChecked()
        s.printer = str(self.printer.currentData() or "")
        s.badge_layout = str(self.layout_choice.currentData() or "")
        s.sound = self.sound.isChecked()
        s.language = str(self.language.currentData() or "pl")
        s.scanner_without_enter = self.scanner.isChecked()
        s.camera_enabled = self.camera.isChecked()
        s.camera_device = str(self.camera_device.currentData() or "")
        s.database = self.database.text().strip()
        s.backup_minutes = self.backup.value()
        s.sync()
        super().accept()


def _cameras() -> list[tuple[str, str]]:
    """The cameras to choose from; none when the system's multimedia libraries are missing."""
    try:
        from .camera_panel import available_cameras

        return available_cameras()
    except (ImportError, OSError):
        return []
