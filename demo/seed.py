"""Sample data for the demo: fictional people from several organisations, in English and Finnish.

Each capability adds its part here; `seed()` runs them in order and is safe to run again (a block
that already has groups is left as it is).
"""
from django.db import transaction
from workbench.scenarios import get_scenarios

from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer

STAFF = Viewer("staff_sanna", "Sanna Lehtinen", roles.STAFF, True, None)

# (name, target group, facilitator, members: (user id, name, organisation, role))
ENGLISH_GROUPS = [
    (
        "New teachers, autumn",
        "new_teachers",
        ("facilitator_maija", "Maija Koskinen"),
        [
            ("learner_aino", "Aino Virtanen", "Harbour Vocational College", "Teacher of welding"),
            ("learner_mikko", "Mikko Nieminen", "Lakeside Vocational Institute", "Teacher of ICT"),
            ("learner_liisa", "Liisa Järvinen", "Harbour Vocational College", "Teacher of nursing"),
            ("learner_oskar", "Oskar Lindqvist", "Northern Skills Centre", "Teacher of logistics"),
        ],
    ),
    (
        "Study counsellors",
        "study_counsellors",
        ("facilitator_johan", "Johan Berg"),
        [
            ("learner_helena", "Helena Salo", "Lakeside Vocational Institute", "Study counsellor"),
            ("learner_pekka", "Pekka Heikkinen", "Northern Skills Centre", "Study counsellor"),
        ],
    ),
]
FINNISH_GROUPS = [
    (
        "Kokeneet konkarit",
        "experienced",
        ("facilitator_maija", "Maija Koskinen"),
        [
            ("learner_tuula", "Tuula Mäkelä", "Koulutuskeskus Ranta", "Lehtori, sähköala"),
            ("learner_ville", "Ville Laine", "Ammattiopisto Pohjola", "Erityisopettaja"),
        ],
    ),
]


def scenario_block_keys():
    """The usage ids of the Verme blocks in the workbench scenarios, by scenario language."""
    keys = {}
    for scenario_id, scenario in get_scenarios().items():
        if scenario_id.startswith("verme."):
            language = "fi" if "(suomi)" in scenario.description else "en"
            keys[language] = f"{scenario.usage_id}"
    return keys


def _block_key(vertical_usage_id):
    # Scenario usage ids point at the <vertical_demo>; the Verme block is its first child.
    return vertical_usage_id.replace(".vertical_demo.d0.u0", ".verme.d0.u0")


@transaction.atomic
def seed_groups(block_key, group_specs):
    if groups.list_groups(block_key, include_archived=True):
        return False
    for name, target, (facilitator_id, facilitator_name), members in group_specs:
        group_id = groups.create_group(block_key, STAFF, name=name, target_group=target)
        groups.add_facilitator(block_key, STAFF, group_id, user_id=facilitator_id, display_name=facilitator_name)
        for user_id, display_name, organisation, role in members:
            groups.assign_member(
                block_key, STAFF, group_id,
                user_id=user_id, display_name=display_name, organisation=organisation, role=role,
            )
    return True


def seed():
    """Seed every scenario's block; returns the block keys that got new data."""
    seeded = []
    for language, usage_id in scenario_block_keys().items():
        block_key = _block_key(usage_id)
        specs = FINNISH_GROUPS if language == "fi" else ENGLISH_GROUPS
        if seed_groups(block_key, specs):
            seeded.append(block_key)
    return seeded
