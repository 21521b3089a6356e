"""Travel to attended sessions: who records it, and the participation report adding it up."""
from decimal import Decimal

import pytest
from django.utils import translation

from tests.api.reports_world import KEY, STAFF, facilitator, make_group, record
from tests.api.test_groups import learner, refused
from tests.api.test_reports import read
from verme_xblock import exports_reports, i18n
from verme_xblock.api import privacy, reports, travel
from verme_xblock.models import Attendance, MentoringSession, TravelRecord

pytestmark = pytest.mark.django_db

PRESENT, ABSENT = Attendance.PRESENT, Attendance.ABSENT


@pytest.fixture
def north():
    group = make_group("North", [("41", "Aino", "Omnia"), ("42", "Mikko", "Omnia"), ("43", "Liisa", "Varia")])
    record(group, 1, "41", PRESENT)
    record(group, 2, "41", PRESENT)
    record(group, 1, "42", PRESENT)
    record(group, 1, "43", ABSENT)
    return group


def session_id(group, number):
    return MentoringSession.objects.get(group=group, number=number).id


def save(viewer, group, number, user_id, km=None, amount=None, note=""):
    return travel.record_travel(KEY, viewer, session_id(group, number), user_id,
                                kilometres=None if km is None else Decimal(km),
                                amount=None if amount is None else Decimal(amount), note=note)


def test_members_record_their_own_travel_and_facilitators_anyones(north):
    aino = learner(41, north.id)
    assert save(aino, north, 1, "41", km="42.5", note="Car") == north.id
    save(aino, north, 1, "41", km="40", amount="12.50")  # a second save replaces the first
    save(facilitator(north.id), north, 1, "42", amount="8")
    rows = {(r.user_id, r.kilometres, r.amount, r.note) for r in TravelRecord.objects.all()}
    assert rows == {("41", Decimal("40.0"), Decimal("12.50"), ""), ("42", None, Decimal("8.00"), "")}
    assert set(travel.travel_of(north.id, aino)[session_id(north, 1)]) == {"41"}
    assert set(travel.travel_of(north.id, facilitator(north.id))[session_id(north, 1)]) == {"41", "42"}
    assert travel.travel_of(north.id, learner(99)) == {}
    save(aino, north, 1, "41")  # neither: the record goes
    assert not TravelRecord.objects.filter(user_id="41").exists()


def test_travel_is_refused_for_others_and_sessions_not_attended(north):
    aino, mikko = learner(41, north.id), learner(42, north.id)
    refused("forbidden", save, mikko, north, 1, "41", km="10")
    refused("forbidden", save, learner(99), north, 1, "99", km="10")
    refused("not_attended", save, facilitator(north.id), north, 1, "43", km="10")  # absent
    refused("not_attended", save, aino, north, 3, "41", km="10")  # not held yet
    refused("not_found", travel.record_travel, "other-block", aino, session_id(north, 1), "41", kilometres=None,
            amount=Decimal(1), note="")
    assert TravelRecord.objects.count() == 0


def test_the_report_adds_travel_per_participant_and_organisation(north):
    aino = learner(41, north.id)
    save(aino, north, 1, "41", km="40", amount="5")
    save(aino, north, 2, "41", km="40.5")
    save(learner(42, north.id), north, 1, "42", amount="12.25")
    rows = {row.name: row for row in reports.participation_hours(KEY, STAFF)}
    assert (rows["Aino"].kilometres, rows["Aino"].travel_amount) == (Decimal("80.5"), Decimal("5"))
    assert (rows["Liisa"].kilometres, rows["Liisa"].travel_amount) == (0, 0)
    totals = {t.organisation: t for t in reports.organisation_totals(reports.participation_hours(KEY, STAFF))}
    assert (totals["Omnia"].kilometres, totals["Omnia"].travel_amount) == (Decimal("80.5"), Decimal("17.25"))
    language = "fi"
    with translation.override(language), i18n.active_catalogue(language):
        hours = reports.participation_hours(KEY, STAFF)
        table = read(exports_reports.csv_chunks(exports_reports.hours_rows(
            hours, reports.organisation_totals(hours), language, currency="EUR", km_rate=Decimal("0.25")),
            language), language)
    assert table[0][-3:] == ["Matkakilometrit", "Matkakulut (EUR)", "Matkakustannukset yhteensä (EUR)"]
    aino_row = next(line for line in table if line[0] == "Aino")
    assert aino_row[-3:] == ["80,5", "5", "25,13"]  # 5 + 80.5 × 0.25 = 25.125
    omnia = next(line for line in table[table.index([]):] if line and line[0] == "Omnia")
    assert omnia[-3:] == ["80,5", "17,25", "37,38"]


def test_travel_stops_counting_when_attendance_changes_and_survives_retirement(north):
    save(learner(41, north.id), north, 1, "41", km="10")
    save(learner(42, north.id), north, 1, "42", km="20")
    Attendance.objects.filter(user_id="42").update(status=ABSENT)
    assert {r.name: r.kilometres for r in reports.participation_hours(KEY, STAFF)}["Mikko"] == 0
    assert privacy.export_user("41")["travel"][0]["kilometres"] == Decimal("10.0")
    privacy.retire_user("41")
    assert not TravelRecord.objects.filter(user_id="41").exists()
    totals = {t.organisation: t for t in reports.organisation_totals(reports.participation_hours(KEY, STAFF))}
    assert totals[""].kilometres == Decimal("10.0")  # the retired person's travel still adds up
