"""Progress over time: the series replayed from the history, the SVG and PNG charts, the charts
with their tables on the overviews and a municipality's page, and constant queries."""

import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from network.models import Municipality
from network.progress import charts, series

from .conftest import grow_history

MARCH = datetime.date(2026, 3, 1)


class TestSeries:
    def test_share_of_tasks_organised_per_cohort_month_by_month(self, world):
        chart = series.cohort_task_series(world.cohorts, today=MARCH)
        assert chart.labels == ["jan. 2026", "feb. 2026", "mars 2026"]
        lines = {line.name: line.values for line in chart.lines}
        # Pulje 1: Vega's 12 of 48 in January, then Rana's 24 too.
        assert lines["Pulje 1 2025"] == [25, 75, 75]
        assert lines["Pulje 2 2026"] == [0, 50, 50]
        assert "Pulje 1 2025: 75 % i mars 2026, opp fra 25 % i jan. 2026." in chart.summary
        assert chart.rows()[1] == ["feb. 2026", 75, 50]

    def test_municipalities_at_each_level_of_a_rollout(self, world):
        chart = series.rollout_level_series(world.kjernejournal, today=MARCH)
        assert chart.labels[0] == "juni 2025" and chart.labels[-1] == "mars 2026"
        total = Municipality.objects.count()
        for index in range(len(chart.moments)):
            assert sum(line.values[index] for line in chart.lines) == total
        lines = {line.name: line.values for line in chart.lines}
        # June 2025: Vega and Bodø prepare, Rana rolls out. March 2026: Vega and Rana have
        # swapped, and Vefsn prepares too.
        assert (lines["Forberedelse"][0], lines["Innføring"][0]) == (2, 1)
        assert (lines["Forberedelse"][-1], lines["Innføring"][-1]) == (3, 1)

    def test_a_municipalitys_own_line(self, world):
        chart = series.municipality_task_series(world.vega, today=MARCH)
        assert chart.lines[0].values == [12, 12, 12]
        assert chart.maximum == 24

    def test_no_history_is_said_in_words(self, world):
        bodo = Municipality.objects.get(slug="bodo")
        chart = series.municipality_task_series(bodo, today=MARCH)
        assert chart.lines[0].values == [0]
        assert chart.summary == "Bodø: 0 i mars 2026, uendret siden mars 2026."

    def test_queries_stay_the_same_with_ten_times_the_history(self, world):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                series.cohort_task_series(world.cohorts, today=MARCH)
                series.rollout_level_series(world.kjernejournal, today=MARCH)
                series.municipality_task_series(world.vega, today=MARCH)
            return len(captured)

        before = queries()
        grow_history(10)
        assert queries() == before


class TestPictures:
    def test_the_svg_has_a_title_a_description_no_script_and_patterns(self, world):
        svg = charts.svg(series.cohort_task_series(world.cohorts, today=MARCH))
        assert '<title id="chart-title">Andel oppgaver organisert per pulje</title>' in svg
        assert "<desc" in svg and "Pulje 2 2026: 50 %" in svg
        assert "<script" not in svg
        assert "stroke-dasharray:8 4" in svg.replace(": ", ":")  # the second line is dashed
        assert "#0062ba" in svg  # the portal's colours

    def test_lines_ending_together_share_one_name_and_levels_keep_their_colour(self, world):
        chart = series.rollout_level_series(world.kjernejournal, today=MARCH)
        names = [line.name for line in chart.lines]
        labels = dict(zip(names, charts.end_labels(chart), strict=True))
        # Of 41, 37 have not started and stand alone; the others end at 0 to 3, close enough
        # to share one label.
        assert labels["Ikke startet"] == "Ikke startet"
        shared = [label for name, label in labels.items() if label and name != "Ikke startet"]
        assert shared == ["I drift, Ikke aktuelt, Innføring, Forberedelse"]
        assert charts.colours(chart)[0] == charts.LEVEL_COLOURS["neutral"]

    def test_the_png_for_word_is_a_picture(self, world):
        picture = charts.png(series.cohort_task_series(world.cohorts, today=MARCH))
        image = Image.open(io.BytesIO(picture))
        assert image.format == "PNG" and image.size == charts.PNG_SIZE


class TestPages:
    def test_svg_endpoints_and_who_may_see_them(self, client, world):
        cohort_url = reverse("progress_cohort_chart")
        own_url = reverse("progress_municipality_chart", args=[world.vega.slug])
        rollout_url = reverse("progress_rollout_chart", args=[world.kjernejournal.pk])
        assert client.get(cohort_url).status_code == 302
        assert client.get(own_url).status_code == 302
        public = client.get(rollout_url)
        assert public.status_code == 200 and public["Content-Type"].startswith("image/svg+xml")
        # pygal's inline <style> is allowed in the picture, not on the pages.
        assert "'unsafe-inline'" in public["Content-Security-Policy"]
        client.force_login(world.member)
        for url in (cohort_url, own_url):
            response = client.get(url)
            assert response.status_code == 200 and b"<svg" in response.content

    def test_the_htm_overview_shows_the_cohort_chart_with_its_table(self, client, world):
        url = reverse("task_status_overview")
        client.force_login(world.member)
        response = client.get(url)
        page = response.content.decode()
        assert reverse("progress_cohort_chart") in page
        assert "Andel oppgaver organisert per pulje" in page
        assert '<th scope="col">Pulje 1 2025</th>' in page
        assert reverse("progress_region_report") not in page  # for editors only
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        client.force_login(world.editor)
        assert reverse("progress_region_report") in client.get(url).content.decode()

    def test_the_rollout_overview_shows_a_chosen_rollout(self, client, world):
        index = world.kjernejournal.get_parent().specific
        url = index.url + index.reverse_subpage("overview")
        page = client.get(url).content.decode()
        assert "Kommuner på hvert trinn i Kjernejournal" in page
        assert reverse("progress_rollout_chart", args=[world.kjernejournal.pk]) in page
        assert "Kommuner på hvert trinn i VKP" in client.get(url + "?diagram=vkp").content.decode()

    def test_a_municipalitys_page_shows_its_line_to_members(self, client, world):
        network_page = world.network_page
        url = network_page.url + network_page.reverse_subpage("municipality", args=["vega"])
        assert "Oppgaver organisert i Vega" not in client.get(url).content.decode()
        client.force_login(world.member)
        page = client.get(url).content.decode()
        assert "Oppgaver organisert i Vega" in page
        assert reverse("progress_municipality_chart", args=["vega"]) in page
