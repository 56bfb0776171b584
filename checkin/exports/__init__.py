"""After the event: who came (CSV, XLSX), the attendance list and the summary report (PDF)."""
