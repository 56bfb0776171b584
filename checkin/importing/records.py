"""From a read table to guest records: names split, status understood, codes kept, problems listed."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..textnorm import fold, fold_cached, key_of_folded
from .headers import Field, map_columns, names_a_person
from .names import split_full_name, tidy_case
from .reading import ImportFileError, RawTable

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Answers in a status / "will you come?" column that mean the person is not coming.
_CANCELLED = re.compile(
    r"^(nie\b|no\b|not attending|cancel|anul|odwol|rezygn|refund|zwrot|deleted|usuni|wycofa)"
)


@dataclass
class GuestRecord:
    """One person as the file describes them (before matching against the database)."""

    row: int
    first_name: str
    last_name: str
    organization: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    code: str = ""  # as given in the file; empty: the app generates one
    cancelled: bool | None = None  # None: the file has no status column, so it says nothing
    extra: dict[str, str] = field(default_factory=dict)

    # Keys are asked for several times per record while matching; names never change after the
    # record is made, so they are computed once (cached_property takes a lock on each access).
    name_key: str = field(init=False, repr=False, compare=False)
    person_key: tuple[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.name_key = key_of_folded(fold_cached(self.first_name) + fold_cached(self.last_name))
        self.person_key = (self.name_key, key_of_folded(fold_cached(self.organization)))

    @property
    def email_key(self) -> str:
        return self.email.casefold()

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class RowProblem:
    """A row-level problem: imported only after the user accepts it (or the row is skipped)."""

    row: int
    column: str
    message: str
    skipped: bool  # the row is not imported even when warnings are accepted


def same_person_names(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    """Whether two names can be one person: the first or the last name agrees.

    Matching by e-mail needs this check: NGOs often register two people from one shared inbox
    (biuro@…), while one person correcting the spelling of their surname keeps the first name.
    """
    return (bool(_key(first_a)) and _key(first_a) == _key(first_b)) or (
        bool(_key(last_a)) and _key(last_a) == _key(last_b)
    )


@lru_cache(maxsize=100_000)
def _key(text: str) -> str:
    return key_of_folded(fold_cached(text))


def is_cancelled(answer: str) -> bool:
    return bool(_CANCELLED.match(fold(answer)))


def to_records(
    table: RawTable, columns: dict[int, Field] | None = None
) -> tuple[list[GuestRecord], list[RowProblem]]:
    """Guest records of the table and the problems found in its rows (duplicates included).

    columns maps column index to field; without it the headers decide (map_columns).
    """
    if columns is None:
        columns = map_columns(table.headers)
    by_field = {f: i for i, f in columns.items()}
    if not names_a_person(columns):
        found = ", ".join(f"„{h}”" for h in table.headers if h) or "(brak)"
        raise ImportFileError(
            f"{table.path.name}: nie znaleziono kolumny z imieniem i nazwiskiem w wierszu "
            f"{table.header_row} (nagłówki: {found}). Nazwij kolumny np. „Imię” i „Nazwisko” "
            "albo „Imię i nazwisko”."
        )
    surname_first = Field.FULL_NAME in by_field and fold(
        table.headers[by_field[Field.FULL_NAME]]
    ).startswith("nazwisko")
    extras = [(i, h or f"Kolumna {i + 1}") for i, h in enumerate(table.headers) if i not in columns]

    def header(f: Field) -> str:
        return table.headers[by_field[f]] if f in by_field else ""

    # Each row is padded to the header's width plus one empty cell, which stands in for every
    # field the file does not have: plain indexing in the loop (it runs 50,000 times).
    width = max([len(table.headers), *(i + 1 for i in columns)])
    absent = width
    at = {f: by_field.get(f, absent) for f in Field}
    i_first, i_last, i_full = at[Field.FIRST_NAME], at[Field.LAST_NAME], at[Field.FULL_NAME]
    i_org, i_role, i_email, i_phone = at[Field.ORGANIZATION], at[Field.ROLE], at[Field.EMAIL], at[Field.PHONE]
    i_code, i_status = at[Field.CODE], at[Field.STATUS]
    has_status = Field.STATUS in by_field
    status_header = header(Field.STATUS)
    padding = [""] * (width + 1)

    records: list[GuestRecord] = []
    problems: list[RowProblem] = []
    for row, cells in table.rows:
        c = cells[:width] + padding[len(cells) if len(cells) < width else width :]
        first, last = c[i_first], c[i_last]
        if not (first or last) and c[i_full]:
            first, last = split_full_name(c[i_full], surname_first=surname_first)
        first, last = tidy_case(first), tidy_case(last)
        if not (first or last):
            if any(cells):
                name_cols = header(Field.FULL_NAME) or f"{header(Field.FIRST_NAME)}/{header(Field.LAST_NAME)}"
                problems.append(
                    RowProblem(row, name_cols, "brak imienia i nazwiska — wiersz pominięty", skipped=True)
                )
            continue
        email = c[i_email]
        if email and (email[0] == "<" or email.startswith("mailto:")):
            email = email.strip("<>").replace("mailto:", "")
        status = c[i_status]
        record = GuestRecord(
            row=row,
            first_name=first,
            last_name=last,
            organization=c[i_org],
            role=c[i_role],
            email=email,
            phone=c[i_phone],
            code=c[i_code].replace(" ", ""),
            cancelled=is_cancelled(status) if has_status else None,
            extra={name: c[i] for i, name in extras if c[i]},
        )
        if status:
            record.extra.setdefault(status_header, status)
        if email and not _EMAIL.match(email):
            problems.append(
                RowProblem(row, header(Field.EMAIL), f"niepoprawny adres e-mail „{email}”", skipped=False)
            )
        records.append(record)
    unique, duplicate_problems = _drop_duplicates(records, header(Field.CODE))
    return unique, problems + duplicate_problems


def _drop_duplicates(
    records: list[GuestRecord], code_header: str
) -> tuple[list[GuestRecord], list[RowProblem]]:
    """The same person twice in one file is imported once; a code shared by two people is flagged."""
    kept: list[GuestRecord] = []
    problems: list[RowProblem] = []
    by_code: dict[str, GuestRecord] = {}
    by_email: dict[str, list[GuestRecord]] = {}
    by_person: dict[tuple[str, str], GuestRecord] = {}
    for rec in records:
        same_code = by_code.get(rec.code.casefold()) if rec.code else None
        first = (
            (same_code if same_code and same_code.name_key == rec.name_key else None)
            or next(
                (
                    other
                    for other in by_email.get(rec.email_key, [])
                    if same_person_names(rec.first_name, rec.last_name, other.first_name, other.last_name)
                ),
                None,
            )
            or by_person.get(rec.person_key)
        )
        if first is not None:
            problems.append(
                RowProblem(
                    rec.row,
                    "",
                    f"{rec.display_name} powtarza się (jak w wierszu {first.row}) — zaimportowano raz",
                    skipped=True,
                )
            )
            continue
        if same_code is not None:
            problems.append(
                RowProblem(
                    rec.row,
                    code_header,
                    f"kod „{rec.code}” ma już {same_code.display_name} (wiersz {same_code.row}); "
                    f"{rec.display_name} dostanie nowy kod",
                    skipped=False,
                )
            )
            rec.code = ""
        kept.append(rec)
        if rec.code:
            by_code[rec.code.casefold()] = rec
        if rec.email_key:
            by_email.setdefault(rec.email_key, []).append(rec)
        by_person.setdefault(rec.person_key, rec)
    return kept, problems
