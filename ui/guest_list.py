"""The guest list panel: instant search over the event's guests, filters, and the door actions.

The main window puts it beside the door screen. Its single input field calls search() on every
edit (the panel debounces), refresh() after each verdict and on a timer, and moveSelection() /
activateSelected() for Up, Down and Enter while the focus stays in that field. The panel asks
for actions by signals (checkInRequested etc.); the window performs them through the door.

Reading the database happens on the panel's own worker thread (a network database may be slow);
the search itself runs on the GUI thread over an in-memory index, because it takes a few
milliseconds (bench/bench_search.py) — there is nothing for typing to overtake. A worker answer
for an event the panel no longer shows is dropped.
"""

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from checkin.search import GuestFilter, GuestIndex, ListedGuest, SearchRun
from checkin.search_feed import Delta

from .guest_feed_client import GuestFeedClient
from .guest_model import GuestTableModel

log = logging.getLogger(__name__)

FIRST_ROWS = 60  # rows found before a new search is first shown: a screenful and more
FILTERS = (GuestFilter.ALL, GuestFilter.INSIDE, GuestFilter.NOT_ARRIVED, GuestFilter.LEFT,
           GuestFilter.WALK_INS)


class GuestListPanel(QWidget):
    """The searchable guest list with filters and check-in / check-out / badge actions."""

    checkInRequested = Signal(int)  # guest id
    checkOutRequested = Signal(int)
    printBadgeRequested = Signal(int)
    resultsChanged = Signal(int, int)  # rows shown, guests in the event (after load/search/refresh)
    refreshed = Signal()  # a refresh() finished, whether or not anything had changed

    def __init__(self, engine: Engine, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestListPanel")
        self._feed = GuestFeedClient(self)  # first, so it is destroyed (and waited for) first
        self._feed.loaded.connect(self._loaded)
        self._feed.changed.connect(self._changed)
        self._feed.unchanged.connect(self._refreshed)
        self._feed.failed.connect(self._failed)
        self._index = GuestIndex()
        self._error = ""
        self._query = ""
        self._filter = GuestFilter.ALL
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(80)
        self._debounce.timeout.connect(self._run_search)
        self._run: SearchRun | None = None  # the search being shown, a slice at a time
        self._run_keep = False
        self._run_refreshing = False
        self._run_rows: list[ListedGuest] = []
        self._continue = QTimer(self)
        self._continue.setSingleShot(True)
        self._continue.setInterval(0)  # right after the input events already waiting
        self._continue.timeout.connect(self._advance)
        self._model = GuestTableModel(self)
        self._build()
        self.setEvent(engine, event_id)

    # -- public API -----------------------------------------------------------------------------

    def setEvent(self, engine: Engine, event_id: int) -> None:
        """Show another event's guests (answers still coming for the old one are dropped)."""
        self._index = GuestIndex()
        self._run, self._run_refreshing = None, False
        self._model.set_guests([])
        self._feed.open(engine, event_id)
        self._update_status()

    @Slot(str)
    def search(self, text: str) -> None:
        """Search as the user types; the list follows after a short pause (debounced)."""
        self._query = text
        self._debounce.start()

    def searchNow(self, text: str | None = None) -> None:
        """Run the search at once (with text, or the pending one), without the debounce."""
        if text is not None:
            self._query = text
        self._debounce.stop()
        self._run_search()

    def query(self) -> str:
        return self._query

    def setFilter(self, guest_filter: GuestFilter) -> None:
        """Show all guests, those inside, not arrived, left, or walk-ins."""
        self._filter = guest_filter
        button = self._filter_group.button(FILTERS.index(guest_filter))
        if not button.isChecked():
            button.setChecked(True)
        self.searchNow()

    def currentFilter(self) -> GuestFilter:
        return self._filter

    @Slot()
    def refresh(self) -> None:
        """Bring the list up to date with the database (changes from other stations too).

        The selected guest and the scroll position stay. Calls while a refresh is running
        collapse into one more run after it; refreshed() says when it is on screen.
        """
        self._feed.refresh()

    @Slot(int)
    def moveSelection(self, delta: int) -> None:
        """Move the selected row by delta rows (Up = -1, Down = +1, a page = ±rows on screen)."""
        rows = self._model.rowCount()
        if rows == 0:
            return
        current = self._view.currentIndex().row() if self._has_selection() else -1
        start = current if current >= 0 else (-1 if delta > 0 else rows)
        target = min(max(start + delta, 0), rows - 1)
        self._select_row(target, scroll=True)

    def visibleRowCount(self) -> int:
        """How many rows fit on screen (for Page Up / Page Down)."""
        return max(1, self._view.viewport().height() // self._view.verticalHeader().defaultSectionSize())

    @Slot()
    def activateSelected(self) -> bool:
        """Ask to check in the selected guest (Enter); False when nobody is selected.

        A search still waiting for its debounce runs first, so Enter acts on what was typed.
        """
        return self._request(self.checkInRequested)

    @Slot()
    def checkOutSelected(self) -> bool:
        return self._request(self.checkOutRequested)

    @Slot()
    def printBadgeSelected(self) -> bool:
        return self._request(self.printBadgeRequested)

    def selectedGuestId(self) -> int | None:
        if not self._has_selection():
            return None
        return self._model.guest_id(self._view.currentIndex().row())

    def selectGuest(self, guest_id: int) -> bool:
        """Select a guest's row if the list shows them."""
        row = self._model.row_of(guest_id)
        if row is None:
            return False
        self._select_row(row, scroll=True)
        return True

    def shutdown(self) -> None:
        """Stop reading the database (the window closes): queued reads are dropped, a running one
        is waited for."""
        self._debounce.stop()
        self._continue.stop()
        self._run, self._run_refreshing = None, False
        self._feed.shutdown()

    def isSearching(self) -> bool:
        """A search is still adding rows below the ones shown (a long list, a short query)."""
        return self._run is not None

    def statusText(self) -> str:
        """The line under the list: how many are shown, loading, or what went wrong."""
        return self._status.text()

    def isLoaded(self) -> bool:
        return self._feed.is_loaded

    def model(self) -> GuestTableModel:
        return self._model

    def view(self) -> QTableView:
        return self._view

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.25, 13.0))
        self._model.base_font = font

        self._filter_group = QButtonGroup(self)
        self._filter_group.setExclusive(True)
        filters = QHBoxLayout()
        for i, _ in enumerate(FILTERS):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window's input field keeps focus
            button.setFont(font)
            self._filter_group.addButton(button, i)
            filters.addWidget(button)
        filters.addStretch(1)
        self._filter_group.button(0).setChecked(True)
        self._filter_group.idClicked.connect(lambda i: self.setFilter(FILTERS[i]))

        view = self._view = QTableView(self)
        view.setModel(self._model)
        view.setFont(font)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda _index: self.activateSelected())
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # O(1) per row at 50,000 rows
        rows.setDefaultSectionSize(int(view.fontMetrics().height() * 1.6))
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setFont(font)
        metrics, pad = view.fontMetrics(), 2 * view.fontMetrics().averageCharWidth()
        samples = {  # typical widest contents (measured, never by reading 50,000 rows)
            GuestTableModel.STATUS: "Nie dotarł(a)", GuestTableModel.WALK_IN: "na miejscu",
            GuestTableModel.BADGES: "Wydruki", GuestTableModel.ROLE: "Organizator",
            GuestTableModel.CODE: "QK45-1VB7-01E9-H0B5-U",
        }
        self._widths = {c: metrics.horizontalAdvance(text) + pad for c, text in samples.items()}
        self._name_width = metrics.horizontalAdvance("Małgorzata Kowalska-Nowak") + pad
        view.viewport().installEventFilter(self)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        self._check_in = self._action(self.activateSelected, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self._check_out = self._action(
            self.checkOutSelected, QKeySequence("Ctrl+O"), Qt.Key.Key_Delete
        )
        self._badge = self._action(self.printBadgeSelected, QKeySequence("Ctrl+P"))
        buttons = QHBoxLayout()
        self._status = QLabel(self)
        self._status.setFont(font)
        buttons.addWidget(self._status, 1)
        for action in (self._check_in, self._check_out, self._badge):
            button = QPushButton(self)
            button.setFont(font)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: self._mirror(b, a))
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        self._retranslate()
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the viewport's width, after the scroll bars took theirs
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Name and organization share what the other columns leave; on a narrow screen the code
        and then the role give way (scanned codes need no reading; both stay in the tooltips)."""
        view = self._view
        room = view.viewport().width()
        shown = dict(self._widths)
        for optional in (GuestTableModel.CODE, GuestTableModel.ROLE):
            if room - sum(shown.values()) >= self._name_width * 1.8:
                break
            del shown[optional]
        for column in range(GuestTableModel.COLUMN_COUNT):
            hide = column in self._widths and column not in shown
            view.setColumnHidden(column, hide)
            if column in shown:
                view.setColumnWidth(column, shown[column])
        left = max(room - sum(shown.values()), self._name_width)
        name = max(min(self._name_width, left // 2), left * 9 // 20)  # organizations run longer
        view.setColumnWidth(GuestTableModel.NAME, name)
        view.setColumnWidth(GuestTableModel.ORGANIZATION, max(left - name, self._name_width // 2))

    def _action(self, slot: Callable[[], bool], *keys: QKeySequence | Qt.Key) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        # Active while the focus is in the panel; the window calls the slots when it is not.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    @staticmethod
    def _mirror(button: QPushButton, action: QAction) -> None:
        button.setText(action.text())
        button.setEnabled(action.isEnabled())

    def _retranslate(self) -> None:
        labels = {
            GuestFilter.ALL: self.tr("&Wszyscy"), GuestFilter.INSIDE: self.tr("W ś&rodku"),
            GuestFilter.NOT_ARRIVED: self.tr("&Nie dotarli"), GuestFilter.LEFT: self.tr("&Po wyjściu"),
            GuestFilter.WALK_INS: self.tr("&Dopisani na miejscu"),
        }
        counts = self._index.counts() if self._feed.is_loaded else {}
        for i, f in enumerate(FILTERS):
            text = labels[f] + (f" ({counts[f]})" if f in counts else "")
            self._filter_group.button(i).setText(text)
        self._check_in.setText(self.tr("Wpuść (Enter)"))
        self._check_out.setText(self.tr("Wyjście (Ctrl+O)"))
        self._badge.setText(self.tr("Identyfikator (Ctrl+P)"))

    # -- answers from the database ---------------------------------------------------------------

    def _loaded(self, index: GuestIndex, rooms: dict[int, str]) -> None:
        self._error = ""
        self._index = index
        self._model.set_room_names(rooms)
        self._show(keep=True)

    def _changed(self, delta: Delta) -> None:
        self._error = ""
        if delta.rooms is not None:
            self._model.set_room_names(delta.rooms)
        if delta.index is not None:
            self._index = delta.index
            self._show(keep=True, refreshing=True)
        elif self._index.apply(delta.changed, delta.removed):
            self._show(keep=True, refreshing=True)  # a search in progress is stale now
        else:
            self._refreshed()

    def _failed(self) -> None:
        self._error = self.tr("Nie można odczytać listy gości z bazy danych; ponowię próbę.")
        self._update_status()
        self.refreshed.emit()

    def _refreshed(self) -> None:
        self._error = ""
        if not self._feed.shown():
            self.refreshed.emit()

    # -- showing --------------------------------------------------------------------------------

    def _run_search(self) -> None:
        self._debounce.stop()
        if self._feed.is_loaded:
            self._show(keep=False)

    def _show(self, *, keep: bool, refreshing: bool = False) -> None:
        """Start the current search over the index (refreshing: a refresh() ends when it is shown).

        A new search (keep=False) shows its first rows at once, the first row selected so Enter
        acts on the best match, and appends the rest a slice at a time between input events.
        A refresh (keep=True) finds the whole result first and then updates the list in place:
        the selected guest stays selected and the top row stays on top.
        """
        # A refresh still on its way is shown by this run instead (it searches the newer index).
        refreshing = refreshing or (self._run is not None and self._run_refreshing)
        self._run, self._run_keep, self._run_refreshing, self._run_rows = (
            self._index.start(self._query, self._filter), keep, refreshing, [])
        if keep:
            self._advance()
            return
        selected = self._model.guest(self._view.currentIndex().row()) if self._has_selection() else None
        rows = self._run.step(enough=FIRST_ROWS)
        self._model.set_guests(rows, self._run.exact, in_place=False)
        row = None if selected is None else self._model.locate(selected)
        if row is None and self._query.strip() and rows:
            row = 0
        if row is not None:
            self._select_row(row, scroll=True)
        if self._run.done:
            self._finish()
        else:
            self._continue.start()

    def _advance(self, budget_s: float = 0.004) -> None:
        """Go on with the search in progress for a few milliseconds, then let input in."""
        started = time.perf_counter()
        while self._run is not None:
            run = self._run
            rows = run.step()
            if self._run_keep:
                self._run_rows += rows
            elif rows:
                self._model.append_guests(rows, run.exact)
                if not self._has_selection() and self._query.strip():
                    self._select_row(0, scroll=True)
            if run.done:
                self._finish()
                return
            if time.perf_counter() - started > budget_s:
                self._continue.start()
                return

    def _complete(self) -> None:
        """Finish the search in progress now (Enter acts on its result)."""
        while self._run is not None:
            self._advance(budget_s=float("inf"))

    def _finish(self) -> None:
        run, refreshing = self._run, self._run_refreshing
        assert run is not None
        self._run, self._run_refreshing = None, False
        self._continue.stop()
        if self._run_keep:
            selected, top = self.selectedGuestId(), self._model.guest_id(self._view.rowAt(0))
            if self._model.set_guests(self._run_rows, run.exact, in_place=True):
                row = None if selected is None else self._model.row_of(selected)
                if row is not None:
                    self._select_row(row, scroll=False)
                top_row = None if top is None else self._model.row_of(top)
                if top_row is not None:
                    self._view.verticalScrollBar().setValue(top_row)
            self._retranslate()  # the filter counts
        shown = self._model.rowCount()
        self._update_status(shown, shown - self._model.exact_rows())
        self._update_actions()
        self.resultsChanged.emit(shown, len(self._index))
        if refreshing:
            self._refreshed()

    def _update_status(self, shown: int | None = None, similar: int = 0) -> None:
        if self._error:
            text = self._error
        elif not self._feed.is_loaded:
            text = self.tr("Wczytywanie listy gości…")
        elif shown is None:
            return
        elif shown == 0 and self._query.strip():
            text = self.tr("Nikt nie pasuje do „{query}”").format(query=self._query.strip())
        else:
            text = self.tr("Na liście: {shown} z {total}").format(shown=shown, total=len(self._index))
            if similar:
                text += " " + self.tr("(podobnych: {n})").format(n=similar)
        self._status.setText(text)

    def _has_selection(self) -> bool:
        return self._view.selectionModel().hasSelection() and self._view.currentIndex().isValid()

    def _select_row(self, row: int, *, scroll: bool) -> None:
        index = self._model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._view.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self._view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _update_actions(self) -> None:
        selected = self.selectedGuestId() is not None
        for action in (self._check_in, self._check_out, self._badge):
            action.setEnabled(selected)

    def _request(self, signal: SignalInstance) -> bool:
        if self._debounce.isActive():
            self._run_search()
        if self.selectedGuestId() is None:
            self._complete()  # the first match may be further down a long list
        guest_id = self.selectedGuestId()
        if guest_id is None:
            return False
        signal.emit(guest_id)
        return True

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self._view.indexAt(pos)
        if not index.isValid():
            return
        self._select_row(index.row(), scroll=False)
        menu = QMenu(self)
        menu.addActions([self._check_in, self._check_out, self._badge])
        menu.popup(self._view.viewport().mapToGlobal(pos))
