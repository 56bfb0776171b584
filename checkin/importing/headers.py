"""Recognising the columns of a registration list from their headers, in Polish and English.

Headers are compared folded (no case, no diacritics, no punctuation), so "Imię", "IMIE" and
"imię:" are one header. A header matches a field exactly by one of its names, or — for the long
questions web forms use as headers — by starting with one of its phrases
("Nazwa organizacji, którą Pan/Pani reprezentuje" is the organization).
"""

import re
from enum import StrEnum

from ..textnorm import fold


class Field(StrEnum):
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"
    ORGANIZATION = "organization"
    ROLE = "role"
    EMAIL = "email"
    PHONE = "phone"
    CODE = "code"
    STATUS = "status"


# Exact names per field (folded, punctuation turned to single spaces).
_EXACT: dict[Field, tuple[str, ...]] = {
    Field.FIRST_NAME: (
        "imie", "imiona", "imie uczestnika", "imie uczestniczki", "pierwsze imie", "first name",
        "firstname", "first", "given name", "forename", "vorname", "attendee first name",
    ),
    Field.LAST_NAME: (
        "nazwisko", "nazwisko uczestnika", "nazwisko uczestniczki", "last name", "lastname", "last",
        "surname", "family name", "nachname", "attendee last name",
    ),
    Field.FULL_NAME: (
        "imie i nazwisko", "imie nazwisko", "imie oraz nazwisko", "nazwisko i imie",
        "nazwisko imie", "imie i nazwisko uczestnika", "uczestnik", "uczestniczka", "osoba",
        "dane uczestnika", "full name", "fullname", "name", "attendee name", "participant",
        "participant name", "guest", "guest name",
    ),
    Field.ORGANIZATION: (
        "organizacja", "nazwa organizacji", "organizacja pozarzadowa", "nazwa organizacji pozarzadowej",
        "reprezentowana organizacja", "instytucja", "nazwa instytucji", "instytucja organizacja",
        "organizacja instytucja", "firma", "nazwa firmy", "podmiot", "nazwa podmiotu", "ngo",
        "stowarzyszenie fundacja", "fundacja stowarzyszenie", "company", "company name",
        "organization", "organisation", "organization name", "institution", "employer",
        "affiliation",
    ),
    Field.ROLE: (
        "kategoria", "kategoria uczestnika", "rola", "typ", "typ uczestnika", "rodzaj uczestnika",
        "typ biletu", "rodzaj biletu", "grupa", "category", "role", "ticket type",
        "attendee type", "registration type", "product",
    ),
    Field.EMAIL: (
        "email", "e mail", "adres email", "adres e mail", "mail", "adres mailowy", "poczta",
        "poczta elektroniczna", "email address", "e mail address", "emailaddress",
        "attendee email", "adres e mail uczestnika",
    ),
    Field.PHONE: (
        "telefon", "tel", "nr tel", "numer telefonu", "nr telefonu", "telefon kontaktowy",
        "numer telefonu kontaktowego", "komorka", "telefon komorkowy", "phone", "phone number",
        "mobile", "mobile phone", "cell phone", "telephone",
    ),
    Field.CODE: (
        "kod", "kod biletu", "kod wejscia", "kod qr", "kod kreskowy", "kod rejestracyjny",
        "kod uczestnika", "numer biletu", "nr biletu", "barcode", "barcode number",
        "ticket code", "ticket number", "ticket barcode", "ticket secret", "secret", "qr code",
        "qr", "code", "access code", "check in code",
    ),
    Field.STATUS: (
        "status", "status zgloszenia", "status uczestnika", "status rejestracji", "udzial",
        "obecnosc", "potwierdzenie", "potwierdzenie udzialu", "attendee status",
        "registration status", "order status", "rsvp", "attending", "attendance",
    ),
}

# Phrases a long header (a form's question) starts with.
_PREFIXES: dict[Field, tuple[str, ...]] = {
    Field.FULL_NAME: ("imie i nazwisko", "twoje imie i nazwisko", "nazwisko i imie"),
    Field.ORGANIZATION: (
        "nazwa organizacji", "organizacja ktora", "jaka organizacje", "nazwa reprezentowanej",
        "reprezentowana organizacja", "nazwa instytucji", "organization name", "company name",
    ),
    Field.EMAIL: ("adres e mail", "adres email", "twoj adres e mail", "email address"),
    Field.PHONE: ("numer telefonu", "nr telefonu", "telefon kontaktowy", "phone number"),
    Field.STATUS: (
        "czy wezmiesz udzial", "czy wezmie pan", "czy wezmie pani", "czy bedziesz",
        "czy przyjdziesz", "potwierdzam udzial", "potwierdzenie udzialu", "will you attend",
        "are you attending", "will you be attending",
    ),
}

_PUNCT = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """'Barcode #' -> 'barcode', 'Adres e-mail:' -> 'adres e mail', 'IMIĘ' -> 'imie'."""
    return _PUNCT.sub(" ", fold(header)).strip()


_BY_EXACT = {name: f for f, names in _EXACT.items() for name in names}


def field_for(header: str) -> Field | None:
    """The field a header names, or None for a column kept as an extra field."""
    k = header_key(header)
    if not k:
        return None
    if k in _BY_EXACT:
        return _BY_EXACT[k]
    for f, prefixes in _PREFIXES.items():
        if any(k.startswith(p + " ") or k == p for p in prefixes):
            return f
    return None


def map_columns(headers: list[str]) -> dict[int, Field]:
    """Column index -> field; the first column naming a field wins, later ones stay extras."""
    mapping: dict[int, Field] = {}
    taken: set[Field] = set()
    for i, header in enumerate(headers):
        f = field_for(header)
        if f is not None and f not in taken:
            mapping[i] = f
            taken.add(f)
    return mapping


def names_a_person(mapping: dict[int, Field]) -> bool:
    """Whether the mapped columns are enough to know who each row is."""
    fields = set(mapping.values())
    return Field.FULL_NAME in fields or bool({Field.FIRST_NAME, Field.LAST_NAME} & fields)
