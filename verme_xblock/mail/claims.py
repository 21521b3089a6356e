"""Exactly once: a message is claimed by inserting its unique row before it is sent.

Two workers or two overlapping runs may both find the same message due; only the one whose insert
commits owns it (the other gets an IntegrityError and moves on). A failed send is released
(`failed`), and a later run takes it over with a conditional UPDATE that only one worker can win.
A claim left behind by a worker that died mid-send is taken over after `STALE_AFTER`: e-mail
cannot be both sent and recorded atomically, so after a crash between the two a message may go
out twice rather than never.
"""
import datetime
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import SentMessage

STALE_AFTER = datetime.timedelta(hours=1)
MAX_ATTEMPTS = 5


def claim(kind, block, subject, user_id, now=None):
    """The claim token when this worker now owns the message, else None (sent, skipped or taken)."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    try:
        with transaction.atomic():
            SentMessage.objects.create(
                kind=kind, block_key=block.block_key, course_key=block.course_key, subject=subject,
                user_id=user_id, status=SentMessage.CLAIMED, claim_token=token, claimed_at=now,
            )
        return token
    except IntegrityError:
        pass
    retry = Q(status=SentMessage.FAILED, attempts__lt=MAX_ATTEMPTS) | Q(
        status=SentMessage.CLAIMED, claimed_at__lt=now - STALE_AFTER
    )
    taken = SentMessage.objects.filter(retry, kind=kind, block_key=block.block_key, subject=subject,
                                       user_id=user_id).update(
        status=SentMessage.CLAIMED, claim_token=token, claimed_at=now, attempts=F("attempts") + 1,
    )
    return token if taken else None


def finished(block, items):
    """{(kind, subject, user id)} of these due items that need no more work (one query).

    Only a shortcut: a message that is due stays due for days, and every run would otherwise try
    (and fail) to claim it again; the claim itself still decides.
    """
    subjects = {item.subject for item in items}
    if not subjects:
        return set()
    done = Q(status__in=(SentMessage.SENT, SentMessage.SKIPPED)) | Q(status=SentMessage.FAILED,
                                                                    attempts__gte=MAX_ATTEMPTS)
    return set(SentMessage.objects.filter(done, block_key=block.block_key, kind__in={item.kind for item in items},
                                          subject__in=subjects).values_list("kind", "subject", "user_id"))


def _finish(kind, block, subject, user_id, token, **values):
    SentMessage.objects.filter(kind=kind, block_key=block.block_key, subject=subject, user_id=user_id,
                               claim_token=token, status=SentMessage.CLAIMED).update(**values)


def mark_sent(kind, block, subject, user_id, token):
    _finish(kind, block, subject, user_id, token, status=SentMessage.SENT, sent_at=timezone.now(), error="")


def mark_skipped(kind, block, subject, user_id, token, reason):
    """Never to be sent (the platform's policy said no): kept so later runs do not ask again."""
    _finish(kind, block, subject, user_id, token, status=SentMessage.SKIPPED, error=reason[:255])


def release(kind, block, subject, user_id, token, error):
    """The send failed: the next run tries again (up to MAX_ATTEMPTS in all)."""
    _finish(kind, block, subject, user_id, token, status=SentMessage.FAILED, error=str(error)[:255])
