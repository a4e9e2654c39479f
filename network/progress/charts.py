"""The charts, drawn on the server: SVG with pygal for the pages and print, PNG with Pillow for
the Word report (python-docx cannot embed SVG, and drawing the same few lines with Pillow,
which Wagtail already needs, spares a dependency on cairo).

pygal was chosen over Vega-Lite (altair with vl-convert) because it is one small pure-Python
package that writes SVG directly, with no JavaScript engine. Its own JavaScript is turned
off: the chart is a picture, and the table beside it holds the numbers. Lines differ by stroke
pattern and carry their names at their ends, so colour is never the only cue.
"""

import io
import re
from xml.sax.saxutils import escape

import pygal
from pygal.style import Style

from .series import Series

# Designsystemet's colours as the portal's theme uses them (accent, danger, success, …):
# dark enough against white for lines and text (WCAG 1.4.11).
COLOURS = ("#0062ba", "#c01b1b", "#06781f", "#a05a00", "#1e2b3c", "#7a3fb0")
FONT = "Inter, 'Segoe UI', Arial, sans-serif"
# A status level's line in the colour of its tag (StatusColour), darkened for lines on white.
LEVEL_COLOURS = {
    "neutral": "#5d6a79",
    "info": "#0062ba",
    "warning": "#a05a00",
    "success": "#06781f",
    "accent": "#1e2b3c",
    "danger": "#c01b1b",
}

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1e2b3c",
    foreground_strong="#1e2b3c",
    foreground_subtle="#5d6a79",
    colors=COLOURS,
    font_family=FONT,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=13,
    value_label_font_size=13,
    title_font_size=16,
    stroke_width=3,
)


def colours(series: Series) -> list[str]:
    return [
        LEVEL_COLOURS.get(line.colour) or COLOURS[index % len(COLOURS)]
        for index, line in enumerate(series.lines)
    ]


def end_labels(series: Series) -> list[str]:
    """The name at the end of each line; lines ending close together share one label (on the
    first of them), so the names never print over each other."""
    labels = ["" for _line in series.lines]
    if series.is_empty:
        return labels
    scale = series.maximum or max((max(line.values) for line in series.lines), default=1) or 1
    order = sorted(range(len(series.lines)), key=lambda i: series.lines[i].values[-1])
    group = [order[0]]
    for index in [*order[1:], None]:
        close = index is not None and (
            series.lines[index].values[-1] - series.lines[group[-1]].values[-1] <= scale * 0.06
        )
        if close:
            group.append(index)
            continue
        labels[group[0]] = ", ".join(series.lines[i].name for i in group)
        group = [index]
    return labels


def svg(series: Series) -> str:
    """The chart as a standalone SVG document, with a <title> and <desc>."""
    style = Style(**{**STYLE.__dict__, "colors": tuple(colours(series))})
    chart = pygal.Line(
        style=style,
        js=[],
        width=760,
        height=380,
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(series.lines), 3) or 1,
        x_label_rotation=30,
        dots_size=4,
        print_labels=True,
        truncate_label=-1,
        truncate_legend=-1,
        range=(0, series.maximum) if series.maximum else None,
        include_x_axis=True,
        y_title=series.value_heading,
        margin_right=110,
    )
    chart.x_labels = series.labels
    unit = " %" if series.unit == "%" else ""
    for line, label in zip(series.lines, end_labels(series), strict=True):
        points = [{"value": value} for value in line.values]
        if points and label:
            # The line's name at its end: the legend is not the only key.
            points[-1]["label"] = label
        chart.add(
            line.name,
            points,
            stroke_style={"width": 3, "dasharray": line.dash} if line.dash else {"width": 3},
            formatter=lambda value, unit=unit: f"{value}{unit}",
        )
    document = chart.render(is_unicode=True)
    return with_title(document, series)


def with_title(document: str, series: Series) -> str:
    """pygal writes no <desc>: put the title and the text summary first in the picture."""
    head = (
        f'<title id="chart-title">{escape(series.title)}</title>'
        f'<desc id="chart-desc">{escape(series.description)} {escape(series.summary)}</desc>'
    )
    document = re.sub(r"<title>.*?</title>", "", document, count=1, flags=re.S)
    # pygal writes its configuration as a script even with js=[]: a picture needs none.
    document = re.sub(r"<script\b.*?</script>", "", document, flags=re.S)
    return re.sub(
        r"(<svg\b[^>]*?)>",
        r'\1 role="img" aria-labelledby="chart-title chart-desc">' + head.replace("\\", r"\\"),
        document,
        count=1,
    )


# PNG for the Word report ------------------------------------------------------------------

PNG_SIZE = (1400, 700)
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")


def _font(size):
    from PIL import ImageFont

    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def png(series: Series) -> bytes:
    """The same chart as a PNG: lines with a different marker each and their names at their
    ends, the axis in the series' unit."""
    from PIL import Image, ImageDraw

    width, height = PNG_SIZE
    left, right, top, bottom = 110, 260, 70, 110
    image = Image.new("RGB", PNG_SIZE, "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(26), _font(20)
    draw.text((left, 16), series.title, fill="#1e2b3c", font=font)
    maximum = series.maximum or max(
        (max(line.values, default=0) for line in series.lines), default=1
    )
    maximum = maximum or 1
    plot_w, plot_h = width - left - right, height - top - bottom
    unit = " %" if series.unit == "%" else ""
    for step in range(5):
        value = round(maximum * step / 4)
        y = top + plot_h - plot_h * value / maximum
        draw.line([(left, y), (left + plot_w, y)], fill="#d0d7de", width=1)
        draw.text((10, y - 12), f"{value}{unit}", fill="#1e2b3c", font=small)
    count = len(series.moments)

    def x_of(index):
        return left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)

    for index, label in enumerate(series.labels):
        if count <= 12 or index % 2 == 0 or index == count - 1:
            draw.text((x_of(index) - 30, top + plot_h + 14), label, fill="#1e2b3c", font=small)
    labels = end_labels(series)
    for number, (line, colour) in enumerate(zip(series.lines, colours(series), strict=True)):
        points = [
            (x_of(i), top + plot_h - plot_h * value / maximum)
            for i, value in enumerate(line.values)
        ]
        if len(points) > 1:
            draw.line(points, fill=colour, width=4)
        for x, y in points:
            _marker(draw, MARKERS[number % len(MARKERS)], x, y, colour)
        if points and labels[number]:
            x, y = points[-1]
            draw.text((x + 14, y - 12), labels[number], fill=colour, font=small)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _marker(draw, shape, x, y, colour, r=8):
    if shape == "square":
        draw.rectangle([x - r, y - r, x + r, y + r], fill=colour)
    elif shape == "triangle":
        draw.polygon([(x, y - r), (x - r, y + r), (x + r, y + r)], fill=colour)
    elif shape == "diamond":
        draw.polygon([(x, y - r), (x - r, y), (x, y + r), (x + r, y)], fill=colour)
    else:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
