"""The guest table model without widgets: rows, columns, roles, and statuses after real check-ins."""

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.badges.records import mark_printed
from checkin.engine import Door
from checkin.events import EventInfo
from checkin.search import GuestIndex, Presence
from checkin.search_feed import GuestFeed
from tests.checkin.test_search_feed import guest_id_of
from ui.guest_model import GuestTableModel

M = GuestTableModel
DISPLAY, RAW = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole


def loaded(engine: Engine, event: EventInfo) -> tuple[GuestTableModel, GuestIndex, GuestFeed]:
    feed = GuestFeed(engine, event.id)
    index = feed.load()
    model = M()
    model.set_room_names(feed.rooms)
    result = index.search("")
    model.set_guests(result.guests, result.exact)
    return model, index, feed


def row_values(model: GuestTableModel, row: int, role: int = DISPLAY) -> list[object]:
    return [model.data(model.index(row, c), role) for c in range(model.columnCount())]


def test_rows_columns_and_roles(qapp: object, engine: Engine, sample_event: EventInfo) -> None:
    model, index, _ = loaded(engine, sample_event)
    assert model.rowCount() == 150
    assert model.columnCount() == M.COLUMN_COUNT == 7
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Imię i nazwisko", "Organizacja", "Status", "Zapis", "Wydruki", "Rola", "Kod"]
    gid = guest_id_of(engine, "Łukasz", "Żółć")
    row = model.row_of(gid)
    assert row is not None
    assert model.guest_id(row) == gid
    assert model.data(model.index(row, M.CODE), M.GUEST_ID_ROLE) == gid
    guest = index.get(gid)
    assert guest is not None
    assert row_values(model, row) == [
        "Łukasz Żółć", "Towarzystwo Głos Kobiet", "Nie dotarł(a)", "", "—", guest.role,
        guest.display_code,
    ]
    assert row_values(model, row, RAW) == [
        "Łukasz Żółć", "Towarzystwo Głos Kobiet", Presence.NOT_ARRIVED, False, 0, guest.role,
        guest.code,
    ]
    tip = model.data(model.index(row, M.NAME), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"lukasz.zolc@example.org · {guest.role} · {guest.display_code}"
    assert "-" in guest.display_code  # shown grouped, stored without dashes
    assert "-" not in guest.code
    assert model.guest_id(150) is None
    assert model.data(QModelIndex()) is None


def test_status_follows_check_ins_exits_walk_ins_badges_and_cancellations(
    qapp: object, engine: Engine, sample_event: EventInfo
) -> None:
    door = Door(engine, sample_event.id, "Wejście 1")
    inside = guest_id_of(engine, "Łukasz", "Żółć")
    left = guest_id_of(engine, "Beata", "Pietrzak")
    cancelled = guest_id_of(engine, "Dariusz", "Źrebiec")  # answered „Nie, nie mogę przyjść”
    assert door.admit(inside).recorded
    assert door.admit(left).recorded
    assert door.leave(left).recorded
    walk_in = door.walk_in("Żaneta", "Brzęczyszczykiewicz", "Fundacja Łączy Nas")
    assert walk_in.guest is not None
    mark_printed(engine, [inside])
    mark_printed(engine, [inside])

    model, _, _ = loaded(engine, sample_event)
    status = {gid: model.data(model.index(model.row_of(gid) or 0, M.STATUS)) for gid in
              (inside, left, cancelled, walk_in.guest.id)}
    assert status == {inside: "W środku", left: "Po wyjściu", cancelled: "Odwołane",
                      walk_in.guest.id: "W środku"}
    walk_row = model.row_of(walk_in.guest.id) or 0
    assert model.data(model.index(walk_row, M.WALK_IN)) == "na miejscu"
    assert model.data(model.index(walk_row, M.WALK_IN), RAW) is True
    inside_row = model.row_of(inside) or 0
    assert model.data(model.index(inside_row, M.BADGES)) == "2"
    assert model.data(model.index(inside_row, M.BADGES), RAW) == 2
    assert model.data(model.index(inside_row, M.STATUS), RAW) is Presence.INSIDE
    assert model.data(model.index(inside_row, M.STATUS), Qt.ItemDataRole.ToolTipRole) == "Sala 005"
    cancelled_font = model.data(model.index(model.row_of(cancelled) or 0, M.NAME), Qt.ItemDataRole.FontRole)
    assert cancelled_font.strikeOut()
    # Never colour alone: every status has its words; the status cell also has its colour.
    assert model.data(model.index(inside_row, M.STATUS), Qt.ItemDataRole.BackgroundRole) is not None


def test_same_rows_update_in_place_other_rows_reset(
    qapp: object, qtbot: QtBot, engine: Engine, sample_event: EventInfo
) -> None:
    model, index, _ = loaded(engine, sample_event)
    guests = index.search("").guests
    changed = dataclasses.replace(guests[3], badge_prints=5)
    updated = guests[:3] + [changed] + guests[4:]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as spy:
        assert model.set_guests(updated) is False
    first, last = spy.args[0], spy.args[1]
    assert (first.row(), last.row()) == (3, 3)
    assert model.data(model.index(3, M.BADGES)) == "5"
    with qtbot.waitSignal(model.modelReset):
        assert model.set_guests(guests[:10]) is True
    assert model.rowCount() == 10
    assert model.row_of(guests[20].id) is None


def test_typo_matches_are_marked(qapp: object, engine: Engine, sample_event: EventInfo) -> None:
    model, index, _ = loaded(engine, sample_event)
    result = index.search("pietrzk")  # no one is "Pietrzk": all four Pietrzaks with one typo
    assert result.exact == 0
    model.set_guests(result.guests, result.exact)
    assert model.exact_rows() == 0
    assert model.rowCount() == len(result.guests) > 0
    tip = model.data(model.index(0, M.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "literówka" in tip
    assert model.data(model.index(0, M.NAME), Qt.ItemDataRole.FontRole).italic()


@pytest.mark.parametrize("query", ["", "kowal", "zzzz"])
def test_model_passes_qt_model_checks(
    qapp: object, qtmodeltester: object, engine: Engine, sample_event: EventInfo, query: str
) -> None:
    model, index, _ = loaded(engine, sample_event)
    result = index.search(query)
    model.set_guests(result.guests, result.exact)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
