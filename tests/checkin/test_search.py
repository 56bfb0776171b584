"""Instant search over guests: folding, every word, codes with dashes, one typo, filters, updates."""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkin import codes
from checkin.guest_keys import guest_keys
from checkin.search import (
    GuestFilter,
    GuestIndex,
    ListedGuest,
    Presence,
    search_text,
)
from checkin.search_typos import FUZZY_MIN_LENGTH
from checkin.textnorm import fold


def make(guest_id: int, first: str, last: str, org: str = "", email: str = "", code: str = "",
         **state: object) -> ListedGuest:
    code = code or codes.generate()
    keys = guest_keys(first, last, org, email, code)
    values: dict[str, object] = {
        "status": "registered", "walk_in": False, "inside_room_id": None, "admitted": False,
        "badge_prints": 0, "role": "", **state,
    }
    return ListedGuest(
        id=guest_id, first_name=first, last_name=last, organization=org, email=email, code=code,
        text=search_text(keys["search_text"], keys["code_key"]), **values,  # type: ignore[arg-type]
    )


LUKASZ = make(1, "Łukasz", "Żółć", "Towarzystwo Głos Kobiet", "lukasz.zolc@example.org",
              code="K7M2Q9XD4HNP8RTV3")
ANNA = make(2, "Anna", "Kowalska", "Fundacja Wisła", "anna.k@example.org")
JAN = make(3, "Jan", "Kowalski", "Klub Sportowy", "jan@example.org")
JANUSZ = make(4, "Janusz", "Kowalsky", "", "")
BEATA = make(5, "Beata", "Nowak-Łęcka", "Stowarzyszenie Otwarte Drzwi", code="ABC-123")
PEOPLE = [LUKASZ, ANNA, JAN, JANUSZ, BEATA]


def names(index: GuestIndex, query: str, guest_filter: GuestFilter = GuestFilter.ALL) -> list[str]:
    return [g.full_name for g in index.search(query, guest_filter).guests]


def test_diacritics_do_not_matter_in_either_direction() -> None:
    index = GuestIndex(PEOPLE)
    assert names(index, "lukasz zolc") == ["Łukasz Żółć"]
    assert names(index, "ŁUKASZ ŻÓŁĆ") == ["Łukasz Żółć"]
    assert names(index, "nowak-lecka") == ["Beata Nowak-Łęcka"]


def test_every_word_must_match_in_any_order_across_fields() -> None:
    index = GuestIndex(PEOPLE)
    assert names(index, "zolc lukasz") == ["Łukasz Żółć"]
    assert names(index, "kobiet łukasz") == ["Łukasz Żółć"]  # organization + first name
    assert names(index, "anna.k@example") == ["Anna Kowalska"]  # e-mail
    assert names(index, "lukasz kowalska") == []
    assert names(index, "fundacja kowal") == ["Anna Kowalska"]


def test_list_is_sorted_by_surname_then_first_name() -> None:
    index = GuestIndex(PEOPLE)
    assert names(index, "") == [
        "Anna Kowalska", "Jan Kowalski", "Janusz Kowalsky", "Beata Nowak-Łęcka", "Łukasz Żółć",
    ]


def test_code_is_found_with_or_without_group_dashes() -> None:
    index = GuestIndex(PEOPLE)
    assert names(index, "K7M2-Q9XD-4HNP-8RTV-3") == ["Łukasz Żółć"]
    assert names(index, "k7m2q9xd4hnp8rtv3") == ["Łukasz Żółć"]
    assert names(index, "K7M2-Q9") == ["Łukasz Żółć"]  # a part, as typed from a badge
    assert names(index, "abc-123") == ["Beata Nowak-Łęcka"]  # an imported code with its dash
    assert names(index, "abc123") == ["Beata Nowak-Łęcka"]


def test_one_typo_of_each_kind_is_tolerated_and_exact_matches_come_first() -> None:
    index = GuestIndex(PEOPLE)
    assert names(index, "kowlaski")[0] == "Jan Kowalski"  # transposition
    assert "Jan Kowalski" in names(index, "kowalki")  # a letter missing
    assert "Jan Kowalski" in names(index, "kowallski")  # a letter too many
    assert "Anna Kowalska" in names(index, "kowalsxa")  # a wrong letter
    result = index.search("kowalski")
    assert [g.full_name for g in result.guests] == ["Jan Kowalski", "Anna Kowalska", "Janusz Kowalsky"]
    assert result.exact == 1  # Kowalska and Kowalsky only with a typo, after the exact match
    assert names(index, "lukasz zólv") == []  # a short word (here 4 letters) must match exactly
    assert names(index, "łukazs żółć") == ["Łukasz Żółć"]  # the typo in the longer word is fine
    assert names(index, "kowalsqqi") == []  # two edits are too many
    dropped = index.search("kowlaski nowak")  # a typo match dropped by the next word
    assert dropped.guests == []
    assert dropped.exact == 0


def test_typing_on_narrows_and_backspace_returns_the_earlier_result() -> None:
    index = GuestIndex(PEOPLE)
    for query in ["k", "ko", "kow", "kowa", "kowal", "kowals", "kowalsk", "kowalski"]:
        assert names(index, query) == names(GuestIndex(PEOPLE), query), query
    assert names(index, "kowals") == names(GuestIndex(PEOPLE), "kowals")
    assert names(index, "kowl") == []  # 4 letters: exact only
    assert names(index, "kowla") == ["Anna Kowalska", "Jan Kowalski", "Janusz Kowalsky"]


def test_filters_follow_presence_and_cancelled_guests_are_shown_as_such() -> None:
    guests = [
        dataclasses.replace(ANNA, inside_room_id=1, admitted=True),
        dataclasses.replace(JAN, admitted=True),
        dataclasses.replace(JANUSZ, status="cancelled"),
        dataclasses.replace(BEATA, walk_in=True, inside_room_id=1, admitted=True),
        LUKASZ,
    ]
    index = GuestIndex(guests)
    assert [g.presence for g in index.search("").guests] == [
        Presence.INSIDE, Presence.LEFT, Presence.CANCELLED, Presence.INSIDE, Presence.NOT_ARRIVED,
    ]
    assert names(index, "", GuestFilter.INSIDE) == ["Anna Kowalska", "Beata Nowak-Łęcka"]
    assert names(index, "", GuestFilter.LEFT) == ["Jan Kowalski"]
    assert names(index, "", GuestFilter.NOT_ARRIVED) == ["Łukasz Żółć"]  # not the cancelled one
    assert names(index, "", GuestFilter.WALK_INS) == ["Beata Nowak-Łęcka"]
    assert names(index, "kowal", GuestFilter.INSIDE) == ["Anna Kowalska"]
    assert index.counts() == {
        GuestFilter.ALL: 5, GuestFilter.INSIDE: 2, GuestFilter.LEFT: 1, GuestFilter.NOT_ARRIVED: 1,
        GuestFilter.WALK_INS: 1,
    }


def test_a_long_list_is_searched_a_slice_at_a_time() -> None:
    many = [make(i, "Anna", f"Nowak{i:05d}" if i % 3 else f"Kowalska{i:05d}") for i in range(1, 3001)]
    index = GuestIndex(many)
    run = index.start("kowalska")
    first = run.step(scan=600, enough=20)
    assert 20 <= len(first) < 1000  # the top of the list at once…
    assert not run.done
    rest: list[ListedGuest] = []
    while not run.done:
        rest += run.step(scan=600)  # …the rest in further steps, the window handling input between
    assert first + rest == index.search("kowalska").guests
    assert [g.last_name for g in first] == sorted(g.last_name for g in first)
    stale = index.start("nowak")
    index.apply([], removed=[1])
    with pytest.raises(RuntimeError):
        stale.step()


def test_updates_change_what_is_found_and_forget_stale_results() -> None:
    index = GuestIndex(PEOPLE)
    assert index.search("kowalska").guests[0] == ANNA
    renamed = dataclasses.replace(
        make(2, "Anna", "Wiśniewska", "Fundacja Wisła"), code=ANNA.code
    )
    assert index.apply([renamed])
    assert names(index, "kowalska") == ["Jan Kowalski", "Janusz Kowalsky"]  # typo matches only
    assert names(index, "wisniewska") == ["Anna Wiśniewska"]
    assert index.apply([], removed=[1])
    assert names(index, "lukasz") == []
    assert index.apply([LUKASZ])
    assert names(index, "lukasz") == ["Łukasz Żółć"]
    assert not index.apply([LUKASZ])  # the same data again changes nothing
    inside = dataclasses.replace(LUKASZ, inside_room_id=1, admitted=True)
    index.apply([inside])
    assert names(index, "", GuestFilter.INSIDE) == ["Łukasz Żółć"]


# -- properties ---------------------------------------------------------------------------------

def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance (an independent oracle for one typo)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def _exact(word: str, text: str) -> bool:
    return word in text or ("-" in word and word.replace("-", "") in text)


def _typo(word: str, text: str) -> bool:
    plain = word.replace("-", "")
    if len(plain) < FUZZY_MIN_LENGTH or not plain.isalpha():
        return False
    tokens = "".join(ch if ch.isalpha() else " " for ch in text).split()  # words of letters
    return any(
        _osa(plain, token[:n]) <= 1
        for token in tokens for n in range(len(plain) - 1, len(plain) + 2) if 0 < n <= len(token)
    )


LETTERS = "aąbcćeęklłnoóprsśzżAŁKZ"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
people = st.lists(st.tuples(word, word, st.sampled_from(["", "Fundacja Zażółć", "Klub Kość"])),
                  min_size=1, max_size=25)


def _query_for(data: st.DataObject, guests: list[ListedGuest]) -> str:
    if data.draw(st.booleans()):
        return data.draw(st.text(alphabet=LETTERS + " -", max_size=14))
    g = data.draw(st.sampled_from(guests))
    words = g.text.split()
    chosen = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=2))
    out = []
    for w in chosen:  # sometimes a piece, sometimes with one edit
        start = data.draw(st.integers(0, max(0, len(w) - 1)))
        piece = w[start:start + data.draw(st.integers(1, 10))]
        at = data.draw(st.integers(0, len(piece)))
        edit = data.draw(st.sampled_from(["", "drop", "swap", "add"]))
        if edit == "drop" and at < len(piece):
            piece = piece[:at] + piece[at + 1:]
        elif edit == "swap" and at + 1 < len(piece):
            piece = piece[:at] + piece[at + 1] + piece[at] + piece[at + 2:]
        elif edit == "add":
            piece = piece[:at] + "k" + piece[at:]
        out.append(piece)
    return " ".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, st.data())
def test_results_are_exactly_the_guests_satisfying_the_query(
    rows: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    guests = [make(i + 1, first, last, org) for i, (first, last, org) in enumerate(rows)]
    index = GuestIndex(guests)
    query = _query_for(data, guests)
    result = index.search(query)  # never raises
    words = [w for w in fold(query).split() if w.strip("-")]  # a lone dash says nothing
    expected_exact = {g.id for g in guests if all(_exact(w, g.text) for w in words)}
    expected = {g.id for g in guests
                if all(_exact(w, g.text) or _typo(w, g.text) for w in words)}
    got = [g.id for g in result.guests]
    assert len(got) == len(set(got))
    assert 0 <= result.exact <= len(got)
    assert set(got) == expected
    assert set(got[:result.exact]) == expected_exact  # exact matches first
    # Typing the same query letter by letter (narrowing from remembered results) agrees.
    for n in range(1, len(query) + 1):
        index.search(query[:n])
    assert [g.id for g in index.search(query).guests] == got
    # So does the same search done a few guests at a time.
    run, stepped = GuestIndex(guests).start(query), []
    while not run.done:
        stepped += [g.id for g in run.step(scan=data.draw(st.integers(1, 7)))]
    assert stepped == got
    assert run.exact == result.exact


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(list(GuestFilter)))
def test_any_input_never_raises(query: str, guest_filter: GuestFilter) -> None:
    result = GuestIndex(PEOPLE).search(query, guest_filter)
    assert 0 <= result.exact <= len(result.guests) <= len(PEOPLE)
