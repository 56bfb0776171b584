"""Every verdict of the door, through the engine API, on SQLite and on PostgreSQL."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from checkin import codes
from checkin.engine import Door, room_counts, stats
from checkin.errors import UserError
from checkin.verdicts import Level, Tone, VerdictKind

from .conftest import PASSAGE, Venue, add_guests, consistent, make_event


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def place(request: pytest.FixtureRequest) -> Venue:
    venue: Venue = request.getfixturevalue("venue" if request.param == "sqlite" else "pg_venue")
    return venue


def passages(v: Venue) -> list[sa.RowMapping]:
    with v.engine.connect() as conn:
        return list(conn.execute(sa.select(PASSAGE).order_by(PASSAGE.c.id)).mappings())


def test_admitted_records_the_passage_and_counts(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    v = door.scan(place.codes[0])
    assert v.kind is VerdictKind.ADMITTED
    assert v.recorded
    assert v.tone is Tone.OK
    assert v.guest is not None
    assert v.guest.full_name == "Gość0 Żółć"
    assert v.guest.display_code == codes.display(place.codes[0])
    assert v.room is not None
    assert (v.room.name, v.room.inside, v.room.capacity) == ("Sala 005", 1, 5)
    assert (v.room.peak, v.room.peak_at) == (1, v.at)
    [p] = passages(place)
    assert (p["id"], p["direction"], p["verdict"], p["raw_input"], p["forced"]) == (
        v.passage_id, "in", "admitted", place.codes[0], False)
    assert p["guest_id"] == place.ids[0]
    assert p["request_id"]
    assert [r.inside for r in room_counts(place.engine, place.event_id)] == [1, 0]
    consistent(place.engine, place.event_id)


def test_scanner_and_typing_variants_find_the_same_guest(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    code = place.codes[1]
    shown = codes.display(code)
    for raw in (f"]Q1{code}\r\n", shown.lower(), f"  {shown.replace('-', 'ß')}\t",
                f"https://zaproszenia.example.org/i/{shown}", f"https://x.example/?event=7&code={code}"):
        v = door.scan(raw, exit=False)
        assert v.guest is not None, raw
        assert v.guest.id == place.ids[1], raw
        door.scan(raw, exit=True)  # out again, so the next form is a fresh entry
    consistent(place.engine, place.event_id)


def test_imported_code_scans_verbatim_and_through_a_german_layout(place: Venue) -> None:
    _, [gid] = add_guests(place.engine, place.event_id, 1, code="ZY-2026-0042")
    door = Door(place.engine, place.event_id, "Wejście 1")
    assert door.scan("zy-2026-0042").guest.id == gid  # type: ignore[union-attr]
    door.scan("ZY20260042", exit=True)  # no dashes: still the same code
    v = door.scan("YZ 2026 0042")  # a QWERTZ layout swaps Y and Z
    assert v.kind is VerdictKind.WELCOME_BACK
    assert v.guest is not None
    assert v.guest.id == gid


def test_exit_and_welcome_back(place: Venue) -> None:
    entrance = Door(place.engine, place.event_id, "Wejście 1")
    exit_door = Door(place.engine, place.event_id, "Wyjście", exit_station=True)
    first = entrance.scan(place.codes[0])
    out = exit_door.scan(place.codes[0])
    assert out.kind is VerdictKind.EXIT
    assert out.recorded
    assert out.room is not None
    assert out.room.inside == 0
    assert (out.previous_at, out.previous_station) == (first.at, "Wejście 1")
    back = entrance.scan(place.codes[0])
    assert back.kind is VerdictKind.WELCOME_BACK
    assert back.recorded
    assert (back.previous_at, back.previous_station) == (out.at, "Wyjście")
    # The UI may switch a station between entrance and exit.
    entrance.exit_station = True
    assert entrance.scan(place.codes[0]).kind is VerdictKind.EXIT
    assert [p["direction"] for p in passages(place)] == ["in", "out", "in", "out"]
    with place.engine.connect() as conn:
        kinds = dict(conn.execute(sa.text("SELECT name, kind FROM station")).all())
    assert kinds == {"Wejście 1": "exit", "Wyjście": "exit"}
    consistent(place.engine, place.event_id)


def test_already_inside_names_the_entry_and_moves_nobody(place: Venue) -> None:
    first = Door(place.engine, place.event_id, "Wejście 1").scan(place.codes[0])
    again = Door(place.engine, place.event_id, "Wejście 2").scan(place.codes[0])
    assert again.kind is VerdictKind.ALREADY_INSIDE
    assert not again.recorded
    assert again.tone is Tone.WARNING
    assert (again.previous_at, again.previous_station) == (first.at, "Wejście 1")
    assert again.room is not None
    assert again.room.inside == 1
    last = passages(place)[-1]
    assert (last["direction"], last["verdict"], last["guest_id"]) == ("none", "already_inside", place.ids[0])
    assert "Wejście 1" in last["reason"]
    consistent(place.engine, place.event_id)


def test_not_inside_refuses_an_exit(place: Venue) -> None:
    v = Door(place.engine, place.event_id, "Wyjście").scan(place.codes[0], exit=True)
    assert v.kind is VerdictKind.NOT_INSIDE
    assert not v.recorded
    assert v.guest is not None
    assert v.room is not None
    assert v.room.inside == 0
    assert passages(place)[-1]["verdict"] == "not_inside"
    consistent(place.engine, place.event_id)


def test_unknown_and_typo(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    code = place.codes[0]
    wrong_check = code[:-1] + next(c for c in codes.ALPHABET if c != code[-1])
    swapped = next(code[:i] + code[i + 1] + code[i] + code[i + 2:]
                   for i in range(len(code) - 1) if code[i] != code[i + 1])
    assert door.scan("NIEMA-TAKIEGO-123").kind is VerdictKind.UNKNOWN
    assert door.scan(codes.generate()).kind is VerdictKind.UNKNOWN  # valid shape, nobody's code
    assert door.scan(wrong_check).kind is VerdictKind.TYPO
    assert door.scan(swapped).kind is VerdictKind.TYPO
    assert door.scan(code[:5] + code[6:]).kind is VerdictKind.TYPO  # a character lost
    refused = passages(place)
    assert [p["verdict"] for p in refused] == ["unknown", "unknown", "typo", "typo", "typo"]
    assert all(p["direction"] == "none" and p["guest_id"] is None for p in refused)
    assert refused[2]["raw_input"] == wrong_check
    assert room_counts(place.engine, place.event_id)[0].inside == 0


def test_input_the_log_cannot_hold_as_is(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    for raw in ("\x00ABC-123", "ABC\ud800123", "9" * 5000):
        v = door.scan(raw)
        assert v.kind is VerdictKind.UNKNOWN
        assert door.scan(raw).repeat  # a double send of it is still recognised
    stored = [p["raw_input"] for p in passages(place)]
    assert stored == ["\\x00ABC-123", "ABC\\ud800123", "9" * 1000]


def test_cancelled_is_refused_with_the_guest(place: Venue) -> None:
    [code], [gid] = add_guests(place.engine, place.event_id, 1, status="cancelled")
    v = Door(place.engine, place.event_id, "Wejście 1").scan(code)
    assert v.kind is VerdictKind.CANCELLED
    assert v.tone is Tone.REFUSED
    assert v.guest is not None
    assert v.guest.id == gid
    assert v.guest.status == "cancelled"
    assert passages(place)[-1]["reason"]


def test_code_of_another_event(place: Venue) -> None:
    other = make_event(place.engine, name="Inne spotkanie", rooms=(("Aula B", 50),))
    [code], _ = add_guests(place.engine, other, 1)
    v = Door(place.engine, place.event_id, "Wejście 1").scan(code)
    assert v.kind is VerdictKind.WRONG_EVENT
    assert v.guest is None
    assert not v.recorded
    p = passages(place)[-1]
    assert (p["event_id"], p["guest_id"], p["verdict"]) == (place.event_id, None, "wrong_event")


def test_room_full_then_override(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    levels = [door.scan(c).room.level for c in place.codes[:5]]  # type: ignore[union-attr]
    assert levels == [Level.OK, Level.OK, Level.OK, Level.WARN, Level.FULL]
    full = door.scan(place.codes[5])
    assert full.kind is VerdictKind.ROOM_FULL
    assert full.tone is Tone.REFUSED
    assert full.room is not None
    assert full.room.inside == 5
    assert full.guest is not None
    forced = door.scan(place.codes[5], override=True)
    assert forced.kind is VerdictKind.OVERRIDE
    assert forced.recorded
    assert forced.room is not None
    assert forced.room.inside == 6
    last = passages(place)[-1]
    assert (last["forced"], last["verdict"], last["direction"]) == (True, "override", "in")
    # An override where there is room is a plain admission.
    v = Door(place.engine, place.event_id, "Aula", room="aula").scan(place.codes[7], override=True)
    assert v.kind is VerdictKind.ADMITTED
    assert not passages(place)[-1]["forced"]
    consistent(place.engine, place.event_id)


def test_admit_and_leave_by_name(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    v = door.admit(place.ids[3])
    assert v.kind is VerdictKind.ADMITTED
    assert v.raw_input == ""
    assert door.admit(place.ids[3]).repeat  # a double click
    assert door.leave(place.ids[3]).kind is VerdictKind.EXIT
    assert door.leave(place.ids[3]).repeat
    with pytest.raises(UserError, match="Nie ma gościa"):
        door.admit(999_999)
    consistent(place.engine, place.event_id)


def test_walk_in_registers_and_admits(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    v = door.walk_in(" Łucja ", "Wąs-Ćwik", "Koło Gospodyń", "lucja@example.org")
    assert v.kind is VerdictKind.ADMITTED
    assert v.recorded
    assert v.guest is not None
    assert v.guest.walk_in
    assert v.guest.full_name == "Łucja Wąs-Ćwik"
    assert codes.is_valid(v.guest.code)
    again = Door(place.engine, place.event_id, "Wejście 2").scan(v.guest.display_code)
    assert again.kind is VerdictKind.ALREADY_INSIDE
    assert again.guest is not None
    assert again.guest.id == v.guest.id
    s = stats(place.engine, place.event_id)
    assert (s.walk_ins, s.registered, s.attended, s.inside_now) == (1, 13, 1, 1)
    with pytest.raises(UserError, match="imię i nazwisko"):
        door.walk_in("  ", "Nowak")
    with pytest.raises(UserError, match="e-mail"):
        door.walk_in("Jan", "Nowak", email="jan.nowak(at)example.org")
    consistent(place.engine, place.event_id)


def test_walk_in_into_a_full_room_registers_nobody_unless_overridden(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    for c in place.codes[:5]:
        door.scan(c)
    v = door.walk_in("Jan", "Nowak")
    assert v.kind is VerdictKind.ROOM_FULL
    assert v.guest is None
    assert stats(place.engine, place.event_id).walk_ins == 0
    assert passages(place)[-1]["raw_input"] == "Jan Nowak"
    forced = door.walk_in("Jan", "Nowak", override=True)
    assert forced.kind is VerdictKind.OVERRIDE
    assert forced.room is not None
    assert forced.room.inside == 6
    assert stats(place.engine, place.event_id).walk_ins == 1
    consistent(place.engine, place.event_id)


def test_stations_see_each_others_counts(place: Venue) -> None:
    a = Door(place.engine, place.event_id, "A")
    b = Door(place.engine, place.event_id, "B", room="Aula")
    a.scan(place.codes[0])
    b.scan(place.codes[1])
    assert b.room_count().inside == 1
    assert a.room_count().inside == 1
    assert {r.name: r.inside for r in room_counts(place.engine, place.event_id)} == {"Sala 005": 1, "Aula": 1}
    s = stats(place.engine, place.event_id)
    assert (s.registered, s.cancelled, s.attended, s.inside_now) == (12, 0, 2, 2)
    assert [(r.name, r.inside, r.capacity, r.peak) for r in s.rooms] == [
        ("Sala 005", 1, 5, 1), ("Aula", 1, 100, 1)]


def test_recent_lists_this_stations_passages_newest_first(place: Venue) -> None:
    door = Door(place.engine, place.event_id, "Wejście 1")
    Door(place.engine, place.event_id, "Inne").scan(place.codes[5])
    door.scan(place.codes[0])
    door.scan("BRAK-KODU-1")
    undo = door.undo_last()
    assert undo is not None
    views = door.recent()
    assert [v.verdict for v in views] == ["undo", VerdictKind.UNKNOWN, VerdictKind.ADMITTED]
    assert views[0].undoes_id == views[2].id
    assert views[2].undone
    assert not views[1].undone
    assert views[1].raw_input == "BRAK-KODU-1"
    assert views[1].guest is None
    assert views[2].guest is not None
    assert views[2].room == "Sala 005"
    assert views[2].station == "Wejście 1"
    assert views[0].at >= views[2].at - timedelta(seconds=1)
    assert len(door.recent(limit=1)) == 1


def test_door_setup_errors(place: Venue) -> None:
    with pytest.raises(UserError, match="Nie ma sali „Balkon”.*Sala 005"):
        Door(place.engine, place.event_id, "A", room="Balkon")
    with pytest.raises(UserError, match="nazwę stanowiska"):
        Door(place.engine, place.event_id, "  ")
