"""Concurrent write scenarios: the calls to send, and a check that no successful write was lost."""

# Each entry: (name, build(spec) -> list of (user_id, handler, payload), verify(results) -> dict).
WRITE_SCENARIOS = []


def _useful_calls(spec):
    """Every participant marks one new post useful at once."""
    from verme_xblock import models

    from .datasets import BLOCK_KEY, member_ids

    post = models.Post.objects.create(block_key=BLOCK_KEY, author_id="staff_sanna", author_name="Sanna",
                                      visibility="course", title="Everyone mark this", body="Useful?")
    _useful_calls.post_id = post.id
    return [(user_id, "bank_useful", {"post_id": post.id}) for user_id in member_ids(spec)]


def _useful_verify(figures):
    from verme_xblock import models

    counted = models.Reaction.objects.filter(post_id=_useful_calls.post_id).count()
    return {"lost_writes": figures["ok"] - counted}


WRITE_SCENARIOS.append(("bank: useful on one post", _useful_calls, _useful_verify))


def _join_calls(_spec):
    """Twice as many newcomers as seats try to join one empty group at once."""
    from verme_xblock import models

    from .datasets import BLOCK_KEY

    group = models.MentoringGroup.objects.create(block_key=BLOCK_KEY, name="Open seats", min_size=5, max_size=9)
    _join_calls.group_id = group.id
    return [(f"newcomer{index}", "group_join", {"group_id": group.id}) for index in range(2 * group.max_size + 32)]


def _join_verify(figures):
    from verme_xblock import models

    members = models.Membership.objects.filter(group_id=_join_calls.group_id).count()
    return {"lost_writes": figures["ok"] - members, "seats_taken": members, "over_capacity": max(members - 9, 0)}


def _post_calls(spec):
    """Every participant shares one good practice at once."""
    from .datasets import member_ids

    return [(user_id, "bank_create", {"title": f"Concurrent practice {index}", "body": "Tried and shared.",
                                      "tags": ["Networks"], "visibility": "course"})
            for index, user_id in enumerate(member_ids(spec)[:200])]


def _post_verify(figures):
    from verme_xblock import models

    created = models.Post.objects.filter(title__startswith="Concurrent practice ").count()
    return {"lost_writes": figures["ok"] - created}


def _reflection_calls(spec):
    """Participants save a draft baseline reflection at once (the seed leaves them without one)."""
    from verme_xblock import models

    from .datasets import BLOCK_KEY, member_ids

    taken = set(models.Reflection.objects.filter(block_key=BLOCK_KEY, slot=0).values_list("user_id", flat=True))
    free = [user_id for user_id in member_ids(spec) if user_id not in taken][:200]
    _reflection_calls.users = free
    return [(user_id, "reflection_save", {"submit": False, "answers": {"wellbeing": 4, "next_step": "Ask."}})
            for user_id in free]


def _reflection_verify(figures):
    from verme_xblock import models

    saved = models.Reflection.objects.filter(user_id__in=_reflection_calls.users, slot=0).count()
    return {"lost_writes": figures["ok"] - saved}


WRITE_SCENARIOS.extend([
    ("groups: join one group", _join_calls, _join_verify),
    ("bank: share a practice", _post_calls, _post_verify),
    ("reflections: save a draft", _reflection_calls, _reflection_verify),
])
