"""Datasets of three sizes, written with bulk inserts (fast) straight into the product's tables."""
import datetime

from django.utils import timezone

from verme_xblock import models
from verme_xblock.api import bank_useful

BLOCK_KEY = "verme-peer-group-mentoring-english.verme.d0.u0"
SCENARIO = "verme.0"
LEARNER, FACILITATOR, STAFF = "u0", "f0", "staff_sanna"

SIZES = {
    "small": {"groups": 3, "participants": 21, "posts": 30, "reactions": 100, "comments": 30, "reflections": 30},
    "medium": {"groups": 20, "participants": 180, "posts": 2000, "reactions": 10000, "comments": 2000,
               "reflections": 500},
    "large": {"groups": 100, "participants": 900, "posts": 20000, "reactions": 100000, "comments": 20000,
              "reflections": 5000},
    # For docs/scaling.md: a season of a large network.
    "xlarge": {"groups": 1000, "participants": 9000, "posts": 200000, "reactions": 400000, "comments": 50000,
               "reflections": 20000},
}

ORGANISATIONS = ["Harbour Vocational College", "Lakeside Vocational Institute", "Northern Skills Centre",
                 "Koulutuskeskus Ranta", "Ammattiopisto Pohjola"]
BATCH = 2000


def seed(size):
    """Write one dataset; returns the counts written per table."""
    spec = SIZES[size]
    written = {}
    for seeder in SEEDERS:
        written.update(seeder(spec))
    return written


def member_ids(spec):
    return [f"u{index}" for index in range(spec["participants"])]


def group_of(spec, user_index):
    return user_index % spec["groups"]


def seed_groups(spec):
    start = timezone.now() - datetime.timedelta(weeks=30)  # the whole season has been held
    groups = models.MentoringGroup.objects.bulk_create(
        models.MentoringGroup(block_key=BLOCK_KEY, name=f"Group {index:03d}", target_group="new_teachers",
                              min_size=5, max_size=10)
        for index in range(spec["groups"])
    )
    models.Facilitator.objects.bulk_create(
        models.Facilitator(group=group, user_id=f"f{index}", display_name=f"Facilitator {index}")
        for index, group in enumerate(groups)
    )
    models.Membership.objects.bulk_create(
        (
            models.Membership(block_key=BLOCK_KEY, group=groups[group_of(spec, index)], user_id=user_id,
                              display_name=f"Participant {index}", organisation=ORGANISATIONS[index % 5],
                              role="Teacher")
            for index, user_id in enumerate(member_ids(spec))
        ),
        batch_size=BATCH,
    )
    sessions = models.MentoringSession.objects.bulk_create(
        (
            models.MentoringSession(group=group, number=number + 1, title=f"Session {number + 1}",
                                    starts_at=start + datetime.timedelta(weeks=6 * number), duration_minutes=180)
            for group in groups
            for number in range(5)
        ),
        batch_size=BATCH,
    )
    return {"groups": len(groups), "memberships": spec["participants"], "sessions": len(sessions)}


def seed_bank(spec):
    """Good-practice posts (course-wide and group-only, two tags each), comments and useful marks."""
    groups = list(models.MentoringGroup.objects.filter(block_key=BLOCK_KEY).order_by("id").values_list("id", flat=True))
    people = member_ids(spec)
    tags = ["Networks", "Assessment", "Digital tools", "Work wellbeing"]
    models.Post.objects.bulk_create(
        (
            models.Post(block_key=BLOCK_KEY, author_id=people[index % len(people)],
                        author_name=f"Participant {index % len(people)}",
                        author_organisation=ORGANISATIONS[index % 5],
                        group_id=groups[group_of(spec, index % len(people))],
                        visibility="group" if index % 4 == 0 else "course",
                        title=f"Good practice {index}", body=f"What we tried, number {index}, and what we learned.")
            for index in range(spec["posts"])
        ),
        batch_size=BATCH,
    )
    # Shared over the past season, not all just now (the posting rate limit counts recent posts).
    models.Post.objects.filter(block_key=BLOCK_KEY).update(created_at=timezone.now() - datetime.timedelta(days=30))
    post_ids = list(models.Post.objects.filter(block_key=BLOCK_KEY).values_list("id", flat=True))
    models.PostTag.objects.bulk_create(
        (models.PostTag(post_id=post_id, tag=tag) for index, post_id in enumerate(post_ids)
         for tag in (tags[index % 4], tags[(index + 1) % 4])),
        batch_size=BATCH,
    )
    models.Comment.objects.bulk_create(
        (models.Comment(post_id=post_ids[index % len(post_ids)], author_id=people[index % len(people)],
                        author_name=f"Participant {index % len(people)}", body="Thank you, we will try this.")
         for index in range(spec["comments"])),
        batch_size=BATCH,
    )
    # Each person marks consecutive posts, so (post, person) pairs never repeat.
    models.Reaction.objects.bulk_create(
        (models.Reaction(post_id=post_ids[(index // len(people) + index) % len(post_ids)],
                         user_id=people[index % len(people)])
         for index in range(spec["reactions"])),
        batch_size=BATCH, ignore_conflicts=True,
    )
    bank_useful.recount_useful(models.Post.objects.filter(block_key=BLOCK_KEY))  # bulk rows skip toggle_useful's count
    return {"posts": len(post_ids), "post_tags": 2 * len(post_ids), "comments": spec["comments"],
            "reactions": models.Reaction.objects.filter(post__block_key=BLOCK_KEY).count()}


def seed_reflections(spec):
    """Submitted reflections with the eight statements answered: member by member, session by session."""
    from verme_xblock.defaults import defaults_for

    items = [item["id"] for item in defaults_for("en")["likert_items"]]
    sessions = {}
    for session_id, group_id, number in models.MentoringSession.objects.filter(group__block_key=BLOCK_KEY).values_list(
        "id", "group_id", "number"
    ):
        sessions.setdefault(group_id, []).append((number, session_id))
    groups = list(models.MentoringGroup.objects.filter(block_key=BLOCK_KEY).order_by("id").values_list("id", flat=True))
    now = timezone.now()
    wanted = []
    for number in (1, 2, 3, 4, 5, 0):  # sessions 1–5, then baselines, until the dataset's count is reached
        for index, user_id in enumerate(member_ids(spec)):
            group_id = groups[group_of(spec, index)]
            session_id = dict(sessions[group_id]).get(number) if number else None
            wanted.append(models.Reflection(
                block_key=BLOCK_KEY, user_id=user_id, display_name=f"Participant {index}", group_id=group_id,
                session_id=session_id, slot=session_id or 0, status="submitted", submitted_at=now,
            ))
    reflections = models.Reflection.objects.bulk_create(wanted[: spec["reflections"]], batch_size=BATCH)
    if not all(reflection.pk for reflection in reflections):  # backends that return no ids on bulk insert
        reflections = list(models.Reflection.objects.filter(block_key=BLOCK_KEY))
    models.ReflectionAnswer.objects.bulk_create(
        (models.ReflectionAnswer(reflection=reflection, item_id=item, kind="likert", value=1 + (index + n) % 5)
         for index, reflection in enumerate(reflections) for n, item in enumerate(items)),
        batch_size=BATCH,
    )
    return {"reflections": len(reflections), "reflection_answers": len(reflections) * len(items)}


# Each capability adds its seeder here; they run in order.
SEEDERS = [seed_groups, seed_bank, seed_reflections]
