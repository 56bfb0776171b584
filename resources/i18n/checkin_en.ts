<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pl">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/about.py" line="15"/>
        <source>Rejestracja gości przy wejściu na wydarzenie</source>
        <translation>Guest check-in at the event door</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="16"/>
        <source>Wersja {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="25"/>
        <source>O programie</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="37"/>
        <source>Wystąpił nieoczekiwany błąd. Program działa dalej; szczegóły zapisano w pliku {path}</source>
        <translation>An unexpected error occurred. The program keeps running; details were written to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57"/>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <source>Rejestracja gości</source>
        <translation>Guest check-in</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="62"/>
        <source>Wykres przybyć na 5 minut</source>
        <translation>Arrivals per 5 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="74"/>
        <source>Nikt jeszcze nie wszedł.</source>
        <translation>Nobody has come in yet.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../ui/camera_panel.py" line="163"/>
        <source>Kamera niedostępna: brak systemowych bibliotek multimediów (np. libpulse0). Skanuj czytnikiem lub wpisz kod.</source>
        <translation>Camera unavailable: the system&apos;s multimedia libraries are missing (e.g. libpulse0). Use the scanner or type the code.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="218"/>
        <source>Nie znaleziono kamery. Podłącz kamerę lub skanuj czytnikiem.</source>
        <translation>No camera found. Connect a camera or use the scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="234"/>
        <source>Pokaż kod QR z zaproszenia do kamery.</source>
        <translation>Show the QR code from the invitation to the camera.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="249"/>
        <source>Zezwól programowi na użycie kamery.</source>
        <translation>Allow the program to use the camera.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="252"/>
        <source>Brak zgody na użycie kamery. Zezwól na nią w ustawieniach systemu.</source>
        <translation>No permission to use the camera. Allow it in the system settings.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="276"/>
        <source>Nie można odtworzyć pliku wideo: {reason}</source>
        <translation>Cannot play the video file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="315"/>
        <source>Wyłącz kamerę</source>
        <translation>Turn the camera off</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="315"/>
        <source>Włącz kamerę</source>
        <translation>Turn the camera on</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="321"/>
        <source>Kamera wyłączona.</source>
        <translation>Camera off.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="326"/>
        <source>Błąd kamery: {reason}</source>
        <translation>Camera error: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="333"/>
        <source>Kamera została odłączona.</source>
        <translation>The camera was disconnected.</translation>
    </message>
    <message>
        <location filename="../../ui/camera_panel.py" line="377"/>
        <source>Odczytano kod {code}</source>
        <translation>Read code {code}</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../ui/import_columns.py" line="69"/>
        <source>Sprawdź kolumny i zmiany</source>
        <translation>Check the columns and the changes</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="70"/>
        <source>Nad każdą kolumną wybierz, co zawiera. Poniżej: co zmieni import (nic nie jest jeszcze zapisane).</source>
        <translation>Above each column choose what it holds. Below: what the import will change (nothing is saved yet).</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="80"/>
        <source>Rozumiem ostrzeżenia — importuj mimo nich (wiersze oznaczone jako pominięte nie zostaną dodane)</source>
        <translation>I understand the warnings — import anyway (rows marked as skipped will not be added)</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="103"/>
        <source>Kolumna {n}</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="104"/>
        <source>Pole</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="140"/>
        <location filename="../../ui/import_columns.py" line="155"/>
        <source>Sprawdzanie zmian…</source>
        <translation>Checking the changes…</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="166"/>
        <source>Nowe osoby: {n}</source>
        <translation>New people: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="167"/>
        <source> (w tym odwołane: {n})</source>
        <translation> (of them cancelled: {n})</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="168"/>
        <source>Zmienione dane: {n}</source>
        <translation>Changed details: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="169"/>
        <source>Bez zmian: {n}</source>
        <translation>Unchanged: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="171"/>
        <source>Brak w tym pliku: {n} (pozostają na liście, nic nie zostanie usunięte)</source>
        <translation>Not in this file: {n} (they stay on the list, nothing is removed)</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="174"/>
        <source>Ostrzeżenia: {n} — sprawdź je poniżej</source>
        <translation>Warnings: {n} — check them below</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="189"/>
        <source>wiersz {row}</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="191"/>
        <source>, kolumna „{column}”</source>
        <translation>, column “{column}”</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="192"/>
        <source>Ostrzeżenie — {where}: {message}</source>
        <translation>Warning — {where}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="197"/>
        <source>Zmiana — wiersz {row}: {name}: {what}</source>
        <translation>Change — row {row}: {name}: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="203"/>
        <source>Brak w pliku: {name}</source>
        <translation>Not in the file: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="218"/>
        <source>… i {n} więcej</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>DoorDesk</name>
    <message>
        <location filename="../../ui/desk.py" line="103"/>
        <source>Sala jest pełna. Wpuścić {name} ponad limit? Decyzja zostanie zapisana.</source>
        <translation>The room is full. Admit {name} over the limit? The decision will be recorded.</translation>
    </message>
</context>
<context>
    <name>FailedPrints</name>
    <message>
        <location filename="../../ui/integration.py" line="171"/>
        <source>Nieudane wydruki identyfikatorów</source>
        <translation>Badges that failed to print</translation>
    </message>
    <message>
        <location filename="../../ui/integration.py" line="177"/>
        <source>Drukuj ponownie</source>
        <translation>Print again</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="102"/>
        <source>Wybierz plik z listą zgłoszeń</source>
        <translation>Choose the registration list file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="103"/>
        <source>Plik CSV albo XLSX, np. eksport z formularza rejestracji.</source>
        <translation>A CSV or XLSX file, e.g. an export from the registration form.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="105"/>
        <source>ścieżka do pliku CSV lub XLSX</source>
        <translation>path to a CSV or XLSX file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="108"/>
        <source>Wybierz plik…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="125"/>
        <source>Lista zgłoszeń</source>
        <translation>Registration list</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="126"/>
        <source>Listy zgłoszeń (*.csv *.tsv *.txt *.xlsx *.xlsm);;Wszystkie pliki (*)</source>
        <translation>Registration lists (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="144"/>
        <source>Wczytywanie pliku {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="155"/>
        <source>CSV, kodowanie {encoding}, separator „{sep}”</source>
        <translation>CSV, encoding {encoding}, separator “{sep}”</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="158"/>
        <source>arkusz XLSX „{sheet}”</source>
        <translation>XLSX sheet “{sheet}”</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="160"/>
        <source>Plik {name}: {how}; nagłówki w wierszu {header}, wierszy danych: {rows}.</source>
        <translation>File {name}: {how}; headers in row {header}, data rows: {rows}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="168"/>
        <source>Nic nie zostało zmienione. Wybierz inny plik.</source>
        <translation>Nothing was changed. Choose another file.</translation>
    </message>
</context>
<context>
    <name>GuestListPanel</name>
    <message>
        <location filename="../../ui/guest_list.py" line="328"/>
        <source>&amp;Wszyscy</source>
        <translation>&amp;All</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="328"/>
        <source>W ś&amp;rodku</source>
        <translation>&amp;Inside</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="329"/>
        <source>&amp;Nie dotarli</source>
        <translation>&amp;Not arrived</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="329"/>
        <source>&amp;Po wyjściu</source>
        <translation>&amp;Left</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="330"/>
        <source>&amp;Dopisani na miejscu</source>
        <translation>&amp;Walk-ins</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="336"/>
        <source>Wpuść (Enter)</source>
        <translation>Admit (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="337"/>
        <source>Wyjście (Ctrl+O)</source>
        <translation>Exit (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="338"/>
        <source>Identyfikator (Ctrl+P)</source>
        <translation>Badge (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="361"/>
        <source>Nie można odczytać listy gości z bazy danych; ponowię próbę.</source>
        <translation>Cannot read the guest list from the database; trying again.</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="455"/>
        <source>Wczytywanie listy gości…</source>
        <translation>Loading the guest list…</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="459"/>
        <source>Nikt nie pasuje do „{query}”</source>
        <translation>Nobody matches “{query}”</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="461"/>
        <source>Na liście: {shown} z {total}</source>
        <translation>Listed: {shown} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/guest_list.py" line="463"/>
        <source>(podobnych: {n})</source>
        <translation>(similar: {n})</translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <location filename="../../ui/guest_model.py" line="143"/>
        <source>Imię i nazwisko</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="144"/>
        <source>Organizacja</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="145"/>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="146"/>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="147"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="148"/>
        <source>Zapis</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="149"/>
        <source>Wydruki</source>
        <translation>Prints</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="192"/>
        <source>na miejscu</source>
        <translation>walk-in</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="203"/>
        <source>W środku: {room}</source>
        <translation>Inside: {room}</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="204"/>
        <source>W środku</source>
        <translation>Inside</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="206"/>
        <source>Po wyjściu</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="208"/>
        <source>Odwołane</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="209"/>
        <source>Nie dotarł(a)</source>
        <translation>Not arrived</translation>
    </message>
    <message>
        <location filename="../../ui/guest_model.py" line="221"/>
        <source>Podobne do wyszukiwanego (możliwa literówka)</source>
        <translation>Similar to the search (possibly a typo)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/import_wizard.py" line="181"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="198"/>
        <source>Importowanie listy z pliku {name}…</source>
        <translation>Importing the list from {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="217"/>
        <source>Zaimportowano. Nowe osoby: {added}, zmienione dane: {updated}, bez zmian: {same}.</source>
        <translation>Imported. New people: {added}, changed details: {updated}, unchanged: {same}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="222"/>
        <source>Nic nie zaimportowano: plik zmienił się od podglądu i ma nowe ostrzeżenia. Uruchom import ponownie, aby je zobaczyć.</source>
        <translation>Nothing was imported: the file changed since the preview and has new warnings. Run the import again to see them.</translation>
    </message>
</context>
<context>
    <name>ImportTasks</name>
    <message>
        <location filename="../../ui/import_worker.py" line="44"/>
        <source>Nie udało się odczytać pliku {name}. Szczegóły zapisano w dzienniku programu.</source>
        <translation>Could not read {name}. Details were written to the program&apos;s log.</translation>
    </message>
    <message>
        <location filename="../../ui/import_worker.py" line="52"/>
        <source>Nie udało się sprawdzić pliku {name}. Szczegóły zapisano w dzienniku programu.</source>
        <translation>Could not check {name}. Details were written to the program&apos;s log.</translation>
    </message>
    <message>
        <location filename="../../ui/import_worker.py" line="67"/>
        <source>Import z pliku {name} nie powiódł się; niczego nie zmieniono. Szczegóły zapisano w dzienniku programu.</source>
        <translation>The import from {name} failed; nothing was changed. Details were written to the program&apos;s log.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_columns.py" line="35"/>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="36"/>
        <source>Nazwisko</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="37"/>
        <source>Imię i nazwisko</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="38"/>
        <source>Organizacja</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="39"/>
        <source>Rola/kategoria</source>
        <translation>Role/category</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="40"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="41"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="42"/>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="43"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="44"/>
        <source>— pomiń/dodatkowe pole —</source>
        <translation>— skip/extra field —</translation>
    </message>
    <message>
        <location filename="../../ui/import_columns.py" line="47"/>
        <source>dodatkowe pola</source>
        <translation>extra fields</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="52"/>
        <source>Import listy zgłoszeń</source>
        <translation>Import a registration list</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="57"/>
        <source>Dalej &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="58"/>
        <source>&lt; Wstecz</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="59"/>
        <source>Importuj</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="60"/>
        <source>Zakończ</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="61"/>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Rejestracja gości — {event}</source>
        <translation>Guest check-in — {event}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Zeskanuj kod albo wpisz nazwisko…</source>
        <translation>Scan a code or type a surname…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Kod lub nazwisko</source>
        <translation>Code or surname</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>Cofnij</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Spoza listy</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Sale</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Ostatnio na tym stanowisku (dwuklik: cofnij)</source>
        <translation>Recent at this station (double-click: undo)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Wydarzenie</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;Importuj listę gości…</source>
        <translation>&amp;Import a guest list…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Otwórz inne wydarzenie lub bazę…</source>
        <translation>&amp;Open another event or database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>&amp;Podsumowanie i eksport…</source>
        <translation>&amp;Summary and export…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Zamknij</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>&amp;Drzwi</source>
        <translation>&amp;Door</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Cofnij ostatnią czynność</source>
        <translation>&amp;Undo the last action</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Osoba &amp;spoza listy…</source>
        <translation>&amp;Walk-in…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Tryb &amp;wyjścia</source>
        <translation>E&amp;xit mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Wpuść ponad &amp;limit (koordynator)</source>
        <translation>Admit over the &amp;limit (supervisor)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Tryb &amp;tylko wejście (bez listy gości)</source>
        <translation>&amp;Door-only mode (no guest list)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Gotowe — wyczyść ekran</source>
        <translation>Done — clear the screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>&amp;Widok</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>&amp;Ekran zajętości sal (drugi monitor)</source>
        <translation>Room &amp;occupancy display (second screen)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Pełny ekran</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Skanowanie &amp;kamerą</source>
        <translation>&amp;Camera scanning</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>&amp;Ustawienia</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>&amp;Ustawienia stanowiska…</source>
        <translation>&amp;Station settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Ustaw &amp;PIN koordynatora…</source>
        <translation>Set the supervisor &amp;PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>&amp;Pomoc</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>&amp;O programie…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Nie wydrukowano identyfikatora: {reason}</source>
        <translation>The badge was not printed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Brak połączenia z bazą danych — liczniki sal mogą być nieaktualne</source>
        <translation>No connection to the database — room counts may be out of date</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Cofnąć ten wpis?
{entry}</source>
        <translation>Undo this entry?
{entry}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>tryb tylko wejście</source>
        <translation>door-only mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>Kopia zapasowa nie powiodła się: {reason}</source>
        <translation>The backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>zarejestrowani: {registered}  ·  przybyli: {attended}  ·  w środku: {inside}</source>
        <translation>registered: {registered}  ·  arrived: {attended}  ·  inside: {inside}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Zeskanuj kod…</source>
        <translation>Scan a code…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Podaj PIN koordynatora, aby pokazać listę gości.</source>
        <translation>Enter the supervisor PIN to show the guest list.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Podaj PIN koordynatora, aby zmienić wydarzenie.</source>
        <translation>Enter the supervisor PIN to change the event.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>Podaj PIN koordynatora, aby zmienić ustawienia.</source>
        <translation>Enter the supervisor PIN to change the settings.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>Podaj obecny PIN koordynatora.</source>
        <translation>Enter the current supervisor PIN.</translation>
    </message>
</context>
<context>
    <name>OccupancyDisplay</name>
    <message>
        <location filename="../../ui/occupancy.py" line="167"/>
        <source>Zajętość sal — {event}</source>
        <translation>Room occupancy — {event}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/door_lock.py" line="55"/>
        <source>PIN koordynatora</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="63"/>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="63"/>
        <source>Nowy PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="65"/>
        <source>Powtórz PIN:</source>
        <translation>Repeat the PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="96"/>
        <source>PIN musi mieć co najmniej {n} znaki.</source>
        <translation>The PIN must have at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="99"/>
        <source>PIN-y się różnią. Wpisz je jeszcze raz.</source>
        <translation>The PINs differ. Type them again.</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="145"/>
        <source>Potwierdzenie</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="153"/>
        <source>Zbyt wiele prób. Spróbuj ponownie za minutę.</source>
        <translation>Too many tries. Try again in a minute.</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="155"/>
        <source>Nieprawidłowy PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/door_lock.py" line="161"/>
        <source>Ustaw PIN koordynatora (co najmniej 4 znaki).</source>
        <translation>Set the supervisor PIN (at least 4 characters).</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/selftest_gui.py" line="53"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecentList</name>
    <message>
        <location filename="../../ui/recent.py" line="55"/>
        <source>cofnięte</source>
        <translation>undone</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="107"/>
        <source>Podsumowanie i eksport</source>
        <translation>Summary and export</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="112"/>
        <source>Liczby</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="114"/>
        <source>Obłożenie sal</source>
        <translation>Room occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="121"/>
        <source>Przybycia na 5 minut</source>
        <translation>Arrivals per 5 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="126"/>
        <source>Eksport CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="126"/>
        <source>Eksport XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="127"/>
        <source>Lista obecności (PDF)</source>
        <translation>Attendance list (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="128"/>
        <source>Raport (PDF)</source>
        <translation>Report (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="135"/>
        <source>Baza danych: {db}
Kopie zapasowe: {backups}
Dziennik: {logs}
Po wydarzeniu usuń dane osobowe poleceniem: checkin purge</source>
        <translation>Database: {db}
Backups: {backups}
Log: {logs}
After the event remove personal data with: checkin purge</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="140"/>
        <source>Wczytywanie…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="161"/>
        <source>Zarejestrowani</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="162"/>
        <source>Obecni</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="163"/>
        <source>Nieobecni</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="164"/>
        <source>Zgłoszeni na miejscu</source>
        <translation>Walk-ins</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="165"/>
        <source>Odwołane zgłoszenia</source>
        <translation>Cancelled registrations</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="166"/>
        <source>Organizacje</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="167"/>
        <source>Frekwencja</source>
        <translation>Turnout</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="168"/>
        <source>W środku teraz</source>
        <translation>Inside now</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="172"/>
        <source>najwięcej {peak} z {capacity} ({when})</source>
        <translation>peak {peak} of {capacity} ({when})</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="183"/>
        <source>Nie udało się wczytać podsumowania — szczegóły w dzienniku.</source>
        <translation>Could not load the summary — details in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="188"/>
        <source>Zapisz jako</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="194"/>
        <source>Zapisywanie {name}…</source>
        <translation>Saving {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="199"/>
        <source>Zapisano: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="207"/>
        <source>Nie udało się zapisać pliku — szczegóły w dzienniku.</source>
        <translation>Could not save the file — details in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="211"/>
        <source>Eksport</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>RoomGauge</name>
    <message>
        <location filename="../../ui/occupancy.py" line="64"/>
        <source>Wolnych miejsc: {free}</source>
        <translation>Seats free: {free}</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="65"/>
        <source>Zostało niewiele miejsc: {free}</source>
        <translation>Few seats left: {free}</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="66"/>
        <source>Sala pełna — prosimy chwilę poczekać</source>
        <translation>The room is full — please wait a moment</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="69"/>
        <source>wolnych miejsc: {free}</source>
        <translation>seats free: {free}</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="70"/>
        <source>prawie pełna — wolnych miejsc: {free}</source>
        <translation>almost full — seats free: {free}</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="71"/>
        <source>PEŁNA</source>
        <translation>FULL</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="77"/>
        <source>najwięcej: {peak}</source>
        <translation>peak: {peak}</translation>
    </message>
    <message>
        <location filename="../../ui/occupancy.py" line="78"/>
        <source>najwięcej: {peak} (o {time})</source>
        <translation>peak: {peak} (at {time})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source>Ustawienia stanowiska</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>(pierwsza sala wydarzenia)</source>
        <translation>(the event&apos;s first room)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50"/>
        <source>Wejście</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>Wyjście</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>Drukuj identyfikator przy wejściu</source>
        <translation>Print the badge on arrival</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>(drukarka domyślna)</source>
        <translation>(default printer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Dźwięki przy skanowaniu</source>
        <translation>Sounds when scanning</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Skaner nie wysyła Enter (szybka seria znaków i przerwa = kod)</source>
        <translation>The scanner sends no Enter (a fast burst of characters and a pause = a code)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>Skanowanie kamerą</source>
        <translation>Scanning with a camera</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>domyślna kamera systemu</source>
        <translation>system default camera</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>domyślny plik w folderze danych</source>
        <translation>the default file in the data folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>Plik…</source>
        <translation>File…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>wyłączona</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Zmień PIN koordynatora…</source>
        <translation>Change the supervisor PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95"/>
        <source>Ustaw PIN koordynatora…</source>
        <translation>Set the supervisor PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99"/>
        <source>Nazwa stanowiska:</source>
        <translation>Station name:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100"/>
        <source>Sala:</source>
        <translation>Room:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <source>Kierunek:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="103"/>
        <source>Drukarka:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104"/>
        <source>Format identyfikatora:</source>
        <translation>Badge format:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106"/>
        <source>Język:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109"/>
        <source>Kamera:</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110"/>
        <source>Baza danych (plik SQLite lub postgresql://…):</source>
        <translation>Database (a SQLite file or postgresql://…):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111"/>
        <source>Kopia zapasowa co:</source>
        <translation>Backup every:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112"/>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>Zmiana języka lub bazy danych otwiera okno programu ponownie.</source>
        <translation>Changing the language or the database reopens the program&apos;s window.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125"/>
        <source>Plik bazy danych</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125"/>
        <source>Baza SQLite (*.sqlite)</source>
        <translation>SQLite database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../ui/start.py" line="112"/>
        <source>Rejestracja gości — otwórz wydarzenie</source>
        <translation>Guest check-in — open an event</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="116"/>
        <source>Co otworzyć?</source>
        <translation>What to open?</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="128"/>
        <source>domyślny plik w folderze danych</source>
        <translation>the default file in the data folder</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="129"/>
        <source>Plik…</source>
        <translation>File…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="133"/>
        <source>Wydarzenie przykładowe: Ławka dialogu
(z fikcyjną listą 150 gości — do nauki i prób)</source>
        <translation>Sample event: Ławka dialogu
(with a fictional list of 150 guests — for learning and practice)</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="139"/>
        <source>plik .toml z nazwą, terminem i salami</source>
        <translation>a .toml file with the name, date and rooms</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="140"/>
        <location filename="../../ui/start.py" line="144"/>
        <source>Wybierz…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="143"/>
        <source>nieobowiązkowa: CSV lub XLSX z formularza</source>
        <translation>optional: CSV or XLSX from the form</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="146"/>
        <source>Otwórz to wydarzenie</source>
        <translation>Open this event</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="148"/>
        <source>Własne wydarzenie</source>
        <translation>Your own event</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="150"/>
        <source>Plik wydarzenia:</source>
        <translation>Event file:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="151"/>
        <source>Lista zgłoszeń:</source>
        <translation>Registration list:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="165"/>
        <source>Baza danych:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="176"/>
        <source>Plik bazy danych</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="177"/>
        <source>Baza SQLite (*.sqlite)</source>
        <translation>SQLite database (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="183"/>
        <source>Plik wydarzenia</source>
        <translation>Event file</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="184"/>
        <source>Plik wydarzenia (*.toml)</source>
        <translation>Event file (*.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="189"/>
        <source>Lista zgłoszeń</source>
        <translation>Registration list</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="190"/>
        <source>Lista zgłoszeń (*.csv *.xlsx *.txt)</source>
        <translation>Registration list (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="200"/>
        <source>Przygotowuję wydarzenie przykładowe…</source>
        <translation>Preparing the sample event…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="204"/>
        <source>Wybierz plik wydarzenia (.toml).</source>
        <translation>Choose the event file (.toml).</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="208"/>
        <source>Otwieram wydarzenie…</source>
        <translation>Opening the event…</translation>
    </message>
    <message>
        <location filename="../../ui/start.py" line="231"/>
        <source>Nie udało się otworzyć wydarzenia (szczegóły w dzienniku programu).</source>
        <translation>Could not open the event (details in the program&apos;s log).</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>Wejście</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>Wydaj identyfikator</source>
        <translation>Hand out the badge</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Ponowne wejście</source>
        <translation>Re-entry</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>Osoba wraca do sali — identyfikator ma już przy sobie</source>
        <translation>Coming back in — they already have their badge</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Wyjście</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>Wyjście zapisane — do zobaczenia</source>
        <translation>Exit recorded — see you</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>Już w sali</source>
        <translation>Already inside</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>Ta osoba weszła o {time} przy stanowisku {station} — sprawdź dokument</source>
        <translation>This person came in at {time} at station {station} — check their ID</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>Nie ma w sali</source>
        <translation>Not inside</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>Ta osoba nie jest zapisana w sali — wyjścia nie zapisano, przepuść ją</source>
        <translation>This person is not recorded as inside — no exit recorded, let them pass</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Nieznany kod</source>
        <translation>Unknown code</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>Nie ma takiego kodu — wpisz nazwisko, aby znaleźć osobę na liście</source>
        <translation>No such code — type the surname to find the person on the list</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Kod odczytany z błędem</source>
        <translation>Code misread</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>Zeskanuj kod jeszcze raz albo wpisz go ponownie</source>
        <translation>Scan the code again or type it again</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>Rejestracja odwołana</source>
        <translation>Registration cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>Nie wpuszczaj — poproś koordynatora o decyzję</source>
        <translation>Do not admit — ask the supervisor to decide</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>Kod innego wydarzenia</source>
        <translation>Code of another event</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>To zaproszenie jest na inne wydarzenie — poproś koordynatora</source>
        <translation>This invitation is for another event — ask the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>Sala pełna</source>
        <translation>Room full</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>Sala pełna — poproś o chwilę oczekiwania</source>
        <translation>The room is full — ask them to wait a moment</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Wejście ponad limit</source>
        <translation>Admitted over the limit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>Decyzja koordynatora zapisana — wydaj identyfikator</source>
        <translation>Supervisor&apos;s decision recorded — hand out the badge</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>Gotowe do skanowania</source>
        <translation>Ready to scan</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>Zeskanuj kod z zaproszenia albo wpisz nazwisko i naciśnij Enter</source>
        <translation>Scan the code from the invitation, or type the surname and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>Zeskanuj kod z zaproszenia</source>
        <translation>Scan the code from the invitation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>Sprawdzam…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Nie udało się</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>Nic nie zostało zapisane. Spróbuj ponownie; jeśli to się powtarza, wezwij koordynatora</source>
        <translation>Nothing was recorded. Try again; if it keeps happening, call the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>Cofnięto</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="91"/>
        <source>Cofnięto ostatnią czynność: {what}</source>
        <translation>Undid the last action: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>Na tym stanowisku nie ma czynności do cofnięcia</source>
        <translation>Nothing to undo at this station</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="93"/>
        <source>Ta osoba weszła o {time} — sprawdź dokument</source>
        <translation>This person came in at {time} — check their ID</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>Ta osoba jest już zapisana w sali — sprawdź dokument</source>
        <translation>This person is already recorded as inside — check their ID</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>Odczytano: {code}</source>
        <translation>Read: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Ten sam kod przed chwilą — nic nie zapisano ponownie</source>
        <translation>The same code a moment ago — nothing recorded again</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>Tylko kody</source>
        <translation>Codes only</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>(Szczegóły dla obsługi technicznej: {path})</source>
        <translation>(Details for technical support: {path})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>Na tym stanowisku wyszukiwanie jest wyłączone — zeskanuj kod z zaproszenia</source>
        <translation>Search is off at this station — scan the code from the invitation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>{room}: {inside} / {capacity}</source>
        <translation>{room}: {inside} / {capacity}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>WYJŚCIE</source>
        <translation>EXIT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>WEJŚCIE</source>
        <translation>ENTRANCE</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>wejście</source>
        <translation>entry</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>ponowne wejście</source>
        <translation>re-entry</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>wyjście</source>
        <translation>exit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>już w sali</source>
        <translation>already inside</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111"/>
        <source>nie ma w sali</source>
        <translation>not inside</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>nieznany kod</source>
        <translation>unknown code</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>błąd odczytu</source>
        <translation>misread</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>odwołana</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>inne wydarzenie</source>
        <translation>another event</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116"/>
        <source>sala pełna</source>
        <translation>room full</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>ponad limit</source>
        <translation>over the limit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>cofnięcie</source>
        <translation>undo</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/verdict_panel.py" line="72"/>
        <source>Wpuść ponad limit (koordynator, F8)</source>
        <translation>Admit over the limit (supervisor, F8)</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="35"/>
        <source>Osoba spoza listy</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="45"/>
        <source>Wpisz dane osoby, której nie ma na liście. Enter zapisuje i wpuszcza.</source>
        <translation>Type the details of a person who is not on the list. Enter registers and admits.</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="49"/>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="50"/>
        <source>&amp;Nazwisko:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="51"/>
        <source>&amp;Organizacja:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="52"/>
        <source>&amp;E-mail (nieobowiązkowy):</source>
        <translation>&amp;E-mail (optional):</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="59"/>
        <source>Zapisz, wpuść i drukuj</source>
        <translation>Register, admit and print</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="59"/>
        <source>Zapisz i wpuść</source>
        <translation>Register and admit</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.py" line="94"/>
        <source>Wpisz imię i nazwisko.</source>
        <translation>Type the first and last name.</translation>
    </message>
</context>
</TS>
