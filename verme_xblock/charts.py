"""Server-rendered inline SVG charts: no chart library in the browser.

The personal trend is a small multiple per Likert item: answers 1–5 over the sessions as a dark
line with round markers, each point also labelled with its value, so it reads in grey scale and
without colour. Each chart is an image with a title and a description (the trend sentence); the
same numbers are in a data table beside it for screen readers.
"""
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 260
HEIGHT = 150
LEFT = 36
RIGHT = 16
TOP = 14
BOTTOM = 30
SCALE = (1, 2, 3, 4, 5)


def _x(index, count):
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner / 2 if count == 1 else inner * index / (count - 1))


def _y(value):
    inner = HEIGHT - TOP - BOTTOM
    return TOP + inner * (SCALE[-1] - value) / (SCALE[-1] - SCALE[0])


def trend_svg(series, labels, short_labels, dom_id):
    """One chart for one TrendSeries; `labels` are all slots with a submitted reflection, in order."""
    positions = {label: index for index, label in enumerate(labels)}
    count = len(labels)
    grid = mark_safe("".join(  # noqa: S308 (numbers only)
        f'<line x1="{LEFT}" y1="{_y(v):.1f}" x2="{WIDTH - RIGHT}" y2="{_y(v):.1f}" class="verme-chart-grid"/>'
        f'<text x="{LEFT - 14}" y="{_y(v) + 4:.1f}" class="verme-chart-tick" text-anchor="end">{v}</text>'
        for v in SCALE
    ))
    axis = format_html_join(
        "",
        '<text x="{}" y="{}" class="verme-chart-tick" text-anchor="middle">{}</text>',
        ((f"{_x(index, count):.1f}", HEIGHT - 10, short) for index, short in enumerate(short_labels)),
    )
    coordinates = [(_x(positions[point.label], count), _y(point.value), point.value) for point in series.points]
    line = ""
    if len(coordinates) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _v in coordinates)
        line = format_html('<polyline points="{}" class="verme-chart-line"/>', path)
    markers = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="4.5" class="verme-chart-marker"/>'
        '<text x="{}" y="{}" class="verme-chart-value" text-anchor="middle">{}</text>',
        (
            (f"{x:.1f}", f"{y:.1f}", f"{x:.1f}", f"{y - 8 if value < 5 else y + 16:.1f}", value)
            for x, y, value in coordinates
        ),
    )
    return format_html(
        '<svg class="verme-chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{grid}{axis}{line}{markers}</svg>",
        w=WIDTH, h=HEIGHT, id=dom_id, title=series.prompt, desc=series.summary,
        grid=grid, axis=axis, line=line, markers=markers,
    )
