"""The portal's mark (the «E» in a circle, as in the header) drawn as the favicon set and the
default share image. Run `python -m portal.seo.icons` after changing the mark; the files it
writes to static/seo/ are committed, so neither a build step nor a font is needed to serve them.
"""

from pathlib import Path

ACCENT = "#1e2b3c"  # Designsystemet theme's accent, the header's background
ON_ACCENT = "#ffffff"
STATIC = Path(__file__).parent / "static" / "seo"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# The «E» as four bars on a 64-unit grid: the stem and three arms (x, y, width, height).
E_BARS = [(22, 16, 8, 32), (22, 16, 21, 7), (22, 28.5, 18, 7), (22, 41, 21, 7)]

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    f'<circle cx="32" cy="32" r="32" fill="{ACCENT}"/>'
    + "".join(
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{ON_ACCENT}"/>'
        for x, y, w, h in E_BARS
    )
    + "</svg>\n"
)


def mark(size: int, *, round_: bool = True, inverted: bool = False):
    """The mark as a square RGBA image of size × size pixels (drawn 4× larger, then scaled
    down, for smooth edges); inverted, a light circle with a dark «E», as in the header."""
    from PIL import Image, ImageDraw

    scale = size * 4 / 64
    ground, figure = (ON_ACCENT, ACCENT) if inverted else (ACCENT, ON_ACCENT)
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if round_:
        draw.ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=ground)
    else:  # a full square: iOS and Android cut their own shape
        draw.rectangle((0, 0, size * 4, size * 4), fill=ground)
    for x, y, w, h in E_BARS:
        box = (x * scale, y * scale, (x + w) * scale - 1, (y + h) * scale - 1)
        draw.rectangle(box, fill=figure)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def share_image():
    """1200 × 630, the size Open Graph and Twitter cards show best."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1200, 630), ACCENT)
    logo = mark(220, inverted=True)
    image.paste(logo, (100, 205), logo)
    draw = ImageDraw.Draw(image)
    title = ImageFont.truetype(FONT, 76)
    subtitle = ImageFont.truetype(FONT, 34)
    draw.text((370, 235), "E-helse Nordland", font=title, fill=ON_ACCENT)
    draw.text((374, 340), "Nettverk for e-helse i kommunene", font=subtitle, fill=ON_ACCENT)
    return image


def write_all() -> None:
    STATIC.mkdir(parents=True, exist_ok=True)
    (STATIC / "favicon.svg").write_text(SVG, encoding="utf-8")
    for size in (192, 512):
        mark(size, round_=False).save(STATIC / f"icon-{size}.png", optimize=True)
    mark(180, round_=False).save(STATIC / "apple-touch-icon.png", optimize=True)
    mark(48).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    share_image().save(STATIC / "share.png", optimize=True)


if __name__ == "__main__":
    write_all()
