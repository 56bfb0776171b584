"""Writes resources/sample/zgloszenia-lawka-dialogu.csv: a fictional Google Forms export (~150 people).

Every person and organization is invented; e-mail addresses use the reserved example.org domain
and phone numbers a fictional range. Deterministic, so the committed file can be regenerated.
"""

import csv
import random
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "zgloszenia-lawka-dialogu.csv"

FEMALE = [
    "Anna",
    "Maria",
    "Katarzyna",
    "Małgorzata",
    "Agnieszka",
    "Barbara",
    "Ewa",
    "Krystyna",
    "Elżbieta",
    "Zofia",
    "Joanna",
    "Magdalena",
    "Monika",
    "Dorota",
    "Aleksandra",
    "Natalia",
    "Justyna",
    "Beata",
    "Jadwiga",
    "Łucja",
    "Urszula",
    "Żaneta",
    "Grażyna",
    "Halina",
    "Iwona",
    "Bożena",
    "Weronika",
    "Karolina",
    "Marta",
    "Świętosława",
    "Jolanta",
]
MALE = [
    "Piotr",
    "Krzysztof",
    "Andrzej",
    "Tomasz",
    "Paweł",
    "Jan",
    "Michał",
    "Marcin",
    "Grzegorz",
    "Józef",
    "Łukasz",
    "Adam",
    "Zbigniew",
    "Jerzy",
    "Tadeusz",
    "Mateusz",
    "Dariusz",
    "Mariusz",
    "Wojciech",
    "Ryszard",
    "Jakub",
    "Kazimierz",
    "Maciej",
    "Sławomir",
    "Bartłomiej",
    "Radosław",
    "Przemysław",
    "Zdzisław",
    "Bogdan",
    "Jacek",
]
# Surnames as (male, female) forms.
SURNAMES = [
    ("Nowak", "Nowak"),
    ("Kowalski", "Kowalska"),
    ("Wiśniewski", "Wiśniewska"),
    ("Wójcik", "Wójcik"),
    ("Kowalczyk", "Kowalczyk"),
    ("Kamiński", "Kamińska"),
    ("Lewandowski", "Lewandowska"),
    ("Zieliński", "Zielińska"),
    ("Szymański", "Szymańska"),
    ("Woźniak", "Woźniak"),
    ("Dąbrowski", "Dąbrowska"),
    ("Kozłowski", "Kozłowska"),
    ("Jankowski", "Jankowska"),
    ("Mazur", "Mazur"),
    ("Kwiatkowski", "Kwiatkowska"),
    ("Krawczyk", "Krawczyk"),
    ("Piotrowski", "Piotrowska"),
    ("Grabowski", "Grabowska"),
    ("Nowakowski", "Nowakowska"),
    ("Pawłowski", "Pawłowska"),
    ("Michalski", "Michalska"),
    ("Król", "Król"),
    ("Wieczorek", "Wieczorek"),
    ("Jabłoński", "Jabłońska"),
    ("Wróbel", "Wróbel"),
    ("Nowicki", "Nowicka"),
    ("Majewski", "Majewska"),
    ("Olszewski", "Olszewska"),
    ("Stępień", "Stępień"),
    ("Malinowski", "Malinowska"),
    ("Jaworski", "Jaworska"),
    ("Adamczyk", "Adamczyk"),
    ("Dudek", "Dudek"),
    ("Nowacki", "Nowacka"),
    ("Pietrzak", "Pietrzak"),
    ("Wilk", "Wilk"),
    ("Żółć", "Żółć"),
    ("Chrząszcz", "Chrząszcz"),
    ("Brzęczyszczykiewicz", "Brzęczyszczykiewicz"),
    ("Ślęzak", "Ślęzak"),
    ("Źrebiec", "Źrebiec"),
    ("Łęcki", "Łęcka"),
    ("Ćwik", "Ćwik"),
    ("Gąsienica", "Gąsienica"),
    ("Świątek", "Świątek"),
    ("Ożóg", "Ożóg"),
    ("Pęcherz", "Pęcherz"),
    ("Szczęsny", "Szczęsna"),
    ("Mróz", "Mróz"),
    ("Bąk", "Bąk"),
]
KINDS = [
    "Fundacja",
    "Stowarzyszenie",
    "Fundacja",
    "Stowarzyszenie",
    "Związek",
    "Koło Gospodyń Wiejskich",
    "Klub Sportowy",
    "Towarzystwo",
    "Spółdzielnia Socjalna",
    "Uniwersytet Trzeciego Wieku",
]
THEMES = [
    "Zielone Podgórze",
    "Pomocna Dłoń",
    "Kraków dla Seniorów",
    "Rowerowy Kraków",
    "Przyjaciół Zabłocia",
    "Otwarte Drzwi",
    "Edukacja bez Granic",
    "Nowa Huta Razem",
    "Ochrony Ptaków Wisły",
    "Teatr na Kółkach",
    "Sąsiedzi z Grzegórzek",
    "Ławka Pod Lipą",
    "Kultura Dostępna",
    "Schronisko Bezdomnych Zwierząt „Łapa”",
    "Mieszkańców Kazimierza",
    "Pszczoła Miejska",
    "Młodzi dla Małopolski",
    "Wsparcia Rodzin Zastępczych",
    "Żywa Pamięć",
    "Pracownia Ćwiczeń Umysłu",
    "Dzielnica Łagiewniki",
    "Pogotowie Ekologiczne",
    "Głos Kobiet",
    "Cyfrowy Senior",
    "Kraków Bez Barier",
    "Śpiewająca Wisła",
    "Rzemiosło i Tradycja",
    "Zdrowie Psychiczne Teraz",
    "Bank Żywności Nowa Huta",
    "Wolontariat Plus",
    "Akademia Szachowa Hetman",
    "Miasto dla Ludzi",
]
ANSWERS = ["Tak, będę"] * 17 + ["Nie, nie mogę przyjść"]
CATEGORIES = ["Gość"] * 40 + ["Prasa"] * 2 + ["Prelegent"] + ["Organizator"]
NEEDS = [""] * 12 + ["wózek inwalidzki", "pętla indukcyjna", "miejsce blisko wyjścia", "tłumacz PJM"]


def ascii_slug(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in text.lower() if ch.isalnum())


def main() -> None:
    rng = random.Random(2026)
    orgs = [f"{rng.choice(KINDS)} {theme}" for theme in THEMES]
    start = datetime(2026, 2, 2, 9, 12, 0)
    people = []
    seen = set()
    while len(people) < 150:
        female = rng.random() < 0.55
        first = rng.choice(FEMALE if female else MALE)
        male_last, female_last = rng.choice(SURNAMES)
        last = female_last if female else male_last
        if rng.random() < 0.06:
            last = f"{last}-{rng.choice(SURNAMES)[1 if female else 0]}"
        if (first, last) in seen:
            continue
        seen.add((first, last))
        people.append((first, last))
    people[7] = ("Anna", "van der Berg")  # a multi-word surname that must stay whole
    people[23] = ("Łukasz", "Żółć")
    rows = []
    for i, (first, last) in enumerate(people):
        org = rng.choice(orgs) if rng.random() < 0.93 else ""
        when = start + timedelta(minutes=int(i * 300 + rng.randint(0, 250)))
        email = f"{ascii_slug(first)}.{ascii_slug(last)}@example.org"
        phone = f"+48 600 {rng.randint(100, 999)} {rng.randint(100, 999)}" if rng.random() < 0.8 else ""
        rows.append(
            [
                when.strftime("%d.%m.%Y %H:%M:%S"),
                f"{first} {last}",
                org,
                rng.choice(CATEGORIES),
                email,
                phone,
                rng.choice(ANSWERS),
                rng.choice(NEEDS),
                "Wyrażam zgodę",
            ]
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            [
                "Sygnatura czasowa",
                "Imię i nazwisko",
                "Nazwa organizacji",
                "Kategoria",
                "Adres e-mail",
                "Numer telefonu",
                "Czy weźmiesz udział w spotkaniu?",
                "Czy potrzebujesz udogodnień?",
                "Zgoda na przetwarzanie danych osobowych",
            ]
        )
        writer.writerows(rows)


if __name__ == "__main__":
    main()
