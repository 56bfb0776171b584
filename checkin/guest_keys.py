"""The folded copies of a guest's fields that the door's lookups use, computed in one place.

Everything that writes a guest (import, merge, walk-in, edits) stores these with it, so a scan
or a search never folds text at query time.
"""

from . import codes
from .textnorm import fold, fold_cached, key_of_folded


def guest_keys(first: str, last: str, organization: str, email: str, code: str) -> dict[str, str]:
    """Column values: code_key (scan lookup), name_key/email_key (merge), search_text (search)."""
    folded_first, folded_last = fold_cached(first), fold_cached(last)
    parts = (folded_first, folded_last, fold_cached(organization), fold(email), fold(code))
    return {
        "code_key": codes.canonical(code),
        "name_key": key_of_folded(folded_first + folded_last),
        "email_key": email.casefold(),
        "search_text": " ".join(part for part in parts if part),
    }
