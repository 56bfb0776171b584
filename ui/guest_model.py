"""The guest list as a Qt table model: one row per guest of a search result.

The model only presents a list of checkin.search.ListedGuest (plain data); searching and reading
the database happen elsewhere. Raw values are in Qt.UserRole (the presence as a
checkin.search.Presence, counts as ints), the guest id of any cell in GUEST_ID_ROLE.
"""

import bisect
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from checkin.search import ListedGuest, Presence

Index = QModelIndex | QPersistentModelIndex

# Status colours pair with the status words (never colour alone); calm, readable on white.
_STATUS_COLOURS: dict[Presence, tuple[str, str]] = {  # background, text
    Presence.INSIDE: ("#d7f0dc", "#11521f"),
    Presence.LEFT: ("#e4e9f2", "#27364d"),
    Presence.NOT_ARRIVED: ("#ffffff", "#1d2733"),
    Presence.CANCELLED: ("#f6dcda", "#7a1a14"),
}


class GuestTableModel(QAbstractTableModel):
    """Rows of guests: name, organization, status, walk-in mark, badges printed, role, code."""

    # What a volunteer needs first comes first (a narrow window hides code and role).
    NAME, ORGANIZATION, STATUS, WALK_IN, BADGES, ROLE, CODE = range(7)
    COLUMN_COUNT = 7
    GUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guests: list[ListedGuest] = []
        self._exact = 0  # rows from here on matched the search only with a typo
        self._rows: dict[int, int] | None = None  # guest id -> row, built when first asked
        self._room_names: dict[int, str] = {}
        self.base_font = QFont()  # the view's font: marked rows (typo, cancelled) derive from it
        self._brushes = {
            p: (QBrush(QColor(bg)), QBrush(QColor(fg))) for p, (bg, fg) in _STATUS_COLOURS.items()
        }

    # -- contents -------------------------------------------------------------------------------

    def set_guests(
        self, guests: list[ListedGuest], exact: int | None = None, *, in_place: bool = True
    ) -> bool:
        """Show these guests; returns True if the rows were replaced (a reset), False if updated.

        With in_place (a refresh), the same guests in the same order only repaint the rows whose
        data changed, so the view keeps its selection and scroll position; without it (a new
        search) the rows are replaced without comparing them first.
        """
        exact = len(guests) if exact is None else exact
        same_rows = in_place and len(guests) == len(self._guests) and exact == self._exact and all(
            a.id == b.id for a, b in zip(guests, self._guests, strict=True)
        )
        if same_rows:
            changed = [
                i for i, (a, b) in enumerate(zip(guests, self._guests, strict=True))
                if a is not b and a != b  # unchanged guests are the very same objects
            ]
            self._guests = guests
            if changed:
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], self.COLUMN_COUNT - 1)
                )
            return False
        self.beginResetModel()
        self._guests = list(guests)  # rows may be appended: never extend the caller's list
        self._exact = exact
        self._rows = None
        self.endResetModel()
        return True

    def append_guests(self, guests: list[ListedGuest], exact: int) -> None:
        """Add rows at the end (the next part of a search); ``exact``: exact-match rows in all."""
        if not guests:
            return
        start = len(self._guests)
        self.beginInsertRows(QModelIndex(), start, start + len(guests) - 1)
        self._guests.extend(guests)
        self._exact = exact
        self._rows = None
        self.endInsertRows()

    def set_room_names(self, names: dict[int, str]) -> None:
        """Room names for the status of guests inside (shown when the event has several rooms)."""
        if names != self._room_names:
            self._room_names = dict(names)
            if self._guests:
                self.dataChanged.emit(
                    self.index(0, self.STATUS), self.index(len(self._guests) - 1, self.STATUS)
                )

    def guest(self, row: int) -> ListedGuest | None:
        return self._guests[row] if 0 <= row < len(self._guests) else None

    def guest_id(self, row: int) -> int | None:
        """The id of the guest shown in a row (None outside the rows)."""
        g = self.guest(row)
        return None if g is None else g.id

    def row_of(self, guest_id: int) -> int | None:
        """The row showing a guest, or None when the guest is not in the list."""
        if self._rows is None:
            self._rows = {g.id: i for i, g in enumerate(self._guests)}
        return self._rows.get(guest_id)

    def locate(self, guest: ListedGuest) -> int | None:
        """The row showing this guest, found by their place in the list's order (no full scan)."""
        guests, exact = self._guests, self._exact
        at = bisect.bisect_left(guests, guest.sort_key, 0, exact, key=lambda g: g.sort_key)
        if at < exact and guests[at].id == guest.id:
            return at
        # Rows matched with a typo are ordered by their typo count first: look through them.
        return next((row for row in range(exact, len(guests)) if guests[row].id == guest.id), None)

    def exact_rows(self) -> int:
        """How many rows (from the top) matched every search word without a typo."""
        return self._exact

    # -- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._guests)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers().get(section)

    def _headers(self) -> dict[int, str]:
        return {
            self.NAME: self.tr("Imię i nazwisko"),
            self.ORGANIZATION: self.tr("Organizacja"),
            self.ROLE: self.tr("Rola"),
            self.CODE: self.tr("Kod"),
            self.STATUS: self.tr("Status"),
            self.WALK_IN: self.tr("Zapis"),
            self.BADGES: self.tr("Wydruki"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        g = self.guest(index.row())
        if g is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(g, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(g, column)
        if role == self.GUEST_ID_ROLE:
            return g.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(g, index.row(), column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS:
            return self._brushes[g.presence][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS:
                return self._brushes[g.presence][1]
            if g.presence is Presence.CANCELLED:
                return self._brushes[Presence.CANCELLED][1]
        if role == Qt.ItemDataRole.FontRole:
            return self._font(g, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.WALK_IN, self.BADGES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, g: ListedGuest, column: int) -> str:
        if column == self.NAME:
            return g.full_name
        if column == self.ORGANIZATION:
            return g.organization
        if column == self.ROLE:
            return g.role
        if column == self.CODE:
            return g.display_code
        if column == self.STATUS:
            return self.status_text(g)
        if column == self.WALK_IN:
            return self.tr("na miejscu") if g.walk_in else ""
        if column == self.BADGES:
            return str(g.badge_prints) if g.badge_prints else "—"
        return ""

    def status_text(self, g: ListedGuest) -> str:
        """The status word(s) a volunteer reads for a guest."""
        presence = g.presence
        if presence is Presence.INSIDE:
            room = self._room_names.get(g.inside_room_id or 0, "")
            if room and len(self._room_names) > 1:
                return self.tr("W środku: {room}").format(room=room)
            return self.tr("W środku")
        if presence is Presence.LEFT:
            return self.tr("Po wyjściu")
        if presence is Presence.CANCELLED:
            return self.tr("Odwołane")
        return self.tr("Nie dotarł(a)")

    def _raw(self, g: ListedGuest, column: int) -> Any:
        values: dict[int, Any] = {
            self.NAME: g.full_name, self.ORGANIZATION: g.organization, self.ROLE: g.role,
            self.CODE: g.code, self.STATUS: g.presence, self.WALK_IN: g.walk_in,
            self.BADGES: g.badge_prints,
        }
        return values.get(column)

    def _tooltip(self, g: ListedGuest, row: int, column: int) -> str | None:
        if row >= self._exact:
            return self.tr("Podobne do wyszukiwanego (możliwa literówka)")
        if column == self.NAME:  # what a narrow window's hidden columns would say, and more
            return " · ".join(part for part in (g.email, g.role, g.display_code) if part)
        if column == self.STATUS and g.inside_room_id is not None:
            return self._room_names.get(g.inside_room_id)
        return None

    def _font(self, g: ListedGuest, row: int, column: int) -> QFont | None:
        cancelled = g.presence is Presence.CANCELLED and column == self.NAME
        typo = row >= self._exact
        if not (cancelled or typo):
            return None
        font = QFont(self.base_font)
        font.setStrikeOut(cancelled)
        font.setItalic(typo)
        return font
