"""Roles inside one block come from the database: membership and facilitation."""
import pytest

from verme_xblock import roles
from verme_xblock.api import access, groups
from verme_xblock.data import Viewer
from verme_xblock.errors import Refusal

pytestmark = pytest.mark.django_db

BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@one"
OTHER_BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@two"
STAFF = Viewer("1", "Staff", roles.STAFF, True, None)


def caller(user_id, staff=False):
    return roles.Caller(user_id, user_id, user_id, staff, "lms")


def test_roles_from_membership_and_facilitation():
    group_id = groups.create_group(BLOCK, STAFF, name="New teachers")
    groups.add_facilitator(BLOCK, STAFF, group_id, user_id="20", display_name="Maija")
    groups.assign_member(BLOCK, STAFF, group_id, user_id="30", display_name="Aino")

    facilitator = access.viewer_for(BLOCK, caller("20"))
    member = access.viewer_for(BLOCK, caller("30"))
    outsider = access.viewer_for(BLOCK, caller("40"))
    staff = access.viewer_for(BLOCK, caller("50", staff=True))

    assert (facilitator.role, facilitator.facilitated_group_ids) == (roles.FACILITATOR, (group_id,))
    assert (member.role, member.group_id) == (roles.LEARNER, group_id)
    assert (outsider.role, outsider.group_id) == (roles.LEARNER, None)
    assert staff.role == roles.STAFF
    assert member.can_see_group(group_id) and not outsider.can_see_group(group_id)
    assert staff.can_see_group(group_id) and facilitator.can_see_group(group_id)


def test_roles_do_not_leak_between_blocks():
    group_id = groups.create_group(BLOCK, STAFF, name="Counsellors")
    groups.add_facilitator(BLOCK, STAFF, group_id, user_id="20", display_name="Maija")
    assert access.viewer_for(OTHER_BLOCK, caller("20")).role == roles.LEARNER


def test_anonymous_caller_is_anonymous():
    assert access.viewer_for(BLOCK, roles.Caller(None, "", "", False, "lms")).role == roles.ANONYMOUS


def test_learner_cannot_create_groups():
    learner = Viewer("30", "Aino", roles.LEARNER, False, None)
    with pytest.raises(Refusal) as refused:
        groups.create_group(BLOCK, learner, name="Mine")
    assert refused.value.status == 403
    assert groups.list_groups(BLOCK) == []


def test_group_list_query_count_does_not_grow(django_assert_num_queries):
    for index in range(12):
        group_id = groups.create_group(BLOCK, STAFF, name=f"Group {index}")
        groups.add_facilitator(BLOCK, STAFF, group_id, user_id=f"f{index}", display_name=f"F {index}")
        for member in range(3):
            groups.assign_member(BLOCK, STAFF, group_id, user_id=f"{index}-{member}", display_name="M")
    with django_assert_num_queries(2):
        summaries = groups.list_groups(BLOCK)
    assert [s.member_count for s in summaries] == [3] * 12
