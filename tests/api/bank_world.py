"""A small course for the bank tests: two groups from several organisations, a facilitator, staff."""
from dataclasses import dataclass

from verme_xblock import roles
from verme_xblock.api import access, bank, groups

BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@bank"
STAFF_CALLER = roles.Caller("staff", "staff", "Sanna Staff", True, "lms")


def viewer(user_id, name=None, staff=False, block=BLOCK):
    return access.viewer_for(block, roles.Caller(user_id, user_id, name or user_id, staff, "lms"))


@dataclass
class World:
    block: str
    group_a: int
    group_b: int

    @property
    def staff(self):
        return viewer("staff", "Sanna Staff", staff=True, block=self.block)

    def person(self, user_id):
        return viewer(user_id, block=self.block)


def make_world(block=BLOCK):
    """Group A: aino (Harbour), mikko (Lakeside), facilitator maija. Group B: helena (Northern),
    facilitator johan. outsider: in no group."""
    staff = access.viewer_for(block, STAFF_CALLER)
    group_a = groups.create_group(block, staff, name="New teachers")
    group_b = groups.create_group(block, staff, name="Study counsellors")
    groups.add_facilitator(block, staff, group_a, user_id="maija", display_name="Maija Koskinen")
    groups.add_facilitator(block, staff, group_b, user_id="johan", display_name="Johan Berg")
    for group_id, user_id, name, organisation in (
        (group_a, "aino", "Aino Virtanen", "Harbour Vocational College"),
        (group_a, "mikko", "Mikko Nieminen", "Lakeside Vocational Institute"),
        (group_b, "helena", "Helena Salo", "Northern Skills Centre"),
    ):
        groups.assign_member(block, staff, group_id, user_id=user_id, display_name=name, organisation=organisation)
    return World(block, group_a, group_b)


def share(world, user_id, title="A practice", body="Body", tags=("Networks",), visibility="course", **kwargs):
    return bank.create_post(
        world.block, world.person(user_id), title=title, body=body, tags=list(tags), visibility=visibility, **kwargs
    ).id


def titles(page):
    return [post.title for post in page.posts]
