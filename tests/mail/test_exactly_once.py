"""Exactly once: claims, failed sends retried without repeating the good ones, overlapping runs."""
import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.test_bank_concurrency import run_at_once
from tests.mail.world import BLOCK, NOW, PEOPLE, days, make_world, session
from verme_xblock.mail import claims
from verme_xblock.mail.models import MessageBlock, SentMessage
from verme_xblock.mail.run import send_due_messages
from verme_xblock.models import Membership

MINUTE = datetime.timedelta(minutes=1)


@pytest.mark.django_db
def test_a_message_is_claimed_once_and_a_released_one_can_be_claimed_again():
    make_world()
    block = MessageBlock.objects.get(block_key=BLOCK)
    token = claims.claim("session_reminder", block, "s1-d7", "aino", NOW)
    assert token and claims.claim("session_reminder", block, "s1-d7", "aino", NOW) is None
    assert claims.claim("session_reminder", block, "s1-d1", "aino", NOW)  # another reminder day is another message
    claims.release("session_reminder", block, "s1-d7", "aino", token, "550 Mailbox unavailable")
    again = claims.claim("session_reminder", block, "s1-d7", "aino", NOW + MINUTE)
    assert again and again != token
    claims.mark_sent("session_reminder", block, "s1-d7", "aino", token)  # the old token no longer counts
    assert SentMessage.objects.get(subject="s1-d7").status == SentMessage.CLAIMED
    claims.mark_sent("session_reminder", block, "s1-d7", "aino", again)
    row = SentMessage.objects.get(subject="s1-d7")
    assert (row.status, row.attempts, row.error) == (SentMessage.SENT, 2, "")
    assert claims.claim("session_reminder", block, "s1-d7", "aino", NOW + days(1)) is None


@pytest.mark.django_db
def test_a_claim_left_by_a_crashed_worker_is_taken_over_after_an_hour_and_failures_stop_after_five():
    make_world()
    block = MessageBlock.objects.get(block_key=BLOCK)
    assert claims.claim("change_notice", block, "s1-v1", "emma", NOW)
    assert claims.claim("change_notice", block, "s1-v1", "emma", NOW + 30 * MINUTE) is None
    token = claims.claim("change_notice", block, "s1-v1", "emma", NOW + 61 * MINUTE)
    assert token
    for attempt in range(claims.MAX_ATTEMPTS - 2):
        claims.release("change_notice", block, "s1-v1", "emma", token, "refused")
        token = claims.claim("change_notice", block, "s1-v1", "emma", NOW + days(attempt + 1))
        assert token
    claims.release("change_notice", block, "s1-v1", "emma", token, "refused")
    assert SentMessage.objects.get().attempts == claims.MAX_ATTEMPTS
    assert claims.claim("change_notice", block, "s1-v1", "emma", NOW + days(9)) is None


@pytest.mark.django_db
def test_a_refused_address_is_retried_next_run_and_the_others_are_not_sent_twice(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    inbox.refuse.add("emma@example.org")
    outcome = send_due_messages(NOW)
    assert (outcome.sent, outcome.failed) == (3, 1)
    assert SentMessage.objects.get(user_id="emma").status == SentMessage.FAILED
    inbox.refuse.clear()
    outcome = send_due_messages(NOW + 5 * MINUTE)
    assert (outcome.sent, outcome.failed) == (1, 0)
    assert Counter(message.address for message in inbox.messages) == Counter(
        {"emma@example.org": 1, "aino@example.org": 1, "oskar@example.org": 1, "maija@example.org": 1})


@pytest.mark.django_db(transaction=True)
def test_overlapping_runs_send_each_message_once(inbox):
    """Four runs at the same moment (real threads on MariaDB): every recipient gets each message once."""
    group_a, group_b = make_world()
    session(group_a, 1, NOW + days(3))
    session(group_b, 1, NOW + days(6))
    planned = session(group_a, 2, NOW + days(30))
    send_due_messages(NOW - days(10))  # the first sight of the sessions, before any reminder is due
    inbox.messages.clear()
    planned.cancelled = True
    planned.save()
    errors = run_at_once([lambda: send_due_messages(NOW)] * 4)
    assert errors == []
    counts = Counter((message.address, message.subject) for message in inbox.messages)
    assert set(counts.values()) == {1}
    assert len(inbox.messages) == 4 + 2 + 4  # group A's reminder, group B's reminder, group A's cancellation
    assert SentMessage.objects.filter(status=SentMessage.SENT).count() == 10


@pytest.mark.django_db
def test_a_run_with_nothing_new_costs_the_same_however_many_messages_went_out(inbox, settings):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))

    def repeat_run_queries():
        send_due_messages(NOW)
        with CaptureQueriesContext(connection) as captured:
            assert send_due_messages(NOW + MINUTE).sent == 0
        return len(captured)

    few = repeat_run_queries()
    many = {f"extra{number}": {"name": f"Extra {number}", "email": f"extra{number}@example.org", "language": "en"}
            for number in range(30)}
    settings.VERME_WORKBENCH_PEOPLE = {**PEOPLE, **many}
    Membership.objects.bulk_create(Membership(block_key=group_a.block_key, group=group_a, user_id=user_id)
                                   for user_id in many)
    assert repeat_run_queries() == few
    assert len(inbox.messages) == 4 + 30
