"""Sample data for the demo: fictional people from several organisations, in English and Finnish.

Each capability adds its part here; `seed()` runs them in order and is safe to run again (a block
that already has groups is left as it is).
"""
import datetime
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone
from workbench.scenarios import get_scenarios

from demo.seed_season import seed_season
from verme_xblock import i18n, roles
from verme_xblock.api import access, bank, bank_moderation, bank_useful, groups, plans, reflections, sessions
from verme_xblock.data import Viewer
from verme_xblock.defaults import defaults_for
from verme_xblock.models import MentoringGroup, MentoringSession, Post

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


PLANS = {
    "en": ("## Ground rules\n\n- Everyone is an equal participant: every voice is heard and nobody dominates.\n"
           "- What is shared in the group stays in the group.\n\n"
           "## Our goals\n\n- Try one new guidance practice each month and tell the group how it went.\n"
           "- Build a shared list of tools for the first weeks of a new student.\n\n"
           "## Themes for our sessions\n\n- First weeks at work\n- Feedback to students\n- Coping at work\n"),
    "fi": ("## Pelisäännöt\n\n- Jokainen on tasavertainen osallistuja: jokaisen ääni tulee kuulluksi eikä "
           "kukaan dominoi.\n- Ryhmässä jaettu jää ryhmään.\n\n"
           "## Tavoitteemme\n\n- Kokeilemme joka kuukausi yhtä uutta ohjauskäytäntöä ja kerromme ryhmälle, "
           "miten se onnistui.\n- Kokoamme yhteisen listan työkaluista opiskelijan ensimmäisille viikoille.\n\n"
           "## Tapaamisten teemat\n\n- Työn alkuviikot\n- Palaute opiskelijoille\n- Työssä jaksaminen\n"),
}
SESSION_NOTES = {
    "en": "We agreed on our ground rules and chose three themes: first weeks, feedback, coping.",
    "fi": "Sovimme pelisäännöistä ja valitsimme kolme teemaa: alkuviikot, palaute ja jaksaminen.",
}


@transaction.atomic
def seed_group_spaces(block_key, language):
    """Sessions (the first two already held), attendance and a progress plan for each seeded group."""
    with i18n.active_catalogue(language):
        defaults = defaults_for(language)
        config = SimpleNamespace(session_count=5, session_interval_weeks=6, session_length_minutes=180,
                                 session_templates=defaults["session_templates"])
        today = timezone.localtime().replace(hour=13, minute=0, second=0, microsecond=0)
        first = today - datetime.timedelta(weeks=12, days=2)  # three sessions held, as the reflections expect
        for group in MentoringGroup.objects.filter(block_key=block_key).prefetch_related("memberships"):
            if MentoringSession.objects.filter(group=group).exists():
                continue
            sessions.generate_sessions(group.id, first, config)
            held = MentoringSession.objects.filter(group=group, starts_at__lt=today).order_by("number")
            members = list(group.memberships.order_by("display_name"))
            for session in held:
                records = {m.user_id: ("present", None) for m in members}
                if members and session.number == 2:
                    records[members[-1].user_id] = ("excused", 0)
                sessions.record_attendance(block_key, STAFF, session.id, records)
            held.filter(number=1).update(notes=SESSION_NOTES[language])
            if members:
                author = Viewer(members[0].user_id, members[0].display_name, roles.LEARNER, False, group.id)
                plans.save_plan(block_key, author, group.id, text=PLANS[language],
                                base_version=0)


# Good practices: (author, title, body, tag indexes in the default tag list, visibility,
# [(commenter, comment)], [people who found it useful])
ENGLISH_POSTS = [
    ("learner_aino", "Exit tickets after every lesson",
     "Three questions on a slip of paper at the end of the lesson:\n\n1. What did I learn today?\n"
     "2. What was hard?\n3. What do I want to ask next time?\n\nI read them the same afternoon and start the next "
     "lesson with the two most common questions. [A printable template](https://example.org/exit-ticket).",
     (5, 0), "course", [("learner_helena", "We use this in counselling sessions too: it works with adults.")],
     ["learner_mikko", "learner_helena", "learner_pekka"]),
    ("learner_mikko", "Pair programming with a workplace mentor",
     "Once a month a developer from a local company codes **together with two students** for an hour, on a real "
     "small task from the company.", (1, 6), "course", [], ["learner_oskar"]),
    ("learner_liisa", "Our five-minute check-in",
     "We start the team meeting with a round: *one thing that went well this week*. It changed the tone of the "
     "whole meeting.", (3,), "group", [("learner_aino", "Thank you, we tried it on Monday.")], ["learner_aino"]),
    ("learner_helena", "A shared calendar for work-life periods",
     "Counsellors and teachers keep one calendar of students' on-the-job learning periods, so visits are planned "
     "together and no student is forgotten.", (1, 4), "course", [], []),
]
FINNISH_POSTS = [
    ("learner_tuula", "Hiljaisen tiedon kartta",
     "Kirjoitimme parin kanssa paperille kaiken, mitä osaamme mutta emme ole koskaan opettaneet. "
     "Kartasta syntyi perehdytysmateriaali uusille kollegoille.", (7, 3), "course",
     [("learner_ville", "Hieno idea, kokeilemme tätä syksyllä.")], ["learner_ville"]),
    ("learner_ville", "Rauhallinen aloitus erityisopetuksessa",
     "Aloitan jokaisen oppitunnin samalla tavalla: **kolme minuuttia hiljaista työtä** ja päivän tavoite "
     "taululla. Opiskelijat tietävät, mitä odottaa.", (2, 0), "group", [], ["learner_tuula"]),
]


def _viewer(block_key, user_id, staff=False):
    names = {user_id: name for spec in ENGLISH_GROUPS + FINNISH_GROUPS for user_id, name, *_ in spec[3]}
    caller = roles.Caller(user_id, user_id, names.get(user_id, user_id), staff, "workbench")
    return access.viewer_for(block_key, caller)


@transaction.atomic
def seed_bank(block_key, language, post_specs):
    """Fictional good practices with comments and "useful" marks; a block that has posts is left alone."""
    if Post.objects.filter(block_key=block_key).exists():
        return False
    tags = defaults_for(language)["tags"]
    for author, title, body, tag_indexes, visibility, comments, useful in post_specs:
        post_id = bank.create_post(
            block_key, _viewer(block_key, author), title=title, body=body,
            tags=[tags[index] for index in tag_indexes], visibility=visibility,
            rate_limit={"posts": 100, "minutes": 1},
        ).id
        for commenter, text in comments:
            bank.add_comment(block_key, _viewer(block_key, commenter), post_id, body=text)
        for person in useful:
            bank_useful.toggle_useful(block_key, _viewer(block_key, person), post_id)
    if language == "en":
        post_id = Post.objects.filter(block_key=block_key).order_by("id").values_list("id", flat=True)[1]
        bank_moderation.report(block_key, _viewer(block_key, "learner_pekka"), post_id,
                               reason="Is the company named here happy to be mentioned?")
    return True


def seed():
    """Seed every scenario's block; returns the block keys that got new data."""
    seeded = []
    for language, usage_id in scenario_block_keys().items():
        block_key = _block_key(usage_id)
        specs = FINNISH_GROUPS if language == "fi" else ENGLISH_GROUPS
        added = seed_groups(block_key, specs)
        posts = FINNISH_POSTS if language == "fi" else ENGLISH_POSTS
        if seed_bank(block_key, language, posts) or added:
            seeded.append(block_key)
        seed_group_spaces(block_key, language)  # first: the reflections reuse these sessions
        seed_reflections(block_key, language)
        seed_visitors(block_key, language)
        seed_season(block_key, language)  # demo/seed_season.py: the session-1 plan and travel
        seed_messages(block_key, language)
    return seeded


# People who asked for the weekly good-practice digest in the demo.
DIGEST_READERS = {"en": ("learner_aino", "facilitator_maija"), "fi": ("learner_tuula",)}


def seed_messages(block_key, language):
    """Make the blocks known to `manage.py verme_send_messages` before anyone opens them (a view
    does the same), and sign a few people up for the weekly digest."""
    from django.conf import settings

    from verme_xblock.api import messages
    from verme_xblock.mail import kinds
    from verme_xblock.scenarios import SCENARIOS
    from verme_xblock.views.messages import component_url

    block = SimpleNamespace(scope_ids=SimpleNamespace(usage_id=block_key))
    messages.register_block(messages.BlockSettings(
        block_key=block_key, course_key=block_key, runtime="workbench",  # a workbench key has no course
        display_name=SCENARIOS[1 if language == "fi" else 0][1], url=component_url(block, "workbench"),
        reminder_days=kinds.DEFAULT_REMINDER_DAYS, kinds=kinds.KINDS,
    ))
    people = getattr(settings, "VERME_WORKBENCH_PEOPLE", {})
    for user_id in DIGEST_READERS[language]:
        viewer = Viewer(user_id, people.get(user_id, {}).get("name", user_id), roles.LEARNER, False, None)
        messages.save_choices(block_key, block_key, viewer, {*kinds.KINDS} - {kinds.ATTENDANCE_REMINDER})


# Learners who opened the block but have not found a group yet (the staff dashboard lists them).
VISITORS = {"en": [("learner_emma", "Emma Korhonen")], "fi": [("learner_eetu", "Eetu Rantanen")]}


def seed_visitors(block_key, language):
    from verme_xblock.models import Visitor

    for user_id, name in VISITORS.get(language, ()):
        Visitor.objects.get_or_create(block_key=block_key, user_id=user_id, defaults={"display_name": name})


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

    name = getattr(settings, "VERME_WORKBENCH_PEOPLE", {}).get(user_id, {}).get("name", user_id)
    return Viewer(user_id, name, roles.LEARNER, False, group_id)
