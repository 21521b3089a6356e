"""The kinds of message, as edx-ace message types (the platform defines its e-mails the same way,
e.g. openedx-platform `openedx/core/djangoapps/ace_common/message.py` `BaseMessageType` and the
schedules app's `RecurringNudge`): the type's name picks the templates under
`templates/verme_xblock/edx_ace/<name>/email/`.
"""
from django.conf import settings
from django.utils.translation import gettext_lazy
from edx_ace.message import MessageType

SESSION_REMINDER = "session_reminder"
CHANGE_NOTICE = "change_notice"
REFLECTION_REMINDER = "reflection_reminder"
ATTENDANCE_REMINDER = "attendance_reminder"
DIGEST = "good_practice_digest"
KINDS = (SESSION_REMINDER, CHANGE_NOTICE, REFLECTION_REMINDER, ATTENDANCE_REMINDER, DIGEST)
# What a person gets when they have not chosen: every kind but the digest, which is opt-in.
PERSONAL_DEFAULTS = {kind: kind != DIGEST for kind in KINDS}
DEFAULT_REMINDER_DAYS = (7, 1)

LABELS = {
    SESSION_REMINDER: gettext_lazy("Reminders before sessions"),
    CHANGE_NOTICE: gettext_lazy("Notices when a session's time, place or link changes or it is cancelled"),
    REFLECTION_REMINDER: gettext_lazy("Reminder to write my reflection the day after a session"),
    ATTENDANCE_REMINDER: gettext_lazy("Reminder to record attendance (facilitators)"),
    DIGEST: gettext_lazy("Weekly digest of new good practices"),
}


class VermeMessageType(MessageType):
    """A Verme e-mail: our app's templates, from the platform's default sender."""

    APP_LABEL = "verme_xblock"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options["transactional"] = False
        from_address = getattr(settings, "VERME_MESSAGES_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL
        self.options["from_address"] = from_address


class SessionReminder(VermeMessageType):
    NAME = SESSION_REMINDER


class ChangeNotice(VermeMessageType):
    NAME = CHANGE_NOTICE


class ReflectionReminder(VermeMessageType):
    NAME = REFLECTION_REMINDER


class AttendanceReminder(VermeMessageType):
    NAME = ATTENDANCE_REMINDER


class GoodPracticeDigest(VermeMessageType):
    NAME = DIGEST


MESSAGE_TYPES = {cls.NAME: cls for cls in (SessionReminder, ChangeNotice, ReflectionReminder, AttendanceReminder,
                                           GoodPracticeDigest)}
