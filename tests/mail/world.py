"""A course with two groups, their people in three languages, and sessions at chosen times."""
import datetime

from django.utils import timezone

from verme_xblock.api import messages as api_messages
from verme_xblock.mail import kinds
from verme_xblock.models import Facilitator, Membership, MentoringGroup, MentoringSession

BLOCK = "block-v1:Verme+Mail+2026+type@verme+block@mail1"
COURSE = "course-v1:Verme+Mail+2026"
PEOPLE = {
    "fac_a": {"name": "Maija Koskinen", "email": "maija@example.org", "language": "fi"},
    "aino": {"name": "Aino Virtanen", "email": "aino@example.org", "language": "fi"},
    "oskar": {"name": "Oskar Lindqvist", "email": "oskar@example.org", "language": "sv",
              "time_zone": "Europe/Stockholm"},
    "emma": {"name": "Emma Clark", "email": "emma@example.org", "language": "en", "time_zone": "Europe/London"},
    "fac_b": {"name": "Johan Berg", "email": "johan@example.org", "language": "sv"},
    "bert": {"name": "Bert Olsen", "email": "bert@example.org", "language": "en"},
    "noaddress": {"name": "No Address", "email": "", "language": "fi"},
}
NOW = datetime.datetime(2027, 1, 11, 8, 0, tzinfo=datetime.UTC)  # a Monday


def register(reminder_days=(7, 1), message_kinds=kinds.KINDS, block_key=BLOCK):
    api_messages.register_block(api_messages.BlockSettings(
        block_key=block_key, course_key=COURSE, runtime="workbench", display_name="Peer-group mentoring",
        url="http://testserver/scenario/mail/", reminder_days=tuple(reminder_days), kinds=tuple(message_kinds),
    ))


def group(name, facilitator, members, block_key=BLOCK, **fields):
    created = MentoringGroup.objects.create(block_key=block_key, name=name, **fields)
    Facilitator.objects.create(group=created, user_id=facilitator, display_name=PEOPLE[facilitator]["name"])
    for user_id in members:
        Membership.objects.create(block_key=block_key, group=created, user_id=user_id,
                                  display_name=PEOPLE.get(user_id, {}).get("name", user_id))
    return created


def session(group_, number, starts_at, **fields):
    values = {"title": f"Session {number}", "duration_minutes": 180, **fields}
    return MentoringSession.objects.create(group=group_, number=number, starts_at=starts_at, **values)


def make_world(**group_fields):
    register()
    group_a = group("Night owls", "fac_a", ["aino", "oskar", "emma", "noaddress"], place="Room 101",
                    meeting_url="https://meet.example.org/owls", **group_fields)
    group_b = group("Early birds", "fac_b", ["bert"], place="Room 202")
    return group_a, group_b


def days(number):
    return datetime.timedelta(days=number)


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))
