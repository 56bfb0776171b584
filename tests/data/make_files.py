"""Writes the real-shaped registration files in tests/data (run once; the outputs are committed).

Each imitates what an exporter really produces: the bytes, the encoding, the line ends and the
quirks (title rows, BOMs, an empty trailing row), so the importer is tested on files as they come.
"""

import codecs
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent

# Google Forms (Polish UI), "Pobierz odpowiedzi (.csv)": UTF-8 without BOM, commas, LF, every
# answer with a comma quoted, a multi-line answer, names typed in any case.
GOOGLE_FORMS = (
    '"Sygnatura czasowa","Adres e-mail","Imię i nazwisko","Nazwa organizacji, którą Pan/Pani '
    'reprezentuje","Czy weźmie Pan/Pani udział w spotkaniu?","Uwagi / potrzeby"\n'
    '"2026/02/02 9:14:03 AM CET","lukasz.zolc@example.org","Łukasz Żółć","Fundacja Ławka Pod Lipą",'
    '"Tak, będę",""\n'
    '"2026/02/02 10:01:44 AM CET","biuro@example.org","MAŁGORZATA ŚLĘZAK-WĄSOWICZ",'
    '"Stowarzyszenie „Sąsiedzi z Grzegórzek”","Tak, będę","wózek inwalidzki,\nproszę o miejsce '
    'przy wejściu"\n'
    '"2026/02/03 8:30:10 PM CET","anna.vdb@example.org","anna van der berg","","Tak, będę",""\n'
    '"2026/02/04 7:45:00 AM CET","jerzy.chrzaszcz@example.org","Jerzy Chrząszcz",'
    '"Klub Sportowy Żywa Pamięć","Nie, nie mogę przyjść",""\n'
)

# Excel (Polish Windows), "CSV (rozdzielany przecinkami)": Windows-1250, semicolons, CRLF,
# a numbering column, and the empty trailing row Excel leaves when a row was cleared.
EXCEL_CP1250 = (
    "Lp.;Imię;Nazwisko;Organizacja;E-mail;Telefon\r\n"
    "1;Zofia;Źrebiec;Spółdzielnia Socjalna Kraków dla Seniorów;zofia.zrebiec@example.org;600 100 200\r\n"
    "2;Bożena;Ćwik;Koło Gospodyń Wiejskich Śpiewająca Wisła;;\r\n"
    "3;Przemysław;Gąsienica;Towarzystwo Przyjaciół Zabłocia;p.gasienica@example.org;+48 601 222 333\r\n"
    ";;;;;\r\n"
)

# ISO-8859-2 (an older Linux or web-form export), tab-separated.
LATIN2_TSV = (
    "Imię i nazwisko\tOrganizacja\tE-mail\n"
    "Świętosława Łęcka\tFundacja Głos Kobiet\tswietoslawa@example.org\n"
    "Jędrzej Ożóg\tStowarzyszenie Rowerowy Kraków\tjedrzej@example.org\n"
)

# Eventbrite "Attendee summary" export: UTF-8 with BOM, commas, CRLF, barcodes as text.
EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Barcode #,"
    "Order Type,Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment Processing,"
    "Attendee Status,Company\r\n"
    "7801234561,2026-02-05 11:02:17+01:00,Grażyna,Kwiatkowska,g.kwiatkowska@example.org,1,"
    "General Admission,9876500001,1234567890123456001,Free Order,0.00,0.00,0.00,0.00,Attending,"
    "Fundacja Pszczoła Miejska\r\n"
    "7801234562,2026-02-05 12:40:55+01:00,Tomasz,Wróbel,t.wrobel@example.org,1,Press,"
    "9876500002,1234567890123456002,Free Order,0.00,0.00,0.00,0.00,Attending,Gazeta Zabłocka\r\n"
    "7801234563,2026-02-06 09:11:03+01:00,Ewa,Mróz,ewa.mroz@example.org,1,General Admission,"
    "9876500003,1234567890123456003,Free Order,0.00,0.00,0.00,0.00,Not Attending,\r\n"
)


def write_xlsx(path: Path) -> None:
    """A list someone edited in Excel: a merged title row, an empty row, then the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Zgłoszenia"
    ws["A1"] = "Ławka dialogu – lista zgłoszeń (stan na 20.02.2026)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Nazwisko", "Imię", "Organizacja", "Telefon", "E-mail", "Data zgłoszenia"])
    ws.append(["Brzęczyszczykiewicz", "Grzegorz", "Stowarzyszenie Teatr na Kółkach", 600700800,
               "grzegorz.b@example.org", None])
    ws.append(["Wiśniewska", "Katarzyna", None, None, "k.wisniewska@example.org", None])
    ws.append(["Nowak-Jeziorańska", "Halina", "Fundacja Kraków Bez Barier", "+48 512 000 111",
               None, None])
    from datetime import datetime

    for row in range(4, 7):
        ws.cell(row=row, column=6, value=datetime(2026, 2, 10 + row, 9, 30))
    wb.save(path)


def main() -> None:
    (HERE / "google-forms-pl.csv").write_bytes(GOOGLE_FORMS.encode("utf-8"))
    (HERE / "excel-cp1250.csv").write_bytes(EXCEL_CP1250.encode("cp1250"))
    (HERE / "iso-8859-2.tsv").write_bytes(LATIN2_TSV.encode("iso-8859-2"))
    (HERE / "eventbrite-attendees.csv").write_bytes(codecs.BOM_UTF8 + EVENTBRITE.encode("utf-8"))
    write_xlsx(HERE / "title-row.xlsx")
    broken = HERE / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "empty.csv").write_bytes(b"")
    (broken / "binary.csv").write_bytes(bytes(range(256)) * 4)
    (broken / "header-only.csv").write_bytes("Imię;Nazwisko;E-mail\r\n".encode("cp1250"))
    (broken / "text-named.xlsx").write_bytes("Imię;Nazwisko\r\nJan;Kowalski\r\n".encode())
    (broken / "old-excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (broken / "no-names.csv").write_bytes(b"Kolor;Liczba\r\nczerwony;3\r\n")


if __name__ == "__main__":
    main()
