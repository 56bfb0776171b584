"""The badge layouts: a table of paper and label formats, and where each badge sits on a page.

Adding a format is adding a row to LAYOUTS. Sizes are millimetres, width × height as the paper
goes through the printer; a badge taller than wide gets the portrait design, otherwise landscape.
Sheets for a normal printer are A4 with the badges centred on the page; label printers print one
badge per page at the label's own size.
"""

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.units import mm

from ..errors import UserError

A4 = (210.0, 297.0)


class Media(StrEnum):
    SHEET = "sheet"  # A4 on an office printer; cut or peel afterwards
    LABEL = "label"  # one badge per page on a label printer


@dataclass(frozen=True)
class Layout:
    name: str  # what --layout takes
    title: str  # for people choosing a layout
    media: Media
    page: tuple[float, float]  # mm
    badge: tuple[float, float]  # mm
    columns: int = 1
    rows: int = 1
    gap: tuple[float, float] = (0.0, 0.0)  # mm between columns, between rows
    cut_marks: bool = False
    padding: float = 4.0  # mm of each badge left free of text (cutting tolerance, printer margins)
    name_pt: tuple[float, float] = (22.0, 13.0)  # the name's largest and smallest type size
    org_pt: tuple[float, float] = (10.0, 7.0)
    small_pt: float = 6.5  # event, date and code

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def portrait(self) -> bool:
        return self.badge[1] > self.badge[0]

    def page_size(self) -> tuple[float, float]:
        """The page in points."""
        return self.page[0] * mm, self.page[1] * mm

    def slot_origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner (points) of the badge in a slot, filled row by row from the top left."""
        col, row = slot % self.columns, slot // self.columns
        gx, gy = self.grid_origin()
        x = gx + col * (self.badge[0] + self.gap[0])
        y_top = gy + self.grid_size()[1] - row * (self.badge[1] + self.gap[1])
        return x * mm, (y_top - self.badge[1]) * mm

    def grid_size(self) -> tuple[float, float]:
        """The block of badges in mm."""
        return (
            self.columns * self.badge[0] + (self.columns - 1) * self.gap[0],
            self.rows * self.badge[1] + (self.rows - 1) * self.gap[1],
        )

    def grid_origin(self) -> tuple[float, float]:
        """Bottom-left of the block of badges in mm (centred on the page)."""
        w, h = self.grid_size()
        return (self.page[0] - w) / 2, (self.page[1] - h) / 2


LAYOUTS: tuple[Layout, ...] = (
    Layout("a4-90x55", "A4: 10 identyfikatorów 90×55 mm (2×5), linie cięcia", Media.SHEET,
           A4, (90, 55), columns=2, rows=5, cut_marks=True),
    Layout("a4-a6", "A4: 4 identyfikatory A6 105×148 mm (2×2), linie cięcia", Media.SHEET,
           A4, (105, 148), columns=2, rows=2, cut_marks=True, padding=7,
           name_pt=(34, 18), org_pt=(15, 10), small_pt=9),
    Layout("a4-54x90", "A4: 9 wkładek 54×90 mm (3×3), linie cięcia", Media.SHEET,
           A4, (54, 90), columns=3, rows=3, cut_marks=True, name_pt=(20, 12), org_pt=(9, 6.5)),
    Layout("a4-50x80", "A4: 9 etykiet 50×80 mm (3×3, odstępy 5 mm)", Media.SHEET,
           A4, (50, 80), columns=3, rows=3, gap=(5, 5), name_pt=(19, 11), org_pt=(9, 6.5)),
    Layout("brother-62", "Brother QL, taśma ciągła 62 mm (odcinki 100 mm)", Media.LABEL,
           (62, 100), (62, 100), padding=3, name_pt=(22, 12), org_pt=(10, 7)),
    Layout("dymo-54x101", "Dymo LabelWriter, etykieta 54×101 mm", Media.LABEL,
           (54, 101), (54, 101), padding=3, name_pt=(20, 12), org_pt=(9, 6.5)),
    Layout("zebra-57x102", "Zebra, etykieta 57×102 mm", Media.LABEL,
           (57, 102), (57, 102), padding=3, name_pt=(21, 12), org_pt=(9.5, 6.5)),
)
DEFAULT_LAYOUT = "a4-90x55"
_BY_NAME = {layout.name: layout for layout in LAYOUTS}


def layout_names() -> list[str]:
    return [layout.name for layout in LAYOUTS]


def get_layout(name: str) -> Layout:
    """The layout called name; a clear message listing the valid names otherwise."""
    layout = _BY_NAME.get(name.strip().lower())
    if layout is None:
        known = "\n".join(f"  {lay.name}: {lay.title}" for lay in LAYOUTS)
        raise UserError(f"Nieznany układ identyfikatorów „{name}”. Dostępne układy:\n{known}")
    return layout
