"""Adding people by username or e-mail: every line resolved first, all or nothing, seats respected;
the waiting list of learners in no group."""
import pytest
from django.contrib.auth import get_user_model

from tests.helpers import count_rows
from tests.runtimes import EnrollmentsService
from verme_xblock import people, roles
from verme_xblock.api import groups, waiting
from verme_xblock.api import people as api_people
from verme_xblock.data import Viewer
from verme_xblock.errors import Refusal
from verme_xblock.models import Facilitator, Membership, Visitor

pytestmark = pytest.mark.django_db

BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@people"
COURSE = "course-v1:Verme+Demo+2026"
STAFF = Viewer("1", "Sanna", roles.STAFF, True, None)
WORKBENCH = people.directory("workbench")


def refusal(func, *args, **kwargs):
    with pytest.raises(Refusal) as caught:
        func(*args, **kwargs)
    return caught.value


def add(entries, directory=WORKBENCH, **kwargs):
    return api_people.add_people(BLOCK, COURSE, STAFF, directory, entries, **kwargs)


@pytest.fixture
def two_groups():
    north = groups.create_group(BLOCK, STAFF, name="North", min_size=1, max_size=3)
    south = groups.create_group(BLOCK, STAFF, name="South", min_size=1, max_size=9)
    return north, south


def test_pasted_lines_and_csv_files_become_entries():
    assert api_people.pasted_entries("  learner_aino \n\n aino.virtanen@example.org\n") == [
        api_people.Entry(1, "learner_aino"), api_people.Entry(3, "aino.virtanen@example.org")]
    csv_text = "\ufeffUsername;Group;Role\nlearner_aino;North;jäsen\nlearner_mikko;\"South; east\";ohjaaja\n"
    assert api_people.csv_entries(csv_text) == [
        api_people.Entry(2, "learner_aino", "North", "jäsen"),
        api_people.Entry(3, "learner_mikko", "South; east", "ohjaaja")]
    assert api_people.csv_entries("learner_aino\nlearner_mikko,South") == [
        api_people.Entry(1, "learner_aino"), api_people.Entry(2, "learner_mikko", "South")]
    assert api_people.role_of("Handledare", "member") == "facilitator"
    assert api_people.role_of("", "member") == "member"
    assert api_people.role_of("boss", "member") is None


def test_three_usernames_are_placed_by_name(two_groups):
    north, _south = two_groups
    placed = add(api_people.pasted_entries("learner_aino\nMIKKO.NIEMINEN@example.org\nlearner_liisa"),
                 default_group_id=north)
    assert [p.name for p in placed] == ["Aino Virtanen", "Mikko Nieminen", "Liisa Järvinen"]
    assert sorted(Membership.objects.filter(group_id=north).values_list("display_name", flat=True)) == [
        "Aino Virtanen", "Liisa Järvinen", "Mikko Nieminen"]


def test_one_bad_line_refuses_the_whole_batch_line_by_line(two_groups):
    north, _south = two_groups
    before = count_rows()
    error = refusal(add, api_people.pasted_entries(
        "learner_aino\nnobody@example.org\nstaff_sanna\nlearner_aino\n" + "x" * 64), default_group_id=north)
    assert error.code == "people_unresolved" and error.status == 400 and error.field == "people"
    assert [(line["line"], line["text"]) for line in error.lines] == [
        (2, "nobody@example.org"), (3, "staff_sanna"), (4, "learner_aino"), (5, "x" * 64)]
    assert error.lines[1]["message"] == "Sanna Lehtinen is not enrolled in this course."
    assert error.lines[2]["message"] == "Aino Virtanen is already on line 1."
    assert "nobody" not in error.lines[0]["message"]  # the typed text is in "text", never in the message
    assert error.as_json()["error"]["lines"] == error.lines
    assert count_rows() == before


def test_csv_places_people_in_two_groups_with_roles(two_groups):
    _north, south = two_groups
    placed = add(api_people.csv_entries(
        "username,group,role\nlearner_aino,north\nlearner_mikko,South\nfacilitator_johan,South,facilitator\n"))
    assert [(p.name, p.group_name, p.role) for p in placed] == [
        ("Aino Virtanen", "North", "member"), ("Mikko Nieminen", "South", "member"),
        ("Johan Berg", "South", "facilitator")]
    assert Facilitator.objects.get(group_id=south).display_name == "Johan Berg"
    error = refusal(add, api_people.csv_entries("learner_liisa,West\nlearner_oskar\nlearner_pekka,North,boss"))
    assert [line["message"] for line in error.lines] == [
        "There is no group called West.", "Choose a group, or give one in the file's second column.",
        "Give the role as member or facilitator."]


def test_seats_are_counted_for_the_whole_batch_and_moves_free_seats(two_groups):
    north, south = two_groups
    add(api_people.pasted_entries("learner_aino\nlearner_mikko"), default_group_id=north)
    before = count_rows()
    error = refusal(add, api_people.pasted_entries("learner_liisa\nlearner_oskar"), default_group_id=north)
    assert [(line["line"], line["message"]) for line in error.lines] == [
        (2, "North has no seat left for Oskar Lindqvist (at most 3 members).")]
    assert count_rows() == before
    # Mikko moves out of North in the same batch, so two newcomers fit.
    add(api_people.csv_entries("learner_mikko,South\nlearner_liisa,North\nlearner_oskar,North"))
    assert Membership.objects.filter(group_id=north).count() == 3
    assert Membership.objects.get(user_id="learner_mikko").group_id == south


def test_only_staff_add_people_and_archived_groups_take_nobody(two_groups):
    north, _south = two_groups
    learner = Viewer("learner_aino", "Aino", roles.LEARNER, False, None)
    assert refusal(api_people.add_people, BLOCK, COURSE, learner, WORKBENCH,
                   [api_people.Entry(1, "learner_aino")], default_group_id=north).status == 403
    assert refusal(add, []).code == "required"
    assert refusal(add, [api_people.Entry(1, "learner_aino")], default_group_id=999999).status == 404
    groups.set_archived(BLOCK, STAFF, north, True)
    error = refusal(add, [api_people.Entry(1, "learner_aino")], default_group_id=north)
    assert error.lines[0]["message"] == "North is archived and takes no new members."


def test_the_platform_directory_needs_the_enrollments_service(two_groups):
    north, _south = two_groups
    users = [get_user_model().objects.create(username=f"teacher{i}", email=f"t{i}@example.org", first_name="Teacher",
                                             last_name=str(i)) for i in range(3)]
    enrolled = people.directory("lms", EnrollmentsService({COURSE: [users[0].id, users[1].id]}))
    error = refusal(add, api_people.pasted_entries("teacher0\nT1@example.org\nteacher2"), enrolled,
                    default_group_id=north)
    assert [line["message"] for line in error.lines] == ["Teacher 2 is not enrolled in this course."]
    placed = add(api_people.pasted_entries("teacher0\nT1@example.org"), enrolled, default_group_id=north)
    assert [p.user_id for p in placed] == [str(users[0].id), str(users[1].id)]
    studio = people.directory("studio")
    assert refusal(add, [api_people.Entry(1, "teacher2")], studio, default_group_id=north).code == "enrolments_unknown"


def test_the_waiting_list_shows_visitors_then_enrolled_learners_in_pages(two_groups, monkeypatch):
    north, _south = two_groups
    add(api_people.pasted_entries("learner_aino"), default_group_id=north)
    add([api_people.Entry(1, "facilitator_maija", role="facilitator")], default_group_id=north)
    Visitor.objects.create(block_key=BLOCK, user_id="learner_new", display_name="Noora Uusitalo")
    monkeypatch.setattr(waiting, "PAGE_SIZE", 3)
    page = waiting.waiting_list(BLOCK, COURSE, STAFF, WORKBENCH)
    assert [v.user_id for v in page.visitors] == ["learner_new"]
    enrolled = [p.user_id for p in people.WorkbenchDirectory()._enrolled().values()]
    expected = len(enrolled) - 3  # Aino, Maija (a facilitator) and the visitor are not repeated
    assert page.total == expected and page.pages == -(-expected // 3) and len(page.people) == 3
    assert "learner_aino" not in {p.user_id for p in page.people}
    second = waiting.waiting_list(BLOCK, COURSE, STAFF, WORKBENCH, page=2)
    assert not {p.user_id for p in second.people} & {p.user_id for p in page.people}
    found = waiting.waiting_list(BLOCK, COURSE, STAFF, WORKBENCH, query="oskar lind")
    assert [p.display_name for p in found.people] == ["Oskar Lindqvist"] and not found.visitors
    assert waiting.waiting_list(BLOCK, COURSE, STAFF, WORKBENCH, query="noora").visitors[0].user_id == "learner_new"
    assert refusal(waiting.waiting_list, BLOCK, COURSE, Viewer("x", "X", roles.LEARNER, False, None),
                   WORKBENCH).status == 403


@pytest.mark.django_db(transaction=True)
def test_a_batch_and_a_join_racing_for_the_last_seats_never_overfill_or_half_apply():
    """Two seats left: staff add two people while a learner joins. Either the batch wins (the join
    is refused) or the join wins (the batch, needing two seats, is refused whole)."""
    import threading

    from django.db import close_old_connections, connection

    group_id = groups.create_group(BLOCK, STAFF, name="North", min_size=1, max_size=3)
    add([api_people.Entry(1, "learner_oskar")], default_group_id=group_id)
    batch = api_people.pasted_entries("learner_aino\nlearner_mikko")
    joiner = Viewer("learner_liisa", "Liisa", roles.LEARNER, False, None)
    outcomes = {}

    def run_batch():
        try:
            add(batch, default_group_id=group_id)
            outcomes["batch"] = "placed"
        except Refusal as refusal:
            outcomes["batch"] = refusal.code

    def run_join():
        try:
            groups.join(BLOCK, joiner, group_id, enrolment_mode=groups.SELF_SELECT)
            outcomes["join"] = "joined"
        except Refusal as refusal:
            outcomes["join"] = refusal.code

    if connection.vendor == "sqlite":  # in-memory SQLite shares one connection: one after the other
        run_join()
        run_batch()
    else:
        barrier = threading.Barrier(2)

        def in_thread(work):
            close_old_connections()
            try:
                barrier.wait()
                work()
            finally:
                close_old_connections()

        threads = [threading.Thread(target=in_thread, args=(work,)) for work in (run_batch, run_join)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    members = set(Membership.objects.filter(group_id=group_id).values_list("user_id", flat=True))
    assert outcomes in ({"batch": "placed", "join": "group_full"}, {"batch": "people_unresolved", "join": "joined"})
    assert members in ({"learner_oskar", "learner_aino", "learner_mikko"}, {"learner_oskar", "learner_liisa"})
