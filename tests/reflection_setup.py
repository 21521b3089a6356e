"""A group with members, a facilitator and held sessions, for the reflection tests."""
import datetime
from dataclasses import dataclass

from django.utils import timezone

from tests.runtimes import make_block
from verme_xblock import roles
from verme_xblock.api import groups, reflections
from verme_xblock.data import Viewer

STAFF = Viewer("staff", "Staff", roles.STAFF, True, None)
MEMBERS = ("m1", "m2", "m3", "m4", "m5")


@dataclass
class Season:
    block_key: str
    group_id: int
    other_group_id: int
    sessions: list  # ids of sessions 1..n (held), then one in the future
    other_session: int  # a held session of the other group

    def member(self, user_id):
        return Viewer(user_id, f"Member {user_id}", roles.LEARNER, False, self.group_id)

    def facilitator(self):
        return Viewer("fac", "Facilitator", roles.FACILITATOR, False, None, (self.group_id,))

    def outsider(self):
        return Viewer("x1", "Outsider", roles.LEARNER, False, self.other_group_id)


def make_season(block_key, held=3, members=MEMBERS):
    group_id = groups.create_group(block_key, STAFF, name="Group A")
    other = groups.create_group(block_key, STAFF, name="Group B")
    groups.add_facilitator(block_key, STAFF, group_id, user_id="fac", display_name="Facilitator")
    for user_id in members:
        groups.assign_member(block_key, STAFF, group_id, user_id=user_id, display_name=f"Member {user_id}")
    groups.assign_member(block_key, STAFF, other, user_id="x1", display_name="Outsider")
    now = timezone.now()
    sessions = [
        reflections.ensure_session(group_id, number, title=f"Session title {number}",
                                   starts_at=now - datetime.timedelta(weeks=6 * (held - number) + 1))
        for number in range(1, held + 1)
    ]
    sessions.append(reflections.ensure_session(group_id, held + 1, title="Later",
                                               starts_at=now + datetime.timedelta(weeks=6)))
    other_session = reflections.ensure_session(other, 1, title="B1", starts_at=now - datetime.timedelta(days=3))
    return Season(block_key, group_id, other, sessions, other_session)


def member_block(user_id, **kwargs):
    return make_block(user_id, username=user_id, full_name=f"Member {user_id}", **kwargs)


def all_items(config, value=3):
    return {item["id"]: value for item in config.likert_items}
