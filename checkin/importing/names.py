"""Splitting a full name into first and last name, and tidying the case of names typed into forms."""

# Surname particles: "Anna van der Berg" has the surname "van der Berg", not "Berg".
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "da", "di", "du", "des", "del", "della", "la", "le", "ten", "ter",
    "zu", "bin", "ibn", "al", "el", "y",
})


def tidy_case(text: str) -> str:
    """'JAN KOWALSKI' / 'jan kowalski' -> 'Jan Kowalski'; mixed case is left as typed."""
    if not (text.isupper() or text.islower()):  # mixed case, or no letters at all
        return text
    if sum(1 for ch in text if ch.isalpha()) < 2:  # "J" or "Ł." are initials, left as they are
        return text
    words = []
    for word in text.split(" "):
        low = word.lower()
        words.append(low if low in PARTICLES else "-".join(p.capitalize() for p in low.split("-")))
    return " ".join(words)


def split_full_name(full: str, surname_first: bool = False) -> tuple[str, str]:
    """(first, last) from a full name; 'Kowalska, Anna' and surname-first columns are understood."""
    full = full.strip()
    if not full:
        return "", ""
    if "," in full:
        last, first = (part.strip() for part in full.split(",", 1))
        if first and last:
            return first, last
        full = first or last
    words = full.split()
    if not words:
        return "", ""
    if len(words) == 1:
        return (words[0], "") if not surname_first else ("", words[0])
    if surname_first:
        return " ".join(words[1:]), words[0]
    # The surname starts at the first particle after the first word, or is the last word.
    for i in range(1, len(words) - 1):
        if words[i].lower() in PARTICLES:
            return " ".join(words[:i]), " ".join(words[i:])
    return " ".join(words[:-1]), words[-1]
