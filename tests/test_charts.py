"""The trend chart: inline SVG, an image with a title and description, escaped text, no colour-only meaning."""
from verme_xblock.charts import trend_svg
from verme_xblock.data_reflections import TrendPoint, TrendSeries


def series(prompt="Wellbeing <b>&</b>", values=(2, 4)):
    labels = tuple(f"Session {i}" for i in range(1, len(values) + 1))
    points = tuple(TrendPoint(label, value) for label, value in zip(labels, values, strict=True))
    return TrendSeries("wellbeing", prompt, points, "It rose <script>"), labels


def test_chart_is_a_labelled_image_with_values_written_out():
    data, labels = series()
    svg = str(trend_svg(data, labels, ("S1", "S2"), "chart-1"))
    assert svg.startswith('<svg class="verme-chart" role="img"')
    assert 'aria-labelledby="chart-1-title chart-1-desc"' in svg
    assert '<title id="chart-1-title">Wellbeing &lt;b&gt;&amp;&lt;/b&gt;</title>' in svg
    assert '<desc id="chart-1-desc">It rose &lt;script&gt;</desc>' in svg
    assert svg.count("<circle") == 2 and "<polyline" in svg
    # Each point carries its value as text, so the chart reads without colour.
    assert ">2</text>" in svg and ">4</text>" in svg
    assert "fill=" not in svg and "stroke=" not in svg  # styling is in CSS classes only


def test_a_single_point_has_no_line():
    data, labels = series(values=(3,))
    svg = str(trend_svg(data, labels, ("S1",), "chart-2"))
    assert svg.count("<circle") == 1 and "<polyline" not in svg
