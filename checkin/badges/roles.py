"""The colour band of a badge: one colour per role, as data, with a default for any other role.

Keys are folded (checkin.textnorm.fold), so "Prasa", "PRASA" and "prasa " are the same role;
English names of the usual roles are listed too, because registration forms use either. Every
colour carries white text at a contrast of at least 4.5:1.
"""

from ..textnorm import fold

DEFAULT_COLOUR = "#455A64"  # slate: a role the table does not know
ROLE_COLOURS: dict[str, str] = {
    "gosc": "#1F5FA8", "guest": "#1F5FA8", "uczestnik": "#1F5FA8", "uczestniczka": "#1F5FA8",
    "prasa": "#B3261E", "press": "#B3261E", "media": "#B3261E", "dziennikarz": "#B3261E",
    "prelegent": "#6A1B9A", "prelegentka": "#6A1B9A", "speaker": "#6A1B9A", "panelista": "#6A1B9A",
    "organizator": "#1B6E35", "organizatorka": "#1B6E35", "organizer": "#1B6E35",
    "organiser": "#1B6E35", "staff": "#1B6E35", "obsluga": "#1B6E35",
    "wolontariusz": "#A84B00", "wolontariuszka": "#A84B00", "volunteer": "#A84B00",
    "vip": "#7A5C00", "partner": "#00695C", "sponsor": "#00695C",
}


def role_colour(role: str) -> str:
    """The band colour (#RRGGBB) for a role; DEFAULT_COLOUR for an unknown or empty one."""
    return ROLE_COLOURS.get(fold(role), DEFAULT_COLOUR)
