"""Names and organizations from outside, fuzzed: no text ever leaves its box, on any layout."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm

from checkin import codes
from checkin.badges import LAYOUTS, BadgeGuest, EventLine, Layout, render_badges
from checkin.badges.fit import fit_text
from checkin.badges.fonts import BOLD, REGULAR, drawable, width

from .checks import check_words_in_boxes, drawn_inside, rejoin

POLISH = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ"
EMOJI = ["😀", "👩‍🔬", "🇵🇱", "❤️", "🎉", "👍🏽", "🧑‍🤝‍🧑"]

word = st.text(POLISH, min_size=1, max_size=18)
hyphenated = st.lists(word, min_size=2, max_size=4).map("-".join)
# Real names: a first name and one or two surnames (Polish ones reach 15 letters), any case.
part = st.text(POLISH, min_size=1, max_size=15)
realistic_name = st.tuples(part, st.one_of(part, st.lists(part, min_size=2, max_size=2).map("-".join))
                           ).map(" ".join)
very_long = st.lists(st.one_of(word, hyphenated), min_size=4, max_size=20).map(" ".join)
with_emoji = st.tuples(realistic_name, st.sampled_from(EMOJI), st.booleans()).map(
    lambda t: f"{t[1]} {t[0]}" if t[2] else f"{t[0]}{t[1]}"
)
name = st.one_of(
    realistic_name,
    hyphenated,
    realistic_name.map(str.upper),
    very_long,
    very_long.map(str.upper),
    with_emoji,
    st.text(min_size=0, max_size=80),  # anything at all, control characters included
    st.text(POLISH, min_size=40, max_size=120),  # one word longer than any line
)
organization = st.one_of(st.just(""), very_long, realistic_name, with_emoji, st.text(max_size=200))
code = st.one_of(st.builds(codes.generate), st.text("ABCDEFGHJKLMNPQRSTUVWX0123456789-", min_size=1,
                                                    max_size=40))
role = st.one_of(st.sampled_from(["Gość", "Prasa", "Prelegent", "Organizator", ""]), st.text(max_size=60))
guest = st.builds(BadgeGuest, id=st.integers(1, 10**6), first_name=st.just(""), last_name=name,
                  organization=organization, role=role, code=code)
EVENT = EventLine("Ławka dialogu – spotkanie Prezydenta Miasta Krakowa z organizacjami pozarządowymi",
                  "27.02.2026, 17:30")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(guests=st.lists(guest, min_size=1, max_size=3), layout=st.sampled_from(LAYOUTS))
def test_no_text_leaves_its_box(guests: list[BadgeGuest], layout: Layout, tmp_path: Path) -> None:
    guests = [BadgeGuest(i + 1, g.first_name, g.last_name, g.organization, g.role, g.code or "X")
              for i, g in enumerate(guests)]
    out = tmp_path / "fuzz.pdf"
    result = render_badges(guests, layout, EVENT, out)
    drawn_inside(result)  # as the renderer drew it
    check_words_in_boxes(out, layout, guests)  # as poppler reads the PDF


@settings(max_examples=300, deadline=None)
@given(text=realistic_name, layout=st.sampled_from(LAYOUTS))
def test_real_names_are_fitted_not_cut(text: str, layout: Layout) -> None:
    from checkin.badges.geometry import regions

    box = regions(layout).name
    fitted = fit_text(text, BOLD, box.w, box.h, layout.name_pt, 2, floor=layout.name_pt[1] * 0.6,
                      floor_lines=4, fewest_lines=True)
    assert not fitted.shortened
    assert rejoin(fitted.lines) == text
    assert fitted.height() <= box.h
    assert all(width(line, BOLD, fitted.size) <= box.w for line in fitted.lines)
    if len(fitted.lines) > 1:  # wrapped only when one line would be below the smallest size
        assert width(text, BOLD, layout.name_pt[1]) > box.w
    if len(fitted.lines) > 2:  # more lines only when two lines at the smallest size cannot hold it
        assert fit_text(text, BOLD, box.w, box.h, layout.name_pt, 2).shortened


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(very_long, st.text(max_size=300)), box_w=st.floats(5, 200),
       box_h=st.floats(2, 60), lines=st.integers(1, 4))
def test_fitted_text_stays_in_any_box(text: str, box_w: float, box_h: float, lines: int) -> None:
    fitted = fit_text(text, REGULAR, box_w * mm, box_h * mm, (12, 7), lines)
    assert len(fitted.lines) <= lines
    assert fitted.height() <= box_h * mm
    assert all(width(line, REGULAR, fitted.size) <= box_w * mm for line in fitted.lines)
    if not fitted.shortened:  # nothing lost: the lines are the text
        assert "".join(fitted.lines).replace(" ", "") == drawable(text, REGULAR).replace(" ", "")
