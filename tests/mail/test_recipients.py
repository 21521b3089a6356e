"""Who gets which message: opt-outs, the course's switches, retired accounts, and no leaks between groups."""
import datetime

import pytest
from django.utils import timezone

from tests.mail.world import NOW, PEOPLE, days, group, make_world, register, session
from verme_xblock.api import messages as api_messages
from verme_xblock.api import privacy
from verme_xblock.data import Viewer
from verme_xblock.mail import kinds
from verme_xblock.mail.run import send_due_messages
from verme_xblock.models import Attendance, Post, Reflection

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def member(user_id, group_id=None, facilitated=()):
    return Viewer(user_id, PEOPLE[user_id]["name"], "learner", False, group_id, tuple(facilitated))


def addresses(inbox):
    return sorted(message.address for message in inbox.messages)


def test_a_person_who_switched_reminders_off_gets_none_and_the_others_do(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    api_messages.save_choices("block-v1:Verme+Mail+2026+type@verme+block@mail1", "course", member("aino", group_a.id),
                              {kinds.CHANGE_NOTICE})
    send_due_messages(NOW)
    assert "aino@example.org" not in addresses(inbox)
    assert addresses(inbox) == ["emma@example.org", "maija@example.org", "oskar@example.org"]


def test_kinds_switched_off_for_the_course_are_not_sent(inbox):
    group_a, _group_b = make_world()
    register(message_kinds=[kinds.CHANGE_NOTICE])
    session(group_a, 1, NOW + days(3))
    send_due_messages(NOW)
    assert inbox.messages == []
    register(reminder_days=())
    send_due_messages(NOW + HOUR)
    assert inbox.messages == []  # all kinds on again, but no reminder days
    register(reminder_days=(7, 1))
    send_due_messages(NOW + 2 * HOUR)
    assert len(inbox.messages) == 4


def test_no_message_for_a_retired_account(inbox, settings):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    privacy.retire_user("oskar")
    # The platform rewrites a retired user's address into the reserved .invalid domain.
    retired = {**PEOPLE["emma"], "email": "retired__user_9f2@retired.invalid"}
    settings.VERME_WORKBENCH_PEOPLE = {**PEOPLE, "emma": retired}
    send_due_messages(NOW)
    assert addresses(inbox) == ["aino@example.org", "maija@example.org"]


def test_reminders_of_one_group_never_reach_another(inbox):
    group_a, group_b = make_world()
    session(group_a, 1, NOW + days(3), title="Owls only", goal="Owls' secret plan")
    session(group_b, 1, NOW + days(3), title="Birds only")
    send_due_messages(NOW)
    for message in inbox.messages:
        raw = message.parsed.as_string()
        if message.address in ("bert@example.org", "johan@example.org"):
            assert "Birds only" in message.text and "Owls" not in raw
        else:
            assert "Owls only" in message.text and "Birds" not in raw
    assert len(inbox.messages) == 6


def test_reflection_reminder_goes_the_day_after_to_members_who_have_not_submitted(inbox):
    group_a, _group_b = make_world()
    held = session(group_a, 1, NOW - days(1) - 4 * HOUR)  # ended 25 hours ago
    Reflection.objects.create(block_key=group_a.block_key, user_id="aino", group=group_a, session=held, slot=held.id,
                              status=Reflection.SUBMITTED, submitted_at=timezone.now())
    Reflection.objects.create(block_key=group_a.block_key, user_id="emma", group=group_a, session=held, slot=held.id)
    send_due_messages(NOW - 2 * HOUR)  # 23 hours after the end: not yet
    assert inbox.messages == []
    send_due_messages(NOW)
    assert addresses(inbox) == ["emma@example.org", "oskar@example.org"]  # a draft does not count; no facilitator
    assert inbox.to("emma@example.org")[0].subject == "Your reflection on session 1 of Night owls"
    assert inbox.to("emma@example.org")[0].calendar is None


def test_attendance_reminder_goes_to_the_facilitator_after_two_days_without_records(inbox):
    group_a, group_b = make_world()
    session(group_a, 1, NOW - days(2) - 4 * HOUR)
    recorded = session(group_b, 1, NOW - days(2) - 4 * HOUR)
    Attendance.objects.create(session=recorded, user_id="bert", status="present", minutes=180)
    session(group_a, 2, NOW - days(20))  # too long ago to remind
    send_due_messages(NOW)
    assert [m.address for m in inbox.messages if "record" in m.subject.lower() or "kirjaa" in m.subject.lower()] == [
        "maija@example.org"]
    assert inbox.to("maija@example.org")[0].subject == "Kirjaa läsnäolot: Night owls, tapaaminen 1"


THREE_DAYS_AGO = NOW - days(3)


def post(group_, author, title, visibility=Post.COURSE, created=THREE_DAYS_AGO, **fields):
    created_post = Post.objects.create(block_key=group_.block_key, author_id=author, author_name=PEOPLE[author]["name"],
                                       group=group_, visibility=visibility, title=title, body="Body", **fields)
    Post.objects.filter(id=created_post.id).update(created_at=created)
    return created_post


def test_digest_is_opt_in_and_holds_only_last_weeks_posts_the_reader_may_read(inbox):
    group_a, group_b = make_world()
    other_block = group("Elsewhere", "fac_b", ["emma"], block_key="block-v1:Other+type@verme+block@x")
    post(group_a, "aino", "Owls course-wide tip")
    post(group_a, "aino", "Owls group secret", visibility=Post.GROUP)
    post(group_b, "bert", "Birds group note", visibility=Post.GROUP)
    post(group_a, "oskar", "Hidden owl post", hidden=True)
    post(group_a, "oskar", "Deleted owl post", deleted_at=timezone.now())
    post(group_a, "oskar", "Old owl post", created=NOW - days(12))
    post(other_block, "emma", "Another component's post")
    send_due_messages(NOW)
    assert inbox.messages == []  # nobody asked for the digest
    for user_id, group_id in (("bert", group_b.id), ("emma", group_a.id), ("fac_b", None)):
        api_messages.save_choices(group_a.block_key, "course", member(user_id, group_id), {kinds.DIGEST})
    send_due_messages(NOW + HOUR)
    bert, emma, johan = (inbox.to(f"{name}@example.org") for name in ("bert", "emma", "johan"))
    assert len(bert) == len(emma) == len(johan) == 1
    assert "Owls course-wide tip" in bert[0].text and "Birds group note" not in bert[0].text  # his own post
    assert "Owls group secret" not in bert[0].parsed.as_string()
    assert "Owls group secret" in emma[0].text and "Birds group note" not in emma[0].parsed.as_string()
    for text in (bert[0].text + emma[0].text + johan[0].text,):
        assert "Hidden owl post" not in text and "Deleted owl post" not in text and "Old owl post" not in text
        assert "Another component's post" not in text
    # Johan facilitates the birds: he reads their group-only post, never the owls' one.
    assert "Birds group note" in johan[0].text and "Owls group secret" not in johan[0].parsed.as_string()
    send_due_messages(NOW + 2 * HOUR)
    assert len(inbox.messages) == 3  # once a week
