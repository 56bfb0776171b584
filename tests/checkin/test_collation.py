from hypothesis import given
from hypothesis import strategies as st

from checkin.collation import person_key, polish_key


def test_polish_alphabet_order() -> None:
    names = ["Żak", "Zając", "Źrebiec", "Łącki", "Lis", "Mazur", "Świątek", "Sowa", "Tomczyk",
             "Ćwik", "Cybulski", "Czech", "Dąbek", "Ąbek", "Abel", "Ostrowski", "Ówczesny", "Nowak-Lis",
             "Nowakowski", "Nowak", "Ńa"]
    assert sorted(names, key=polish_key) == [
        "Abel", "Ąbek", "Cybulski", "Czech", "Ćwik", "Dąbek", "Lis", "Łącki", "Mazur", "Nowak",
        "Nowak-Lis", "Nowakowski", "Ńa", "Ostrowski", "Ówczesny", "Sowa", "Świątek", "Tomczyk",
        "Zając", "Źrebiec", "Żak",
    ]


def test_case_and_foreign_accents_are_secondary() -> None:
    assert sorted(["écler", "Ecler", "ecler", "Edam"], key=polish_key) == ["ecler", "Ecler", "écler",
                                                                          "Edam"]


def test_people_by_surname_then_first_name() -> None:
    people = [("Nowak", "Łucja"), ("Nowak", "Lucyna"), ("Kowal", "Zofia")]
    assert sorted(people, key=lambda p: person_key(*p)) == [
        ("Kowal", "Zofia"), ("Nowak", "Lucyna"), ("Nowak", "Łucja")]


@given(st.lists(st.text(), max_size=20))
def test_any_text_sorts_and_order_is_total(words: list[str]) -> None:
    once = sorted(words, key=polish_key)
    assert sorted(once, key=polish_key) == once
    assert sorted(reversed(words), key=polish_key) == once or len(set(map(polish_key, words))) < len(words)
