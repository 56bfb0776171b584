"""Name badges: layouts as data, fitted text, QR codes, rendered to PDF with ReportLab.

Entry points: make_badges() (choose guests, render, count the print) for the CLI, the app and
the self-test; render_badges() to draw given guests; LAYOUTS / get_layout() for the formats.
"""

from .layouts import DEFAULT_LAYOUT, LAYOUTS, Layout, Media, get_layout, layout_names
from .records import BadgeGuest, Who, badge_guests, guest_by_code, guest_by_id, mark_printed
from .render import DrawnText, EventLine, RenderResult, render_badges
from .service import BadgeRun, event_line, make_badges

__all__ = [
    "DEFAULT_LAYOUT", "LAYOUTS", "BadgeGuest", "BadgeRun", "DrawnText", "EventLine", "Layout",
    "Media", "RenderResult", "Who", "badge_guests", "event_line", "get_layout", "guest_by_code",
    "guest_by_id", "layout_names", "make_badges", "mark_printed", "render_badges",
]
