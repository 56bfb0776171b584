"""Undo: a new log entry that takes a passage back; the counters follow the log."""

import pytest
import sqlalchemy as sa

from checkin.engine import Door, stats
from checkin.errors import UserError
from checkin.occupancy import recount
from checkin.verdicts import VerdictKind

from .conftest import GUEST, PASSAGE, Venue, consistent


def place_of(v: Venue, guest_id: int) -> int | None:
    with v.engine.connect() as conn:
        found: int | None = conn.execute(
            sa.select(GUEST.c.inside_room_id).where(GUEST.c.id == guest_id)).scalar()
        return found


def test_undo_of_an_entry_takes_the_guest_out(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    admitted = door.scan(venue.codes[0])
    door.scan(venue.codes[1])
    result = door.undo(admitted.passage_id or 0)
    assert result.room.inside == 1
    assert place_of(venue, venue.ids[0]) is None
    assert result.undone.id == admitted.passage_id
    assert result.undone.undone
    with venue.engine.connect() as conn:
        undo = conn.execute(sa.select(PASSAGE).where(PASSAGE.c.id == result.undo_passage_id)).mappings().one()
        undone_by = conn.execute(sa.select(PASSAGE.c.undone_by_id).where(
            PASSAGE.c.id == admitted.passage_id)).scalar()
        total = conn.execute(sa.select(sa.func.count()).select_from(PASSAGE)).scalar()
    assert (undo["verdict"], undo["direction"], undo["undoes_id"]) == ("undo", "none", admitted.passage_id)
    assert undone_by == result.undo_passage_id
    assert total == 3
    assert stats(venue.engine, venue.event_id).attended == 1  # the undone admission does not count
    # Scanned again, they are a first admission (there was no exit).
    assert door.scan(venue.codes[0], request_id="again").kind is VerdictKind.ADMITTED
    consistent(venue.engine, venue.event_id)


def test_undo_of_an_exit_puts_the_guest_back_even_over_the_limit(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    for c in venue.codes[:5]:
        door.scan(c)
    out = door.scan(venue.codes[0], exit=True)
    door.scan(venue.codes[5])  # the freed seat is taken
    result = door.undo(out.passage_id or 0)
    # The person never left: six inside a room for five, a correction, not an admission.
    assert result.room.inside == 6
    assert result.room.peak == 6
    assert place_of(venue, venue.ids[0]) == door.room_id
    assert door.scan(venue.codes[6]).kind is VerdictKind.ROOM_FULL
    consistent(venue.engine, venue.event_id)


def test_undo_last_is_per_station_and_walks_back(venue: Venue) -> None:
    a = Door(venue.engine, venue.event_id, "A")
    b = Door(venue.engine, venue.event_id, "B")
    assert a.undo_last() is None
    a.scan(venue.codes[0])
    a.scan(venue.codes[1])
    a.scan("NIEZNANY-1")  # a refusal is no action to undo
    b.scan(venue.codes[2])
    first = a.undo_last()
    second = a.undo_last()
    assert first is not None
    assert second is not None
    assert first.undone.guest is not None
    assert first.undone.guest.id == venue.ids[1]
    assert second.undone.guest is not None
    assert second.undone.guest.id == venue.ids[0]
    assert a.undo_last() is None
    assert b.room_count().inside == 1
    consistent(venue.engine, venue.event_id)


def test_what_cannot_be_undone(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "A")
    entry = door.scan(venue.codes[0])
    refusal = door.scan("NIEZNANY-2")
    exit_ = door.scan(venue.codes[0], exit=True)
    with pytest.raises(UserError, match="późniejsze"):
        door.undo(entry.passage_id or 0)  # the exit came after it
    with pytest.raises(UserError, match="niczego nie zmienił"):
        door.undo(refusal.passage_id or 0)
    done = door.undo(exit_.passage_id or 0)
    with pytest.raises(UserError, match="już cofnięty"):
        door.undo(exit_.passage_id or 0)
    with pytest.raises(UserError, match="nie można cofnąć"):
        door.undo(done.undo_passage_id)
    with pytest.raises(UserError, match="Nie ma wpisu nr 999"):
        door.undo(999)
    assert recount(venue.engine, venue.event_id) == []


def test_recount_finds_and_repairs_a_counter_that_drifted(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "A")
    door.scan(venue.codes[0])
    door.scan(venue.codes[1])
    with venue.engine.begin() as conn:
        conn.execute(sa.text("UPDATE room SET inside = 7 WHERE id = :r"), {"r": door.room_id})
        conn.execute(sa.text("UPDATE guest SET inside_room_id = NULL WHERE id = :g"), {"g": venue.ids[1]})
    found = recount(venue.engine, venue.event_id)
    assert {(m.what, m.stored, m.from_log) for m in found} == {
        (f"room {door.room_id} inside", 7, 2), (f"guest {venue.ids[1]} inside_room_id", None, door.room_id)}
    assert recount(venue.engine, venue.event_id, repair=True) == found
    assert recount(venue.engine, venue.event_id) == []
    assert door.room_count().inside == 2
