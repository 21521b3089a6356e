"""Sample data for the demo: fictional people from several organisations, in English and Finnish.

Each capability adds its part here; `seed()` runs them in order and is safe to run again (a block
that already has groups is left as it is).
"""
import datetime
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone
from workbench.scenarios import get_scenarios

from verme_xblock import roles
from verme_xblock.api import groups, reflections
from verme_xblock.data import Viewer
from verme_xblock.defaults import defaults_for

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
        seed_reflections(block_key, language)
    return seeded


# Reflections: the first group of each block meets five times, six weeks apart; three sessions are
# already held. (group member, session number or 0 for the baseline, Likert answers, open answers, shared)
REFLECTIONS = {
    "en": [
        ("learner_aino", 0, [2, 2, 3, 2, 3, 2, 4, 4], {"next_step": "Ask a colleague to observe one lesson."},
         False),
        ("learner_aino", 1, [3, 3, 3, 3, 3, 3, 4, 4], {"went_well": "I dared to tell the group about a hard week."},
         True),
        ("learner_aino", 2, [4, 4, 4, 4, 4, 3, 5, 5],
         {"learned_from": "Mikko's way to start a lesson with a question."}, False),
        ("learner_mikko", 1, [4, 3, 3, 4, 3, 4, 4, 4], {}, False),
        ("learner_mikko", 2, [4, 4, 3, 4, 4, 4, 5, 4], {"next_step": "Try the exit ticket in my ICT class."}, False),
        ("learner_liisa", 1, [3, 2, 2, 3, 2, 3, 4, 5], {}, False),
        ("learner_oskar", 1, [4, 3, 4, 4, 4, 3, 4, 4], {}, False),
    ],
    "fi": [
        ("learner_tuula", 1, [3, 3, 4, 2, 4, 3, 4, 4], {"went_well": "Sain jaettua perehdytysmallini muille."}, True),
        ("learner_tuula", 2, [4, 3, 4, 4, 5, 4, 5, 5], {"next_step": "Kokeilen pariohjausta uuden kollegan kanssa."},
         False),
        ("learner_ville", 1, [4, 4, 3, 3, 3, 4, 5, 4], {}, False),
    ],
}
SESSIONS_HELD = 3


@transaction.atomic
def seed_reflections(block_key, language):
    """Sessions for the block's first group and a few reflections; skipped when the block has reflections."""
    first = groups.list_groups(block_key)[:1]
    if not first or reflections.block_has_reflections(block_key):
        return False
    defaults = defaults_for(language)
    config = SimpleNamespace(likert_items=defaults["likert_items"], open_prompts=defaults["open_prompts"])
    group_id = first[0].id
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    session_ids = {}
    for number, template in enumerate(defaults["session_templates"], start=1):
        starts_at = now + datetime.timedelta(weeks=6 * (number - SESSIONS_HELD), days=-2)
        session_ids[number] = reflections.ensure_session(
            group_id, number, title=template["title"], starts_at=starts_at
        )
    item_ids = [item["id"] for item in defaults["likert_items"]]
    for user_id, number, values, texts, shared in REFLECTIONS[language]:
        viewer = _member_viewer(group_id, user_id)
        session_id = session_ids[number] if number else None
        likert = dict(zip(item_ids, values, strict=True))
        reflections.save_reflection(block_key, viewer, config, session_id, likert, texts, submit=True)
        if shared:
            reflections.set_shared(block_key, viewer, session_id, True)
    return True


def _member_viewer(group_id, user_id):
    from django.conf import settings

    name = getattr(settings, "VERME_WORKBENCH_NAMES", {}).get(user_id, user_id)
    return Viewer(user_id, name, roles.LEARNER, False, group_id)
