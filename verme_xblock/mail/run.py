"""One run of the sender: for every registered block, find what is due and send each message once.

The steps follow edx-ace's pipeline (`edx_ace.ace.send`: policy, presentation, delivery) with two
differences: the templates render with this package's own catalogue in the reader's language and
time zone, and delivery goes through `AttachingEmailChannel` directly, so an error reaches us and
the claim is released for the next run instead of being logged and forgotten.
"""
import logging
from dataclasses import dataclass

from django.utils import timezone
from edx_ace import policy
from edx_ace.channel import ChannelType
from edx_ace.recipient import Recipient
from edx_ace.renderers import EmailRenderer

from .. import i18n
from . import claims, digest, due, kinds
from .channel import ATTACHMENTS, AttachingEmailChannel
from .context import attachments_for, context_for
from .models import MessageBlock, MessagePreference
from .readers import readers

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    skipped: int = 0

    def __str__(self):
        return f"{self.sent} sent, {self.failed} failed (to be retried), {self.skipped} refused by policy"


def _rules(block_kinds):
    if {kinds.SESSION_REMINDER, kinds.CHANGE_NOTICE} & block_kinds:
        yield due.session_messages
    if kinds.REFLECTION_REMINDER in block_kinds:
        yield due.reflection_messages
    if kinds.ATTENDANCE_REMINDER in block_kinds:
        yield due.attendance_messages
    if kinds.DIGEST in block_kinds:
        yield digest.digest_messages


def send_due_messages(now=None):
    """Send everything due now in every block; safe to run at any time, by any number of workers."""
    now = now or timezone.now()
    outcome = Outcome()
    channel = AttachingEmailChannel()
    for block in MessageBlock.objects.order_by("id"):
        try:
            send_block(block, now, channel, outcome)
        except Exception:  # one broken block must not stop the others; the next run tries again
            log.exception("Verme messages of block %s failed", block.block_key)
            outcome.failed += 1
    log.info("Verme messages: %s", outcome)
    return outcome


def send_block(block, now, channel, outcome):
    block_kinds = set(block.kinds)
    items = [item for rule in _rules(block_kinds) for item in rule(block, now) if item.kind in block_kinds]
    if not items:
        return
    user_ids = {user_id for item in items for user_id in item.user_ids}
    chosen = dict(((user_id, kind), enabled) for user_id, kind, enabled in MessagePreference.objects.filter(
        block_key=block.block_key, user_id__in=user_ids).values_list("user_id", "kind", "enabled"))
    found = readers(block.runtime, user_ids)
    finished = claims.finished(block, items)
    for item in items:
        message_type = kinds.MESSAGE_TYPES[item.kind]()
        for user_id in item.user_ids:
            if not chosen.get((user_id, item.kind), kinds.PERSONAL_DEFAULTS[item.kind]) or user_id not in found:
                continue
            if (item.kind, item.subject, user_id) in finished:
                continue
            token = claims.claim(item.kind, block, item.subject, user_id, now)
            if token:
                _send_one(channel, message_type, item, found[user_id], block, token, outcome)


def _send_one(channel, message_type, item, reader, block, token, outcome):
    key = (item.kind, block, item.subject, reader.user_id, token)
    try:
        with i18n.active_catalogue(reader.language), timezone.override(reader.time_zone):
            message = message_type.personalize(
                Recipient(lms_user_id=reader.user_id, email_address=reader.email), reader.language,
                context_for(item, reader, block),
            )
            attachments = attachments_for(item, block, reader, channel.get_from_address(message))
            message.options = {**message.options, ATTACHMENTS: attachments}
            if ChannelType.EMAIL not in policy.channels_for(message):
                claims.mark_skipped(*key, reason="refused by an edx-ace policy")
                outcome.skipped += 1
                return
            rendered = EmailRenderer().render(channel, message)
        channel.deliver(message, rendered)
    except Exception as error:  # released, and tried again by the next run
        log.warning("Verme %s to user %s failed: %s", item.kind, reader.user_id, error)
        claims.release(*key, error=error)
        outcome.failed += 1
        return
    claims.mark_sent(*key)
    outcome.sent += 1
