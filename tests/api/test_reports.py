"""The reports and the dashboard figures: right numbers, the database aggregating, bounded queries."""
import csv
import io

import pytest
from django.utils import translation

from tests.api.reports_world import (
    KEY,
    LEARNER,
    STAFF,
    facilitator,
    make_group,
    post,
    record,
    report_on,
    submit_reflection,
)
from verme_xblock import exports_reports, i18n
from verme_xblock.api import bank_useful, dashboard, reports
from verme_xblock.errors import Refusal
from verme_xblock.models import Attendance, Comment, Post, Reaction, Visitor

pytestmark = pytest.mark.django_db

PRESENT, ABSENT, EXCUSED = Attendance.PRESENT, Attendance.ABSENT, Attendance.EXCUSED


@pytest.fixture
def season():
    north = make_group("North", [("41", "Äijälä Åsa", "Omnia"), ("42", "=SUM(A1:A9)", "Stadin ammattiopisto"),
                                 ("43", "+Liisa", "")])
    south = make_group("South", [("51", "Öhman Björn", "Omnia"), ("52", "Pekka", "Varia")], facilitator_id="21",
                       minutes=120)
    record(north, 1, "41", PRESENT)
    record(north, 2, "41", PRESENT, minutes=90)
    record(north, 1, "42", EXCUSED)
    record(north, 2, "42", PRESENT)
    record(north, 1, "43", ABSENT)
    record(south, 1, "51", PRESENT)
    record(south, 2, "52", PRESENT)
    submit_reflection(north, 1, "41")
    submit_reflection(north, 2, "42")
    report_on(post(north, "Peer observation"))
    post(south, "Hidden one", hidden=True)
    return north, south


def by_name(rows):
    return {row.name: row for row in rows}


def test_hours_add_up_against_the_attendance_records(season):
    rows = by_name(reports.participation_hours(KEY, STAFF))
    assert set(rows) == {"Äijälä Åsa", "=SUM(A1:A9)", "+Liisa", "Öhman Björn", "Pekka"}
    assert (rows["Äijälä Åsa"].attended, rows["Äijälä Åsa"].excused, rows["Äijälä Åsa"].minutes) == (2, 0, 270)
    assert (rows["=SUM(A1:A9)"].attended, rows["=SUM(A1:A9)"].excused, rows["=SUM(A1:A9)"].minutes) == (1, 1, 180)
    assert (rows["+Liisa"].attended, rows["+Liisa"].minutes) == (0, 0)
    assert len(rows["Äijälä Åsa"].dates) == 2 and rows["Äijälä Åsa"].dates[0] < rows["Äijälä Åsa"].dates[1]
    for user_id, row in (("41", rows["Äijälä Åsa"]), ("51", rows["Öhman Björn"])):
        present = Attendance.objects.filter(user_id=user_id, status=PRESENT)
        assert row.minutes == sum(a.minutes for a in present)


def test_organisation_totals(season):
    totals = {t.organisation: t for t in reports.organisation_totals(reports.participation_hours(KEY, STAFF))}
    assert (totals["Omnia"].participants, totals["Omnia"].attended, totals["Omnia"].minutes) == (2, 3, 390)
    assert totals["Varia"].minutes == 120 and totals[""].participants == 1
    assert list(totals)[-1] == ""  # people without an organisation come last


def test_facilitator_gets_hours_of_their_own_groups_only_and_learner_nothing(season):
    north, south = season
    names = {row.group for row in reports.participation_hours(KEY, facilitator(south.id, "21"))}
    assert names == {"South"}
    with pytest.raises(Refusal) as refused:
        reports.participation_hours(KEY, LEARNER)
    assert refused.value.status == 403
    for kind in ("groups", "practices"):
        with pytest.raises(Refusal):
            reports.check_report(facilitator(north.id), kind)
    with pytest.raises(Refusal):
        reports.good_practices(KEY, facilitator(north.id))


def read(chunks, language):
    data = b"".join(chunks)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=exports_reports.delimiter(language)))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_hours_csv_neutralises_formulas_and_keeps_finnish_and_swedish_letters(season, language):
    with translation.override(language), i18n.active_catalogue(language):
        rows = reports.participation_hours(KEY, STAFF)
        table = read(exports_reports.csv_chunks(
            exports_reports.hours_rows(rows, reports.organisation_totals(rows), language), language), language)
    names = [line[0] for line in table[1:6]]
    assert "Äijälä Åsa" in names and "Öhman Björn" in names
    assert "'=SUM(A1:A9)" in names and "'+Liisa" in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for line in table for cell in line)
    asa = next(line for line in table if line[0] == "Äijälä Åsa")
    assert asa[7] == ("4.5" if language == "en" else "4,5")
    blank = table.index([])
    omnia = next(line for line in table[blank:] if line and line[0] == "Omnia")
    assert omnia[1:4] == ["2", "3", "6.5" if language == "en" else "6,5"]
    if language == "fi":
        assert table[0][0] == "Nimi"


def test_group_summary_figures(season):
    north, _south = season
    figures = {g.name: g for g in reports.group_summary(KEY, STAFF)}
    north_figures = figures["North"]
    assert (north_figures.member_count, north_figures.sessions_held, north_figures.sessions_planned) == (3, 2, 3)
    assert north_figures.below_minimum and north_figures.next_session_at is not None
    assert (north_figures.attendance_present, north_figures.attendance_recorded) == (3, 5)
    assert north_figures.attendance_rate == 60
    assert (north_figures.reflections_submitted, north_figures.reflections_expected) == (2, 6)
    assert (north_figures.posts, north_figures.open_reports) == (1, 1)
    assert figures["South"].posts == 1  # hidden posts count; deleted ones do not
    with pytest.raises(Refusal):
        reports.group_summary(KEY, facilitator(north.id))


def test_good_practices_exclude_hidden_and_deleted_unless_asked(season):
    north, _south = season
    gone = post(north, "Deleted one")
    gone.deleted_at = gone.created_at
    gone.save()
    useful = post(north, "@Useful", author_name="-Eero")
    Reaction.objects.create(post=useful, user_id="42")
    Reaction.objects.create(post=useful, user_id="43")
    bank_useful.recount_useful(Post.objects.filter(id=useful.id))
    Comment.objects.create(post=useful, author_id="42", author_name="M", body="x")
    shown = {p.title: p for p in reports.good_practices(KEY, STAFF)}
    assert set(shown) == {"Peer observation", "@Useful"}
    assert (shown["@Useful"].reactions, shown["@Useful"].comments) == (2, 1)
    every = {p.title for p in reports.good_practices(KEY, STAFF, include_hidden=True)}
    assert every == {"Peer observation", "@Useful", "Hidden one", "Deleted one"}
    with translation.override("en"), i18n.active_catalogue("en"):
        table = read(exports_reports.csv_chunks(exports_reports.practices_rows(
            reports.good_practices(KEY, STAFF), lambda pid: f"#post-{pid}"), "en"), "en")
    assert [table[2][0], table[2][2]] == ["'@Useful", "'-Eero"]
    assert "@" not in "".join(table[0])  # no e-mail column


def test_a_report_over_500_participants_runs_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    for index in range(10):
        members = [(f"{index}-{n}", f"Person {index}-{n}", f"Org {n % 7}") for n in range(55)]
        group = make_group(f"Group {index}", members, max_size=60)
        Attendance.objects.bulk_create(
            Attendance(session=session, user_id=user_id, display_name=name, status=PRESENT, minutes=180)
            for session in group.sessions.all()[:2] for user_id, name, _org in members
        )
    with django_assert_max_num_queries(6):  # one for the seats that ended at unenrolment, one for travel
        rows = reports.participation_hours(KEY, STAFF)
    assert len(rows) == 550 and all(row.minutes == 360 for row in rows)
    with django_assert_max_num_queries(8):
        assert len(reports.group_summary(KEY, STAFF)) == 10
    with django_assert_max_num_queries(3):
        reports.good_practices(KEY, STAFF)


def count_queries(call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries.captured_queries)


def test_dashboard_queries_do_not_grow_with_groups_or_members():
    make_group("One", [("1", "A", "X")])
    small = count_queries(lambda: dashboard.group_figures(KEY, STAFF))
    for index in range(6):
        group = make_group(f"Many {index}", [(f"m{index}-{n}", f"M {n}", "Y") for n in range(8)])
        record(group, 1, f"m{index}-1", PRESENT)
        submit_reflection(group, 1, f"m{index}-1")
    assert count_queries(lambda: dashboard.group_figures(KEY, STAFF)) == small
    fac = facilitator(group.id)
    assert count_queries(lambda: dashboard.facilitated_groups(KEY, fac)) <= small + 4


def test_facilitator_overview(season):
    north, _south = season
    (item,) = dashboard.facilitated_groups(KEY, facilitator(north.id))
    assert item.figures.name == "North" and item.next_session.number == 3
    assert sorted(m.organisation for m in item.members) == ["", "Omnia", "Stadin ammattiopisto"]
    assert [(r.number, r.submitted) for r in item.reflections] == [(1, 1), (2, 1)]
    assert not item.plan_updated_since_last_session
    assert dashboard.facilitated_groups(KEY, STAFF) == ()


def test_unplaced_learners_are_the_visitors_without_a_group(season):
    dashboard.note_visit(KEY, LEARNER)
    dashboard.note_visit(KEY, LEARNER)  # once is enough
    assert Visitor.objects.filter(user_id="500").count() == 1
    assert [p.user_id for p in dashboard.unplaced_learners(KEY, STAFF)] == ["500"]
    north, _south = season
    dashboard.note_visit(KEY, facilitator(north.id))  # facilitators are not waiting for a group
    assert Visitor.objects.count() == 1
    with pytest.raises(Refusal):
        dashboard.unplaced_learners(KEY, facilitator(north.id))


def test_visits_are_exported_and_erased_with_the_account():
    from verme_xblock.api import privacy

    dashboard.note_visit(KEY, LEARNER)
    assert [v["block_key"] for v in privacy.export_user("500")["visits"]] == [KEY]
    privacy.retire_user("500")
    privacy.retire_user("500")
    assert not Visitor.objects.exists() and privacy.export_user("500")["visits"] == []


def test_retired_participants_hours_still_add_up_under_the_neutral_name(season):
    from verme_xblock.api import privacy

    privacy.retire_user("41")
    rows = reports.participation_hours(KEY, STAFF)
    retired = [row for row in rows if row.name == "Former participant"]
    assert len(retired) == 1 and retired[0].minutes == 270 and retired[0].organisation == ""
    with translation.override("fi"), i18n.active_catalogue("fi"):
        assert any(row.name == "Entinen osallistuja" for row in reports.participation_hours(KEY, STAFF))
