"""The layout table: every format fits its paper, its parts never overlap, its QR code is big enough."""

from itertools import combinations

import pytest
from reportlab.lib.units import mm

from checkin.badges import LAYOUTS, Layout, Media, get_layout
from checkin.badges.geometry import Box, regions
from checkin.badges.roles import DEFAULT_COLOUR, ROLE_COLOURS, role_colour
from checkin.errors import UserError


def overlap(a: Box, b: Box, eps: float = 0.01) -> bool:
    """Sharing more than an edge (badges on a sheet without gaps touch)."""
    return a.x < b.right - eps and b.x < a.right - eps and a.y < b.top - eps and b.y < a.top - eps


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_badges_fit_the_page_without_overlapping(layout: Layout) -> None:
    pw, ph = layout.page_size()
    w, h = layout.badge[0] * mm, layout.badge[1] * mm
    slots = [Box(*layout.slot_origin(s), w, h) for s in range(layout.per_page)]
    for slot in slots:
        assert slot.x >= -0.01
        assert slot.y >= -0.01
        assert slot.right <= pw + 0.01
        assert slot.top <= ph + 0.01
    assert not any(overlap(a, b) for a, b in combinations(slots, 2))
    if layout.media is Media.LABEL:
        assert layout.per_page == 1
        assert layout.page == layout.badge


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_parts_of_a_badge_stay_apart(layout: Layout) -> None:
    r = regions(layout)
    inner = Box(layout.padding * mm, layout.padding * mm, r.badge.w - 2 * layout.padding * mm,
                r.badge.h - 2 * layout.padding * mm)
    parts = {**r.text_boxes(), "qr": r.qr}
    del parts["role"]  # the role's name sits in the band, which runs to the badge's edges
    for name, box in parts.items():
        assert box.w > 0, name
        assert box.h > 0, name
        assert inner.contains(box.x, box.y, box.right, box.top), name
        assert not overlap(box, r.band), name
    for (a, box_a), (b, box_b) in combinations(parts.items(), 2):
        assert not overlap(box_a, box_b), (a, b)
    assert r.band.contains(r.role.x, r.role.y, r.role.right, r.role.top)
    # A version 1 symbol with its quiet zone is 25 modules: at least 0.8 mm each.
    assert r.qr.w >= 20 * mm
    assert r.qr.w == r.qr.h


def test_layout_names_are_unique_and_looked_up_leniently() -> None:
    assert len({lay.name for lay in LAYOUTS}) == len(LAYOUTS)
    assert get_layout(" DYMO-54x101 ").name == "dymo-54x101"
    with pytest.raises(UserError, match="Dostępne układy"):
        get_layout("a3")


def contrast_with_white(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = bytes.fromhex(colour[1:])
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_role_colours_carry_white_text() -> None:
    for colour in {*ROLE_COLOURS.values(), DEFAULT_COLOUR}:
        assert contrast_with_white(colour) >= 4.5, colour


def test_role_colours_by_folded_name_with_a_default() -> None:
    assert role_colour("PRASA ") == role_colour("prasa") == role_colour("Press") != role_colour("Gość")
    assert role_colour("gosc") == role_colour("Gość")
    assert role_colour("Ktoś zupełnie inny") == DEFAULT_COLOUR
    assert role_colour("") == DEFAULT_COLOUR
